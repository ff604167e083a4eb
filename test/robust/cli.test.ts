// cable-lint on bad input, through the built command (bin/cable-lint.js):
// every file is either checked or named in a message, the summary on
// standard error counts them all, and the exit status is as documented
// (0 no errors, 1 errors, 2 usage error or something not checked).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus, readSeed, ROOT } from '../parse/fixtures';
import { BASE_NAMES } from './helpers';

const CLI = join(ROOT, 'bin', 'cable-lint.js');
let dir = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function lintCli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.error, undefined, `cable-lint did not run: ${r.error?.message}`);
  assert.equal(r.signal, null, `cable-lint was killed (${r.signal}); stderr: ${r.stderr}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
}

function json(r: Run): Finding[] {
  let parsed: unknown;
  assert.doesNotThrow(() => (parsed = JSON.parse(r.stdout)), `not JSON: ${r.stdout.slice(0, 200)}`);
  assert.ok(Array.isArray(parsed));
  return parsed as Finding[];
}

/** The summary line's counts: `N files checked: E errors, W warnings (K not checked, I ignored ...)`. */
function summary(r: Run): { checked: number; errors: number; notChecked: number } {
  const m = /^(\d+) files? checked: (\d+) errors?, \d+ warnings?(?: \((\d+) not checked)?/m.exec(r.stderr);
  assert.ok(m, `no summary in: ${r.stderr}`);
  return { checked: Number(m[1]), errors: Number(m[2]), notChecked: Number(m[3] ?? 0) };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cable-lint-bad-'));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a binary file is named and not checked; the others are; exit 2', () => {
  const d = join(dir, 'binary');
  mkdirSync(d);
  writeFileSync(join(d, 'a.cable'), readSeed());
  writeFileSync(join(d, 'b.txt'), Buffer.from([0x55, 0x4e, 0x43, 0x00, 0x01, 0xff, 0x00, 0x0a]));
  const r = lintCli('--format', 'json', d);
  assert.equal(r.status, 2);
  assert.match(r.stderr, new RegExp(`${join(d, 'b.txt').replace(/[.\\/]/g, '\\$&')}: not a text file`));
  assert.deepEqual(summary(r), { checked: 1, errors: 0, notChecked: 1 });
  assert.ok(
    json(r).some((f) => f.file === join(d, 'a.cable')),
    'the good file was not checked',
  );
});

test('an empty file is checked like any other (it has no banner): exit 1', () => {
  const f = join(dir, 'empty.cable');
  writeFileSync(f, '');
  const r = lintCli('--format', 'json', f);
  assert.equal(r.status, 1);
  const findings = json(r);
  assert.ok(findings.some((x) => x.rule === 'banner-missing' && x.line === 1 && x.column === 1));
  assert.equal(summary(r).checked, 1);
});

test('a path that does not exist, or runs through a file, is named with the reason; the other paths are still checked', () => {
  const seed = join(dir, 'seed.cable');
  writeFileSync(seed, readSeed());
  const r = lintCli(join(dir, 'no-such-folder'), join(seed, 'inside'), seed);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no-such-folder: cannot be read \(no such file or folder, ENOENT\)/);
  assert.match(r.stderr, /seed\.cable\/inside: cannot be read \(a part of the path is not a folder, ENOTDIR\)/);
  assert.match(r.stdout, /seed\.cable:\d+:\d+: warning tag-iso-code/);
  assert.deepEqual(summary(r), { checked: 1, errors: 0, notChecked: 2 });
});

test('a FIFO is refused, not waited on (named on the command line or found in a folder)', () => {
  const d = join(dir, 'fifo');
  mkdirSync(d);
  const fifo = join(d, 'pipe.txt');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) return; // no mkfifo here: nothing to test
  writeFileSync(join(d, 'real.cable'), readSeed());
  const r = lintCli(d, fifo);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /pipe\.txt: not a regular file; not checked/);
  assert.match(r.stderr, /pipe\.txt: not a file or folder; not checked/);
  assert.deepEqual(summary(r), { checked: 1, errors: 0, notChecked: 2 });
});

test('an unreadable file is named (skipped when running as root, where chmod 000 does not stop reading)', () => {
  if (process.getuid?.() === 0) return;
  const f = join(dir, 'locked.cable');
  writeFileSync(f, readSeed());
  chmodSync(f, 0);
  const r = lintCli(f);
  chmodSync(f, 0o644);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /locked\.cable: cannot be read \(permission denied, EACCES\)/);
});

test('a 10 MB file is checked', () => {
  const f = join(dir, 'huge.cable');
  const seed = readSeed();
  const body = seed.slice(seed.indexOf('\n1.'));
  let text = seed;
  while (text.length < 10 * 1024 * 1024) text += body;
  writeFileSync(f, text);
  const r = lintCli('--format', 'json', f);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  assert.equal(summary(r).checked, 1);
  const findings = json(r);
  assert.ok(findings.length > 0 && findings.every((x) => x.file === f && x.line >= 1));
});

test('CRLF, a byte-order mark and Latin-1 bytes give the same findings as the plain UTF-8 copy', () => {
  const d = join(dir, 'encodings');
  mkdirSync(d);
  // A cable with a non-ASCII letter in the subject and an error to report.
  const plain = readSeed()
    .replace('SUBJECT: ', 'SUBJECT: CAFÉ ')
    .replace(/\nE\.O\.[^\n]*/, '\nE.O. 12958: DECL: 2/30/2018');
  writeFileSync(join(d, 'a-utf8.cable'), plain);
  writeFileSync(join(d, 'b-crlf.cable'), plain.replace(/\n/g, '\r\n'));
  writeFileSync(join(d, 'c-bom.cable'), '\uFEFF' + plain);
  writeFileSync(join(d, 'd-latin1.cable'), Buffer.from(plain, 'latin1'));
  const r = lintCli('--format', 'json', d);
  const findings = json(r);
  assert.deepEqual(summary(r), { checked: 4, errors: summary(r).errors, notChecked: 0 });
  const of = (name: string) =>
    findings
      .filter((f) => f.file === join(d, name))
      .map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}`)
      .sort();
  const want = of('a-utf8.cable');
  assert.ok(want.length > 0);
  assert.deepEqual(of('b-crlf.cable'), want, 'CRLF copy');
  assert.deepEqual(of('d-latin1.cable'), want, 'Latin-1 copy');
  // The byte-order mark is not a character of the first line: the positions stay.
  assert.deepEqual(of('c-bom.cable'), want, 'BOM copy');
});

