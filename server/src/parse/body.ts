import type { Artifact, Block, Line, Paragraph, RefMention, Token } from '../model';
import { around, scanBlocks, type Around } from './blocks';
import { parseBanner, parseMarking } from './classification';
import { CLASS_WORDS } from './class-words';
import { contentStart, NextMatch, skipSpace, token, trimEnd } from './lines';
import { isBodyPageLine, pagePrefix } from './pages';
import {
  type Candidate,
  entireTextMarking,
  markingBelow,
  firstWords,
  isSubItem,
  leadInMarking,
  letterMarker,
  paragraphNumber,
  withEntireText,
  TOC_HEAD,
  settleParagraphs,
} from './paragraphs';
import { preambleStart } from './preamble';
import { scanRefs } from './ref-mentions';

export { markerStyle } from './paragraphs';

// The body: numbered paragraphs with their markings and sub-paragraphs,
// SUMMARY/COMMENT blocks, page lines of long cables, references to REF items,
// and the signature. Each line is read once: its first character decides
// which kind of line it can be.

const TRAILER = /^(=+.*=+|NNNN|BT)\s*$/;
const SIGNATURE = /^[A-Z][A-Za-z'-]{1,24}(?: [A-Z][A-Za-z'-]{1,24}){0,2}\.?$/;
const RUN_ON_SIGNATURE = /[.)"]\s+([A-Z][A-Z'-]{1,24}(?: [A-Z][A-Z'-]{1,24})?)\s*$/;
const NOT_SIGNATURE = /^(END|SIPDIS|NOFORN|SUMMARY|COMMENT|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET)\b/i;
// A paragraph head inside a line: `end. 2. (C) ...`, `HEADING  3. (C) ...`, or unmarked after the end of a sentence: `end. 7. The`.
const INLINE_PARA = /\S[ \t]{1,3}(\d{1,3})\.[ \t]{0,3}(?=[(A-Z])/g;
const SENTENCE_END_BEFORE_NUMBER = '.!?"\')]-';
// What a line must hold for the costlier checks to be worth running (see NextMatch): a block
// marker has SUMMA(R)Y or COMMENT, a REF mention REF, a paragraph run on inside a line `2. (C` or `7. T`.
const MAYBE_MARKER = /summa|comment/gi;
const MAYBE_REF = /ref/gi;
const MAYBE_RUN_ON = /\d\.[ \t]{0,3}[(A-Z]/g;

/** How much of a line the line-start patterns look at. */
const HEAD_WINDOW = 200;
const LONGEST_SIGNATURE = 60;
/** Lines at least this long after their head are searched for paragraphs run on inside them. */
const RUN_ON_MIN = 40;
/** A line stopping mid-sentence continues onto the next only if it has this much text. */
const MID_SENTENCE_MIN = 20;

const CHAR = {
  tab: 9,
  space: 32,
  quote: 34,
  openParen: 40,
  closeParen: 41,
  comma: 44,
  hyphen: 45,
  fullStop: 46,
  digit0: 48,
  digit9: 57,
  backslash: 92,
  lowerA: 97,
  lowerE: 101,
  lowerP: 112,
  lowerS: 115,
  lowerT: 116,
  lowerZ: 122,
} as const;
/** Lower-cases an ASCII letter's code (and changes other codes harmlessly for the range tests below). */
const lower = (c: number) => c | 32;
const isDigit = (c: number) => c >= CHAR.digit0 && c <= CHAR.digit9;
const isLetter = (c: number) => lower(c) >= CHAR.lowerA && lower(c) <= CHAR.lowerZ;

export interface BodyResult {
  paragraphs: Paragraph[];
  blocks: Block[];
  pageLines: Token[];
  signature?: Token;
  refMentions: RefMention[];
}

/** `from` > the start of line `first`: the body starts inside that line (paragraph 1 run on with the preamble). */
export function parseBody(text: string, lines: Line[], first: number, artifacts: Artifact[], from = 0): BodyResult {
  return new BodyScanner(text, lines, artifacts).scan(first, from);
}

class BodyScanner {
  private readonly out: BodyResult = { paragraphs: [], blocks: [], pageLines: [], refMentions: [] };
  private readonly openBlocks: Record<'summary' | 'comment', Block[]> = { summary: [], comment: [] };
  private readonly candidates: Candidate[] = [];
  /** The paragraph the lines belong to now. */
  private paragraph: Paragraph | undefined;
  private paragraphLastLine = -1;
  /** A repeated header element (E.O., TAGS, SUBJECT, banner) was seen since the last paragraph. */
  private afterRepeat = false;
  /** The body's first line: it starts afresh whatever the preamble line before it ends with (`REF: STATE 124169` / `SUMMARY: ...`). */
  private firstLine = -1;
  /** Inside a table of contents: the number of its last item (its items are not paragraphs). */
  private contents: number | undefined;
  /**
   * Whether a line continues the last line of text: no blank line between them
   * (page breaks and the blank lines around them do not count), and that line
   * stopped mid-sentence.
   */
  private blankBefore = true;
  private afterPageBreak = false;
  private lastLineMidSentence = false;
  /** The last line of text ends with "see para" / "paragraph": a number on the next line is its reference. */
  private lastLineEndsWithPara = false;
  /** The last lettered line was `Q.` (a question; its `A.` is the answer). */
  private afterQuestion = false;
  private readonly maybeMarker: NextMatch;
  private readonly maybeRef: NextMatch;
  private readonly maybeRunOn: NextMatch;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    private readonly artifacts: Artifact[],
  ) {
    this.maybeMarker = new NextMatch(MAYBE_MARKER, text);
    this.maybeRef = new NextMatch(MAYBE_REF, text);
    this.maybeRunOn = new NextMatch(MAYBE_RUN_ON, text);
  }

  scan(first: number, from: number): BodyResult {
    const { text, lines, out } = this;
    if (first >= lines.length) return out;
    this.firstLine = first;
    const lastLine = this.readSignature(first);
    for (let n = first; n <= lastLine; n++) {
      const line = lines[n];
      let start = line.start === line.end ? line.end : contentStart(text, line, this.artifacts);
      if (n === first && from > start && from <= line.end) start = from;
      if (start >= line.end) this.blankLine();
      else this.line(n, start, trimEnd(text, start, line.end));
    }
    this.closeParagraph();
    out.paragraphs = settleParagraphs(this.candidates);
    for (const p of out.paragraphs) for (const sub of p.subparagraphs) if (sub.end > p.end) sub.end = p.end;
    // Blocks still open run to the end of the body.
    const bodyEnd = lastLine >= first ? trimEnd(text, lines[lastLine].start, lines[lastLine].end) : text.length;
    for (const b of out.blocks) if (!b.close) b.end = Math.max(b.start, bodyEnd);
    return out;
  }

  private around(n: number): Around {
    const a = around(this.text, this.lines, n);
    return n === this.firstLine ? { ...a, sentenceBefore: true } : a;
  }

  /** Finds the signature on the last line of text (past any trailer such as `===CABLE ENDS===`); returns the last line of the body. */
  private readSignature(first: number): number {
    const { text, lines, out } = this;
    let last = lines.length - 1;
    while (last >= first && (lines[last].text.trim() === '' || TRAILER.test(lines[last].text.trim()))) last--;
    if (last < first) return last;
    const line = lines[last];
    const start = skipSpace(text, line.start, line.end);
    const end = trimEnd(text, start, line.end);
    const content = text.slice(start, end);
    if (content.length <= LONGEST_SIGNATURE && SIGNATURE.test(content) && !NOT_SIGNATURE.test(content)) {
      out.signature = token(text, start, end);
      return last - 1;
    }
    if (end - start < 20000) {
      const m = RUN_ON_SIGNATURE.exec(content.slice(-80));
      if (m && !NOT_SIGNATURE.test(m[1])) out.signature = token(text, end - m[1].length, end);
    }
    return last;
  }

  private blankLine(): void {
    if (!this.afterPageBreak) this.blankBefore = true;
  }

  /** One line of the body with its content in [start, end): dispatched on its first character. */
  private line(n: number, start: number, end: number): void {
    const { text } = this;
    let content = text.slice(start, Math.min(end, start + HEAD_WINDOW));
    const c0 = content.charCodeAt(0);
    // A printout's `------------------CF2A6B 231627Z /38` line is a page line too.
    if (isLetter(c0) || (c0 === CHAR.hyphen && content.charCodeAt(6) === CHAR.hyphen)) {
      if (this.pageBreakLine(content, start, end)) return;
      if (lower(content.charCodeAt(0)) === CHAR.lowerP) {
        const prefix = pagePrefix(text, content, start);
        if (prefix) {
          this.out.pageLines.push(prefix.page);
          start = prefix.rest;
          content = text.slice(start, Math.min(end, start + HEAD_WINDOW));
          this.blankBefore = false;
        }
      }
    }
    const wrapped = !this.blankBefore && this.lastLineMidSentence;
    const first = content.charCodeAt(0);
    if (isRepeatInitial(first)) this.noteRepeatedPreamble(start, end);
    else if (!isDigit(first) && partHeading(content)) this.afterRepeat = true;
    let textStart: number | undefined;
    if (this.contents !== undefined || isContentsInitial(content)) this.noteContents(content, start, end);
    if (isDigit(first) && this.contents === undefined) textStart = this.paragraphHead(n, content, start, end, wrapped);
    if (textStart === undefined) textStart = this.continuation(n, content, start, end, wrapped);
    this.inlineParagraphs(n, textStart, end);
    if (this.maybeMarker.within(start, end))
      scanBlocks(text, start, end, textStart, this.out.blocks, this.openBlocks, () => this.around(n));
    if (this.maybeRef.within(start, end)) scanRefs(text, start, end, this.out.refMentions);
    // Not counting the number: renumbering must not change it.
    this.lastLineMidSentence = end - textStart >= MID_SENTENCE_MIN && midSentence(text, start, end);
    this.lastLineEndsWithPara = endsWithPara(text, start, end);
    this.blankBefore = false;
    this.afterPageBreak = false;
  }

  /**
   * A line that only marks a page break: a page line, a class word alone, the
   * SIPDIS the telegram system inserts on a line of its own (even mid-sentence),
   * or a banner repeated with its section or serial. Blank lines around it do
   * not separate the text before and after it.
   */
  private pageBreakLine(content: string, start: number, end: number): boolean {
    const { text } = this;
    if (isBodyPageLine(text, content, start, end)) {
      this.out.pageLines.push(token(text, start, end));
    } else if (content === 'SIPDIS') {
      // not a page line, but transparent the same way
    } else {
      // A banner starts with the initial of its class word.
      const banner = isClassInitial(content.charCodeAt(0)) && end - start < HEAD_WINDOW ? parseBanner(text, start, end, true) : undefined;
      if (!banner || !(banner.section || banner.serial)) return false;
      this.out.pageLines.push(token(text, start, end));
      this.afterRepeat = true;
    }
    this.blankBefore = false;
    this.afterPageBreak = true;
    return true;
  }

  /** An E.O., TAGS or SUBJECT line repeated in a second copy of the cable. */
  /**
   * A table of contents (`TABLE OF CONTENTS -1. SPECIAL POLITICAL COMMITTEE`, 1978USUNN05874) lists the
   * sections by number; its items are not paragraphs. The first number that does not go on with the list opens the text.
   */
  private noteContents(content: string, start: number, end: number): void {
    const toc = TOC_HEAD.exec(content);
    const first = content.charCodeAt(0);
    if (toc) this.contents = toc[1] ? Number(toc[1]) : 0;
    else if (this.contents === 0 && !isDigit(first))
      this.contents = undefined; // a table of contents without numbers
    else if (this.contents !== undefined && isDigit(first)) {
      const item = paragraphNumber(this.text, content, start, end);
      if (item && Number(item.digits) === this.contents + 1) this.contents++;
      else this.contents = undefined;
    }
  }

  private noteRepeatedPreamble(start: number, end: number): void {
    const kind = preambleStart(this.text, start, end)?.kind;
    if (kind === 'eo' || kind === 'tags' || kind === 'subject') this.afterRepeat = true;
  }

  /** A numbered line: a candidate paragraph. Returns where its text starts, or undefined when it is not a paragraph head. */
  private paragraphHead(n: number, content: string, start: number, end: number, wrapped: boolean): number | undefined {
    const { text } = this;
    const number = paragraphNumber(text, content, start, end);
    if (!number) return undefined;
    this.closeParagraph();
    let i = skipSpace(text, start + number.length, end);
    const afterNumber = i;
    const inline = parseMarking(text, i, end);
    const marking =
      (inline && withEntireText(text, inline, end)) ??
      entireTextMarking(text, i, end) ??
      leadInMarking(text, this.lines, n, i, end) ??
      (i >= end ? markingBelow(text, this.lines, n) : undefined);
    if (marking) i = skipSpace(text, marking.end, end);
    // `3)` is mostly a list item, an unmarked number after a line that stops
    // mid-sentence is mostly a wrapped line ("on November / 28. Ramaer said"), and
    // a number alone on its line is mostly the end of "see para / 6.":
    // settleParagraphs() keeps them only where they fit the numbering.
    let weak: Candidate['weak'];
    if (number.punctuation === ')' || (number.punctuation === ',' && !marking)) weak = 'list';
    else if (!marking && (wrapped || this.lastLineEndsWithPara || i >= end || text[i] === '-')) weak = 'wrapped'; // `see paragraph / 6. ---- BACKGROUND ----`
    this.openParagraph(
      n,
      {
        start,
        end,
        number: token(text, start, start + number.digits.length),
        value: Number(number.digits),
        punctuation: number.punctuation,
        head: { start, end: marking ? marking.end : start + number.length },
        marking,
        subparagraphs: [],
        firstWords: firstWords(text, marking && marking.start > afterNumber ? afterNumber : i, end),
      },
      weak,
      this.afterRepeat,
    );
    this.afterRepeat = false;
    return i;
  }

  /** A line inside the current paragraph: a sub-paragraph when it opens with a letter marker, else more text. Returns where its text starts. */
  private continuation(n: number, content: string, start: number, end: number, wrapped: boolean): number {
    const { text, paragraph } = this;
    if (!paragraph) return start;
    let textStart = start;
    const subs = paragraph.subparagraphs;
    const mark = mayOpenLetterMarker(content) ? letterMarker(content) : undefined;
    if (mark) {
      const marker = token(text, start, start + mark.markerLength);
      if (isSubItem(subs, marker.text, mark.letter, wrapped, this.afterQuestion)) {
        subs.push({ start, end, marker, letter: mark.letter });
        textStart = skipSpace(text, start + mark.markerLength, end);
      }
      this.afterQuestion = mark.letter === 'Q' && marker.text.endsWith('.') && !this.afterQuestion;
    }
    const last = subs[subs.length - 1];
    if (last && last.start !== start) last.end = end; // sub-paragraph text runs until the next marker
    this.paragraphLastLine = n;
    return textStart;
  }

  /**
   * Copies that lost their line breaks run paragraphs together (`... end. 2. (C) Next`):
   * the next number, with a marking, after the end of a sentence starts a paragraph mid-line.
   */
  private inlineParagraphs(n: number, textStart: number, end: number): void {
    if (end - textStart <= RUN_ON_MIN || !this.maybeRunOn.within(textStart, end)) return;
    const { text } = this;
    const rest = text.slice(textStart, end);
    INLINE_PARA.lastIndex = 0;
    for (let m = INLINE_PARA.exec(rest); m; m = INLINE_PARA.exec(rest)) {
      const last = this.candidates[this.candidates.length - 1]?.para;
      const value = Number(m[1]);
      if (value !== (last ? last.value + 1 : 1)) continue;
      const numberStart = textStart + m.index + m[0].indexOf(m[1], 1);
      const after = textStart + m.index + m[0].length;
      const marking = parseMarking(text, after, end);
      // Unmarked only where the paragraph before is unmarked too, and before a capital: `... end. 7. The`.
      const unmarked =
        !marking &&
        last !== undefined &&
        !last.marking &&
        after > numberStart + m[1].length + 1 &&
        text[after] !== '(' &&
        SENTENCE_END_BEFORE_NUMBER.includes(m[0][0]);
      if (!marking?.level && !unmarked) continue;
      const headEnd = marking ? marking.end : numberStart + m[1].length + 1;
      if (this.paragraph) this.paragraph.end = Math.max(this.paragraph.head.end, trimEnd(text, this.paragraph.start, numberStart));
      this.openParagraph(
        n,
        {
          start: numberStart,
          end,
          number: token(text, numberStart, numberStart + m[1].length),
          value,
          punctuation: '.',
          head: { start: numberStart, end: headEnd },
          marking: marking?.level ? marking : undefined,
          subparagraphs: [],
          firstWords: firstWords(text, skipSpace(text, headEnd, end), end),
        },
        undefined,
        false,
      );
    }
  }

  private openParagraph(n: number, paragraph: Paragraph, weak: Candidate['weak'], afterRepeat: boolean): void {
    this.paragraph = paragraph;
    this.candidates.push({ para: paragraph, weak, afterRepeat });
    this.afterQuestion = false;
    this.paragraphLastLine = n;
  }

  private closeParagraph(): void {
    const { paragraph, paragraphLastLine } = this;
    if (paragraph && paragraphLastLine >= 0) {
      const line = this.lines[paragraphLastLine];
      paragraph.end = Math.max(paragraph.head.end, trimEnd(this.text, line.start, line.end));
    }
    this.paragraph = undefined;
  }
}

/** Whether `content` can start with `(a)`, `a)`, `A.` or `2A.` (letterMarker()'s patterns), by its first characters. */
function mayOpenLetterMarker(content: string): boolean {
  const first = content.charCodeAt(0);
  if (isDigit(first)) return true;
  if (first === CHAR.openParen) return content.charCodeAt(2) === CHAR.closeParen;
  const second = content.charCodeAt(1);
  return isLetter(first) && (second === CHAR.closeParen || second === CHAR.fullStop);
}

/** The first letters of the class words in lower case (each source starts with its letter: test/parse/scan-helpers). */
const CLASS_INITIALS = new Set(CLASS_WORDS.map((w) => lower(w.source.charCodeAt(0))));

/** Whether a line can start with a class word (TOP SECRET, CONFIDENTIAL, SECRET, LIMITED OFFICIAL USE, UNCLAS). */
export function isClassInitial(c: number): boolean {
  return CLASS_INITIALS.has(lower(c));
}

// An office symbol, a dash and an officer's name, alone on the line: `H - KEMPTON B. JENKINS, ACTING`, `S/P - WINSTON LORD`.
// A compiled cable numbers each part from 1 under its office's heading (S/S daily activity reports, 1976STATE181062).
const PART_HEADING = /^[A-Z][A-Z/]{0,7}[ \t]{1,3}-{1,2}[ \t]{1,3}[A-Z][A-Z.' ]{2,40}(?:,[ \t]?[A-Z ]{2,20})?[ \t]*$/;

function partHeading(content: string): boolean {
  // Speed: most lines are prose; the dash stands within the first 12 characters.
  if (content.length > 80) return false;
  let dash = false;
  for (let i = 2; i < 12 && i < content.length && !dash; i++) dash = content.charCodeAt(i) === 45 && content.charCodeAt(i - 1) === 32;
  return dash && PART_HEADING.test(content);
}

/** `TA`, `CO`: how a contents heading starts (speed: most lines are prose). */
function isContentsInitial(content: string): boolean {
  const a = content.charCodeAt(0) | 32;
  const b = content.charCodeAt(1) | 32;
  return (a === 116 && b === 97) || (a === 99 && b === 111);
}

/** E, T or S: the first letter of an E.O., TAGS or SUBJECT line. */
function isRepeatInitial(c: number): boolean {
  const l = lower(c);
  return l === CHAR.lowerE || l === CHAR.lowerT || l === CHAR.lowerS;
}

/** Whether a line stops mid-sentence: a letter, digit, comma or hyphen at its end (a trailing `\` is a copy artifact). */
function midSentence(text: string, start: number, end: number): boolean {
  let e = end;
  if (text.charCodeAt(e - 1) === CHAR.backslash) e = trimEnd(text, start, e - 1);
  const c = text.charCodeAt(e - 1);
  return isDigit(c) || isLetter(c) || c === CHAR.comma || c === CHAR.hyphen;
}

const PARA_WORDS = ['paragraphs', 'paragraph', 'paras', 'para'];

/** Whether a line ends with the word `para`, `paras` or `paragraph(s)` in any case, with or without a full stop. */
function endsWithPara(text: string, start: number, end: number): boolean {
  let e = end;
  if (text.charCodeAt(e - 1) === CHAR.fullStop) e--;
  // Compared code by code (every line asks): only ASCII letters lower-case to these words.
  for (const word of PARA_WORDS) {
    const s = e - word.length;
    if (s < start || (s > start && text.charCodeAt(s - 1) !== CHAR.space)) continue;
    let k = word.length - 1;
    while (k >= 0 && lower(text.charCodeAt(s + k)) === word.charCodeAt(k)) k--;
    if (k < 0) return true;
  }
  return false;
}
