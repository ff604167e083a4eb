// The server's handlers as plain functions: a Session over a fake client (Host)
// and a map of documents, no process and no protocol in between.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApplyWorkspaceEditParams, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { classification, newCable } from '../../server/src/lsp/cable-requests';
import { actionsFor, codeActions, resolveCodeAction } from '../../server/src/lsp/code-actions';
import { executeCommand } from '../../server/src/lsp/commands';
import { completion, resolveCompletion } from '../../server/src/lsp/completion';
import { configurationChanged } from '../../server/src/lsp/configuration';
import { debounceDelay, diagnosticsOf, MAX_DEBOUNCE_MS } from '../../server/src/lsp/diagnostics';
import { documentSymbols, hover } from '../../server/src/lsp/document-features';
import { mergeCapabilities } from '../../server/src/lsp/feature';
import { FEATURES } from '../../server/src/lsp/server';
import { Session, type Host } from '../../server/src/lsp/session';
import { statsEnabled } from '../../server/src/lsp/stats';
import { fixAllText } from '../../server/src/features/fixall';
import { parse } from '../../server/src/parse/index';
import { lint } from '../../server/src/rules/engine';
import { applyTextEdits, pos, seedText } from './harness';

const seed = seedText();
const URI = 'file:///virtual/seed.cable';

/** A client that answers workspace/configuration with `settings` and records what the server sends. */
class FakeHost implements Host {
  settings: unknown = {};
  logs: string[] = [];
  warnings: string[] = [];
  published: PublishDiagnosticsParams[] = [];
  applied: ApplyWorkspaceEditParams[] = [];
  log(m: string) {
    this.logs.push(m);
  }
  error(m: string) {
    this.logs.push(m);
  }
  warn(m: string) {
    this.warnings.push(m);
  }
  configuration() {
    return Promise.resolve(this.settings);
  }
  sendDiagnostics(p: PublishDiagnosticsParams) {
    this.published.push(p);
    return Promise.resolve();
  }
  applyEdit(p: ApplyWorkspaceEditParams) {
    this.applied.push(p);
    return Promise.resolve({ applied: true });
  }
}

function sessionWith(
  texts: Record<string, string>,
  opts: { pull?: boolean; resolve?: boolean } = {},
): { session: Session; host: FakeHost } {
  const docs = new Map(Object.entries(texts).map(([uri, text]) => [uri, TextDocument.create(uri, 'cable', 1, text)]));
  const host = new FakeHost();
  const session = new Session({ get: (u) => docs.get(u), all: () => [...docs.values()] }, host);
  session.initialize({
    processId: null,
    rootUri: null,
    capabilities: {
      workspace: { configuration: opts.pull ?? true, workspaceEdit: { documentChanges: false } },
      textDocument: opts.resolve ? { codeAction: { resolveSupport: { properties: ['edit'] } } } : {},
    },
  });
  return { session, host };
}

const at = (text: string, needle: string, delta = 0) => pos(text, text.indexOf(needle) + delta);

