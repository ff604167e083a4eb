// The VS Code client's own parts: the classification status bar item and the three commands.
/// <reference types="mocha" />
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { applyEdits } from '../../server/src/features/fixall';
import { parse } from '../../server/src/parse/index';
import { renumberEdits } from '../../server/src/lsp/renumber';
import {
  api,
  at,
  closeActive,
  codeOf,
  corpusUri,
  openCable,
  openUntitled,
  repoDir,
  sameFindings,
  seedUri,
  waitFor,
  waitForDiagnostics,
} from './util';

suite('status bar', () => {
  test('the classification of the active cable, in its banner colour', async () => {
    const cable = await api();
    await openCable(seedUri);
    const c = await waitFor('CONFIDENTIAL in the status bar', () => {
      const s = cable.classificationStatus();
      return s.visible && /CONFIDENTIAL/.test(s.text) ? s : undefined;
    });
    assert.strictEqual(c.text, '$(shield) CONFIDENTIAL');
    assert.strictEqual(c.color, 'cable.classification.confidential');
    assert.match(c.tooltip ?? '', /C O N F I D E N T I A L/);

    await openCable(corpusUri('05KABUL5181.txt'));
    const u = await waitFor('UNCLASSIFIED in the status bar', () => {
      const s = cable.classificationStatus();
      return s.visible && /UNCLASSIFIED/.test(s.text) ? s : undefined;
    });
    assert.strictEqual(u.color, 'cable.classification.unclassified');

    await openCable(corpusUri('08ASMARA546.txt'));
    const s = await waitFor('SECRET in the status bar', () => {
      const x = cable.classificationStatus();
      return x.visible && x.text === '$(shield) SECRET' ? x : undefined;
    });
    assert.strictEqual(s.color, 'cable.classification.secret');
  });

  test('it follows edits and hides for other files', async () => {
    const cable = await api();
    const editor = await openUntitled('S E C R E T BAKU 000146\n\nE.O. 12958: DECL: 02/15/2018\n');
    await waitFor('SECRET', () => cable.classificationStatus().text === '$(shield) SECRET');
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, 0, 11), 'UNCLASSIFIED'));
    await waitFor('UNCLASSIFIED after the edit', () => cable.classificationStatus().text === '$(shield) UNCLASSIFIED');
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0)));
    await waitFor('"no banner"', () => cable.classificationStatus().text === '$(shield) no banner');
    await closeActive();
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a cable' });
    await vscode.window.showTextDocument(plain);
    await waitFor('the item to hide', () => !cable.classificationStatus().visible);
    await closeActive();
  });
});

suite('commands', () => {
  test('the three commands are registered', async () => {
    await api();
    const all = await vscode.commands.getCommands(true);
    for (const c of ['cable.newCable', 'cable.renumberParagraphs', 'cable.openRuleDocumentation']) assert.ok(all.includes(c), c);
  });

  test('Cable: New Cable opens a template with a computed DECL date', async () => {
    await api();
    await vscode.commands.executeCommand('cable.newCable');
    const editor = await waitFor('the new cable', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.isUntitled && e.document.getText().includes('SUBJECT:') ? e : undefined;
    });
    const text = editor.document.getText();
    assert.strictEqual(editor.document.languageId, 'cable');
    const lines = text.split('\n');
    assert.match(lines[0], /^C O N F I D E N T I A L /);
    assert.ok(
      lines.some((l) => /^TAGS: /.test(l)) &&
        lines.some((l) => /^Classified By: .*1\.4/.test(l)) &&
        lines.some((l) => /^1\. \(C\) /.test(l)),
      text,
    );
    // The DECL date: ten years from today, under E.O. 13526 (the order since 2009), written YYYY/MM/DD.
    const eo = lines.find((l) => l.startsWith('E.O. '));
    const m = /^E\.O\. 13526: DECL: (\d{4})\/(\d{2})\/(\d{2})$/.exec(eo ?? '');
    assert.ok(m, `E.O. line: ${eo}`);
    const now = new Date();
    assert.deepStrictEqual([Number(m[1]), Number(m[2])], [now.getUTCFullYear() + 10, now.getUTCMonth() + 1]);
    // The template itself raises no error.
    const diags = await waitForDiagnostics(editor.document.uri, (d) => sameFindings(d, editor.document), 'the diagnostics of the template');
    assert.deepStrictEqual(diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf), []);
    await closeActive();
  });

  test('Cable: Renumber Paragraphs renumbers a broken seed back to 1, 2, 3', async () => {
    const { document: seed } = await openCable(seedUri);
    const original = seed.getText();
    const broken = original.replace('2. (C)', '4. (C)').replace('3. (C)', '7. (C)');
    const { document: doc } = await openUntitled(broken);
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'para-numbering'), 'para-numbering');
    await vscode.commands.executeCommand('cable.renumberParagraphs');
    await waitFor('the renumbered text', () => doc.getText() === original);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'para-numbering'), 'para-numbering to go');
    await closeActive();
  });

  test('Cable: Renumber Paragraphs on a corpus cable numbered 1..8, 6', async () => {
    const { document: src } = await openCable(corpusUri('08STATE79112.txt'));
    const original = src.getText();
    const { document: doc } = await openUntitled(original);
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'para-numbering'), 'para-numbering');
    await vscode.commands.executeCommand('cable.renumberParagraphs');
    const want = applyEdits(original, renumberEdits(parse(original)));
    assert.notStrictEqual(want, original);
    await waitFor('the renumbered text', () => doc.getText() === want);
    const numbers = parse(doc.getText()).paragraphs.map((p) => p.value);
    assert.deepStrictEqual(
      numbers,
      numbers.map((_, i) => i + 1),
    );
    await closeActive();
  });

  test('Cable: Open Rule Documentation opens docs/rules.md at the rule of a diagnostic', async () => {
    const { document: doc } = await openCable(seedUri);
    const [d] = (await waitForDiagnostics(doc.uri, (x) => x.some((y) => codeOf(y) === 'tag-iso-code'))).filter(
      (x) => codeOf(x) === 'tag-iso-code',
    );
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    assert.ok(at(doc, '[RU]').line === d.range.start.line);
    // The diagnostic's own link (codeDescription) is the extension's docs/rules.md at the rule's heading.
    assert.ok(typeof d.code === 'object' && d.code.target, 'the rule id is a link');
    const target = (d.code as { target: vscode.Uri }).target;
    assert.strictEqual(target.scheme, 'file');
    assert.strictEqual(target.fsPath, path.join(repoDir, 'docs/rules.md'));
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    const rulesMd = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(repoDir, 'docs/rules.md')));
    assert.strictEqual(rulesMd.lineAt(line - 1).text, '### tag-iso-code', `line ${line} of docs/rules.md`);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('cable.openRuleDocumentation', codeOf(d));
    const rules = await waitFor('docs/rules.md', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === path.join(repoDir, 'docs/rules.md') ? e : undefined;
    });
    assert.strictEqual(rules.document.lineAt(rules.selection.active.line).text, '### tag-iso-code');
    await closeActive();
  });
});
