// cable-lint's output formats through the built command: text (heading per file, summary by rule,
// colour by NO_COLOR / FORCE_COLOR), json, github workflow commands, and SARIF 2.1.0 validated
// against the OASIS schema with ajv; every format the same with and without worker threads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatGithub, wantColor } from '../../server/src/cli/formats';
import { ALL_RULES } from '../../server/src/rules/index';
import { readCorpus, readSeed, ROOT, SEED_PATH } from '../parse/fixtures';
import { BASE_NAMES } from '../robust/helpers';
import { CLI, lint, tempDir } from './helpers';

let dir = '';
let cleanup = () => {};
let bad = '';
before(() => {
  [dir, cleanup] = tempDir('formats');
  bad = join(dir, 'bad, 100% "odd".cable'); // a name the formats must escape
  writeFileSync(bad, 'just some text\n');
});
after(() => cleanup());

interface Json {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

test('text: a heading per file with its counts, compiler-style lines, a summary by rule; no colour in a pipe', () => {
  const r = lint([SEED_PATH, bad]);
  assert.equal(r.status, 1);
  const blocks = r.stdout.split('\n\n');
  assert.match(blocks[0], /^\S*seed\.cable \(1 warning, 5 information\)\n/);
  assert.match(blocks[0], /seed\.cable:26:36: warning tag-iso-code RU is an ISO country code/);
  assert.match(blocks[1], /^\S*bad, 100% "odd"\.cable \(2 errors, 1 warning\)\n/);
  const summary = blocks[blocks.length - 1];
  assert.match(summary, /^Findings by rule:\n {2}5 {2}information web-artifact\n/);
  assert.match(summary, / {2}1 {2}error {7}banner-missing\n/);
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'colour in a pipe');
  assert.match(r.stderr, /^2 files checked: 2 errors, 2 warnings$/m);
});

