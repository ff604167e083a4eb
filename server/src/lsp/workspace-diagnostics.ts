import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ResultProgressReporter,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { parse } from '../parse/index';
import { lint } from '../rules/engine';
import { entryOf } from '../workspace/entry';
import { citedCables } from '../workspace/features';
import { normaliseUri } from '../workspace/uri';
import { toDiagnostic } from './convert';
import type { Feature } from './feature';
import {
  CheckWorkspaceRequest,
  LintFileRequest,
  WorkspaceCablesRequest,
  type CheckWorkspaceResult,
  type FileFinding,
  type LintFileParams,
  type WorkspaceCablesParams,
} from './protocol';
import type { Session } from './session';
import { effectiveSettings } from './settings';

// Problems for every cable of the workspace, not only the open ones. The user
// asks for them ("Cable: Check All Cables in Workspace", cable/checkWorkspace,
// or the cable.checkWorkspaceOnStartup setting). Clients that pull workspace
// diagnostics (VS Code) hold a workspace/diagnostic request open: it is
// answered with a report per cable, streamed as partial results, then again
// for the cables that change. Other clients get one publishDiagnostics per
// cable. Either way one cable is read, parsed and checked at a time (its text
// and parse are dropped after), the run yields to requests, shows progress
// and can be cancelled. Open cables keep their diagnostics from the editor's
// text (pushed as they are typed); the document pull answers for closed ones.

/** Reports streamed at a time as partial results of workspace/diagnostic. */
const CHUNK = 50;
/** Longest stretch of checking between two yields to other requests (ms). */
const SLICE_MS = 15;

// setImmediate (no 1 ms clamp; pending requests are read before it runs), where there is one.
const pause = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

interface Progress {
  report(percentage: number, message: string): void;
  done(): void;
}

/**
 * Runs `each` on the cables one at a time until the run is cancelled, yielding to other requests
 * every SLICE_MS and reporting progress; ends the progress. Returns how many cables were done.
 */
async function sliced(uris: string[], run: Run, progress: Progress | undefined, each: (uri: string) => Promise<void>): Promise<number> {
  let t = Date.now();
  let done = 0;
  for (const uri of uris) {
    if (run.cancelled) break;
    await each(uri);
    done++;
    if (Date.now() - t > SLICE_MS) {
      progress?.report(Math.floor((done * 100) / uris.length), `${done} of ${uris.length} cables`);
      await pause();
      t = Date.now();
    }
  }
  progress?.done();
  return done;
}

/** The diagnostics of a cable file as it is on disk (none when it is ignored or cannot be read). */
export async function checkOnDisk(session: Session, uri: string): Promise<Diagnostic[] | undefined> {
  const files = session.workspace.files;
  if (!files) return undefined;
  const text = await files.read(uri);
  if (text === undefined) return undefined;
  // Settings of the cable's folder (one workspace/configuration per folder, not per file).
  const folder = session.workspace.folders.find((f) => uri.startsWith(f + '/'));
  const eff = effectiveSettings(uri, await session.settings.raw(folder), session.settings.disk, session.settings.workspaceRoots);
  if (eff.ignored) return [];
  const cable = parse(text);
  const me = session.workspace.index.get(uri) ?? entryOf(uri, cable);
  return lint(cable, { ...eff.lint, cables: citedCables(session.workspace.index, me) }).map((f) =>
    toDiagnostic(cable, f, session.rulesDocument),
  );
}

/** cable/workspaceCables: the indexed cable files (under a folder), once the index is built. */
export async function workspaceCables(session: Session, params: WorkspaceCablesParams | undefined): Promise<{ uris: string[] }> {
  await session.workspace.built;
  const folder = typeof params?.folder === 'string' ? normaliseUri(params.folder).replace(/\/$/, '') + '/' : '';
  const uris = [...session.workspace.index.entries()].map((e) => e.uri).filter((u) => u.startsWith('file:') && u.startsWith(folder));
  return { uris: uris.sort() };
}

