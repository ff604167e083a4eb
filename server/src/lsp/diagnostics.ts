import { TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver';
import { toDiagnostic } from './convert';
import type { Feature } from './feature';
import type { Session } from './session';

// Diagnostics: when a document is checked after an edit, and what is sent.

/** Longest wait between an edit and its diagnostics, so that a burst of edits is checked once. */
export const MAX_DEBOUNCE_MS = 50;

/**
 * How long to wait before checking a document. An edit after a quiet spell is
 * checked at once (the timer only lets edits already received join in); edits
 * that follow a check closely wait until half its duration has passed since it
 * ended (at most MAX_DEBOUNCE_MS), so that typing into a large cable leaves the
 * server time for hovers and other requests.
 */
export function debounceDelay(lastDuration: number | undefined, lastEnd: number | undefined, now: number): number {
  const wanted = Math.min(MAX_DEBOUNCE_MS, (lastDuration ?? 0) / 2);
  const since = now - (lastEnd ?? -Infinity);
  return Math.max(0, Math.round(wanted - since));
}

/** The diagnostics of a document's current version (none when `ignore`d by the config file). */
export async function diagnosticsOf(session: Session, uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> {
  const s = await session.stateOf(uri);
  if (!s) return undefined;
  const { doc, state } = s;
  const findings = state.eff.ignored ? [] : session.store.findings(state);
  return { version: doc.version, diagnostics: findings.map((f) => toDiagnostic(state.cable, f, session.rulesDocument)) };
}

export class DiagnosticsScheduler {
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Last check of each document: how long it took and when it ended (performance.now()). */
  private lastDuration = new Map<string, number>();
  private lastEnd = new Map<string, number>();

  constructor(private readonly session: Session) {}

  /** Checks a document soon (see debounceDelay). */
  schedule(uri: string): void {
    if (this.timers.has(uri)) return; // already due: that run will see this version
    const delay = debounceDelay(this.lastDuration.get(uri), this.lastEnd.get(uri), performance.now());
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  /** Checks every open document (the settings or a config file changed). */
  scheduleAll(): void {
    for (const d of this.session.documents.all()) this.schedule(d.uri);
  }

  /** Checks a document now and publishes its diagnostics. */
  async validate(uri: string): Promise<void> {
    try {
      const t0 = performance.now();
      const r = await diagnosticsOf(this.session, uri);
      if (!r) return;
      const t1 = performance.now();
      this.lastDuration.set(uri, t1 - t0);
      this.lastEnd.set(uri, t1);
      await this.session.host.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
    } catch (e) {
      this.session.host.error(`checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  /** A document was opened: its first check is not slowed by a previous life. */
  opened(uri: string): void {
    this.lastDuration.delete(uri);
  }

  /** A document was closed: nothing more is due for it and its diagnostics are cleared. */
  closed(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.lastDuration.delete(uri);
    this.lastEnd.delete(uri);
    void this.session.host.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/** Document sync and the checks it triggers. TextDocuments reports an open as a content change too: one check per open or edit. */
export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  capabilities: () => ({ textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } }),
  register({ documents, session }) {
    documents.onDidOpen((e) => session.diagnostics.opened(e.document.uri));
    documents.onDidChangeContent((e) => session.diagnostics.schedule(e.document.uri));
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      session.store.delete(uri);
      session.settings.forget(uri);
      session.diagnostics.closed(uri);
    });
  },
};
