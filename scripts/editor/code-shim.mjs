#!/usr/bin/env node
// A stand-in "VS Code executable" for machines that cannot download VS Code desktop.
//
// @vscode/test-electron's runTests({ vscodeExecutablePath: <this file> }) (and @vscode/test-cli with
// useInstallation.fromPath) spawn it with the usual VS Code CLI arguments:
//   [folder] --extensionTestsPath=P --extensionDevelopmentPath=D --user-data-dir=U --extensions-dir=E ...
// It then
//   1. starts code-server (the VS Code workbench + a Node extension host; built by scripts/editor/setup.sh
//      against Node 24) on a free 127.0.0.1 port with U and E, and `--vscode-option enable-smoke-test-driver`
//      so the workbench honours a test `payload`;
//   2. opens /?folder=..&payload=[[extensionDevelopmentPath, vscode-remote://..], [extensionTestsPath, ..]]
//      in headless Debian chromium (playwright-core), which makes the extension host load D and run P's
//      run() like VS Code desktop does;
//   3. forwards the workbench/extension-host log (window.codeAutomationLog) to stdout/stderr and exits with
//      the code the workbench reports (window.codeAutomationExit), after killing everything it started.
// Environment variables named CABLE_* (and the JSON object in CODE_SHIM_EXTENSION_ENV) are passed to the
// extension host, as runTests' extensionTestsEnv would be in VS Code desktop.
// Other env: CODE_SHIM_TIMEOUT_MS (default 300000), CODE_SHIM_VERBOSE=1 (unfiltered log),
// CODE_SHIM_SCREENSHOT=<file.png> (screenshot of the workbench when the tests fail).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { editorPaths, descendants, killPids, cacheDir, startCodeServer } from './cache.mjs';