describe('diagnostics scheduling', () => {
  test('an edit after a quiet spell is checked at once; one right after a check waits half its time, at most MAX_DEBOUNCE_MS', () => {
    assert.equal(debounceDelay(undefined, undefined, 1000), 0);
    assert.equal(debounceDelay(40, 1000, 5000), 0);
    assert.equal(debounceDelay(40, 1000, 1000), 20);
    assert.equal(debounceDelay(40, 1000, 1015), 5);
    assert.equal(debounceDelay(300, 1000, 1000), MAX_DEBOUNCE_MS);
  });

  test('diagnosticsOf gives the findings of the current version as diagnostics, none for an unknown document', async () => {
    const { session } = sessionWith({ [URI]: seed });
    const r = await diagnosticsOf(session, URI);
    assert.equal(r?.version, 1);
    assert.ok(r!.diagnostics.some((d) => d.code === 'tag-iso-code' && d.source === 'cable'));
    assert.equal(await diagnosticsOf(session, 'file:///virtual/closed.cable'), undefined);
  });

  test('the client names its docs/rules.md in initializationOptions (the extension in a browser); without one, no link', async () => {
    const { session } = sessionWith({ [URI]: seed });
    assert.ok((await diagnosticsOf(session, URI))!.diagnostics.every((d) => d.codeDescription === undefined));
    const docs = new Map([[URI, TextDocument.create(URI, 'cable', 1, seed)]]);
    const web = new Session({ get: (u) => docs.get(u), all: () => [...docs.values()] }, new FakeHost());
    const rulesDocument = 'https://example.invalid/extension/cable-tools/docs/rules.md';
    web.initialize({ processId: null, rootUri: null, capabilities: {}, initializationOptions: { rulesDocument } });
    const ru = (await diagnosticsOf(web, URI))!.diagnostics.find((d) => d.code === 'tag-iso-code');
    assert.match(ru?.codeDescription?.href ?? '', /^https:\/\/example\.invalid\/extension\/cable-tools\/docs\/rules\.md#L\d+$/);
    assert.deepEqual(await web.settings.raw(URI), {}, 'rulesDocument is not taken for a setting');
  });

  test('rules turned off in the settings leave the diagnostics; a change of settings is taken in', async () => {
    const { session, host } = sessionWith({ [URI]: seed });
    host.settings = { rules: { 'tag-iso-code': 'off' } };
    assert.ok(!(await diagnosticsOf(session, URI))!.diagnostics.some((d) => d.code === 'tag-iso-code'), 'the first pull is used');
    host.settings = {};
    assert.ok(!(await diagnosticsOf(session, URI))!.diagnostics.some((d) => d.code === 'tag-iso-code'), 'pulled settings are cached');
    configurationChanged(session, { settings: null });
    assert.ok(
      (await diagnosticsOf(session, URI))!.diagnostics.some((d) => d.code === 'tag-iso-code'),
      'pulled again after a change',
    );
  });

  test('a client that pushes settings: didChangeConfiguration carries them; a bad setting is told once', async () => {
    const { session, host } = sessionWith({ [URI]: seed }, { pull: false });
    configurationChanged(session, { settings: { cable: { rules: { 'tag-iso-code': 'loud' } } } });
    await diagnosticsOf(session, URI);
    await diagnosticsOf(session, URI);
    assert.equal(host.warnings.length, 1);
    assert.match(host.warnings[0], /cable\.rules\.tag-iso-code: severity must be/);
  });
});

describe('document features', () => {
  test('hover on a tag explains it; the outline has the subject', async () => {
    const { session } = sessionWith({ [URI]: seed });
    const h = await hover(session, { textDocument: { uri: URI }, position: at(seed, 'PBTS', 1) });
    assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents && h.contents.value.includes('PBTS'));
    const symbols = await documentSymbols(session, { textDocument: { uri: URI } });
    assert.ok(
      symbols?.some((s) => s.name.startsWith('DEMARCHE DELIVERED')),
      JSON.stringify(symbols?.map((s) => s.name)),
    );
    assert.equal(await hover(session, { textDocument: { uri: 'file:///none' }, position: { line: 0, character: 0 } }), null);
  });

  test('completion on the TAGS line offers tags whose documentation comes on resolve', async () => {
    const text = seed.replace('[PBTS](#)', 'PB');
    const { session } = sessionWith({ [URI]: text });
    const list = await completion(session, { textDocument: { uri: URI }, position: at(text, ' PB ', 3) });
    const pbts = list?.items.find((i) => i.label === 'PBTS');
    assert.ok(pbts, 'PBTS offered');
    assert.equal(pbts.documentation, undefined);
    const resolved = await resolveCompletion(session, pbts);
    assert.ok(typeof resolved.documentation === 'object' && /National Boundaries/.test(resolved.documentation.value));
  });

  test('the classification request reads the banner', async () => {
    const { session } = sessionWith({ [URI]: seed });
    assert.deepEqual(await classification(session, { textDocument: { uri: URI } }), {
      level: 'C',
      name: 'CONFIDENTIAL',
      banner: 'C O N F I D E N T I A L',
      date: '15 February 2008, from the date-time group R 151318Z FEB 08',
    });
  });

  test('a new cable is dated by the cable.date setting (its DECL date ten years on)', async () => {
    const { session, host } = sessionWith({});
    host.settings = { date: '2011-03-04' };
    const { snippet } = await newCable(session, {});
    assert.match(snippet, /DECL: \$\{3:2021\/03\/04\}/);
  });
});

