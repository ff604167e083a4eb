import { lookupTag } from '../data/index';
import type { Cable, ClassifiedBy, EoLine, Line, RefBlock, Span, Subject, TagsLine } from '../model';
import { parseCaptionLine } from './captions';
import { parseBanner, parseMarking } from './classification';
import { contentStart, skipSpaceTab, token, trimEnd } from './lines';
import { isPreamblePageLine } from './pages';
import { startsParagraph, TOC_HEAD } from './paragraphs';
import {
  inlineStarts,
  type PreambleKind,
  parseDecl,
  parseEo,
  parseReasons,
  preambleStart,
  readRefItems,
  readTags,
  refMarker,
} from './preamble';

/** What opens a body right under the REF line: `SUMMARY:`, `BEGIN SUMMARY`, a rule of dashes over a heading. */
const BODY_OPENER = /^(?:(?:BEGIN\s+)?SUMMARY\b|-{4,}\s*$)/i;
// A summary that opens the text under a wrapped SUBJECT: the word with its colon or full stop
// (`SUBJECT: WEEKLY ECONOMIC` / `SUMMARY FOR MAY` goes on with the subject).
const SUMMARY_OPENER = /^(?:BEGIN\s+)?SUMMARY\s*[:.]/i;

// Reads the preamble, the lines between the banner and paragraph 1: captions,
// passing lines, E.O., TAGS, SUBJECT, REF and Classified By. Lines are cut into
// segments where another element starts inside them (copies that lost their
// line breaks), and each segment starts an element, continues the one before,
// or is a caption or passing line.
//
// A second, late pass reads the lines between the end of the preamble and
// paragraph 1 once the body is known: copies whose preamble breaks early (a
// subject wrapped past a blank line, an E.O. line wrapped before its DECL, a
// web preview cut short with `...` and followed by the full text) leave
// elements there. It takes only the elements still missing or cut short.

// Paragraph 1, marked, run on at the end of a preamble line: `... accordingly. 1.(SBU) Key Points`.
const PARA_ONE_INLINE = /\S[ \t]{1,3}1\.[ \t]{0,3}\((?:U|C|S|SBU|TS)[)/-]/;
// Derivative classification cites its source, not reasons (ISOO: `Derived From: Multiple Sources`).
const DERIVED = /^(?:\(U\)\s*)?(?:DERIVED\s+FROM\b|MULTIPLE\s+SOURCES\b)/i;
const EMPTY_CLASSIFIED_BY = /^(\(U\))?\s*$/i;
const DECL_KEYWORD = /^DECL/i;
/** Lines shorter than this cannot hold text and a run-on paragraph 1. */
const PARA_ONE_MIN_LINE = 12;
/** The late pass looks this many lines past the end of the preamble. */
const LATE_LINES = 120;
const SUBJECT_MAX_LINES = 6;
const CLASSIFIED_BY_MAX_LINES = 5;

type Pending =
  | { kind: 'tags'; el: TagsLine; open: boolean }
  | { kind: 'subject'; el: Subject }
  | { kind: 'ref'; el: RefBlock; gap: boolean }
  | { kind: 'classifiedBy'; el: ClassifiedBy; lines: number; gap?: boolean }
  | { kind: 'eo'; el: EoLine }
  | undefined;

type Start = NonNullable<ReturnType<typeof preambleStart>>;

export interface BodyStart {
  /** The line where the body starts. */
  line: number;
  /** Where in that line, when paragraph 1 runs on at the end of a preamble line; else -1. */
  offset: number;
}

/** Reads the preamble from line n (the banner's line when text runs on after the banner). */
export function readPreamble(text: string, lines: Line[], n: number, cable: Cable): BodyStart {
  return new PreambleReader(text, lines, cable, false).readPreamble(n);
}

/** The late pass: elements left between the preamble and paragraph 1 (call after the body is read). */
export function readLatePreamble(text: string, lines: Line[], cable: Cable): void {
  new PreambleReader(text, lines, cable, true).readLate();
}

