// Semantic tokens over the protocol: the legend, full and range requests decoded against the text, LF and CRLF.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InitializeResult, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { Client, fixture, seedText, uriOf } from './harness';

let c: Client;
let init: InitializeResult;
let legend: SemanticTokensLegend;

before(async () => {
  c = new Client();
  init = await c.initialize();
  legend = (init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
});
after(async () => {
  await c.close();
});

/** Decodes the relative encoding into `type[.modifiers] text` against the client's copy of the text. */
function decode(text: string, data: number[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len, type, bits] = data.slice(i, i + 5);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    const mods = legend.tokenModifiers.filter((_, k) => bits & (1 << k));
    out.push([legend.tokenTypes[type], ...mods].join('.') + ' ' + lines[line].slice(char, char + len));
  }
  return out;
}

async function tokens(
  uri: string,
  range?: { start: { line: number; character: number }; end: { line: number; character: number } },
): Promise<string[]> {
  const method = range ? 'textDocument/semanticTokens/range' : 'textDocument/semanticTokens/full';
  const r = await c.request<SemanticTokens>(method, { textDocument: { uri }, ...(range ? { range } : {}) });
  return decode(c.texts.get(uri)!, r.data);
}

describe('semantic tokens', () => {
  test('the server announces full and range tokens with standard types', () => {
    const p = init.capabilities.semanticTokensProvider as { full: boolean; range: boolean };
    assert.equal(p.full, true);
    assert.equal(p.range, true);
    for (const t of ['string', 'type', 'number', 'enumMember', 'namespace', 'keyword']) assert.ok(legend.tokenTypes.includes(t), t);
    assert.ok(legend.tokenModifiers.includes('declaration') && legend.tokenModifiers.includes('confidential'));
  });

  test('a corpus cable: the wrapped SUBJECT line, the wrapped reasons, tags by kind, the REF cite', async () => {
    const uri = uriOf('09PARIS1007.txt');
    await c.open(uri, fixture('corpus/09PARIS1007.txt'));
    const t = await tokens(uri);
    assert.deepEqual(t.slice(0, 6), [
      'type.subject PGOV',
      'type.subject PREL',
      'type.geographic FR',
      'string MIDDLE EAST: SARKOZY AND MUBARAK CONFER ON NEXT',
      'string STEPS',
      'number.reason (B)',
    ]);
    assert.ok(t.includes('enumMember.confidential (C)'));
  });

  test('the same cable with CRLF line ends decodes to the same tokens', async () => {
    const lf = uriOf('09PARIS1007.txt');
    const crlf = uriOf('09PARIS1007-crlf.txt');
    await c.open(crlf, fixture('corpus/09PARIS1007.txt').replace(/\r?\n/g, '\r\n'));
    assert.deepEqual(await tokens(crlf), await tokens(lf));
  });

  test('a range request: only the REF block of the seed', async () => {
    const uri = uriOf('seed.cable');
    await c.open(uri, seedText());
    const range = { start: c.at(uri, 'REF:'), end: c.at(uri, 'Classified By') };
    assert.deepEqual(await tokens(uri, range), [
      'enumMember.declaration A.',
      'namespace STATE',
      'number 14840',
      'enumMember.declaration B.',
      'namespace BAKU',
      'number 129',
    ]);
  });

  test('an edit is reflected: a list (A)(B)(C) typed into paragraph 2 of the seed', async () => {
    const uri = uriOf('seed.cable');
    const text = c.texts.get(uri)!;
    const at = text.indexOf('He noted');
    c.edit(uri, at, 0, '\n(A) one;\n(B) two;\n(C) three.\n');
    const t = await tokens(uri);
    assert.ok(t.includes('number (A)') && t.includes('number (C)'), t.join('\n'));
    assert.equal(t.filter((x) => x === 'enumMember.confidential (C)').length, 3, 'the three paragraph markings, not the list letter');
  });
});
