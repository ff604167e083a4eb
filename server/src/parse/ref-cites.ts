import type { CableCite, Span } from '../model';
import { token } from './lines';

// The cables a REF item names (cable-format.md §7 and §13). A target is split
// at `,`, `;` and the word AND; each part that starts with a cable reference
// gives one cite: an optional marker left in the target (`(A)`, `A)`, `A.`,
// `A:`), an optional year (`09`, `2009`), the post in one to four words
// (`STATE`, `SAN JOSE`, `USUN NEW YORK`), and the serial (`082572`); or the
// run-together form `09STATE126780`. What follows the serial in a part
// (`(NOTAL)`, `AND PREVIOUS`, a title) is an annotation. Parts that start
// otherwise (`KUJAWINSKI-FRANCE DESK 3/11 E-MAIL`, a bare `1206`) cite nothing.

const MAX_POST_WORDS = 4;
/** Only the first words of a part can hold its cite; the rest is never looked at. */
const MAX_WORDS = 8;

interface Word {
  start: number;
  end: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined) => c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\u00a0';

export function readCites(text: string, target: Span): CableCite[] {
  const cites: CableCite[] = [];
  let words: Word[] = [];
  const flush = () => {
    const c = citeAtStart(text, words);
    if (c) cites.push(c);
    words = [];
  };
  let i = target.start;
  while (i < target.end) {
    const ch = text[i];
    if (ch === ',' || ch === ';') {
      flush();
      i++;
      continue;
    }
    if (isSpace(ch)) {
      i++;
      continue;
    }
    let j = i;
    while (j < target.end && !isSpace(text[j]) && text[j] !== ',' && text[j] !== ';') j++;
    if (j - i === 3 && text.slice(i, j).toUpperCase() === 'AND') flush();
    else if (words.length < MAX_WORDS) words.push({ start: i, end: j });
    i = j;
  }
  flush();
  return cites;
}

function citeAtStart(text: string, words: readonly Word[]): CableCite | undefined {
  let k = 0;
  if (words.length > 0 && isMarker(text, words[0])) k++;
  const first = words[k];
  if (!first) return undefined;
  const glued = splitRunTogether(text, first.start, serialEnd(text, first));
  if (glued) {
    return {
      start: first.start,
      end: glued.serialEnd,
      year: token(text, first.start, glued.postStart),
      post: token(text, glued.postStart, glued.serialStart),
      serial: token(text, glued.serialStart, glued.serialEnd),
    };
  }
  let year: Word | undefined;
  if (isYear(text, first) && words[k + 1] && isPostWord(text, words[k + 1])) {
    year = first;
    k++;
  }
  const postFrom = k;
  while (k < words.length && k - postFrom < MAX_POST_WORDS && isPostWord(text, words[k])) k++;
  if (k === postFrom || k >= words.length) return undefined;
  const serial = words[k];
  const se = serialEnd(text, serial);
  if (se === serial.start || se - serial.start > 8 || !allDigits(text, serial.start, se)) return undefined;
  const post = token(text, words[postFrom].start, words[k - 1].end);
  return {
    start: (year ?? words[postFrom]).start,
    end: se,
    year: year && token(text, year.start, year.end),
    post,
    serial: token(text, serial.start, se),
  };
}

/** A serial may be followed by full stops (`MANAMA 820.`, `USNATO 276...`), nothing else. */
function serialEnd(text: string, w: Word): number {
  let e = w.end;
  while (e > w.start && text[e - 1] === '.') e--;
  return e;
}

function allDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(text[i])) return false;
  return end > start;
}

function isYear(text: string, w: Word): boolean {
  const n = w.end - w.start;
  if (!allDigits(text, w.start, w.end)) return false;
  return n === 2 || (n === 4 && (text.startsWith('19', w.start) || text.startsWith('20', w.start)));
}

function isMarker(text: string, w: Word): boolean {
  const n = w.end - w.start;
  if (n === 3) return text[w.start] === '(' && isLetter(text[w.start + 1]) && text[w.start + 2] === ')';
  return n === 2 && isLetter(text[w.start]) && (text[w.start + 1] === ')' || text[w.start + 1] === '.' || text[w.start + 1] === ':');
}

/** A word of a post name: letters, and `.`, `'`, `&`, `-` inside (`ST. PETERSBURG`, `PORT-AU-PRINCE`). */
function isPostWord(text: string, w: Word): boolean {
  if (!isLetter(text[w.start])) return false;
  for (let i = w.start + 1; i < w.end; i++) {
    const c = text[i];
    if (!isLetter(c) && c !== '.' && c !== "'" && c !== '&' && c !== '-') return false;
  }
  return true;
}

/**
 * The run-together form of a reference id in [start, end): a two- or
 * four-digit year, letters (the post, no spaces), and a serial of one to eight
 * digits: `09STATE126780`, `08BAKU146`, `1975STATE012345`. Used for REF
 * targets and for file names.
 */
export function splitRunTogether(
  s: string,
  start: number,
  end: number,
): { postStart: number; serialStart: number; serialEnd: number } | undefined {
  let i = start;
  while (i < end && isDigit(s[i])) i++;
  const yearLength = i - start;
  if (yearLength !== 2 && !(yearLength === 4 && (s.startsWith('19', start) || s.startsWith('20', start)))) return undefined;
  const postStart = i;
  while (i < end && isLetter(s[i])) i++;
  if (i - postStart < 2) return undefined;
  const serialStart = i;
  while (i < end && isDigit(s[i])) i++;
  if (i !== end || i === serialStart || i - serialStart > 8) return undefined;
  return { postStart, serialStart, serialEnd: end };
}
