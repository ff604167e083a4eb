#!/usr/bin/env node
// npm run test:ui [-- --readme-image] — what a person sees: installs the packaged .vsix into code-server
// (--install-extension, as a user would), opens the seed cable in the VS Code workbench in headless
// chromium (playwright-core) and checks, on screen: the language mode, the warning squiggle under RU,
// the Problems panel entry, the hover on PBTS, the Outline with paragraphs 1 to 3, the classification
// colours (banner and (C) tokens in the grammar's blue, the status bar item) and the RU -> RS quick fix;
// the banner code lens and the inlay hints; semantic tokens on a corpus cable (a SUBJECT continuation line
// coloured like its first line, a lettered list whose (C) is a letter, not the CONFIDENTIAL blue).
// Screenshots go to screenshots/ (gitignored); --readme-image also copies the overview shot to
// docs/images/seed.png (the one the README shows), the hints shot to docs/images/inlay-hints.png and the
// semantic-token shot to docs/images/semantic-tokens.png.
//
// Builds nothing: run `npm run package` first. Runs scripts/editor/setup.sh when the cache is missing.
// Everything lives in one temp folder and every process started is stopped before exit.
// Last line: `N passed, N failed`. Env: CABLE_EDITOR_KEEP_TEMP=1 keeps the temp folder.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheDir, descendants, editorPaths, killPids, pidsWithEnv, repoRoot, setupScript, startCodeServer } from './cache.mjs';

const t0 = Date.now();
const say = (...a) => console.log(`[test:ui ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extId = `${pkg.publisher}.${pkg.name}`;
const vsix = path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
const shots = path.join(repoRoot, 'screenshots');
const readmeImage = process.argv.includes('--readme-image');
// --web: the same checks with the extension in code-server's web-worker extension host (the
// package.json "browser" entry and its server in a web worker, as in vscode.dev); screenshots web-*.png.
const web = process.argv.includes('--web');
let passes = 0,
  failures = 0;
const bail = (msg) => {
  console.error(`test:ui: ${msg}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
};

if (!fs.existsSync(vsix)) bail(`${path.basename(vsix)} is missing; run \`npm run package\` first`);
say(`${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB, built ${fs.statSync(vsix).mtime.toISOString()}`);
if (!editorPaths()) {
  say(`editor cache ${cacheDir} is missing or incomplete: running scripts/editor/setup.sh`);
  const r = spawnSync('bash', [setupScript], { stdio: 'inherit' });
  if (r.status !== 0 || !editorPaths()) bail('scripts/editor/setup.sh failed');
}
const tools = editorPaths();

