import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../features/completion';
import { definitionAt } from '../features/definition';
import { diffEdits, fixAll, fixAllText } from '../features/fixall';
import { foldingRanges } from '../features/folding';
import { hoverAt, tagDoc } from '../features/hover';
import { outline } from '../features/outline';
import { LEVEL_NAME } from '../model';
import { parse } from '../parse/index';
import { lint } from '../rules/engine';
import { offsetAt } from '../positions';
import type { Edit, Finding } from '../rules/types';
import { completionKind, toDiagnostic, toDocumentSymbol, toFoldingRange, toRange, toTextEdits } from './convert';
import { DocumentStore, type DocState } from './documents';
import { CLASSIFICATION_REQUEST, FIX_ALL_COMMAND, FIX_ALL_KIND, RENUMBER_COMMAND, STATS_REQUEST, type ClassificationParams, type ClassificationResult, type StatsResult } from './protocol';
import { renumberEdits } from './renumber';
import { DiskCache, effectiveSettings, uriToPath, type CableSettings, type Effective } from './settings';

// The language server: a thin adapter. Each document is parsed once per
// version (DocumentStore); every feature reads that parse.

/** Longest wait between an edit and its diagnostics, so that a burst of edits is checked once. */
export const MAX_DEBOUNCE_MS = 50;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const disk = new DiskCache();
  const store = new DocumentStore();
  let workspaceRoots: string[] = [];
  let canPullConfiguration = false;
  let canVersionEdits = false;
  let canResolveEdits = false;
  /** Settings pushed by clients that cannot be asked (workspace/didChangeConfiguration). */
  let pushedSettings: CableSettings = {};
  const settingsCache = new Map<string, Promise<CableSettings>>();
  const reported = new Set<string>();

  const log = (msg: string) => connection.console.log(msg);
  const logError = (msg: string) => connection.console.error(msg);

  /** Wraps a request handler: a failure is logged and answered as an error; the server goes on. */
  function safe<P, R>(name: string, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await fn(params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        const err = e as Error;
        logError(`${name} failed: ${err?.stack ?? String(e)}`);
        throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${err?.message ?? String(e)}`);
      }
    };
  }

  async function rawSettings(uri: string): Promise<CableSettings> {
    if (!canPullConfiguration) return pushedSettings;
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'cable' }).then(
        (s) => (s && typeof s === 'object' ? (s as CableSettings) : {}),
        (e) => {
          logError(`workspace/configuration failed: ${(e as Error).message}`);
          return {};
        },
      );
      settingsCache.set(uri, p);
    }
    return p;
  }

  async function settingsFor(uri: string): Promise<Effective> {
    const eff = effectiveSettings(uri, await rawSettings(uri), disk, workspaceRoots);
    for (const p of eff.problems) {
      if (reported.has(p)) continue;
      reported.add(p);
      logError(p);
      void connection.window.showWarningMessage(`Cable: ${p}`);
    }
    return eff;
  }

  /** The parse of the document's current version (and its findings, computed when first needed). */
  async function stateOf(uri: string): Promise<{ doc: TextDocument; state: DocState } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const eff = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current) return undefined;
    return { doc: current, state: store.get(current, eff) };
  }

  // ---- diagnostics --------------------------------------------------------------

  const timers = new Map<string, NodeJS.Timeout>();
  /** Last check of each document: how long it took and when it ended (performance.now()). */
  const lastDuration = new Map<string, number>();
  const lastEnd = new Map<string, number>();

  /**
   * Checks a document soon after an edit. An edit after a quiet spell is checked
   * at once (the timer only lets edits already received join in); edits that
   * follow a check closely wait until half its duration has passed since it
   * ended (at most MAX_DEBOUNCE_MS), so that typing into a large cable leaves
   * the server time for hovers and other requests.
   */
  function schedule(uri: string): void {
    if (timers.has(uri)) return; // already due: that run will see this version
    const wanted = Math.min(MAX_DEBOUNCE_MS, (lastDuration.get(uri) ?? 0) / 2);
    const since = performance.now() - (lastEnd.get(uri) ?? -Infinity);
    const delay = Math.max(0, Math.round(wanted - since));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  async function validate(uri: string): Promise<void> {
    try {
      const t0 = performance.now();
      const s = await stateOf(uri);
      if (!s) return;
      const { doc, state } = s;
      const findings = state.eff.ignored ? [] : store.findings(state);
      const diagnostics = findings.map((f) => toDiagnostic(state.cable, f));
      const t1 = performance.now();
      lastDuration.set(uri, t1 - t0);
      lastEnd.set(uri, t1);
      await connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (e) {
      logError(`checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  function revalidateAll(): void {
    for (const d of documents.all()) schedule(d.uri);
  }

  // ---- lifecycle -------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canVersionEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
    canResolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (workspaceRoots.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) workspaceRoots = [p];
    }
    // Clients that cannot answer workspace/configuration may pass the settings here: { cable: {...} } or {...}.
    const init = params.initializationOptions as { cable?: CableSettings } | undefined;
    if (init && typeof init === 'object') pushedSettings = (init.cable ?? (init as CableSettings)) || {};
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Cable' },
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: ['(', ' ', ':'], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        definitionProvider: true,
        executeCommandProvider: { commands: [RENUMBER_COMMAND, FIX_ALL_COMMAND] },
      },
      serverInfo: { name: 'cable-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    log('cable-language-server ready');
  });

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { cable?: CableSettings } | undefined)?.cable;
    if (s && typeof s === 'object') pushedSettings = s;
    settingsCache.clear();
    reported.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    // A .cablelintrc.json or the extra tags file changed.
    disk.clear();
    reported.clear();
    store.clearFindings();
    revalidateAll();
  });

  // TextDocuments reports an open as a content change too: one check per open or edit.
  documents.onDidOpen((e) => lastDuration.delete(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    store.delete(uri);
    settingsCache.delete(uri);
    lastDuration.delete(uri);
    lastEnd.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ---- features --------------------------------------------------------------------

  connection.onHover(
    safe('hover', async (params) => {
      const s = await stateOf(params.textDocument.uri);
      if (!s) return null;
      const { cable, ctx } = s.state;
      const h = hoverAt(cable, offsetAt(cable.lines, params.position), ctx);
      return h ? { contents: { kind: 'markdown', value: h.markdown }, range: toRange(cable, h) } : null;
    }),
  );

  connection.onDocumentSymbol(
    safe('documentSymbol', async (params) => {
      const s = await stateOf(params.textDocument.uri);
      if (!s) return null;
      const { cable } = s.state;
      return outline(cable).map((x) => toDocumentSymbol(cable, x));
    }),
  );

  connection.onFoldingRanges(
    safe('foldingRange', async (params) => {
      const s = await stateOf(params.textDocument.uri);
      if (!s) return null;
      return foldingRanges(s.state.cable).map(toFoldingRange);
    }),
  );

  connection.onCompletion(
    safe('completion', async (params) => {
      const s = await stateOf(params.textDocument.uri);
      if (!s) return null;
      const { cable, ctx } = s.state;
      const r = completeAt(cable, offsetAt(cable.lines, params.position), ctx);
      if (!r) return null;
      const range = toRange(cable, r);
      const items: CompletionItem[] = r.items.map((i) => ({
        label: i.label,
        kind: completionKind(i.kind),
        detail: i.detail,
        documentation: i.documentation ? { kind: 'markdown', value: i.documentation } : undefined,
        sortText: i.sortText,
        preselect: i.preselect || undefined,
        filterText: i.kind === 'marking' ? i.label : undefined,
        textEdit: { range, newText: i.insertText ?? i.label },
        data: i.kind === 'tag' ? { tag: i.label, uri: params.textDocument.uri } : undefined,
      }));
      return { isIncomplete: false, items };
    }),
  );

  connection.onCompletionResolve(
    safe('completionItem/resolve', async (item: CompletionItem) => {
      const data = item.data as { tag?: string; uri?: string } | undefined;
      if (data?.tag && !item.documentation) {
        const extra = data.uri ? (await stateOf(data.uri))?.state.ctx.extraTags : undefined;
        item.documentation = { kind: 'markdown', value: tagDoc(data.tag, extra) };
      }
      return item;
    }),
  );

  connection.onDefinition(
    safe('definition', async (params) => {
      const s = await stateOf(params.textDocument.uri);
      if (!s) return null;
      const { cable } = s.state;
      const spans = definitionAt(cable, offsetAt(cable.lines, params.position));
      return spans.map((sp): Location => ({ uri: params.textDocument.uri, range: toRange(cable, sp) }));
    }),
  );

  function workspaceEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (canVersionEdits) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
    return { changes: { [doc.uri]: edits } };
  }

  function kindWanted(kind: string, only: string[] | undefined): boolean {
    return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  }

  connection.onCodeAction(
    safe('codeAction', async (params) => {
      const s = await stateOf(params.textDocument.uri);
      if (!s) return null;
      const { doc, state } = s;
      const { cable } = state;
      const findings: Finding[] = state.eff.ignored ? [] : store.findings(state);
      const from = offsetAt(cable.lines, params.range.start);
      const to = offsetAt(cable.lines, params.range.end);
      const only = params.context.only;
      const actions: CodeAction[] = [];
      if (kindWanted(CodeActionKind.QuickFix, only)) {
        for (const f of findings) {
          if (!f.fixes?.length || f.end < from || f.start > to) continue;
          const diagnostic = toDiagnostic(cable, f);
          for (const fix of f.fixes) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.preferred || undefined,
              edit: workspaceEdit(doc, toTextEdits(cable, fix.edits)),
            });
          }
        }
      }
      if (kindWanted(FIX_ALL_KIND, only) && fixAll(findings).length > 0) {
        const action: CodeAction = { title: 'Fix all auto-fixable cable problems', kind: FIX_ALL_KIND, data: { uri: doc.uri, version: doc.version } };
        // Fixing all takes a few parses; clients that can resolve get it when they pick the action.
        if (!canResolveEdits) action.edit = workspaceEdit(doc, toTextEdits(cable, fixAllEdits(state)));
        actions.push(action);
      }
      return actions;
    }),
  );

  connection.onCodeActionResolve(
    safe('codeAction/resolve', async (action: CodeAction) => {
      const data = action.data as { uri?: string; version?: number } | undefined;
      if (action.kind !== FIX_ALL_KIND || !data?.uri || action.edit) return action;
      const s = await stateOf(data.uri);
      if (!s) return action;
      action.edit = workspaceEdit(s.doc, toTextEdits(s.state.cable, fixAllEdits(s.state)));
      return action;
    }),
  );

  /** Every preferred fix, repeated on the fixed text while fixes remain, as edits on the current text. */
  function fixAllEdits(state: DocState): Edit[] {
    if (state.eff.ignored) return [];
    const text = state.cable.text;
    const check = (t: string) => (t === text ? store.findings(state) : lint(parse(t), state.eff.lint));
    return diffEdits(text, fixAllText(text, check).text);
  }

  connection.onExecuteCommand(
    safe('executeCommand', async (params) => {
      const uri = params.arguments?.[0];
      if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${params.command} needs the document URI as its argument`);
      const s = await stateOf(uri);
      if (!s) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open`);
      const { doc, state } = s;
      let edits: Edit[];
      if (params.command === RENUMBER_COMMAND) edits = renumberEdits(state.cable);
      else if (params.command === FIX_ALL_COMMAND) edits = fixAllEdits(state);
      else throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
      if (edits.length === 0) return { applied: false, edits: 0 };
      const r = await connection.workspace.applyEdit({ label: params.command === RENUMBER_COMMAND ? 'Renumber paragraphs' : 'Fix all', edit: workspaceEdit(doc, toTextEdits(state.cable, edits)) });
      return { applied: r.applied, edits: edits.length };
    }),
  );

  connection.onRequest(
    CLASSIFICATION_REQUEST,
    safe('classification', async (params: ClassificationParams): Promise<ClassificationResult | null> => {
      const s = await stateOf(params.textDocument.uri);
      if (!s) return null;
      const { cable } = s.state;
      if (!cable.level) return {};
      return { level: cable.level, name: LEVEL_NAME[cable.level], banner: cable.banner?.classText.text };
    }),
  );

  connection.onRequest(
    STATS_REQUEST,
    safe('stats', (): StatsResult => {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) gc();
      const m = process.memoryUsage();
      const docs: StatsResult['documents'] = {};
      for (const d of documents.all()) {
        const t = store.timing(d.uri);
        if (t) docs[d.uri] = t;
      }
      return { heapUsed: m.heapUsed, rss: m.rss, parses: store.parses, documents: docs };
    }),
  );

  documents.listen(connection);
  connection.listen();
}
