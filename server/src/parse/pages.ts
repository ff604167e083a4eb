import type { Banner, Line, Token } from '../model';
import { CLASS_SOURCE } from './class-words';
import { parseBanner } from './classification';
import { contentStart, isWhiteSpace, token, trimEnd } from './lines';

// Printout furniture: what the telegram system printed around the text, which
// archives keep and which is never the banner or the text.
//
//  * page marking lines: the class word alone at the top and foot of each page
//    (`CONFIDENTIAL`, `LIMITED OFFICIAL USE`), with the printout's control number
//    (`CONFIDENTIAL PTQ1865`) or run on with the page line (`UNCLASSIFIED PAGE 02 ...`);
//  * page lines: `PAGE 02 HARARE 05461 01 OF 02 271458Z`, `PAGE 01 STATE 055011`,
//    `PAGE 01` with `KABUL 05926 050740Z` on the next line, and `ALGIERS 00000085 002 OF 002`;
//  * distribution blocks: `ACTION NEA-10` / `ORIGIN EB-08`, `INFO OCT-01 ISO-00 ...`
//    and their continuation lines of office codes ending `/056 W`, the
//    `--------------------- 035450` line;
//  * the review stamp archives print on each page (`... Declassified/Released US
//    Department of State EO Systematic Review 20 Mar 2014`);
//  * the release furniture of FOIA reading rooms, where most 1980s and 1990s cables are
//    published: State's page stamp (`UNCLASSIFIED U.S. Department of State Case No. F-2014-01302
//    Doc No. C05517243 Date: 05/05/2014`), `RELEASED IN FULL` / `RELEASED IN PART`, the index
//    sheet's fields (`Current Class: CONFIDENTIAL`, `Document Number:`, `Channel: n/a`, `Date Printed:`),
//    the reviewer's block (`UNITED STATES DEPARTMENT OF STATE`, `REVIEW AUTHORITY:`, `DATE/CASE ID:`),
//    State's `Department of State OUTGOING` form head and the CIA's `Approved For Release 2008/12/02 :
//    CIA-RDP90B01370R000801120124-3` (also `Sanitized Copy Approved for Release ...`).
// (The 1970s printout form: format document, "Older ACP-126 style header"; 00HARARE6677 shows the 2000 one.)

