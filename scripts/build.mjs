// Bundles the extension client, the language server and the CLI, and
// transpiles sources and tests to out/ for node's test runner.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

// The line of each rule's `### rule-id` heading in docs/rules.md: diagnostics link there (server/src/lsp/links.ts).
const ruleDocLines = {};
readFileSync('docs/rules.md', 'utf8')
  .split(/\r?\n/)
  .forEach((l, i) => {
    const m = /^### ([a-z0-9-]+)\s*$/.exec(l);
    if (m) ruleDocLines[m[1]] = i + 1;
  });

const common = {
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { CABLE_TOOLS_VERSION: JSON.stringify(version), CABLE_RULE_DOC_LINES: JSON.stringify(ruleDocLines) },
};

// The bundles are minified (the .vsix stays under 400 KB); their source maps (dist/**/*.map, kept out of
// the .vsix and the npm package) give stack traces in the sources. out/ stays readable for the tests.
const bundle = { ...common, bundle: true, minify: true };
const web = { ...bundle, platform: 'browser', target: 'es2022', outdir: 'dist/web' };
const NODE_SHIMS = Object.fromEntries(['node:fs', 'node:path', 'node:url'].map((m) => [m, './server/src/lsp/web/node-shims.ts']));

await Promise.all([
  build({ ...bundle, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' }),
  build({ ...bundle, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' }),
  build({ ...bundle, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  // The web extension (package.json "browser"): client and server for a browser, the server in a web worker.
  build({
    ...web,
    entryPoints: { server: 'server/src/lsp/web/main.ts' },
    format: 'iife',
    alias: NODE_SHIMS,
    inject: ['server/src/lsp/web/process-shim.ts'],
  }),
  build({ ...web, entryPoints: { client: 'client/src/browser.ts' }, format: 'cjs', external: ['vscode'] }),
  build({
    ...common,
    bundle: false,
    entryPoints: ['server/src/**/*.ts', 'test/**/*.ts', 'client/src/**/*.ts'],
    outdir: 'out',
    outbase: '.',
  }),
]);
