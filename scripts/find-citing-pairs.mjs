// Lists the REF items of a folder of cables (default: ../shared/corpus) that
// resolve to another cable of the folder, one per line: citing id, cited id,
// citing file size, the cite as written, the item's letter, the REF line.
// How test/fixtures/archive was chosen. Run after npm run build:
//   node scripts/find-citing-pairs.mjs [DIR] > pairs.tsv
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { CableIndex } = require('../out/server/src/workspace/cable-index.js');
const { buildIndex } = require('../out/server/src/workspace/build.js');
const { nodeFiles } = require('../out/server/src/workspace/node-files.js');

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const index = new CableIndex();
await buildIndex(index, nodeFiles, [pathToFileURL(dir).href], { skip: () => false, isOpen: () => false, cancelled: () => false });
for (const e of index.entries()) {
  const lines = readFileSync(new URL(e.uri), 'utf8').split('\n');
  const size = lines.join('\n').length;
  for (const r of e.refs) {
    for (const c of r.cites) {
      for (const t of index.resolve(e, c)) {
        const written = lines[c.range.start.line].slice(c.range.start.character, c.range.end.character);
        console.log([e.id, t.id, size, written, r.letter ?? '', lines[r.range.start.line].trim().slice(0, 60)].join('\t'));
      }
    }
  }
}
