// npm run bench [-- CORPUS_DIR] [--runs N] [--no-build]
//
// Prints a table of speed and memory figures (never a test: nothing here
// fails on a slow machine). Sections:
//   1. cable-lint over a folder of cables (default ../shared/corpus) against
//      the floor: the time Node takes merely to read the same files and split
//      their lines, measured in the same run, both as whole processes; the
//      parser alone on the same files (the shipped, minified build of it);
//      cable-lint with --jobs 1..N (N processors) and what that predicts for
//      2 million cables on a machine of 16 processors.
//   2. the language server (scripts/bench-lsp.mjs) and extension activation.
//   3. the grammar (scripts/bench-grammar.mjs).
// A section whose inputs or scripts are missing says so and is skipped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const runs = Math.max(1, Number(option('--runs', '3')) || 3);
const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs');
const corpus = resolve(root, positional[0] ?? '../shared/corpus');

const GOAL_RATIO = 3;
const GOAL_RSS_MB = 150;
const GOAL_PARSE_MB_S = 100;
// The scaling estimate: every State cable published so far is of this order.
const ESTIMATE_CABLES = 2_000_000;
const ESTIMATE_PROCESSORS = 16;
const rows = [];
const row = (what, value, goal = '', verdict = '') => rows.push([what, value, goal, verdict]);
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

if (!flag('--no-build')) {
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('bench: the build failed');
    process.exit(1);
  }
}

/**
 * Runs a command with stdout to /dev/null; returns wall time, CPU time and
 * peak RSS (VmHWM sampled from /proc, which worker threads share) and stderr.
 */
function measure(args, command = process.execPath) {
  return new Promise((done) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (d) => (stderr += d));
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // gone already, or no /proc
      }
    };
    const timer = setInterval(sample, 10);
    child.on('exit', (code) => {
      clearInterval(timer);
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      done({ code, wall, peakMb: peakKb / 1024, stderr });
    });
  });
}

/** Same, under /usr/bin/time when present: exact peak RSS and CPU seconds. */
async function measureTimed(args) {
  if (!existsSync('/usr/bin/time')) return { ...(await measure(args)), cpu: undefined };
  const r = await measure(['-f', 'BENCH-TIME %U %S %M', process.execPath, ...args], '/usr/bin/time');
  const m = /BENCH-TIME (\S+) (\S+) (\d+)/.exec(r.stderr);
  if (m) return { ...r, cpu: (Number(m[1]) + Number(m[2])) * 1000, peakMb: Number(m[3]) / 1024, stderr: r.stderr.replace(m[0], '') };
  return { ...r, cpu: undefined };
}

