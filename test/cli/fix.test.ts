// cable-lint --fix and --fix-dry-run through the built command: files written back with their line
// ends, BOM, encoding and mode; untouched when there is nothing to fix; a read-only file refused;
// the exit status after fixing; the dry run's diff applies with patch. And over every corpus
// fixture: fixing is idempotent and never removes a word of paragraph text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes, encodeText, fixText, MAX_PASSES, unifiedDiff } from '../../server/src/cli/fix';
import { parse } from '../../server/src/parse/index';
import { lint as lintCable } from '../../server/src/rules/engine';
import { corpusNames, readCorpus, readSeed } from '../parse/fixtures';
import { lint, tempDir } from './helpers';

let dir = '';
let cleanup = () => {};
before(() => ([dir, cleanup] = tempDir('fix')));
after(() => cleanup());

const check = (t: string) => lintCable(parse(t), { today: { year: 2008, month: 3, day: 1 } });
const SEED = readSeed();
/** The seed fixed in LF and UTF-8, as the reference for the other encodings. */
const FIXED = fixText(SEED, check).text;

test('the seed has preferred fixes (web-copy links, an ISO tag code), and the fixed seed has none left', () => {
  assert.notEqual(FIXED, SEED);
  assert.match(FIXED, /^TAGS: PREL PBTS GG RS YI AJ {2}$/m);
  assert.equal(fixText(FIXED, check).text, FIXED);
  assert.ok(MAX_PASSES >= 2);
});

test('--fix writes the fixes and keeps CRLF line ends, the BOM and the mode; reports what it fixed; exit status after fixing', () => {
  const f = join(dir, 'crlf-bom.cable');
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  writeFileSync(f, Buffer.concat([bom, Buffer.from(SEED.replace(/\n/g, '\r\n'))]));
  chmodSync(f, 0o640);
  // tag-iso-code as an error: exit 1 before fixing, 0 after (the status says what is left).
  assert.equal(lint(['--rule', 'tag-iso-code=error', f]).status, 1);
  const r = lint(['--fix', '--rule', 'tag-iso-code=error', f]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /crlf-bom\.cable: fixed web-artifact 5, tag-iso-code 1\n/);
  assert.match(r.stderr, /1 file checked: 0 errors, 0 warnings \(1 file fixed\)/);
  assert.deepEqual(readFileSync(f), Buffer.concat([bom, Buffer.from(FIXED.replace(/\n/g, '\r\n'))]));
  assert.equal(statSync(f).mode & 0o777, 0o640);
  assert.equal(r.stdout, '', 'nothing left to print');
});

test('--fix keeps a Latin-1 file Latin-1 (its é stays one byte)', () => {
  const f = join(dir, 'latin1.txt');
  const text = SEED.replace('DCM delivered', 'DCM d\u00e9livered');
  writeFileSync(f, Buffer.from(text, 'latin1'));
  const r = lint(['--fix', f]);
  assert.equal(r.status, 0, r.stderr);
  const expected = Buffer.from(FIXED.replace('DCM delivered', 'DCM d\u00e9livered'), 'latin1');
  assert.deepEqual(readFileSync(f), expected);
  assert.ok(readFileSync(f).includes(Buffer.from([0x64, 0xe9, 0x6c])));
  // And the encoders themselves: Latin-1 that cannot hold a character says so.
  assert.deepEqual(decodeBytes(Buffer.from('caf\u00e9', 'latin1'))?.encoding, { name: 'latin1', bom: false });
  assert.equal(encodeText('\u2014', { name: 'latin1', bom: false }), undefined);
});

test('--fix leaves a file with nothing to fix untouched (same inode, same time)', () => {
  const f = join(dir, 'clean.cable');
  writeFileSync(f, FIXED);
  const before = statSync(f);
  const r = lint(['--fix', f]);
  assert.equal(r.status, 0);
  assert.doesNotMatch(r.stderr, /fixed web/);
  assert.match(r.stderr, /\(0 files fixed\)/);
  const now = statSync(f);
  assert.equal(now.ino, before.ino);
  assert.equal(now.mtimeMs, before.mtimeMs);
});

test('--fix on a read-only file: a clear message, the file untouched, exit 2; the other files are fixed', () => {
  const ro = join(dir, 'readonly.cable');
  const rw = join(dir, 'writable.cable');
  writeFileSync(ro, SEED);
  writeFileSync(rw, SEED);
  chmodSync(ro, 0o444);
  const r = lint(['--fix', ro, rw]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cable-lint: \S*readonly\.cable: is read-only; not fixed \(the file is unchanged\)/);
  assert.equal(readFileSync(ro, 'utf8'), SEED);
  assert.equal(statSync(ro).mode & 0o777, 0o444);
  assert.equal(readFileSync(rw, 'utf8'), FIXED);
});

