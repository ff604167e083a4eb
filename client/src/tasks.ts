import * as vscode from 'vscode';

// The VS Code task "cable-lint: check all cables" (desktop only: it runs the
// bundled cable-lint, dist/cli.js, with the editor's own Node). Its findings
// reach the Problems view through the `$cable-lint` problem matcher
// (package.json contributes.problemMatchers), which reads the text format's
// `file:line:col: severity rule-id message` lines.

export const TASK_TYPE = 'cable-lint';

interface CableLintTaskDefinition extends vscode.TaskDefinition {
  /** Files and folders to check, relative to the workspace folder (default: all of it). */
  paths?: string[];
}

function task(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, definition: CableLintTaskDefinition, name: string): vscode.Task {
  const paths = Array.isArray(definition.paths) && definition.paths.length > 0 ? definition.paths.map(String) : ['.'];
  const execution = new vscode.ProcessExecution(process.execPath, [context.asAbsolutePath('dist/cli.js'), '--format', 'text', ...paths], {
    cwd: folder.uri.fsPath,
    // The editor's executable runs as plain Node; no colour codes in front of the problem matcher.
    env: { ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
  });
  const t = new vscode.Task(definition, folder, name, 'cable-lint', execution, '$cable-lint');
  t.group = vscode.TaskGroup.Test;
  t.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
  return t;
}

export function cableLintTaskProvider(context: vscode.ExtensionContext): vscode.TaskProvider {
  return {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => task(context, f, { type: TASK_TYPE }, 'check all cables')),
    resolveTask(t) {
      const folder = typeof t.scope === 'object' ? t.scope : vscode.workspace.workspaceFolders?.[0];
      return folder && folder.uri.scheme === 'file' ? task(context, folder, t.definition as CableLintTaskDefinition, t.name) : undefined;
    },
  };
}
