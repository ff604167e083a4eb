import { cableStart } from '../parse/detect';
import { parse } from '../parse/index';
import type { CableIndex } from './cable-index';
import { entryOf } from './entry';
import { idFromFileName } from './reference-id';
import type { CableFiles } from './files';

// Builds the index in the background: files are listed, then read and parsed
// one by one, and the work yields to the event loop every few milliseconds so
// that requests are answered while it runs. Only the entry of each cable is
// kept; its text is dropped as soon as it is parsed.

export interface BuildOptions {
  /** Files and folders to leave out (`.cablelintrc.json` ignore, `files.exclude`). */
  skip(uri: string): boolean;
  /** Open documents: their entry comes from the editor's text, not the disk. */
  isOpen(uri: string): boolean;
  cancelled(): boolean;
  /** Called now and then with the files done and the files found. */
  progress?(done: number, total: number): void;
  /** Longest stretch of work between two yields (ms). */
  sliceMs?: number;
}

/**
 * Whether a file's text is a cable the index holds: `.cable` and `.tel` files always; a `.txt` when
 * archives name it by a reference id (`08BAKU146.txt`), else only when it starts like a cable, as the
 * editor decides when it opens one (parse/detect.ts): a shopping list is not indexed, nor checked by
 * "Check All Cables".
 */
export function isCableText(uri: string, text: string): boolean {
  return !/\.txt$/i.test(uri) || idFromFileName(uri) !== undefined || cableStart(text) !== undefined;
}

// setImmediate (no 1 ms clamp; pending requests are read before it runs), where there is one.
const pause = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Indexes the cables under the folders; returns the number of files indexed (or undefined when cancelled). */
export async function buildIndex(
  index: CableIndex,
  files: CableFiles,
  folders: readonly string[],
  options: BuildOptions,
): Promise<number | undefined> {
  const slice = options.sliceMs ?? 15;
  const uris: string[] = [];
  let t = Date.now();
  for (const folder of folders) {
    for await (const uri of files.list(folder, options.skip, options.cancelled)) {
      uris.push(uri);
      if (Date.now() - t > slice) {
        await pause();
        t = Date.now();
      }
    }
  }
  if (options.cancelled()) return undefined;
  options.progress?.(0, uris.length);
  let done = 0;
  for (const uri of uris) {
    if (options.cancelled()) return undefined;
    if (!options.isOpen(uri)) {
      const text = await files.read(uri);
      // A file that went away or became unreadable since the listing leaves the index.
      if (text === undefined || !isCableText(uri, text)) index.delete(uri);
      else if (!options.isOpen(uri)) index.set(entryOf(uri, parse(text)));
    }
    done++;
    if (Date.now() - t > slice) {
      options.progress?.(done, uris.length);
      await pause();
      t = Date.now();
    }
  }
  options.progress?.(done, uris.length);
  return done;
}
