// One recogniser of banners (issue 10 item 4): the parser, the TextMate grammar and package.json
// firstLine are built from server/src/parse/class-words.ts, and agree on every banner of the corpus
// and era fixtures and on the misspaced and era forms (CC O N F I D E N T I A L, SS E C R E T,
// LIMITED OFFICIAL USE).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { parse } from '../../server/src/parse';
import { BANNER_SOURCE, caseless, CLASS_WORDS, classWordOf } from '../../server/src/parse/class-words';
import { corpusNames, readCorpus, ROOT } from '../parse/fixtures';
import { nestedQuantifiers } from '../robust/regex.test';

const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'cable.tmLanguage.json');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const FIRST_LINE = new RegExp(pkg.contributes.languages.find((l: { id: string }) => l.id === 'cable').firstLine);

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function grammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.cable' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const g = await registry.loadGrammar('text.cable');
    assert.ok(g);
    return g;
  })();
  return grammarPromise;
}

/** The grammar's classification scope on the first character of `word` in `line` (tokenized as a line of its own). */
async function grammarScope(line: string, at: number): Promise<string | undefined> {
  const g = await grammar();
  const { tokens } = g.tokenizeLine(line, vsctm.INITIAL);
  const t = tokens.find((k) => k.startIndex <= at && at < k.endIndex);
  const s = t?.scopes.find((x) => x.includes('.banner.cable'));
  return s ? /classification\.(\w+)\.banner/.exec(s)![1] : undefined;
}

interface Verdict {
  parser?: string;
  grammar?: string;
  firstLine: boolean;
}

/** What each of the three makes of a line standing first in a file. */
async function verdicts(line: string): Promise<Verdict> {
  const b = parse(line + '\n').banner;
  const lead = line.length - line.trimStart().length;
  return {
    parser: b && b.post && b.serial ? classWordOf(b.classText.text).scope : undefined,
    grammar: await grammarScope(line, lead),
    firstLine: FIRST_LINE.test(line),
  };
}

test('the three recognisers agree on the misspaced and era banners of issue 10', async () => {
  const cases: [string, string][] = [
    ['CC O N F I D E N T I A L BAKU 000146', 'confidential'],
    ['SS E C R E T ASMARA 000546', 'secret'],
    ['C O N F I D E N T I A L BAKU 000146', 'confidential'],
    ['CO N F I D E N T I A L SECTION 01 OF 03 PARIS 001699', 'confidential'],
    ['LIMITED OFFICIAL USE ROME 2959', 'sbu'],
    ['LIMITED OFFICIAL USE SECTION 1 OF 2 CAIRO 1720', 'sbu'],
    ['UNCLAS E F T O LONDON 002363', 'unclassified'],
    ['T O P  S E C R E T STATE 000001', 'topsecret'],
    ['C o n f i d e n t i a l section 01 of 04 ankara 000348', 'confidential'],
    ['Unclas nairobi 000165', 'unclassified'],
  ];
  for (const [line, scope] of cases) {
    assert.deepEqual(await verdicts(line), { parser: scope, grammar: scope, firstLine: true }, line);
  }
  // Not banners for any of the three: prose, a page marking with the printout's control number, a page line.
  for (const line of [
    'Secret plans for the weekend',
    'CONFIDENTIAL PTQ1865',
    'PAGE 02 HARARE 06677 01 OF 03 291400Z',
    'LIMITED OFFICIAL USE',
  ]) {
    const v = await verdicts(line);
    assert.equal(v.parser, undefined, line);
    assert.equal(v.firstLine, false, line);
    if (line.startsWith('PAGE') || line.startsWith('Secret')) assert.equal(v.grammar, undefined, line);
  }
});

test('the parser, the grammar and firstLine agree on every banner of the corpus and era fixtures', async () => {
  let seen = 0;
  const levels = new Set<string>();
  for (const name of corpusNames()) {
    const text = readCorpus(name);
    const cable = parse(text);
    const b = cable.banner;
    if (!b?.post || !b.serial) continue;
    const line = cable.lines.find((l) => l.start <= b.start && b.start <= l.end)!;
    // A banner glued to a record prefix (`Cable dated:...]C O N F...`) is not a first line.
    if (text.slice(line.start, b.start).trim() !== '') continue;
    const want = classWordOf(b.classText.text).scope;
    assert.equal(
      want,
      CLASS_WORDS.find((w) => w.level === b.level && w.scope === want)?.scope,
      `${name}: level ${b.level} is scope ${want}`,
    );
    const v = await verdicts(line.text);
    assert.deepEqual(v, { parser: want, grammar: want, firstLine: true }, `${name}: ${line.text}`);
    levels.add(want);
    seen++;
  }
  assert.ok(seen >= 150, `${seen} banners compared`);
  // The era fixtures bring LIMITED OFFICIAL USE: every scope is exercised.
  assert.deepEqual([...levels].sort(), ['confidential', 'sbu', 'secret', 'unclassified']);
});

test('firstLine is generated from the core recogniser, and neither it nor the banner source can backtrack', () => {
  const fl: string = pkg.contributes.languages.find((l: { id: string }) => l.id === 'cable').firstLine;
  assert.ok(fl.includes(caseless(BANNER_SOURCE)), 'firstLine holds the core banner source');
  assert.deepEqual(nestedQuantifiers(fl), []);
  assert.deepEqual(nestedQuantifiers(BANNER_SOURCE), []);
});
