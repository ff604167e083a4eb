// The language server under random typing: a fixed-seed script of incremental
// edits (inserts, deletes, line breaks of every kind, cable pieces, odd
// unicode) applied to the seed over stdio. After each step the diagnostics of
// that version must lie inside the client's copy of the text, and hover,
// outline, folding, completion, definition and code actions at random places
// must answer without an error. (test/lsp/robustness.test.ts covers failing
// requests, malformed JSON-RPC and unopened documents; the memory over 10,000
// edits is in scripts/bench-lsp.mjs.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { Client, pos, SERVER, seedText, uriOf } from '../lsp/harness';
import { SEED, textArb } from './helpers';

interface Step {
  /** Fractions of the text length: where the edit starts and how much it removes. */
  at: number;
  removed: number;
  inserted: string;
  /** Where to ask the features afterwards (fraction of the text length). */
  probe: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  removed: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.02, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  inserted: fc.oneof(textArb, fc.constantFrom('', '\n', '\r\n', '\r', '1. (C) ', 'TAGS: PREL RU\n', '😀')),
  probe: fc.double({ min: 0, max: 1, noNaN: true }),
});

const STEPS = 120;
let c: Client;
const uri = uriOf('typing.cable');

/** 0-based lines of a text with LF, CRLF or CR endings (as LSP counts them). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function inside(text: string, d: { range: Diagnostic['range'] }): boolean {
  const lens = lineLengths(text);
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < lens.length && p.character >= 0 && p.character <= lens[p.line];
  const { start, end } = d.range;
  return ok(start) && ok(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character));
}

before(async () => {
  if (!existsSync(SERVER)) return;
  c = new Client();
  await c.initialize();
  await c.open(uri, seedText());
});

after(async () => {
  await c?.close();
});

test(
  'random incremental edits: diagnostics stay inside the text and every feature answers',
  { skip: !existsSync(SERVER) && 'dist/server.js not built' },
  async () => {
    const steps = fc.sample(stepArb, { seed: SEED, numRuns: STEPS });
    let diagnostics = 0;
    let edits = 0;
    for (const [k, s] of steps.entries()) {
      const old = c.texts.get(uri)!;
      let at = Math.floor(s.at * old.length);
      // Never split a CRLF or a surrogate pair: the client's offsets would not round-trip through positions.
      while (at > 0 && at < old.length && ((old[at - 1] === '\r' && old[at] === '\n') || /[\uD800-\uDBFF]/.test(old[at - 1]))) at--;
      let end = Math.min(old.length, at + Math.floor(s.removed * old.length));
      while (end < old.length && end > 0 && ((old[end - 1] === '\r' && old[end] === '\n') || /[\uD800-\uDBFF]/.test(old[end - 1]))) end++;
      const version = c.edit(uri, at, end - at, s.inserted);
      const published = await c.nextDiagnostics(uri, version);
      const text = c.texts.get(uri)!;
      const where = `step ${k} (seed ${SEED})`;
      for (const d of published.diagnostics) assert.ok(inside(text, d), `${where}: ${d.code} ${JSON.stringify(d.range)} outside the text`);
      diagnostics += published.diagnostics.length;

      const p = pos(text, Math.floor(s.probe * text.length));
      const doc = { textDocument: { uri } };
      await c.request('textDocument/hover', { ...doc, position: p });
      await c.request('textDocument/completion', { ...doc, position: p });
      await c.request('textDocument/definition', { ...doc, position: p });
      const symbols = await c.request<DocumentSymbol[] | null>('textDocument/documentSymbol', doc);
      const walk = (xs: DocumentSymbol[]) => {
        for (const x of xs) {
          assert.ok(
            inside(text, x) && inside(text, { range: x.selectionRange }),
            `${where}: symbol ${x.name} ${JSON.stringify(x.range)} outside the text`,
          );
          walk(x.children ?? []);
        }
      };
      walk(symbols ?? []);
      await c.request('textDocument/foldingRange', doc);
      const actions = await c.request<CodeAction[] | null>('textDocument/codeAction', {
        ...doc,
        range: { start: p, end: p },
        context: { diagnostics: published.diagnostics.filter((d) => d.range.start.line <= p.line && p.line <= d.range.end.line) },
      });
      for (const a of actions ?? []) {
        for (const e of a.edit?.documentChanges ?? []) {
          if (!('edits' in e)) continue;
          for (const te of e.edits) {
            assert.ok(inside(text, te), `${where}: action "${a.title}" edits outside the text`);
            edits++;
          }
        }
        for (const te of a.edit?.changes?.[uri] ?? []) {
          assert.ok(inside(text, te), `${where}: action "${a.title}" edits outside the text`);
          edits++;
        }
      }
    }
    assert.equal(c.exited, false);
    // The checks above mean little if the damage provoked nothing.
    assert.ok(diagnostics > STEPS && edits > 20, `only ${diagnostics} diagnostics and ${edits} quick-fix edits checked`);
  },
);
