// Figures for issue 15's hostile cases (items 7-10, 12): how long the server
// takes to answer and how much memory it holds at its peak, and the same for
// cable-lint on finding-dense and deeply nested trees. Each server case runs
// in a fresh server, so its peak (VmHWM) is its own. Prints a table; never a
// test. Needs `npm run build` (it drives dist/server.js through the test
// harness in out/). Linux only (/proc).
//
//   node scripts/hostile-figures.mjs [--server path/to/server.js] [--cli path/to/cable-lint.js] [--only name]
//
// Builds its hostile trees in a temporary folder and removes them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { Client, seedText } = require(join(ROOT, 'out/test/lsp/harness.js'));
const { values: opts } = parseArgs({ options: { server: { type: 'string' }, cli: { type: 'string' }, only: { type: 'string' } } });
const SERVER = resolve(opts.server ?? join(ROOT, 'dist/server.js'));
const CLI = resolve(opts.cli ?? join(ROOT, 'bin/cable-lint.js'));
const seed = seedText();
const dir = mkdtempSync(join(tmpdir(), 'cable-figures-'));
const TIMEOUT = 30_000;

const peakMB = (pid) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};
const within = (p, ms = TIMEOUT) =>
  Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`no answer in ${ms / 1000} s`)), ms))]);
