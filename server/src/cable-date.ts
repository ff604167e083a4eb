import { compareDates, dateInWords, MONTH_NAMES, todayUtc } from './dates';
import type { Cable, CableDate, CalendarDate, DateSource } from './model';
import { fileStem, idFromFileName } from './workspace/reference-id';

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

/** The year a file name's reference id gives (`04LIMA1046.txt`, `/a/b/1975STATE012345.txt`), as a range of days. */
export function dateFromFileName(fileName: string): CableDate | undefined {
  // The workspace index's reader of reference ids: one reading of a file name for both.
  const id = idFromFileName(fileName);
  if (!id || id.year < 1950 || id.year > 2099) return undefined;
  const { year } = id;
  return {
    first: { year, month: 1, day: 1 },
    last: { year, month: 12, day: 31 },
    precision: 'year',
    source: 'file-name',
    evidence: fileStem(fileName),
  };
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

/**
 * ` Portion marks are required from 1 December 1978; the cable's date is 2004, from the file name 04LIMA1046.`:
 * what a rule that applies only from an era's date adds, so a reader of an archived copy sees why it
 * applies. A draft (dated today) is under today's rules and is not told.
 */
export function sinceWords(what: string, from: CalendarDate, d: CableDate): string {
  if (d.source === 'today') return '';
  return ` ${what} from ${dateInWords(from)}; the cable's date is ${describeDate(d)}.`;
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
