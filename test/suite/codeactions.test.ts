// Quick fixes and fix-all through vscode.executeCodeActionProvider, applied as VS Code applies them
// (workspace.applyEdit of the action's WorkspaceEdit), with the resulting text compared.
/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { applyEdits, fixAllText } from '../../server/src/features/fixall';
import { parse } from '../../server/src/parse/index';
import { lint } from '../../server/src/rules/engine';
import { closeActive, codeOf, corpusUri, openCable, openUntitled, seedUri, waitForDiagnostics } from './util';

/** The code actions VS Code collects for a range; the first `resolve` of them resolved (codeAction/resolve). */
async function actions(uri: vscode.Uri, range: vscode.Range, kind?: string, resolve?: number): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind, resolve)) ?? [];
}

suite('quick fixes', () => {
  test('seed: RU -> RS, applied through a WorkspaceEdit, changes only that code', async () => {
    const { document: seed } = await openCable(seedUri);
    const original = seed.getText();
    const { document: doc } = await openUntitled(original);
    const [ru] = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'tag-iso-code')).then((d) =>
      d.filter((x) => codeOf(x) === 'tag-iso-code'),
    );
    const found = await actions(doc.uri, ru.range);
    const fix = found.find((a) => a.kind?.value === 'quickfix' && /RS/.test(a.title));
    assert.ok(fix, `an RU -> RS fix among: ${found.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.isPreferred, 'the suggested code is the preferred fix');
    // (vscode.executeCodeActionProvider does not pass an action's diagnostics on: the title and range say which.)
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText(), original.replace('[RU](#)', '[RS](#)'));
    await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'tag-iso-code'), 'the warning to go');
    await closeActive();
  });

  test('every quick fix offered on a corpus cable applies to exactly its own edits', async () => {
    const { document: src } = await openCable(corpusUri('08ASMARA546.txt'));
    const original = src.getText();
    const findings = lint(parse(original)).filter((f) => f.fixes?.length);
    assert.ok(findings.length >= 2, 'the cable has fixable findings');
    const { document: doc } = await openUntitled(original);
    await waitForDiagnostics(doc.uri, (d) => d.length === lint(parse(original)).length);
    for (const f of findings) {
      const range = new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end));
      const offered = (await actions(doc.uri, range)).filter((a) => a.kind?.value === 'quickfix');
      for (const fix of f.fixes!) {
        const a = offered.find((x) => x.title === fix.title);
        assert.ok(a?.edit, `${f.rule}: "${fix.title}" offered`);
        assert.ok(await vscode.workspace.applyEdit(a.edit));
        assert.strictEqual(doc.getText(), applyEdits(original, fix.edits), `${f.rule}: "${fix.title}"`);
        await vscode.commands.executeCommand('undo');
        assert.strictEqual(doc.getText(), original);
      }
    }
    await closeActive();
  });

  test('fix all (source.fixAll.cable) on the seed: RS and no artifacts, no warning left', async () => {
    const { document: seed } = await openCable(seedUri);
    const original = seed.getText();
    const { document: doc } = await openUntitled(original);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'tag-iso-code'));
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    // The server fills in the (costlier) fix-all edit when the action is resolved, as when a user picks it.
    const [all] = await actions(doc.uri, whole, 'source.fixAll.cable', 1);
    assert.ok(all?.edit, 'a fix-all action with an edit');
    assert.strictEqual(all.kind?.value, 'source.fixAll.cable');
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.strictEqual(doc.getText(), fixAllText(original, (t) => lint(parse(t))).text);
    const tags = doc
      .getText()
      .split('\n')
      .find((l) => l.startsWith('TAGS:'));
    assert.strictEqual(tags?.trimEnd(), 'TAGS: PREL PBTS GG RS YI AJ');
    assert.ok(!doc.getText().includes('](#)'), 'no web-copy artifact left');
    const fixable = diags.map(codeOf);
    const left = await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'tag-iso-code'));
    assert.deepStrictEqual(
      left.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map(codeOf),
      [],
      `was: ${fixable.join(', ')}`,
    );
    await closeActive();
  });
});
