import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCable, deactivateCable, type CableApi } from './activate';

// The browser entry (package.json "browser": vscode.dev, github.dev, code-server's
// web worker host): the language server (dist/web/server.js) runs in a web worker.
// The features are the same; without a file system, `.cablelintrc.json` and
// `cable.extraTagsFile` are not read.

declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export type { CableApi, StatusSnapshot } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<CableApi> {
  const worker = await serverWorker(vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js'));
  return activateCable(context, (options) => new LanguageClient('cable', 'Cable Language Server', options, worker));
}

/**
 * The server's worker. An extension installed on a remote (code-server) has a `vscode-remote:`
 * URI, from which the web worker host refuses to start workers; its script is read and started
 * from a blob instead.
 */
async function serverWorker(script: vscode.Uri): Promise<InstanceType<typeof Worker>> {
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const code = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
}

export const deactivate = deactivateCable;
