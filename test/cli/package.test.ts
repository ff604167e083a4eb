// The package as npm would publish it (the bundles, the bins, README, LICENSE, the docs it links to, the schema and
// nothing else; scripts/pack-test.mjs installs it in CI), the pre-commit hooks, and docs/cable-lint.md
// documenting every option of cable-lint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONS, USAGE } from '../../server/src/cli/args';
import { FORMATS } from '../../server/src/cli/formats';
import { ROOT } from '../parse/fixtures';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('npm pack holds the two bundles, their bins, README, LICENSE, docs/rules.md and the config schema, and nothing else', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
  const files = (info.files as { path: string }[]).map((f) => f.path).sort();
  // The list scripts/pack-test.mjs checks again on the installed package.
  assert.deepEqual(files, JSON.parse(readFileSync(join(ROOT, 'test/cli/package-files.json'), 'utf8')));
  // Every bin is in the package; the bundles need nothing at run time.
  for (const bin of Object.values(pkg.bin as Record<string, string>)) assert.ok(files.includes(bin.replace(/^\.\//, '')), bin);
  assert.equal(pkg.dependencies, undefined, 'a run-time dependency would have to be installed with the package');
  assert.equal(pkg.bin['cable-tools'], pkg.bin['cable-lint'], 'npx <tarball> runs the bin named like the package: cable-lint');
});

test('.pre-commit-hooks.yaml: hooks that run the cable-lint bin on .cable and .tel files', () => {
  const yaml = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const hooks = yaml
    .split(/^- /m)
    .slice(1)
    .map((h) => Object.fromEntries([...h.matchAll(/^\s*(\w+): (.*)$/gm)].map((m) => [m[1], m[2]])));
  assert.deepEqual(
    hooks.map((h) => h.id),
    ['cable-lint', 'cable-lint-fix'],
  );
  for (const h of hooks) {
    assert.equal(h.language, 'node');
    assert.ok(h.entry.split(' ')[0] in pkg.bin, `${h.entry} is not a bin of the package`);
    const files = new RegExp(h.files);
    assert.ok(files.test('x/a.cable') && files.test('b.tel') && !files.test('notes.md'), h.files);
  }
  assert.equal(hooks[1].entry, 'cable-lint --fix');
});

test('docs/cable-lint.md (linked from the README, shipped in the package) documents every option and format of cable-lint, the pre-commit hook and a GitHub Actions workflow', () => {
  const readme = readFileSync(join(ROOT, 'docs/cable-lint.md'), 'utf8');
  assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes('](docs/cable-lint.md)'), 'the README links to it');
  for (const name of Object.keys(OPTIONS)) {
    assert.ok(USAGE.includes(`--${name}`), `the usage does not name --${name}`);
    assert.ok(readme.includes(`\`--${name}`), `README does not document --${name}`);
  }
  for (const f of FORMATS) assert.ok(readme.includes(`--format ${f}`), `README does not document --format ${f}`);
  for (const s of ['NO_COLOR', 'FORCE_COLOR', '.pre-commit-hooks.yaml', 'upload-sarif', '--stdin-filename', 'npm install -g', 'npx '])
    assert.ok(readme.includes(s), `README lacks ${s}`);
});

test('cable-language-server --version prints the package version, as cable-lint --version does', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/cable-language-server.js'), '--version'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${pkg.version}\n`);
});
