import type { Token } from '../model';
import { parseBanner } from './classification';
import { token, trimEnd } from './lines';

// Page lines of long cables: `PAGE 02 HARARE 05461 01 OF 02 271458Z`, the
// same without `PAGE`, and the class word a printout repeats at every page break.

const PAGE_LINE = /^(?:PAGE\s+\d{1,3}\s+)?[A-Za-z][A-Za-z .'-]{0,30}\s\d{5,8}\s+\d{2,3}(?:\.\d)?\s+OF\s+\d{2,3}(?:\s+\d{6}Z)?\s*$/i;
// A printout page line run on with the text after it (`PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) ...`).
const PAGE_PREFIX = /^PAGE\s+\d{1,3}\s+[A-Za-z][A-Za-z .'-]{0,30}\s\d{5,8}\s+\d{2,3}(?:\.\d)?\s+OF\s+\d{2,3}(?:\s+\d{6}Z)?\s+(?=\S)/i;
const LONGEST_PAGE_LINE = 200;
const LONGEST_CLASS_WORD = 40;

/** In the preamble: a page line, or a class word alone (not spaced out, which is the banner style). */
export function isPreamblePageLine(text: string, start: number, end: number): boolean {
  if (end - start >= LONGEST_PAGE_LINE) return false;
  if (PAGE_LINE.test(text.slice(start, end))) return true;
  const b = parseBanner(text, start, end, false);
  return b !== undefined && b.end === end && !b.post && !b.spaced;
}

/** In the body: a page line, or a short class word alone on its line (` CONFIDENTIAL`). */
export function isBodyPageLine(text: string, content: string, start: number, end: number): boolean {
  if (end - start >= LONGEST_PAGE_LINE) return false;
  if (PAGE_LINE.test(content)) return true;
  if (end - start > LONGEST_CLASS_WORD) return false;
  const b = parseBanner(text, start, end, false);
  return b !== undefined && b.end === end && !b.post && !b.section;
}

/** A page line run on with the text after it: the page line's token and where the text starts, or undefined. */
export function pagePrefix(text: string, content: string, start: number): { page: Token; rest: number } | undefined {
  const m = PAGE_PREFIX.exec(content);
  if (!m) return undefined;
  return { page: token(text, start, trimEnd(text, start, start + m[0].length)), rest: start + m[0].length };
}