test('--fix-dry-run prints a unified diff that patch applies, and writes nothing', () => {
  const f = join(dir, 'dry.cable');
  writeFileSync(f, SEED.replace(/\n/g, '\r\n'));
  const r = lint(['--fix-dry-run', 'dry.cable'], { cwd: dir });
  assert.equal(r.status, 0);
  assert.equal(readFileSync(f, 'utf8'), SEED.replace(/\n/g, '\r\n'), 'the dry run wrote the file');
  assert.match(r.stdout, /^--- a\/dry\.cable\n\+\+\+ b\/dry\.cable\n@@ -23,19 \+23,19 @@\n/);
  assert.match(r.stdout, /^-TAGS: \[PREL\]\(#\) .*\r\n\+TAGS: PREL PBTS GG RS YI AJ {2}\r\n/m);
  assert.match(r.stderr, /dry\.cable: would fix web-artifact 5, tag-iso-code 1/);
  const p = spawnSync('patch', ['-p1', '--binary', '-s'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
  assert.equal(p.status, 0, p.stderr + p.stdout);
  assert.equal(readFileSync(f, 'utf8'), FIXED.replace(/\n/g, '\r\n'));
  assert.equal(lint(['--fix-dry-run', f]).stdout, '', 'nothing left to fix: no diff');
});

test('unifiedDiff: hunks with three lines of context, far changes apart, a last line without a newline marked', () => {
  const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
  const b = a.replace('l2\n', 'L2\n').replace('l17', 'L17');
  assert.equal(
    unifiedDiff('x', a, b),
    '--- a/x\n+++ b/x\n@@ -1,6 +1,6 @@\n l0\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -15,6 +15,6 @@\n l14\n l15\n l16\n-l17\n+L17\n l18\n l19\n\\ No newline at end of file\n',
  );
  assert.equal(unifiedDiff('x', a, a), '');
});

/**
 * Words (runs of letters) of the paragraph text, counted, case-folded. The paragraph's head (its
 * number and portion marking) is not text: a fix may correct a marking, `(SE)` to `(S)`.
 */
function paragraphWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of parse(text).paragraphs) {
    for (const w of text.slice(Math.max(p.head.end, p.marking?.end ?? 0), p.end).match(/\p{L}+/gu) ?? [])
      counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  }
  return counts;
}

function allWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.match(/\p{L}+/gu) ?? []) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  return counts;
}

test('every corpus fixture: fixing is idempotent and keeps every word of paragraph text', () => {
  let changed = 0;
  for (const name of ['seed', ...corpusNames()]) {
    const text = name === 'seed' ? SEED : readCorpus(name);
    const fixed = fixText(text, check).text;
    if (fixed !== text) changed++;
    assert.equal(fixText(fixed, check).text, fixed, `${name}: fixing the fixed text changed it`);
    const after = allWords(fixed);
    for (const [w, n] of paragraphWords(text)) assert.ok((after.get(w) ?? 0) >= n, `${name}: the fix removed the word "${w}"`);
  }
  assert.ok(changed > 20, `only ${changed} fixtures had anything to fix`);
});

test('--fix through a symbolic link fixes the file it leads to and keeps the link', () => {
  const target = join(dir, 'target.cable');
  const link = join(dir, 'link.cable');
  writeFileSync(target, SEED);
  symlinkSync(target, link);
  const r = lint(['--fix', link]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link was replaced by a file');
  assert.equal(readFileSync(target, 'utf8'), FIXED);
});

test('--fix with worker threads (--jobs 2, 80 files): every file fixed, reports in file order, as without workers', () => {
  const results: string[] = [];
  for (const jobs of ['1', '2']) {
    const d = join(dir, `many-${jobs}`);
    mkdirSync(d);
    for (let i = 0; i < 80; i++) writeFileSync(join(d, `c${String(i).padStart(2, '0')}.cable`), i % 4 === 0 ? FIXED : SEED);
    const r = lint(['--fix', '--jobs', jobs, d]);
    assert.equal(r.status, 0, r.stderr);
    for (let i = 0; i < 80; i++) assert.equal(readFileSync(join(d, `c${String(i).padStart(2, '0')}.cable`), 'utf8'), FIXED);
    assert.match(r.stderr, /80 files checked: 0 errors, 0 warnings \(60 files fixed\)/);
    results.push(r.stderr.split(d).join('D'));
  }
  assert.equal(results[1], results[0], 'worker threads changed the reports');
});
