// Inlay hints and the banner code lens over the protocol, and the settings that turn each kind off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, InitializeResult, InlayHint } from 'vscode-languageserver-protocol';
import { Client, seedText, uriOf } from './harness';

let c: Client;
let init: InitializeResult;
const SEED = uriOf('seed.cable');

before(async () => {
  c = new Client();
  init = await c.initialize();
  await c.open(SEED, seedText());
});
after(async () => {
  await c.close();
});

async function hints(uri = SEED): Promise<string[]> {
  const text = c.texts.get(uri)!;
  const lines = text.split(/\r\n|\r|\n/);
  const end = { line: lines.length, character: 0 };
  const r = await c.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end },
  });
  // The word the hint follows, then the hint.
  return r.map((h) => `${lines[h.position.line].slice(0, h.position.character).split(/\s/).pop()} → ${h.label as string}`);
}

async function settingsChanged(settings: Record<string, unknown>): Promise<void> {
  c.settings = settings;
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { cable: settings } });
}

describe('inlay hints and code lens', () => {
  test('the server announces inlay hints and code lenses', () => {
    assert.ok(init.capabilities.inlayHintProvider);
    assert.ok(init.capabilities.codeLensProvider);
  });

  test('seed: the station RUEHKB, the date-time group in words, DECL in 10 y', async () => {
    assert.deepEqual(await hints(), ['RUEHKB → AMEMBASSY BAKU', '08 → 15 February 2008, 13:18 UTC', '02/15/2018 → 10 y']);
  });

  test('the banner lens: highest portion, paragraphs, DECL', async () => {
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: SEED } });
    const banner = lenses.find((l) => l.command?.title.startsWith('highest portion'));
    assert.ok(banner, JSON.stringify(lenses));
    assert.equal(banner.command!.title, 'highest portion: CONFIDENTIAL · 3 paragraphs · DECL in 10 y');
    assert.equal(banner.range.start.line, c.at(SEED, 'C O N F I D E N T I A L').line);
  });

  test('cable.inlayHints.<kind> = false and cable.codeLens.banner = false turn each off', async () => {
    await settingsChanged({ inlayHints: { dtg: false, postNames: false } });
    assert.deepEqual(await hints(), ['02/15/2018 → 10 y']);
    await settingsChanged({ inlayHints: { declYears: false }, codeLens: { banner: false } });
    assert.deepEqual(await hints(), ['RUEHKB → AMEMBASSY BAKU', '08 → 15 February 2008, 13:18 UTC']);
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: SEED } });
    assert.ok(!lenses.some((l) => l.command?.title.startsWith('highest portion')));
    await settingsChanged({});
    assert.equal((await hints()).length, 3);
  });

  test('an edit is reflected: a SECRET paragraph and a new DECL date', async () => {
    const text = c.texts.get(SEED)!;
    c.change(SEED, text.replace('2. (C)', '2. (S)').replace('02/15/2018', '02/15/2033'));
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: SEED } });
    assert.ok(
      lenses.some((l) => l.command?.title === 'highest portion: SECRET · 3 paragraphs · DECL in 25 y'),
      JSON.stringify(lenses),
    );
    assert.ok((await hints()).includes('02/15/2033 → 25 y'));
  });
});
