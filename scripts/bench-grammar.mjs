// Times the TextMate grammar on a 1 MB cable (the seed's header once, then its body repeated), with the
// same engine VS Code uses (vscode-textmate + vscode-oniguruma). Prints one line:
//   grammar: 1 MB cable tokenized in N ms
// (wall-clock time, best of 3 runs after a warm-up run).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
const grammarPath = join(root, 'syntaxes', 'cable.tmLanguage.json');
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async (scopeName) =>
    scopeName === 'text.cable' ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
});
const grammar = await registry.loadGrammar('text.cable');

const seed = readFileSync(join(root, 'examples', 'seed.cable'), 'utf8')
  .replace(/\r\n?/g, '\n')
  .split('\n');
const bodyStart = seed.findIndex((l) => /^\[1\]\(#\)1\. /.test(l));
const MB = 1024 * 1024;
const lines = seed.slice(0, bodyStart);
for (let size = lines.join('\n').length; size < MB;) {
  for (const l of seed.slice(bodyStart)) {
    lines.push(l);
    size += l.length + 1;
  }
}

function tokenize() {
  const t = performance.now();
  let state = vsctm.INITIAL;
  for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
  return performance.now() - t;
}

tokenize();
const ms = Math.min(tokenize(), tokenize(), tokenize());
console.log(`grammar: 1 MB cable tokenized in ${Math.round(ms)} ms`);
