// The workspace as one archive, over the protocol: the built server indexes a folder of
// corpus cables that cite each other (test/fixtures/archive) in the background, with
// progress, and answers definition, hover, references, code lenses and workspace symbols.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type {
  CodeLens,
  DocumentDiagnosticReport,
  FullDocumentDiagnosticReport,
  Hover,
  InitializeResult,
  Location,
  MarkupContent,
  SymbolInformation,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { lint } from '../cli/helpers';
import { Client, FIXTURES } from './harness';

const ARCHIVE = join(FIXTURES, 'archive');
const fileUri = (dir: string, name: string) => pathToFileURL(join(dir, name)).href;
const lineOf = (loc: Location) => readFileSync(new URL(loc.uri), 'utf8').split(/\r?\n/)[loc.range.start.line];
const base = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A client on `root` that shows progress, refreshes lenses and answers files.exclude with `exclude`; `pull`: it pulls diagnostics. */
async function startClient(root: string, exclude: Record<string, boolean> = {}, pull = false) {
  const c = new Client();
  const progress: { token: unknown; value: { kind: string; title?: string; cancellable?: boolean; message?: string } }[] = [];
  let refreshes = 0;
  c.conn.onRequest('window/workDoneProgress/create', () => null);
  c.conn.onNotification('$/progress', (p: (typeof progress)[number]) => progress.push(p));
  c.conn.onRequest('workspace/codeLens/refresh', () => {
    refreshes++;
    return null;
  });
  c.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === 'files.exclude' ? exclude : c.settings)),
  );
  const init = await c.initialize(undefined, {
    rootPath: root,
    window: { workDoneProgress: true },
    workspace: { codeLens: { refreshSupport: true }, ...(pull ? { diagnostics: { refreshSupport: true } } : {}) },
    textDocument: pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {},
  });
  return { c, init, progress, refreshes: () => refreshes };
}

const symbols = (c: Client, query: string) => c.request<SymbolInformation[]>('workspace/symbol', { query });
const lenses = (c: Client, uri: string) => c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });

