import type { Artifact, Line, Token } from '../model';

/** Splits text into lines on LF, CRLF or CR, keeping exact offsets. */
export function splitLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  let start = from;
  const len = text.length;
  // indexOf scans far faster than a charCodeAt loop. The next CR and LF are
  // looked up again only once passed: LF-only text is searched for CR once,
  // CR-only text for LF once (searching each line again would be quadratic).
  let cr = text.indexOf('\r', from);
  let lf = text.indexOf('\n', from);
  for (;;) {
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    const i = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    if (i === -1) break;
    lines.push({ n: lines.length, start, end: i, text: text.slice(start, i) });
    start = i === cr && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  lines.push({ n: lines.length, start, end: len, text: text.slice(start, len) });
  return lines;
}

export function token(text: string, start: number, end: number): Token {
  return { start, end, text: text.slice(start, end) };
}

/** Index of the first non-space, non-tab character at or after `i` within [i, end). */
export function skipSpace(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    // U+2028/U+2029 are not line breaks for LSP; some copies leave them at line starts.
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x2028 && c !== 0x2029) break;
    i++;
  }
  return i;
}

/** End of the content with trailing white space removed. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x2028 && c !== 0x2029) break;
    end--;
  }
  return end;
}

export function isBlank(line: Line): boolean {
  return line.text.trim().length === 0;
}

const ANCHOR = /^\[\d{1,3}\]\(#\)/;

/**
 * Skips web-copy artifacts at the start of a line (`[1](#)`, `¶`), recording
 * them, and returns the offset of the content after them and any indent.
 */
export function contentStart(text: string, line: Line, artifacts: Artifact[] | undefined): number {
  let i = skipSpace(text, line.start, line.end);
  for (;;) {
    if (text.charCodeAt(i) === 0xb6) {
      artifacts?.push(Object.assign(token(text, i, i + 1), { kind: 'pilcrow' as const }));
      i = skipSpace(text, i + 1, line.end);
      continue;
    }
    if (text.charCodeAt(i) === 91 /* [ */) {
      const m = ANCHOR.exec(text.slice(i, Math.min(i + 10, line.end)));
      if (m) {
        artifacts?.push(Object.assign(token(text, i, i + m[0].length), { kind: 'anchor' as const }));
        i = skipSpace(text, i + m[0].length, line.end);
        continue;
      }
    }
    return i;
  }
}

/** Index of the first character at or after `i` that is not a space or a tab. */
export function skipSpaceTab(text: string, i: number, end: number): number {
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** The first line at or after n that is not blank. */
export function skipBlankLines(lines: Line[], n: number): number {
  while (n < lines.length && lines[n].text.trim() === '') n++;
  return n;
}
