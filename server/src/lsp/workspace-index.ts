import { isIgnored } from '../config';
import { globMatcher } from '../glob';
import type { Cable } from '../model';
import { parse } from '../parse/index';
import { buildIndex, isCableText } from '../workspace/build';
import { CableIndex } from '../workspace/cable-index';
import { entryOf, type IndexEntry } from '../workspace/entry';
import type { CableFiles } from '../workspace/files';
import { isCableFileName, normaliseUri } from '../workspace/uri';
import type { Session } from './session';
import { uriToPath } from './settings';

// The server's index of the cables in the workspace folders. It is built in
// the background (buildIndex yields between slices, so requests are answered
// while it runs), kept current by watched-file events and by the open
// documents (whose entry comes from the editor's text), and leaves out what
// `files.exclude` and `.cablelintrc.json` `ignore` leave out. It holds entries,
// never cable text.

/** What a build reports to the user (window/workDoneProgress in the server). */
export interface BuildReporter {
  report(done: number, total: number): void;
  cancelled(): boolean;
}

export type FileChange = { uri: string; deleted: boolean };

/** Quiet time after the last index change before open cables are checked again and lenses refreshed. */
const SETTLE_MS = 150;
/** Quiet time after an edit before an open cable's entry is taken from its text. */
const EDIT_MS = 250;

export class WorkspaceIndexer {
  readonly index = new CableIndex();
  /** The disk; none in a web worker (the index then holds the open documents alone). */
  files: CableFiles | undefined;
  /** The workspace folders, as normalised file uris. */
  folders: string[] = [];
  /** True while a build runs. */
  building = false;
  /** Resolves when the current build ends; until the first build (after `initialized`) has ended, it waits for that. */
  built: Promise<void>;
  private firstBuilt!: () => void;
  /** Called once the index settled after changes (open cables are checked again, lenses refreshed). */
  onSettled: (() => void) | undefined;
  /** files.exclude of each folder, as matchers of paths relative to it. */
  private excludes = new Map<string, (rel: string) => boolean>();
  private generation = 0;
  private open = new Set<string>();
  private editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private current = new WeakMap<Cable, IndexEntry>();

  constructor(private readonly session: Session) {
    this.built = new Promise((resolve) => (this.firstBuilt = resolve));
  }

  setFolders(folders: readonly { uri: string }[] | null | undefined, rootUri: string | null | undefined): void {
    const uris = (folders ?? []).map((f) => f.uri);
    if (uris.length === 0 && rootUri) uris.push(rootUri);
    this.folders = uris.map((u) => normaliseUri(u).replace(/\/$/, ''));
  }