describe('workspace index over the protocol (test/fixtures/archive)', () => {
  let c: Client;
  let init: InitializeResult;
  let progress: Awaited<ReturnType<typeof startClient>>['progress'];
  const uri = (name: string) => fileUri(ARCHIVE, name);

  before(async () => {
    ({ c, init, progress } = await startClient(ARCHIVE, { '**/09BOGOTA569.txt': true }));
    await until(
      'the index',
      () => symbols(c, ''),
      (s) => s.length === 11,
    );
  });
  after(async () => {
    await c.close();
  });

  test('capabilities: references, workspace symbols and code lenses', () => {
    assert.equal(init.capabilities.referencesProvider, true);
    assert.equal(init.capabilities.workspaceSymbolProvider, true);
    assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
  });

  test('the build reports progress (window/workDoneProgress), cancellable, and ends', async () => {
    await until(
      'the end of the progress',
      async () => progress.map((p) => p.value.kind),
      (k) => k.includes('end'),
    );
    const begin = progress.find((p) => p.value.kind === 'begin')!;
    assert.equal(begin.value.title, 'Indexing cables');
    assert.equal(begin.value.cancellable, true);
    assert.equal(progress[progress.length - 1].value.kind, 'end');
  });

  test('files.exclude leaves a cable out of the index', async () => {
    assert.deepEqual(await symbols(c, '09BOGOTA569'), []);
    assert.equal((await symbols(c, '09BOGOTA1412')).length, 1);
  });

  test('workspace symbols: by reference id, subject words and tag', async () => {
    const byId = await symbols(c, '08state');
    assert.equal(byId.length, 1);
    assert.equal(
      byId[0].name,
      '08STATE85678: ACTION REQUEST: U.S. PROPOSAL FOR STRONG NAC STATEMENT CONDEMINING RUSSIAN ACTIONS IN GEORGIA',
    );
    assert.equal(byId[0].containerName, 'TAGS NATO PARM KCFE RU GG');
    assert.equal(byId[0].location.uri, uri('08STATE85678.txt'));
    assert.deepEqual(byId[0].location.range.start, { line: 5, character: 0 });
    assert.deepEqual((await symbols(c, 'nac statem')).map((s) => s.name.split(':')[0]).sort(), [
      '08BUDAPEST807',
      '08STATE85678',
      '08THEHAGUE680',
    ]);
    assert.ok((await symbols(c, 'KCFE')).some((s) => s.name.startsWith('08BUDAPEST807')));
    assert.deepEqual(await symbols(c, 'zzzz'), []);
  });

  test('go to definition on a REF item, and on "reftels B and C", opens the cited cable; an absent one stays on the REF line', async () => {
    const me = uri('08NEWDELHI581.txt');
    await c.open(me, readFileSync(new URL(me), 'utf8'));
    const def = (needle: string, delta: number) =>
      c.request<Location[]>('textDocument/definition', { textDocument: { uri: me }, position: c.at(me, needle, delta) });
    const onItem = await def('NEW DELHI 454', 3);
    assert.deepEqual(
      onItem.map((l) => base(l.uri)),
      ['08NEWDELHI454.txt'],
    );
    assert.match(lineOf(onItem[0]), /^C O N F I D E N T I A L NEW DELHI 000454/);
    assert.deepEqual(
      (await def('reftels B and C', 8)).map((l) => base(l.uri)),
      ['08NEWDELHI454.txt'],
    );
    const refA = await def('Ref A demarche', 4);
    assert.deepEqual(
      refA.map((l) => l.uri),
      [me],
    );
    assert.deepEqual(refA[0].range.start, c.at(me, 'A. SECSTATE 16319'));
  });

  test("hover on a REF item shows the cited cable's subject, classification, date and TAGS", async () => {
    const me = uri('08NEWDELHI581.txt');
    if (!c.texts.has(me)) await c.open(me, readFileSync(new URL(me), 'utf8'));
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: me }, position: c.at(me, 'NEW DELHI 454', 3) });
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /^\*\*08NEWDELHI454\*\*: INDIA UNDECIDED ON KOSOVO INDEPENDENCE/);
    assert.match(md, /CONFIDENTIAL · 2008-02-12 · TAGS PREL UN UNMIK PGOV YI EU IN/);
  });

  test('find all references on the banner lists the citing cables with the citing line; from a REF item too', async () => {
    const state = uri('08STATE85678.txt');
    await c.open(state, readFileSync(new URL(state), 'utf8'));
    const refs = await c.request<Location[]>('textDocument/references', {
      textDocument: { uri: state },
      position: c.at(state, 'STATE 085678', 3),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      refs.map((l) => base(l.uri)),
      ['08BUDAPEST807.txt', '08THEHAGUE680.txt'],
    );
    for (const l of refs) assert.match(lineOf(l), /SECSTATE 85678/);
    const withDecl = await c.request<Location[]>('textDocument/references', {
      textDocument: { uri: state },
      position: c.at(state, 'C O N F'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      withDecl.map((l) => base(l.uri)),
      ['08STATE85678.txt', '08BUDAPEST807.txt', '08THEHAGUE680.txt'],
    );
    const hague = uri('08THEHAGUE680.txt');
    await c.open(hague, readFileSync(new URL(hague), 'utf8'));
    const fromRef = await c.request<Location[]>('textDocument/references', {
      textDocument: { uri: hague },
      position: c.at(hague, 'SECSTATE 85678', 2),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      fromRef.map((l) => base(l.uri)),
      ['08BUDAPEST807.txt', '08THEHAGUE680.txt'],
    );
  });

  test('ref-cited-later: an open cable citing a later cable of the workspace gets the diagnostic; the archive itself none', async () => {
    const hague = readFileSync(new URL(uri('08THEHAGUE680.txt')), 'utf8');
    const early = hague.replace('111656Z AUG 08', '101656Z AUG 08').replace('REF: SECSTATE 85678', 'REF: 08 SECSTATE 85678');
    const draft = uri('hague-copy.cable');
    const diags = (await c.open(draft, early)).filter((d) => d.code === 'ref-cited-later');
    assert.equal(diags.length, 1);
    assert.deepEqual(diags[0].range.start, c.at(draft, '08 SECSTATE 85678'));
    assert.match(diags[0].message, /08STATE85678, dated 2008-08-11: after this cable's date \(10 August 2008, from the date-time group/);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: draft } });
    const budapest = uri('08BUDAPEST807.txt');
    const ok = await c.open(budapest, readFileSync(new URL(budapest), 'utf8'));
    assert.deepEqual(
      ok.filter((d) => d.code === 'ref-cited-later'),
      [],
    );
  });

  test('code lens over the banner: "cited by N cables", which lists them', async () => {
    const state = uri('08STATE85678.txt');
    if (!c.texts.has(state)) await c.open(state, readFileSync(new URL(state), 'utf8'));
    const [lens] = await lenses(c, state);
    assert.equal(lens.range.start.line, 5);
    assert.equal(lens.command?.title, 'cited by 2 cables');
    assert.equal(lens.command?.command, 'cable.showReferences');
    const [u, , locations] = lens.command!.arguments as [string, unknown, Location[]];
    assert.equal(u, state);
    assert.deepEqual(
      locations.map((l) => base(l.uri)),
      ['08BUDAPEST807.txt', '08THEHAGUE680.txt'],
    );
    const hague = uri('08THEHAGUE680.txt');
    if (!c.texts.has(hague)) await c.open(hague, readFileSync(new URL(hague), 'utf8'));
    assert.deepEqual(
      (await lenses(c, hague)).filter((l) => l.command?.title.startsWith('cited by')).map((l) => l.command),
      [{ title: 'cited by 0 cables', command: '' }],
    );
    // cable.codeLens.citedBy: false turns it off.
    c.settings = { codeLens: { citedBy: false } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(
      (await lenses(c, state)).filter((l) => l.command?.title.startsWith('cited by')),
      [],
    );
    c.settings = {};
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });
});

describe('the index is kept current: watched files, .cablelintrc.json ignore, open documents', () => {
  let dir: string;
  let c: Client;
  let refreshes: () => number;
  const uri = (name: string) => fileUri(dir, name);
  const citedBy = async () => (await lenses(c, uri('08STATE85678.txt')))[0]?.command?.title;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cable-index-'));
    copyFileSync(join(ARCHIVE, '08STATE85678.txt'), join(dir, '08STATE85678.txt'));
    ({ c, refreshes } = await startClient(dir));
    await until(
      'the index',
      () => symbols(c, ''),
      (s) => s.length === 1,
    );
    await c.open(uri('08STATE85678.txt'), readFileSync(join(dir, '08STATE85678.txt'), 'utf8'));
  });
  after(async () => {
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a cable created, then deleted, on disk', async () => {
    assert.equal(await citedBy(), 'cited by 0 cables');
    const before = refreshes();
    copyFileSync(join(ARCHIVE, '08THEHAGUE680.txt'), join(dir, '08THEHAGUE680.txt'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('08THEHAGUE680.txt'), type: 1 }] });
    await until('one citing cable', citedBy, (t) => t === 'cited by 1 cable');
    await until(
      'a code lens refresh',
      async () => refreshes(),
      (n) => n > before,
    );
    unlinkSync(join(dir, '08THEHAGUE680.txt'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('08THEHAGUE680.txt'), type: 3 }] });
    await until('no citing cable', citedBy, (t) => t === 'cited by 0 cables');
  });

  test('.cablelintrc.json ignore leaves a cable out (the index is rebuilt when the file changes)', async () => {
    copyFileSync(join(ARCHIVE, '08BUDAPEST807.txt'), join(dir, '08BUDAPEST807.txt'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('08BUDAPEST807.txt'), type: 1 }] });
    await until('one citing cable', citedBy, (t) => t === 'cited by 1 cable');
    writeFileSync(join(dir, '.cablelintrc.json'), JSON.stringify({ ignore: ['08BUDAPEST*.txt'] }));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.cablelintrc.json'), type: 1 }] });
    await until('the ignored cable gone', citedBy, (t) => t === 'cited by 0 cables');
    unlinkSync(join(dir, '.cablelintrc.json'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.cablelintrc.json'), type: 3 }] });
    await until('the cable back', citedBy, (t) => t === 'cited by 1 cable');
    unlinkSync(join(dir, '08BUDAPEST807.txt'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('08BUDAPEST807.txt'), type: 3 }] });
    await until('no citing cable', citedBy, (t) => t === 'cited by 0 cables');
  });

  test("an open document's entry follows its text, unsaved; on close the disk's text counts again", async () => {
    const hague = uri('08THEHAGUE680.txt');
    const text = readFileSync(join(ARCHIVE, '08THEHAGUE680.txt'), 'utf8');
    writeFileSync(join(dir, '08THEHAGUE680.txt'), text.replace('REF: SECSTATE 85678', 'REF: SECSTATE 12345'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: hague, type: 1 }] });
    await c.open(hague, text.replace('REF: SECSTATE 85678', 'REF: SECSTATE 12345'));
    assert.equal(await citedBy(), 'cited by 0 cables');
    c.change(hague, text);
    await until('the edited REF counted', citedBy, (t) => t === 'cited by 1 cable');
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: hague } });
    await until('the saved REF counted again', citedBy, (t) => t === 'cited by 0 cables');
  });
});

