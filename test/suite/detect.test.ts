// `.txt` cables (client/src/detect.ts): a plain-text file that starts like a cable opens as a cable,
// with diagnostics and the Outline, and no action from the user; other text stays plain text.
/// <reference types="mocha" />
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, sameFindings, waitFor, waitForDiagnostics, workspaceDir } from './util';

const txt = (name: string) => vscode.Uri.file(path.join(workspaceDir, 'txt', name));

/** The open document of this URI once its language is `languageId`. */
function openAs(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
  return waitFor(`${path.basename(uri.fsPath)} as ${languageId}`, () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed && d.languageId === languageId),
  );
}

suite('.txt cables', () => {
  test('a corpus .txt cable opens as a cable, with its diagnostics and the Outline', async () => {
    await api();
    const uri = txt('09CARACAS1443.txt');
    const first = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(first, { preview: false });
    const doc = await openAs(uri, 'cable');
    const ds = await waitForDiagnostics(uri, (d) => d.length > 0 && sameFindings(d, doc), "the rule engine's findings");
    assert.ok(ds.every((d) => d.source === 'cable'));
    const symbols = await waitFor('the Outline', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return s && s.length > 0 ? s : undefined;
    });
    const names = JSON.stringify(symbols.map((s) => [s.name, s.children.map((c) => c.name)]));
    assert.match(names, /"SECRET SECTION 01 OF 02 CARACAS 001443"/, names);
    assert.match(names, /"CHAVEZ LAYING THE GROUNDWORK FOR CONFRONTATION WITH COLOMBIA"/, names);
    assert.match(names, /"1\. \(SE\) Summary: .*"SUMMARY"/, names);
  });

  test('a shopping list stays plain text', async () => {
    const cable = await api();
    const doc = await vscode.workspace.openTextDocument(txt('shopping-list.txt'));
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.strictEqual(await cable.detect(doc), false);
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(doc.languageId, 'plaintext');
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'cable'),
      [],
    );
  });

  test('cable.detect: false leaves a .txt cable plain text', async () => {
    const cable = await api();
    const config = vscode.workspace.getConfiguration('cable');
    await config.update('detect', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the setting', () => vscode.workspace.getConfiguration('cable').get('detect') === false);
      const doc = await vscode.workspace.openTextDocument(txt('73TEHRAN2077.txt'));
      assert.strictEqual(await cable.detect(doc), false);
      assert.strictEqual(doc.languageId, 'plaintext');
    } finally {
      await config.update('detect', undefined, vscode.ConfigurationTarget.Global);
    }
    // With the setting back on, the same document is a cable.
    const doc = await vscode.workspace.openTextDocument(txt('73TEHRAN2077.txt'));
    if (doc.languageId === 'plaintext') assert.strictEqual(await cable.detect(doc), true);
    await openAs(doc.uri, 'cable');
  });

  test('"Treat .txt files in this folder as cables" writes files.associations for the workspace', async () => {
    await api();
    const settingsDir = path.join(workspaceDir, '.vscode');
    const existed = fs.existsSync(settingsDir);
    const files = () => vscode.workspace.getConfiguration('files').inspect<Record<string, string>>('associations')?.workspaceValue;
    const before = files();
    try {
      const shopping = await vscode.workspace.openTextDocument(txt('shopping-list.txt'));
      await vscode.window.showTextDocument(shopping);
      assert.ok(await vscode.commands.executeCommand('cable.treatTxtAsCable'));
      await waitFor('*.txt associated with cable', () => files()?.['*.txt'] === 'cable');
    } finally {
      await vscode.workspace.getConfiguration('files').update('associations', before, vscode.ConfigurationTarget.Workspace);
      if (!existed) fs.rmSync(settingsDir, { recursive: true, force: true });
    }
  });
});
