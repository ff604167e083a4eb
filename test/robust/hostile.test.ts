// cable-lint against a hostile tree (issue 15): symbolic links to / and in
// diamonds, special files as cables and as the config, configs that are deep,
// huge or not JSON, pathological ignore globs, a full disk, names that are not
// UTF-8, finding-dense text. Each case builds its tree in a temporary folder
// (removed at the end) and checks that the run ends, with the documented exit
// status, one-line messages that quote nothing, and a summary that accounts
// for every path. The limits below are generous: they catch a hang, not a
// slow machine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeed, ROOT } from '../parse/fixtures';

const CLI = join(ROOT, 'bin', 'cable-lint.js');
let dir = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function lintCli(args: string[], opts: { stdout?: number | 'pipe'; timeout?: number } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'],
  });
  assert.equal(r.error, undefined, `cable-lint did not finish: ${r.error?.message}`);
  assert.equal(r.signal, null, `cable-lint was killed (${r.signal}); stderr: ${r.stderr?.slice(0, 500)}`);
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr };
}

interface Summary {
  checked: number;
  errors: number;
  notChecked: number;
  links: number;
}

/** `N files checked: E errors, W warnings (K not checked, L links not followed, I ignored ...)`. */
function summary(r: Run): Summary {
  const m = /^(\d+) files? checked: (\d+) errors?, \d+ warnings?(?: \((.*)\))?$/m.exec(r.stderr);
  assert.ok(m, `no summary in: ${r.stderr.slice(0, 1000)}`);
  const part = (re: RegExp) => Number(re.exec(m[3] ?? '')?.[1] ?? 0);
  return { checked: Number(m[1]), errors: Number(m[2]), notChecked: part(/(\d+) not checked/), links: part(/(\d+) links? not followed/) };
}

/** Every line of standard error is short and quotes none of `secrets`. */
function assertClean(r: Run, secrets: string[] = []): void {
  for (const line of r.stderr.split('\n')) {
    assert.ok(line.length < 400, `a message of ${line.length} characters: ${line.slice(0, 200)}…`);
    assert.doesNotMatch(line, /^\s+at |Error:|RangeError|std::/, `a stack trace: ${line}`);
    for (const s of secrets) assert.ok(!line.includes(s), `the message quotes the file: ${line}`);
  }
}

const lines = (r: Run, re: RegExp) => r.stderr.split('\n').filter((l) => re.test(l));

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cable-lint-hostile-'));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function folder(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}

test('a link to / is not followed: reported once, the rest checked, exit status unchanged', () => {
  const d = folder('root-link');
  writeFileSync(join(d, 'a.cable'), readSeed());
  symlinkSync('/', join(d, 'everything'));
  const r = lintCli([d]);
  assert.equal(r.status, 0, r.stderr); // the seed has warnings only
  assert.deepEqual(summary(r), { checked: 1, errors: 0, notChecked: 0, links: 1 });
  const said = lines(r, /everything: a link out of the folders named \(to \/\); not followed/);
  assert.equal(said.length, 1, r.stderr);
  assertClean(r);
});

test('a diamond of links (each level links twice to the next, 16 levels) checks the cable once', () => {
  const d = folder('diamond');
  const K = 16;
  for (let i = 0; i <= K; i++) mkdirSync(join(d, `l${i}`));
  for (let i = 0; i < K; i++) {
    symlinkSync(`../l${i + 1}`, join(d, `l${i}`, 'x'));
    symlinkSync(`../l${i + 1}`, join(d, `l${i}`, 'y'));
  }
  writeFileSync(join(d, `l${K}`, 'c.cable'), readSeed());
  for (const extra of [[], ['--follow-symlinks']]) {
    const r = lintCli(['--format', 'json', ...extra, d]);
    assert.equal(r.status, 0, r.stderr);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file));
    assert.equal(files.size, 1, `checked as ${[...files].join(', ')}`);
    const s = summary(r);
    assert.equal(s.checked, 1);
    // The second link of each level leads to a folder already checked: said once each.
    assert.equal(s.links, K);
    assert.equal(lines(r, /a link to a folder already checked/).length, K);
    assertClean(r);
  }
});