test('3,000 files in a folder: every one is checked, output in file order, the same with and without worker threads', () => {
  const d = join(dir, 'many');
  mkdirSync(d);
  const bases = BASE_NAMES.map((n) => readCorpus(n));
  for (let i = 0; i < 3000; i++) {
    // The first 3 KB of a real cable (small files: the count matters here, not the size).
    let text = bases[i % bases.length].slice(0, 3000);
    if (i % 7 === 0) text = text.replace('E.O.', 'E.X.'); // some without an E.O. line
    writeFileSync(join(d, `c${String(i).padStart(4, '0')}.txt`), text);
  }
  const parallel = lintCli('--format', 'json', '--jobs', '2', d);
  const serial = lintCli('--format', 'json', '--jobs', '1', d);
  assert.equal(summary(parallel).checked, 3000);
  assert.equal(parallel.stdout, serial.stdout, 'worker threads changed the output');
  assert.equal(parallel.status, serial.status);
  const files = json(parallel).map((f) => f.file);
  assert.deepEqual(files, [...files].sort(), 'output not in file order');
  assert.ok(new Set(files).size > 2000, `findings for only ${new Set(files).size} files`);
});

test('exit status: 0 without errors, 1 with errors, 2 for a usage error', () => {
  const clean = join(dir, 'clean.cable');
  writeFileSync(clean, readSeed());
  assert.equal(lintCli(clean).status, 0); // the seed has warnings only
  const bad = join(dir, 'bad.cable');
  writeFileSync(bad, 'just some text\n');
  assert.equal(lintCli(bad).status, 1);
  const usage = lintCli('--frobnicate', clean);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /unknown option --frobnicate\nusage: cable-lint/);
  assert.equal(lintCli().status, 2);
  assert.equal(lintCli('--format', 'xml', clean).status, 2);
  assert.equal(lintCli('--date', '2018-02-30', clean).status, 2);
});

test('a reader that goes away (cable-lint DIR | head) ends the run quietly', async () => {
  const d = join(dir, 'pipe');
  mkdirSync(d);
  for (let i = 0; i < 200; i++) writeFileSync(join(d, `c${i}.txt`), 'no banner\n');
  const child = spawn(process.execPath, [CLI, d], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (x) => (stderr += x));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.doesNotMatch(stderr, /Error|at /, 'a stack trace');
  assert.ok(code === 1 || code === 0, `exit ${code}`);
});
