// The built server over stdio, driven by a real JSON-RPC client: every feature on the seed and on corpus cables.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  Location,
  MarkupContent,
} from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client, fixture, pos, ROOT, seedText, uriOf } from './harness';

let c: Client;
let init: InitializeResult;
const seed = seedText();
const SEED = uriOf('seed.cable');
let seedDiagnostics: Diagnostic[];

before(async () => {
  c = new Client();
  init = await c.initialize();
  seedDiagnostics = await c.open(SEED, seed);
});
after(async () => {
  await c.close();
});

async function hoverText(uri: string, needle: string, delta = 0): Promise<{ value: string; covered: string }> {
  const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: c.at(uri, needle, delta) });
  assert.ok(h, `no hover on ${needle}`);
  const text = c.texts.get(uri)!;
  const lines = text.split(/\r\n|\r|\n/);
  const r = h.range!;
  assert.equal(r.start.line, r.end.line);
  return { value: (h.contents as MarkupContent).value, covered: lines[r.start.line].slice(r.start.character, r.end.character) };
}

describe('initialize', () => {
  test('capabilities: incremental sync and every feature', () => {
    const cap = init.capabilities;
    assert.deepEqual(cap.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(cap.hoverProvider, true);
    assert.ok(cap.documentSymbolProvider);
    assert.equal(cap.foldingRangeProvider, true);
    assert.ok(cap.completionProvider?.triggerCharacters?.includes('('));
    assert.deepEqual((cap.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.cable']);
    assert.equal(cap.definitionProvider, true);
    assert.deepEqual(cap.executeCommandProvider?.commands, ['cable.server.renumberParagraphs', 'cable.server.fixAll']);
  });
});

describe('diagnostics', () => {
  test('seed: one tag-iso-code warning on RU, linked to its rule, and no errors', () => {
    assert.equal(seedDiagnostics.filter((d) => d.severity === 1).length, 0, JSON.stringify(seedDiagnostics));
    const ru = seedDiagnostics.filter((d) => d.code === 'tag-iso-code');
    assert.equal(ru.length, 1);
    assert.equal(ru[0].severity, 2);
    assert.equal(ru[0].source, 'cable');
    assert.deepEqual(ru[0].range, { start: pos(seed, seed.indexOf('[RU]') + 1), end: pos(seed, seed.indexOf('[RU]') + 3) });
    assert.match(ru[0].message, /RS/);
  });

  test('each rule id links to its heading in the docs/rules.md beside the server (a file: no web address)', () => {
    const rulesMd = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8').split(/\r?\n/);
    const base = pathToFileURL(join(ROOT, 'docs/rules.md')).toString();
    assert.ok(seedDiagnostics.length > 0);
    for (const d of seedDiagnostics) {
      const href = d.codeDescription?.href ?? '';
      const m = /^(.*)#L(\d+)$/.exec(href);
      assert.ok(m, href);
      assert.equal(m[1], base);
      assert.equal(rulesMd[Number(m[2]) - 1], `### ${d.code}`, href);
    }
  });

  test('an edit is followed by fresh diagnostics for that version', async () => {
    const uri = uriOf('edit.cable');
    await c.open(uri, seed);
    const aj = seed.indexOf('[AJ]') + 2;
    const v = c.edit(uri, aj, 1, 'Z'); // AJ -> AZ, the ISO code for Azerbaijan
    const after1 = await c.nextDiagnostics(uri, v);
    const iso = after1.diagnostics.filter((d) => d.code === 'tag-iso-code');
    assert.deepEqual(
      iso.map((d) => d.range.start),
      [pos(seed, seed.indexOf('[RU]') + 1), pos(seed, aj - 1)],
    );
    const v2 = c.change(uri, seed.replace('[RU](#)', '[RS](#)'));
    const after2 = await c.nextDiagnostics(uri, v2);
    assert.ok(!after2.diagnostics.some((d) => d.code === 'tag-iso-code'));
  });

  test('corpus cables (CRLF too): every diagnostic lies inside the document', async () => {
    for (const name of ['08ASMARA546.txt', '07TRIPOLI943.txt', '08ALGIERS85.crlf.txt', '09BELGRADE765.txt', '66BUENOSAIRES2481.txt']) {
      const text = fixture(`corpus/${name}`);
      const uri = uriOf(name);
      const diags = await c.open(uri, text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of diags) {
        assert.ok(d.range.start.line < lines.length && d.range.end.line < lines.length, `${name}: ${d.code} past the end`);
        assert.ok(d.range.end.character <= lines[d.range.end.line].length, `${name}: ${d.code} past its line`);
        assert.equal(d.source, 'cable');
        assert.equal(typeof d.code, 'string');
      }
    }
    // The CRLF copy gets the same findings at the same positions as the LF copy.
    const lf = c.diagnostics.get(uriOf('08ALGIERS85.txt')) ?? {
      diagnostics: await c.open(uriOf('08ALGIERS85.txt'), fixture('corpus/08ALGIERS85.txt')),
    };
    const crlf = c.diagnostics.get(uriOf('08ALGIERS85.crlf.txt'))!;
    assert.deepEqual(
      crlf.diagnostics.map((d) => [d.code, d.range]),
      lf.diagnostics.map((d) => [d.code, d.range]),
    );
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = uriOf('closing.cable');
    await c.open(uri, seed);
    const cleared = c.nextDiagnostics(uri);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await cleared).diagnostics, []);
  });
});

describe('hover', () => {
  test('PBTS, AJ, RUEHKB', async () => {
    const pbts = await hoverText(SEED, 'PBTS', 1);
    assert.equal(pbts.covered, 'PBTS');
    assert.match(pbts.value, /subject tag .*National Boundaries, Territories and Sovereignty/);
    assert.match(pbts.value, /inferred/);
    const aj = await hoverText(SEED, '[AJ]', 1);
    assert.equal(aj.covered, 'AJ');
    assert.match(aj.value, /geographic tag: \*\*Azerbaijan\*\*/);
    const ri = await hoverText(SEED, 'RUEHKB', 3);
    assert.equal(ri.covered, 'RUEHKB');
    assert.match(ri.value, /AMEMBASSY BAKU/);
  });

  test('the DECL date, (C), the 1.4 letters and "ref a"', async () => {
    const decl = await hoverText(SEED, '02/15/2018', 5);
    assert.equal(decl.covered, '02/15/2018');
    assert.match(
      decl.value,
      /15 February 2018.*exactly 10 years after the cable's date \(15 February 2008, from the date-time group R 151318Z FEB 08\), under E\.O\. 12958/,
    );
    const m = await hoverText(SEED, '(C) DCM', 1);
    assert.equal(m.covered, '(C)');
    assert.match(m.value, /CONFIDENTIAL/);
    const b = await hoverText(SEED, '(b,d)', 1);
    assert.match(b.value, /foreign government information/);
    const d = await hoverText(SEED, '(b,d)', 3);
    assert.match(d.value, /foreign relations/);
    const sec = await hoverText(SEED, '1.4');
    assert.match(sec.value, /section 1\.4/);
    const ref = await hoverText(SEED, 'ref a', 4);
    assert.equal(ref.covered, 'ref a');
    assert.match(ref.value, /REF A: `STATE 14840`/);
  });

  test('the DTG, the Julian time, the prosign, SIPDIS', async () => {
    assert.match((await hoverText(SEED, '151318Z')).value, /15 February 2008, 13:18 UTC/);
    assert.match((await hoverText(SEED, '0461318')).value, /day 46.*15 February 2008/);
    assert.match((await hoverText(SEED, 'RR RUEHWEB')).value, /ROUTINE/);
    assert.match((await hoverText(SEED, 'SIPDIS')).value, /SIPRNet/);
  });

  test('prose has no hover', async () => {
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: SEED }, position: c.at(SEED, 'Khalafov said') });
    assert.equal(h, null);
  });
});

