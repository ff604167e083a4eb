import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCable, deactivateCable, type CableApi } from './activate';

// The desktop entry (package.json "main"): the language server runs as a Node
// process (dist/server.js) over IPC. Everything else is in activate.ts.

export type { CableApi, StatusSnapshot } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<CableApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return activateCable(context, (options) => new LanguageClient('cable', 'Cable Language Server', serverOptions, options));
}

export const deactivate = deactivateCable;
