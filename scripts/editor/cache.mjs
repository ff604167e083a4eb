// Where scripts/editor/setup.sh put Node 24 and code-server, shared by the editor-test runners.
// Cache folder: $CABLE_EDITOR_CACHE, default ~/.cache/cable-tools-editor (never inside the repository).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.resolve(process.env.CABLE_EDITOR_CACHE || path.join(os.homedir(), '.cache/cable-tools-editor'));
export const setupScript = path.join(repoRoot, 'scripts/editor/setup.sh');

/** The paths setup.sh recorded, or undefined when setup has not completed. Env overrides win. */
export function editorPaths() {
  let p;
  try {
    if (!fs.existsSync(path.join(cacheDir, 'setup.stamp'))) return undefined;
    p = JSON.parse(fs.readFileSync(path.join(cacheDir, 'paths.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const out = {
    node24: process.env.CODE_SERVER_NODE || p.node24,
    codeServerEntry: process.env.CODE_SERVER_ENTRY || p.codeServerEntry,
    codeServerVersion: p.codeServerVersion,
    chromium: process.env.CHROMIUM || p.chromium || '/usr/bin/chromium',
    nvim: p.nvim,
  };
  for (const k of ['node24', 'codeServerEntry', 'chromium']) if (!fs.existsSync(out[k])) return undefined;
  return out;
}

/** Every descendant pid of `pid` (deepest first), read from /proc. */
export function descendants(pid) {
  const out = [];
  let tasks = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    let kids = [];
    try {
      kids = fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {}
    for (const c of kids) {
      out.push(...descendants(c), c);
    }
  }
  return out;
}

/** Pids of processes whose environment contains `NAME=value` (our own run marker): finds re-parented orphans. */
export function pidsWithEnv(name, value) {
  const needle = Buffer.from(`${name}=${value}\0`);
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/environ`).includes(needle)) out.push(Number(d));
    } catch {}
  }
  return out;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** TERM the given pids (collected before killing, so nothing escapes by re-parenting), KILL what is left after graceMs. */
export async function killPids(pids, graceMs = 3000) {
  pids = [...new Set(pids)].filter((p) => p > 1 && p !== process.pid);
  for (const p of pids) {
    try {
      process.kill(p, 'SIGTERM');
    } catch {}
  }
  const until = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const left = pids.filter(alive);
  for (const p of left) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {}
  }
  return { killed: pids.length, forced: left.length };
}

/**
 * Starts code-server on a free local port with the flags both runners need (no auth, telemetry,
 * update checks, trust prompt or welcome page), its output appended to `logFile`.
 */
export async function startCodeServer(tools, extraArgs, logFile, env) {
  const port = await new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const p = s.address().port;
        s.close(() => resolve(p));
      });
  });
  const log = fs.openSync(logFile, 'a');
  const args = [
    tools.codeServerEntry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--reconnection-grace-time',
    '5',
    ...extraArgs,
  ];
  const server = spawn(tools.node24, args, { stdio: ['ignore', log, log], env });
  return { server, port, base: `http://127.0.0.1:${port}` };
}
