#!/usr/bin/env node
// npm run test:vscode — runs the mocha suite out/test/suite/ inside a VS Code extension host.
//
// Uses @vscode/test-electron's runTests() exactly as on a machine that can download VS Code, but with
// vscodeExecutablePath = scripts/editor/code-shim.mjs, which runs the suite in code-server driven by
// headless chromium (see docs/editor-testing.md). Set VSCODE_EXECUTABLE=/path/to/code to run the same
// suite in a real VS Code desktop instead.
//
// Builds nothing: run `npm run build` first. Runs scripts/editor/setup.sh when the cache is missing.
// Everything it starts lives under one temp folder (user data, extensions, XDG_*, TMPDIR) and is killed
// (the whole process tree, plus anything carrying this run's marker in its environment) before it exits.
// Last line: `N passed, N failed`. Exit code: the tests' exit code.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { cacheDir, descendants, editorPaths, killPids, pidsWithEnv, repoRoot, setupScript } from './cache.mjs';

const t0 = Date.now();
const say = (msg) => console.log(`[test:vscode ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
let finalLine = '0 passed, 1 failed';
const keepTemp = !!process.env.CABLE_EDITOR_KEEP_TEMP;

const extensionTestsPath = path.join(repoRoot, 'out/test/suite/index.js');
const workspace = path.join(repoRoot, 'test/workspace');
for (const [file, hint] of [
  [path.join(repoRoot, 'dist/client.js'), 'npm run build'],
  [extensionTestsPath, 'npm run build'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`test:vscode: ${path.relative(repoRoot, file)} is missing; run \`${hint}\` first`);
    console.log(finalLine);
    process.exit(1);
  }
}

const realVSCode = process.env.VSCODE_EXECUTABLE;
if (!realVSCode && !editorPaths()) {
  say(`editor cache ${cacheDir} is missing or incomplete: running scripts/editor/setup.sh`);
  const r = spawnSync('bash', [setupScript], { stdio: 'inherit' });
  if (r.status !== 0 || !editorPaths()) {
    console.error('test:vscode: scripts/editor/setup.sh failed');
    console.log(finalLine);
    process.exit(1);
  }
}

// ---- one temp folder for everything this run writes -----------------------------------------------
const runId = randomUUID();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-vscode-'));
const dirs = {
  userData: path.join(tmp, 'user-data'),
  extensions: path.join(tmp, 'extensions'),
  XDG_CONFIG_HOME: path.join(tmp, 'xdg/config'),
  XDG_DATA_HOME: path.join(tmp, 'xdg/data'),
  XDG_CACHE_HOME: path.join(tmp, 'xdg/cache'),
  XDG_STATE_HOME: path.join(tmp, 'xdg/state'),
  XDG_RUNTIME_DIR: path.join(tmp, 'xdg/runtime'),
  TMPDIR: path.join(tmp, 'tmp'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR', 'TMPDIR'])
  process.env[k] = dirs[k];
process.env.CABLE_EDITOR_ISOLATED = '1'; // tells code-shim.mjs the XDG/TMPDIR dirs are already private
process.env.CABLE_EDITOR_RUN = runId; // marker inherited by every process of this run (see cleanup)
const resultsFile = path.join(tmp, 'results.json');

let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    const pids = [...descendants(process.pid), ...pidsWithEnv('CABLE_EDITOR_RUN', runId)];
    const { killed, forced } = await killPids(pids);
    if (killed) say(`stopped ${killed} leftover process(es)${forced ? `, ${forced} with SIGKILL` : ''}`);
    if (!keepTemp) fs.rmSync(tmp, { recursive: true, force: true });
    else say(`kept ${tmp}`);
  })();
  return cleaning;
}
let interrupted;
for (const sig of ['SIGTERM', 'SIGHUP', 'SIGINT']) {
  process.on(sig, async () => {
    if (interrupted) return;
    interrupted = sig;
    console.error(`test:vscode: ${sig}, stopping`);
    await cleanup();
    console.log(finalLine);
    process.exit(130);
  });
}

// ---- run ---------------------------------------------------------------------------------------------
let exitCode;
say(
  realVSCode ? `running the suite in ${realVSCode}` : `running the suite in code-server ${editorPaths().codeServerVersion} (temp ${tmp})`,
);
try {
  exitCode = await runTests({
    vscodeExecutablePath: realVSCode || path.join(repoRoot, 'scripts/editor/code-shim.mjs'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${dirs.userData}`, `--extensions-dir=${dirs.extensions}`],
    extensionTestsEnv: {
      CABLE_TEST_RESULTS: resultsFile,
      CABLE_TEST_WORKSPACE: workspace,
      CABLE_EDITOR_RUN: runId,
      ...(process.env.CABLE_TEST_GREP ? { CABLE_TEST_GREP: process.env.CABLE_TEST_GREP } : {}),
    },
  });
} catch (err) {
  exitCode = typeof err?.code === 'number' ? err.code : 1;
  if (typeof err?.code !== 'number') console.error(`test:vscode: ${err?.stack ?? err}`);
}

// ---- report ----------------------------------------------------------------------------------------
let results;
try {
  results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
} catch {}
await cleanup();
if (interrupted) await new Promise(() => {}); // the signal handler prints and exits
if (results) {
  finalLine = `${results.passed} passed, ${results.failed} failed`;
  if (exitCode === 0 && results.failed > 0) exitCode = 1;
  if (results.passed + results.failed === 0) {
    console.error('test:vscode: the suite ran no tests');
    exitCode ||= 1;
  }
} else {
  console.error('test:vscode: the suite reported no results (the extension host did not run out/test/suite/index.js to the end)');
  exitCode ||= 1;
}
say(`done, exit code ${exitCode}`);
console.log(finalLine);
process.exit(exitCode);