describe('code actions and commands', () => {
  const broken = seed.replace('[1](#)2. (C)', '[1](#)7. (C)');

  test('quick fixes of the findings in the range, and fix-all, each only when asked for', async () => {
    const { session } = sessionWith({ [URI]: broken });
    const p = at(broken, '7. (C)');
    const all = await codeActions(session, { textDocument: { uri: URI }, range: { start: p, end: p }, context: { diagnostics: [] } });
    assert.ok(all?.some((a) => a.kind === 'quickfix' && a.edit));
    assert.ok(
      all?.some((a) => a.kind === 'source.fixAll.cable' && a.edit),
      'fix-all with its edit for a client that cannot resolve',
    );
    const only = await codeActions(session, {
      textDocument: { uri: URI },
      range: { start: p, end: p },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      only?.map((a) => a.kind),
      ['source.fixAll.cable'],
    );
  });

  test('fix-all is resolved on demand for clients that can resolve', async () => {
    const { session } = sessionWith({ [URI]: broken }, { resolve: true });
    const s = (await session.stateOf(URI))!;
    const fixAll = actionsFor(session, s.doc, s.state, {
      textDocument: { uri: URI },
      range: { start: pos(broken, 0), end: pos(broken, 0) },
      context: { diagnostics: [], only: ['source'] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].edit, undefined);
    const resolved = await resolveCodeAction(session, fixAll[0]);
    const edits = resolved.edit?.changes?.[URI] as TextEdit[];
    assert.equal(applyTextEdits(broken, edits), fixAllText(broken, (t) => lint(parse(t))).text);
  });

  test('the renumber command asks the client to apply its edits; an unknown command is refused', async () => {
    const { session, host } = sessionWith({ [URI]: broken });
    assert.deepEqual(await executeCommand(session, { command: 'cable.server.renumberParagraphs', arguments: [URI] }), {
      applied: true,
      edits: 1,
    });
    assert.equal(host.applied[0].label, 'Renumber paragraphs');
    assert.equal(applyTextEdits(broken, host.applied[0].edit.changes![URI]), seed);
    await assert.rejects(executeCommand(session, { command: 'cable.server.nothing', arguments: [URI] }), /unknown command/);
  });
});

describe('registration', () => {
  test('the features announce every capability once; commands from several features add up', () => {
    const { session } = sessionWith({});
    const caps = mergeCapabilities(FEATURES.map((f) => f.capabilities?.(session) ?? {}));
    for (const k of [
      'textDocumentSync',
      'hoverProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'completionProvider',
      'codeActionProvider',
      'definitionProvider',
    ])
      assert.ok(k in caps, k);
    assert.deepEqual(
      mergeCapabilities([
        { executeCommandProvider: { commands: ['a'] } },
        { hoverProvider: true },
        { executeCommandProvider: { commands: ['b'] } },
      ]),
      {
        hoverProvider: true,
        executeCommandProvider: { commands: ['a', 'b'] },
      },
    );
  });

  test('cable/stats (which runs the GC) is answered only when the benchmark asks for it', () => {
    assert.equal(statsEnabled({}), false);
    assert.equal(statsEnabled({ CABLE_LSP_STATS: '1' }), true);
  });
});
