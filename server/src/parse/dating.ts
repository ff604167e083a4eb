import { daysInMonth, monthNumber } from '../dates';
import { DTG_GROUP, DTG_PRECEDENCE, dtgParts } from './header';
import { isFirstPageHeader } from './pages';
import type { Cable, CableDate, CalendarDate, DateSource, Line } from '../model';

// The cable's date as its own text shows it, best evidence first:
// - the date-time group of the header, in any era's form (`R 151318Z FEB 08`, `P R 221828 Z MAY 73`);
// - before the banner, a printout page header's date-time group (`PAGE 01 HARARE 06677 ...
//   ------------------A54E38 291401Z /38 O 291359Z NOV 00 FM AMEMBASSY HARARE`), a date-time
//   group kept alone by a web copy (`291359Z Nov 00`), or a web copy's date line
//   (`Wednesday, 29 November 2000, 13:59`, `Cable dated:2002-11-04T...`, `date: 4/7/2004 0:28`);
// - the date-time group of a printout's page 1 header wherever it stands.
// The file name, the --date option and today are the caller's (cable-date.ts): they are not in the text.

const MON = String.raw`(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}`;
// The header's date-time group (parse/header.ts) standing anywhere in a line, or alone at its start.
const DTG_IN_LINE = new RegExp(String.raw`(?:^|[\s/])(${DTG_PRECEDENCE})[ \t]+${DTG_GROUP}`, 'i');
const BARE_DTG = new RegExp(String.raw`^[ \t.]*${DTG_GROUP}`, 'i');
const WEEKDAY_LINE = new RegExp(
  String.raw`^[ \t]*(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,?[ \t]+(\d{1,2})[ \t]+${MON}[ \t]+(\d{4})\b`,
  'i',
);
const CABLE_DATED = /^[ \t]*Cable dated:[ \t]*(\d{4})-(\d{2})-(\d{2})/i;
const DATE_FIELD = /^[ \t]*date:[ \t]*(\d{1,2})\/(\d{1,2})\/(\d{4})\b/i;
/** Lines before the banner worth reading: a printout's distribution block can be long. */
const BEFORE_BANNER = 80;
/** Lines after a printout's page 1 header within which its date-time group stands. */
const PAGE_HEADER_LINES = 40;
/** Longer lines are body text, not header furniture (keeps the scan linear on huge lines). */
const LONGEST_LINE = 4000;

function realDay(year: number, month: number, day: number): CalendarDate | undefined {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : undefined;
}

function exact(date: CalendarDate, source: DateSource, text: string, start: number, end: number): CableDate {
  return { first: date, last: date, precision: 'day', source, evidence: text.slice(start, end).trim(), span: { start, end } };
}

/** A date-time group with its precedence anywhere in the line, or (bare) alone at its start (`291359Z Nov 00`). */
function dtgIn(text: string, line: Line, source: DateSource, bare: boolean): CableDate | undefined {
  const s = line.text;
  if (s.length > LONGEST_LINE) return undefined;
  let m = DTG_IN_LINE.exec(s);
  if (m) {
    const lead = m[0].length - m[0].trimStart().length;
    const d = dtgParts(m, 2);
    if (d.valid)
      return exact(
        { year: d.year, month: d.month, day: d.day },
        source,
        text,
        line.start + m.index + lead,
        line.start + m.index + m[0].length,
      );
  }
  if (bare && (m = BARE_DTG.exec(s))) {
    const lead = m[0].length - m[0].replace(/^[ \t.]*/, '').length;
    const d = dtgParts(m, 1);
    if (d.valid) return exact({ year: d.year, month: d.month, day: d.day }, source, text, line.start + lead, line.start + m[0].length);
  }
  return undefined;
}

/** A web copy's date line. */
function dateLine(text: string, line: Line): CableDate | undefined {
  const s = line.text;
  if (s.length > LONGEST_LINE) return undefined;
  let m: RegExpExecArray | null;
  let date: CalendarDate | undefined;
  if ((m = WEEKDAY_LINE.exec(s))) date = realDay(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  else if ((m = CABLE_DATED.exec(s))) date = realDay(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = DATE_FIELD.exec(s))) date = realDay(Number(m[3]), Number(m[1]), Number(m[2]));
  if (!m || !date) return undefined;
  const lead = m[0].length - m[0].trimStart().length;
  return exact(date, 'date-line', text, line.start + lead, line.start + m[0].length);
}

/** Where the cable proper starts: the banner, else its first preamble line or paragraph. */
function cableStartOffset(cable: Cable): number {
  if (cable.banner) return cable.banner.start;
  const starts = [cable.eo, cable.tags, cable.subject, cable.refs, cable.classifiedBy, cable.paragraphs[0]]
    .filter((e) => e !== undefined)
    .map((e) => e!.start);
  return starts.length ? Math.min(...starts) : cable.text.length;
}

/** The best evidence of the cable's date in its text, or undefined (then the file name or today decide). */
export function findDateEvidence(cable: Cable): CableDate | undefined {
  const { text, lines } = cable;
  const dtg = cable.header?.dtg;
  if (dtg?.valid) return exact({ year: dtg.year, month: dtg.month, day: dtg.day }, 'dtg', text, dtg.start, dtg.group.end);
  // Before the cable proper: a printout page header's DTG, a DTG kept alone, a date line.
  const stop = cableStartOffset(cable);
  let inPageHeader = false;
  let line: CableDate | undefined;
  for (let i = 0; i < lines.length && i < BEFORE_BANNER && lines[i].start < stop; i++) {
    if (lines[i].text.length <= LONGEST_LINE && isFirstPageHeader(lines[i].text)) inPageHeader = true;
    const found = dtgIn(text, lines[i], inPageHeader ? 'page-header' : 'dtg', true);
    if (found) return found;
    line ??= dateLine(text, lines[i]);
  }
  if (line) return line;
  // A printout's page 1 header further down (a web copy may put a note first).
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].text.length > LONGEST_LINE || !isFirstPageHeader(lines[i].text)) continue;
    for (let j = i; j < lines.length && j <= i + PAGE_HEADER_LINES; j++) {
      const found = dtgIn(text, lines[j], 'page-header', false);
      if (found) return found;
    }
    break;
  }
  return undefined;
}
