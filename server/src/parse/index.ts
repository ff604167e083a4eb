import type { Cable, ClassifiedBy, EoLine, Header, Line, RefBlock, Span, Subject, TagsLine, Token } from '../model';
import { PAGE_LINE, parseBody } from './body';
import { parseCaptionLine } from './captions';
import { parseBanner, parseMarking } from './classification';
import {
  addressKeyword,
  parseAddressee,
  parseDe,
  parseDtg,
  parseProsignLine,
  parseRiLine,
  parseSecurity,
  parseVzczc,
} from './header';
import { contentStart, splitLines, token, trimEnd } from './lines';
import { inlineStarts, parseDecl, parseEo, parseReasons, preambleStart, readRefItems, readTags, refMarker } from './preamble';

const PARA_START = /^\d{1,3}(?:\.|\))(?=\s|\(|$|[A-Z][A-Za-z])|^\d{1,3}[ \t]+\((?:U|C|S|SBU|TS)[)/-]/;
// Paragraph 1, marked, run on at the end of a preamble line: `... accordingly. 1.(SBU) Key Points`.
const PARA_ONE_INLINE = /\S[ \t]{1,3}1\.[ \t]{0,3}\((?:U|C|S|SBU|TS)[)/-]/;
const PRINTOUT = /^(PAGE\s+\d{2}\b|ORIGIN\s|DRAFTED BY|APPROVED BY|-{6,}\s*\S+)/i;
const HEADER_SEARCH_LINES = 80;
// Derivative classification cites its source, not reasons (ISOO: `Derived From: Multiple Sources`).
const DERIVED = /^(?:\(U\)\s*)?(?:DERIVED\s+FROM\b|MULTIPLE\s+SOURCES\b)/i;

/**
 * Parses a cable. Never throws: a line it does not understand stays body or
 * passing text, and every element keeps exact offsets into `text`.
 */
export function parse(text: string): Cable {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = splitLines(text, bom);
  const cable: Cable = {
    text,
    lines,
    bom,
    captions: [],
    passing: [],
    preamble: [],
    paragraphs: [],
    blocks: [],
    pageLines: [],
    refMentions: [],
    artifacts: [],
    bodyStart: text.length,
  };
  let n = skipBlank(lines, 0);
  n = parseHeaderZone(text, lines, n, cable);
  n = parseBannerZone(text, lines, n, cable);
  const bodyFrom = { offset: -1 };
  n = parsePreamble(text, lines, n, cable, bodyFrom);
  cable.bodyStart = bodyFrom.offset >= 0 ? bodyFrom.offset : n < lines.length ? lines[n].start : text.length;
  const body = parseBody(text, lines, n, cable.artifacts, cable.bodyStart);
  cable.paragraphs = body.paragraphs;
  cable.blocks = body.blocks;
  cable.pageLines.push(...body.pageLines); // after those the preamble met
  cable.signature = body.signature;
  cable.refMentions = body.refMentions;
  preambleInBody(text, lines, cable);
  tagsSubjectRefInBody(text, lines, cable);
  if (!cable.classifiedBy) classifiedByInParagraph(text, cable);
  cable.level = cableLevel(cable);
  const dtg = cable.header?.dtg;
  if (dtg && dtg.valid) cable.date = { year: dtg.year, month: dtg.month, day: dtg.day };
  // The preamble and the body both read the first paragraph line: keep each artifact once.
  cable.artifacts.sort((a, b) => a.start - b.start);
  cable.artifacts = cable.artifacts.filter((a, i, all) => i === 0 || a.start !== all[i - 1].start);
  return cable;
}

/** A page line (`PAGE 02 HARARE 05461 01 OF 02 271458Z`) or a class word repeated alone at a page break. */
function isPageLine(text: string, s: number, e: number): boolean {
  const line = text.slice(s, e);
  if (PAGE_LINE.test(line)) return true;
  const b = parseBanner(text, s, e, false);
  return b !== undefined && b.end === e && !b.post && !b.spaced;
}

/**
 * Copies whose preamble breaks early (a subject wrapped past a blank line, a
 * web preview cut short with `...` and followed by the full text, a REF run on
 * into the next line) leave the E.O. line or `Classified By` between the
 * preamble and paragraph 1, alone or run on after other text.
 */
function preambleInBody(text: string, lines: Line[], cable: Cable): void {
  let needEo = !cable.eo || truncated(text, cable.eo);
  let needClby = !cable.classifiedBy || truncated(text, cable.classifiedBy);
  if (!needEo && !needClby) return;
  const stop = cable.paragraphs.length ? cable.paragraphs[0].start : text.length;
  let k = 0;
  while (k < lines.length && lines[k].end < cable.bodyStart) k++;
  for (let seen = 0; k < lines.length && lines[k].start < stop && seen < 120 && (needEo || needClby); k++, seen++) {
    const l = lines[k];
    const cs = contentStart(text, l, undefined);
    const ce = trimEnd(text, cs, Math.min(l.end, stop));
    if (cs >= ce) continue;
    const cuts = [cs, ...inlineStarts(text, cs, ce), ce];
    for (let c = 0; c + 1 < cuts.length; c++) {
      const s = cuts[c];
      const st = preambleStart(text, s, ce);
      if (st?.kind === 'eo' && needEo) {
        cable.eo = parseEo(text, s, trimEnd(text, s, cuts[c + 1]));
        needEo = truncated(text, cable.eo);
      } else if (st?.kind === 'classifiedBy' && needClby) {
        const el: ClassifiedBy = { start: s, end: ce, keyword: token(text, s, st.keywordEnd), body: token(text, st.contentStart, ce), reasons: [] };
        // The reasons can wrap onto the next lines (`for reasons 1.4 (b)\nand (d).`): join up to a blank
        // line, or past one blank line while no reason letter has been read (`Reasons\n\n1.4 (b) and (d).`).
        let gap = false;
        for (let j = k + 1; j < lines.length && j <= k + 5 && lines[j].start < stop; j++) {
          const js = contentStart(text, lines[j], undefined);
          const je = trimEnd(text, js, Math.min(lines[j].end, stop));
          if (js >= je) {
            if (gap || parseReasons(text, st.contentStart, el.end).reasons.length > 0) break;
            gap = true;
            continue;
          }
          if (PARA_START.test(text.slice(js, js + 12)) || parseBanner(text, js, je, true)) break;
          if ((gap && !citesReasons(text, js, je)) || truncated(text, el)) break;
          el.end = je;
        }
        el.body = token(text, st.contentStart, el.end);
        fillReasons(text, el);
        cable.classifiedBy = el;
        needClby = truncated(text, el);
        break; // the rest of the line belongs to Classified By
      }
    }
  }
}

/**
 * The same for TAGS, SUBJECT and REF: an E.O. line wrapped before its DECL, or a
 * web preview cut short and followed by the full text, ends the preamble early
 * and leaves them between the preamble and paragraph 1. Read only the missing ones.
 */
function tagsSubjectRefInBody(text: string, lines: Line[], cable: Cable): void {
  // A web preview cut short with `...` is replaced by the full element when it follows.
  const want = {
    tags: !cable.tags || truncated(text, cable.tags),
    subject: !cable.subject || truncated(text, cable.subject),
    ref: !cable.refs || truncated(text, cable.refs),
  };
  if (!want.tags && !want.subject && !want.ref) return;
  const stop = cable.paragraphs.length ? cable.paragraphs[0].start : text.length;
  let k = 0;
  while (k < lines.length && lines[k].end < cable.bodyStart) k++;
  let pending: Pending;
  for (let seen = 0; k < lines.length && lines[k].start < stop && seen < 120; k++, seen++) {
    const l = lines[k];
    const cs = contentStart(text, l, undefined);
    const ce = trimEnd(text, cs, Math.min(l.end, stop));
    if (cs >= ce) {
      if (pending?.kind === 'ref') pending.gap = true;
      else pending = undefined;
      continue;
    }
    const cuts = [cs, ...inlineStarts(text, cs, ce), ce];
    for (let c = 0; c + 1 < cuts.length; c++) {
      const s = cuts[c];
      const e = trimEnd(text, s, cuts[c + 1]);
      if (s >= e) continue;
      const st = preambleStart(text, s, e);
      if (st && (st.kind === 'tags' || st.kind === 'subject' || st.kind === 'ref') && want[st.kind]) {
        want[st.kind] = false;
        if (st.kind === 'tags') cable.tags = undefined;
        else if (st.kind === 'subject') cable.subject = undefined;
        else cable.refs = undefined;
        pending = startElement(text, st, s, e, cable);
      } else if (st?.kind === 'ref' && pending?.kind === 'ref') {
        pending = startElement(text, st, s, e, cable); // `REF B ...` on the next line joins the block
      } else if (!(c === 0 && !st && pending && continueElement(text, pending, s, e, cable))) pending = undefined;
    }
  }
}

/** Older cables put `Classified By` inside paragraph 1: `1. (U) CLASSIFIED BY DCM ...; REASONS 1.5 (B) AND (D).` */
function classifiedByInParagraph(text: string, cable: Cable): void {
  for (const p of cable.paragraphs.slice(0, 2)) {
    const s = skipTo(text, p.head.end, p.end);
    const st = preambleStart(text, s, p.end);
    if (st?.kind !== 'classifiedBy') continue;
    const el: ClassifiedBy = { start: s, end: p.end, keyword: token(text, s, st.keywordEnd), body: token(text, st.contentStart, p.end), reasons: [] };
    fillReasons(text, el);
    cable.classifiedBy = el;
    // `REASONS 1.5\n(A) AND (D)`: a reason letter opening a line is not a sub-paragraph.
    p.subparagraphs = p.subparagraphs.filter((sp) => !el.reasons.some((r) => r.start >= sp.marker.start && r.end <= sp.marker.end));
    return;
  }
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

function skipBlank(lines: Line[], n: number): number {
  while (n < lines.length && lines[n].text.trim() === '') n++;
  return n;
}

function cableLevel(cable: Cable): Cable['level'] {
  const b = cable.banner;
  if (!b) return undefined;
  if (b.level !== 'U') return b.level;
  // An UNCLAS banner with a SENSITIVE (BUT UNCLASSIFIED) caption is an SBU cable.
  if (cable.captions.some((c) => /^(SENSITIVE|SBU|FOR OFFICIAL USE ONLY|FOUO)/.test(c.name))) return 'SBU';
  return 'U';
}

// ---- transmission header ---------------------------------------------------

/** True when the next non-blank line after line `k` starts with `FM`. */
function nextStartsWithFm(text: string, lines: Line[], k: number): boolean {
  for (let j = k + 1; j < lines.length && j <= k + 3; j++) {
    const cs = contentStart(text, lines[j], undefined);
    if (cs >= lines[j].end) continue;
    return addressKeyword(text, cs, lines[j].end) === 'FM';
  }
  return false;
}

function parseHeaderZone(text: string, lines: Line[], n: number, cable: Cable): number {
  // The header normally starts at the first line; some copies put a wrapper first.
  let startLine = -1;
  let acp126Line = -1;
  let pastPreamble = false;
  let kind: Header['kind'] = 'acp127';
  for (let k = n, seen = 0; k < lines.length && seen < HEADER_SEARCH_LINES; k++) {
    const l = lines[k];
    if (l.text.trim() === '') continue;
    seen++;
    const cs = contentStart(text, l, undefined);
    if (l.end - cs > 300) continue;
    if (/^VZCZC/i.test(text.slice(cs, cs + 5))) {
      startLine = k;
      kind = 'acp127';
      break;
    }
    if (k === n && parseDtg(text, cs, l.end)) {
      startLine = k;
      kind = 'acp126';
      break;
    }
    if (k === n && PRINTOUT.test(text.slice(cs, Math.min(l.end, cs + 60)))) {
      startLine = k;
      kind = 'printout';
      break;
    }
    // A date-time group followed by FM after other lines (a caption note, distribution
    // lines, a web wrapper): the older header starts there, if no preamble element came first.
    if (acp126Line < 0 && !pastPreamble && parseDtg(text, cs, l.end) && nextStartsWithFm(text, lines, k)) acp126Line = k;
    if (!pastPreamble && (preambleStart(text, cs, l.end)?.kind === 'eo' || PARA_START.test(text.slice(cs, cs + 12)))) pastPreamble = true;
  }
  if (startLine < 0 && acp126Line >= 0) {
    startLine = acp126Line;
    kind = 'acp126';
  }
  if (startLine < 0) return n;
  for (let k = n; k < startLine; k++) {
    const l = lines[k];
    const cs = contentStart(text, l, undefined);
    const ce = trimEnd(text, cs, l.end);
    if (ce > cs) cable.preamble.push(token(text, cs, ce));
  }
  const header: Header = { kind, start: lines[startLine].start, end: lines[startLine].end, to: [], info: [], other: [] };
  let list: 'to' | 'info' | undefined;
  let k = startLine;
  for (; k < lines.length; k++) {
    const l = lines[k];
    const cs = contentStart(text, l, undefined);
    const ce = trimEnd(text, cs, l.end);
    if (cs >= ce) {
      // A blank line ends the header once the addressees have started.
      if (header.from || list) break;
      continue;
    }
    if (ce - cs > 2000) break; // no header line is this long: leave it to the body
    // The banner can follow the last addressee with no blank line.
    if (parseBanner(text, cs, ce, true)) break;
    // In a printout, the lines before the date-time group (ORIGIN, INFO LOG-00 ..., DRAFTED BY) are not addressees.
    const kw = kind === 'printout' && !header.dtg ? undefined : addressKeyword(text, cs, ce);
    let used = true;
    if (kw === 'FM') {
      header.from = parseAddressee(text, cs, ce, true);
      list = undefined;
    } else if (kw === 'TO' || kw === 'INFO') {
      list = kw === 'TO' ? 'to' : 'info';
      header[list].push(parseAddressee(text, cs, ce, true));
    } else if (list) {
      header[list].push(parseAddressee(text, cs, ce, false));
    } else if (!header.vzczc && kind === 'acp127' && /^VZCZC/i.test(text.slice(cs, cs + 5))) {
      header.vzczc = parseVzczc(text, cs, ce);
    } else if (!header.prosignLine && !header.de && (header.prosignLine = parseProsignLine(text, cs, ce))) {
      // FL2
    } else if (header.prosignLine && !header.de && parseRiLine(text, cs, ce)) {
      header.prosignLine.routing.push(...parseRiLine(text, cs, ce)!);
      header.prosignLine.end = ce;
    } else if (!header.de && /^DE\s/.test(text.slice(cs, cs + 3)) && (header.de = parseDe(text, cs, ce))) {
      // FL3
    } else if (!header.security && (header.security = parseSecurity(text, cs, ce))) {
      // FL4
    } else if (!header.dtg && (header.dtg = parseDtg(text, cs, ce))) {
      // FL5
    } else {
      used = false;
    }
    if (!used) {
      // Lines before the addressees that are none of the above (1970s printout lines, notes).
      if (!header.from && !list && (kind === 'printout' || header.de || header.vzczc)) header.other.push(token(text, cs, ce));
      else break;
    }
    header.end = ce;
  }
  cable.header = header;
  return skipBlank(lines, k);
}

// ---- banner ------------------------------------------------------------------

/** `----- header ends -----`: the end of a web wrapper (`id:`, `refid:`, `header:` and a copy of the header). */
const WRAPPER_END = /^-{3,}\s*header ends\s*-{3,}$/i;
// First line of a web or spreadsheet record wrapped around the cable (record id,
// date, `id:`, `>`); the banner then follows a copy of the header and other fields.
const WRAPPER_START = /^(?:id:\s*\d+|\d{1,7}|>|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?|\d{2}\.\d{2}\.\d{4}\s+\d{2}:\d{2})(?:\s|$|,)|^(?:class|key|date|refid|origin|classification):\s/i;
// A record prefix run together with the banner: `Cable dated:2005-08-17T21:24:00]C O N F I D E N T I A L ...`.
const DATED_PREFIX = /^(?:ID:\s*\d+\s+)?Cable\s+dated:\s*[\d:T-]{10,19}\]?\s*/i;

function parseBannerZone(text: string, lines: Line[], n: number, cable: Cable): number {
  const pushLines = (from: number, to: number) => {
    for (let j = from; j < to; j++) {
      const s = contentStart(text, lines[j], undefined);
      const e = trimEnd(text, s, lines[j].end);
      if (e > s) cable.preamble.push(token(text, s, e));
    }
  };
  // A wrapper shows in its first lines (a title line may come first).
  let wrapped = false;
  for (let k = n, seen = 0; k < lines.length && seen < 3 && !wrapped; k++) {
    if (lines[k].start === lines[k].end) continue;
    seen++;
    wrapped = WRAPPER_START.test(text.slice(lines[k].start, Math.min(lines[k].end, lines[k].start + 40)).trim());
  }
  // The banner is the first line; lines before it that are not a banner, a
  // caption or a preamble element are kept as preamble (e.g. a weekday date line).
  // In a wrapper the banner comes later, after a copy of the header.
  for (let k = n, seen = 0; k < lines.length && seen < (wrapped ? 60 : 12); k++) {
    const l = lines[k];
    const cs = contentStart(text, l, cable.artifacts);
    let ce = trimEnd(text, cs, l.end);
    if (ce > cs && text[ce - 1] === '\\') ce = trimEnd(text, cs, ce - 1); // escaped line ends of CSV exports
    if (cs >= ce) continue;
    seen++;
    if (ce - cs > 2000) break;
    const content = text.slice(cs, ce);
    if (WRAPPER_END.test(content)) {
      pushLines(n, k + 1);
      n = k + 1;
      continue;
    }
    // Where a banner may start: the line, after a `Cable dated:` prefix, after the last
    // tab or `","` of a record exported as TSV or CSV.
    const starts = [cs];
    const dated = DATED_PREFIX.exec(content);
    if (dated) starts.push(cs + dated[0].length);
    for (let tab = content.indexOf('\t'); wrapped && tab > 0 && starts.length < 40; tab = content.indexOf('\t', tab + 1)) {
      if (content[tab - 1] !== '\t') starts.push(skipTo(text, cs + tab + 1, ce));
    }
    const quote = content.lastIndexOf('","');
    if (wrapped && quote > 0) starts.push(cs + quote + 3);
    for (const at of starts) {
      // Copies exported through spreadsheets start the banner line with `","`.
      let bs = at;
      while (bs < ce && (text[bs] === '"' || text[bs] === ',' || text[bs] === "'")) bs++;
      const b = parseBanner(text, bs, ce, k !== n || bs !== cs);
      if (!b) continue;
      pushLines(n, k);
      const pe = trimEnd(text, cs, at);
      if (pe > cs) cable.preamble.push(token(text, cs, pe));
      cable.banner = b;
      return k + 1;
    }
    if (PARA_START.test(text.slice(cs, cs + 12))) break;
    if (!wrapped && (preambleStart(text, cs, ce) || parseCaptionLine(text, cs, ce))) break;
  }
  return n;
}

// ---- preamble: captions, passing lines, E.O., TAGS, SUBJECT, REF, Classified By ----

type Pending =
  | { kind: 'tags'; el: TagsLine }
  | { kind: 'subject'; el: Subject }
  | { kind: 'ref'; el: RefBlock; gap: boolean }
  | { kind: 'classifiedBy'; el: ClassifiedBy; lines: number; gap?: boolean }
  | { kind: 'eo'; el: EoLine }
  | undefined;

/**
 * Reads the preamble from line n and returns the line where the body starts. When
 * paragraph 1 runs on at the end of a preamble line (`... Please handle accordingly.
 * 1.(SBU) Key Points`), `bodyFrom.offset` is set to where it starts in that line.
 */
function parsePreamble(text: string, lines: Line[], n: number, cable: Cable, bodyFrom: { offset: number }): number {
  let pending: Pending;
  let seenElement = false;
  // Segments of a banner line that ran on (`C o n f i d e n t i a l ... e.o. 12958: ...`).
  const startAt = cable.banner?.rest && cable.banner.rest.start < cable.banner.rest.end ? cable.banner.rest.start : -1;
  for (let k = startAt >= 0 ? n - 1 : n; k < lines.length; k++) {
    const l = lines[k];
    const lineStart = k === n - 1 ? startAt : contentStart(text, l, cable.artifacts);
    let ce = trimEnd(text, lineStart, l.end);
    const one = ce - lineStart > 12 ? PARA_ONE_INLINE.exec(text.slice(lineStart, ce)) : null;
    if (one) {
      bodyFrom.offset = lineStart + one.index + one[0].indexOf('1.');
      ce = trimEnd(text, lineStart, bodyFrom.offset);
    }
    if (lineStart >= ce) {
      if (pending?.kind === 'ref') pending.gap = true;
      // `Classified By: ... Reasons` then a blank line, then `1.4 (b) and (d).` (copies add blank lines).
      else if (pending?.kind === 'classifiedBy' && pending.el.reasons.length === 0 && !pending.gap) pending.gap = true;
      else pending = undefined;
      continue;
    }
    const head = text.slice(lineStart, Math.min(ce, lineStart + 12));
    if (PARA_START.test(head)) return k;
    if (ce - lineStart < 200 && isPageLine(text, lineStart, ce)) {
      // Page breaks of long cables can fall inside the preamble; they are transparent.
      cable.pageLines.push(token(text, lineStart, ce));
      continue;
    }

    const cuts = [lineStart, ...inlineStarts(text, lineStart, ce), ce];
    for (let c = 0; c + 1 < cuts.length; c++) {
      const s = cuts[c];
      const e = trimEnd(text, s, cuts[c + 1]);
      if (s >= e) continue;
      const st = preambleStart(text, s, e);
      if (st) {
        seenElement = true;
        pending = startElement(text, st, s, e, cable);
        continue;
      }
      if (c === 0 && pending && continueElement(text, pending, s, e, cable)) continue;
      pending = undefined;
      if (c === 0 && seenElement) return k; // prose after the preamble: the body starts here
      const caps = parseCaptionLine(text, s, e);
      if (caps) cable.captions.push(...caps);
      else cable.passing.push(token(text, s, e));
    }
    if (one) return k;
  }
  return lines.length;
}

function startElement(text: string, st: NonNullable<ReturnType<typeof preambleStart>>, s: number, e: number, cable: Cable): Pending {
  const keyword = token(text, s, st.keywordEnd);
  switch (st.kind) {
    case 'eo':
      // A web preview cut short (`E.O. 12958: DECL...`) is followed by the full text: keep the later line.
      if (!cable.eo || truncated(text, cable.eo)) cable.eo = parseEo(text, s, e);
      // `E.O. 12958:` with `DECL: 08/11/2015` on the next line.
      return cable.eo.decl.kind === 'empty' && !cable.eo.decl.keyword ? { kind: 'eo', el: cable.eo } : undefined;
    case 'tags': {
      if (cable.tags) {
        // A second TAGS line is a repeated header (media-partner copies): keep the first, but record its artifacts.
        readTags(text, st.contentStart, e, [], [], cable.artifacts);
        return undefined;
      }
      const el: TagsLine = { start: s, end: e, keyword, tags: [], names: [], commas: false };
      if (readTags(text, st.contentStart, e, el.tags, el.names, cable.artifacts)) el.commas = true;
      el.end = e;
      cable.tags = el;
      return text[e - 1] === ',' ? { kind: 'tags', el } : undefined;
    }
    case 'subject': {
      if (cable.subject) return undefined;
      const marking = parseMarking(text, st.contentStart, e);
      const textStart = marking ? skipTo(text, marking.end, e) : st.contentStart;
      const el: Subject = {
        start: s,
        end: e,
        keyword,
        text: text.slice(textStart, e),
        textSpan: { start: textStart, end: e },
        marking,
        lineCount: 1,
      };
      cable.subject = el;
      return { kind: 'subject', el };
    }
    case 'ref': {
      if (cable.refs) {
        // `Ref A: REYKJAVIK 107` and `Ref B: REYKJAVIK 108` on their own lines make one REF block.
        const items = cable.refs.items;
        const last = items.length ? items[items.length - 1].letter : undefined;
        const mk = refMarker(text, s, e);
        if (!mk || !last || mk.letter.charCodeAt(0) !== last.charCodeAt(0) + 1) return undefined;
        readRefItems(text, s, e, items, last);
        cable.refs.end = e;
        return { kind: 'ref', el: cable.refs, gap: false };
      }
      const el: RefBlock = { start: s, end: e, keyword, items: [] };
      readRefItems(text, st.contentStart, e, el.items, undefined);
      cable.refs = el;
      return { kind: 'ref', el, gap: false };
    }
    case 'classifiedBy': {
      // `Classified By: Classified by DCM ...`: a doubled keyword; the element starts at the first one.
      let prev = cable.classifiedBy;
      if (prev && truncated(text, prev)) prev = undefined; // a cut-short web preview; the full text follows
      if (prev && !/^(\(U\))?\s*$/i.test(prev.body.text)) return undefined; // `Classified By: (U) CLASSIFIED BY ...` too
      const el: ClassifiedBy = { start: prev?.start ?? s, end: e, keyword: prev?.keyword ?? keyword, body: token(text, st.contentStart, e), reasons: [] };
      fillReasons(text, el);
      cable.classifiedBy = el;
      return { kind: 'classifiedBy', el, lines: 1 };
    }
  }
}

function skipTo(text: string, i: number, end: number): number {
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function fillReasons(text: string, el: ClassifiedBy): void {
  const r = parseReasons(text, el.body.start, el.body.end);
  el.section = r.section;
  el.reasons = r.reasons;
  const a = trimEnd(text, el.body.start, r.authorityEnd);
  el.authority = a > el.body.start ? token(text, el.body.start, a) : undefined;
  const d = DERIVED.exec(text.slice(el.body.start, Math.min(el.body.end, el.body.start + 60)));
  el.derived = d ? token(text, el.body.start + d.index, el.body.start + d.index + d[0].length) : undefined;
}

/** Extends a multi-line element with the line segment [s, e); false when it does not belong. */
function continueElement(text: string, p: NonNullable<Pending>, s: number, e: number, cable: Cable): boolean {
  switch (p.kind) {
    case 'eo': {
      if (cable.eo !== p.el || !/^DECL/i.test(text.slice(s, s + 4))) return false;
      p.el.decl = parseDecl(text, s, e);
      p.el.end = e;
      return true;
    }
    case 'tags': {
      if (cable.tags !== p.el) return false;
      if (readTags(text, s, e, p.el.tags, p.el.names, cable.artifacts)) p.el.commas = true;
      p.el.end = e;
      if (text[e - 1] !== ',') cable.tags = p.el; // stays; continuation ends
      return true;
    }
    case 'subject': {
      if (p.el.lineCount >= 6) return false;
      p.el.text += ' ' + text.slice(s, e);
      p.el.textSpan.end = e;
      p.el.end = e;
      p.el.lineCount++;
      return true;
    }
    case 'ref': {
      if (truncated(text, p.el)) return false; // a web preview cut short: what follows is not the REF block
      const mk = refMarker(text, s, e);
      const items = p.el.items;
      if (mk) {
        const lastLetter = items.length ? items[items.length - 1].letter : undefined;
        readRefItems(text, s, e, items, lastLetter);
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
    case 'classifiedBy': {
      if (p.lines >= 5 || parseBanner(text, s, e, true)) return false; // a repeated banner is not a continuation
      if (p.gap && !citesReasons(text, s, e)) return false; // past a blank line only the reasons belong to it
      if (truncated(text, p.el)) return false; // a web preview cut short: what follows is not its text
      p.lines++;
      p.el.end = e;
      p.el.body = token(text, p.el.body.start, e);
      fillReasons(text, p.el);
      return true;
    }
  }
}

export type { Token };
