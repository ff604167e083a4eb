import type { Artifact, ClassifiedBy, Decl, EoLine, RefItem, Tag, Token } from '../model';
import { SCHEDULE_SOURCE, SCHEDULES } from '../eras';
import { parseMarking } from './classification';
import { daysInMonth, fullYear } from '../dates';
import { skipSpace, token, trimEnd } from './lines';

// Recognisers for the lines between the banner and the first paragraph:
// E.O., TAGS, SUBJECT, REF and Classified By. Each works on a segment
// [start, end) of the text: usually a whole line, sometimes part of a line in
// copies where these run together.

export type PreambleKind = 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy';

// `E.0.` (a zero) only with its full stop, so that a REF item `E. 08 ROME 1191` is not taken for it; `E.O.: 12958` has a stray colon.
const EO_START = /^(E\s?\.\s?(?:O\.?|0\.)|EO)(?=[\s:.]|\d)\s*:?\s*(\d{3,6})?/i;
// `TAGS, AFSP, APER, LA` (1976VIENTI02015): a comma for the colon, before a code.
// `TAGS/ PFOR, PINT, EG` (1976CAIRO13436): a slash typed for the colon.
const TAGS_START = /^(TAGS?|TAS|AGS)(?:\s*:\s*|\s+(?=[A-Za-z[])|[,/]\s*(?=[A-Z]{2,4}\b))/i;
// `SUBJECT; A GOVERNMENT, MAYBE?` (1994KIGALI01415, OCR): a semicolon read for the colon.
const SUBJECT_START = /^S?UBJ(?:ECT)?\s*[:;]\s*/i;
// `REF A: VATICAN 05286` and `REF A SECSTATE 76108` start with their first item.
// `REF VIENTIANE 1561` (1976VIENTI02015): no colon before a cable cited by post and number.
const REF_START =
  /^(REF\(S\)|REFTELS?|REFS?|REFERENCES?)(?:\s*[:.]\s*|\s+(?=\(?[A-Z][.):]\s)|(?=\s+[A-Z]\s+[A-Z0-9])|\s+(?!PARAS?\b)(?=[A-Z]{3,}(?: [A-Z]{3,})? \d))/i;
const CLBY_START = /^(?:\(U\)\s*)?CLASS?IF[IE]{0,2}D\s+BY\b\s*:?\s*/i;

/** Which preamble element starts at `start`, if any, and where its content begins. */
export function preambleStart(
  text: string,
  start: number,
  end: number,
): { kind: PreambleKind; keywordEnd: number; contentStart: number } | undefined {
  const s = text.slice(start, Math.min(end, start + 40));
  let m: RegExpExecArray | null;
  if ((m = EO_START.exec(s)) && (m[2] !== undefined || /^E\s?\.\s?[O0]/i.test(m[1]))) {
    return { kind: 'eo', keywordEnd: start + m[1].length, contentStart: start + m[1].length };
  }
  if ((m = TAGS_START.exec(s))) return { kind: 'tags', keywordEnd: start + m[1].length, contentStart: start + m[0].length };
  if ((m = SUBJECT_START.exec(s))) return { kind: 'subject', keywordEnd: start + m[0].trimEnd().length, contentStart: start + m[0].length };
  // `REF A SECSTATE 76108`: the item's marker is `REF A`, so its content starts at the keyword.
  if ((m = REF_START.exec(s)))
    return { kind: 'ref', keywordEnd: start + m[1].length, contentStart: m[0].length === m[1].length ? start : start + m[0].length };
  if ((m = CLBY_START.exec(s)))
    return { kind: 'classifiedBy', keywordEnd: start + m[0].trimEnd().length, contentStart: start + m[0].length };
  return undefined;
}

// Keywords that may start a new element in the middle of a line, in copies
// where the preamble runs together (`SIPDIS E.O. 12958: DECL: ... TAGS: ...`).
// A quote can stand before TAGS in spreadsheet exports (`DECL: 04/20/2027 "TAGS: ...`); `AGS:` is TAGS with its T lost;
// `TAG PTER, PGOV` has no colon but a comma-separated code list.
// `SIPDISE.O. 12958: DECL:`: copies that lost their line breaks glue the E.O. line to the word before it.
const INLINE =
  /(?:[\s"\d]|[A-Z](?=E\.O\.\s?\d{5}))(E\.O\.\s?\d{5}\s*:?\s*(?:DECL|N\/A)|EO \d{5} (?:DECL|N\/A)|T?AGS:|TAGS?\s+(?=[A-Z]{4},\s)|SUBJ(?:ECT)?:|REFS?:|CLASSIFIED BY\b)/gi;

/** Offsets inside [start, end) where another preamble element starts. */
export function inlineStarts(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  if (end - start > 4000) return out; // run-together headers are short; skip long body lines
  const s = text.slice(start, end);
  // A correction note names the line it adds: `C O R R E C T E D C O P Y (ADDED CLASSIFIED BY LINE)`.
  const correction = /^(C O R R E C T E D|CORRECTED COPY)/i.test(s);
  INLINE.lastIndex = 0;
  // A cut in the first few characters would split `(U) Classified By` from its marking.
  const refLine = /^REF/i.test(s);
  for (let m = INLINE.exec(s); m; m = INLINE.exec(s)) {
    if ((m.index < 5 || correction) && /^.CLASSIFIED/i.test(m[0])) continue;
    if (refLine && /^.REFS?:/i.test(m[0])) continue; // `REF: A. REF: LAGOS 066`: one REF line
    out.push(start + m.index + 1);
  }
  return out;
}

// ---- E.O. -----------------------------------------------------------------

const DATE_MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATE_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DATE_MDYY = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/;
const DATE_LIKE = /^\d[\d/.-]*\d$|^\d{1,2}\s+[A-Z]+\s+\d{4}$/i;
// An exemption code, alone or followed by more text (`25X1-HUMAN`, `25X1, 01/01/2040`).
const EXEMPTION = /^(\(?X[1-8]\)?|\(?25X\d[\w-]*\)?|\(?50X\d[\w-]*\)?|\(?75X\d[\w-]*\)?|MR)(?=$|[\s,;:(/])/i;
// The instructions of E.O. 11652 and 12065 (eras.ts): a schedule with its category, then under E.O. 12065 a
// date, the classifier in parentheses and the office symbol: `GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P`,
// `RDS-4 6/5/99 (GERLACH, FREDERICK H.) OR-M`; or a date with the classifier alone: `11/12/79 (TAYLOR, C)`.
const SCHEDULE = new RegExp(`^${SCHEDULE_SOURCE}`, 'i');
const OLD_DATE = /^\s{0,3}(\d{1,2}\/\d{1,2}\/\d{2,4})(?![\d/])/;
const CLASSIFIER = /^\s{0,3}\(([^()\n]{1,60})\)/;
const OFFICE = /^\s{0,3}([A-Z][A-Z0-9]{0,5}(?:[-/][A-Z0-9]{1,6}){0,3})\s*$/i;

export function parseEo(text: string, start: number, end: number): EoLine {
  const s = text.slice(start, end);
  const m = EO_START.exec(s)!;
  const keyword = token(text, start, start + m[1].length);
  const order = m[2] ? token(text, start + m[0].length - m[2].length, start + m[0].length) : undefined;
  let i = start + m[0].length;
  i = skipSpace(text, i, end);
  if (text[i] === ':') i = skipSpace(text, i + 1, end);
  const e = trimEnd(text, i, end);
  return { start, end: e, keyword, order, decl: parseDecl(text, i, e) };
}

export function parseDecl(text: string, start: number, end: number): Decl {
  const s = text.slice(start, end);
  if (s.length === 0) return { start, end, kind: 'empty', value: token(text, start, end) };
  if (/^N\s?\/\s?A\.?$/i.test(s)) return { start, end, kind: 'na', value: token(text, start, end) };
  const dng = /^DNG\b\s*:?\s*/i.exec(s);
  if (dng) return { start, end, kind: 'downgrade', keyword: token(text, start, start + 3), value: token(text, start + dng[0].length, end) };
  const kw = /^(DECL{1,2}(?:ASSIFY)?(?:\s+ON)?)\b\s*:?\s*/i.exec(s);
  let keyword: Token | undefined;
  let v = start;
  if (kw) {
    keyword = token(text, start, start + kw[1].length);
    v = start + kw[0].length;
    const again = /^DECL\s*:\s*/i.exec(text.slice(v, Math.min(end, v + 12))); // `DECL: DECL: 06/09/2016`
    if (again) v += again[0].length;
  }
  let ve = end;
  // A full stop after the date is punctuation; a trailing backslash is an escaped line break in CSV-exported copies.
  while (ve > v && (text[ve - 1] === '.' || text[ve - 1] === '\\' || text[ve - 1] === ' ' || text[ve - 1] === '\t')) ve--;
  const value = token(text, v, ve);
  const old = oldForm(text, v, ve);
  if (old) return { start, end, keyword, value, ...old };
  const d = declDate(value.text);
  if (d) return { start, end, kind: 'date', keyword, value, date: d };
  if (value.text.length === 0) return { start, end, kind: 'empty', keyword, value };
  if (/^N\s?\/?\s?A$/i.test(value.text)) return { start, end, kind: 'na', keyword, value }; // `DECL: N/A`, `NA`
  if (/^OADR$/i.test(value.text)) return { start, end, kind: 'oadr', keyword, value };
  if (EXEMPTION.test(value.text)) return { start, end, kind: 'exemption', keyword, value };
  if (keyword && /[A-Za-z]{3}/.test(value.text) && !/\d\/\d/.test(value.text)) return { start, end, kind: 'event', keyword, value };
  return { start, end, kind: 'other', keyword, value };
}

/** An instruction of E.O. 11652 or 12065 in [v, ve): its kind and parts, or undefined. */
function oldForm(text: string, v: number, ve: number): Omit<Decl, 'start' | 'end' | 'value' | 'keyword'> | undefined {
  const s = text.slice(v, Math.min(ve, v + 120));
  const sched = SCHEDULE.exec(s);
  let i = 0;
  const out: Omit<Decl, 'start' | 'end' | 'value' | 'keyword'> = { kind: 'date' };
  if (sched) {
    out.kind = SCHEDULES[sched[1].toUpperCase()].form;
    out.schedule = token(text, v, v + sched[0].length);
    if (sched[2]) out.category = token(text, v + sched[0].length - sched[2].length, v + sched[0].length);
    i = sched[0].length;
  }
  const date = OLD_DATE.exec(s.slice(i));
  if (date) {
    const at = v + i + date[0].length - date[1].length;
    out.dateText = token(text, at, at + date[1].length);
    out.date = declDate(date[1]);
    i += date[0].length;
  }
  const who = CLASSIFIER.exec(s.slice(i));
  if (who) {
    const at = v + i + who[0].length - who[1].length - 1;
    out.classifier = token(text, at, at + who[1].length);
    i += who[0].length;
    const office = OFFICE.exec(s.slice(i));
    if (office) {
      const o = v + i + office[0].trimEnd().length - office[1].length;
      out.office = token(text, o, o + office[1].length);
    }
  }
  // A bare date is E.O. 12065's only with the classifier after it (`11/12/79 (TAYLOR, C)`); otherwise a date of today's form.
  if (!sched && !(date && who)) return undefined;
  return out;
}

function declDate(v: string): Decl['date'] {
  let m: RegExpExecArray | null;
  let y: number, mo: number, d: number;
  let form: 'MM/DD/YYYY' | 'YYYY/MM/DD' | 'MM/DD/YY' | 'other';
  if ((m = DATE_MDY.exec(v))) [mo, d, y, form] = [Number(m[1]), Number(m[2]), Number(m[3]), 'MM/DD/YYYY'];
  else if ((m = DATE_YMD.exec(v))) [y, mo, d, form] = [Number(m[1]), Number(m[2]), Number(m[3]), 'YYYY/MM/DD'];
  else if ((m = DATE_MDYY.exec(v))) [mo, d, y, form] = [Number(m[1]), Number(m[2]), fullYear(Number(m[3])), 'MM/DD/YY'];
  else if (DATE_LIKE.test(v)) return { year: 0, month: 0, day: 0, form: 'other', valid: false };
  else return undefined;
  const valid = mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && y >= 1900;
  return { year: y, month: mo, day: d, form, valid };
}

// ---- TAGS -----------------------------------------------------------------

const TAG_LINK = /^\[([^\]\s]{1,40})\]\(#\)/;

/** Reads tag codes from [start, end). Parenthesised names (`OVIP (VANCE, CYRUS)`) go to `names`. */
export function readTags(text: string, start: number, end: number, tags: Tag[], names: Token[], artifacts: Artifact[]): boolean {
  let commas = false;
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === ',' || c === ';') {
      if (c === ',' || c === ';') commas = true;
      i++;
      continue;
    }
    if (c === '[') {
      const m = TAG_LINK.exec(text.slice(i, Math.min(end, i + 48)));
      if (m) {
        const wrapper = { start: i, end: i + m[0].length };
        artifacts.push(Object.assign(token(text, wrapper.start, wrapper.end), { kind: 'tag-link' as const }));
        tags.push(Object.assign(token(text, i + 1, i + 1 + m[1].length), { code: m[1].toUpperCase(), wrapper }));
        i = wrapper.end;
        continue;
      }
    }
    if (c === '(') {
      const close = text.indexOf(')', i);
      const e = close >= 0 && close < end ? close + 1 : end;
      names.push(token(text, i, e));
      i = e;
      continue;
    }
    let j = i;
    while (j < end && !' \t,;('.includes(text[j])) j++;
    let k = j;
    while (k > i && text[k - 1] === '.') k--; // trailing full stop
    if (k > i) tags.push(Object.assign(token(text, i, k), { code: text.slice(i, k).toUpperCase() }));
    i = j;
  }
  return commas;
}

// ---- REF ------------------------------------------------------------------

// `A.`, `A)`, `(A)`, `A:` followed by a space or the end of the segment, also after a repeated
// keyword (`REF A: VATICAN 05286; REF B: ...`); `(A)` and `A)` may run on into the target
// (`(A)STATE 175414`, `A)Brasilia 1073`).
// `B.TRIPOLI 566` runs on too, but `U.S.` does not.
const MARKER =
  /^(?:[Rr][Ee][Ff]\s{1,3})?(?:\(\s?([A-Za-z])\s?\)|([A-Za-z])[.):])(?=\s|$)|^(?:\(\s?([A-Za-z])\s?\)|([A-Za-z])\)|([A-Z])\.(?=[A-Z]{2}))(?=[A-Z0-9])|^[Rr][Ee][Ff]\s{1,3}([A-Z])(?=\s+[A-Z0-9])/;
