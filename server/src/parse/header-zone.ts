import type { Cable, Header, Line } from '../model';
import { parseBanner } from './classification';
import {
  addressKeyword,
  looksLikeAddressee,
  parseAddressee,
  parseDe,
  parseDtg,
  parseProsignLine,
  parseRiLine,
  parseSecurity,
  parseVzczc,
} from './header';
import { contentStart, skipBlankLines, token, trimEnd } from './lines';
import { startsParagraph } from './paragraphs';
import { isDistributionHead, isFirstPageHeader, isMarkingLine, isReleaseFurniture, startsPrintout } from './pages';
import { preambleStart } from './preamble';

// Where the transmission header is (VZCZC lines, a date-time group with FM
// after it, a 1970s printout) and which of its lines is which.

const PRINTOUT = /^(PAGE\s+\d{2}\b|ORIGIN\s|DRAFTED BY|APPROVED BY|-{6,}\s*\S+)/i;
const HEADER_SEARCH_LINES = 80;
// An OCR scrap or archive mark above the header (`L5`, `AH37`, `STAT`, `25X1.`, `OLL/LD`).
const SCRAP = 8;

/** The content [cs, ce) of the next non-blank line after line `k`, within 3 lines. */
function nextContent(text: string, lines: Line[], k: number): { cs: number; ce: number } | undefined {
  for (let j = k + 1; j < lines.length && j <= k + 3; j++) {
    const cs = contentStart(text, lines[j], undefined);
    const ce = trimEnd(text, cs, lines[j].end);
    if (cs < ce) return { cs, ce };
  }
  return undefined;
}

/** True when the next non-blank line after line `k` starts with `FM`. */
function nextStartsWithFm(text: string, lines: Line[], k: number): boolean {
  const next = nextContent(text, lines, k);
  return next !== undefined && addressKeyword(text, next.cs, next.ce) === 'FM';
}

/** True when the next non-blank line after line `k` is TO, INFO or an addressee. */
function addresseeFollows(text: string, lines: Line[], k: number): boolean {
  const next = nextContent(text, lines, k);
  if (!next) return false;
  const kw = addressKeyword(text, next.cs, next.ce);
  return kw === 'TO' || kw === 'INFO' || looksLikeAddressee(text, next.cs, next.ce);
}

/** True when line k is a page marking (`SECRET`) with a printout's first page line (`PAGE 01 SAIGON 11976 031554Z`) next. */
function firstPageBelow(text: string, lines: Line[], k: number): boolean {
  const cs = contentStart(text, lines[k], undefined);
  if (!isMarkingLine(text, cs, trimEnd(text, cs, lines[k].end))) return false;
  const next = nextContent(text, lines, k);
  return next !== undefined && next.ce - next.cs < 120 && isFirstPageHeader(text.slice(next.cs, next.ce));
}

/** A printout's own line below whatever an archive put above it: `ORIGIN SS-25`, `ACTION AF-01`, `DRAFTED BY ...`. */
function printoutHead(content: string): boolean {
  return isDistributionHead(content) || content.startsWith('DRAFTED BY');
}

/** Reads the header, if any, from line n; returns the line after it. */
export function parseHeaderZone(text: string, lines: Line[], n: number, cable: Cable): number {
  // The header normally starts at the first line; some copies put a wrapper first.
  let startLine = -1;
  let acp126Line = -1;
  let pastPreamble = false;
  let kind: Header['kind'] = 'acp127';
  // Archives put their own lines above the header: FOIA release stamps and index fields, the page
  // marking of the release (`UNCLASSIFIED`) over the original's, OCR scraps (`L5`, `W16`). The header's
  // first line may come after them.
  let front = true;
  let printoutLine = -1;
  let bannerSeen = false;
  let eoSeen = false;
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
    // A copy that lost its date-time group line (or never had one) starts with FM.
    if (front && (parseDtg(text, cs, l.end) || addressKeyword(text, cs, l.end) === 'FM')) {
      startLine = k;
      kind = 'acp126';
      break;
    }
    // A printout starts with its PAGE or ORIGIN line, or with the page marking above it (`LIMITED OFFICIAL USE`).
    if (front && (PRINTOUT.test(text.slice(cs, Math.min(l.end, cs + 60))) || startsPrintout(text, lines, k))) {
      // Under archive lines, a date-time group with FM further down still starts the header (09MADRID673).
      if (k === n) {
        startLine = k;
        kind = 'printout';
        break;
      }
      if (printoutLine < 0) printoutLine = k;
    }
    // A date-time group followed by FM after other lines (a caption note, distribution
    // lines, a web wrapper): the older header starts there, if no preamble element came first.
    if (acp126Line < 0 && !pastPreamble && parseDtg(text, cs, l.end) && nextStartsWithFm(text, lines, k)) acp126Line = k;
    // A printout's ORIGIN, ACTION or DRAFTED BY line under archive lines the front did not cover
    // (`PAb\`E12 OF 87` read by OCR), if no banner or preamble element came first.
    if (printoutLine < 0 && !pastPreamble && !bannerSeen && printoutHead(text.slice(cs, trimEnd(text, cs, l.end)))) printoutLine = k;
    // A web page that shows the text before the printout (PlusD's layout, 1973SAIGON11976): numbered
    // paragraphs, then the page marking over `PAGE 01 ...`. The printout starts there; the preview is kept as preamble.
    if (printoutLine < 0 && acp126Line < 0 && pastPreamble && !eoSeen && !bannerSeen && firstPageBelow(text, lines, k)) printoutLine = k;
    if (!bannerSeen && parseBanner(text, cs, trimEnd(text, cs, l.end), true)) bannerSeen = true;
    if (!eoSeen && preambleStart(text, cs, l.end)?.kind === 'eo') eoSeen = true;
    if (!pastPreamble && (eoSeen || startsParagraph(text, cs))) pastPreamble = true;
    if (front) {
      const ce = trimEnd(text, cs, l.end);
      front = ce - cs <= SCRAP || isReleaseFurniture(text.slice(cs, ce)) || isMarkingLine(text, cs, ce);
    }
  }
  // The date-time group with FM under a distribution block is where the header starts (08LONDON2673);
  // the printout's own lines start it only where no such group could be read.
  if (startLine < 0 && acp126Line >= 0) {
    startLine = acp126Line;
    kind = 'acp126';
  } else if (startLine < 0 && printoutLine >= 0) {
    startLine = printoutLine;
    kind = 'printout';
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
      // A blank line ends the header once the addressees have started, unless an addressee follows
      // (OCR copies of printouts put a blank line between every two lines).
      if ((header.from || list) && !addresseeFollows(text, lines, k)) break;
      continue;
    }
    // E.O., TAGS and SUBJECT are never addressees: the header has ended without a blank line.
    const element = preambleStart(text, cs, ce)?.kind;
    if (element === 'eo' || element === 'tags' || element === 'subject') break;
    // Nor is a page marking (`CONFIDENTIAL` over the next printout page): the addressees have ended.
    if ((header.from || list) && isMarkingLine(text, cs, ce)) break;
    if (ce - cs > 2000) break; // no header line is this long: leave it to the body
    // The banner can follow the last addressee with no blank line.
    if (parseBanner(text, cs, ce, true)) break;
    // In a printout, the lines before the date-time group (ORIGIN, INFO LOG-00 ..., DRAFTED BY) are not
    // addressees; FM starts them even where the copy lost the date-time group.
    const word = addressKeyword(text, cs, ce);
    const kw = kind === 'printout' && !header.dtg && !header.from && word !== 'FM' ? undefined : word;
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
  return skipBlankLines(lines, k);
}
