import {
  ErrorCodes,
  ResponseError,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type ClientCapabilities,
  type InitializeParams,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler } from './diagnostics';
import { DocumentStore, type DocState } from './documents';
import type { CableSettings } from './settings';
import { SettingsSource } from './settings-source';
import { WorkspaceIndexer } from './workspace-index';
import type { WorkspaceChecker } from './workspace-diagnostics';
import { citedCables } from '../workspace/features';

// The state every handler shares: the open documents and their parses, the
// settings, what the client can do, and the few things the server asks of the
// client (the Host). Handlers are plain functions of (session, params); tests
// build a Session over a fake Host and a map of documents.

export interface Host {
  log(message: string): void;
  /** Logs an error; the user is not interrupted. */
  error(message: string): void;
  /** Logs and shows a warning to the user. */
  warn(message: string): void;
  /** workspace/configuration, section `cable`. */
  configuration(scopeUri: string | undefined): Promise<unknown>;
  sendDiagnostics(params: PublishDiagnosticsParams): Promise<void>;
  applyEdit(params: ApplyWorkspaceEditParams): Promise<ApplyWorkspaceEditResult>;
}

/** The open documents (TextDocuments in the server). */
export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** What the client said it can do in its initialize request. */
export interface ClientCaps {
  /** Answers workspace/configuration. */
  pullConfiguration: boolean;
  /** Takes versioned documentChanges in a workspace edit. */
  versionedEdits: boolean;
  /** Resolves a code action's edit lazily (codeAction/resolve). */
  resolveEdits: boolean;
  /** Lets the server register for workspace/didChangeConfiguration. */
  configurationRegistration: boolean;
}

export class Session {
  readonly store = new DocumentStore();
  readonly settings: SettingsSource;
  readonly diagnostics: DiagnosticsScheduler;
  /** The cables of the workspace folders (workspace-index.ts). */
  readonly workspace = new WorkspaceIndexer(this);
  /** Problems of every cable of the workspace (workspace-diagnostics.ts), once its feature is registered. */
  checker: WorkspaceChecker | undefined;
  /** The client's capabilities as it sent them (features read the ones they need). */
  capabilities: ClientCapabilities = {};
  /** The URI of docs/rules.md, which diagnostics link to: the client's copy, or the one beside the server. */
  rulesDocument: string | undefined;
  client: ClientCaps = { pullConfiguration: false, versionedEdits: false, resolveEdits: false, configurationRegistration: false };

  constructor(
    readonly documents: DocumentSource,
    readonly host: Host,
  ) {
    this.settings = new SettingsSource({
      pull: (uri) => host.configuration(uri),
      warn: (m) => host.warn(m),
      error: (m) => host.error(m),
    });
    this.diagnostics = new DiagnosticsScheduler(this);
    this.store.cables = (s) => citedCables(this.workspace.index, this.workspace.currentEntry(s.uri, s.cable));
  }

  /** Takes in the client's capabilities, workspace folders and initial settings. */
  initialize(params: InitializeParams): void {
    const caps = params.capabilities;
    this.capabilities = caps ?? {};
    this.client = {
      pullConfiguration: !!caps.workspace?.configuration,
      versionedEdits: !!caps.workspace?.workspaceEdit?.documentChanges,
      resolveEdits: !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
      configurationRegistration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    };
    this.settings.canPull = this.client.pullConfiguration;
    this.settings.setRoots(params.workspaceFolders, params.rootUri);
    this.workspace.setFolders(params.workspaceFolders, params.rootUri);
    // Clients that cannot answer workspace/configuration may pass the settings here: { cable: {...} } or {...}.
    const init = params.initializationOptions as { cable?: CableSettings; rulesDocument?: unknown } | undefined;
    if (init && typeof init === 'object') {
      // The VS Code client names its own docs/rules.md (inside the extension, also in a browser).
      const { rulesDocument, ...settings } = init;
      if (typeof rulesDocument === 'string' && rulesDocument) this.rulesDocument = rulesDocument;
      this.settings.push((init.cable ?? (settings as CableSettings)) || {});
    }
  }

  /** The parse of the document's current version (its findings are computed when first needed). */
  async stateOf(uri: string): Promise<{ doc: TextDocument; state: DocState } | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const eff = await this.settings.effective(uri);
    const current = this.documents.get(uri); // the settings may take a round trip: take the version now
    if (!current) return undefined;
    return { doc: current, state: this.store.get(current, eff) };
  }

  /** Edits to one document, versioned when the client allows it (a stale edit is then refused). */
  workspaceEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (this.client.versionedEdits) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
    return { changes: { [doc.uri]: edits } };
  }

  /** Wraps a request handler: a failure is logged and answered as an error; the server goes on. */
  guard<P, R>(name: string, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await fn(params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        const err = e as Error;
        this.host.error(`${name} failed: ${err?.stack ?? String(e)}`);
        throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${err?.message ?? String(e)}`);
      }
    };
  }
}
