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

/** Whether a UTF-16 code unit is white space as JavaScript's `\s` and `trim()` take it. */
export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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

/**
 * Where a pattern next occurs, searched once over the whole text and kept
 * until the scan passes it: a line-by-line scan asks `within(start, end)` of
 * every line and skips the line's costly checks when the answer is no, while
 * the text is searched only once in all. The pattern must be global, must not
 * look behind its match, and must be implied by what the costly check looks
 * for (then skipping is exact: a line the check would match always says yes).
 */
export class NextMatch {
  /** The first match at or after `from` starts here (Infinity: none). */
  private at = -1;
  private from = 0;

  constructor(
    private readonly pattern: RegExp,
    private readonly text: string,
  ) {}

  /** Whether a match starts in [start, end). */
  within(start: number, end: number): boolean {
    // Kept while valid: no match starts in [from, at), so none in [start, at) for from <= start <= at.
    if (start < this.from || start > this.at) {
      this.pattern.lastIndex = start;
      const m = this.pattern.exec(this.text);
      this.from = start;
      this.at = m ? m.index : Infinity;
    }
    return this.at < end;
  }
}
