// Smoke test of what the extension already has: it is installed, a .cable file gets languageId `cable`,
// and opening one activates the extension (activation on the `cable` language).
/// <reference types="mocha" />
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cable-tools.cable-tools';
// test/workspace: the folder the runner opens; fall back to the path relative to out/test/suite.
const workspaceDir =
  process.env.CABLE_TEST_WORKSPACE ??
  vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ??
  path.resolve(__dirname, '../../../test/workspace');

async function waitFor(what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

suite('smoke', () => {
  test('the extension is installed', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
  });

  test('a .cable file opens with languageId cable', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceDir, 'seed.cable')));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'cable');
    assert.ok(doc.getText().includes('SUBJECT:'), 'seed cable content');
  });

  test('the extension activates for a .cable file', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceDir, 'seed.cable')));
    await waitFor('activation of ' + EXTENSION_ID, () => ext.isActive);
    assert.strictEqual(ext.isActive, true);
  });
});

// VS Code applies a language's `firstLine` only to files no extension claims: a corpus `.txt` stays plain
// text (VS Code's own rule), so these copies have no extension.
suite('language detection', () => {
  test('a file with no extension whose first line is a VZCZC line or a banner is a cable; other text is not', async () => {
    for (const name of ['08ASMARA546', '05KABUL5181']) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceDir, 'first-line', name)));
      assert.strictEqual(doc.languageId, 'cable', name);
    }
    const notes = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceDir, 'first-line', 'notes')));
    assert.notStrictEqual(notes.languageId, 'cable');
  });
});
