import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { errorReason } from './lint-file';
import { displayPath, joinPath, nameOf, type FsPath } from './names';

export const EXTENSIONS = /\.(cable|tel|txt)$/i;

export interface FoundFile {
  /** The path as printed (bytes that are not UTF-8 escaped). */
  file: string;
  /** The path to open, when it differs from `file` (a name that is not UTF-8). */
  path?: FsPath;
  /** Named on the command line (checked whatever its extension). */
  explicit: boolean;
}

export interface WalkOptions {
  /** Follow symbolic links that lead out of the folders named on the command line. */
  followSymlinks: boolean;
  /** Something that could not be checked (the run ends with status 2). */
  problem: (message: string) => void;
  /** A link that was not followed, by design (reported once; the status is not changed). */
  skipped: (message: string) => void;
}

// The folder rule: every folder is listed under its real path, and no real
// path (folder or file) is visited twice in a run, so a link loop or a diamond
// of links checks each cable once. A link that leads out of the folders named
// on the command line is not followed (a link to / would walk the whole
// machine) unless --follow-symlinks is given. Each link not followed is
// reported once, with where it leads. Real paths are worked out from the
// named folder's real path and the names below it; only links cost a
// realpath call (one per folder made 2,000-deep trees quadratic).

interface Frame {
  dir: FsPath;
  /** Real path of `dir`, one character per byte (Latin-1), so that any name is a key. */
  real: string;
  entries: Dirent<Buffer>[];
  next: number;
}

/** Files under the paths, in a stable order (names sorted by bytes). Lazy: a huge archive is never listed whole. */
export function* walkPaths(paths: readonly string[], options: WalkOptions): Generator<FoundFile> {
  const visited = new Set<string>(); // real paths of the folders and files seen
  const roots: string[] = [];
  const kinds = new Map<string, Stats | Error>();
  for (const p of paths) {
    let st: Stats | Error;
    try {
      st = statSync(p);
      if (st.isDirectory()) roots.push(realKey(p));
    } catch (e) {
      st = e as Error;
    }
    kinds.set(p, st);
  }
  const inside = (real: string) => roots.some((r) => real === r || real.startsWith(r.endsWith('/') ? r : r + '/'));

  for (const p of paths) {
    const st = kinds.get(p)!;
    if (st instanceof Error) {
      options.problem(`${displayPath(p)}: cannot be read (${errorReason(st)})`);
      continue;
    }
    if (st.isFile()) {
      const real = realKeyOrNull(p);
      if (real !== null && visited.has(real)) continue; // named twice, or inside a folder already walked
      if (real !== null) visited.add(real);
      yield { file: displayPath(p), explicit: true };
      continue;
    }
    if (!st.isDirectory()) {
      options.problem(`${displayPath(p)}: not a file or folder; not checked`);
      continue;
    }
    yield* walkFolder(p, realKey(p));
  }

  function* walkFolder(top: string, topReal: string): Generator<FoundFile> {
    if (visited.has(topReal)) return; // named twice, or inside a folder named before
    visited.add(topReal);
    const stack: Frame[] = [];
    const open = (dir: FsPath, real: string) => {
      try {
        const entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
        entries.sort((a, b) => Buffer.compare(a.name, b.name));
        stack.push({ dir, real, entries, next: 0 });
      } catch (e) {
        options.problem(`${displayPath(dir)}: folder cannot be read (${errorReason(e)})`);
      }
    };
    open(top, topReal);
    while (stack.length) {
      const frame = stack[stack.length - 1];
      if (frame.next >= frame.entries.length) {
        stack.pop();
        continue;
      }
      const entry = frame.entries[frame.next++];
      const raw = entry.name.toString('latin1');
      if (raw === 'node_modules' || raw === '.git') continue;
      const name = nameOf(entry.name);
      const path = joinPath(frame.dir, name);
      const isCable = EXTENSIONS.test(raw);
      let real = frame.real.endsWith('/') ? frame.real + raw : `${frame.real}/${raw}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let st: Stats;
        try {
          real = realKey(path);
          st = statSync(path);
        } catch (e) {
          if (isCable) options.problem(`${displayPath(path)}: cannot be read (${errorReason(e)})`); // a dangling link to a cable
          continue;
        }
        isDir = st.isDirectory();
        isFile = st.isFile();
        if (!isDir && !isCable) continue; // not a cable: nothing to say
        const target = displayPath(Buffer.from(real, 'latin1'));
        if (!options.followSymlinks && !inside(real)) {
          options.skipped(
            `${displayPath(path)}: a link out of the folders named (to ${target}); not followed (--follow-symlinks follows it)`,
          );
          continue;
        }
        if (visited.has(real)) {
          options.skipped(`${displayPath(path)}: a link to ${isDir ? 'a folder' : 'a file'} already checked (${target}); not followed`);
          continue;
        }
      } else if (isDir && visited.has(real)) {
        continue; // reached before through a link (that visit checked it)
      }
      if (isDir) {
        visited.add(real);
        open(path, real);
      } else if (isCable) {
        if (!isFile) {
          options.problem(`${displayPath(path)}: not a regular file; not checked`);
          continue;
        }
        if (visited.has(real)) continue; // checked through a link before
        visited.add(real);
        const file = displayPath(path);
        yield typeof path === 'string' && file === path ? { file, explicit: false } : { file, path, explicit: false };
      }
    }
  }
}

/** The real path, one character per byte. */
function realKey(p: FsPath): string {
  return realpathSync.native(p, { encoding: 'buffer' }).toString('latin1');
}

function realKeyOrNull(p: FsPath): string | null {
  try {
    return realKey(p);
  } catch {
    return null;
  }
}