describe('document symbols', () => {
  test('seed: the outline shape, paragraphs 1 to 3 with their ranges and selection on the number', async () => {
    const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: SEED } });
    assert.deepEqual(
      syms.map((s) => s.name.split(' ')[0]),
      ['Header', 'CONFIDENTIAL', 'E.O.', 'TAGS:', 'DEMARCHE', 'REF', 'Classified', '1.', '2.', '3.', 'DERSE'],
    );
    const paras = syms.filter((s) => /^\d+\./.test(s.name));
    for (const [i, p] of paras.entries()) {
      const n = String(i + 1);
      const at = seed.indexOf(`${n}. (C)`);
      assert.deepEqual(p.selectionRange, { start: pos(seed, at), end: pos(seed, at + 1) }, `paragraph ${n} selection`);
      assert.deepEqual(p.range.start, pos(seed, at));
      assert.equal(p.range.start.line, p.range.end.line, 'seed paragraphs are one line each');
    }
    assert.match(paras[0].name, /^1\. \(C\) DCM delivered ref a points/);
    assert.deepEqual(
      paras[2].children?.map((ch) => ch.name),
      ['COMMENT'],
    );
    assert.equal(syms[0].children?.length, 12);
    assert.deepEqual(
      syms[5].children?.map((ch) => ch.name),
      ['A. STATE 14840', 'B. BAKU 129'],
    );
  });

  test('a corpus cable: sub-paragraphs and SUMMARY nest, children inside parents', async () => {
    const uri = uriOf('08ASMARA546.txt');
    if (!c.texts.has(uri)) await c.open(uri, fixture('corpus/08ASMARA546.txt'));
    const syms = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
      a.line < b.line || (a.line === b.line && a.character <= b.character);
    const walk = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
      for (const s of list) {
        assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), s.name);
        if (parent)
          assert.ok(before(parent.range.start, s.range.start) && before(s.range.end, parent.range.end), `${s.name} in ${parent.name}`);
        walk(s.children ?? [], s);
      }
    };
    walk(syms);
    const p1 = syms.find((s) => s.name.startsWith('1. (S/NF)'))!;
    assert.deepEqual(
      p1.children?.map((ch) => ch.name),
      ['SUMMARY'],
    );
    assert.ok(syms.some((s) => s.children?.some((ch) => ch.kind === 22 /* EnumMember: sub-paragraph */)));
  });
});