test('a link loop and a folder named twice: each real path visited once', () => {
  const d = folder('loop');
  mkdirSync(join(d, 'sub'));
  writeFileSync(join(d, 'sub', 'a.cable'), readSeed());
  symlinkSync('..', join(d, 'sub', 'up'));
  const r = lintCli(['--format', 'json', d, join(d, 'sub'), join(d, 'sub', 'a.cable')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(summary(r).checked, 1);
  assert.equal(summary(r).links, 1);
  assert.match(r.stderr, /sub\/up: a link to a folder already checked/);
});

test('a link out of the folders named is followed with --follow-symlinks, and only then', () => {
  const outside = folder('outside');
  writeFileSync(join(outside, 'o.cable'), readSeed());
  const d = folder('inside');
  writeFileSync(join(d, 'i.cable'), readSeed());
  symlinkSync(outside, join(d, 'elsewhere'));
  symlinkSync(join(outside, 'o.cable'), join(d, 'linked.cable'));
  const plain = lintCli([d]);
  assert.deepEqual(summary(plain), { checked: 1, errors: 0, notChecked: 0, links: 2 });
  const follow = lintCli(['--follow-symlinks', d]);
  assert.deepEqual(summary(follow), { checked: 2, errors: 0, notChecked: 0, links: 1 }); // o.cable once, under one of its two names
  assert.match(follow.stderr, /a link to a file already checked|a link to a folder already checked/);
  // Both folders named: the link stays inside them.
  const both = lintCli([d, outside]);
  assert.equal(summary(both).checked, 2);
});

test('special files (FIFO, socket, device) are not read: "not checked" in the summary, exit 2', async () => {
  const d = folder('special');
  writeFileSync(join(d, 'ok.cable'), readSeed());
  const fifo = join(d, 'pipe.cable');
  const haveFifo = spawnSync('mkfifo', [fifo]).status === 0;
  const sock = join(d, 'sock.cable');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(sock, resolve));
  try {
    const args = [d, ...(existsSync('/dev/zero') ? ['/dev/zero'] : [])];
    const r = lintCli(args);
    assert.equal(r.status, 2);
    const special = (haveFifo ? 1 : 0) + 1 + (args.length - 1);
    assert.deepEqual(summary(r), { checked: 1, errors: 0, notChecked: special, links: 0 });
    assert.match(r.stderr, /sock\.cable: not a regular file; not checked/);
    if (args.length > 1) assert.match(r.stderr, /\/dev\/zero: not a file or folder; not checked/);
    assertClean(r);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('the config as a FIFO, a link to /dev/zero or a folder is not read: one line each, defaults apply, exit 2', () => {
  const kinds: [string, (p: string) => boolean][] = [
    ['fifo', (p) => spawnSync('mkfifo', [p]).status === 0],
    ['zero', (p) => existsSync('/dev/zero') && (symlinkSync('/dev/zero', p), true)],
    ['folder', (p) => (mkdirSync(p), true)],
  ];
  for (const [name, make] of kinds) {
    const d = folder(`config-${name}`);
    writeFileSync(join(d, 'a.cable'), readSeed());
    if (!make(join(d, '.cablelintrc.json'))) continue;
    const r = lintCli([d], { timeout: 30_000 });
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.equal(lines(r, /\.cablelintrc\.json: \(file\): not a regular file \([^)]*\); not read/).length, 1, `${name}: ${r.stderr}`);
    assert.equal(summary(r).checked, 1);
    assertClean(r);
  }
});

test('a config that is not JSON (a password file) is named with line and column, never quoted', () => {
  const d = folder('config-passwd');
  writeFileSync(join(d, 'a.cable'), readSeed());
  const secret = 'root:x:0:0:root:/root:/bin/bash';
  writeFileSync(join(d, 'passwd'), `${secret}\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n`);
  symlinkSync(join(d, 'passwd'), join(d, '.cablelintrc.json'));
  const r = lintCli([d]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /\.cablelintrc\.json:1:1: \(file\): not valid JSON: a value was expected/);
  assertClean(r, ['root:x', 'daemon']);
  // A syntax error further in is placed exactly.
  const e = folder('config-comma');
  writeFileSync(join(e, 'a.cable'), readSeed());
  writeFileSync(join(e, '.cablelintrc.json'), '{\n  "rules": {\n    "tag-unknown": "error",,\n  }\n}\n');
  assert.match(lintCli([e]).stderr, /\.cablelintrc\.json:3:28: \(file\): not valid JSON: a key \(in double quotes\) was expected/);
});

test('a config nested 100,000 levels, or with a deep rule value: one line, the run goes on, exit 2', () => {
  const d = folder('config-deep');
  writeFileSync(join(d, 'a.cable'), readSeed());
  writeFileSync(join(d, '.cablelintrc.json'), '['.repeat(100_000) + ']'.repeat(100_000));
  const r = lintCli(['--format', 'json', d]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /\.cablelintrc\.json:1:33: \(file\): not valid JSON: nested more than 32 levels deep/);
  assert.ok(JSON.parse(r.stdout).length > 0, 'the cable was still checked');
  assertClean(r);
  const e = folder('config-deep-rule');
  writeFileSync(join(e, 'a.cable'), readSeed());
  writeFileSync(join(e, '.cablelintrc.json'), `{"rules": {"tag-iso-code": "off", "tag-unknown": ${'['.repeat(20)}${']'.repeat(20)}}}`);
  const s = lintCli(['--format', 'json', e]);
  assert.equal(s.status, 2);
  assert.match(s.stderr, /:1:35: rules\.tag-unknown: severity must be .* not an array/);
  // The valid key still applies.
  assert.ok(!(JSON.parse(s.stdout) as { rule: string }[]).some((f) => f.rule === 'tag-iso-code'));
  assertClean(s);
});

test('a config with a 900 KB value and key is described, not echoed; over 1 MB it is not read', () => {
  const d = folder('config-long');
  writeFileSync(join(d, 'a.cable'), readSeed());
  const long = 'x'.repeat(900_000);
  writeFileSync(join(d, '.cablelintrc.json'), JSON.stringify({ rules: { 'tag-unknown': long }, ['k'.repeat(50_000)]: 1 }));
  const r = lintCli([d]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /rules\.tag-unknown: .* not a string of 900000 characters/);
  assert.match(r.stderr, /unknown key "k{40}…"/);
  assertClean(r, ['x'.repeat(50), 'k'.repeat(41)]);
  writeFileSync(join(d, '.cablelintrc.json'), JSON.stringify({ rules: { 'tag-unknown': 'x'.repeat(1_100_000) } }));
  const big = lintCli([d]);
  assert.match(big.stderr, /\.cablelintrc\.json: \(file\): too large \(1100028 bytes; the limit is 1048576\); not read/);
  assertClean(big);
});

test('pathological ignore globs finish, and still ignore what they match', () => {
  const d = folder('globs');
  const names = ['a'.repeat(200) + '.cable', 'b'.repeat(200) + '.txt', 'ok.cable'];
  mkdirSync(join(d, 'a/'.repeat(100)), { recursive: true });
  for (const n of names) writeFileSync(join(d, n), readSeed());
  writeFileSync(join(d, 'a/'.repeat(100), 'deep.cable'), readSeed());
  const globs = [
    '**a**a**a**a**a**a**a**a**a**a**a**azz',
    '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*azz',
    '**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/zz',
    '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}*a*a*a*a*a*zz',
    '[ab]*[ab]*[ab]*[ab]*[ab]*[ab]*[ab]*[ab]*[ab]*z',
    'ok.cable',
  ];
  writeFileSync(join(d, '.cablelintrc.json'), JSON.stringify({ ignore: globs }));
  const r = lintCli([d], { timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const m = /(\d+) files? checked.*\((\d+) ignored by configuration\)/.exec(r.stderr);
  assert.ok(m, r.stderr);
  assert.deepEqual([Number(m[1]), Number(m[2])], [3, 1]);
});

test(
  'a full disk on standard output (> /dev/full): one line, exit 2, no stack trace',
  { skip: !existsSync('/dev/full') && 'no /dev/full here' },
  async () => {
    const d = folder('full');
    for (let i = 0; i < 100; i++) writeFileSync(join(d, `c${i}.cable`), 'no banner\n');
    const { openSync, closeSync } = await import('node:fs');
    const fd = openSync('/dev/full', 'w');
    try {
      const r = lintCli([d], { stdout: fd });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'cable-lint: cannot write the output (no space left on device, ENOSPC); stopped\n');
    } finally {
      closeSync(fd);
    }
  },
);

test('a file whose name is not UTF-8 is read by its bytes and printed with the bytes escaped', () => {
  const d = folder('names');
  const bytes = Buffer.concat([Buffer.from(join(d, 'bad')), Buffer.from([0xff, 0xe9]), Buffer.from('.cable')]);
  try {
    writeFileSync(bytes, 'no banner\n');
  } catch {
    return; // a file system that refuses such names: nothing to test
  }
  writeFileSync(join(d, 'new\nline.cable'), 'no banner\n');
  const r = lintCli(['--format', 'json', d]);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(summary(r), { checked: 2, errors: summary(r).errors, notChecked: 0, links: 0 });
  const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file));
  assert.deepEqual([...files].sort(), [join(d, 'bad\\xff\\xe9.cable'), join(d, 'new\\x0aline.cable')]);
  const text = lintCli([d]);
  assert.match(text.stdout, /bad\\xff\\xe9\.cable:1:1: error banner-missing/);
});

test('2,000 nested folders are walked in seconds (no realpath and no config lookup per folder and ancestor)', () => {
  const d = folder('nested');
  const made: string[] = [];
  let p = d;
  try {
    for (let i = 0; i < 2000; i++) {
      if (i % 500 === 0) writeFileSync(join(p, `c${i}.cable`), readSeed());
      p = join(p, 'd');
      mkdirSync(p);
      made.push(p);
    }
    writeFileSync(join(p, 'last.cable'), readSeed());
    const r = lintCli([d], { timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr.slice(0, 500));
    assert.equal(summary(r).checked, 5);
  } finally {
    // Bottom up: a recursive rmSync runs out of stack on 2,000 levels.
    for (const m of made.reverse()) rmSync(m, { recursive: true, force: true });
  }
});

test('--jobs far above the processors is bounded by them', () => {
  const d = folder('jobs');
  for (let i = 0; i < 80; i++) writeFileSync(join(d, `c${i}.cable`), readSeed());
  const r = lintCli(['--jobs', '999', d]);
  assert.equal(r.status, 0, r.stderr.slice(0, 500));
  assert.equal(summary(r).checked, 80);
});
