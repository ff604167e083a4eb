// Bundles the extension client, the language server and the CLI, and
// transpiles sources and tests to out/ for node's test runner.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = { platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', define: { CABLE_TOOLS_VERSION: JSON.stringify(version) } };

await Promise.all([
  build({ ...common, bundle: true, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' }),
  build({ ...common, bundle: true, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' }),
  build({ ...common, bundle: true, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, bundle: false, entryPoints: ['server/src/**/*.ts', 'test/**/*.ts', 'client/src/**/*.ts'], outdir: 'out', outbase: '.' }),
]);
