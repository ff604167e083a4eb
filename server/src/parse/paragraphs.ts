import { PORTION_LEVELS } from './class-words';
import type { Level, Line, Marking, Paragraph, SubParagraph } from '../model';
import { parseMarking } from './classification';
import { isWhiteSpace, skipSpace, token } from './lines';

// Paragraph heads and sub-paragraph markers: the markings a head can carry,
// which lettered lines are sub-paragraphs, and which numbered lines are
// paragraphs once the whole body has been read.

// `1.KEY POINTS` and a redacted `3.xxxxxxxxxxxx` (no space) count; `1.5` and `2.A.` do not.
const NUMBER_DOT = /^(\d{1,3})(\.|\))(?=\s|\(|$|[A-Z][A-Za-z]|xxxx)/;
// A number with a marking but no full stop: `3 (C)`, `5, (S/NF)` (not `2(C)(2)`).
const NUMBER_BEFORE_MARKING = /^(\d{1,3})(?:([,:;])[ \t]*|[ \t]+)(?=\((?:U|C|S|SBU|TS)[)/-])/;
// `15, Arias confirmed ...`: a comma for the full stop (weak: only where it fits the numbering).
const NUMBER_COMMA = /^(\d{1,3})(,)(?= [A-Z])/;
// A web-page preview of paragraph 1 (`1. ...`, `1. (C...`, `1. (U) ...`), not a paragraph.
const PREVIEW = /^\s*(?:\([A-Za-z/ ]{0,12}\)?\s?)?(?:\.\.\.|…)\s*$/;
// Where the preamble ends: a line that starts like a paragraph (`1.`, `2)`, `3 (C)`).
const PARAGRAPH_START = /^\d{1,3}(?:\.|\))(?=\s|\(|$|[A-Z][A-Za-z])|^\d{1,3}[ \t]+\((?:U|C|S|SBU|TS)[)/-]/;
// `2A.`, `3.b)`: a sub-paragraph numbered with its paragraph.
const NUMBERED_LETTER = /^(\d{1,3})\.?([A-Za-z])[.)](?=\s)/;
// `(a)`, `a)`, `A.`
const LETTER = /^(\(([A-Za-z])\)|([A-Za-z])\)|([A-Z])\.)(?=\s)/;

/** Whether the text at `start` (up to `end`) begins like a numbered paragraph: the end of the preamble. */
export function startsParagraph(text: string, start: number, end = start + 12): boolean {
  return PARAGRAPH_START.test(text.slice(start, Math.min(end, start + 12)));
}

export interface ParagraphNumber {
  /** The digits. */
  digits: string;
  /** `.`, `)`, `,`, `:`, `;` or empty (`3 (C)`). */
  punctuation: string;
  /** Length of the number with its punctuation and the blanks after it. */
  length: number;
}

/** `TABLE OF CONTENTS`, `CONTENTS:`, with the first item perhaps run on (`TABLE OF CONTENTS -1. ...`): group 1 is its number. */
export const TOC_HEAD = /^(?:TABLE[ \t]+OF[ \t]+)?CONTENTS[ \t]*[-:.]?[ \t]*(?:(\d{1,2})\.[ \t]|$)/i;

/** The number that opens a paragraph at the start of `content`, unless what follows is a web preview (`1. ...`). */
export function paragraphNumber(text: string, content: string, start: number, end: number): ParagraphNumber | undefined {
  const m = NUMBER_DOT.exec(content) ?? NUMBER_BEFORE_MARKING.exec(content) ?? NUMBER_COMMA.exec(content);
  if (!m) return undefined;
  const after = start + m[0].length;
  if (PREVIEW.test(text.slice(after, Math.min(end, after + 30)))) return undefined;
  return { digits: m[1], punctuation: m[2] ?? '', length: m[0].length };
}

export interface LetterMarker {
  /** Length of the marker as written (`(a)`, `b)`, `2A.`). */
  markerLength: number;
  letter: string;
}