  /** `files.exclude` of each folder (VS Code's setting: glob -> true, or a `when` clause, which is not followed). */
  setExcludes(folder: string, exclude: unknown): void {
    const globs =
      exclude && typeof exclude === 'object'
        ? Object.entries(exclude as Record<string, unknown>)
            .filter(([, v]) => v === true)
            .map(([g]) => g)
        : [];
    const matchers = globs.map((g) => {
      const m = globMatcher(g.replace(/^\.\//, ''));
      return g.includes('/') ? m : (rel: string) => m(rel) || m(rel.slice(rel.lastIndexOf('/') + 1));
    });
    this.excludes.set(normaliseUri(folder).replace(/\/$/, ''), (rel) => matchers.some((m) => m(rel)));
  }

  /** Whether the index leaves this file or folder out: files.exclude, or the `ignore` of its .cablelintrc.json. */
  skip(uri: string): boolean {
    for (const [folder, excluded] of this.excludes) {
      if (uri.startsWith(folder + '/') && excluded(decodeURIComponentSafe(uri.slice(folder.length + 1)))) return true;
    }
    const path = uriToPath(uri);
    return !!path && isIgnored(this.session.settings.disk.configFor(path), path);
  }

  /** Whether a uri is a cable file the index should hold (in a folder, a cable's name, not left out). */
  wants(uri: string): boolean {
    return isCableFileName(uri) && this.folders.some((f) => uri.startsWith(f + '/')) && !this.skip(uri);
  }

  /** (Re)builds the index from the disk; a build already running is cancelled. Resolves to the files indexed, or undefined when cancelled. */
  build(reporter?: BuildReporter): Promise<number | undefined> {
    const gen = ++this.generation;
    const files = this.files;
    this.building = true;
    const run = (async () => {
      if (!files || this.folders.length === 0) return 0;
      // Entries of files no longer in the folders (or now excluded) go: the build sets the others again.
      for (const e of [...this.index.entries()]) if (!this.open.has(e.uri) && !this.wants(e.uri)) this.index.delete(e.uri);
      return buildIndex(this.index, files, this.folders, {
        skip: (u) => this.skip(u),
        isOpen: (u) => this.open.has(u),
        cancelled: () => gen !== this.generation || !!reporter?.cancelled(),
        progress: (done, total) => reporter?.report(done, total),
      });
    })();
    const end = run.finally(() => {
      if (gen === this.generation) this.building = false;
      this.changed();
    });
    const settled = end.then(
      () => undefined,
      () => undefined,
    );
    void settled.then(this.firstBuilt);
    this.built = settled;
    return end;
  }

  /** Stops a running build (the entries read so far stay). */
  cancel(): void {
    this.generation++;
    this.building = false;
  }

  /** An open document's text is the truth for its entry. */
  opened(uri: string): void {
    this.open.add(normaliseUri(uri));
    this.edited(uri);
  }

  /** The document changed: its entry is taken from its text once the edits pause. */
  edited(uri: string): void {
    const key = normaliseUri(uri);
    const t = this.editTimers.get(key);
    if (t) clearTimeout(t);
    this.editTimers.set(
      key,
      setTimeout(() => {
        this.editTimers.delete(key);
        void this.fromEditor(uri);
      }, EDIT_MS),
    );
  }

  /** The document was closed: its entry comes from the disk again (or goes, for an unsaved or outside one). */
  closed(uri: string): void {
    const key = normaliseUri(uri);
    this.open.delete(key);
    const t = this.editTimers.get(key);
    if (t) clearTimeout(t);
    this.editTimers.delete(key);
    this.filesChanged([{ uri: key, deleted: false }]);
  }

  /** The entry of an open document's current parse (a request needs it before the edits paused). */
  currentEntry(uri: string, cable: Cable): IndexEntry {
    let e = this.current.get(cable);
    if (!e) this.current.set(cable, (e = entryOf(normaliseUri(uri), cable)));
    return e;
  }

  private async entryOfOpen(uri: string): Promise<IndexEntry | undefined> {
    const s = await this.session.stateOf(uri);
    return s && this.currentEntry(uri, s.state.cable);
  }

  private async fromEditor(uri: string): Promise<void> {
    const e = await this.entryOfOpen(uri).catch(() => undefined);
    if (!e || !this.open.has(e.uri)) return;
    this.index.set(e);
    this.changed();
  }

  /** workspace/didChangeWatchedFiles: cable files created, changed or deleted on disk. Handled in order, one file at a time. */
  filesChanged(changes: readonly FileChange[]): Promise<void> {
    const work = async () => {
      let any = false;
      for (const c of changes) {
        const uri = normaliseUri(c.uri);
        if (this.open.has(uri)) continue; // the editor's text wins
        if (c.deleted || !this.files || !this.wants(uri)) {
          if (this.index.get(uri)) {
            this.index.delete(uri);
            any = true;
          }
          continue;
        }
        const text = await this.files.read(uri);
        if (this.open.has(uri)) continue;
        if (text === undefined || !isCableText(uri, text)) this.index.delete(uri);
        else this.index.set(entryOf(uri, parse(text)));
        any = true;
      }
      if (any) this.changed();
    };
    this.queue = this.queue.then(work, work);
    return this.queue;
  }

  /** The index changed: once it settles, whoever listens is told (open cables rechecked, lenses refreshed). */
  private changed(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.onSettled?.();
    }, SETTLE_MS);
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