const SEVERITY_NAME: Record<number, FileFinding['severity']> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** cable/lintFile: a cable file's findings as on disk, 1-based as cable-lint prints them. */
export async function lintFile(session: Session, params: LintFileParams): Promise<{ findings: FileFinding[] } | null> {
  if (typeof params?.uri !== 'string') return null;
  const diagnostics = await checkOnDisk(session, normaliseUri(params.uri));
  if (!diagnostics) return null;
  return {
    findings: diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: SEVERITY_NAME[d.severity ?? 2] ?? 'warning',
      rule: String(d.code ?? ''),
      message: d.message,
    })),
  };
}

interface Run {
  cancelled: boolean;
}

export class WorkspaceChecker {
  /** The user asked for every cable's problems (the command, or the start-up setting). */
  active = false;
  /** Cables whose problems were pushed (push mode): they are cleared when they go. */
  private pushed = new Set<string>();
  /** Cables to report again (changed on disk, closed, or their cited cables changed). */
  private dirty = new Set<string>();
  /** Everything is to be reported again (a new run was asked for). */
  private all = false;
  /** A client's workspace/diagnostic request is waiting for something to report. */
  private wake: (() => void) | undefined;
  private pulling = 0;
  private run: Run | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
  ) {}

  /** The client pulls workspace diagnostics and has a request open. */
  get pullOpen(): boolean {
    return this.pulling > 0;
  }

  /** cable/checkWorkspace: reports every cable's problems, through the open pull or by push. */
  async checkAll(): Promise<CheckWorkspaceResult> {
    this.active = true;
    this.all = true;
    if (this.run) this.run.cancelled = true;
    await this.session.workspace.built;
    if (this.pullOpen) {
      this.wake?.();
      return { cables: this.session.workspace.index.size, mode: 'pull' };
    }
    const n = await this.pushAll();
    return { cables: n, mode: 'push' };
  }

  /** Cables changed on disk (or were closed): their problems, and those of the cables citing them, are reported again. */
  changed(uris: readonly string[]): void {
    if (!this.active) return;
    const index = this.session.workspace.index;
    for (const raw of uris) {
      const uri = normaliseUri(raw);
      this.dirty.add(uri);
      const e = index.get(uri);
      if (e) for (const c of index.citing(e)) this.dirty.add(c.entry.uri);
    }
    if (this.pullOpen) this.wake?.();
    else void this.pushDirty();
  }

  private uris(): string[] {
    const open = new Set(this.session.documents.all().map((d) => normaliseUri(d.uri)));
    return [...this.session.workspace.index.entries()]
      .map((e) => e.uri)
      .filter((u) => !open.has(u) && u.startsWith('file:'))
      .sort();
  }

  private async progress(title: string) {
    if (!this.session.capabilities.window?.workDoneProgress) return undefined;
    const p = await this.connection.window.createWorkDoneProgress();
    p.begin(title, 0, undefined, true);
    return p;
  }

  /** Pushes every closed cable's problems, one cable at a time. */
  private async pushAll(): Promise<number> {
    const run: Run = (this.run = { cancelled: false });
    this.all = false;
    this.dirty.clear();
    const uris = this.uris();
    const progress = await this.progress('Checking cables');
    progress?.token.onCancellationRequested(() => (run.cancelled = true));
    const done = await sliced(uris, run, progress, async (uri) => {
      const diagnostics = await checkOnDisk(this.session, uri).catch(() => undefined);
      if (diagnostics) {
        this.pushed.add(uri);
        await this.session.host.sendDiagnostics({ uri, diagnostics });
      }
    });
    if (this.run === run) this.run = undefined;
    return done;
  }

  private async pushDirty(): Promise<void> {
    const uris = [...this.dirty];
    this.dirty.clear();
    const open = new Set(this.session.documents.all().map((d) => normaliseUri(d.uri)));
    for (const uri of uris) {
      if (open.has(uri)) continue;
      const diagnostics = this.session.workspace.index.get(uri) ? await checkOnDisk(this.session, uri).catch(() => undefined) : undefined;
      if (diagnostics) {
        this.pushed.add(uri);
        await this.session.host.sendDiagnostics({ uri, diagnostics });
      } else if (this.pushed.delete(uri)) {
        await this.session.host.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }

  /**
   * workspace/diagnostic: waits until there is something to report (the user asked for a check, or
   * cables changed since the last answer), then streams a report per cable. Cancelled by the client
   * (it asks again later), it answers with what it has.
   */
  async pull(
    _params: WorkspaceDiagnosticParams,
    token: CancellationToken,
    results: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ): Promise<WorkspaceDiagnosticReport> {
    this.pulling++;
    try {
      while (!(this.active && (this.all || this.dirty.size > 0)) && !token.isCancellationRequested) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          token.onCancellationRequested(() => resolve());
        });
      }
      if (token.isCancellationRequested) return { items: [] };
      const run: Run = (this.run = { cancelled: false });
      token.onCancellationRequested(() => (run.cancelled = true));
      const full = this.all;
      this.all = false;
      await this.session.workspace.built;
      const uris = full ? this.uris() : [...this.dirty].sort();
      this.dirty.clear();
      const progress = full ? await this.progress('Checking cables') : undefined;
      progress?.token.onCancellationRequested(() => (run.cancelled = true));
      const held: WorkspaceDocumentDiagnosticReport[] = [];
      let chunk: WorkspaceDocumentDiagnosticReport[] = [];
      const open = new Set(this.session.documents.all().map((d) => normaliseUri(d.uri)));
      const closed = uris.filter((uri) => !open.has(uri));
      await sliced(closed, run, progress, async (uri) => {
        const items = this.session.workspace.index.get(uri) ? ((await checkOnDisk(this.session, uri).catch(() => undefined)) ?? []) : [];
        chunk.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items });
        if (chunk.length >= CHUNK) {
          if (results) results.report({ items: chunk });
          else held.push(...chunk);
          chunk = [];
        }
      });
      if (this.run === run) this.run = undefined;
      // With a partial-result token the last chunk is the answer; without, the answer holds all.
      return { items: [...held, ...chunk] };
    } finally {
      this.pulling--;
    }
  }

  /** textDocument/diagnostic: open cables are pushed (diagnostics.ts); a closed one is checked on disk when the user asked for every cable. */
  async document(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const uri = normaliseUri(params.textDocument.uri);
    const open = this.session.documents.get(params.textDocument.uri);
    const items =
      !open && this.active && this.session.workspace.index.get(uri)
        ? ((await checkOnDisk(this.session, uri).catch(() => undefined)) ?? [])
        : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }
}

