import {
  SymbolKind,
  type Connection,
  type FileEvent,
  type Location,
  type ReferenceParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { touches } from '../features/context';
import type { Cable } from '../model';
import { offsetAt } from '../positions';
import type { IndexEntry } from '../workspace/entry';
import { citedCables, citedHover, citesAt, resolveCites, searchCables } from '../workspace/features';
import { isCableFileName } from '../workspace/uri';
import type { Feature } from './feature';
import type { Session } from './session';

// The workspace as one archive: the index's lifecycle in the server (built in
// the background with progress, kept current by watched files and open
// documents), Find All References (who cites this cable), workspace symbols,
// and the cited cable for Go to Definition and Hover (document-features.ts).

/** Where a cable "is" for a Location: its banner, else its first line. */
export function locationOf(e: IndexEntry): Location {
  return { uri: e.uri, range: e.anchor };
}

/** The workspace cables the REF item (or `ref a` / `reftel`) under the offset cites. */
export function citedAt(session: Session, uri: string, cable: Cable, offset: number): IndexEntry[] {
  const cites = citesAt(cable, offset);
  if (cites.length === 0) return [];
  const me = session.workspace.currentEntry(uri, cable);
  return resolveCites(session.workspace.index, me, cites);
}

/** Markdown describing the cited cables under the offset, with the REF item's span. */
export function citedHoverAt(
  session: Session,
  uri: string,
  cable: Cable,
  offset: number,
): { start: number; end: number; markdown: string } | undefined {
  const h = citedHover(session.workspace.index, session.workspace.currentEntry(uri, cable), cable, offset);
  return h && { start: h.span.start, end: h.span.end, markdown: h.markdown };
}

/** The cables whose citers are wanted at the offset: this cable from its banner, the cited ones from a REF item. */
export function referenceTargets(session: Session, uri: string, cable: Cable, offset: number): IndexEntry[] {
  if (touches(cable.banner, offset)) {
    const me = session.workspace.currentEntry(uri, cable);
    return me.id ? [me] : [];
  }
  return citedAt(session, uri, cable, offset);
}

/** textDocument/references: the REF items of the workspace's cables that cite the cable (banner) or the cited cable (REF item). */
export async function references(session: Session, params: ReferenceParams): Promise<Location[] | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const { cable } = s.state;
  const targets = referenceTargets(session, params.textDocument.uri, cable, offsetAt(cable.lines, params.position));
  const out: Location[] = [];
  for (const t of targets) {
    if (params.context?.includeDeclaration) out.push(locationOf(t));
    for (const c of session.workspace.index.citing(t)) out.push({ uri: c.entry.uri, range: c.ref.range });
  }
  return out;
}

/** workspace/symbol: cables by reference id, subject words and tag. */
export function workspaceSymbols(session: Session, params: WorkspaceSymbolParams): SymbolInformation[] {
  return searchCables(session.workspace.index, params.query ?? '').map(({ entry, name }) => ({
    name: entry.subject ? `${name}: ${entry.subject}` : name,
    kind: SymbolKind.File,
    location: locationOf(entry),
    // VS Code matches the query against the name and then the container: the tags go there.
    containerName: entry.tags.length ? `TAGS ${entry.tags.join(' ')}` : undefined,
  }));
}

/** Builds the index, with a progress report the user can cancel when the client shows progress. */
export async function buildWithProgress(connection: Connection, session: Session): Promise<number | undefined> {
  const ws = session.workspace;
  if (!ws.files || ws.folders.length === 0) return ws.build(); // nothing to read: the index holds the open documents
  const progress = session.capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
  let cancelled = false;
  progress?.begin('Indexing cables', 0, 'listing the files', true);
  progress?.token.onCancellationRequested(() => (cancelled = true));
  let last = 0;
  const n = await ws.build({
    report(done, total) {
      const now = Date.now();
      if (now - last < 200 && done < total) return;
      last = now;
      progress?.report(total ? Math.floor((done * 100) / total) : 0, `${done} of ${total} cables`);
    },
    cancelled: () => cancelled,
  });
  progress?.done();
  session.host.log(n === undefined ? 'cable index: cancelled' : `cable index: ${ws.index.size} cables`);
  return n;
}