describe('folding, completion, definition, classification', () => {
  test('folding: header and REF list on the seed', async () => {
    const f = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: SEED } });
    assert.deepEqual(f, [
      { startLine: pos(seed, seed.indexOf('VZCZC')).line, endLine: pos(seed, seed.indexOf('RUCNDT')).line, kind: 'imports' },
      { startLine: pos(seed, seed.indexOf('REF:')).line, endLine: pos(seed, seed.indexOf('B. BAKU')).line, kind: 'region' },
    ]);
  });

  test('completion on the TAGS line, after a paragraph number, and on the E.O. line', async () => {
    const uri = uriOf('complete.cable');
    const text = seed.replace('[PBTS](#)', 'PB').replace('[1](#)3. (C) ', '3. ').replace('DECL: 02/15/2018', 'DECL: ');
    await c.open(uri, text);
    const tags = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: c.at(uri, ' PB ', 3) });
    const pbts = tags.items.find((i) => i.label === 'PBTS')!;
    assert.ok(pbts);
    assert.deepEqual((pbts.textEdit as { range: unknown }).range, { start: c.at(uri, ' PB ', 1), end: c.at(uri, ' PB ', 3) });
    const resolved = await c.request<{ documentation: MarkupContent }>('completionItem/resolve', pbts);
    assert.match(resolved.documentation.value, /National Boundaries/);
    const marks = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: c.at(uri, '3. ', 2) });
    assert.deepEqual(
      marks.items.map((i) => i.label),
      ['(U)', '(SBU)', '(C)'],
    );
    const decl = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: c.at(uri, 'DECL: ', 6) });
    assert.equal(decl.items[0].label, '02/15/2018');
  });

  test('definition: ref a and ref b go to their REF items', async () => {
    const a = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: SEED }, position: c.at(SEED, 'ref a', 4) });
    assert.deepEqual(a, [
      { uri: SEED, range: { start: pos(seed, seed.indexOf('A. STATE')), end: pos(seed, seed.indexOf('A. STATE') + 14) } },
    ]);
    const b = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: SEED }, position: c.at(SEED, 'ref b', 4) });
    assert.deepEqual(b[0].range.start, pos(seed, seed.indexOf('B. BAKU')));
  });

  test('cable/classification answers from the parse, with the date checked against and its source (status bar tooltip)', async () => {
    assert.deepEqual(await c.request('cable/classification', { textDocument: { uri: SEED } }), {
      level: 'C',
      name: 'CONFIDENTIAL',
      banner: 'C O N F I D E N T I A L',
      date: '15 February 2008, from the date-time group R 151318Z FEB 08',
    });
    const uri = uriOf('no-banner.cable');
    await c.open(uri, 'SIPDIS\n\nE.O. 12958: N/A\n');
    assert.match((await c.request<{ date: string }>('cable/classification', { textDocument: { uri } })).date, /today: no date-time group/);
    // An archived copy named by its reference id is dated by it.
    const named = uriOf('04LIMA1046.txt');
    await c.open(named, 'SIPDIS\n\nE.O. 12958: N/A\n');
    assert.deepEqual(await c.request('cable/classification', { textDocument: { uri: named } }), {
      date: '2004, from the file name 04LIMA1046',
    });
    assert.equal(await c.request('cable/classification', { textDocument: { uri: uriOf('never-opened.cable') } }), null);
  });

  test('cable/detect: a corpus .txt cable is a cable, a shopping list and garbage are not', async () => {
    assert.deepEqual(await c.request('cable/detect', { text: fixture('corpus/05KABUL5181.txt') }), { start: 'banner' });
    assert.deepEqual(await c.request('cable/detect', { text: seed }), { start: 'vzczc' });
    assert.deepEqual(await c.request('cable/detect', { text: 'Shopping list\n\n- eggs\n- SECRET ingredient\n' }), { start: null });
    assert.deepEqual(await c.request('cable/detect', { text: 42 }), { start: null }, 'a malformed request is answered, not fatal');
  });
});