/** A lettered marker at the start of `content`: `(a)`, `a)`, `A.`, `2A.`. */
export function letterMarker(content: string): LetterMarker | undefined {
  const numbered = NUMBERED_LETTER.exec(content);
  if (numbered) return { markerLength: numbered[0].length, letter: numbered[2].toUpperCase() };
  const m = LETTER.exec(content);
  if (m) return { markerLength: m[1].length, letter: (m[2] ?? m[3] ?? m[4]).toUpperCase() };
  return undefined;
}

// The 1970s-1990 convention `1. SECRET - ENTIRE TEXT.` in place of portion markings, also with the
// level's letters (`1. C - ENTIRE TEXT.`, 1979 RIYADH 905), an en dash (`(S–Entire text.)`, FRUS) or no
// separator at all (`1.  CONFIDENTIAL ENTIRE TEXT`, 1995 ZAGREB 1796).
const ENTIRE_SEPARATOR = String.raw`[ \t]{0,3}[-\u2013\u2014:,]{1,2}[ \t]{0,3}`;
const ENTIRE_TEXT = new RegExp(
  String.raw`^(UNCLASSIFIED|LIMITED[ \t]OFFICIAL[ \t]USE|CONFIDENTIAL|SECRET|TOP[ \t]SECRET|LOU|TS|C|S|U)(?:${ENTIRE_SEPARATOR}|[ \t]{1,3})ENTIRE[ \t]TEXT\b`,
  'i',
);

export function entireTextMarking(text: string, i: number, ce: number): Marking | undefined {
  const m = ENTIRE_TEXT.exec(text.slice(i, Math.min(ce, i + 60)));
  if (!m) return undefined;
  const word = m[1].toUpperCase().replace(/\t/g, ' ');
  const level: Level =
    PORTION_LEVELS[word] ??
    (word === 'TOP SECRET' ? 'TS' : word === 'SECRET' ? 'S' : word === 'CONFIDENTIAL' ? 'C' : word === 'UNCLASSIFIED' ? 'U' : 'SBU');
  return Object.assign(token(text, i, i + m[0].length), { value: `${level}-ENTIRE TEXT`, level, caveats: ['ENTIRE TEXT'], known: true });
}

// `1. (C) ENTIRE TEXT.` (1990 MOGADISHU 9903): the words after the marking make it a whole-text marking.
const ENTIRE_AFTER = new RegExp(String.raw`^(?:${ENTIRE_SEPARATOR}|[ \t]{0,3})ENTIRE[ \t]TEXT\b`, 'i');

/** The marking, extended over `ENTIRE TEXT` when those words follow it. */
export function withEntireText(text: string, m: Marking, ce: number): Marking {
  if (!m.level || m.caveats.includes('ENTIRE TEXT')) return m;
  const r = ENTIRE_AFTER.exec(text.slice(m.end, Math.min(ce, m.end + 24)));
  if (!r) return m;
  const end = m.end + r[0].length;
  return Object.assign(token(text, m.start, end), {
    value: `${m.level}-ENTIRE TEXT`,
    level: m.level,
    caveats: [...m.caveats, 'ENTIRE TEXT'],
    known: m.known,
  });
}

/**
 * A marking after a short lead-in: `KEY POINTS -- (C)`, `Summary: (C)`,
 * `Summary and comment. (C)`, or a heading whose first bullet carries it
 * (`1. KEY POINTS` / `-- (C) ...` on the next line). The paragraph is marked,
 * if not in the usual place.
 */
export function leadInMarking(text: string, lines: Line[], n: number, i: number, ce: number): Marking | undefined {
  let j = i;
  while (j < ce && j - i <= 40 && isWordChar(text.charCodeAt(j))) j++;
  if (j === i || j - i > 40) return undefined;
  let k = j;
  let separator = false;
  while (k < ce && k - j <= 8 && ':.- \t\u2013\u2014'.includes(text[k])) {
    if (text[k] !== ' ' && text[k] !== '\t') separator = true;
    k++;
  }
  if (separator && text[k] === '(') return parseMarking(text, k, ce);
  if (k < ce) return undefined;
  // The heading ends the line: look at the first bullet, a few lines down.
  for (let b = n + 1; b < lines.length && b <= n + 5; b++) {
    const l = lines[b];
    let s = skipSpace(text, l.start, l.end);
    if (s >= l.end) continue;
    while (s < l.end && (text[s] === '-' || text[s] === ' ' || text[s] === '\t')) s++;
    return parseMarking(text, s, l.end);
  }
  return undefined;
}