// The colours the extension contributes (configurationDefaults of the grammar, the status bar colour).
const tokenRules = pkg.contributes?.configurationDefaults?.['editor.tokenColorCustomizations']?.textMateRules ?? [];
const confidentialToken = tokenRules.find((r) => /classification\.confidential$/.test(String(r.scope)))?.settings?.foreground;
const confidentialStatus = pkg.contributes?.colors?.find((c) => c.id === 'cable.classification.confidential')?.defaults;
const rgb = (hex) => {
  const n = parseInt(hex.slice(1, 7), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

// ---- one temp folder, one run marker ----------------------------------------------------------------
const runId = randomUUID();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-ui-'));
const dirs = {
  userData: path.join(tmp, 'user-data'),
  extensions: path.join(tmp, 'extensions'),
  workspace: path.join(tmp, 'workspace'),
  profile: path.join(tmp, 'chromium'),
};
const env = { ...process.env, CABLE_EDITOR_RUN: runId };
for (const [k, sub] of [
  ['XDG_CONFIG_HOME', 'config'],
  ['XDG_DATA_HOME', 'data'],
  ['XDG_CACHE_HOME', 'cache'],
  ['XDG_STATE_HOME', 'state'],
  ['XDG_RUNTIME_DIR', 'runtime'],
  ['TMPDIR', 'tmp'],
]) {
  env[k] = path.join(tmp, 'xdg', sub);
}
for (const d of [
  ...Object.values(dirs),
  ...['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR', 'TMPDIR'].map((k) => env[k]),
])
  fs.mkdirSync(d, { recursive: true, mode: 0o700 });
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'workbench.layoutControl.enabled': false,
      'chat.disableAIFeatures': true,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'security.workspace.trust.enabled': false,
      'editor.minimap.enabled': false,
      'editor.stickyScroll.enabled': false,
      'editor.hover.delay': 150,
      'editor.wordWrap': 'on',
      'editor.fontSize': 13,
      'window.commandCenter': false,
      ...(web ? { 'remote.extensionKind': { [extId]: ['web'] } } : {}),
    },
    null,
    2,
  ),
);
fs.copyFileSync(path.join(repoRoot, 'examples/seed.cable'), path.join(dirs.workspace, 'seed.cable'));
fs.copyFileSync(path.join(repoRoot, 'test/workspace/txt/09CARACAS1443.txt'), path.join(dirs.workspace, '09CARACAS1443.txt'));
// 09PARIS1007 (SUBJECT over two lines, reasons wrapped onto their own line) with an (A) (B) (C) list in paragraph 1.
const semanticCable = fs
  .readFileSync(path.join(repoRoot, 'test/fixtures/corpus/09PARIS1007.txt'), 'utf8')
  .replace('July 21.  According', 'July 21.\n(A) the settlements;\n(B) the border;\n(C) the conference.\nAccording');
fs.writeFileSync(path.join(dirs.workspace, 'paris-list.cable'), semanticCable);
fs.mkdirSync(shots, { recursive: true });

let context;
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    if (context) await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    const { killed, forced } = await killPids([...descendants(process.pid), ...pidsWithEnv('CABLE_EDITOR_RUN', runId)]);
    if (killed) say(`stopped ${killed} process(es)${forced ? `, ${forced} with SIGKILL` : ''}`);
    if (process.env.CABLE_EDITOR_KEEP_TEMP) say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    console.error(`test:ui: ${sig}, stopping`);
    await cleanup();
    console.log(`${passes} passed, ${failures + 1} failed`);
    process.exit(130);
  });
}

// ---- install the .vsix, start code-server -----------------------------------------------------------
const csArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
const install = spawnSync(tools.node24, [tools.codeServerEntry, ...csArgs, '--install-extension', vsix], {
  env,
  encoding: 'utf8',
  timeout: 120_000,
});
const installed = fs.readdirSync(dirs.extensions).find((d) => d.toLowerCase() === `${extId}-${pkg.version}`.toLowerCase());
if (install.status !== 0 || !installed) {
  console.error(install.stdout, install.stderr);
  await cleanup();
  bail(`code-server --install-extension ${path.basename(vsix)} failed (exit ${install.status})`);
}
say(`installed ${installed}: ${(install.stdout || '').trim().split('\n').pop()}`);

const serverLogFile = path.join(tmp, 'code-server.log');
const { server, base } = await startCodeServer(tools, csArgs, serverLogFile, env);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (server.exitCode !== null || i > 240) {
    console.error(fs.readFileSync(serverLogFile, 'utf8').split('\n').slice(-30).join('\n'));
    await cleanup();
    bail('code-server did not start');
  }
  await new Promise((r) => setTimeout(r, 250));
}
say(`code-server ${tools.codeServerVersion} up on ${base}`);

