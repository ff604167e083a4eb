import * as vscode from 'vscode';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type BaseLanguageClient,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import {
  CableCommandRequest,
  CheckWorkspaceRequest,
  ClassificationRequest,
  NewCableRequest,
  RENUMBER_COMMAND,
  RULE_DOC_LINES,
  SHOW_REFERENCES_COMMAND,
  type CableInitializationOptions,
} from '../../server/src/lsp/protocol';
import { TxtCableDetector, treatTxtAsCable } from './detect';
import { cableLintTaskProvider, TASK_TYPE } from './tasks';

// The VS Code side, shared by the desktop entry (extension.ts: the server as a
// Node process over IPC) and the browser entry (browser.ts: the server in a web
// worker). It shows the cable's
// classification in the status bar, switches `.txt` cables to the cable
// language (detect.ts), and adds four commands. Everything about
// the cable itself comes from the server; the client knows only the protocol
// module (server/src/lsp/protocol.ts).

let client: BaseLanguageClient | undefined;

const LEVEL_COLOR: Record<string, string> = {
  U: 'cable.classification.unclassified',
  SBU: 'cable.classification.unclassified',
  C: 'cable.classification.confidential',
  S: 'cable.classification.secret',
  TS: 'cable.classification.topSecret',
};

/** What activate() returns: read-only views for tests and other extensions. */
export interface CableApi {
  /** The classification status bar item as shown now. */
  classificationStatus(): StatusSnapshot;
  /** Checks a plain-text document as when it opened; true when it was switched to the cable language. */
  detect(doc: vscode.TextDocument): Promise<boolean>;
}

export interface StatusSnapshot {
  visible: boolean;
  text: string;
  /** The ThemeColor id of the text, e.g. `cable.classification.confidential`. */
  color?: string;
  tooltip?: string;
}

/** Cables the server checks: on disk, unsaved, in a remote or virtual workspace (vscode.dev), not in git views. */
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'memfs'];

/** Makes the language client: a Node process on the desktop, a web worker in a browser. */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

export async function activateCable(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<CableApi> {
  const output = vscode.window.createOutputChannel('Cable Language Server');
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: SCHEMES.map((scheme) => ({ scheme, language: 'cable' })),
    // Settings are pulled by the server (workspace/configuration), which registers for their changes.
    // Config files, and the cable files of the workspace index (the server keeps it current from these events).
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.cablelintrc.json'),
        vscode.workspace.createFileSystemWatcher('**/*.{cable,tel,txt}'),
      ],
    },
    outputChannel: output,
    // Rule links open the extension's own docs/rules.md (offline), at the rule's heading.
    initializationOptions: { rulesDocument: rulesDocument(context).toString() } satisfies CableInitializationOptions,
  };
  client = createClient(clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('cable.newCable', newCable),
    vscode.commands.registerCommand('cable.renumberParagraphs', renumberParagraphs),
    vscode.commands.registerCommand('cable.openRuleDocumentation', (ruleId?: unknown) => openRuleDocumentation(context, ruleId)),
    vscode.commands.registerCommand('cable.treatTxtAsCable', treatTxtAsCable),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, showReferences),
    vscode.commands.registerCommand('cable.checkWorkspace', checkWorkspace),
    vscode.tasks.registerTaskProvider(
      TASK_TYPE,
      cableLintTaskProvider(() => client),
    ),
  );

  const status = new ClassificationStatus();
  context.subscriptions.push(status);
  context.subscriptions.push(watchExtraTagsFile());

  const detector = new TxtCableDetector(() => client, context.globalState);
  context.subscriptions.push(detector);

  await client.start();
  status.start();
  detector.start();
  return { classificationStatus: () => status.snapshot(), detect: (doc) => detector.check(doc) };
}

export async function deactivateCable(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

async function newCable(): Promise<void> {
  if (!client) return;
  // The template and its date (the `cable.date` setting, or today) come from the server.
  const { snippet } = await client.sendRequest(NewCableRequest, { scopeUri: vscode.workspace.workspaceFolders?.[0]?.uri.toString() });
  const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(snippet));
}

/** Problems for every cable of the workspace folders (the server shows progress; pulled or pushed). */
async function checkWorkspace(): Promise<void> {
  if (!client) return;
  const r = await client.sendRequest(CheckWorkspaceRequest);
  if (r.mode === 'push')
    void vscode.window.showInformationMessage(`Cable: checked ${r.cables} cables; their problems are in the Problems view.`);
}

