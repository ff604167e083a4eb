import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCable, deactivateCable, type CableApi } from './activate';

// The browser entry (package.json "browser": vscode.dev, github.dev, code-server's
// web worker host): the language server (dist/web/server.js) runs in a web worker.
// The features are the same; without a file system, `.cablelintrc.json` and
// `cable.extraTagsFile` are not read.

declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export type { CableApi, StatusSnapshot } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<CableApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  return activateCable(context, (options) => new LanguageClient('cable', 'Cable Language Server', options, new Worker(serverMain.toString(true))));
}

export const deactivate = deactivateCable;