const PAGE_ID = String.raw`[A-Za-z][A-Za-z .'-]{0,30}\s\d{5,8}(?:\s{1,8}TOSEC\s{1,8}\d{6})?`;
const OF = String.raw`\d{2,3}(?:\.\d)?\s+OF\s+\d{2,3}`;
const TIME = String.raw`\d{6}Z`;
// `PAGE 02 HARARE 06677 01 OF 03 291400Z`, `PAGE 01 STATE 055011`, `PAGE 01` (the id then on the next line);
// a printout's first page line may run on into `ACTION AF-00`.
const PAGE_CORE = String.raw`PAGE\s+\d{1,3}(?:\s+${PAGE_ID}(?:\s+${OF})?(?:\s+${TIME})?)?`;
const PAGE_LINE = new RegExp(
  String.raw`^(?:(?:${CLASS_SOURCE})\s+)?(?:${PAGE_CORE}(?:\s+(?:ACTION|ORIGIN)\s+[A-Z]{1,6}-\d{2})?|${PAGE_ID}\s+${OF}(?:\s+${TIME})?)\s*$`,
  'i',
);
// The id line under a bare `PAGE 01`: `KABUL 05926 050740Z`, `STATE 296107`.
const PAGE_ID_LINE = new RegExp(String.raw`^${PAGE_ID}(?:\s+${OF})?(?:\s+${TIME})?\s*$`);
const BARE_PAGE = /^\s*PAGE\s+\d{1,3}\s*$/i;
// A printout page line run on with the text after it (`PAGE 03 HARARE 06677 03 OF 03 291401Z 11. (C) ...`).
const PAGE_PREFIX = new RegExp(String.raw`^PAGE\s+\d{1,3}\s+[A-Za-z][A-Za-z .'-]{0,30}\s\d{5,8}\s+${OF}(?:\s+${TIME})?\s+(?=\S)`, 'i');
// A page marking with the printout's control number: `CONFIDENTIAL PTQ1865`.
const MARKING_CONTROL = new RegExp(String.raw`^(?:${CLASS_SOURCE})\s{1,8}[A-Z]{3}\d{3,5}\s*$`);
// Distribution: `ACTION NEA-10`, `ORIGIN EB-08`, `INFO OCT-01 ISO-00 SCS-03 ...` (the 2000 form runs on
// into the DTG and addressees), continuation lines of office codes, and `/056 W` closing the list.
const OFFICE = String.raw`[A-Z]{1,6}-\d{2}`;
const DISTRIBUTION = new RegExp(
  String.raw`^(?:(?:ACTION|ORIGIN)\s+${OFFICE}\s*$|INFO\s+${OFFICE}\s+${OFFICE}\s|${OFFICE}\s{1,8}${OFFICE}\s{1,8}${OFFICE}(?:\s|$)|${OFFICE}\s+/\d{3}\s?[WR]\s*$)`,
);
const ACTION_LINE = new RegExp(String.raw`^(?:ACTION|ORIGIN)\s+${OFFICE}\s*$`);
// `--------------------- 035450`, `------------------112327Z 001828 /75-62`, `------------------A54E56 291401Z /38`.
const DASHES_ID = /^-{6,}\s*(?=[0-9A-F]{0,7}\d)[0-9A-F]{6}Z?(?:\s|$)/;
const REVIEW_STAMP = /Declassified\s?\/\s?Released US Department of State EO Systematic Review \d{1,2} [A-Za-z]{3} \d{4}\s*$/;
// FOIA release furniture (see above); OCR loses letters (`RELEASED IN FUL`), so the words are matched loosely.
const RELEASE_FURNITURE = new RegExp(
  [
    String.raw`^(?:UNCLASSIFIED\s+)?U\.?\s?S\.?\s+Department\s+of\s+State\s+Case\s+No\b`,
    // The index sheet's fields run together on one line under the release marking (1997STATE231842).
    String.raw`^UNCLASSIFIED\s+(?:Current\s+Class|Page)\s?:`,
    String.raw`^(?:Declassified\s+in\s+Part\s*-\s*)?(?:Sanitized\s+Copy\s+)?Approved\s+For\s+Release\s+\d{4}\/\d{2}\/\d{2}`,
    String.raw`^RELEASED?\s+IN\s+(?:FULL?|PART)\b`,
    String.raw`^(?:Current\s+Class|Current\s+Handling|Original\s+Class|Document\s+Number|DOC\.?\s?NUMBER|Channel|Case\s+Number|Date\s+Printed|Page)\s?:`,
    String.raw`^(?:UNITED\s+STATES\s+DEPARTMENT\s+OF\s+STATE\s*$|REVIEW\s+AUTHORITY\s?:|DATE\/CASE\s+ID\s?:)`,
    String.raw`^Department\s+of\s+State\s+(?:INCOMING|OUTGOING)\b`,
  ].join('|'),
  'i',
);
const LONGEST_PAGE_LINE = 200;
const LONGEST_CLASS_WORD = 40;

/** A page marking line: a class word alone, or with the printout's control number (`CONFIDENTIAL PTQ1865`). */
export function isMarkingLine(text: string, start: number, end: number): boolean {
  if (end - start > LONGEST_CLASS_WORD) return false;
  if (MARKING_CONTROL.test(text.slice(start, end))) return true;
  const b = parseBanner(text, start, end, false);
  return b !== undefined && b.end === end && !b.post && !b.section;
}

/** A page marking line read as a banner, for its class; undefined when the line is no page marking. */
export function markingAt(text: string, start: number, end: number): Banner | undefined {
  return isMarkingLine(text, start, end) ? parseBanner(text, start, end, false) : undefined;
}

/** The head of a printout's distribution block: `ACTION NEA-10`, `ORIGIN EB-08`. */
export function isDistributionHead(content: string): boolean {
  return ACTION_LINE.test(content);
}

/** A line of a printout's furniture other than its marking line (page line, distribution, dashes, review stamp). */
function isFurniture(text: string, content: string, start: number): boolean {
  // Speed: most lines are prose, and PAGE_LINE, PAGE_ID_LINE and REVIEW_STAMP all end with a digit or a time's Z.
  const endsLikePage = endsWithDigitOrZ(content);
  if ((endsLikePage && (PAGE_LINE.test(content) || REVIEW_STAMP.test(content))) || DISTRIBUTION.test(content) || DASHES_ID.test(content))
    return true;
  if (isReleaseFurniture(content)) return true;
  // The id under a bare `PAGE 01`.
  return endsLikePage && PAGE_ID_LINE.test(content) && BARE_PAGE.test(previousLine(text, start));
}

/** A line an archive added when it released the cable (a FOIA page stamp, `RELEASED IN FULL`, an index field). */
export function isReleaseFurniture(content: string): boolean {
  // Speed: every body line is asked; the furniture starts with one of these pairs of letters.
  return content.length < LONGEST_PAGE_LINE && releaseInitials(content) && RELEASE_FURNITURE.test(content);
}

