// node scripts/bench-lsp.mjs [--edits N] [--memory-edits N]
//
// Figures for the language server (a benchmark, never a test): prints a table.
//   - edit-to-diagnostics latency on a 50 KB and a 1 MB cable: the time from
//     sending a one-character didChange over stdio to receiving its
//     publishDiagnostics, and the server's own parse+lint time for it;
//   - in-process parse and lint time for the same texts;
//   - hover and document-symbol request latency at 50 KB;
//   - server heap before and after 10,000 edits.
// The cables are built from the seed's header and preamble followed by
// paragraphs of the corpus fixtures in test/fixtures/corpus, numbered 1..n.
// Needs a build (npm run build).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const opt = (name, d) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const EDITS = opt('--edits', 60);
const MEMORY_EDITS = opt('--memory-edits', 10_000);
// Issue 11: edit -> diagnostics median at most 5 ms on 50 KB and 30 ms on 1 MB.
const GOALS = { diag50k: 5, diag1m: 30, request: 5, debounce: 50 };

const server = join(root, 'dist/server.js');
if (!existsSync(server) || !existsSync(join(root, 'out/server/src/parse/index.js'))) {
  console.error('bench-lsp: build first (npm run build)');
  process.exit(1);
}
const { parse } = require(join(root, 'out/server/src/parse/index.js'));
const { lint } = require(join(root, 'out/server/src/rules/engine.js'));
const { MAX_DEBOUNCE_MS } = require(join(root, 'out/server/src/lsp/diagnostics.js'));
const { hoverAt } = require(join(root, 'out/server/src/features/hover.js'));
const { outline } = require(join(root, 'out/server/src/features/outline.js'));
const { featureContext } = require(join(root, 'out/server/src/features/context.js'));
const rpc = require('vscode-jsonrpc/node');

// ---- the test cables -------------------------------------------------------------

function paragraphsOfFixtures() {
  const dir = join(root, 'test/fixtures/corpus');
  const out = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n');
    const c = parse(text);
    for (const p of c.paragraphs) {
      const prose = text.slice(p.head.end, p.end).trim();
      if (prose.length > 80 && !/\n\s*\n/.test(prose)) out.push(prose);
    }
  }
  return out;
}

function buildCable(size) {
  const seed = readFileSync(join(root, 'examples/seed.cable'), 'utf8');
  const head = seed.slice(0, seed.indexOf('[1](#)1. (C)'));
  const paras = paragraphsOfFixtures();
  let text = head;
  for (let n = 1, k = 0; text.length < size; n++, k++) text += `${n}. (C) ${paras[k % paras.length]}\n\n`;
  return text + 'DERSE\n';
}

// ---- a stdio client ----------------------------------------------------------------

/**
 * Starts the server over stdio. `exposeGc`: with node --expose-gc, so that cable/stats collects garbage
 * before it reads the heap (the memory figure); the latency figures use a server without it, since a
 * forced full collection after every edit is not what an editor's server lives through.
 */
function startServer(exposeGc = false) {
  // BENCH_SERVER_FLAGS: more node flags for the server (e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof' to profile it).
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const proc = spawn(process.execPath, [...(exposeGc ? ['--expose-gc'] : []), ...flags, server, '--stdio'], {
    stdio: 'pipe',
    env: { ...process.env, CABLE_LSP_STATS: '1' },
  });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  // A check may cover several edits (the debounce), so a waiter is satisfied by any later version.
  let waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const now = performance.now();
    waiters = waiters.filter((w) => {
      if (w.uri !== p.uri || p.version < w.version) return true;
      w.resolve(now);
      return false;
    });
  });
  conn.onNotification('window/logMessage', () => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.listen();
  const diagnosticsOf = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  return { proc, conn, diagnosticsOf };
}