class PreambleReader {
  /** An element that may go on over the next line. */
  private pending: Pending;
  /** An element has started: prose after it is the body. */
  private seenElement = false;
  /** In the late pass: TAGS, SUBJECT and REF still missing or cut short (E.O. and Classified By are checked as they come). */
  private readonly wanted: Record<'tags' | 'subject' | 'ref', boolean>;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
    private readonly cable: Cable,
    private readonly late: boolean,
  ) {
    this.wanted = {
      tags: !cable.tags || truncated(text, cable.tags),
      subject: !cable.subject || truncated(text, cable.subject),
      ref: !cable.refs || truncated(text, cable.refs),
    };
  }

  readPreamble(n: number): BodyStart {
    const { text, lines, cable } = this;
    // Text run on after the banner (`C o n f i d e n t i a l ... e.o. 12958: ...`) is read first.
    const rest = cable.banner?.rest;
    const bannerRest = rest && rest.start < rest.end ? rest.start : -1;
    for (let k = bannerRest >= 0 ? n - 1 : n; k < lines.length; k++) {
      const line = lines[k];
      const start = k === n - 1 ? bannerRest : contentStart(text, line, cable.artifacts);
      let end = trimEnd(text, start, line.end);
      const one = end - start > PARA_ONE_MIN_LINE ? PARA_ONE_INLINE.exec(text.slice(start, end)) : null;
      const paraOne = one ? start + one.index + one[0].indexOf('1.') : -1;
      if (one) end = trimEnd(text, start, paraOne);
      if (start >= end) {
        this.blankLine();
        continue;
      }
      // `1. 1. (SBU) Summary`: the second number, with its marking, is the paragraph's.
      if (startsParagraph(text, start, end)) return { line: k, offset: paraOne };
      // Under an UNCLAS banner `LIMITED OFFICIAL USE` alone is the LOU caption, not a page marking.
      if (isPreamblePageLine(text, start, end) && !(cable.banner?.level === 'U' && parseCaptionLine(text, start, end))) {
        // Page breaks of long cables can fall inside the preamble; they are transparent.
        cable.pageLines.push(token(text, start, end));
        continue;
      }
      // Prose before a run-on paragraph 1 (`SUMMARY ------- 1. (SBU) ...`) is body text too.
      if (this.segments(start, end)) return { line: k, offset: -1 };
      if (one) return { line: k, offset: paraOne };
    }
    return { line: lines.length, offset: -1 };
  }

  readLate(): void {
    const { text, lines, cable } = this;
    const stop = cable.paragraphs.length ? cable.paragraphs[0].start : text.length;
    let k = 0;
    while (k < lines.length && lines[k].end < cable.bodyStart) k++;
    for (let seen = 0; k < lines.length && lines[k].start < stop && seen < LATE_LINES && this.wantsMore(); k++, seen++) {
      const start = contentStart(text, lines[k], undefined);
      const end = trimEnd(text, start, Math.min(lines[k].end, stop));
      if (start >= end) this.blankLine();
      else this.segments(start, end);
    }
  }

  private wantsMore(): boolean {
    return (
      this.pending !== undefined ||
      this.wanted.tags ||
      this.wanted.subject ||
      this.wanted.ref ||
      this.takes('eo') ||
      this.takes('classifiedBy')
    );
  }

  /** A blank line ends a pending element, except a REF block and reasons that follow `Classified By ... Reasons` after one blank line. */
  private blankLine(): void {
    const p = this.pending;
    if (p?.kind === 'ref') p.gap = true;
    else if (p?.kind === 'classifiedBy' && p.el.reasons.length === 0 && !p.gap) p.gap = true;
    else this.pending = undefined;
  }

  /** Reads the line content [start, end) segment by segment; true when the body starts on this line. */
  private segments(start: number, end: number): boolean {
    const cuts = [start, ...inlineStarts(this.text, start, end), end];
    for (let c = 0; c + 1 < cuts.length; c++) {
      const s = cuts[c];
      const e = trimEnd(this.text, s, cuts[c + 1]);
      if (s < e && this.segment(s, e, c === 0)) return true;
    }
    return false;
  }

  /** One segment: starts an element, continues the pending one, or is a caption or passing line. True when it is prose: the body. */
  private segment(s: number, e: number, firstInLine: boolean): boolean {
    const { text, cable } = this;
    const start = preambleStart(text, s, e);
    if (start && this.takes(start.kind)) {
      this.seenElement = true;
      this.pending = this.startElement(start, s, e);
      return false;
    }
    if (!start && firstInLine && this.pending && this.continueElement(this.pending, s, e)) return false;
    this.pending = undefined;
    if (this.late) return false;
    if (firstInLine && this.seenElement) return true;
    const captions = parseCaptionLine(text, s, e);
    if (captions) cable.captions.push(...captions);
    else cable.passing.push(token(text, s, e));
    return false;
  }

  /** Whether an element of this kind is read here. The late pass reads only what is missing or cut short. */
  private takes(kind: PreambleKind): boolean {
    if (!this.late) return true;
    const { text, cable } = this;
    switch (kind) {
      case 'eo':
        return !cable.eo || truncated(text, cable.eo);
      case 'classifiedBy':
        // Also a doubled keyword: `Classified By:` `CLASSIFIED BY ...` (the first one has no text).
        return !cable.classifiedBy || truncated(text, cable.classifiedBy) || EMPTY_CLASSIFIED_BY.test(cable.classifiedBy.body.text);
      case 'ref':
        return this.wanted.ref || this.pending?.kind === 'ref'; // `REF B ...` on the next line joins the block
      default:
        return this.wanted[kind];
    }
  }

  private startElement(start: Start, s: number, e: number): Pending {
    const { cable } = this;
    if (this.late && start.kind !== 'eo' && start.kind !== 'classifiedBy' && this.wanted[start.kind]) {
      // The full element replaces a cut-short one.
      this.wanted[start.kind] = false;
      if (start.kind === 'tags') cable.tags = undefined;
      else if (start.kind === 'subject') cable.subject = undefined;
      else cable.refs = undefined;
    }
    switch (start.kind) {
      case 'eo':
        return this.startEo(s, e);
      case 'tags':
        return this.startTags(start, s, e);
      case 'subject':
        return this.startSubject(start, s, e);
      case 'ref':
        return this.startRef(start, s, e);
      case 'classifiedBy':
        return this.startClassifiedBy(start, s, e);
    }
  }

  private startEo(s: number, e: number): Pending {
    const { text, cable } = this;
    // A web preview cut short (`E.O. 12958: DECL...`) is followed by the full text: keep the later line.
    if (!cable.eo || truncated(text, cable.eo)) cable.eo = parseEo(text, s, e);
    // `E.O. 12958:` with `DECL: 08/11/2015` on the next line.
    return cable.eo.decl.kind === 'empty' && !cable.eo.decl.keyword ? { kind: 'eo', el: cable.eo } : undefined;
  }

  private startTags(start: Start, s: number, e: number): Pending {
    const { text, cable } = this;
    if (cable.tags) {
      // A second TAGS line is a repeated header (media-partner copies): keep the first, but record its artifacts.
      readTags(text, start.contentStart, e, [], [], cable.artifacts);
      return undefined;
    }
    const el: TagsLine = { start: s, end: e, keyword: token(text, s, start.keywordEnd), tags: [], names: [], commas: false };
    if (readTags(text, start.contentStart, e, el.tags, el.names, cable.artifacts)) el.commas = true;
    cable.tags = el;
    return { kind: 'tags', el, open: text[e - 1] === ',' };
  }

  private startSubject(start: Start, s: number, e: number): Pending {
    const { text, cable } = this;
    if (cable.subject) return undefined;
    const marking = parseMarking(text, start.contentStart, e);
    const textStart = marking ? skipSpaceTab(text, marking.end, e) : start.contentStart;
    const el: Subject = {
      start: s,
      end: e,
      keyword: token(text, s, start.keywordEnd),
      text: text.slice(textStart, e),
      textSpan: { start: textStart, end: e },
      marking,
      lineCount: 1,
    };
    cable.subject = el;
    return { kind: 'subject', el };
  }

  private startRef(start: Start, s: number, e: number): Pending {
    const { text, cable } = this;
    if (cable.refs) {
      // `Ref A: REYKJAVIK 107` and `Ref B: REYKJAVIK 108` on their own lines make one REF block.
      const items = cable.refs.items;
      const last = items.length ? items[items.length - 1].letter : undefined;
      const marker = refMarker(text, s, e);
      if (!marker || !last || marker.letter.charCodeAt(0) !== last.charCodeAt(0) + 1) return undefined;
      readRefItems(text, s, e, items, last);
      cable.refs.end = e;
      return { kind: 'ref', el: cable.refs, gap: false };
    }
    const el: RefBlock = { start: s, end: e, keyword: token(text, s, start.keywordEnd), items: [] };
    readRefItems(text, start.contentStart, e, el.items, undefined);
    cable.refs = el;
    return { kind: 'ref', el, gap: false };
  }

  private startClassifiedBy(start: Start, s: number, e: number): Pending {
    const { text, cable } = this;
    // `Classified By: Classified by DCM ...`: a doubled keyword; the element starts at the first one.
    let prev = cable.classifiedBy;
    if (prev && truncated(text, prev)) prev = undefined; // a cut-short web preview; the full text follows
    if (prev && !EMPTY_CLASSIFIED_BY.test(prev.body.text)) return undefined; // `Classified By: (U) CLASSIFIED BY ...` too
    const el: ClassifiedBy = {
      start: prev?.start ?? s,
      end: e,
      keyword: prev?.keyword ?? token(text, s, start.keywordEnd),
      body: token(text, start.contentStart, e),
      reasons: [],
    };
    fillReasons(text, el);
    cable.classifiedBy = el;
    return { kind: 'classifiedBy', el, lines: 1 };
  }

  /** Extends a multi-line element with the line segment [s, e); false when it does not belong. */
  private continueElement(p: NonNullable<Pending>, s: number, e: number): boolean {
    const { text, cable } = this;
    switch (p.kind) {
      case 'eo': {
        if (cable.eo !== p.el || !DECL_KEYWORD.test(text.slice(s, s + 4))) return false;
        p.el.decl = parseDecl(text, s, e);
        p.el.end = e;
        return true;
      }
      case 'tags': {
        if (cable.tags !== p.el) return false;
        // After a comma any line goes on; else only a line of known codes (`TAGS: ... PHUM LE` / `SY, IS`).
        if (!p.open && !onlyTagCodes(text, s, e)) return false;
        if (text[e - 1] === ',') p.open = true;
        if (readTags(text, s, e, p.el.tags, p.el.names, cable.artifacts)) p.el.commas = true;
        p.el.end = e;
        return true;
      }
      case 'subject': {
        // A table of contents or a summary opens the text (1978USUNN05874's daily summary; `SUMMARY: WHILE
        // EMBASSY ...` right under SUBJECT, 1973TOKYO08164 without its REF line).
        const head = text.slice(s, Math.min(e, s + 40));
        if (p.el.lineCount >= SUBJECT_MAX_LINES || TOC_HEAD.test(head) || SUMMARY_OPENER.test(head)) return false;
        p.el.text += ' ' + text.slice(s, e);
        p.el.textSpan.end = e;
        p.el.end = e;
        p.el.lineCount++;
        return true;
      }
      case 'ref':
        return this.continueRef(p, s, e);
      case 'classifiedBy':
        return this.continueClassifiedBy(p, s, e);
    }
  }

  private continueRef(p: Extract<Pending, { kind: 'ref' }>, s: number, e: number): boolean {
    const { text } = this;
    if (truncated(text, p.el)) return false; // a web preview cut short: what follows is not the REF block
    // The body can follow the REF line with no blank line (1970s printouts: `REF VIENTIANE 1561` / `SUMMARY: ...`).
    if (startsParagraph(text, s, e) || BODY_OPENER.test(text.slice(s, Math.min(e, s + 16)))) return false;
    const items = p.el.items;
    const marker = refMarker(text, s, e);
    // After a single unlettered REF a lettered line other than A. is no REF item: `(U) THE FOLLOWING ...`
    // is an unnumbered paragraph with its portion mark (1978BISSAU01578).
    if (marker && items.length > 0 && !items[items.length - 1].letter && marker.letter !== 'A') return false;
    if (marker) {
      readRefItems(text, s, e, items, items.length ? items[items.length - 1].letter : undefined);
    } else if (!p.gap && items.length > 0) {
      // A wrapped line continues the last item, and may start the next ones (`833  E) 08 STATE 93829`).
      readRefItems(text, s, e, items, undefined, true);
    } else {
      return false;
    }
    p.gap = false;
    p.el.end = e;
    return true;
  }

  /**
   * The reasons can wrap onto the next lines (`for reasons 1.4 (b)\nand (d).`),
   * also past one blank line while no reason letter has been read
   * (`Reasons\n\n1.4 (b) and (d).`); a paragraph or a repeated banner ends them.
   */
  private continueClassifiedBy(p: Extract<Pending, { kind: 'classifiedBy' }>, s: number, e: number): boolean {
    const { text } = this;
    if (p.lines >= CLASSIFIED_BY_MAX_LINES || startsParagraph(text, s, e) || parseBanner(text, s, e, true)) return false;
    if (p.gap && !citesReasons(text, s, e)) return false; // past a blank line only the reasons belong to it
    if (truncated(text, p.el)) return false; // a web preview cut short: what follows is not its text
    p.lines++;
    p.el.end = e;
    p.el.body = token(text, p.el.body.start, e);
    fillReasons(text, p.el);
    return true;
  }
}

