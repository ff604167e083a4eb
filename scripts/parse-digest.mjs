// Rewrites test/parse/digest.json from the built parser (npm run digest:update),
// or with --check lists the fixtures whose parse changed.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { computeDigests, readDigests, DIGEST_PATH } = require('../out/test/parse/digest.js');

const now = computeDigests();
if (process.argv.includes('--check')) {
  const old = readDigests();
  const changed = [...new Set([...Object.keys(now), ...Object.keys(old)])].filter((p) => now[p] !== old[p]).sort();
  for (const p of changed) console.log(`${old[p] ? (now[p] ? 'changed' : 'gone') : 'new'}  ${p}`);
  console.log(`${changed.length} of ${Object.keys(now).length} fixtures differ`);
  process.exit(changed.length ? 1 : 0);
}
writeFileSync(DIGEST_PATH, JSON.stringify(now, null, 2) + '\n');
console.log(`wrote ${Object.keys(now).length} digests to ${DIGEST_PATH}`);
