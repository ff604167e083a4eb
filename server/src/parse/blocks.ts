import type { Block, Line } from '../model';
import { skipSpace, token, trimEnd } from './lines';

// SUMMARY and COMMENT blocks: opening and closing markers anywhere in a body
// line, and section headings (`COMMENT` over a rule of dashes).

const MARKER = /\b(END\s+(?:OF\s+)?)?(SUMMARY|SUMMAY|COMMENT)\b/gi;

export function scanBlocks(
  text: string,
  cs: number,
  ce: number,
  textStart: number,
  blocks: Block[],
  open: Record<'summary' | 'comment', Block[]>,
  neighbours: () => Around,
): void {
  const s = text.slice(cs, ce);
  let near: Around | undefined;
  const nb = () => (near ??= neighbours());
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(s); m; m = MARKER.exec(s)) {
    const at = cs + m.index;
    const kind = m[2].toUpperCase() === 'COMMENT' ? 'comment' : 'summary';
    const lead = at - cs <= 12 ? text.slice(cs, at) : undefined; // what stands before the marker on its line
    const first = lead !== undefined && (/^[\s-]*$/.test(lead) || SECTION_NUMBER.test(lead));
    // `END` / `SUMMARY.` over two lines is one closing marker; `Summary and` / `comment:` is one opening one.
    const wrappedEnd = !m[1] && at === cs ? nb().endBefore : undefined;
    if (!m[1] && at === cs && nb().andBefore) continue;
    if (m[1] || wrappedEnd !== undefined) {
      const close = token(text, wrappedEnd ?? at, at + m[0].length);
      const b = open[kind].pop();
      if (b) {
        b.close = close;
        b.end = close.end;
      } else {
        blocks.push({ kind, start: at, end: close.end, close });
      }
      continue;
    }
    // A section heading: a short line beside a rule of dashes (`COMMENT` / `-------`, `---- Summary ----`),
    // or the marker alone on its line (`Comment: Going Forward`) with a break or paragraph 1 after it.
    const heading =
      first &&
      ce - cs <= 160 &&
      ((nb().ruled && (ce - cs <= 80 || text.endsWith('---', ce))) ||
        (ce - cs <= 60 && ALONE.test(text.slice(at + m[0].length, ce)) && nb().breakAfter));
    // A marker at the start of a wrapped line ("asked the Embassy for / comment.") is not at the start of a sentence.
    const lineStartOk = at !== cs || nb().sentenceBefore;
    if (!heading && !isOpener(text, cs, ce, textStart, at, at + m[0].length, lineStartOk)) continue;
    const b: Block = { kind, start: at, end: ce, open: token(text, at, at + m[0].length) };
    if (heading) b.heading = true;
    else if (text[backOver(text, cs, at)] === '(') b.parenthesized = true;
    blocks.push(b);
    // A heading needs no END marker, but one may still follow.
    open[kind].push(b);
  }
}

// A rule line: dashes (`-------`, `- - - -`, `=====`, `——`).
const RULE_LINE = /^[-=_\u2013\u2014](?:[ ]?[-=_\u2013\u2014]){1,}$/;
// After a marker alone on its line: nothing, or `:`/`-` and a short title that is not a sentence.
const ALONE = /^\s*(?:[:-]\s*[^.!?:]{0,40})?$/;

export interface Around {
  /** Next to a rule line, or dashes on the line itself. */
  ruled: boolean;
  /** The next line is blank, a rule or a numbered paragraph (or there is none). */
  breakAfter: boolean;
  /** Where a trailing `END` starts on the line before. */
  endBefore?: number;
  /** The line before ends with `and` (`End summary and` / `comment.`). */
  andBefore: boolean;
  /** The line before is blank, or ends a sentence, a heading or a marking: this line starts afresh. */
  sentenceBefore: boolean;
}