/** The "cited by N cables" lens: its locations (LSP shapes) in the references view. */
async function showReferences(uri: unknown, position: unknown, locations: unknown): Promise<void> {
  if (!client || typeof uri !== 'string' || !Array.isArray(locations)) return;
  const p2c = client.protocol2CodeConverter;
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    p2c.asUri(uri),
    p2c.asPosition(position as Parameters<typeof p2c.asPosition>[0]),
    locations.map((l) => p2c.asLocation(l)),
  );
}

function activeCable(): vscode.TextEditor | undefined {
  const e = vscode.window.activeTextEditor;
  return e && e.document.languageId === 'cable' ? e : undefined;
}

async function renumberParagraphs(): Promise<void> {
  const editor = activeCable();
  if (!editor || !client) {
    void vscode.window.showInformationMessage('Cable: open a cable to renumber its paragraphs.');
    return;
  }
  const r = await client.sendRequest(CableCommandRequest, { command: RENUMBER_COMMAND, arguments: [editor.document.uri.toString()] });
  if (r && r.edits === 0) void vscode.window.showInformationMessage('Cable: the paragraphs are already numbered 1 to n.');
}

/** The extension's docs/rules.md (a file on the desktop, the extension's own URI in a browser). */
function rulesDocument(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
}

async function openRuleDocumentation(context: vscode.ExtensionContext, arg?: unknown): Promise<void> {
  let id = typeof arg === 'string' ? arg : undefined;
  if (!id) {
    // Rules of the diagnostics under the cursor first, then every documented rule.
    const editor = activeCable();
    const here = editor
      ? vscode.languages
          .getDiagnostics(editor.document.uri)
          .filter((d) => d.source === 'cable' && d.range.contains(editor.selection.active))
          .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)))
      : [];
    const ids = [...new Set([...here, ...Object.keys(RULE_DOC_LINES)])];
    id = await vscode.window.showQuickPick(ids, { placeHolder: 'Rule to read about' });
    if (!id) return;
  }
  // The heading's line (1-based), known when the extension was built; an unknown id opens the top.
  const pos = new vscode.Position(Math.max(0, (RULE_DOC_LINES[id] ?? 1) - 1), 0);
  const doc = await vscode.workspace.openTextDocument(rulesDocument(context));
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: true });
}

/** Tells the server when the file named by `cable.extraTagsFile` changes. */
function watchExtraTagsFile(): vscode.Disposable {
  let watcher: vscode.FileSystemWatcher | undefined;
  const notify = (uri: vscode.Uri) =>
    client?.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri.toString(), type: FileChangeType.Changed }] });
  const setup = () => {
    watcher?.dispose();
    watcher = undefined;
    const f = vscode.workspace.getConfiguration('cable').get<string>('extraTagsFile', '').trim();
    if (!f) return;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const pattern = f.startsWith('/') || /^[A-Za-z]:[\\/]/.test(f) || !folder ? f : new vscode.RelativePattern(folder, f);
    watcher = vscode.workspace.createFileSystemWatcher(pattern);
    watcher.onDidChange(notify);
    watcher.onDidCreate(notify);
    watcher.onDidDelete(notify);
  };
  setup();
  const sub = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('cable.extraTagsFile')) setup();
  });
  return { dispose: () => (watcher?.dispose(), sub.dispose()) };
}

/** The status bar item: the active cable's classification, in the colour of its banner. */
class ClassificationStatus implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('cable.classification', vscode.StatusBarAlignment.Right, 100);
  private subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private visible = false;

  constructor() {
    this.item.name = 'Cable Classification';
  }

  start(): void {
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.later();
      }),
    );
    this.refresh();
  }

  private later(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 150);
  }

  private async refresh(): Promise<void> {
    const editor = activeCable();
    if (!editor || !client) {
      this.hide();
      return;
    }
    const seq = ++this.seq;
    try {
      const r = await client.sendRequest(ClassificationRequest, { textDocument: { uri: editor.document.uri.toString() } });
      if (seq !== this.seq) return; // a newer refresh is under way
      if (r?.level) {
        this.item.text = `$(shield) ${r.name}`;
        this.item.color = new vscode.ThemeColor(LEVEL_COLOR[r.level]);
        this.item.tooltip = `Classification of this cable, from its banner (${r.banner ?? r.name}). Checked against ${r.date ?? "the cable's date"}.`;
      } else {
        this.item.text = '$(shield) no banner';
        this.item.color = undefined;
        this.item.tooltip = 'This cable has no classification line';
      }
      this.item.show();
      this.visible = true;
    } catch {
      this.hide();
    }
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
  }

  snapshot(): StatusSnapshot {
    const c = this.item.color;
    return {
      visible: this.visible,
      text: this.item.text,
      color: c instanceof vscode.ThemeColor ? c.id : c,
      tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : undefined,
    };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subs.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
