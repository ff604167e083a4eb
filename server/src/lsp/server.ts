import { TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cableRequestsFeature } from './cable-requests';
import { codeActionsFeature } from './code-actions';
import { commandsFeature } from './commands';
import { completionFeature } from './completion';
import { configurationFeature } from './configuration';
import { diagnosticsFeature } from './diagnostics';
import { documentFeatures } from './document-features';
import { mergeCapabilities, type Feature, type ServerParts } from './feature';
import { formatFeature } from './format';
import { inlayHintsFeature } from './inlay-hints';
import { semanticTokensFeature } from './semantic-tokens';
import { Session, type Host } from './session';
import { statsFeature } from './stats';
import { codeLensFeature } from './code-lens';
import { workspaceFeature } from './workspace';
import { workspaceDiagnosticsFeature } from './workspace-diagnostics';
import type { CableFiles } from '../workspace/files';

// The language server: a thin adapter. Each document is parsed once per
// version (DocumentStore); every feature reads that parse. Each feature is a
// module of named handlers; to add one, write a Feature and list it here.

export const FEATURES: readonly Feature[] = [
  diagnosticsFeature,
  configurationFeature,
  documentFeatures,
  completionFeature,
  codeActionsFeature,
  commandsFeature,
  cableRequestsFeature,
  statsFeature,
  workspaceFeature,
  workspaceDiagnosticsFeature,
  codeLensFeature,
  semanticTokensFeature,
  inlayHintsFeature,
  formatFeature,
];

/** What the session asks of the client, over the connection. */
export function connectionHost(connection: Connection): Host {
  return {
    log: (m) => connection.console.log(m),
    error: (m) => connection.console.error(m),
    warn: (m) => {
      connection.console.error(m);
      void connection.window.showWarningMessage(`Cable: ${m}`);
    },
    configuration: (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'cable' }),
    sendDiagnostics: (params) => connection.sendDiagnostics(params),
    applyEdit: (params) => connection.workspace.applyEdit(params),
  };
}

/** `files`: the disk, for the workspace index (none in a web worker: the index holds the open documents). */
export function startServer(connection: Connection, features: readonly Feature[] = FEATURES, files?: CableFiles): Session {
  const documents = new TextDocuments(TextDocument);
  const session = new Session(documents, connectionHost(connection));
  session.workspace.files = files;
  const parts: ServerParts = { connection, documents, session };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.initialize(params);
    return {
      capabilities: mergeCapabilities(features.map((f) => f.capabilities?.(session) ?? {})),
      serverInfo: { name: 'cable-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    for (const f of features) {
      try {
        await f.initialized?.(parts);
      } catch (e) {
        session.host.error(`${f.name}: initialization failed: ${(e as Error)?.stack ?? String(e)}`);
      }
    }
    session.host.log('cable-language-server ready');
  });

  for (const f of features) f.register(parts);

  documents.listen(connection);
  connection.listen();
  return session;
}
