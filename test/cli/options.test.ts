// cable-lint's options through the built command: parseArgs forms (--name=value, --, unknown
// options), --version, --help, --max-warnings, --quiet, --rule, --config, --print-config, $schema
// in the configuration, and standard input (-, --stdin-filename, an unreadable standard input).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, lint, tempDir } from './helpers';
import { readSeed, ROOT, SEED_PATH } from '../parse/fixtures';

let dir = '';
let cleanup = () => {};
const SEED = readSeed();
before(() => {
  [dir, cleanup] = tempDir('options');
});
after(() => cleanup());

test('--version and -v print the package version; --help and -h the usage, exit 0', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const a of ['--version', '-v']) {
    const r = lint([a]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${version}\n`);
  }
  for (const a of ['--help', '-h']) {
    const r = lint([a]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^usage: cable-lint \[options\] PATH\.\.\./);
    for (const o of [
      '--format',
      '--fix',
      '--fix-dry-run',
      '--stdin-filename',
      '--max-warnings',
      '--quiet',
      '--rule',
      '--config',
      '--print-config',
      '--date',
      '--jobs',
      '--follow-symlinks',
      '--version',
    ])
      assert.ok(r.stdout.includes(o), `usage lacks ${o}`);
  }
});

test('parseArgs: --name=value and -f value work; -- ends the options (a file named -x.cable)', () => {
  assert.deepEqual(JSON.parse(lint(['--format=json', SEED_PATH]).stdout).length, 6);
  assert.deepEqual(JSON.parse(lint(['-f', 'json', SEED_PATH]).stdout).length, 6);
  writeFileSync(join(dir, '-x.cable'), SEED);
  const r = lint(['--format', 'json', '--', '-x.cable'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { file: string }[])[0].file, '-x.cable');
});

test('usage errors exit 2 with the message and the usage', () => {
  const cases: [string[], RegExp][] = [
    [['--frobnicate', SEED_PATH], /unknown option --frobnicate/],
    [['-z', SEED_PATH], /unknown option -z/],
    [['--fix=yes', SEED_PATH], /--fix takes no value/],
    [[SEED_PATH, '--format'], /--format needs a value/],
    [['--format', 'xml', SEED_PATH], /--format must be text, json, sarif, github, not "xml"/],
    [['--max-warnings', 'many', SEED_PATH], /--max-warnings must be a whole number from 0, not "many"/],
    [['--rule', 'no-such-rule=error', SEED_PATH], /--rule: unknown rule id "no-such-rule"/],
    [
      ['--rule', 'tag-iso-code=loud', SEED_PATH],
      /--rule tag-iso-code: the severity must be error, warning, information, hint or off, not "loud"/,
    ],
    [['--rule', 'tag-iso-code', SEED_PATH], /--rule takes ID=SEVERITY/],
    [['--fix', '--fix-dry-run', SEED_PATH], /choose one of --fix and --fix-dry-run/],
    [['--stdin-filename', 'a.cable', SEED_PATH], /--stdin-filename is for - \(standard input\)/],
    [['-', SEED_PATH], /- \(standard input\) cannot be combined with other paths/],
    [['--fix', '-'], /--fix cannot write standard input back/],
    [[], /no PATH given/],
  ];
  for (const [args, message] of cases) {
    const r = lint(args, { input: '' });
    assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /\nusage: cable-lint/, `${args.join(' ')}: no usage`);
    assert.equal(r.stdout, '');
  }
});

test('--max-warnings N: exit 1 over N warnings, 0 at N', () => {
  const over = lint(['--max-warnings', '0', SEED_PATH]);
  assert.equal(over.status, 1);
  assert.match(over.stderr, /cable-lint: 1 warning, more than --max-warnings 0/);
  assert.equal(lint(['--max-warnings=1', SEED_PATH]).status, 0);
});

test('--quiet prints errors only; the summary still counts everything', () => {
  const bad = join(dir, 'bad.cable');
  writeFileSync(bad, 'just some text\n');
  const q = lint(['--quiet', SEED_PATH, bad]);
  assert.equal(q.status, 1);
  assert.doesNotMatch(q.stdout, /warning|information/);
  assert.match(q.stdout, /bad\.cable:1:1: error banner-missing/);
  assert.match(q.stderr, /2 files checked: 2 errors, 2 warnings/);
  assert.equal(lint(['-q', '--format', 'json', SEED_PATH]).stdout, '[]\n');
});

test('--rule id=severity (repeatable; the last wins) overrides the configuration', () => {
  const d = join(dir, 'rule');
  mkdirSync(d);
  writeFileSync(join(d, '.cablelintrc.json'), JSON.stringify({ rules: { 'tag-iso-code': 'off' } }));
  writeFileSync(join(d, 'a.cable'), SEED);
  assert.doesNotMatch(lint([d]).stdout, /tag-iso-code/);
  const r = lint(['--rule', 'tag-iso-code=warning', '--rule', 'tag-iso-code=error', d]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /a\.cable:26:36: error tag-iso-code/);
  assert.doesNotMatch(lint(['--rule', 'web-artifact=off', SEED_PATH]).stdout, /web-artifact/);
});

test('--config FILE applies to every cable instead of the nearest .cablelintrc.json; $schema is accepted', () => {
  const d = join(dir, 'config');
  mkdirSync(join(d, 'sub'), { recursive: true });
  writeFileSync(join(d, 'sub', '.cablelintrc.json'), JSON.stringify({ rules: { 'web-artifact': 'error' } }));
  writeFileSync(join(d, 'sub', 'a.cable'), SEED);
  const cfg = join(d, 'team.json');
  writeFileSync(cfg, JSON.stringify({ $schema: './cablelintrc.schema.json', rules: { 'tag-iso-code': 'off' }, ignore: ['**/skip*'] }));
  writeFileSync(join(d, 'sub', 'skip-me.cable'), 'not a cable');
  const nearest = lint([join(d, 'sub')]);
  assert.equal(nearest.status, 1, 'without --config the nearest configuration applies');
  assert.match(nearest.stdout, /a\.cable:\d+:\d+: error web-artifact/);
  const r = lint(['--config', cfg, join(d, 'sub')]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /tag-iso-code|error/);
  assert.match(r.stderr, /1 file checked: 0 errors, 0 warnings \(1 ignored by configuration\)/);
  assert.doesNotMatch(r.stderr, /\$schema/, '$schema is not an unknown key');
  const bad = join(d, 'bad.json');
  writeFileSync(bad, JSON.stringify({ $schema: 5 }));
  assert.match(lint(['--config', bad, SEED_PATH]).stderr, /bad\.json:1:2: \$schema: must be a string/);
  const missing = lint(['--config', join(d, 'nope.json'), SEED_PATH]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cable-lint: --config \S*nope\.json: cannot be read \(ENOENT\)/);
});

test('--print-config FILE prints the configuration that applies to FILE', () => {
  const d = join(dir, 'print');
  mkdirSync(d);
  writeFileSync(
    join(d, '.cablelintrc.json'),
    JSON.stringify({ rules: { 'tag-iso-code': 'off' }, extraTags: ['kpao'], ignore: ['drafts/**'] }),
  );
  const r = lint(['--print-config', join(d, 'drafts', 'x.cable'), '--rule', 'web-artifact=error', '--date', '2009-01-02']);
  assert.equal(r.status, 0, r.stderr);
  const c = JSON.parse(r.stdout);
  assert.equal(c.config, join(d, '.cablelintrc.json'));
  assert.equal(c.ignored, true);
  assert.equal(c.date, '2009-01-02');
  assert.equal(c.rules['tag-iso-code'], 'off');
  assert.equal(c.rules['web-artifact'], 'error');
  assert.equal(c.rules['banner-missing'], 'error', 'every rule is listed with its severity');
  assert.deepEqual(c.extraTags, ['KPAO']);
  assert.deepEqual(c.ignore, ['drafts/**']);
});

test('- reads a cable from standard input; --stdin-filename names it for the output, the configuration and the ignore globs', () => {
  const plain = lint(['--format', 'json', '-'], { input: SEED });
  assert.equal(plain.status, 0);
  assert.equal((JSON.parse(plain.stdout) as { file: string }[])[0].file, '<stdin>');
  const d = join(dir, 'stdin');
  mkdirSync(d);
  writeFileSync(join(d, '.cablelintrc.json'), JSON.stringify({ rules: { 'tag-iso-code': 'error' }, ignore: ['drafts/**'] }));
  const named = lint(['-', '--stdin-filename', 'cables/a.cable'], { input: SEED, cwd: d });
  assert.equal(named.status, 1, 'the configuration of the named file applies');
  assert.match(named.stdout, /^cables\/a\.cable:26:36: error tag-iso-code/m);
  const ignored = lint(['--stdin-filename=drafts/b.cable', '-'], { input: SEED, cwd: d });
  assert.equal(ignored.status, 0);
  assert.equal(ignored.stdout, '');
  assert.match(ignored.stderr, /drafts\/b\.cable: ignored by \S*\.cablelintrc\.json/);
  const diff = lint(['--fix-dry-run', '-', '--stdin-filename', 'c.cable'], { input: SEED });
  assert.match(diff.stdout, /^--- a\/c\.cable\n/);
});

test('an unreadable standard input (a folder) is named, not checked, exit 2; no stack trace', () => {
  const fd = openSync(dir, 'r');
  try {
    const r = spawnSync(process.execPath, [CLI, '-'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cable-lint: <stdin>: standard input cannot be read \(is a folder, EISDIR\); not checked/);
    assert.match(r.stderr, /0 files checked: 0 errors, 0 warnings \(1 not checked\)/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    closeSync(fd);
  }
});