// A keyword repeated after the marker (`A. REF: LAGOS 066`).
const KEYWORD_AGAIN = /^REFS?\s*:\s*/i;

/** A lettered marker at `start` (`A.`, `A)`, `(A)`, `REF A:`). */
export function refMarker(text: string, start: number, end: number): { marker: Token; letter: string } | undefined {
  const m = MARKER.exec(text.slice(start, Math.min(end, start + 12)));
  if (!m) return undefined;
  return { marker: token(text, start, start + m[0].length), letter: (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6]).toUpperCase() };
}

function targetStart(text: string, i: number, end: number): number {
  i = skipSpace(text, i, end);
  const k = KEYWORD_AGAIN.exec(text.slice(i, Math.min(end, i + 12)));
  return k ? i + k[0].length : i;
}

/**
 * Splits [start, end) into REF items. Run-in items (`(A) MINSK 0638, (B) MINSK 0118`)
 * are split only at markers whose letters follow in sequence, so that `U.S.` or
 * `A.` inside a target is not taken for a marker. With `continueLast`, text
 * before the first marker continues the last item (a wrapped line).
 */
export function readRefItems(
  text: string,
  start: number,
  end: number,
  items: RefItem[],
  expect: string | undefined,
  continueLast = false,
): void {
  const i = skipSpace(text, start, end);
  const first = refMarker(text, i, end);
  const last = continueLast && !first ? items.pop() : undefined;
  let current: { start: number; marker?: Token; letter?: string; targetStart: number } = first
    ? { start: i, marker: first.marker, letter: first.letter, targetStart: targetStart(text, first.marker.end, end) }
    : last
      ? { start: last.start, marker: last.marker, letter: last.letter, targetStart: last.target.start }
      : { start: i, targetStart: i };
  let next = String.fromCharCode((first?.letter ?? last?.letter ?? expect ?? '@').charCodeAt(0) + 1);
  const push = (e: number) => {
    const te = trimEnd(text, current.targetStart, e);
    let tEnd = te;
    while (tEnd > current.targetStart && (text[tEnd - 1] === ',' || text[tEnd - 1] === ';')) tEnd--;
    items.push({
      start: current.start,
      end: te,
      marker: current.marker,
      letter: current.letter,
      target: token(text, current.targetStart, tEnd),
    });
  };
  if (first || last?.letter) {
    for (let j = first ? current.targetStart : i; j < end; j++) {
      const ch = text[j];
      // A serial run on into the next marker (`STATE 14201B. GENEVA 133`): split before the letter.
      const glued = ch >= '0' && ch <= '9' && text[j + 1] === next && text[j + 2] === '.' && text[j + 3] === ' ';
      if ((ch === ' ' || ch === ',' || ch === ';' || glued) && j + 1 < end) {
        const k = glued ? j + 1 : skipSpace(text, j + 1, end);
        const mk = refMarker(text, k, end);
        if (mk && mk.letter === next) {
          push(glued ? j + 1 : j);
          current = { start: k, marker: mk.marker, letter: mk.letter, targetStart: targetStart(text, mk.marker.end, end) };
          next = String.fromCharCode(mk.letter.charCodeAt(0) + 1);
          j = Math.max(current.targetStart, k + 1) - 1;
        }
      }
    }
  }
  if (i < end || last) push(end);
}

