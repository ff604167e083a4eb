import type { Artifact, Block, Level, Line, Marking, Paragraph, RefMention, SubParagraph, Token } from '../model';
import { parseBanner, parseMarking } from './classification';
import { contentStart, skipSpace, token, trimEnd } from './lines';
import { preambleStart } from './preamble';

// The body: numbered paragraphs with their markings and sub-paragraphs,
// SUMMARY/COMMENT blocks, page lines of long cables, references to REF items,
// and the signature.

// `1.KEY POINTS` and a redacted `3.xxxxxxxxxxxx` (no space) count; `1.5` and `2.A.` do not.
const PARA = /^(\d{1,3})(\.|\))(?=\s|\(|$|[A-Z][A-Za-z]|xxxx)/;
// A number with a marking but no full stop: `3 (C)`, `5, (S/NF)` (not `2(C)(2)`).
const PARA_NO_DOT = /^(\d{1,3})(?:([,:;])[ \t]*|[ \t]+)(?=\((?:U|C|S|SBU|TS)[)/-])/;
// `15, Arias confirmed ...`: a comma for the full stop (weak: only where it fits the numbering).
const PARA_COMMA = /^(\d{1,3})(,)(?= [A-Z])/;
// A printout page line run on with the text after it (`PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) ...`).
const PAGE_PREFIX = /^PAGE\s+\d{1,3}\s+[A-Za-z][A-Za-z .'-]{0,30}\s\d{5,8}\s+\d{2,3}(?:\.\d)?\s+OF\s+\d{2,3}(?:\s+\d{6}Z)?\s+(?=\S)/i;
// A web-page preview of paragraph 1 (`1. ...`, `1. (C...`, `1. (U) ...`), not a paragraph.
const PREVIEW = /^\s*(?:\([A-Za-z/ ]{0,12}\)?\s?)?(?:\.\.\.|…)\s*$/;
// The 1970s-1990 convention `1. SECRET - ENTIRE TEXT.` in place of portion markings.
const ENTIRE_TEXT = /^(UNCLASSIFIED|LIMITED[ \t]OFFICIAL[ \t]USE|CONFIDENTIAL|SECRET|TOP[ \t]SECRET)[ \t]{0,3}-{1,2}[ \t]{0,3}ENTIRE[ \t]TEXT\b/i;
// A paragraph head inside a line: `end. 2. (C) ...`, `HEADING  3. (C) ...`, or unmarked after the end of a sentence: `end. 7. The`.
const INLINE_PARA = /\S[ \t]{1,3}(\d{1,3})\.[ \t]{0,3}(?=[(A-Z])/g;
const SUBNUM = /^(\d{1,3})\.?([A-Za-z])[.)](?=\s)/;
const SUB = /^(\(([A-Za-z])\)|([A-Za-z])\)|([A-Z])\.)(?=\s)/;
export const PAGE_LINE = /^(?:PAGE\s+\d{1,3}\s+)?[A-Za-z][A-Za-z .'-]{0,30}\s\d{5,8}\s+\d{2,3}(?:\.\d)?\s+OF\s+\d{2,3}(?:\s+\d{6}Z)?\s*$/i;
const TRAILER = /^(=+.*=+|NNNN|BT)\s*$/;
const SIGNATURE = /^[A-Z][A-Za-z'-]{1,24}(?: [A-Z][A-Za-z'-]{1,24}){0,2}\.?$/;
const RUN_ON_SIGNATURE = /[.)"]\s+([A-Z][A-Z'-]{1,24}(?: [A-Z][A-Z'-]{1,24})?)\s*$/;
const MARKER = /\b(END\s+(?:OF\s+)?)?(SUMMARY|SUMMAY|COMMENT)\b/gi;
const REF_WORD = /\bREF(?:TEL)?S?\b/gi;
const NOT_SIGNATURE = /^(END|SIPDIS|NOFORN|SUMMARY|COMMENT|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET)\b/i;

export interface BodyResult {
  paragraphs: Paragraph[];
  blocks: Block[];
  pageLines: Token[];
  signature?: Token;
  refMentions: RefMention[];
}

/** `from` > the start of line `first`: the body starts inside that line (paragraph 1 run on with the preamble). */
export function parseBody(text: string, lines: Line[], first: number, artifacts: Artifact[], from = 0): BodyResult {
  const out: BodyResult = { paragraphs: [], blocks: [], pageLines: [], refMentions: [] };
  if (first >= lines.length) return out;

  // Signature: the last non-empty line, past any trailer such as `===CABLE ENDS===`.
  let last = lines.length - 1;
  while (last >= first && (lines[last].text.trim() === '' || TRAILER.test(lines[last].text.trim()))) last--;
  let bodyEndLine = last;
  if (last >= first) {
    const l = lines[last];
    const cs = skipSpace(text, l.start, l.end);
    const ce = trimEnd(text, cs, l.end);
    const s = text.slice(cs, ce);
    if (s.length <= 60 && SIGNATURE.test(s) && !NOT_SIGNATURE.test(s) && !PARA.test(s)) {
      out.signature = token(text, cs, ce);
      bodyEndLine = last - 1;
    } else if (ce - cs < 20000) {
      const m = RUN_ON_SIGNATURE.exec(s.slice(-80));
      if (m && !NOT_SIGNATURE.test(m[1])) {
        out.signature = token(text, ce - m[1].length, ce);
      }
    }
  }

  const openBlocks: Record<'summary' | 'comment', Block[]> = { summary: [], comment: [] };
  const candidates: Candidate[] = [];
  let afterRepeat = false; // a repeated header element was seen since the last paragraph
  // Whether a line continues the last line of text: no blank line between them
  // (page breaks and the blank lines around them do not count, §11), and that
  // line stopped mid-sentence.
  let lastMid = false;
  let afterPara = false; // the last line of text ends with "see para" / "paragraph": a number on the next line is its reference
  let gap = true;
  let pageBreak = false;
  let para: Paragraph | undefined;
  let qa = false; // the last lettered line was `Q.` (a question; its `A.` is the answer)
  let paraLastLine = -1;
  const closePara = () => {
    if (para && paraLastLine >= 0) para.end = Math.max(para.head.end, trimEnd(text, lines[paraLastLine].start, lines[paraLastLine].end));
    para = undefined;
  };

  for (let n = first; n <= bodyEndLine; n++) {
    const line = lines[n];
    let cs = line.start === line.end ? line.end : contentStart(text, line, artifacts);
    if (n === first && from > cs && from <= line.end) cs = from;
    if (cs >= line.end) {
      if (!pageBreak) gap = true;
      continue;
    }
    const ce = trimEnd(text, cs, line.end);
    let content = text.slice(cs, Math.min(ce, cs + 200));

    if (ce - cs < 200 && (PAGE_LINE.test(content) || (ce - cs <= 40 && isClassWord(text, cs, ce)))) {
      out.pageLines.push(token(text, cs, ce));
      gap = false;
      pageBreak = true;
      continue;
    }
    if (ce - cs === 6 && content === 'SIPDIS') {
      // The telegram system inserts SIPDIS on a line of its own, even mid-sentence.
      gap = false;
      pageBreak = true;
      continue;
    }
    const rb = ce - cs < 200 ? parseBanner(text, cs, ce, true) : undefined;
    if (rb && (rb.section || rb.serial)) {
      out.pageLines.push(token(text, cs, ce));
      afterRepeat = true;
      gap = false;
      pageBreak = true;
      continue;
    }
    const pp = (content.charCodeAt(0) | 32) === 112 ? PAGE_PREFIX.exec(content) : null; // `PAGE ...`
    if (pp) {
      out.pageLines.push(token(text, cs, trimEnd(text, cs, cs + pp[0].length)));
      cs += pp[0].length;
      content = text.slice(cs, Math.min(ce, cs + 200));
      gap = false;
    }
    const wrapped = !gap && lastMid;
    const c0 = content.charCodeAt(0) | 32; // an E.O., TAGS or SUBJECT line repeated in a second copy
    if (c0 === 101 || c0 === 116 || c0 === 115) {
      const pre = preambleStart(text, cs, ce);
      if (pre && (pre.kind === 'eo' || pre.kind === 'tags' || pre.kind === 'subject')) afterRepeat = true;
    }

    let textStart = cs; // where prose on this line starts (after number, marking, letter)
    let m = PARA.exec(content) ?? PARA_NO_DOT.exec(content) ?? PARA_COMMA.exec(content);
    if (m && PREVIEW.test(text.slice(cs + m[0].length, Math.min(ce, cs + m[0].length + 30)))) m = null;
    if (m) {
      closePara();
      const number = token(text, cs, cs + m[1].length);
      const punctuation = m[2] ?? '';
      let i = skipSpace(text, cs + m[0].length, ce);
      const at = i;
      const marking = parseMarking(text, i, ce) ?? entireTextMarking(text, i, ce) ?? leadInMarking(text, lines, n, i, ce);
      const head = { start: cs, end: marking ? marking.end : cs + m[0].length };
      if (marking) i = skipSpace(text, marking.end, ce);
      textStart = i;
      // `3)` is mostly a list item, an unmarked number after a line that stops
      // mid-sentence is mostly a wrapped line ("on November / 28. Ramaer said"), and
      // a number alone on its line is mostly the end of "see para / 6.":
      // settleParagraphs() keeps them only where they fit the numbering.
      let weak: Candidate['weak'];
      if (punctuation === ')' || (punctuation === ',' && !marking)) weak = 'list';
      else if (!marking && (wrapped || afterPara || i >= ce || text[i] === '-')) weak = 'wrapped'; // `see paragraph / 6. ---- BACKGROUND ----`
      para = {
        start: cs,
        end: ce,
        number,
        value: Number(m[1]),
        punctuation,
        head,
        marking,
        subparagraphs: [],
        firstWords: firstWords(text, marking && marking.start > at ? at : i, ce),
      };
      candidates.push({ para, weak, afterRepeat });
      qa = false;
      afterRepeat = false;
      paraLastLine = n;
    } else {
      const sn = SUBNUM.exec(content);
      const sm = sn ? undefined : SUB.exec(content);
      if ((sn || sm) && para) {
        const mk = (sn ?? sm)!;
        const letter = (sn ? sn[2] : (sm![2] ?? sm![3] ?? sm![4])).toUpperCase();
        const marker = token(text, cs, cs + (sn ? sn[0].length : sm![1].length));
        if (isSubItem(para.subparagraphs, marker.text, letter, wrapped, qa)) {
          const sub: SubParagraph = { start: cs, end: ce, marker, letter };
          para.subparagraphs.push(sub);
          textStart = skipSpace(text, cs + mk[0].length, ce);
        }
        qa = letter === 'Q' && marker.text.endsWith('.') && !qa;
      }
      const prev = para?.subparagraphs[para.subparagraphs.length - 1];
      if (prev && prev.start !== cs) prev.end = ce; // sub-paragraph text runs until the next marker
      if (para) paraLastLine = n;
    }

    // Copies that lost their line breaks run paragraphs together (`... end. 2. (C) Next`):
    // the next number, with a marking, after the end of a sentence starts a paragraph mid-line.
    if (ce - textStart > 40) {
      const rest = text.slice(textStart, ce);
      INLINE_PARA.lastIndex = 0;
      for (let im = INLINE_PARA.exec(rest); im; im = INLINE_PARA.exec(rest)) {
        const last = candidates[candidates.length - 1]?.para;
        const value = Number(im[1]);
        if (value !== (last ? last.value + 1 : 1)) continue;
        const ns = textStart + im.index + im[0].indexOf(im[1], 1);
        const after = textStart + im.index + im[0].length;
        const marking = parseMarking(text, after, ce);
        // Unmarked only where the paragraph before is unmarked too, and before a capital: `... end. 7. The`.
        const unmarked = !marking && last !== undefined && !last.marking && after > ns + im[1].length + 1 && text[after] !== '(' && '.!?"\')]-'.includes(im[0][0]);
        if (!marking?.level && !unmarked) continue;
        const headEnd = marking ? marking.end : ns + im[1].length + 1;
        if (para) para.end = Math.max(para.head.end, trimEnd(text, para.start, ns));
        para = {
          start: ns,
          end: ce,
          number: token(text, ns, ns + im[1].length),
          value,
          punctuation: '.',
          head: { start: ns, end: headEnd },
          marking: marking?.level ? marking : undefined,
          subparagraphs: [],
          firstWords: firstWords(text, skipSpace(text, headEnd, ce), ce),
        };
        candidates.push({ para, afterRepeat: false });
        qa = false;
        paraLastLine = n;
      }
    }

    if (ce - cs > 0) {
      scanBlocks(text, cs, ce, textStart, out.blocks, openBlocks, () => around(text, lines, n));
      scanRefs(text, cs, ce, out.refMentions);
    }
    lastMid = ce - textStart >= 20 && midSentence(text, cs, ce); // not counting the number: renumbering must not change it
    afterPara = endsWithPara(text, cs, ce);
    gap = false;
    pageBreak = false;
  }
  closePara();
  out.paragraphs = settleParagraphs(candidates);
  for (const p of out.paragraphs) {
    const subs = p.subparagraphs;
    for (let k = 0; k < subs.length; k++) if (subs[k].end > p.end) subs[k].end = p.end;
  }
  // Blocks still open run to the end of the body.
  const bodyEnd = bodyEndLine >= first ? trimEnd(text, lines[bodyEndLine].start, lines[bodyEndLine].end) : text.length;
  for (const b of out.blocks) if (!b.close) b.end = Math.max(b.start, bodyEnd);
  return out;
}

function entireTextMarking(text: string, i: number, ce: number): Marking | undefined {
  const m = ENTIRE_TEXT.exec(text.slice(i, Math.min(ce, i + 60)));
  if (!m) return undefined;
  const word = m[1].toUpperCase().replace(/\t/g, ' ');
  const level: Level = word === 'TOP SECRET' ? 'TS' : word === 'SECRET' ? 'S' : word === 'CONFIDENTIAL' ? 'C' : word === 'UNCLASSIFIED' ? 'U' : 'SBU';
  return Object.assign(token(text, i, i + m[0].length), { value: `${level}-ENTIRE TEXT`, level, caveats: ['ENTIRE TEXT'], known: true });
}

/**
 * A marking after a short lead-in: `KEY POINTS -- (C)`, `Summary: (C)`,
 * `Summary and comment. (C)`, or a heading whose first bullet carries it
 * (`1. KEY POINTS` / `-- (C) ...` on the next line). The paragraph is marked,
 * if not in the usual place.
 */
function leadInMarking(text: string, lines: Line[], n: number, i: number, ce: number): Marking | undefined {
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

function isWordChar(c: number): boolean {
  return c === 32 || c === 9 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether a line stops mid-sentence: a letter, digit, comma or hyphen at its end (a trailing `\` is a copy artifact). */
function midSentence(text: string, cs: number, ce: number): boolean {
  let e = ce;
  if (text.charCodeAt(e - 1) === 92) e = trimEnd(text, cs, e - 1);
  const c = text.charCodeAt(e - 1);
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 44 || c === 45;
}

/** Whether a line ends with the word `para`, `paras` or `paragraph(s)`, with or without a full stop. */
function endsWithPara(text: string, cs: number, ce: number): boolean {
  let e = ce;
  if (text.charCodeAt(e - 1) === 46) e--;
  for (const w of ['paragraphs', 'paragraph', 'paras', 'para']) {
    const s = e - w.length;
    if (s >= cs && text.slice(s, e).toLowerCase() === w && (s === cs || text[s - 1] === ' ')) return true;
  }
  return false;
}

/** A class word alone on a line: printouts repeat it at every page break (` CONFIDENTIAL`). */
function isClassWord(text: string, cs: number, ce: number): boolean {
  const b = parseBanner(text, cs, ce, false);
  return b !== undefined && b.end === ce && !b.post && !b.section;
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
function isSubItem(subs: SubParagraph[], marker: string, letter: string, wrapped: boolean, afterQ: boolean): boolean {
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

interface Candidate {
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
function settleParagraphs(cands: Candidate[]): Paragraph[] {
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
    if (c.weak === 'wrapped') ok = (c.para.value === expected && nextStrong[i] !== c.para.value) || (c.para.value === 1 && last !== undefined);
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

function firstWords(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 80)).trim();
  const words = s.split(/\s+/).slice(0, 8).join(' ');
  return words.length > 60 ? words.slice(0, 60) + '…' : words;
}

function scanBlocks(
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
      ((nb().ruled && (ce - cs <= 80 || text.endsWith('---', ce))) || (ce - cs <= 60 && ALONE.test(text.slice(at + m[0].length, ce)) && nb().breakAfter));
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

interface Around {
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

function around(text: string, lines: Line[], n: number): Around {
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
    else if (at - textStart <= 40 && at > textStart && /^[A-Za-z]+\s+and\s+$/i.test(text.slice(textStart, at)) && !/^(SUMMA?R?Y|COMMENT)\b/i.test(text.slice(textStart, at))) before = true;
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

function scanRefs(text: string, cs: number, ce: number, mentions: RefMention[]): void {
  const s = text.slice(cs, ce);
  REF_WORD.lastIndex = 0;
  for (let m = REF_WORD.exec(s); m; m = REF_WORD.exec(s)) {
    const at = cs + m.index;
    const word = m[0].toUpperCase();
    const letters: Token[] = [];
    let i = at + m[0].length;
    // `(REF. A)`: a full stop after the word, taken only when the letter is followed by `)`, `,`, `;` or the line end
    // ("as reported reftel. A new law" is a sentence).
    const dot = text[i] === '.';
    if (dot) i++;
    let lastEnd = i;
    for (;;) {
      let j = skipSpace(text, i, ce);
      const paren = text[j] === '(';
      if (paren) j++;
      const c = text[j];
      if (!c || !/[A-Za-z]/.test(c) || /[A-Za-z0-9]/.test(text[j + 1] ?? '')) break;
      if (dot && letters.length === 0 && j + 1 < ce && !/[),;]/.test(text[j + 1])) break;
      // A lower-case "a" after "ref" can be the article; only take it when a
      // marker-like context follows (end, punctuation, "and", another letter).
      letters.push(token(text, j, j + 1));
      i = j + 1;
      if (paren && text[i] === ')') i++;
      lastEnd = i;
      // `refs A, B and C`, `refs A/B`, and ranges `refs a-d` (both ends are kept).
      const sep = /^\s*(,|and\b|&|\/|-|\u2013|through\b|thru\b)\s*/i.exec(text.slice(i, Math.min(ce, i + 10)));
      if (!sep) break;
      i += sep[0].length;
    }
    if (letters.length === 0 && word !== 'REFTEL' && word !== 'REFTELS') continue;
    mentions.push(Object.assign(token(text, at, letters.length ? lastEnd : at + m[0].length), { letters }));
    REF_WORD.lastIndex = i - cs;
  }
}
