import { compareDates, dateInWords, MONTH_NAMES, todayUtc } from './dates';
import type { Cable, CableDate, CalendarDate, DateSource } from './model';

// The date a cable is checked against, and where it came from. In order: the
// --date option or the cable.date setting; the cable's own text (a date-time
// group, a printout page header, a web copy's date line: parse/dating.ts); the
// reference id in the file name (`04LIMA1046.txt`: 2004, `1975STATE012345.txt`:
// 1975); only when nothing speaks, today: a draft has no DTG and no reference id yet.
// Rules and features read it through ctx.dated and the helpers below, which are
// honest about precision: with a year only, a rule fires when it holds on every day of it.

export interface DateOptions {
  /** The --date option or the cable.date setting. */
  date?: CalendarDate;
  /** The file's name or path; a reference id in it dates an archived cable to its year. */
  fileName?: string;
  /** Today, for drafts (tests pass a fixed one). */
  today?: CalendarDate;
}

const oneDay = (date: CalendarDate, source: DateSource, evidence: string): CableDate => ({
  first: date,
  last: date,
  precision: 'day',
  source,
  evidence,
});

// A reference id: the year (2 digits, or 4 in the State archive's form), the post in
// capitals without spaces, the serial (format doc §13: `08BAKU146`, `1975STATE012345`).
const REFERENCE_ID = /^(\d{4}|\d{2})([A-Z]{3,30})(\d{1,7})$/;

/** The year a file name's reference id gives (`04LIMA1046.txt`, `/a/b/1975STATE012345.txt`), as a range of days. */
export function dateFromFileName(fileName: string): CableDate | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.indexOf('.');
  const id = dot >= 0 ? base.slice(0, dot) : base;
  const m = id.length <= 48 ? REFERENCE_ID.exec(id) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  const year = m[1].length === 4 ? y : y >= 50 ? 1900 + y : 2000 + y;
  if (year < 1950 || year > 2099) return undefined;
  return { first: { year, month: 1, day: 1 }, last: { year, month: 12, day: 31 }, precision: 'year', source: 'file-name', evidence: id };
}

/** The cable's date for checking, from the best evidence there is. */
export function cableDate(cable: Cable, opts: DateOptions = {}): CableDate {
  if (opts.date) return oneDay(opts.date, 'override', '');
  if (cable.dated) return cable.dated;
  const fromName = opts.fileName ? dateFromFileName(opts.fileName) : undefined;
  if (fromName) return fromName;
  return oneDay(opts.today ?? todayUtc(), 'today', '');
}

/** The date in words at its precision: `15 February 2008`, `February 2008`, `2004`. */
export function dateWords(d: CableDate): string {
  if (d.precision === 'year') return String(d.first.year);
  if (d.precision === 'month') return `${MONTH_NAMES[d.first.month - 1]} ${d.first.year}`;
  return dateInWords(d.first);
}

/** Where the date came from, in words: `from the file name 04LIMA1046`. */
export function sourceWords(d: CableDate): string {
  switch (d.source) {
    case 'override':
      return 'from the --date option or the cable.date setting';
    case 'dtg':
      return `from the date-time group ${d.evidence}`;
    case 'page-header':
      return `from the printout page header's date-time group ${d.evidence}`;
    case 'date-line':
      return `from the date line ${d.evidence}`;
    case 'file-name':
      return `from the file name ${d.evidence}`;
    case 'today':
      return 'today: no date-time group, date line or reference id, so read as a draft';
  }
}

/** `2004, from the file name 04LIMA1046`: what every date-relative message says. */
export function describeDate(d: CableDate): string {
  return `${dateWords(d)}, ${sourceWords(d)}`;
}

/** True when every day the date allows is before `day`. */
export function surelyBefore(d: CableDate, day: CalendarDate): boolean {
  return compareDates(d.last, day) < 0;
}

/** True when every day the date allows is on or after `day`. */
export function surelyOnOrAfter(d: CableDate, day: CalendarDate): boolean {
  return compareDates(d.first, day) >= 0;
}

/**
 * True when the date is known to the day from the cable itself or from the user: a fix
 * computed from it (a DECL date, an E.O. number) may be applied without asking. A year
 * from the file name, or today on a cable that may be an archived copy, is not enough.
 */
export function isCertain(d: CableDate): boolean {
  return d.precision === 'day' && d.source !== 'today';
}