/**
 * The marking of a number that stands alone on its line, on the next non-blank line: copies
 * extracted from FOIA printouts break `1. CONFIDENTIAL - ENTIRE TEXT.` after the number (1994 KIGALI 1415).
 */
export function markingBelow(text: string, lines: Line[], n: number): Marking | undefined {
  // The next line's marking; or, a line or two further down past an interleaved REF or page line,
  // a whole-text marking, which says what it is on its own.
  for (let b = n + 1, seen = 0; b < lines.length && b <= n + 8 && seen < 3; b++) {
    const l = lines[b];
    const s = skipSpace(text, l.start, l.end);
    if (s >= l.end) continue;
    const m = (seen === 0 ? parseMarking(text, s, l.end) : undefined) ?? entireTextMarking(text, s, l.end);
    if (m || startsParagraph(text, s)) return m;
    seen++;
  }
  return undefined;
}

function isWordChar(c: number): boolean {
  return c === 32 || c === 9 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The style of a lettered marker: `(a)`, `a)`, `A.` or `2A.`, and its case. */
export function markerStyle(marker: string): string {
  const c = marker.charCodeAt(0);
  const kind = c >= 48 && c <= 57 ? 'num' : c === 40 ? 'paren' : marker.endsWith(')') ? 'close' : 'dot';
  return marker === marker.toUpperCase() ? kind : kind + '-lower';
}

/**
 * Whether a lettered line starts a sub-paragraph. Not when it is a portion marking
 * of an unnumbered paragraph (`(C)`, `(S)`, `(U)`), a `Q.`/`A.` label, a roman
 * numeral (`I.`, `(v)`), or a wrapped line (`(TF-` / `U) Commander`), unless the
 * letter follows the one before it in the same style.
 */
export function isSubItem(subs: SubParagraph[], marker: string, letter: string, wrapped: boolean, afterQ: boolean): boolean {
  const style = markerStyle(marker);
  let last: SubParagraph | undefined;
  for (let k = subs.length - 1; k >= 0 && !last; k--) if (markerStyle(subs[k].marker.text) === style) last = subs[k];
  if (last && last.letter.charCodeAt(0) + 1 === letter.charCodeAt(0)) return true;
  if (style === 'paren' && (letter === 'C' || letter === 'S' || letter === 'U')) return false;
  if (letter === 'Q' && style === 'dot') return false;
  if (letter === 'A' && afterQ) return false;
  if (letter === 'I' || letter === 'V' || letter === 'X') return false;
  return !wrapped || letter === 'A';
}

export interface Candidate {
  para: Paragraph;
  weak?: 'list' | 'wrapped';
  afterRepeat: boolean;
}

/**
 * Decides which numbered lines are paragraphs. A weak candidate (unmarked `3)`, or a
 * number at the start of a wrapped line) is a paragraph only where it fits the
 * numbering; a run 1, 2, … inside paragraph N followed by N+1 is a numbered list
 * (or quoted text) inside paragraph N. What is not a paragraph joins the one before.
 */
export function settleParagraphs(cands: Candidate[]): Paragraph[] {
  const absorb = (into: Paragraph | undefined, p: Paragraph) => {
    if (!into) return;
    into.end = Math.max(into.end, p.end);
    for (const s of p.subparagraphs) into.subparagraphs.push(s);
  };
  // For each index, the value of the next candidate that is not `N)`, and of the next one that is not weak at all.
  const nextFirm: (number | undefined)[] = new Array(cands.length);
  const nextStrong: (number | undefined)[] = new Array(cands.length);
  for (let i = cands.length - 1, v: number | undefined, w: number | undefined; i >= 0; i--) {
    nextFirm[i] = v;
    nextStrong[i] = w;
    if (cands[i].weak !== 'list') v = cands[i].para.value;
    if (!cands[i].weak) w = cands[i].para.value;
  }
  // `3)` is a list item, except in a cable numbered `1) (C)` throughout, or where it
  // takes the place of a missing number (`2.`, `3) (C)`, `4.`); once one `N)` line is
  // a list item the ones after it are too, until the next `N.` paragraph.
  const hasFirm = cands.some((c) => c.weak !== 'list');
  let listOpen = false;
  const kept: Paragraph[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    const last = kept[kept.length - 1];
    const expected = last ? last.value + 1 : 1;
    const marked = c.para.marking !== undefined;
    let ok = true;
    // "on April / 2. Van den IJssel" fits the count, but the real paragraph 2 follows.
    // A `1.` may start a numbered list (the next pass decides).
    if (c.weak === 'wrapped')
      ok = (c.para.value === expected && nextStrong[i] !== c.para.value) || (c.para.value === 1 && last !== undefined);
    else if (c.weak === 'list') {
      if (!hasFirm) ok = marked;
      else {
        // A marked `1) (C)`, `2) (C)` … run numbers paragraphs too (`1) (C)` … `9) (C)`, then `10. (U)`).
        const next = cands[i + 1]?.para;
        const run = marked && next !== undefined && next.marking !== undefined && next.value === expected + 1;
        ok = !listOpen && c.para.value === expected && (nextFirm[i] === expected + 1 || run || (nextFirm[i] === undefined && marked));
      }
      if (!ok) listOpen = true;
    } else listOpen = false;
    if (!ok) {
      absorb(last, c.para);
      continue;
    }
    if (c.afterRepeat && last && c.para.value === 1) c.para.restart = true;
    kept.push(c.para);
  }
  // A run 1, 2, … inside paragraph N: a numbered list or quoted text when the
  // count then resumes at N+1, or when the cable marks its paragraphs and the
  // list items are not marked (an annex list after the last paragraph).
  const out: Paragraph[] = [];
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i];
    const prev = out[out.length - 1];
    if (prev && p.value === 1 && !p.restart) {
      let j = i;
      while (j + 1 < kept.length && !kept[j + 1].restart && kept[j + 1].value === kept[j].value + 1) j++;
      const after = kept[j + 1];
      if (j > i && after && !after.restart && after.value === prev.value + 1) {
        for (let k = i; k <= j; k++) absorb(prev, kept[k]);
        i = j;
        continue;
      }
      if (prev.marking && !p.marking) {
        j = i;
        // Up to a marked paragraph, or an unmarked N+1 that does not carry on the list's own count.
        const resumes = (q: Paragraph, before: Paragraph) => q.value === prev.value + 1 && q.value !== before.value + 1;
        while (j + 1 < kept.length && !kept[j + 1].restart && !kept[j + 1].marking && !resumes(kept[j + 1], kept[j])) j++;
        for (let k = i; k <= j; k++) absorb(prev, kept[k]);
        i = j;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/**
 * The first 8 words of the 80 characters from `start`, joined by single spaces, cut at 60
 * characters (as `trim().split(/\s+/)` would give them). Read in one pass: it runs for every paragraph.
 */
export function firstWords(text: string, start: number, end: number): string {
  const stop = Math.min(end, start + 80);
  const words: string[] = [];
  let first = -1;
  let last = -1;
  let singleSpaced = true;
  let i = start;
  while (words.length < 8) {
    const gap = i;
    while (i < stop && isWhiteSpace(text.charCodeAt(i))) i++;
    if (i >= stop) break;
    if (first < 0) first = i;
    else if (i - gap !== 1 || text.charCodeAt(gap) !== 32) singleSpaced = false;
    const w = i;
    while (i < stop && !isWhiteSpace(text.charCodeAt(i))) i++;
    words.push(text.slice(w, i));
    last = i;
  }
  const joined = first < 0 ? '' : singleSpaced ? text.slice(first, last) : words.join(' ');
  return joined.length > 60 ? joined.slice(0, 60) + '…' : joined;
}