// ---- the workbench ----------------------------------------------------------------------------------
const { chromium } = await import('playwright-core');
context = await chromium.launchPersistentContext(dirs.profile, {
  executablePath: tools.chromium,
  headless: true,
  env: { ...env, XDG_CONFIG_HOME: dirs.profile, XDG_CACHE_HOME: dirs.profile },
  viewport: { width: 1280, height: 760 },
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
// What the browser fetches: in --web mode the web-worker host loads the browser entry over HTTP.
const fetched = new Set();
context.on('request', (r) => {
  const u = decodeURIComponent(r.url());
  if (process.env.CABLE_UI_CONSOLE && /dist/.test(u)) say(`  request ${u.slice(0, 200)}`);
  const m = /\/dist\/web\/(client|server)\.js(?:$|[?&#])/.exec(u);
  if (m) fetched.add(m[1]);
});
if (process.env.CABLE_UI_CONSOLE) {
  page.on('console', (m) => say(`  console.${m.type()}: ${m.text().slice(0, 300)}`));
  page.on('worker', (w) => say(`  worker ${w.url().slice(0, 200)}`));
}
const shot = async (name) => {
  if (web) name = `web-${name}`;
  const file = path.join(shots, name);
  await page.screenshot({ path: file });
  say(`screenshot ${path.relative(repoRoot, file)}`);
  return file;
};

async function check(name, fn) {
  try {
    await fn();
    passes++;
    say(`PASS ${name}`);
  } catch (e) {
    failures++;
    say(`FAIL ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
    await shot(`fail-${passes + failures}.png`).catch(() => {});
  }
}

async function command(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Screen box of `needle` inside the editor line containing `lineText` (offset within the match, length). */
async function textBox(lineText, needle, from = 0, length = needle.length) {
  return page.evaluate(
    ({ lineText, needle, from, length }) => {
      const norm = (s) => s.replace(/\u00a0/g, ' ');
      for (const line of document.querySelectorAll('.part.editor .view-line')) {
        const text = norm(line.textContent ?? '');
        if (!text.includes(lineText)) continue;
        const at = text.indexOf(needle);
        if (at < 0) continue;
        // Map character offsets in the line to text nodes.
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let pos = 0,
          startNode,
          startOff,
          endNode,
          endOff;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent.length;
          if (!startNode && at + from < pos + len) {
            startNode = n;
            startOff = at + from - pos;
          }
          if (startNode && at + from + length <= pos + len) {
            endNode = n;
            endOff = at + from + length - pos;
            break;
          }
          pos += len;
        }
        if (!startNode || !endNode) return null;
        const r = document.createRange();
        r.setStart(startNode, startOff);
        r.setEnd(endNode, endOff);
        const b = r.getBoundingClientRect();
        const style = getComputedStyle(startNode.parentElement);
        return { x: b.x, y: b.y, width: b.width, height: b.height, color: style.color, fontWeight: style.fontWeight };
      }
      return null;
    },
    { lineText, needle, from, length },
  );
}

try {
  // Open the workspace, then the seed the way a user does: Quick Open.
  await page.goto(`${base}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
  say('workbench loaded');
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.type('seed.cable');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'seed.cable' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('.part.editor .monaco-editor .view-lines')?.textContent.includes('SUBJECT'),
    null,
    { timeout: 30_000 },
  );
  say('seed.cable open');

  await check('the language mode is Cable', async () => {
    await page.locator('#status\\.editor\\.mode', { hasText: 'Cable' }).waitFor({ timeout: 30_000 });
  });

  await check('the banner code lens and the inlay hints: highest portion, the post of RUEHKB, the DTG in words, DECL in 10 y', async () => {
    const lens = page
      .locator('.part.editor .codelens-decoration', { hasText: 'highest portion: CONFIDENTIAL · 3 paragraphs · DECL in 10 y' })
      .first();
    await lens.waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const lines = [...document.querySelectorAll('.part.editor .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' '));
        return (
          lines.some((l) => l.includes('RUEHKB') && l.includes('AMEMBASSY BAKU')) &&
          lines.some((l) => l.includes('15 February 2008, 13:18 UTC')) &&
          lines.some((l) => l.includes('02/15/2018') && l.includes('10 y'))
        );
      },
      null,
      { timeout: 60_000 },
    );
  });
  const hintsShot = await shot('00-hints-lens.png');
  if (readmeImage && !web) {
    fs.mkdirSync(path.join(repoRoot, 'docs/images'), { recursive: true });
    fs.copyFileSync(hintsShot, path.join(repoRoot, 'docs/images/inlay-hints.png'));
    say('copied it to docs/images/inlay-hints.png');
  }

  if (web) {
    // The browser entry is fetched over HTTP by the web worker host (the Node host reads dist/client.js
    // from disk); its server (read through the remote file system) then answers every check below.
    await check('the extension runs in the web worker host: the browser fetched dist/web/client.js', async () => {
      for (let i = 0; i < 200 && !fetched.has('client'); i++) await new Promise((r) => setTimeout(r, 150));
      if (!fetched.has('client')) throw new Error(`fetched: ${[...fetched].join(', ') || 'nothing'} of dist/web/`);
    });
  }

  await check('the Problems panel lists the RU warning with its rule id', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'RU is an ISO country code' }).first();
    await row.waitFor({ timeout: 60_000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    if (!/tag-iso-code/.test(text) || !/Ln 26, Col 36/.test(text)) throw new Error(`row: ${text}`);
    say(`  problems row: ${text}`);
  });

  // Bring the TAGS line (26) to the middle of the editor: Quick Open ":26".
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.type(':26');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => [...document.querySelectorAll('.part.editor .view-line')].some((l) => l.textContent.includes('TAGS:')),
    null,
    { timeout: 15_000 },
  );

  await check('a warning squiggle exactly under RU on the TAGS line', async () => {
    await page.waitForSelector('.part.editor .squiggly-warning', { timeout: 60_000 });
    const ru = await textBox('TAGS:', '[RU]', 1, 2);
    if (!ru) throw new Error('RU not found on screen');
    const squiggles = await page.locator('.part.editor .squiggly-warning').evaluateAll((els) =>
      els.map((e) => {
        const b = e.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }),
    );
    const under = squiggles.filter(
      (q) => Math.abs(q.x - ru.x) < 2 && Math.abs(q.x + q.width - (ru.x + ru.width)) < 2 && q.y < ru.y + ru.height && q.y + q.height > ru.y,
    );
    if (under.length !== 1)
      throw new Error(`no squiggle exactly under RU (${JSON.stringify(ru)}); warning squiggles: ${JSON.stringify(squiggles)}`);
  });
  await shot('01-editor-squiggle.png');

  await check("classification colours: the banner and (C) in the grammar's blue", async () => {
    if (!confidentialToken)
      throw new Error('package.json has no configurationDefaults token colour for the classification.confidential scope');
    const banner = await textBox('BAKU 000146', 'C O N F I D E N T I A L', 0, 1);
    const mark = await textBox('DCM delivered', '(C)', 1, 1);
    if (!banner || !mark) throw new Error('banner or (C) not on screen');
    for (const [what, box] of [
      ['banner', banner],
      ['(C)', mark],
    ]) {
      if (box.color !== rgb(confidentialToken))
        throw new Error(`${what} is ${box.color}, expected ${rgb(confidentialToken)} (${confidentialToken})`);
    }
    say(`  banner ${banner.color} weight ${banner.fontWeight}; (C) ${mark.color} weight ${mark.fontWeight}`);
  });

  await check('the status bar shows CONFIDENTIAL in the banner blue of the theme', async () => {
    const item = page.locator('.statusbar-item', { hasText: 'CONFIDENTIAL' }).first();
    await item.waitFor({ timeout: 30_000 });
    const color = await item
      .locator('a, .statusbar-item-label')
      .first()
      .evaluate((e) => getComputedStyle(e).color);
    // The contributed colour has a value per theme kind: compare with the one of the theme shown.
    const kind = await page.evaluate(() => {
      const c = document.querySelector('.monaco-workbench').classList;
      return c.contains('hc-light')
        ? 'highContrastLight'
        : c.contains('hc-black')
          ? 'highContrast'
          : c.contains('vs-dark')
            ? 'dark'
            : 'light';
    });
    const want = confidentialStatus?.[kind] ?? confidentialStatus?.dark;
    if (!want) throw new Error('package.json contributes no colour cable.classification.confidential');
    if (color !== rgb(want)) throw new Error(`status bar text is ${color}, expected ${rgb(want)} (${kind} theme)`);
    say(`  status bar ${color} (${kind} theme)`);
  });

  await check('the Outline shows paragraphs 1 to 3', async () => {
    // Give the Outline the side bar: collapse the folder section, then the outline's tree.
    await page
      .locator('.pane-header', { hasText: /^\s*workspace/i })
      .first()
      .click();
    await command('Explorer: Focus on Outline View');
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Outline/i }) });
    // The Outline sometimes keeps "The active editor cannot provide outline information" from a moment
    // before the language client registered its symbol provider; giving the editor focus again and
    // reopening the view makes it ask once more. Three tries, then the check fails.
    for (let attempt = 1; ; attempt++) {
      try {
        await pane.locator('.monaco-list-row').first().waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        say(
          `  outline empty (${(await pane.innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 80)}); focusing the editor and reopening it`,
        );
        await command('View: Focus Active Editor Group').catch(() => page.keyboard.press('Escape'));
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Control+Home');
        await command('Explorer: Focus on Outline View').catch(() => page.keyboard.press('Escape'));
      }
    }
    await pane.locator('.pane-header').hover();
    await pane
      .locator('.pane-header .codicon-collapse-all')
      .first()
      .click({ timeout: 5_000 })
      .catch(() => {});
    for (const n of [1, 2, 3])
      await pane
        .locator('.monaco-list-row', { hasText: new RegExp(`^\\s*${n}\\. \\(C\\)`) })
        .first()
        .waitFor({ timeout: 30_000 });
    say(
      `  outline: ${(await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').slice(0, 32)).join(' | ')}`,
    );
  });
  await shot('02-outline-problems.png');

  await check('hovering PBTS shows what the tag means', async () => {
    const box = await textBox('TAGS:', '[PBTS]', 1, 4);
    if (!box) throw new Error('PBTS not on screen');
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'National Boundaries, Territories and Sovereignty' }).first();
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    say(`  hover: ${(await hover.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`);
  });
  const overview = await shot('03-hover-pbts.png');
  if (readmeImage && !web) {
    fs.mkdirSync(path.join(repoRoot, 'docs/images'), { recursive: true });
    fs.copyFileSync(overview, path.join(repoRoot, 'docs/images/seed.png'));
    say('copied it to docs/images/seed.png');
  }
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');

  await check('the RU quick fix is offered in the editor (Ctrl+.)', async () => {
    const ru = await textBox('TAGS:', '[RU]', 1, 2);
    await page.mouse.click(ru.x + ru.width / 2, ru.y + ru.height / 2);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Replace RU with RS' }).first().waitFor({ timeout: 30_000 });
  });
  await shot('04-quick-fix.png');
  await page.keyboard.press('Escape');

  await check('a .txt corpus cable opens as a Cable, with its diagnostics and a one-time notice', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type('09CARACAS1443.txt');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '09CARACAS1443.txt' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('#status\\.editor\\.mode', { hasText: 'Cable' }).waitFor({ timeout: 30_000 });
    await page.locator('.notifications-toasts', { hasText: 'so it opened as a Cable' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: '09CARACAS1443.txt' }).first().waitFor({ timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 800)); // the notice fades in
  });
  await shot('05-txt-cable.png');

  await check('a rule id in the Problems panel opens the packaged docs/rules.md at that rule', async () => {
    const link = page.locator('.markers-panel .monaco-list-row a', { hasText: /^portion-mark-unknown$/ }).first();
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'rules.md' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.part.editor .view-line')].some(
          (l) => l.textContent.replace(/\u00a0/g, ' ').trim() === '### portion-mark-unknown',
        ),
      null,
      { timeout: 15_000 },
    );
    const line = await page.locator('#status\\.editor\\.selection').innerText();
    const want = fs.readFileSync(path.join(repoRoot, 'docs/rules.md'), 'utf8').split(/\r?\n/).indexOf('### portion-mark-unknown') + 1;
    if (!new RegExp(`Ln ${want},`).test(line)) throw new Error(`cursor at "${line}", expected line ${want}`);
  });
  await shot('06-rule-link.png');

  await check(
    "semantic tokens: the SUBJECT continuation in the subject's colour, the list letter (C) like (A), not CONFIDENTIAL blue",
    async () => {
      await command('View: Close Panel').catch(() => page.keyboard.press('Escape')); // room for lines 1 to 30
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.type('paris-list.cable');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'paris-list.cable' }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => [...document.querySelectorAll('.part.editor .view-line')].some((l) => l.textContent.includes('SUBJECT:')),
        null,
        { timeout: 30_000 },
      );
      // Line 24 to the middle: the subject above it and the list below it are on screen.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.type(':24');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('.part.editor .view-line')].some((l) =>
            l.textContent.replace(/\u00a0/g, ' ').includes('the conference'),
          ),
        null,
        { timeout: 30_000 },
      );
      const colours = async () => ({
        listA: (await textBox('the settlements', '(A)', 1, 1))?.color,
        listC: (await textBox('the conference', '(C)', 1, 1))?.color,
        marking: (await textBox('Summary:', '(C)', 1, 1))?.color,
        subject1: (await textBox('SUBJECT:', 'MIDDLE'))?.color,
        subject2: (await textBox('STEPS', 'STEPS'))?.color,
        prose: (await textBox('Mubarak and Sarkozy reportedly', 'reportedly'))?.color,
      });
      // The grammar colours first; the semantic tokens arrive a moment later.
      let c = await colours();
      for (let i = 0; i < 100 && !(c.listC === c.listA && c.subject2 === c.subject1); i++) {
        await new Promise((r) => setTimeout(r, 200));
        c = await colours();
      }
      say(`  colours: ${JSON.stringify(c)}`);
      if (Object.values(c).some((v) => !v)) throw new Error(`a token is not on screen: ${JSON.stringify(c)}`);
      if (c.marking !== rgb(confidentialToken))
        throw new Error(`the marking (C) is ${c.marking}, expected the CONFIDENTIAL blue ${rgb(confidentialToken)}`);
      if (c.listC !== c.listA || c.listC === c.marking)
        throw new Error(`the list letter (C) is ${c.listC}: (A) is ${c.listA}, the marking ${c.marking}`);
      if (c.subject2 !== c.subject1 || c.subject2 === c.prose)
        throw new Error(`the SUBJECT continuation is ${c.subject2}: its first line ${c.subject1}, prose ${c.prose}`);
    },
  );
  const semanticShot = await shot('08-semantic-tokens.png');
  if (readmeImage && !web) {
    fs.copyFileSync(semanticShot, path.join(repoRoot, 'docs/images/semantic-tokens.png'));
    say('copied it to docs/images/semantic-tokens.png');
  }

  await check('the "Get started with cables" walkthrough lists its four steps', async () => {
    // Room for the step's page beside the list: no notices, panel or side bar.
    for (const c of ['Notifications: Clear All Notifications', 'View: Close Panel', 'View: Close Primary Side Bar'])
      await command(c).catch(() => page.keyboard.press('Escape'));
    await command('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with cables' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.type('Get started with cables');
    await page.keyboard.press('Enter');
    for (const step of ['Write a new cable', 'Read a first diagnostic', 'Fix all', 'Look a rule up']) {
      await page.locator('.gettingStartedContainer .getting-started-step', { hasText: step }).first().waitFor({ timeout: 30_000 });
    }
    await page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Write a new cable' }).first().click();
    await page.locator('.gettingStartedContainer', { hasText: 'New Cable' }).first().waitFor({ timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 1000)); // the step's page renders in a webview
  });
  await shot('07-walkthrough.png');
} catch (e) {
  failures++;
  say(`ERROR ${e?.stack ?? e}`);
  await shot('99-error.png').catch(() => {});
} finally {
  await cleanup();
  say('done');
  console.log(`${passes} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}