// The floor: read every cable and split it into lines, nothing else.
const FLOOR = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
let lines = 0;
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
  const p = join(d, e.name);
  if (e.isDirectory()) walk(p);
  else if (/\\.(cable|tel|txt)$/i.test(e.name)) lines += readFileSync(p, 'utf8').split(/\\r\\n|\\r|\\n/).length;
} };
walk(process.argv[1]);
process.stderr.write('lines ' + lines + '\\n');`;

function corpusSize(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(cable|tel|txt)$/i.test(e.name)) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

async function benchCli() {
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
    row('cable-lint over a corpus', `skipped: no folder ${corpus} (pass one: npm run bench -- DIR)`);
    return;
  }
  const { files, bytes } = corpusSize(corpus);
  const cli = join(root, 'bin/cable-lint.js');
  const processors = availableParallelism();
  const jobCounts = Array.from({ length: processors }, (_, i) => i + 1);
  const floors = [];
  const lints = [];
  const byJobs = new Map(jobCounts.map((j) => [j, []]));
  // Interleaved, so that a busy moment on the machine hits them all alike.
  for (let i = 0; i < runs; i++) {
    floors.push(await measureTimed(['-e', FLOOR, corpus]));
    lints.push(await measureTimed([cli, '--format', 'json', corpus]));
    for (const j of jobCounts) byJobs.get(j).push(await measureTimed([cli, '--format', 'json', '--jobs', String(j), corpus]));
  }
  const floor = median(floors.map((r) => r.wall));
  const lint = median(lints.map((r) => r.wall));
  const rss = Math.max(...lints.map((r) => r.peakMb));
  const cpu = (rs) => (rs[0].cpu === undefined ? '' : `, CPU ${ms(median(rs.map((r) => r.cpu)))}`);
  const summary = /(\d+ files? checked[^\n]*)/.exec(lints[0].stderr)?.[1] ?? `exit ${lints[0].code}: ${lints[0].stderr.slice(0, 200)}`;
  row(`corpus: ${corpus}`, `${files} files, ${(bytes / 1e6).toFixed(1)} MB; median of ${runs} runs; machine load ${readLoad()}`);
  row('floor: node reads + splits lines', `${ms(floor)}${cpu(floors)}`);
  const ratio = lint / floor;
  row(`cable-lint --format json (default: ${Math.max(1, processors - 1)} job(s))`, `${ms(lint)}${cpu(lints)}`);
  row(
    '  ratio to the floor',
    `${ratio.toFixed(2)}x`,
    `<= ${GOAL_RATIO}x`,
    ratio <= GOAL_RATIO ? 'met' : `missed by ${(ratio / GOAL_RATIO).toFixed(1)}x`,
  );
  row('  peak memory (RSS)', `${rss.toFixed(0)} MB`, `<= ${GOAL_RSS_MB} MB`, rss <= GOAL_RSS_MB ? 'met' : 'missed');
  row('  summary', summary);

  benchParse(files, bytes);

  // Scaling: files per second with 1..N jobs; the estimate takes the throughput of one job and the
  // efficiency measured at N (the share of N times one job's speed that N jobs reached).
  const perSecond = new Map();
  for (const j of jobCounts) {
    const rs = byJobs.get(j);
    const wall = median(rs.map((r) => r.wall));
    perSecond.set(j, files / (wall / 1000));
    const peak = Math.max(...rs.map((r) => r.peakMb));
    row(
      `  --jobs ${j}${j === 1 ? ' (no workers)' : ''}`,
      `${ms(wall)}${cpu(rs)}, ${(wall / floor).toFixed(2)}x the floor, ${perSecond.get(j).toFixed(0)} files/s, ${peak.toFixed(0)} MB`,
    );
  }
  const one = perSecond.get(1);
  const efficiency = processors > 1 ? perSecond.get(processors) / (processors * one) : 1;
  const estimate = ESTIMATE_CABLES / (one * ESTIMATE_PROCESSORS * Math.min(1, efficiency));
  row(
    `  estimate: ${ESTIMATE_CABLES.toLocaleString('en-US')} cables, ${ESTIMATE_PROCESSORS} processors`,
    `${(estimate / 60).toFixed(1)} min (${one.toFixed(0)} files/s per job x ${ESTIMATE_PROCESSORS} x efficiency ${Math.min(1, efficiency).toFixed(2)} measured at ${processors} jobs; cables of ${(bytes / files / 1000).toFixed(1)} KB)`,
  );
}

/**
 * The parser alone, single-threaded, on the same files: the shipped (minified) build of
 * server/src/parse, every file read first, then parsed once in a fresh process (cold: what
 * cable-lint meets, the JIT still warming up) and three more times (warm). MB/s of file bytes.
 */
function benchParse(files, bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'cable-bench-'));
  try {
    const bundle = join(dir, 'parse.js');
    const esbuild = join(root, 'node_modules/esbuild/lib/main.js');
    const b = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(esbuild)}).buildSync({ entryPoints: [${JSON.stringify(join(root, 'server/src/parse/index.ts'))}], outfile: ${JSON.stringify(bundle)}, bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error' })`,
      ],
      { encoding: 'utf8' },
    );
    if (b.status !== 0) {
      row('parse alone', `skipped: could not bundle the parser (${(b.stderr || '').trim().split('\n')[0]})`);
      return;
    }
    const cold = [];
    const warm = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['-e', PARSE_ONLY, bundle, corpus], { encoding: 'utf8', timeout: 600_000 });
      const m = /PARSE (\S+) (\S+)/.exec(r.stdout ?? '');
      if (!m) {
        row('parse alone', `failed: ${(r.stderr || '').trim().split('\n').slice(-1)[0]}`);
        return;
      }
      cold.push(Number(m[1]));
      warm.push(Number(m[2]));
    }
    const rate = (t) => bytes / 1e6 / (t / 1000);
    const verdict = (t) => (rate(t) >= GOAL_PARSE_MB_S ? 'met' : `missed by ${(GOAL_PARSE_MB_S / rate(t)).toFixed(1)}x`);
    row(
      'parse alone, first pass (cold JIT), CPU',
      `${ms(median(cold))}, ${rate(median(cold)).toFixed(0)} MB/s`,
      `>= ${GOAL_PARSE_MB_S} MB/s`,
      verdict(median(cold)),
    );
    row(
      'parse alone, warm (median of 3 passes), CPU',
      `${ms(median(warm))}, ${rate(median(warm)).toFixed(0)} MB/s`,
      `>= ${GOAL_PARSE_MB_S} MB/s`,
      verdict(median(warm)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Reads every cable, then parses them all: the first pass, then the median of three more (main-thread CPU ms).
const PARSE_ONLY = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require(process.argv[1]);
const texts = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) {
  const p = join(d, e.name);
  if (e.isDirectory()) walk(p);
  else if (/\\.(cable|tel|txt)$/i.test(e.name)) texts.push(readFileSync(p, 'utf8'));
} };
walk(process.argv[2]);
// CPU of the main thread only (the JIT compiles on other threads): /proc when there is one, else all threads.
const cpu = () => { try { const f = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; } catch { const u = process.cpuUsage(); return (u.user + u.system) / 1000; } };
const pass = () => { const c0 = cpu(); for (const t of texts) parse(t); return cpu() - c0; };
const first = pass();
const more = [pass(), pass(), pass()].sort((a, b) => a - b);
console.log('PARSE ' + first + ' ' + more[1]);`;

/** Runs another helper's bench script; its own output is printed after the table. */
const sections = [];
function benchScript(label, script, extra = []) {
  const path = join(root, script);
  if (!existsSync(path)) {
    row(label, `not available yet (${script})`);
    return;
  }
  const r = spawnSync(process.execPath, [path, ...extra], { cwd: root, encoding: 'utf8', timeout: 900_000 });
  if (r.status !== 0) {
    row(label, `${script} failed (exit ${r.status ?? r.signal}): ${(r.stderr || '').trim().split('\n').slice(-2).join(' / ')}`);
    return;
  }
  row(label, `see below (${script})`);
  sections.push(`## ${label} (${script})\n\n${(r.stdout || '').trim()}`);
}

