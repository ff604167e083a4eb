import { daysInMonth, monthNumber, telegramYear } from '../dates';
import type { Addressee, DateTimeGroup, Header, Token } from '../model';
import { token, trimEnd } from './lines';

// Line-level recognisers for the ACP-127 transmission header. Each takes the
// content span of one line and returns undefined when the line is not of its kind.

const VZCZC = /^VZCZC([A-Z]{3})?(\d{3,4})?\S*/i;
const PROSIGN = /^([ZOPRY]{2})((?:[ \t]+R[A-Z0-9]{3,7})*)[ \t]*$/;
const RI_LIST = /^R[A-Z0-9]{3,7}(?:[ \t]+R[A-Z0-9]{3,7})*[ \t]*$/;
const DE = /^(DE)[ \t]+(\S+)(?:[ \t]+#(\d{1,5})(?:\/(\d{1,3}))?)?(?:[ \t]+(\d{7}))?/;
const SECURITY = /^(ZN[RY])[ \t]+([A-Z]{5})\b/;
/**
 * The group of a date-time group: day, hour, minute, Z (maybe spaced off: `221828 Z`), month, year
 * (`151318Z FEB 08`, `291359Z Nov 00`, `221828 Z MAY 73`). Five capture groups; dtgParts reads them.
 */
export const DTG_GROUP = String.raw`(\d{2})(\d{2})(\d{2})[ \t]?Z[ \t]+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}\.?[ \t]+(\d{4}|\d{2})(?!\d)`;
/** Precedence letters before the group: `R`, `O`, `P R` (the 1970s printed them spaced). */
export const DTG_PRECEDENCE = String.raw`[ZOPRY](?:[ \t][ZOPRY])?`;
const DTG = new RegExp(String.raw`^(${DTG_PRECEDENCE})[ \t]+(${DTG_GROUP})(?=\s|$)`, 'i');

/** The date and time DTG_GROUP's five capture groups hold, from `m[at]` on; `valid` when it is a real day and time. */
export function dtgParts(m: RegExpExecArray, at: number) {
  const day = Number(m[at]);
  const hour = Number(m[at + 1]);
  const minute = Number(m[at + 2]);
  const month = monthNumber(m[at + 3]);
  // Telegram years run from the 1950s: `66` is 1966 here (DECL dates, always in the future, keep fullYear's 2000s).
  const year = telegramYear(m[at + 4]);
  const valid = day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59;
  return { day, hour, minute, month, year, valid };
}
const ADDRESS_KEYWORD = /^(FM|TO|INFO)(?=[ \t])/;
const PRECEDENCE_WORDS = new Set(['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE']);

export function parseVzczc(text: string, start: number, end: number): Header['vzczc'] {
  const m = VZCZC.exec(text.slice(start, end));
  if (!m) return undefined;
  return Object.assign(token(text, start, start + m[0].length), { trigraph: (m[1] ?? '').toUpperCase(), sequence: m[2] ?? '' });
}

export function parseProsignLine(text: string, start: number, end: number): Header['prosignLine'] {
  const line = text.slice(start, end);
  const m = PROSIGN.exec(line);
  if (!m) return undefined;
  return { start, end: trimEnd(text, start, end), prosign: token(text, start, start + 2), routing: riTokens(text, start + 2, end) };
}

/** A line holding only routing indicators (continuation of FL2). */
export function parseRiLine(text: string, start: number, end: number): Token[] | undefined {
  return RI_LIST.test(text.slice(start, end)) ? riTokens(text, start, end) : undefined;
}

function riTokens(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const re = /R[A-Z0-9]{3,7}/g;
  const s = text.slice(start, end);
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(token(text, start + m.index, start + m.index + m[0].length));
  return out;
}

export function parseDe(text: string, start: number, end: number): Header['de'] {
  const s = text.slice(start, end);
  const m = DE.exec(s);
  if (!m) return undefined;
  const at = (g: string | undefined, from: number) => {
    if (g === undefined) return undefined;
    const i = s.indexOf(g, from);
    return token(text, start + i, start + i + g.length);
  };
  const station = at(m[2], 2)!;
  const serial = at(m[3], station.end - start) ?? token(text, station.end, station.end);
  const section = at(m[4], serial.end - start);
  const julian = at(m[5], (section ?? serial).end - start) ?? token(text, trimEnd(text, start, end), trimEnd(text, start, end));
  return { start, end: trimEnd(text, start, end), keyword: token(text, start, start + 2), station, serial, section, julian };
}

export function parseSecurity(text: string, start: number, end: number): Header['security'] {
  const s = text.slice(start, end);
  const m = SECURITY.exec(s);
  if (!m) return undefined;
  const group = token(text, start + m[0].length - 5, start + m[0].length);
  const e = trimEnd(text, start, end);
  const restStart = start + m[0].length + (s.slice(m[0].length).length - s.slice(m[0].length).trimStart().length);
  return {
    start,
    end: e,
    keyword: token(text, start, start + 3),
    group,
    letter: m[2][0],
    trailer: restStart < e ? token(text, restStart, e) : undefined,
  };
}

export function parseDtg(text: string, start: number, end: number): DateTimeGroup | undefined {
  const s = text.slice(start, end);
  const m = DTG.exec(s);
  if (!m) return undefined;
  const precedence: Token[] = [];
  for (let i = 0; i < m[1].length; i++) if (m[1][i] !== ' ' && m[1][i] !== '\t') precedence.push(token(text, start + i, start + i + 1));
  const gStart = start + m[0].length - m[2].length;
  const { day, hour, minute, month, year, valid } = dtgParts(m, 3);
  const e = trimEnd(text, start, end);
  const restStart = start + m[0].length + (s.slice(m[0].length).length - s.slice(m[0].length).trimStart().length);
  return {
    start,
    end: e,
    precedence,
    group: token(text, gStart, gStart + m[2].length),
    day,
    hour,
    minute,
    month,
    year,
    valid,
    trailer: restStart < e ? token(text, restStart, e) : undefined,
  };
}

/** `FM`, `TO` or `INFO` at the start of a line. */
export function addressKeyword(text: string, start: number, end: number): 'FM' | 'TO' | 'INFO' | undefined {
  const m = ADDRESS_KEYWORD.exec(text.slice(start, Math.min(end, start + 5)));
  return m ? (m[1] as 'FM' | 'TO' | 'INFO') : undefined;
}

// How an addressee line starts: a routing indicator before the PLAD, or the PLAD's office word.
const ADDRESSEE_START =
  /^(?:RU[A-Z]{5}\/|AM(?:EMBASSY|CONSUL|CONGEN)\b|SECSTATE\b|SECDEF\b|USMISSION\b|USDEL\b|USINT\b|USLO\b|USCINC|CINC|JOINT\s+STAFF\b|USEU\b|USNATO\b|USUN\b|CIA\b|DIA\b|NSC\b|WHITE\s+HOUSE\b|[A-Z][A-Z ]{1,30}\bCOLLECTIVE\b)/;

/** True when a line reads as an addressee of a TO or INFO list (`AMEMBASSY ROME`, `RUEHC/SECSTATE WASHDC`). */
export function looksLikeAddressee(text: string, start: number, end: number): boolean {
  return ADDRESSEE_START.test(text.slice(start, Math.min(end, start + 60)));
}

/**
 * Reads `[KEYWORD] [RI/]PLAD [PRECEDENCE] [NNNN]` by splitting on white space
 * (no regular expression over the whole line, so long lines stay linear).
 */
export function parseAddressee(text: string, start: number, end: number, withKeyword: boolean): Addressee {
  const words: Token[] = [];
  const re = /\S+/g;
  const s = text.slice(start, end);
  for (let m = re.exec(s); m; m = re.exec(s)) words.push(token(text, start + m.index, start + m.index + m[0].length));
  const a: Addressee = { start, end: trimEnd(text, start, end) };
  let i = 0;
  let j = words.length;
  if (withKeyword && words.length > 0) a.keyword = words[i++];
  if (j > i && /^\d{4}(-\d{4})?$/.test(words[j - 1].text)) a.serial = words[--j];
  if (j > i && PRECEDENCE_WORDS.has(words[j - 1].text.toUpperCase())) {
    let p = j - 1;
    if (p > i && words[p].text.toUpperCase() === 'IMMEDIATE' && words[p - 1].text.toUpperCase() === 'NIACT') p--;
    a.precedence = token(text, words[p].start, words[j - 1].end);
    j = p;
  }
  if (j > i) {
    const first = words[i];
    const slash = first.text.indexOf('/');
    if (slash > 0 && /^R[A-Z0-9]{3,7}$/.test(first.text.slice(0, slash))) {
      a.ri = token(text, first.start, first.start + slash);
      const pladStart = first.start + slash + 1;
      if (pladStart < words[j - 1].end) a.plad = token(text, pladStart, words[j - 1].end);
    } else {
      a.plad = token(text, first.start, words[j - 1].end);
    }
  }
  return a;
}
