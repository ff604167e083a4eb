// Diagnostics as VS Code holds them (vscode.languages.getDiagnostics), pushed by the language server.
/// <reference types="mocha" />
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  actual,
  at,
  closeActive,
  codeOf,
  corpusUri,
  expected,
  offsetOf,
  openCable,
  openUntitled,
  repoDir,
  seedUri,
  waitForDiagnostics,
} from './util';

suite('diagnostics', () => {
  test('seed: the RU warning (tag-iso-code) and no error', async () => {
    const { document: doc } = await openCable(seedUri);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'tag-iso-code'), 'the tag-iso-code warning');
    const ru = diags.filter((d) => codeOf(d) === 'tag-iso-code');
    assert.strictEqual(ru.length, 1);
    assert.strictEqual(ru[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(ru[0].range, new vscode.Range(at(doc, '[RU]', 1), at(doc, '[RU]', 3)));
    assert.strictEqual(doc.getText(ru[0].range), 'RU');
    assert.match(ru[0].message, /RS/);
    assert.deepStrictEqual(
      diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => `${codeOf(d)}: ${d.message}`),
      [],
    );
    assert.deepStrictEqual(
      diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).map(codeOf),
      ['tag-iso-code'],
      'the only warning',
    );
    // Each diagnostic links to its rule's heading in the extension's own docs/rules.md (offline).
    const rules = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(repoDir, 'docs/rules.md')));
    for (const d of diags) {
      assert.ok(typeof d.code === 'object' && d.code, `${codeOf(d)} has a link`);
      const target = d.code.target;
      assert.strictEqual(target.fsPath, rules.uri.fsPath);
      const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
      assert.strictEqual(rules.lineAt(line - 1).text, `### ${codeOf(d)}`, target.toString(true));
    }
  });

  test('seed and corpus cables: exactly what the rule engine finds, at the same places', async () => {
    for (const uri of [
      seedUri,
      corpusUri('08ASMARA546.txt'),
      corpusUri('09CARACAS1443.txt'),
      corpusUri('73TEHRAN2077.txt'),
      corpusUri('08STATE79112.txt'),
    ]) {
      const { document: doc } = await openCable(uri);
      const want = expected(doc);
      assert.ok(want.length > 0, `${uri.fsPath} has findings`);
      const got = await waitForDiagnostics(uri, (d) => d.length === want.length, `${want.length} diagnostics`);
      assert.deepStrictEqual(actual(got), want, uri.fsPath);
    }
  });

  test('a change of cable.rules applies at once (the server registers for changes of the cable settings)', async () => {
    const { document: doc } = await openCable(seedUri);
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'tag-iso-code'), 'the tag-iso-code warning');
    const config = vscode.workspace.getConfiguration('cable');
    try {
      await config.update('rules', { 'tag-iso-code': 'off' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(
        doc.uri,
        (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'tag-iso-code'),
        'no tag-iso-code once it is off',
      );
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'tag-iso-code'), 'tag-iso-code back with the default settings');
  });

  test('a CRLF copy gets the same diagnostics at the same lines and columns', async () => {
    const { document: lf } = await openCable(corpusUri('08ASMARA546.txt'));
    const lfDiags = await waitForDiagnostics(lf.uri, (d) => d.length === expected(lf).length);
    const { document: crlf } = await openUntitled(lf.getText().replace(/\r?\n/g, '\r\n'));
    assert.strictEqual(crlf.eol, vscode.EndOfLine.CRLF);
    const crlfDiags = await waitForDiagnostics(crlf.uri, (d) => d.length === lfDiags.length);
    assert.deepStrictEqual(actual(crlfDiags), actual(lfDiags));
    await closeActive();
  });

  test('diagnostics follow edits: fixing RU clears the warning, deleting the banner raises an error', async () => {
    const { document: seed } = await openCable(seedUri);
    const editor = await openUntitled(seed.getText());
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'tag-iso-code'));

    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, new vscode.Range(at(doc, '[RU]', 1), at(doc, '[RU]', 3)), 'RS');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'tag-iso-code'), 'the warning to go');

    const banner = 'C O N F I D E N T I A L BAKU 000146';
    const del = new vscode.WorkspaceEdit();
    const start = offsetOf(doc.getText(), banner);
    del.delete(doc.uri, new vscode.Range(doc.positionAt(start), doc.positionAt(start + banner.length)));
    assert.ok(await vscode.workspace.applyEdit(del));
    const after = await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error), 'an error');
    assert.deepStrictEqual(actual(after), expected(doc));
    await closeActive();
  });

  test('half-typed and garbage text: the server keeps answering', async () => {
    const editor = await openUntitled('C O N F I D E N T I A L BAKU 000146\n\nE.O. 12958: DECL: 02/\nTAGS: [P\n1. (');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (d) => d.length === expected(doc).length && d.length > 0);
    const garbage = new vscode.WorkspaceEdit();
    garbage.insert(doc.uri, new vscode.Position(1, 0), '\u0000\t\uFEFF)))(((//\r\n'.repeat(50) + 'x'.repeat(100_000) + '\n');
    assert.ok(await vscode.workspace.applyEdit(garbage));
    await waitForDiagnostics(
      doc.uri,
      (d) => JSON.stringify(actual(d)) === JSON.stringify(expected(doc)),
      'diagnostics of the garbled text',
    );
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 2));
    assert.ok(Array.isArray(hover));
    await closeActive();
  });
});
