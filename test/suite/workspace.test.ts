// The workspace as one archive in VS Code: test/workspace/archive holds 08THEHAGUE680, whose REF line
// cites 08STATE85678 (both from the corpus). Go to Definition on the REF item opens the cited cable;
// Find All References and the code lens on its banner name the citing one; Ctrl+T finds it by subject;
// Check All Cables in Workspace gives a closed cable (05BRASILIA3130, which no test opens) its problems.
/// <reference types="mocha" />
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { at, openCable, waitFor, workspaceDir } from './util';

const archive = (name: string) => vscode.Uri.file(path.join(workspaceDir, 'archive', name));
const hagueUri = archive('08THEHAGUE680.txt');
const stateUri = archive('08STATE85678.txt');
const uriOf = (l: vscode.Location | vscode.LocationLink) => ('targetUri' in l ? l.targetUri : l.uri);

suite('workspace index', () => {
  test('Go to Definition on a REF item opens the cited cable at its banner', async () => {
    const editor = await openCable(hagueUri);
    const pos = at(editor.document, 'SECSTATE 85678', 3);
    // The index is built in the background: wait until the definition names the cited cable.
    await waitFor('the cited cable as the definition', async () => {
      const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        hagueUri,
        pos,
      );
      return locs?.some((l) => uriOf(l).fsPath === stateUri.fsPath);
    });
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const opened = await waitFor(
      'the cited cable in the editor',
      () => vscode.window.activeTextEditor?.document.uri.fsPath === stateUri.fsPath && vscode.window.activeTextEditor,
    );
    assert.strictEqual(opened.selection.active.line, 5, 'at its banner');
    assert.match(opened.document.lineAt(5).text, /^C O N F I D E N T I A L STATE 085678/);
  });

  test('Find All References and the code lens on the banner name the citing cable; Ctrl+T finds cables by subject', async () => {
    const editor = await openCable(stateUri);
    const banner = new vscode.Position(5, 3);
    const refs = await waitFor('the citing cable', async () => {
      const r = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', stateUri, banner);
      return r?.length ? r : undefined;
    });
    // VS Code asks with includeDeclaration: the cable's own banner, then the citing REF line.
    assert.deepStrictEqual(
      refs.map((r) => [path.basename(r.uri.fsPath), r.range.start.line]),
      [
        ['08STATE85678.txt', 5],
        ['08THEHAGUE680.txt', 19],
      ],
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.ok(
      lenses.some((l) => l.command?.title === 'cited by 1 cable'),
      JSON.stringify(lenses.map((l) => l.command?.title)),
    );
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      'nac statement',
    );
    assert.ok(
      symbols.some((s) => s.name.startsWith('08STATE85678: ') && s.location.uri.fsPath === stateUri.fsPath),
      JSON.stringify(symbols.map((s) => s.name)),
    );
  });

  test('Cable: Check All Cables in Workspace gives a closed cable its problems', async () => {
    const closed = archive('05BRASILIA3130.txt');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === closed.fsPath), 'not open');
    await vscode.commands.executeCommand('cable.checkWorkspace');
    const diags = await waitFor('problems of a closed cable', () => {
      const d = vscode.languages.getDiagnostics(closed);
      return d.length ? d : undefined;
    });
    assert.ok(diags.some((d) => d.source === 'cable' && d.code !== undefined));
    // A plain-text file that is not a cable gets none.
    const list = vscode.Uri.file(path.join(workspaceDir, 'txt', 'shopping-list.txt'));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(list), []);
  });
});
