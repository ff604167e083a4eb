// The layers (docs/architecture.md): the core (server/src outside lsp/) knows no
// protocol; the client knows the server only through the shared protocol module.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './harness';

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The module specifiers a file imports (static, dynamic, require and export-from). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"\n]+)['"]/g)) out.push(m[1]);
  return out;
}

const rel = (p: string) => relative(ROOT, p).split('\\').join('/');

/** Server modules the client may import: what the two sides share. */
const SHARED = ['server/src/lsp/protocol.ts', 'server/src/lsp/links.ts'];

test('importsOf finds every form of import', () => {
  const src = `import a from 'x';\nimport type { B } from "y";\nexport { c } from './z';\nimport './side';\nconst d = require('w');\nconst e = await import('v');`;
  assert.deepEqual(importsOf(src), ['x', 'y', './z', './side', 'w', 'v']);
});

test('no module of the core imports the language server protocol', () => {
  const offenders: string[] = [];
  for (const f of tsFiles(join(ROOT, 'server/src'))) {
    if (rel(f).startsWith('server/src/lsp/')) continue;
    for (const spec of importsOf(readFileSync(f, 'utf8')))
      if (/^vscode-(languageserver|jsonrpc)/.test(spec)) offenders.push(`${rel(f)} imports ${spec}`);
  }
  assert.deepEqual(offenders, []);
});

test('the client imports only the shared modules of the server, which import nothing of the server themselves', () => {
  const offenders: string[] = [];
  const check = (file: string, allowed: (target: string) => boolean) => {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = rel(resolve(dirname(file), spec)) + '.ts';
      if (!target.startsWith('client/') && !allowed(target)) offenders.push(`${rel(file)} imports ${spec}`);
    }
  };
  for (const f of tsFiles(join(ROOT, 'client/src'))) check(f, (t) => SHARED.includes(t));
  for (const s of SHARED) check(join(ROOT, s), (t) => SHARED.includes(t));
  assert.deepEqual(offenders, []);
});