/** The first two letters of release furniture (UN, U., US, DE, DO, DA, SA, AP, RE, CU, CH, CA, OR, PA), read without allocating. */
function releaseInitials(content: string): boolean {
  const a = content.charCodeAt(0) & ~32;
  const b = content.charCodeAt(1);
  const B = b & ~32;
  switch (a) {
    case 85: // U
      return B === 78 || B === 83 || b === 46;
    case 68: // D
      return B === 69 || B === 79 || B === 65;
    case 67: // C
      return B === 85 || B === 72 || B === 65;
    case 83: // S
    case 80: // P
      return B === 65;
    case 65: // A
      return B === 80;
    case 82: // R
      return B === 69;
    case 79: // O
      return B === 82;
    default:
      return false;
  }
}

/** Whether the last character that is not white space is a digit or Z. */
function endsWithDigitOrZ(content: string): boolean {
  let e = content.length;
  while (e > 0 && isWhiteSpace(content.charCodeAt(e - 1))) e--;
  const c = content.charCodeAt(e - 1);
  return (c >= 48 && c <= 57) || c === 90 || c === 122;
}

/** The text of the last non-blank line before offset `start` (LF, CRLF or CR line ends), looking back 3 lines at most. */
function previousLine(text: string, start: number): string {
  let e = start;
  for (let tries = 0; tries < 4 && e > 0; tries++) {
    // Step over the line break before e, then back to the start of that line.
    if (text[e - 1] === '\n') e--;
    if (e > 0 && text[e - 1] === '\r') e--;
    let s = e;
    while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r' && e - s < 200) s--;
    const line = text.slice(s, e);
    if (line.trim() !== '') return line;
    e = s;
  }
  return '';
}

// A printout's first page header, where its date-time group stands, with whatever the copy put before it.
const FIRST_PAGE_HEADER = /^[ \t]*(?:[A-Z0-9 ]{0,60}[ \t])?PAGE[ \t]+0?1\b/i;

/** A line holding a printout's page 1 header: `PAGE 01 HARARE 06677 01 OF 03 291400Z`, `CONFIDENTIAL PAGE 01 STATE 150591`. */
export function isFirstPageHeader(line: string): boolean {
  return FIRST_PAGE_HEADER.test(line);
}

/** In the preamble: printout furniture, or a class word alone (not spaced out, which is the banner style). */
export function isPreamblePageLine(text: string, start: number, end: number): boolean {
  if (end - start >= LONGEST_PAGE_LINE) return false;
  if (isFurniture(text, text.slice(start, end), start)) return true;
  const b = parseBanner(text, start, end, false);
  return b !== undefined && b.end === end && !b.post && !b.spaced;
}

/** In the body: printout furniture or a page marking line (` CONFIDENTIAL`, `CONFIDENTIAL PTQ1865`). */
export function isBodyPageLine(text: string, content: string, start: number, end: number): boolean {
  if (end - start >= LONGEST_PAGE_LINE) return DISTRIBUTION.test(content); // the 2000 form runs INFO on into the header
  return isFurniture(text, content, start) || isMarkingLine(text, start, end);
}

/** A page line run on with the text after it: the page line's token and where the text starts, or undefined. */
export function pagePrefix(text: string, content: string, start: number): { page: Token; rest: number } | undefined {
  const m = PAGE_PREFIX.exec(content);
  if (!m) return undefined;
  return { page: token(text, start, trimEnd(text, start, start + m[0].length)), rest: start + m[0].length };
}

/**
 * A printout starts at line k: a page marking line (`LIMITED OFFICIAL USE`,
 * `CONFIDENTIAL PTQ2529`) with a page line or a distribution block among the
 * next three lines. Its header then runs to the date-time group or the banner.
 */
export function startsPrintout(text: string, lines: Line[], k: number): boolean {
  const first = lines[k];
  const cs = contentStart(text, first, undefined);
  const ce = trimEnd(text, cs, first.end);
  // A copy that starts at the distribution block (`ACTION NEA-00`, 09CAIRO326).
  if (ACTION_LINE.test(text.slice(cs, Math.min(ce, cs + 40)))) return true;
  if (!isMarkingLine(text, cs, ce)) return false;
  for (let j = k + 1, seen = 0; j < lines.length && seen < 3; j++) {
    const s = contentStart(text, lines[j], undefined);
    const e = trimEnd(text, s, lines[j].end);
    if (s >= e) continue;
    seen++;
    if (e - s < LONGEST_PAGE_LINE && isFurniture(text, text.slice(s, e), s)) return true;
  }
  return false;
}
