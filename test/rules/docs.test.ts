// Every rule is documented: a section in docs/rules.md and a row in the README.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import { spawnSync } from 'node:child_process';
import { parseConfig } from '../../server/src/config';
import { ALL_RULES } from '../../server/src/rules/index';
import { SEVERITIES } from '../../server/src/rules/types';

const rulesDoc = readFileSync('docs/rules.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');

test('every rule id is unique and has a section in docs/rules.md and a row in the README', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
  for (const r of ALL_RULES) {
    assert.match(rulesDoc, new RegExp(`^### ${r.id}$`, 'm'), `docs/rules.md has no section for ${r.id}`);
    assert.ok(readme.includes(`[${r.id}](docs/rules.md#${r.id})`), `README lists no ${r.id}`);
    const section = rulesDoc.slice(rulesDoc.indexOf(`### ${r.id}\n`)).split(/\n#{2,4} /)[0];
    assert.ok(
      section.includes(`Default severity: ${r.severity}`),
      `docs/rules.md gives ${r.id} another default severity than the code (${r.severity})`,
    );
  }
});

// The README's rule table and schemas/cablelintrc.schema.json are generated from the registry
// (scripts/gen-rule-docs.mjs), as the grammar is from its generator.
test('the README rule table and the config schema are what scripts/gen-rule-docs.mjs generates', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-rule-docs.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + '\n(run npm run rules:docs and commit the result)');
});

test('the config schema accepts what the config reader accepts and refuses what it refuses', () => {
  const schema = JSON.parse(readFileSync('schemas/cablelintrc.schema.json', 'utf8'));
  const validate = new Ajv({ strict: true }).compile(schema);
  const good = [
    {},
    { $schema: './node_modules/cable-tools/schemas/cablelintrc.schema.json' },
    { rules: { 'tag-unknown': 'error', 'web-artifact': 'off' }, extraTags: ['KPAO'], ignore: ['archive/**', '!archive/keep/**'] },
    Object.fromEntries([['rules', Object.fromEntries(ALL_RULES.map((x, i) => [x.id, [...SEVERITIES, 'off'][i % 5]]))]]),
  ];
  const bad = [
    { rules: { 'no-such-rule': 'error' } },
    { rules: { 'tag-unknown': 'fatal' } },
    { rules: { 'tag-unknown': 2 } },
    { rules: [] },
    { extraTags: 'KPAO' },
    { extraTags: [''] },
    { ignore: [1] },
    { $schema: 3 },
    { rule: {} },
  ];
  for (const c of good) {
    assert.ok(validate(c), `schema accepts ${JSON.stringify(c)}: ${JSON.stringify(validate.errors)}`);
    assert.deepEqual(parseConfig(JSON.stringify(c), 'x.json').problems, [], JSON.stringify(c));
  }
  for (const c of bad) {
    assert.ok(!validate(c), `schema refuses ${JSON.stringify(c)}`);
    assert.notDeepEqual(parseConfig(JSON.stringify(c), 'x.json').problems, [], JSON.stringify(c));
  }
});

test('the cable.rules setting offers the same severities as the schema', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties['cable.rules'].additionalProperties.enum, [...SEVERITIES, 'off']);
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.cablelintrc.json', url: './schemas/cablelintrc.schema.json' }]);
});
