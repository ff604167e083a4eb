// Helpers shared by the extension-host tests (test/suite/*.test.ts): where the workspace is, opening
// cables, waiting for what the language server sends, and positions found by searching the text.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from '../../server/src/parse/index';
import { lint } from '../../server/src/rules/engine';
import type { Severity } from '../../server/src/rules/types';

export const EXTENSION_ID = 'cable-tools.cable-tools';

// test/workspace: the folder the runner opens; fall back to the path relative to out/test/suite.
export const workspaceDir =
  process.env.CABLE_TEST_WORKSPACE ??
  vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ??
  path.resolve(__dirname, '../../../test/workspace');

/** The repository: the extension's own folder (extensionDevelopmentPath). */
export const repoDir = path.resolve(__dirname, '../../..');

export const seedUri = vscode.Uri.file(path.join(workspaceDir, 'seed.cable'));
export const corpusUri = (name: string) => vscode.Uri.file(path.join(workspaceDir, 'corpus', name));

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The extension's exports (activating it first): see CableApi in client/src/extension.ts. */
export interface StatusSnapshot {
  visible: boolean;
  text: string;
  color?: string;
  tooltip?: string;
}
export interface CableApi {
  classificationStatus(): StatusSnapshot;
  detect(doc: vscode.TextDocument): Promise<boolean>;
}
export async function api(): Promise<CableApi> {
  const ext = vscode.extensions.getExtension<CableApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : await ext.activate();
}

/** Opens a file in an editor (a .cable file, or a corpus .txt switched to the cable language). */
export async function openCable(uri: vscode.Uri): Promise<vscode.TextEditor> {
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'cable') doc = await vscode.languages.setTextDocumentLanguage(doc, 'cable');
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** An unsaved cable with this text (for tests that edit: nothing on disk changes). */
export async function openUntitled(text: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: text });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Closes the active editor without saving (untitled documents would otherwise ask). */
export async function closeActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** The diagnostics of our server for a document, once `ready` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (d: vscode.Diagnostic[]) => boolean,
  what = 'diagnostics',
): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} for ${path.basename(uri.fsPath)}`, () => {
    const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'cable');
    return ready(d) ? d : undefined;
  });
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** What the rule engine finds in the text, as [code, severity, range] in VS Code's own positions. */
export function expected(doc: vscode.TextDocument): string[] {
  return lint(parse(doc.getText()))
    .map((f) => JSON.stringify([f.rule, SEVERITY[f.severity], doc.positionAt(f.start), doc.positionAt(f.end), f.message]))
    .sort();
}
export const actual = (ds: vscode.Diagnostic[]) =>
  ds.map((d) => JSON.stringify([codeOf(d), d.severity, d.range.start, d.range.end, d.message])).sort();

/** True when the diagnostics are exactly what the rule engine finds in the document's current text. */
export function sameFindings(ds: vscode.Diagnostic[], doc: vscode.TextDocument): boolean {
  return JSON.stringify(actual(ds)) === JSON.stringify(expected(doc));
}

export const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code));

/** The offset of `needle` (its first occurrence, or the nth) plus `delta`; fails when absent. */
export function offsetOf(text: string, needle: string, delta = 0, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth + 1}) not found`);
  }
  return at + delta;
}

export function at(doc: vscode.TextDocument, needle: string, delta = 0, nth = 0): vscode.Position {
  return doc.positionAt(offsetOf(doc.getText(), needle, delta, nth));
}

/** The text of a hover's contents (markdown strings joined). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export async function hoverAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<{ text: string; covered?: string }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  const mine = hovers.filter((h) => hoverText([h]).length > 0);
  const range = mine.find((h) => h.range)?.range;
  return { text: hoverText(mine), covered: range ? doc.getText(range) : undefined };
}
