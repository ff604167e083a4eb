import { isUtf8 } from 'node:buffer';

// File names are bytes. A name that is valid UTF-8 is handled as a string; any
// other (a Latin-1 name copied from an old system) keeps its bytes as a Buffer,
// so that the file can still be opened, and is printed with the bad bytes
// escaped (`bad\xff.cable`).

export type FsPath = string | Buffer;

/** A name read from a folder listing: a string when it is valid UTF-8, else its bytes. */
export function nameOf(bytes: Buffer): FsPath {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes;
}

/** `dir` + '/' + `name`, keeping bytes when either is not UTF-8. */
export function joinPath(dir: FsPath, name: FsPath): FsPath {
  if (typeof dir === 'string' && typeof name === 'string') return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
  const d = Buffer.from(dir);
  const parts = [d];
  if (d.length === 0 || d[d.length - 1] !== 0x2f) parts.push(Buffer.from('/'));
  parts.push(Buffer.from(name));
  return Buffer.concat(parts);
}

// C0 controls, DEL and C1 controls would break the one-line output.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const hex = (b: number) => '\\x' + b.toString(16).padStart(2, '0');

/** The path for messages and output: valid UTF-8 as is, other bytes and control characters as \xNN. */
export function displayPath(p: FsPath): string {
  if (typeof p === 'string') return p.replace(CONTROL, (c) => hex(c.charCodeAt(0)));
  let out = '';
  let i = 0;
  while (i < p.length) {
    const n = sequenceLength(p, i);
    if (n === 0) out += hex(p[i++]);
    else {
      out += p.toString('utf8', i, i + n).replace(CONTROL, (c) => hex(c.charCodeAt(0)));
      i += n;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one. */
function sequenceLength(b: Buffer, i: number): number {
  const c = b[i];
  let n: number;
  if (c < 0x80) return 1;
  else if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) n = 3;
  else if (c >= 0xf0 && c <= 0xf4) n = 4;
  else return 0;
  if (i + n > b.length) return 0;
  return isUtf8(b.subarray(i, i + n)) ? n : 0;
}
