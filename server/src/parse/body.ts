import type { Artifact, Block, Line, Paragraph, RefMention, SubParagraph, Token } from '../model';
import { parseBanner, parseMarking } from './classification';
import { contentStart, skipSpace, token, trimEnd } from './lines';

// The body: numbered paragraphs with their markings and sub-paragraphs,
// SUMMARY/COMMENT blocks, page lines of long cables, references to REF items,
// and the signature.

const PARA = /^(\d{1,3})(\.|\))(?=\s|\(|$)/;
const PARA_NO_DOT = /^(\d{1,3})[ \t]+(?=\((?:U|C|S|SBU|TS)[)/-])/;
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

export function parseBody(text: string, lines: Line[], first: number, artifacts: Artifact[]): BodyResult {
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
  let para: Paragraph | undefined;
  let paraLastLine = -1;
  const closePara = () => {
    if (para && paraLastLine >= 0) para.end = Math.max(para.head.end, trimEnd(text, lines[paraLastLine].start, lines[paraLastLine].end));
    para = undefined;
  };

  for (let n = first; n <= bodyEndLine; n++) {
    const line = lines[n];
    if (line.start === line.end) continue;
    const cs = contentStart(text, line, artifacts);
    if (cs >= line.end) continue;
    const ce = trimEnd(text, cs, line.end);
    const content = text.slice(cs, Math.min(ce, cs + 200));

    if (PAGE_LINE.test(content) && ce - cs < 200) {
      out.pageLines.push(token(text, cs, ce));
      continue;
    }
    const rb = ce - cs < 200 ? parseBanner(text, cs, ce, true) : undefined;
    if (rb && (rb.section || rb.serial)) {
      out.pageLines.push(token(text, cs, ce));
      continue;
    }

    let textStart = cs; // where prose on this line starts (after number, marking, letter)
    let m = PARA.exec(content) ?? PARA_NO_DOT.exec(content);
    if (m) {
      closePara();
      const number = token(text, cs, cs + m[1].length);
      const punctuation = m[2] ?? '';
      let i = skipSpace(text, cs + m[0].length, ce);
      const marking = parseMarking(text, i, ce);
      const head = { start: cs, end: marking ? marking.end : cs + m[0].length };
      if (marking) i = skipSpace(text, marking.end, ce);
      textStart = i;
      para = {
        start: cs,
        end: ce,
        number,
        value: Number(m[1]),
        punctuation,
        head,
        marking,
        subparagraphs: [],
        firstWords: firstWords(text, i, ce),
      };
      out.paragraphs.push(para);
      paraLastLine = n;
    } else {
      const sn = SUBNUM.exec(content);
      const sm = sn ? undefined : SUB.exec(content);
      if ((sn || sm) && para) {
        const mk = (sn ?? sm)!;
        const letter = (sn ? sn[2] : (sm![2] ?? sm![3] ?? sm![4])).toUpperCase();
        const marker = token(text, cs, cs + (sn ? sn[0].length : sm![1].length));
        const sub: SubParagraph = { start: cs, end: ce, marker, letter };
        para.subparagraphs.push(sub);
        textStart = skipSpace(text, cs + mk[0].length, ce);
      }
      const prev = para?.subparagraphs[para.subparagraphs.length - 1];
      if (prev && prev.start !== cs) prev.end = ce; // sub-paragraph text runs until the next marker
      if (para) paraLastLine = n;
    }

    if (ce - cs > 0) {
      scanBlocks(text, cs, ce, textStart, out.blocks, openBlocks);
      scanRefs(text, cs, ce, out.refMentions);
    }
  }
  closePara();
  for (const p of out.paragraphs) {
    const subs = p.subparagraphs;
    for (let k = 0; k < subs.length; k++) if (subs[k].end > p.end) subs[k].end = p.end;
  }
  // Blocks still open run to the end of the body.
  const bodyEnd = bodyEndLine >= first ? trimEnd(text, lines[bodyEndLine].start, lines[bodyEndLine].end) : text.length;
  for (const b of out.blocks) if (!b.close) b.end = Math.max(b.start, bodyEnd);
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
): void {
  const s = text.slice(cs, ce);
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(s); m; m = MARKER.exec(s)) {
    const at = cs + m.index;
    const kind = m[2].toUpperCase() === 'COMMENT' ? 'comment' : 'summary';
    if (m[1]) {
      const close = token(text, at, at + m[0].length);
      const b = open[kind].pop();
      if (b) {
        b.close = close;
        b.end = close.end;
      } else {
        blocks.push({ kind, start: at, end: close.end, close });
      }
      continue;
    }
    if (!isOpener(text, cs, ce, textStart, at, at + m[0].length)) continue;
    const b: Block = { kind, start: at, end: ce, open: token(text, at, at + m[0].length) };
    blocks.push(b);
    open[kind].push(b);
  }
}

// An opening marker stands at the start of the paragraph text or line, after
// `(`, or after the end of a sentence, and is followed by `:`, `-` or `.`
// (or ends the line). "declined to comment." is not a marker.
function isOpener(text: string, cs: number, ce: number, textStart: number, at: number, end: number): boolean {
  let p = at - 1;
  while (p >= cs && (text[p] === ' ' || text[p] === '\t' || text[p] === '-')) p--;
  const lineStart = p < cs || at === textStart || (p < textStart && at >= textStart);
  let before = lineStart;
  if (!before && p >= cs) {
    const c = text[p];
    if (c === '(') before = true;
    else if (/[.!?:"]/.test(c) || (/^BEGIN$/i.test(text.slice(Math.max(cs, p - 4), p + 1)))) before = true;
  }
  if (!before) return false;
  let q = skipSpace(text, end, ce);
  // "SUMMARY AND COMMENT:", "SUMMARY AND ACTION REQUEST:"
  const and = /^AND\s+[A-Z]+(?:\s+[A-Z]+)?/i.exec(text.slice(q, Math.min(ce, q + 40)));
  if (and) q = skipSpace(text, q + and[0].length, ce);
  if (q >= ce) return lineStart;
  const c = text[q];
  if (c === ':' || c === '-') return true;
  if (c === '.') return lineStart;
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
    let lastEnd = i;
    for (;;) {
      let j = skipSpace(text, i, ce);
      const paren = text[j] === '(';
      if (paren) j++;
      const c = text[j];
      if (!c || !/[A-Za-z]/.test(c) || /[A-Za-z0-9]/.test(text[j + 1] ?? '')) break;
      // A lower-case "a" after "ref" can be the article; only take it when a
      // marker-like context follows (end, punctuation, "and", another letter).
      letters.push(token(text, j, j + 1));
      i = j + 1;
      if (paren && text[i] === ')') i++;
      lastEnd = i;
      const sep = /^\s*(,|and\b|&|\/)\s*/i.exec(text.slice(i, Math.min(ce, i + 8)));
      if (!sep) break;
      i += sep[0].length;
    }
    if (letters.length === 0 && word !== 'REFTEL' && word !== 'REFTELS') continue;
    mentions.push(Object.assign(token(text, at, letters.length ? lastEnd : at + m[0].length), { letters }));
    REF_WORD.lastIndex = i - cs;
  }
}