export function around(text: string, lines: Line[], n: number): Around {
  const own = lines[n].text.trim();
  const near = (k: number) => (k >= 0 && k < lines.length && lines[k].text.length < 200 ? lines[k].text.trim() : undefined);
  const before = near(n - 1);
  const after = near(n + 1);
  const ruled = own.startsWith('---') || own.endsWith('---') || RULE_LINE.test(before ?? '') || RULE_LINE.test(after ?? '');
  const next = n + 1 < lines.length ? lines[n + 1].text.slice(0, 12).trim() : '';
  const breakAfter = next === '' || RULE_LINE.test(after ?? '') || /^\d{1,3}\.\s*\(/.test(next);
  let endBefore: number | undefined;
  let andBefore = false;
  let sentenceBefore = true;
  if (n > 0) {
    const l = lines[n - 1];
    const e = trimEnd(text, l.start, l.end);
    const tail = text.slice(Math.max(l.start, e - 4), e);
    if (/(^|[\s.(])END$/i.test(tail)) endBefore = e - 3;
    andBefore = /(^|\s)AND$/i.test(tail);
    sentenceBefore = e === l.start || /[.!?:;"')\]\u201d-]/.test(text[e - 1]);
  }
  return { ruled, breakAfter, endBefore, andBefore, sentenceBefore };
}

/** The offset of the last character before `at` that is not a space or a dash (cs - 1 if none). */
function backOver(text: string, cs: number, at: number): number {
  let p = at - 1;
  while (p >= cs && (text[p] === ' ' || text[p] === '\t' || text[p] === '-')) p--;
  return p;
}

// `3. (C) ` just before the marker: a paragraph head in a line that runs paragraphs together.
const PARA_HEAD_BEFORE = /\d{1,3}\.\s{0,3}\([A-Z/]{1,12}\)\s{0,3}$/;
// `I. `, `A. `, `2. ` alone before the marker: a numbered section heading (`I. Summary`).
const SECTION_NUMBER = /^[\s-]{0,4}(?:[IVX]{1,4}|[A-Z]|\d{1,2})[.)][\s-]{0,4}$/;

// An opening marker stands at the start of the paragraph text or line, after
// `(`, or after the end of a sentence, and is followed by `:`, `-` or `.`
// (or ends the line). "declined to comment." is not a marker.
function isOpener(text: string, cs: number, ce: number, textStart: number, at: number, end: number, lineStartOk = true): boolean {
  const p = backOver(text, cs, at);
  // textStart > cs: the text after a paragraph number and marking, which starts afresh.
  const fresh = textStart > cs || lineStartOk;
  let lineStart = (p < cs && lineStartOk) || (at === textStart && fresh) || (p < textStart && at >= textStart && (p >= cs || fresh));
  if (!lineStart && p >= cs && text[p] === ')' && PARA_HEAD_BEFORE.test(text.slice(Math.max(cs, at - 24), at))) lineStart = true;
  if (!lineStart && at - cs <= 12 && SECTION_NUMBER.test(text.slice(cs, at))) lineStart = true;
  // "Begin Comment." opens as surely as a line start does.
  const begin = p >= cs && /^BEGIN$/i.test(text.slice(Math.max(cs, p - 4), p + 1));
  let before = lineStart || begin;
  if (!before && p >= cs) {
    const c = text[p];
    if (c === '(') before = true;
    else if (/[.!?:"]/.test(c)) before = true;
    // "Introduction and Summary:" at the start of the paragraph.
    // ("Summary and comment:" is one summary: the opener reads "AND COMMENT" with it.)
    else if (
      at - textStart <= 40 &&
      at > textStart &&
      /^[A-Za-z]+\s+and\s+$/i.test(text.slice(textStart, at)) &&
      !/^(SUMMA?R?Y|COMMENT)\b/i.test(text.slice(textStart, at))
    )
      before = true;
  }
  if (!before) return false;
  let q = skipSpace(text, end, ce);
  // "SUMMARY AND COMMENT:", "SUMMARY AND ACTION REQUEST:"
  const and = /^AND\s+[A-Z]+(?:\s+[A-Z]+)?/i.exec(text.slice(q, Math.min(ce, q + 40)));
  if (and) q = skipSpace(text, q + and[0].length, ce);
  if (q >= ce) return lineStart || begin;
  const c = text[q];
  if (c === ':' || c === '-') return true;
  if (c === '.' || c === '/') return lineStart || begin; // `Summary.`, `Summary/Action Request.`
  return false;
}
