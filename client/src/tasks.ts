import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LintFileRequest, WorkspaceCablesRequest } from '../../server/src/lsp/protocol';

// The task "cable-lint: check all cables": every cable of a workspace folder
// checked by the language server (the same rules, settings, .cablelintrc.json
// and workspace index as the editor; no second copy of the checks in the
// package), printed as cable-lint prints them, `file:line:col: severity
// rule-id message`, so that the `$cable-lint` problem matcher
// (package.json contributes.problemMatchers) puts them in the Problems view. The
// same matcher reads the output of the cable-lint command in a task of your own.

export const TASK_TYPE = 'cable-lint';

interface CableLintTaskDefinition extends vscode.TaskDefinition {
  /** Files and folders to check, relative to the workspace folder (default: all of it). */
  paths?: string[];
}

/** The task's terminal: checks one cable at a time and writes its findings; closing it stops the run. */
class CheckTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private stopped = false;

  constructor(
    private readonly client: () => BaseLanguageClient | undefined,
    private readonly folder: vscode.WorkspaceFolder,
    private readonly paths: string[],
  ) {}

  open(): void {
    this.run().catch((e) => this.end(2, `cable-lint: ${(e as Error).message}`));
  }

  close(): void {
    this.stopped = true;
  }

  private line(s: string): void {
    this.written.fire(s.replace(/\r?\n/g, '\r\n') + '\r\n');
  }

  private end(code: number, message: string): void {
    this.line(message);
    this.closed.fire(code);
  }

  private async run(): Promise<void> {
    const client = this.client();
    if (!client) return this.end(2, 'cable-lint: the cable language server is not running');
    this.line(`Checking the cables of ${this.folder.name}…`);
    const { uris } = await client.sendRequest(WorkspaceCablesRequest, { folder: this.folder.uri.toString() });
    const wanted = this.paths.map((p) =>
      p
        .replace(/\\/g, '/')
        .replace(/^\.\/?/, '')
        .replace(/\/$/, ''),
    );
    let files = 0;
    let errors = 0;
    let warnings = 0;
    for (const uri of uris) {
      if (this.stopped) return;
      const rel = vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
      if (wanted.length > 0 && !wanted.some((w) => w === '' || rel === w || rel.startsWith(w + '/'))) continue;
      const r = await client.sendRequest(LintFileRequest, { uri });
      if (!r) continue;
      files++;
      for (const f of r.findings) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
        this.line(`${rel}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}`);
      }
    }
    this.end(
      errors > 0 ? 1 : 0,
      `${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
  }
}

function task(
  client: () => BaseLanguageClient | undefined,
  folder: vscode.WorkspaceFolder,
  definition: CableLintTaskDefinition,
  name: string,
): vscode.Task {
  const paths = Array.isArray(definition.paths) ? definition.paths.map(String) : [];
  const execution = new vscode.CustomExecution(async () => new CheckTerminal(client, folder, paths));
  const t = new vscode.Task(definition, folder, name, 'cable-lint', execution, '$cable-lint');
  t.group = vscode.TaskGroup.Test;
  t.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
  return t;
}

export function cableLintTaskProvider(client: () => BaseLanguageClient | undefined): vscode.TaskProvider {
  return {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((f) => task(client, f, { type: TASK_TYPE }, 'check all cables')),
    resolveTask(t) {
      const folder = typeof t.scope === 'object' ? t.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? task(client, folder, t.definition as CableLintTaskDefinition, t.name) : undefined;
    },
  };
}