/** Older cables put `Classified By` inside paragraph 1: `1. (U) CLASSIFIED BY DCM ...; REASONS 1.5 (B) AND (D).` */
export function classifiedByInParagraph(text: string, cable: Cable): void {
  for (const p of cable.paragraphs.slice(0, 2)) {
    const s = skipSpaceTab(text, p.head.end, p.end);
    const start = preambleStart(text, s, p.end);
    if (start?.kind !== 'classifiedBy') continue;
    const el: ClassifiedBy = {
      start: s,
      end: p.end,
      keyword: token(text, s, start.keywordEnd),
      body: token(text, start.contentStart, p.end),
      reasons: [],
    };
    fillReasons(text, el);
    cable.classifiedBy = el;
    // `REASONS 1.5\n(A) AND (D)`: a reason letter opening a line is not a sub-paragraph.
    p.subparagraphs = p.subparagraphs.filter((sp) => !el.reasons.some((r) => r.start >= sp.marker.start && r.end <= sp.marker.end));
    return;
  }
}

function fillReasons(text: string, el: ClassifiedBy): void {
  const r = parseReasons(text, el.body.start, el.body.end);
  el.section = r.section;
  el.reasons = r.reasons;
  const authorityEnd = trimEnd(text, el.body.start, r.authorityEnd);
  el.authority = authorityEnd > el.body.start ? token(text, el.body.start, authorityEnd) : undefined;
  const d = DERIVED.exec(text.slice(el.body.start, Math.min(el.body.end, el.body.start + 60)));
  el.derived = d ? token(text, el.body.start + d.index, el.body.start + d.index + d[0].length) : undefined;
}

/** A line that carries the classification reasons (`1.4 (b) and (d).`, `REASON: 1.4 (b), (d)`). */
function citesReasons(text: string, s: number, e: number): boolean {
  const r = parseReasons(text, s, e);
  return r.section !== undefined || r.reasons.length > 0;
}

/** Web previews cut a line short with `...`; the full text usually follows. */
function truncated(text: string, el: Span): boolean {
  return text.endsWith('...', el.end) || text[el.end - 1] === '\u2026';
}

/** A line of tag codes only, each one known (`SY, IS`): the TAGS line wrapped without a trailing comma. */
function onlyTagCodes(text: string, s: number, e: number): boolean {
  if (e - s > 120) return false;
  const codes = text
    .slice(s, e)
    .split(/[ \t,;]+/)
    .filter(Boolean);
  return codes.length > 0 && codes.every((c) => c === c.toUpperCase() && lookupTag(c) !== undefined);
}