const t0 = Date.now();
const say = (...a) => console.log(`[code-shim ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const fail = (msg, code = 1) => {
  console.error(`[code-shim] ERROR: ${msg}`);
  process.exit(code);
};

// ---- 1. arguments ---------------------------------------------------------------------------------
const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-v')) {
  console.log(`${editorPaths()?.codeServerVersion ?? '0.0.0'} (code-server via cable-tools code-shim)\nx64`);
  process.exit(0);
}
const devPaths = [];
const positional = [];
let testsPath,
  userDataDir,
  extensionsDir,
  disableExtensions = false;
for (let i = 0; i < argv.length; i++) {
  const m = /^--([^=]+)(?:=(.*))?$/s.exec(argv[i]);
  if (!m) {
    positional.push(argv[i]);
    continue;
  }
  const [, key, inline] = m;
  const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'].includes(key);
  const value = inline ?? (takesValue ? argv[++i] : undefined);
  if (key === 'extensionDevelopmentPath') devPaths.push(path.resolve(value));
  else if (key === 'extensionTestsPath') testsPath = path.resolve(value);
  else if (key === 'user-data-dir') userDataDir = path.resolve(value);
  else if (key === 'extensions-dir') extensionsDir = path.resolve(value);
  else if (key === 'disable-extensions') disableExtensions = true;
  // --no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome, --skip-release-notes,
  // --disable-workspace-trust: desktop-only or already the default below
}
if (!testsPath) fail('only extension test runs (--extensionTestsPath=...) are supported', 2);
const folder = positional.length ? path.resolve(positional[0]) : undefined;

const tools = editorPaths();
if (!tools) fail(`code-server is not set up in ${cacheDir}; run scripts/editor/setup.sh`);

userDataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'code-shim-ud-'));
extensionsDir ??= path.join(userDataDir, 'extensions');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
const settingsFile = path.join(userDataDir, 'User', 'settings.json');
if (!fs.existsSync(settingsFile)) {
  fs.writeFileSync(
    settingsFile,
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
      },
      null,
      2,
    ),
  );
}
// code-server, its extension host and chromium write into XDG dirs and TMPDIR: keep them in the user-data dir
// unless the caller (scripts/editor/run-vscode-tests.mjs) already isolated them.
const isolated = {};
for (const [k, sub] of [
  ['XDG_CONFIG_HOME', 'config'],
  ['XDG_DATA_HOME', 'data'],
  ['XDG_CACHE_HOME', 'cache'],
  ['XDG_STATE_HOME', 'state'],
  ['TMPDIR', 'tmp'],
]) {
  isolated[k] = process.env.CABLE_EDITOR_ISOLATED ? process.env[k] : path.join(userDataDir, 'shim-env', sub);
  fs.mkdirSync(isolated[k], { recursive: true });
}
const childEnv = { ...process.env, ...isolated };

// ---- 2. code-server --------------------------------------------------------------------------------
const serverLogFile = path.join(userDataDir, 'code-server.log');
const { server, port, base } = await startCodeServer(
  tools,
  ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--vscode-option', 'enable-smoke-test-driver'],
  serverLogFile,
  childEnv,
);

let context;
let cleaning;
async function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    if (context) await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    await killPids(descendants(process.pid)); // code-server -> server -> extension host -> language server, chromium leftovers
  })();
  return cleaning;
}
const tailLog = () => {
  try {
    return fs.readFileSync(serverLogFile, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '';
  }
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (!cleaning) console.error(`[code-shim] ${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (server.exitCode !== null || i > 240) {
    console.error(`[code-shim] code-server did not start (log ${serverLogFile}):\n${tailLog()}`);
    await cleanup();
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}
say(`code-server ${tools.codeServerVersion} up on ${base} (pid ${server.pid})`);

// ---- 3. workbench in headless chromium with the test payload ------------------------------------------
const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const extEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CABLE_')));
if (process.env.CODE_SHIM_EXTENSION_ENV) Object.assign(extEnv, JSON.parse(process.env.CODE_SHIM_EXTENSION_ENV));
const payload = [
  ...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
  ['extensionEnvironment', JSON.stringify(extEnv)],
];
if (disableExtensions) payload.push(['disableExtensions', 'true']);
const url = `${base}/?${folder ? `folder=${encodeURIComponent(folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;

const { chromium } = await import('playwright-core');
const profile = fs.mkdtempSync(path.join(isolated.TMPDIR, 'chromium-'));
context = await chromium.launchPersistentContext(profile, {
  executablePath: tools.chromium,
  headless: true,
  env: { ...childEnv, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());

let finish;
const done = new Promise((r) => {
  finish = r;
});
// The workbench forwards all its log lines; drop the offline/workbench noise unless CODE_SHIM_VERBOSE=1.
const noise =
  /workbench\.js:\d|^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate)\]|ENOTFOUND|open-vsx|ERR_NAME_NOT_RESOLVED|^(Creating a socket|Resolv|Updating additional|\[Service Worker\]|\[reconnection-grace-time\]|Creation of workbench contribution )/;
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const text = (args ?? []).map(String).join(' ');
  if (!process.env.CODE_SHIM_VERBOSE && noise.test(text)) return;
  (type === 'error' ? console.error : type === 'warn' ? console.warn : console.log)(text);
});
await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
page.on('crash', () => {
  console.error('[code-shim] the workbench page crashed');
  finish(1);
});
if (process.env.CODE_SHIM_VERBOSE) page.on('console', (m) => console.log('[browser]', m.type(), m.text()));

const timeoutMs = Number(process.env.CODE_SHIM_TIMEOUT_MS || 300000);
const timer = setTimeout(() => {
  console.error(`[code-shim] ERROR: the tests did not finish within ${timeoutMs} ms`);
  finish(124);
}, timeoutMs);
say(`opening the workbench${folder ? ` on ${folder}` : ''}`);
page.goto(url).catch((err) => {
  if (!cleaning) {
    console.error(`[code-shim] ERROR: cannot open the workbench: ${err.message}`);
    finish(1);
  }
});
const code = await done;
clearTimeout(timer);
if (code !== 0) {
  if (process.env.CODE_SHIM_SCREENSHOT) await page.screenshot({ path: process.env.CODE_SHIM_SCREENSHOT }).catch(() => {});
  console.error(`[code-shim] code-server log (${serverLogFile}), last lines:\n${tailLog()}`);
}
await cleanup();
fs.rmSync(profile, { recursive: true, force: true });
say(`extension tests finished with exit code ${code}`);
process.exit(code);
