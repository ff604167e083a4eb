import { LEVEL_RANK, type Banner, type Cable, type Line } from '../model';
import { parseCaptionLine } from './captions';
import { parseBanner } from './classification';
import { contentStart, skipSpaceTab, token, trimEnd } from './lines';
import { isPreamblePageLine, isReleaseFurniture, markingAt, startsPrintout } from './pages';
import { startsParagraph } from './paragraphs';
import { preambleStart } from './preamble';

// The banner (classification line), and the lines before it that are kept as
// preamble: web and spreadsheet wrappers, a weekday date line.

/** `----- header ends -----`: the end of a web wrapper (`id:`, `refid:`, `header:` and a copy of the header). */
const WRAPPER_END = /^-{3,}\s*header ends\s*-{3,}$/i;
// First line of a web or spreadsheet record wrapped around the cable (record id,
// date, `id:`, `>`); the banner then follows a copy of the header and other fields.
const WRAPPER_START =
  /^(?:id:\s*\d+|\d{1,7}|>|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?|\d{2}\.\d{2}\.\d{4}\s+\d{2}:\d{2})(?:\s|$|,)|^(?:class|key|date|refid|origin|classification):\s/i;
// A record prefix run together with the banner: `Cable dated:2005-08-17T21:24:00]C O N F I D E N T I A L ...`.
const DATED_PREFIX = /^(?:ID:\s*\d+\s+)?Cable\s+dated:\s*[\d:T-]{10,19}\]?\s*/i;

const LOOK_AHEAD = 12;

/** A released copy is marked UNCLASSIFIED over the original's marking: of two markings the higher is the cable's (the first on a tie). */
function higher(a: Banner | undefined, b: Banner | undefined): Banner | undefined {
  return !a || (b && LEVEL_RANK[b.level] > LEVEL_RANK[a.level]) ? (b ?? a) : a;
}

/**
 * A better banner a few lines below the one found at line k: where the first is a page marking alone
 * (`UNCLASSIFIED` stamped on a released copy, `CONFIDENTIAL` over a printout page) and a full banner
 * with post and serial follows, or where the first is a plain copy of the letter-spaced banner that
 * follows (`CONFIDENTIAL SECTION 01 OF 04 ZAGREB 01796` above `C O N F I D E N T I A L SECTION 01 OF 04
 * ZAGREB 001796`). Stops at the first preamble element or paragraph.
 */
function laterBanner(text: string, lines: Line[], k: number, first: Banner): { banner: Banner; line: number } | undefined {
  const bare = !first.post && !first.section;
  if (!bare && first.spaced) return undefined;
  for (let j = k + 1, seen = 0; j < lines.length && seen < LOOK_AHEAD; j++) {
    const cs = contentStart(text, lines[j], undefined);
    const ce = trimEnd(text, cs, lines[j].end);
    if (cs >= ce) continue;
    seen++;
    if (ce - cs > 200 || preambleStart(text, cs, ce) || startsParagraph(text, cs)) return undefined;
    const b = parseBanner(text, cs, ce, true);
    if (!b) continue;
    if (bare) return b.post || b.section ? { banner: b, line: j } : undefined;
    const samePost = b.post !== undefined && first.post !== undefined && b.post.text.toUpperCase() === first.post.text.toUpperCase();
    return b.spaced && samePost && b.level === first.level ? { banner: b, line: j } : undefined;
  }
  return undefined;
}

/** Finds the banner from line n; returns the line after it, or n when there is none. */
export function parseBannerZone(text: string, lines: Line[], n: number, cable: Cable): number {
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
  // In a wrapper the banner comes later, after a copy of the header; in a printout
  // that the header zone did not take, after its page marking, page line and distribution.
  let printout: Banner | undefined;
  for (let k = n, seen = 0; k < lines.length && seen < (wrapped || printout ? 60 : 12); k++) {
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
    // A FOIA release stamp (`UNCLASSIFIED U.S. Department of State Case No. ...`) or index field is not
    // the banner, and does not count towards how far the banner may stand.
    if (isReleaseFurniture(content)) {
      seen--;
      continue;
    }
    // Printout furniture is never the banner: the page marking (`CONFIDENTIAL PTQ2529`) is kept in case no banner follows.
    if (!printout && startsPrintout(text, lines, k)) {
      printout = parseBanner(text, cs, ce, false);
      continue;
    }
    if (printout && isPreamblePageLine(text, cs, ce)) {
      printout = higher(printout, markingAt(text, cs, ce));
      continue;
    }
    // Where a banner may start: the line, after a `Cable dated:` prefix, after the last
    // tab or `","` of a record exported as TSV or CSV.
    const starts = [cs];
    const dated = DATED_PREFIX.exec(content);
    if (dated) starts.push(cs + dated[0].length);
    for (let tab = content.indexOf('\t'); wrapped && tab > 0 && starts.length < 40; tab = content.indexOf('\t', tab + 1)) {
      if (content[tab - 1] !== '\t') starts.push(skipSpaceTab(text, cs + tab + 1, ce));
    }
    const quote = content.lastIndexOf('","');
    if (wrapped && quote > 0) starts.push(cs + quote + 3);
    for (const at of starts) {
      // Copies exported through spreadsheets start the banner line with `","`.
      let bs = at;
      while (bs < ce && (text[bs] === '"' || text[bs] === ',' || text[bs] === "'")) bs++;
      const found = parseBanner(text, bs, ce, k !== n || bs !== cs);
      if (!found) continue;
      const later = at === cs ? laterBanner(text, lines, k, found) : undefined;
      if (later) {
        pushLines(n, later.line);
        cable.banner = later.banner;
        return later.line + 1;
      }
      const b = found;
      pushLines(n, k);
      const pe = trimEnd(text, cs, at);
      if (pe > cs) cable.preamble.push(token(text, cs, pe));
      cable.banner = b;
      return k + 1;
    }
    if (startsParagraph(text, cs)) break;
    if (!wrapped && (preambleStart(text, cs, ce) || parseCaptionLine(text, cs, ce))) break;
  }
  if (printout) {
    // No banner after the furniture: the page marking is the best there is (banner-malformed says what is missing).
    const at = cable.lines.findIndex((l) => l.start <= printout!.start && printout!.start <= l.end);
    pushLines(n, at);
    cable.banner = printout;
    return at + 1;
  }
  // A header whose banner is gone (or glued by OCR: `CONFIDENTIALKAMPALA 004180`): its page marking is the class there is.
  // A released copy is marked UNCLASSIFIED over the original's marking: the highest is the original's.
  // The page markings may stand above the header (a FOIA copy whose header starts at its date-time group).
  let best: Banner | undefined;
  // The header's own markings first, then the nearest above it (not a page marking in a text preview above the printout).
  for (const o of cable.header ? [...cable.header.other, ...[...cable.preamble].reverse()] : [])
    best = higher(best, markingAt(text, o.start, o.end));
  if (best) cable.banner = best;
  return n;
}