/** Loads files.exclude of each folder (clients that answer workspace/configuration). */
async function loadExcludes(connection: Connection, session: Session): Promise<void> {
  if (!session.client.pullConfiguration) return;
  for (const folder of session.workspace.folders) {
    try {
      const [exclude] = (await connection.workspace.getConfiguration([{ scopeUri: folder, section: 'files.exclude' }])) as unknown[];
      session.workspace.setExcludes(folder, exclude);
    } catch (e) {
      session.host.error(`files.exclude of ${folder}: ${(e as Error).message}`);
    }
  }
}

/** workspace/didChangeWatchedFiles for the index: cable files update their entry; a config file may change what is ignored. */
export function indexFilesChanged(connection: Connection, session: Session, changes: readonly FileEvent[]): void {
  if (changes.some((c) => c.uri.endsWith('/.cablelintrc.json'))) {
    void buildWithProgress(connection, session);
    return;
  }
  const cables = changes.filter((c) => isCableFileName(c.uri));
  if (cables.length === 0) return;
  // Once the index has them, the workspace problems of these cables (and of those citing them) follow.
  void session.workspace
    .filesChanged(cables.map((c) => ({ uri: c.uri, deleted: c.type === 3 })))
    .then(() => session.checker?.changed(cables.map((c) => c.uri)));
}

/** What the index says of the cables an open cable cites (ids and dates): its findings change only when this does. */
function citedSignature(session: Session, uri: string, cable: Cable): string {
  const cited = citedCables(session.workspace.index, session.workspace.currentEntry(uri, cable));
  const out: string[] = [];
  for (const item of cable.refs?.items ?? [])
    for (const cite of item.cites ?? [])
      for (const c of cited.cited(cite)) out.push(`${c.id}@${c.date ? `${c.date.year}-${c.date.month}-${c.date.day}` : c.year}`);
  return out.join(' ');
}

const signatures = new WeakMap<Session, Map<string, string>>();

/** The index settled: open cables whose cited cables changed are checked again (ref-cited-later), lenses refreshed. */
async function indexSettled(connection: Connection, session: Session): Promise<void> {
  let seen = signatures.get(session);
  if (!seen) signatures.set(session, (seen = new Map()));
  for (const d of session.documents.all()) {
    const s = await session.stateOf(d.uri);
    if (!s) continue;
    const sig = citedSignature(session, d.uri, s.state.cable);
    if (sig === (seen.get(d.uri) ?? '')) continue;
    seen.set(d.uri, sig);
    s.state.findings = undefined;
    session.diagnostics.schedule(d.uri);
  }
  if (session.capabilities.workspace?.codeLens?.refreshSupport)
    void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

export const workspaceFeature: Feature = {
  name: 'workspace index',
  capabilities: () => ({ referencesProvider: true, workspaceSymbolProvider: true }),
  register({ connection, documents, session }) {
    documents.onDidOpen((e) => session.workspace.opened(e.document.uri));
    documents.onDidChangeContent((e) => session.workspace.edited(e.document.uri));
    documents.onDidClose((e) => {
      session.workspace.closed(e.document.uri);
      signatures.get(session)?.delete(e.document.uri);
    });
    connection.onReferences(session.guard('references', (p: ReferenceParams) => references(session, p)));
    connection.onWorkspaceSymbol(session.guard('workspace/symbol', (p: WorkspaceSymbolParams) => workspaceSymbols(session, p)));
    session.workspace.onSettled = () =>
      void indexSettled(connection, session).catch((e) => session.host.error(`cable index: ${(e as Error)?.stack ?? String(e)}`));
  },
  async initialized({ connection, session }) {
    await loadExcludes(connection, session);
    void buildWithProgress(connection, session).catch((e) => session.host.error(`cable index: ${(e as Error)?.stack ?? String(e)}`));
  },
};