// ---- Classified By ---------------------------------------------------------

// `1.4`, also split over a line break (`1 \n.4`) or followed by punctuation (`1.4, b/d`, `1.4. (B)`).
const SECTION = /\b1[ \t\r\n]{0,3}\.[ \t\r\n]{0,3}([45])(?=\s|\(|[a-hA-H]\b|$|\)|[.,;:])/;
const REASONS_WORD = /\bREASONS?\b\s*:?/i;

/** Finds the 1.4/1.5 section and the reason letters in [start, end). */
export function parseReasons(
  text: string,
  start: number,
  end: number,
): Pick<ClassifiedBy, 'section' | 'reasons'> & { authorityEnd: number } {
  const s = text.slice(start, end);
  const sec = SECTION.exec(s);
  let from: number;
  let authorityEnd: number;
  let section: Token | undefined;
  if (sec) {
    section = token(text, start + sec.index, start + sec.index + sec[0].length);
    from = section.end;
    authorityEnd = start + sec.index;
  } else {
    const r = REASONS_WORD.exec(s);
    if (!r) return { section: undefined, reasons: [], authorityEnd: end };
    from = start + r.index + r[0].length;
    authorityEnd = start + r.index;
  }
  // Letters: single letters standing alone, joined by spaces, commas, `and`,
  // `&`, `/` and parentheses. Stop at the first longer word.
  const reasons: Token[] = [];
  let i = from;
  while (i < end) {
    const c = text[i];
    // A portion marking after the reasons starts the text (`1.4 (c)  (S/NF) HMG agrees`); `(C)` alone is reason (c).
    if (c === '(' && reasons.length > 0) {
      const mk = parseMarking(text, i, end);
      if (mk?.level && !/^[A-H]$/.test(mk.value)) break;
    }
    if (' \t\r\n,/&();:\\'.includes(c) || (c === '.' && reasons.length === 0)) {
      i++;
      continue;
    }
    // `REASONS 1 (B) AND (D)`, `reasons 1.b and d`: a section number garbled to a lone digit before the letters.
    if (!section && reasons.length === 0 && /[0-9]/.test(c) && i + 1 < end && !/[0-9.]/.test(text[i + 1])) {
      i++;
      continue;
    }
    if (!section && reasons.length === 0 && /[0-9]/.test(c) && text[i + 1] === '.' && /[A-Za-z]/.test(text[i + 2] ?? '')) {
      i += 2;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < end && /[A-Za-z]/.test(text[j])) j++;
      const w = text.slice(i, j);
      if (w.length === 1) reasons.push(token(text, i, j));
      else if (!/^(and|or)$/i.test(w)) break;
      i = j;
      continue;
    }
    break; // a full stop or anything else ends the list
  }
  // Back up over the connecting words ("for reasons", "per", "reason:", also split: `REAS\nONS`) so the authority is just the name and title.
  // Only the last 80 characters are searched, which keeps this linear on long lines.
  const tailStart = Math.max(start, authorityEnd - 80);
  const conn = /[\s,;.]*(?:(?:for|per|under|E\.?O\.?\s*\d{5}|r\s?e\s?a\s{0,3}s\s{0,3}o\s{0,3}n\s?s?|sections?|sec\.?)[\s,;:.]*)*$/i.exec(
    text.slice(tailStart, authorityEnd),
  );
  if (conn) authorityEnd = tailStart + conn.index;
  return { section, reasons, authorityEnd };
}