/**
 * Extension activation without an editor: require dist/client.js (with a
 * stand-in for the `vscode` module, which only an editor provides), then start
 * dist/server.js --stdio and wait for the initialize response.
 */
async function benchActivation() {
  const client = join(root, 'dist/client.js');
  const server = join(root, 'dist/server.js');
  if (!existsSync(client) || !existsSync(server)) {
    row('extension activation', 'not available yet (dist/client.js, dist/server.js)');
    return;
  }
  const req = spawnSync(process.execPath, ['-e', REQUIRE_CLIENT, client], { encoding: 'utf8' });
  const m = /REQUIRE (\S+)/.exec(req.stdout ?? '');
  row('extension: require dist/client.js', m ? ms(Number(m[1])) : `failed: ${(req.stderr || '').trim().split('\n')[0]}`);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = await initializeTime(server);
    if (typeof t === 'string') {
      row('server: start to initialize response', t);
      return;
    }
    times.push(t);
  }
  row('server: start to initialize response', `${ms(median(times))}`);
  if (m) row('activation (require + server initialize)', ms(Number(m[1]) + median(times)));
}

const REQUIRE_CLIENT = `
const Module = require('node:module');
const load = Module._load;
// A stand-in for the vscode module: any property is a harmless function or object.
const stub = () => new Proxy(function () {}, { get: (t, p) => (p === 'then' ? undefined : stub()), apply: () => stub(), construct: () => stub() });
Module._load = function (request, ...rest) { return request === 'vscode' ? stub() : load.call(this, request, ...rest); };
const t0 = performance.now();
require(process.argv[1]);
console.log('REQUIRE ' + (performance.now() - t0));`;

function initializeTime(server) {
  return new Promise((done) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: process.pid, rootUri: null, capabilities: {} },
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      done('no initialize response within 10 s');
    }, 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (/"id"\s*:\s*1/.test(out) && /"result"|"error"/.test(out)) {
        clearTimeout(timer);
        const t = Number(process.hrtime.bigint() - t0) / 1e6;
        child.kill();
        done(t);
      }
    });
    child.on('error', (e) => done(`could not start: ${e.message}`));
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

function print() {
  const head = ['measure', 'value', 'goal', 'verdict'];
  const w = head.map((h) => h.length);
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i], c.length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

console.error(`bench: node ${process.version}, ${runs} run(s) each; machine load ${readLoad()}`);
await benchCli();
await benchActivation();
benchScript('language server', 'scripts/bench-lsp.mjs');
benchScript('grammar', 'scripts/bench-grammar.mjs');
print();
for (const s of sections) console.log(`\n${s}`);

function readLoad() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
