import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { errorReason } from './lint-file';

export const EXTENSIONS = /\.(cable|tel|txt)$/i;

export interface FoundFile {
  file: string;
  /** Named on the command line (checked whatever its extension). */
  explicit: boolean;
}


/**
 * Files under `path` in a stable order: the path itself, or a folder's cable
 * files, recursively, names sorted. Lazy, so that a huge archive is never
 * listed whole in memory. A link back to a folder being walked is not
 * followed (it would loop; its files are checked under the first path).
 * Each problem names its path.
 */
export function* filesOf(path: string, problems: (message: string) => void): Generator<FoundFile> {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    problems(`${path}: cannot be read (${errorReason(e)})`);
    return;
  }
  if (st.isFile()) {
    yield { file: path, explicit: true };
    return;
  }
  if (!st.isDirectory()) {
    problems(`${path}: not a file or folder; not checked`);
    return;
  }
  yield* walk(path, new Set(), problems);
}

function* walk(dir: string, seen: Set<string>, problems: (message: string) => void): Generator<FoundFile> {
  let real: string;
  let entries: Dirent[];
  try {
    real = realpathSync(dir);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems(`${dir}: folder cannot be read (${errorReason(e)})`);
    return;
  }
  if (seen.has(real)) return;
  seen.add(real); // the folders from the root down to here
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = entry.name;
    if (name === 'node_modules' || name === '.git') continue;
    const p = join(dir, name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const s = statSync(p);
        isDir = s.isDirectory();
        isFile = s.isFile();
      } catch (e) {
        if (EXTENSIONS.test(name)) problems(`${p}: cannot be read (${errorReason(e)})`); // a dangling link to a cable
        continue;
      }
    }
    if (isDir) yield* walk(p, seen, problems);
    else if (EXTENSIONS.test(name)) {
      if (isFile) yield { file: p, explicit: false };
      else problems(`${p}: not a regular file; not checked`);
    }
  }
  seen.delete(real);
}
