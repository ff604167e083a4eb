// The `ignore` globs of .cablelintrc.json as cable-lint applies them: braces, character classes,
// negation (`!glob` takes back what an earlier glob ignored, as in .gitignore) and dot files.
// The matcher is server/src/glob.ts (no regular expressions, linear; test/unit/glob.test.ts and
// test/robust/hostile.test.ts hold its pathological cases).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyConfig, isIgnored, type LoadedConfig } from '../../server/src/config';
import { readSeed } from '../parse/fixtures';
import { lint, tempDir } from './helpers';

const ROOT = '/project';
function config(...ignore: string[]): LoadedConfig {
  return { config: { ...emptyConfig(), ignore }, file: `${ROOT}/.cablelintrc.json`, problems: [] };
}
const ignored = (c: LoadedConfig, ...paths: string[]) =>
  paths.forEach((p) => assert.ok(isIgnored(c, `${ROOT}/${p}`), `${c.config.ignore} should ignore ${p}`));
const kept = (c: LoadedConfig, ...paths: string[]) =>
  paths.forEach((p) => assert.ok(!isIgnored(c, `${ROOT}/${p}`), `${c.config.ignore} should keep ${p}`));

test('braces: alternatives, nested, in folders and names', () => {
  const c = config('{drafts,old}/**/*.{txt,tel}', 'x{a,b{c,d}}.cable');
  ignored(c, 'drafts/a.txt', 'old/y/z/b.tel', 'xa.cable', 'xbc.cable', 'xbd.cable');
  kept(c, 'new/a.txt', 'drafts/a.cable', 'xb.cable', 'xbe.cable');
});

test('character classes: sets, ranges, negated sets', () => {
  const c = config('0[0-9]*.txt', '[!A-Z]*.tel', 'draft[abc].cable');
  ignored(c, '01BAKU1.txt', 'sub/09X.txt', 'lower.tel', '9.tel', 'drafta.cable');
  kept(c, '10BAKU1.txt', 'Upper.tel', 'draftd.cable', 'drafts/a.cable');
});

test('negation: a later !glob takes a file back; a glob after it ignores again; order matters', () => {
  const c = config('archive/**', '!archive/keep/**', 'archive/keep/old-*');
  ignored(c, 'archive/a.txt', 'archive/x/b.txt', 'archive/keep/old-1.txt');
  kept(c, 'archive/keep/a.txt', 'archive/keep/sub/b.txt', 'current/a.txt');
  const names = config('*.txt', '!important.txt');
  ignored(names, 'a.txt', 'sub/b.txt');
  kept(names, 'important.txt', 'sub/important.txt', 'a.cable');
  kept(config('!*.txt'), 'a.txt'); // a negation alone ignores nothing
  ignored(config('!a.txt', '*.txt'), 'a.txt'); // taken back before it was ignored: the later glob wins
});

test('dot files: * and ** match names starting with a dot; .* matches only those', () => {
  const c = config('*.draft.txt', 'tmp/**');
  ignored(c, '.hidden.draft.txt', 'x/.y.draft.txt', 'tmp/.cache/a.txt', 'tmp/.a.txt');
  const dots = config('.*');
  ignored(dots, '.hidden.txt', 'sub/.other.cable');
  kept(dots, 'visible.txt', 'a.b.txt');
});

let dir = '';
let cleanup = () => {};
before(() => ([dir, cleanup] = tempDir('ignore')));
after(() => cleanup());

test('cable-lint applies them: braces, a class, a negation and a dot file in one configuration', () => {
  const seed = readSeed();
  const files = ['drafts/a.txt', 'drafts/keep.txt', 'old/b.tel', '.hidden.cable', 'c1.cable', 'cx.cable', 'main.cable'];
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), seed);
  }
  writeFileSync(join(dir, '.cablelintrc.json'), JSON.stringify({ ignore: ['{drafts,old}/**', '!drafts/keep.txt', '.*', 'c[0-9].cable'] }));
  const r = lint(['--format', 'json', dir]);
  const checked = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file.slice(dir.length + 1)))].sort();
  assert.deepEqual(checked, ['cx.cable', 'drafts/keep.txt', 'main.cable']);
  assert.match(r.stderr, /3 files checked: .*\(4 ignored by configuration\)/);
});
