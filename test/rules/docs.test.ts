// Every rule is documented: a section in docs/rules.md and a row in the README.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/rules/index';

const rulesDoc = readFileSync('docs/rules.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');

test('every rule id is unique and has a section in docs/rules.md and a row in the README', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
  for (const r of ALL_RULES) {
    assert.match(rulesDoc, new RegExp(`^### ${r.id}$`, 'm'), `docs/rules.md has no section for ${r.id}`);
    assert.ok(readme.includes(`[${r.id}](docs/rules.md#${r.id})`), `README lists no ${r.id}`);
    const section = rulesDoc.slice(rulesDoc.indexOf(`### ${r.id}\n`)).split(/\n#{2,4} /)[0];
    assert.ok(section.includes(`Default severity: ${r.severity}`), `docs/rules.md gives ${r.id} another default severity than the code (${r.severity})`);
  }
});