test('text colour: FORCE_COLOR turns it on (and wins over NO_COLOR), FORCE_COLOR=0 and NO_COLOR off, a terminal on', () => {
  const forced = lint([SEED_PATH], { env: { FORCE_COLOR: '1' } });
  assert.match(forced.stdout, /\x1b\[33mwarning\x1b\[0m \x1b\[2mtag-iso-code\x1b\[0m/);
  assert.match(lint([SEED_PATH], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
  assert.doesNotMatch(lint([SEED_PATH], { env: { FORCE_COLOR: '0' } }).stdout, /\x1b\[/);
  assert.doesNotMatch(lint([SEED_PATH], { env: { NO_COLOR: '1' } }).stdout, /\x1b\[/);
  assert.doesNotMatch(lint(['--format', 'json', SEED_PATH], { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[/, 'colour is for text only');
  // The terminal test itself (a test cannot give the child a terminal).
  assert.equal(wantColor({}, true), true);
  assert.equal(wantColor({}, false), false);
  assert.equal(wantColor({ NO_COLOR: '1' }, true), false);
  assert.equal(wantColor({ NO_COLOR: '' }, true), true, 'an empty NO_COLOR is unset');
  assert.equal(wantColor({ FORCE_COLOR: 'false' }, true), false);
  assert.equal(wantColor({ FORCE_COLOR: '' }, false), true);
});

test('json: one array of findings with 1-based positions', () => {
  const r = lint(['--format', 'json', SEED_PATH, bad]);
  const findings = JSON.parse(r.stdout) as Json[];
  assert.equal(findings.length, 9);
  const iso = findings.find((f) => f.rule === 'tag-iso-code')!;
  assert.deepEqual(
    { line: iso.line, column: iso.column, endLine: iso.endLine, endColumn: iso.endColumn, severity: iso.severity },
    { line: 26, column: 36, endLine: 26, endColumn: 38, severity: 'warning' },
  );
  assert.deepEqual(
    JSON.parse(lint(['--format', 'json', '--rule', 'tag-iso-code=off', '--rule', 'web-artifact=off', SEED_PATH]).stdout),
    [],
  );
});

test('github: workflow commands with file, line, col, endLine, endColumn and title; values escaped', () => {
  const r = lint(['--format', 'github', SEED_PATH, bad]);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 9);
  assert.ok(
    lines.includes(
      `::warning file=${SEED_PATH.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=26,col=36,endLine=26,endColumn=38,title=tag-iso-code::RU is an ISO country code; geographic TAGS are FIPS 10-4 codes: use RS (Russia).`,
    ),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((l) => l.startsWith('::notice ') && l.includes('title=web-artifact::')),
    'information is a notice',
  );
  const escaped = lines.find((l) => l.includes('banner-missing'))!;
  assert.match(escaped, /^::error file=[^:]*bad%2C 100%25 "odd"\.cable,line=1,col=1,/);
  assert.equal(
    formatGithub({
      file: 'a:b,c.cable',
      line: 1,
      column: 2,
      endLine: 3,
      endColumn: 4,
      severity: 'hint',
      rule: 'r',
      message: '50% done\r\nnext: line',
    }),
    '::notice file=a%3Ab%2Cc.cable,line=1,col=2,endLine=3,endColumn=4,title=r::50%25 done%0D%0Anext: line',
  );
});

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // unicodeRegExp off: the schema's `language` pattern has a stray `]`, legal only without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const v = ajv.compile(schema);
  // A plain boolean (the compiled function is a type guard to unknown).
  const validate = (data: unknown): boolean => v(data) === true;
  validate.errors = () => v.errors;
  return validate;
}

test('sarif: valid SARIF 2.1.0 (ajv against the OASIS schema), every rule in tool.driver.rules, results point at them', () => {
  const validate = sarifValidator();
  const r = lint(['--format', 'sarif', 'examples/seed.cable', bad], { cwd: ROOT });
  const log = JSON.parse(r.stdout);
  assert.ok(validate(log), JSON.stringify(validate.errors(), null, 2));
  const run = log.runs[0];
  assert.equal(log.version, '2.1.0');
  assert.equal(run.tool.driver.name, 'cable-lint');
  const rules = run.tool.driver.rules as {
    id: string;
    shortDescription: { text: string };
    helpUri: string;
    defaultConfiguration: { level: string };
  }[];
  assert.deepEqual(
    rules.map((x) => x.id),
    ALL_RULES.map((x) => x.id),
  );
  for (const [i, rule] of ALL_RULES.entries()) {
    assert.equal(rules[i].shortDescription.text, rule.summary);
    assert.equal(
      rules[i].defaultConfiguration.level,
      { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.severity],
    );
    assert.match(rules[i].helpUri, new RegExp(`^file:///.*/docs/rules\\.md#${rule.id}$`));
  }
  assert.equal(run.results.length, 9);
  for (const res of run.results) assert.equal(rules[res.ruleIndex].id, res.ruleId);
  const iso = run.results.find((x: { ruleId: string }) => x.ruleId === 'tag-iso-code');
  assert.equal(iso.level, 'warning');
  assert.equal(iso.locations[0].physicalLocation.artifactLocation.uri, 'examples/seed.cable');
  assert.deepEqual(iso.locations[0].physicalLocation.region, { startLine: 26, startColumn: 36, endLine: 26, endColumn: 38 });
  const odd = run.results.find((x: { ruleId: string }) => x.ruleId === 'banner-missing');
  assert.match(odd.locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\/.*bad,%20100%25%20%22odd%22\.cable$/);
  assert.equal(run.invocations[0].executionSuccessful, true);
});

test('sarif: a clean run and a run with a file not checked are valid too; the problem is a notification', () => {
  const validate = sarifValidator();
  const clean = lint(['--format', 'sarif', '--rule', 'tag-iso-code=off', '--rule', 'web-artifact=off', SEED_PATH]);
  const cleanLog = JSON.parse(clean.stdout);
  assert.ok(validate(cleanLog), JSON.stringify(validate.errors()));
  assert.deepEqual(cleanLog.runs[0].results, []);
  const missing = lint(['--format', 'sarif', SEED_PATH, join(dir, 'nope.cable')]);
  assert.equal(missing.status, 2);
  const log = JSON.parse(missing.stdout);
  assert.ok(validate(log), JSON.stringify(validate.errors()));
  assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
  assert.match(
    log.runs[0].invocations[0].toolExecutionNotifications[0].message.text,
    /nope\.cable: cannot be read \(no such file or folder, ENOENT\)/,
  );
  // The validator is real: a broken log fails it.
  log.runs[0].results[0].level = 'fatal';
  assert.equal(validate(log), false);
});

test('every format: the same output with and without worker threads (--jobs 2 and 1, 100 files)', () => {
  const d = join(dir, 'many');
  mkdirSync(d);
  const bases = [readSeed(), ...BASE_NAMES.map((n) => readCorpus(n))];
  for (let i = 0; i < 100; i++) writeFileSync(join(d, `c${String(i).padStart(3, '0')}.txt`), bases[i % bases.length].slice(0, 4000));
  for (const format of ['text', 'json', 'sarif', 'github']) {
    for (const extra of [[], ['--fix-dry-run'], ['--quiet']]) {
      const serial = lint(['--format', format, '--jobs', '1', ...extra, d]);
      const parallel = lint(['--format', format, '--jobs', '2', ...extra, d]);
      assert.ok(serial.stdout.length > 1000, `${format} ${extra}: little output`);
      assert.equal(parallel.stdout, serial.stdout, `${format} ${extra}: worker threads changed the output`);
      assert.equal(parallel.stderr, serial.stderr, `${format} ${extra}: worker threads changed the messages`);
      assert.equal(parallel.status, serial.status);
    }
  }
});

test('text colour on a real terminal (script(1) gives cable-lint a pseudo-terminal); NO_COLOR there turns it off', (t) => {
  const which = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (which.error) return t.skip('script(1) (util-linux) is not installed');
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const cmd = `"${process.execPath}" "${CLI}" "${SEED_PATH}"`;
  const tty = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.match(tty.stdout, /\x1b\[1m\x1b\[4m\S*seed\.cable\x1b\[0m \(1 warning, 5 information\)/);
  assert.match(tty.stdout, /\x1b\[33mwarning\x1b\[0m/);
  const off = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 60_000 });
  assert.match(off.stdout, /seed\.cable:26:36: warning tag-iso-code/);
  assert.doesNotMatch(off.stdout, /\x1b\[/);
});
