import type { Cable, Header, Line } from '../model';
import { parseBanner } from './classification';
import { addressKeyword, parseAddressee, parseDe, parseDtg, parseProsignLine, parseRiLine, parseSecurity, parseVzczc } from './header';
import { contentStart, skipBlankLines, token, trimEnd } from './lines';
import { startsParagraph } from './paragraphs';
import { startsPrintout } from './pages';
import { preambleStart } from './preamble';

// Where the transmission header is (VZCZC lines, a date-time group with FM
// after it, a 1970s printout) and which of its lines is which.

const PRINTOUT = /^(PAGE\s+\d{2}\b|ORIGIN\s|DRAFTED BY|APPROVED BY|-{6,}\s*\S+)/i;
const HEADER_SEARCH_LINES = 80;

/** True when the next non-blank line after line `k` starts with `FM`. */
function nextStartsWithFm(text: string, lines: Line[], k: number): boolean {
  for (let j = k + 1; j < lines.length && j <= k + 3; j++) {
    const cs = contentStart(text, lines[j], undefined);
    if (cs >= lines[j].end) continue;
    return addressKeyword(text, cs, lines[j].end) === 'FM';
  }
  return false;
}

/** Reads the header, if any, from line n; returns the line after it. */
export function parseHeaderZone(text: string, lines: Line[], n: number, cable: Cable): number {
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
    // A copy that lost its date-time group line (or never had one) starts with FM.
    if (k === n && (parseDtg(text, cs, l.end) || addressKeyword(text, cs, l.end) === 'FM')) {
      startLine = k;
      kind = 'acp126';
      break;
    }
    // A printout starts with its PAGE or ORIGIN line, or with the page marking above it (`LIMITED OFFICIAL USE`).
    if (k === n && (PRINTOUT.test(text.slice(cs, Math.min(l.end, cs + 60))) || startsPrintout(text, lines, k))) {
      startLine = k;
      kind = 'printout';
      break;
    }
    // A date-time group followed by FM after other lines (a caption note, distribution
    // lines, a web wrapper): the older header starts there, if no preamble element came first.
    if (acp126Line < 0 && !pastPreamble && parseDtg(text, cs, l.end) && nextStartsWithFm(text, lines, k)) acp126Line = k;
    if (!pastPreamble && (preambleStart(text, cs, l.end)?.kind === 'eo' || startsParagraph(text, cs))) pastPreamble = true;
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
