import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DETECT_CHARS, DetectRequest, type DetectResult } from '../../server/src/lsp/protocol';

// `.txt` cables: VS Code never applies a language's `firstLine` to `.txt`, so
// archives of cables open as Plain Text. When a plain-text document opens, the
// server's parser looks at its first few KB (cable/detect); a cable is switched
// to the cable language. The setting `cable.detect` turns this off; a one-time
// notification says so. A document the user switches back stays plain text.

const NOTIFIED_KEY = 'cable.detect.notified';

/** Schemes of documents a user opened (not output channels, git views or the like). */
const SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs', 'vscode-userdata', 'memfs']);

const HOW: Record<NonNullable<DetectResult['start']>, string> = {
  vzczc: 'a VZCZC line',
  acp126: 'a date-time group and an FM line',
  printout: 'a printout header',
  banner: 'a classification banner',
};

export class TxtCableDetector implements vscode.Disposable {
  private subs: vscode.Disposable[] = [];
  /** Documents switched to cable: if one comes back as plain text, the user chose that. */
  private switched = new Set<string>();
  private pending = new Set<string>();

  constructor(
    private readonly client: () => BaseLanguageClient | undefined,
    private readonly state: vscode.Memento,
  ) {}

  start(): void {
    this.subs.push(vscode.workspace.onDidOpenTextDocument((d) => void this.check(d)));
    for (const d of vscode.workspace.textDocuments) void this.check(d);
  }

  /** Switches the document to the cable language when it is plain text that starts as a cable. */
  async check(doc: vscode.TextDocument): Promise<boolean> {
    const key = doc.uri.toString();
    if (doc.languageId !== 'plaintext' || !SCHEMES.has(doc.uri.scheme) || this.switched.has(key) || this.pending.has(key)) return false;
    if (!vscode.workspace.getConfiguration('cable', doc.uri).get<boolean>('detect', true)) return false;
    const client = this.client();
    if (!client) return false;
    this.pending.add(key);
    try {
      const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 400), 0)).slice(0, DETECT_CHARS);
      const { start } = await client.sendRequest(DetectRequest, { text: head });
      // Still open and still plain text (the user or another extension may have chosen meanwhile)?
      if (!start || doc.isClosed || doc.languageId !== 'plaintext') return false;
      this.switched.add(key);
      await vscode.languages.setTextDocumentLanguage(doc, 'cable');
      void this.notifyOnce(doc, start);
      return true;
    } catch {
      return false; // the server is not running or the document went away: it stays plain text
    } finally {
      this.pending.delete(key);
    }
  }

  private async notifyOnce(doc: vscode.TextDocument, start: NonNullable<DetectResult['start']>): Promise<void> {
    if (this.state.get<boolean>(NOTIFIED_KEY)) return;
    await this.state.update(NOTIFIED_KEY, true);
    const name = doc.uri.path.split('/').pop() ?? 'This file';
    const folder = 'Treat .txt Files in This Folder as Cables';
    const off = 'Turn Off';
    const pick = await vscode.window.showInformationMessage(
      `Cable: ${name} starts with ${HOW[start]}, so it opened as a Cable. Plain-text files that start like a cable open as cables; to stop this, set "cable.detect" to false.`,
      folder,
      off,
    );
    if (pick === folder) await vscode.commands.executeCommand('cable.treatTxtAsCable', doc.uri);
    if (pick === off) await vscode.workspace.getConfiguration('cable').update('detect', false, vscode.ConfigurationTarget.Global);
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
  }
}

/**
 * "Cable: Treat .txt files in this folder as cables": `files.associations` `*.txt` → `cable` in the
 * settings of the workspace folder of the given (or active) file; other associations are kept.
 */
export async function treatTxtAsCable(arg?: unknown): Promise<boolean> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Cable: open a folder first; the association is written to its settings.');
    return false;
  }
  const config = vscode.workspace.getConfiguration('files', folder.uri);
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const seen = config.inspect<Record<string, string>>('associations');
  const current = (multi ? seen?.workspaceFolderValue : seen?.workspaceValue) ?? {};
  const target = multi ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await config.update('associations', { ...current, '*.txt': 'cable' }, target);
  void vscode.window.showInformationMessage(
    `Cable: .txt files in ${folder.name} now open as cables (files.associations in the folder's settings).`,
  );
  return true;
}
