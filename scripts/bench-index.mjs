// The workspace index on a folder of cables (default: ../shared/corpus):
// time and memory to build it, and the time of definition and references on it.
// A benchmark that prints figures, never a test. Run: npm run bench:index [-- DIR]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { CableIndex } = require('../out/server/src/workspace/cable-index.js');
const { buildIndex } = require('../out/server/src/workspace/build.js');
const { nodeFiles } = require('../out/server/src/workspace/node-files.js');
const { entryOf } = require('../out/server/src/workspace/entry.js');
const { citesAt, resolveCites } = require('../out/server/src/workspace/features.js');
const { parse } = require('../out/server/src/parse/index.js');

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)];
const mb = (n) => (n / 1024 / 1024).toFixed(0);

global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
const index = new CableIndex();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let peakRss = rss0;
const n = await buildIndex(index, nodeFiles, [pathToFileURL(dir).href], {
  skip: () => false,
  isOpen: () => false,
  cancelled: () => false,
  progress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
global.gc?.();
const heap1 = process.memoryUsage().heapUsed;
peakRss = Math.max(peakRss, process.memoryUsage().rss);

// Definition and references: on every REF item of every cable that cites one in the folder.
const defTimes = [];
const refTimes = [];
let resolved = 0;
let citingCables = 0;
for (const entry of index.entries()) {
  if (!entry.refs.some((r) => r.cites.length)) continue;
  const uri = entry.uri;
  const text = readFileSync(new URL(uri));
  const cable = parse(text.toString('utf8'));
  const me = entryOf(uri, cable);
  let any = false;
  for (const item of cable.refs?.items ?? []) {
    const t = performance.now();
    const cited = resolveCites(index, me, citesAt(cable, item.start));
    defTimes.push(performance.now() - t);
    resolved += cited.length;
    any ||= cited.length > 0;
  }
  if (any) citingCables++;
}
let citedCables = 0;
for (const entry of index.entries()) {
  const t = performance.now();
  const c = index.citing(entry);
  refTimes.push(performance.now() - t);
  if (c.length) citedCables++;
}
console.log(`folder: ${dir}`);
console.log(
  `index: ${n} files, ${index.size} cables, in ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s: on a shared machine the wall time waits for other processes); heap held by the index ${mb(heap1 - heap0)} MB${global.gc ? '' : ' (run with --expose-gc for an exact figure)'}; peak RSS ${mb(peakRss)} MB`,
);
console.log(`REF items resolved to a cable of the folder: ${resolved} (in ${citingCables} cables; ${citedCables} cables cited)`);
console.log(
  `definition (cites of a REF item resolved), ${defTimes.length} items: median ${median(defTimes).toFixed(3)} ms, p99 ${p99(defTimes).toFixed(3)} ms, max ${Math.max(...defTimes).toFixed(2)} ms`,
);
console.log(
  `references (cables citing one), ${refTimes.length} cables: median ${median(refTimes).toFixed(3)} ms, p99 ${p99(refTimes).toFixed(3)} ms, max ${Math.max(...refTimes).toFixed(2)} ms`,
);
