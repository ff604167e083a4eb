import { chownSync, closeSync, constants, fstatSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { accessSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fixAllText, lineHunks, linesOf } from '../features/fixall';
import type { Finding } from '../rules/types';
import type { FsPath } from './names';

// --fix: the preferred fix of every finding (the ones a client may apply
// without asking), applied, re-parsed and applied again until nothing is left
// to fix (at most MAX_PASSES). The file is written back as it was read: the
// same encoding (UTF-8 or Latin-1), the BOM if it had one, its own line ends
// (fixes use the cable's own line break) and its mode, through a temporary
// file in the same folder and a rename, so a reader never sees half a file.

export const MAX_PASSES = 10;

/** How a file's bytes were read, so that they are written back the same way. */
export interface Encoding {
  name: 'utf-8' | 'latin1';
  bom: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

/**
 * Decodes a file's bytes: UTF-8 when valid, otherwise Latin-1 (older copies
 * of cables are Latin-1), so that no byte is lost or replaced; a UTF-8 BOM is
 * taken off (and remembered). Undefined for binary data (NUL bytes).
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } | undefined {
  if (bytes.indexOf(0) !== -1) return undefined;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: utf8.decode(bom ? bytes.subarray(3) : bytes), encoding: { name: 'utf-8', bom } };
  } catch {
    return { text: latin1.decode(bytes), encoding: { name: 'latin1', bom: false } };
  }
}

/** The text in the file's encoding; undefined when Latin-1 cannot hold a character of it. */
export function encodeText(text: string, encoding: Encoding): Buffer | undefined {
  if (encoding.name === 'latin1') {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return undefined;
    return Buffer.from(text, 'latin1');
  }
  const body = Buffer.from(text, 'utf8');
  return encoding.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export interface Fixed {
  text: string;
  passes: number;
  /** Findings fewer after fixing, by rule (what --fix reports per file). */
  fixedByRule: Map<string, number>;
}

/** Applies the preferred fixes until none is left (bounded); `check` parses and lints a text. */
export function fixText(text: string, check: (text: string) => readonly Finding[]): Fixed {
  const before = countByRule(check(text));
  const { text: fixed, passes } = fixAllText(text, check, MAX_PASSES);
  const fixedByRule = new Map<string, number>();
  if (fixed !== text) {
    const after = countByRule(check(fixed));
    for (const [rule, n] of before) {
      const fewer = n - (after.get(rule) ?? 0);
      if (fewer > 0) fixedByRule.set(rule, fewer);
    }
  }
  return { text: fixed, passes, fixedByRule };
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
}

/**
 * Replaces a file's contents atomically, keeping its mode (and owner, when
 * allowed). A file with no write permission is refused, not replaced (a rename
 * over it would succeed, and as root so would the permission check). Returns
 * why it was not written, or undefined.
 */
export function writeFileAtomic(path: FsPath, bytes: Uint8Array): string | undefined {
  let real: string;
  try {
    // A link is followed: the file it leads to is replaced, the link stays.
    real = realpathSync.native(path, { encoding: 'buffer' }).toString('latin1');
  } catch (e) {
    return `cannot be fixed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  const target = Buffer.from(real, 'latin1');
  let mode: number;
  let uid: number;
  let gid: number;
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const st = fstatSync(fd);
      [mode, uid, gid] = [st.mode & 0o7777, st.uid, st.gid];
    } finally {
      closeSync(fd);
    }
    if ((mode & 0o222) === 0) return 'is read-only; not fixed (the file is unchanged)';
    accessSync(target, constants.W_OK);
  } catch (e) {
    return `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); not fixed (the file is unchanged)`;
  }
  const dir = dirname(real);
  const temp = Buffer.from(
    join(dir, `.${basename(real)}.cable-lint-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`),
    'latin1',
  );
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  } catch (e) {
    return `cannot be fixed: no temporary file can be made beside it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the file is unchanged`;
  }
  try {
    try {
      let n = 0;
      while (n < bytes.length) n += writeSync(fd, bytes, n, bytes.length - n);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      chownSync(temp, uid, gid);
    } catch {
      // Only root may give a file away; the owner is then the one running cable-lint.
    }
    renameSync(temp, target);
    return undefined;
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    return `cannot be fixed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the file is unchanged`;
  }
}

const CONTEXT = 3;

/** A unified diff (`--- a/FILE`, `+++ b/FILE`, hunks with 3 lines of context), as `git apply` and `patch -p1` read it. */
export function unifiedDiff(file: string, a: string, b: string): string {
  if (a === b) return '';
  const la = linesOf(a);
  const lb = linesOf(b);
  const hunks = lineHunks(la, lb, Math.max(la.length, lb.length) + 1)!;
  // Lines keep their own ends (a CRLF file's diff applies to it); a last line without one is marked.
  const line = (prefix: string, l: string) =>
    prefix + (l.endsWith('\n') ? l : l.endsWith('\r') ? l + '\n' : l + '\n\\ No newline at end of file\n');
  let out = `--- a/${file}\n+++ b/${file}\n`;
  // Hunks closer than twice the context are printed as one.
  for (let h = 0; h < hunks.length;) {
    let last = h;
    while (last + 1 < hunks.length && hunks[last + 1].a0 - hunks[last].a1 <= 2 * CONTEXT) last++;
    const a0 = Math.max(0, hunks[h].a0 - CONTEXT);
    const a1 = Math.min(la.length, hunks[last].a1 + CONTEXT);
    const b0 = hunks[h].b0 - (hunks[h].a0 - a0);
    const b1 = hunks[last].b1 + (a1 - hunks[last].a1);
    const range = (start: number, count: number) => (count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`);
    out += `@@ -${range(a0, a1 - a0)} +${range(b0, b1 - b0)} @@\n`;
    let i = a0;
    for (let k = h; k <= last; k++) {
      for (; i < hunks[k].a0; i++) out += line(' ', la[i]);
      for (let x = hunks[k].a0; x < hunks[k].a1; x++) out += line('-', la[x]);
      for (let y = hunks[k].b0; y < hunks[k].b1; y++) out += line('+', lb[y]);
      i = hunks[k].a1;
    }
    for (; i < a1; i++) out += line(' ', la[i]);
    h = last + 1;
  }
  return out;
}
