// npm run bench [-- CORPUS_DIR] [--runs N] [--no-build]
//
// Prints a table of speed and memory figures (never a test: nothing here
// fails on a slow machine). Sections:
//   1. cable-lint over a folder of cables (default ../shared/corpus) against
//      the floor: the time Node takes merely to read the same files and split
//      their lines, measured in the same run, both as whole processes.
//   2. the language server (scripts/bench-lsp.mjs) and extension activation.
//   3. the grammar (scripts/bench-grammar.mjs).
// A section whose inputs or scripts are missing says so and is skipped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
const GOAL_RSS_MB = 300;
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
  const floors = [];
  const lints = [];
  const lints1 = [];
  const lints2 = [];
  // Interleaved, so that a busy moment on the machine hits both alike.
  for (let i = 0; i < runs; i++) {
    floors.push(await measureTimed(['-e', FLOOR, corpus]));
    lints.push(await measureTimed([cli, '--format', 'json', corpus]));
    lints1.push(await measureTimed([cli, '--format', 'json', '--jobs', '1', corpus]));
    lints2.push(await measureTimed([cli, '--format', 'json', '--jobs', '2', corpus]));
  }
  const floor = median(floors.map((r) => r.wall));
  const lint = median(lints.map((r) => r.wall));
  const lint1 = median(lints1.map((r) => r.wall));
  const lint2 = median(lints2.map((r) => r.wall));
  const rss = Math.max(...lints.map((r) => r.peakMb));
  const rss1 = Math.max(...lints1.map((r) => r.peakMb));
  const rss2 = Math.max(...lints2.map((r) => r.peakMb));
  const cpu = (rs) => (rs[0].cpu === undefined ? '' : `, CPU ${ms(median(rs.map((r) => r.cpu)))}`);
  const summary = /(\d+ files? checked[^\n]*)/.exec(lints[0].stderr)?.[1] ?? `exit ${lints[0].code}: ${lints[0].stderr.slice(0, 200)}`;
  row(`corpus: ${corpus}`, `${files} files, ${(bytes / 1048576).toFixed(1)} MB; median of ${runs} runs`);
  row('floor: node reads + splits lines', `${ms(floor)}${cpu(floors)}`);
  const ratio = lint / floor;
  row(`cable-lint --format json (default: ${Math.max(1, availableParallelism() - 1)} job(s))`, `${ms(lint)}${cpu(lints)}`);
  row('  ratio to the floor', `${ratio.toFixed(2)}x`, `<= ${GOAL_RATIO}x`, ratio <= GOAL_RATIO ? 'met' : `missed by ${(ratio / GOAL_RATIO).toFixed(1)}x`);
  row('  peak memory (RSS)', `${rss.toFixed(0)} MB`, `< ${GOAL_RSS_MB} MB`, rss < GOAL_RSS_MB ? 'met' : 'missed');
  row('  summary', summary);
  row('  same with --jobs 1 (no workers)', `${ms(lint1)}${cpu(lints1)}, ${(lint1 / floor).toFixed(2)}x, ${rss1.toFixed(0)} MB`);
  row('  same with --jobs 2 (two workers)', `${ms(lint2)}${cpu(lints2)}, ${(lint2 / floor).toFixed(2)}x, ${rss2.toFixed(0)} MB`);
}

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
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
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