/** Whether the client pulls diagnostics, workspace diagnostics included (VS Code). */
export function pullsWorkspaceDiagnostics(session: Session): boolean {
  const caps = session.capabilities;
  return !!caps.textDocument?.diagnostic && !!caps.workspace?.diagnostics;
}

export const workspaceDiagnosticsFeature: Feature = {
  name: 'workspace diagnostics',
  capabilities: (session) =>
    pullsWorkspaceDiagnostics(session)
      ? { diagnosticProvider: { identifier: 'cable', interFileDependencies: true, workspaceDiagnostics: true } }
      : {},
  register({ connection, documents, session }) {
    const checker = new WorkspaceChecker(connection, session);
    session.checker = checker;
    connection.onRequest(
      CheckWorkspaceRequest,
      session.guard('checkWorkspace', () => checker.checkAll()),
    );
    connection.onRequest(
      WorkspaceCablesRequest,
      session.guard('workspaceCables', (p: WorkspaceCablesParams) => workspaceCables(session, p)),
    );
    connection.onRequest(
      LintFileRequest,
      session.guard('lintFile', (p: LintFileParams) => lintFile(session, p)),
    );
    connection.languages.diagnostics.on(session.guard('textDocument/diagnostic', (p: DocumentDiagnosticParams) => checker.document(p)));
    connection.languages.diagnostics.onWorkspace((p, token, _work, results) =>
      session.guard('workspace/diagnostic', () => checker.pull(p, token, results))(p),
    );
    // A closed cable's problems come from the disk again (after diagnostics.ts cleared the editor's).
    documents.onDidClose((e) => checker.changed([e.document.uri]));
  },
  async initialized({ session }) {
    const s = (await session.settings.raw(session.workspace.folders[0])) as { checkWorkspaceOnStartup?: unknown };
    if (s.checkWorkspaceOnStartup === true) void session.checker?.checkAll();
  },
};
