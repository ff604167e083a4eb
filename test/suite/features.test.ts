// Hover, outline, folding, completion and go-to-definition through VS Code's own provider commands.
/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { foldingRanges } from '../../server/src/features/folding';
import { parse } from '../../server/src/parse/index';
import { at, closeActive, corpusUri, hoverAt, openCable, openUntitled, seedUri, waitFor } from './util';

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  // The first request can come before the server has the document: wait for a non-empty answer.
  return waitFor('document symbols', async () => {
    const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    return s && s.length ? s : undefined;
  });
}

suite('hover', () => {
  test('seed: PBTS, AJ, RUEHKB and the DECL date say what they mean', async () => {
    const { document: doc } = await openCable(seedUri);
    await waitFor('a hover', async () => (await hoverAt(doc, at(doc, 'PBTS', 1))).text);

    const pbts = await hoverAt(doc, at(doc, 'PBTS', 1));
    assert.strictEqual(pbts.covered, 'PBTS');
    assert.match(pbts.text, /subject tag/);
    assert.match(pbts.text, /National Boundaries, Territories and Sovereignty/);
    assert.match(pbts.text, /inferred/, 'says how sure the description is');

    const aj = await hoverAt(doc, at(doc, '[AJ]', 1));
    assert.strictEqual(aj.covered, 'AJ');
    assert.match(aj.text, /geographic tag: \*\*Azerbaijan\*\*/);

    const ri = await hoverAt(doc, at(doc, 'RUEHKB', 3));
    assert.strictEqual(ri.covered, 'RUEHKB');
    assert.match(ri.text, /AMEMBASSY BAKU/);

    const decl = await hoverAt(doc, at(doc, '02/15/2018', 5));
    assert.strictEqual(decl.covered, '02/15/2018');
    assert.match(decl.text, /15 February 2018/);
    assert.match(decl.text, /10 years after the cable's date \(15 February 2008, from the date-time group R 151318Z FEB 08\)/);
    assert.match(decl.text, /E\.O\. 12958/);
  });

  test('seed: a portion marking and the banner; prose has none', async () => {
    const { document: doc } = await openCable(seedUri);
    const mark = await hoverAt(doc, at(doc, '(C) DCM', 1));
    assert.strictEqual(mark.covered, '(C)');
    assert.match(mark.text, /CONFIDENTIAL/);
    const banner = await hoverAt(doc, at(doc, 'C O N F I D E N T I A L', 4));
    assert.match(banner.text, /CONFIDENTIAL/);
    const prose = await hoverAt(doc, at(doc, 'Khalafov said'));
    assert.strictEqual(prose.text, '');
  });
});

suite('outline', () => {
  test('seed: header, preamble, paragraphs 1 to 3 (selection on the number), signature', async () => {
    const { document: doc } = await openCable(seedUri);
    const syms = await symbols(doc.uri);
    assert.deepStrictEqual(
      syms.map((s) => s.name.split(' ')[0]),
      ['Header', 'CONFIDENTIAL', 'E.O.', 'TAGS:', 'DEMARCHE', 'REF', 'Classified', '1.', '2.', '3.', 'DERSE'],
    );
    const paras = syms.filter((s) => /^\d+\./.test(s.name));
    assert.deepStrictEqual(
      paras.map((p) => p.name.slice(0, 7)),
      ['1. (C) ', '2. (C) ', '3. (C) '],
    );
    assert.match(paras[0].name, /^1\. \(C\) DCM delivered ref a points/);
    for (const [i, p] of paras.entries()) {
      const num = at(doc, `${i + 1}. (C)`);
      assert.deepStrictEqual(p.selectionRange, new vscode.Range(num, num.translate(0, 1)), `paragraph ${i + 1} selection`);
      assert.ok(p.range.start.isEqual(num));
      assert.strictEqual(p.kind, vscode.SymbolKind.Number);
    }
    assert.deepStrictEqual(
      paras[2].children.map((c) => c.name),
      ['COMMENT'],
    );
    assert.deepStrictEqual(
      syms[5].children.map((c) => c.name),
      ['A. STATE 14840', 'B. BAKU 129'],
    );
    assert.strictEqual(syms[4].name, 'DEMARCHE DELIVERED: AZERBAIJANI REACTION TO POSSIBLE RUSSIAN RECOGNITION OF KOSOVO');
  });

  test('a corpus cable: SUMMARY and sub-paragraphs nest inside their paragraphs', async () => {
    const { document: doc } = await openCable(corpusUri('08ASMARA546.txt'));
    const syms = await symbols(doc.uri);
    const p1 = syms.find((s) => s.name.startsWith('1. (S/NF)'));
    assert.ok(p1, 'paragraph 1 (S/NF)');
    assert.deepStrictEqual(
      p1.children.map((c) => c.name),
      ['SUMMARY'],
    );
    const walk = (list: vscode.DocumentSymbol[], parent?: vscode.DocumentSymbol): void => {
      for (const s of list) {
        assert.ok(s.range.contains(s.selectionRange), s.name);
        if (parent) assert.ok(parent.range.contains(s.range), `${s.name} inside ${parent.name}`);
        walk(s.children, s);
      }
    };
    walk(syms);
    assert.ok(
      syms.some((s) => s.children.some((c) => c.kind === vscode.SymbolKind.EnumMember)),
      'a sub-paragraph',
    );
  });
});

suite('folding', () => {
  test('seed: the header and the REF list fold', async () => {
    const { document: doc } = await openCable(seedUri);
    const folds = await waitFor('folding ranges', async () => {
      const f = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
      return f && f.length ? f : undefined;
    });
    assert.deepStrictEqual(
      folds.map((f) => [f.start, f.end, f.kind]),
      [
        [at(doc, 'VZCZC').line, at(doc, 'RUCNDT').line, vscode.FoldingRangeKind.Imports],
        [at(doc, 'REF:').line, at(doc, 'B. BAKU').line, vscode.FoldingRangeKind.Region],
      ],
    );
  });

  test('a corpus cable: every multi-line paragraph, SUMMARY and the header', async () => {
    const { document: doc } = await openCable(corpusUri('08ASMARA546.txt'));
    const folds = await waitFor('folding ranges', async () => {
      const f = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
      return f && f.length ? f : undefined;
    });
    const want = foldingRanges(parse(doc.getText()));
    assert.ok(
      want.some((f) => f.kind === 'summary') && want.some((f) => f.kind === 'paragraph'),
      'the cable has a SUMMARY and long paragraphs',
    );
    // VS Code keeps one range per start line (the first); compare on that basis.
    const seen = new Set<number>();
    const firstPerLine = want.filter((f) => !seen.has(f.startLine) && seen.add(f.startLine));
    assert.deepStrictEqual(
      folds.map((f) => [f.start, f.end]),
      firstPerLine.map((f) => [f.startLine, f.endLine]),
    );
  });
});

suite('completion', () => {
  test('tags on the TAGS line, with their descriptions', async () => {
    const { document: seed } = await openCable(seedUri);
    const { document: doc } = await openUntitled(seed.getText().replace('[PBTS](#)', 'PB'));
    const pos = at(doc, ' PB ', 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    const i = list.items.findIndex((x) => x.label === 'PBTS');
    assert.ok(i >= 0, `PBTS among ${list.items.length} items`);
    const item = list.items[i];
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
    assert.ok(range && doc.getText(range) === 'PB', 'replaces what was typed');
    assert.ok(list.items.some((x) => x.label === 'PREL') === false, 'a code already on the line is not offered again');
    // Resolve the item to get its description (the server fills it in on completionItem/resolve).
    const resolved = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      pos,
      undefined,
      i + 1,
    );
    const doc2 = resolved.items.find((x) => x.label === 'PBTS')?.documentation;
    const text = typeof doc2 === 'string' ? doc2 : (doc2?.value ?? '');
    assert.match(text, /National Boundaries/);
    await closeActive();
  });

  test("a portion marking after a paragraph number, up to the cable's level", async () => {
    const { document: seed } = await openCable(seedUri);
    const { document: doc } = await openUntitled(seed.getText().replace('[1](#)3. (C) ', '3. '));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      at(doc, '3. Comment', 3),
    );
    assert.deepStrictEqual(list.items.map((x) => x.label).sort(), ['(C)', '(SBU)', '(U)']);
    await closeActive();
  });
});

suite('definition', () => {
  test('"ref a" in paragraph 1 goes to REF A', async () => {
    const { document: doc } = await openCable(seedUri);
    const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      at(doc, 'ref a', 4),
    );
    assert.strictEqual(locs.length, 1);
    const range = 'targetRange' in locs[0] ? locs[0].targetRange : locs[0].range;
    assert.strictEqual(doc.getText(range), 'A. STATE 14840');
  });
});