async function timed(fn, ms = TIMEOUT) {
  const t0 = performance.now();
  await within(fn(), ms);
  return Math.round(performance.now() - t0);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fileUri = (p) => pathToFileURL(p).toString();

/** Median of five hovers on PBTS. */
async function hoverMs(c, uri) {
  const ms = [];
  for (let i = 0; i < 5; i++)
    ms.push(await timed(() => c.request('textDocument/hover', { textDocument: { uri }, position: c.at(uri, 'PBTS', 1) })));
  return median(ms);
}

const rows = [];
/** One server case: `run(client)` returns the figures; the peak memory is added. */
async function serverCase(name, run, init = {}) {
  if (opts.only && !name.includes(opts.only)) return;
  const c = new Client(SERVER);
  try {
    await c.initialize(init.options, { rootPath: init.root ?? dir, configuration: init.configuration });
    if (init.settings) c.settings = init.settings;
    const figures = await run(c);
    rows.push({ case: name, ...figures, 'server peak MB': peakMB(c.proc.pid) });
  } catch (e) {
    rows.push({ case: name, result: e.message, 'server peak MB': c.proc.exitCode === null ? peakMB(c.proc.pid) : 'exited' });
  } finally {
    c.proc.kill('SIGKILL');
  }
}

/** Opens the seed (or `text`) and measures the first diagnostics and then hovers. */
const openAndHover =
  (file, text = seed) =>
  async (c) => {
    const uri = fileUri(file);
    const open = await timed(() => c.open(uri, text));
    return { 'diagnostics ms': open, 'hover ms (median)': await hoverMs(c, uri) };
  };

const SPECIAL = {
  FIFO: (p) => spawnSync('mkfifo', [p]).status === 0,
  '/dev/zero': (p) => (symlinkSync('/dev/zero', p), true),
  folder: (p) => (mkdirSync(p), true),
  '2 GB sparse': (p) => (writeFileSync(p, ''), truncateSync(p, 2 ** 31), true),
};

try {
  // Item 7/9: special files as cable.extraTagsFile and as a workspace's .cablelintrc.json.
  for (const [kind, make] of Object.entries(SPECIAL)) {
    const tags = join(dir, `tags-${kind.replace(/\W/g, '')}`);
    make(tags);
    await serverCase(`extraTagsFile: ${kind}`, openAndHover(join(dir, 'a.cable')), { settings: { extraTagsFile: tags } });
    const folder = join(dir, `cfg-${kind.replace(/\W/g, '')}`);
    mkdirSync(folder);
    make(join(folder, '.cablelintrc.json'));
    await serverCase(`.cablelintrc.json: ${kind}`, openAndHover(join(folder, 'a.cable')), { root: folder });
  }
  // Item 9: 200,000 extra tags: hover and completion among them.
  const codes = Array.from(
    { length: 200_000 },
    (_, i) => 'Q' + [3, 2, 1, 0].map((k) => String.fromCharCode(65 + (Math.floor(i / 26 ** k) % 26))).join(''),
  );
  writeFileSync(join(dir, 'tags-200k'), codes.join(' '));
  await serverCase(
    'extraTagsFile: 200,000 codes on one line',
    async (c) => {
      const uri = fileUri(join(dir, 'many.cable'));
      const text = seed.replace(/^TAGS: (.*)$/m, 'TAGS: $1 QAA');
      const open = await timed(() => c.open(uri, text));
      const ms = [];
      let items = 0;
      for (let i = 0; i < 5; i++)
        ms.push(
          await timed(
            async () =>
              (items = (await c.request('textDocument/completion', { textDocument: { uri }, position: c.at(uri, ' QAA', 4) })).items
                .length),
          ),
        );
      return { 'diagnostics ms': open, 'hover ms (median)': await hoverMs(c, uri), 'completion ms (median)': median(ms), items };
    },
    { settings: { extraTagsFile: join(dir, 'tags-200k') } },
  );
  // Item 7: a 20 MB document, 1,000 documents.
  const body = '\n' + seed.slice(seed.indexOf('1. ('));
  const twenty = seed + body.repeat(Math.ceil(20_000_000 / body.length));
  await serverCase('didOpen of a 20 MB document', openAndHover(join(dir, 'twenty.cable'), twenty));
  await serverCase('1,000 open documents', async (c) => {
    const uris = Array.from({ length: 1000 }, (_, i) => fileUri(join(dir, 'many', `${i}.cable`)));
    const open = await timed(() => Promise.all(uris.map((u) => c.open(u, seed))));
    return { 'diagnostics ms': `${open} (all)`, 'hover ms (median)': await hoverMs(c, uris[500]) };
  });
  // Item 7: edits past the end and inside a surrogate pair, requests far past the end.
  await serverCase('didChange past the end, inside a surrogate pair; requests at line 1e9', async (c) => {
    const uri = fileUri(join(dir, 'ranges.cable'));
    await c.open(uri, seed + '😀\n');
    const far = { line: 1e9, character: 1e9 };
    const change = await timed(async () => {
      const next = c.nextDiagnostics(uri, 2);
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: far, end: far }, text: 'X' }],
      });
      await next;
      const p = c.at(uri, '😀', 1);
      const again = c.nextDiagnostics(uri, 3);
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [{ range: { start: p, end: p }, text: 'Y' }],
      });
      await again;
    });
    const ms = [];
    for (const m of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition'])
      ms.push(await timed(() => c.request(m, { textDocument: { uri }, position: far })));
    return { 'diagnostics ms': `${change} (both changes)`, 'far request ms (max)': Math.max(...ms) };
  });
  // Item 8: finding-dense documents.
  for (const mb of [5, 20]) {
    const dense = 'C O N F I D E N T I A L\n\nSUBJECT: X\n\n' + '1. x\n'.repeat(mb * 200_000);
    await serverCase(`finding-dense ${mb} MB document`, async (c) => {
      const uri = fileUri(join(dir, `dense${mb}.txt`));
      let n = 0;
      const open = await timed(async () => (n = (await c.open(uri, dense)).length), 180_000);
      return { 'diagnostics ms': open, diagnostics: n };
    });
  }
  // Item 12: a Content-Length too long by 10 and by 1,000: time until the next request is answered.
  for (const delta of [10, -10, 1000]) {
    await serverCase(`Content-Length off by ${delta}`, async (c) => {
      const uri = fileUri(join(dir, 'cl.cable'));
      await c.open(uri, seed);
      const note = JSON.stringify({ jsonrpc: '2.0', method: 'workspace/didChangeWatchedFiles', params: { changes: [] } });
      c.proc.stdin.write(`Content-Length: ${Buffer.byteLength(note) + delta}\r\n\r\n${note}`);
      const ms = await timed(() => c.request('textDocument/hover', { textDocument: { uri }, position: c.at(uri, 'PBTS', 1) }), 10_000);
      return { 'next answer ms': ms, logged: c.logs.some((l) => /was lost/.test(l)) };
    });
  }
  // Item 12: a deep cable.rules value (pushed settings, written by hand: JSON.stringify overflows on it).
  await serverCase(
    'cable.rules value nested 100,000 deep',
    async (c) => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const note = `{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"cable":{"rules":{"para-numbering":${deep}}}}}}`;
      c.proc.stdin.write(`Content-Length: ${Buffer.byteLength(note)}\r\n\r\n${note}`);
      return openAndHover(join(dir, 'deep.cable'))(c);
    },
    { configuration: false },
  );

  // cable-lint: finding-dense files and 2,000 nested folders (peak from /usr/bin/time when there).
  const time = existsSync('/usr/bin/time');
  const cli = (name, args) => {
    if (opts.only && !name.includes(opts.only)) return;
    const t0 = performance.now();
    const r = spawnSync(
      time ? '/usr/bin/time' : process.execPath,
      time ? ['-f', 'PEAK %M', process.execPath, CLI, ...args] : [CLI, ...args],
      { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300_000 },
    );
    const ms = Math.round(performance.now() - t0);
    const peak = /PEAK (\d+)/.exec(r.stderr ?? '');
    const summary =
      /^\d+ files? checked.*$/m.exec(r.stderr ?? '')?.[0] ??
      (r.stderr ?? '')
        .trim()
        .split('\n')
        .filter((l) => !/^PEAK/.test(l))
        .at(-1)
        ?.slice(0, 80);
    rows.push({
      case: `cable-lint ${name}`,
      ms: ms,
      exit: r.status ?? r.signal,
      'cli peak MB': peak ? Math.round(Number(peak[1]) / 1024) : '?',
      result: summary,
    });
  };
  for (const mb of [5, 20]) {
    const f = join(dir, `dense${mb}.txt`);
    writeFileSync(f, 'C O N F I D E N T I A L\n\nSUBJECT: X\n\n' + '1. x\n'.repeat(mb * 200_000));
    cli(`finding-dense ${mb} MB`, [f]);
    rmSync(f);
  }
  const nest = join(dir, 'nest');
  let p = nest;
  const made = [];
  mkdirSync(p);
  for (let i = 0; i < 2000; i++) {
    p = join(p, 'd');
    mkdirSync(p);
    made.push(p);
  }
  writeFileSync(join(p, 'last.cable'), seed);
  cli('2,000 nested folders', [nest]);
  await serverCase('document 2,000 folders deep', openAndHover(join(p, 'last.cable')), { root: nest });
  for (const m of made.reverse()) rmSync(m, { recursive: true, force: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`server: ${SERVER}\ncli: ${CLI}\n(2 shared CPU cores: times are noisy; the peak memory is the process's VmHWM)`);
console.table(rows);