describe('problems for every cable of the folder: cable/checkWorkspace', () => {
  const names = readdirSync(ARCHIVE).sort();
  const uri = (name: string) => fileUri(ARCHIVE, name);

  test('a client without pull diagnostics gets one publishDiagnostics per cable, with progress', async () => {
    const { c, init, progress } = await startClient(ARCHIVE);
    try {
      assert.equal(init.capabilities.diagnosticProvider, undefined);
      await until(
        'the index',
        () => symbols(c, ''),
        (s) => s.length === names.length,
      );
      assert.equal(c.diagnostics.has(uri('08STATE85678.txt')), false, 'closed cables are not checked until asked');
      const r = await c.request<{ cables: number; mode: string }>('cable/checkWorkspace', undefined);
      assert.deepEqual(r, { cables: names.length, mode: 'push' });
      for (const n of names) assert.ok(c.diagnostics.has(uri(n)), `${n} has diagnostics`);
      // The same findings as the cable gets when opened.
      const state = uri('08STATE85678.txt');
      const pushed = c.diagnostics.get(state)!.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
      assert.deepEqual(pushed, ['classified-by-missing@5', 'tag-iso-code@8']);
      const opened = await c.open(state, readFileSync(new URL(state), 'utf8'));
      assert.deepEqual(
        opened.map((d) => `${d.code}@${d.range.start.line}`),
        pushed,
      );
      assert.ok(progress.some((p) => p.value.kind === 'begin' && p.value.title === 'Checking cables'));
    } finally {
      await c.close();
    }
  });

  test("the task's requests: cable/workspaceCables and cable/lintFile give the lines cable-lint prints", async () => {
    const { c } = await startClient(ARCHIVE);
    try {
      const { uris } = await c.request<{ uris: string[] }>('cable/workspaceCables', { folder: pathToFileURL(ARCHIVE).href });
      assert.deepEqual(uris.map(base), names);
      const lines: string[] = [];
      for (const u of uris) {
        const r = await c.request<{ findings: { line: number; column: number; severity: string; rule: string; message: string }[] }>(
          'cable/lintFile',
          { uri: u },
        );
        for (const f of r.findings) lines.push(`archive/${base(u)}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}`);
      }
      const cli = lint(['--format', 'text', 'archive'], { cwd: FIXTURES, env: { NO_COLOR: '1' } });
      assert.deepEqual(
        lines,
        cli.stdout.split('\n').filter((l) => /:\d+:\d+: /.test(l)),
      );
      assert.equal(await c.request('cable/lintFile', { uri: fileUri(ARCHIVE, 'no-such.txt') }), null);
    } finally {
      await c.close();
    }
  });

  test('a client that pulls workspace diagnostics: the held request streams a report per cable, then the changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-wsdiag-'));
    for (const n of ['08STATE85678.txt', '08THEHAGUE680.txt', '09BOGOTA1412.txt']) copyFileSync(join(ARCHIVE, n), join(dir, n));
    const { c, init } = await startClient(dir, {}, true);
    const partial: WorkspaceDocumentDiagnosticReport[] = [];
    c.conn.onNotification('$/progress', (p: { token: unknown; value: { items?: WorkspaceDocumentDiagnosticReport[] } }) => {
      if (p.token === 'ws1' || p.token === 'ws2') partial.push(...(p.value.items ?? []));
    });
    try {
      assert.deepEqual(init.capabilities.diagnosticProvider, {
        identifier: 'cable',
        interFileDependencies: true,
        workspaceDiagnostics: true,
      });
      await until(
        'the index',
        () => symbols(c, ''),
        (s) => s.length === 3,
      );
      let answered = false;
      const first = c
        .request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [], partialResultToken: 'ws1' })
        .then((r) => ((answered = true), r));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(answered, false, 'held until the user asks for every cable');
      const hague = fileUri(dir, '08THEHAGUE680.txt');
      await c.open(hague, readFileSync(join(dir, '08THEHAGUE680.txt'), 'utf8'));
      assert.deepEqual(await c.request('cable/checkWorkspace', undefined), { cables: 3, mode: 'pull' });
      const all = [...partial, ...(await first).items];
      // The open cable is left to the editor's own diagnostics.
      assert.deepEqual(all.map((r) => base(r.uri)).sort(), ['08STATE85678.txt', '09BOGOTA1412.txt']);
      const state = all.find((r) => r.uri.endsWith('08STATE85678.txt')) as FullDocumentDiagnosticReport & { uri: string };
      assert.equal(state.kind, 'full');
      assert.deepEqual(
        state.items.map((d) => d.code),
        ['classified-by-missing', 'tag-iso-code'],
      );
      // textDocument/diagnostic: an open cable's come by push (none here); a closed one's from the disk.
      const openReport = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: hague } });
      assert.deepEqual(openReport, { kind: 'full', items: [] });
      const closedReport = (await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
        textDocument: { uri: state.uri },
      })) as FullDocumentDiagnosticReport;
      assert.deepEqual(closedReport.items, state.items);
      // A cable that changes on disk is reported again (with the closed cables citing it: here the citing one is open).
      partial.length = 0;
      const second = c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [], partialResultToken: 'ws2' });
      writeFileSync(
        join(dir, '08STATE85678.txt'),
        readFileSync(join(ARCHIVE, '08STATE85678.txt'), 'utf8').replace('TAGS: NATO', 'TAGS: NATO NATO'),
      );
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(dir, '08STATE85678.txt'), type: 2 }] });
      const again = [...partial, ...(await second).items];
      assert.deepEqual(
        again.map((r) => base(r.uri)),
        ['08STATE85678.txt'],
      );
      assert.ok((again[0] as FullDocumentDiagnosticReport).items.some((d) => d.code === 'tag-duplicate'));
    } finally {
      await c.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