function position(text, offset) {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const f1 = (x) => x.toFixed(1);
const rows = [];
const row = (what, value, goal = '', ok = '') => rows.push([what, value, goal, ok]);

async function main() {
  row(
    'machine load (1, 5, 15 min) / CPUs',
    `${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} / ${(await import('node:os')).cpus().length}`,
  );
  const initialized = async (srv) => {
    await srv.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    });
    await srv.conn.sendNotification('initialized', {});
    return srv;
  };
  const s = await initialized(startServer());

  for (const [label, size, goal] of [
    ['50 KB', 50_000, GOALS.diag50k],
    ['1 MB', 1_000_000, GOALS.diag1m],
  ]) {
    let text = buildCable(size);
    // In process: parse and lint (warm: the median of several runs).
    const p = [];
    const l = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const c = parse(text);
      const t1 = performance.now();
      lint(c);
      p.push(t1 - t0);
      l.push(performance.now() - t1);
    }
    row(
      `in-process parse, ${label} (${(text.length / 1024).toFixed(0)} KiB, ${parse(text).paragraphs.length} paragraphs)`,
      `${f1(median(p))} ms`,
    );
    row(`in-process lint, ${label}`, `${f1(median(l))} ms`);

    // Over stdio: open, then type one character at a time in the middle, waiting for each check.
    const uri = pathToFileURL(join(root, `bench-${size}.cable`)).toString();
    let version = 1;
    let due = s.diagnosticsOf(uri, version);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } });
    await due;
    const lat = [];
    const serverSide = [];
    const serverCpu = [];
    const at = text.indexOf('. (C) ', Math.floor(text.length / 2)) + 6;
    const pos0 = position(text, at);
    for (let i = 0; i < EDITS; i++) {
      version++;
      const ch = 'abcdefghij'[i % 10];
      const range = { start: { line: pos0.line, character: pos0.character + i }, end: { line: pos0.line, character: pos0.character + i } };
      text = text.slice(0, at + i) + ch + text.slice(at + i);
      due = s.diagnosticsOf(uri, version);
      const t0 = performance.now();
      await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: ch }] });
      const t1 = await due;
      lat.push(t1 - t0);
      const st = await s.conn.sendRequest('cable/stats', null);
      const t = st.documents[uri];
      serverSide.push(t.parseMs + t.lintMs);
      serverCpu.push(t.cpuMs);
    }
    const m = median(lat);
    row(
      `edit -> diagnostics over stdio, ${label}: median / p95 / max`,
      `${f1(m)} / ${f1(pct(lat, 0.95))} / ${f1(Math.max(...lat))} ms`,
      `${goal} ms`,
      m <= goal ? 'met' : 'MISSED',
    );
    row(`  of which the server's parse+lint, ${label}: median wall / CPU`, `${f1(median(serverSide))} / ${f1(median(serverCpu))} ms`);

    if (size === 50_000) {
      // The features themselves, in process, on the parsed cable.
      const c = parse(text);
      const ctx = featureContext(c);
      const hoverOffsets = ['PBTS', '02/15/2018', 'RUEHKB', 'ref a', '(C)'].map((w) => text.indexOf(w) + 1);
      const th = [];
      const to = [];
      for (let i = 0; i < 500; i++) {
        let t0 = performance.now();
        hoverAt(c, hoverOffsets[i % hoverOffsets.length], ctx);
        th.push(performance.now() - t0);
        t0 = performance.now();
        outline(c);
        to.push(performance.now() - t0);
      }
      row('in-process hoverAt / outline, 50 KB: median', `${median(th).toFixed(3)} / ${median(to).toFixed(3)} ms`);
      // Requests on a parsed version (the usual case: the hover comes after the diagnostics).
      const tagsAt = position(text, text.indexOf('PBTS') + 1);
      const refAt = position(text, text.indexOf('02/15/2018') + 3);
      const times = { hover: [], documentSymbol: [], 'hover right after an edit': [] };
      for (let i = 0; i < 200; i++) {
        let t0 = performance.now();
        await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: i % 2 ? tagsAt : refAt });
        times.hover.push(performance.now() - t0);
        t0 = performance.now();
        await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        times.documentSymbol.push(performance.now() - t0);
      }
      for (let i = 0; i < 30; i++) {
        version++;
        const range = { start: pos0, end: pos0 };
        text = text.slice(0, at) + 'x' + text.slice(at);
        due = s.diagnosticsOf(uri, version);
        await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: 'x' }] });
        const t0 = performance.now();
        await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: tagsAt });
        times['hover right after an edit'].push(performance.now() - t0);
        await due;
      }
      for (const [k, v] of Object.entries(times)) {
        const goalMet = k === 'hover right after an edit' ? '' : median(v) <= GOALS.request ? 'met' : 'MISSED';
        row(
          `${k} request, 50 KB: median / p95`,
          `${f1(median(v))} / ${f1(pct(v, 0.95))} ms`,
          k === 'hover right after an edit' ? '(includes the parse)' : `${GOALS.request} ms`,
          goalMet,
        );
      }

      // Memory over many edits, in a server run with --expose-gc (cable/stats collects first).
      const m = await initialized(startServer(true));
      due = m.diagnosticsOf(uri, version);
      await m.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } });
      await due;
      const before = await m.conn.sendRequest('cable/stats', null);
      const t0 = performance.now();
      for (let i = 0; i < MEMORY_EDITS; i++) {
        version++;
        const insert = i % 2 === 0;
        const range = insert ? { start: pos0, end: pos0 } : { start: pos0, end: { line: pos0.line, character: pos0.character + 1 } };
        text = insert ? text.slice(0, at) + 'y' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        due = m.diagnosticsOf(uri, version);
        await m.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range, text: insert ? 'y' : '' }],
        });
        if (i % 100 === 99) await due; // keep up with the server without waiting on every edit
      }
      await due;
      const afterStats = await m.conn.sendRequest('cable/stats', null);
      await m.conn.sendRequest('shutdown');
      await m.conn.sendNotification('exit');
      m.conn.dispose();
      const mb = (x) => (x / 1048576).toFixed(1);
      row(
        `server heapUsed before / after ${MEMORY_EDITS} edits (50 KB)`,
        `${mb(before.heapUsed)} / ${mb(afterStats.heapUsed)} MiB (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
      row(`  texts parsed during those edits`, `${afterStats.parses - before.parses}`);
    }
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  row(
    'debounce',
    `none after a quiet spell; else up to half the last check's time, at most ${MAX_DEBOUNCE_MS} ms`,
    `<= ${GOALS.debounce} ms`,
    MAX_DEBOUNCE_MS <= GOALS.debounce ? 'met' : 'MISSED',
  );

  await s.conn.sendRequest('shutdown');
  await s.conn.sendNotification('exit');
  s.conn.dispose();

  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['what', 'figure', 'goal', ''][i].length));
  const line = (r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  console.log(line(['what', 'figure', 'goal', '']));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
