import type { CalendarDate } from './model';

// Calendar helpers shared by rules, hovers, completion and the new-cable template.

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `FEB`, `Feb.`, `FEBRUARY` -> 2; 0 when not a month. */
export function monthNumber(word: string): number {
  return MONTH_NAMES.findIndex((m) => m.slice(0, 3).toUpperCase() === word.slice(0, 3).toUpperCase()) + 1;
}

export function isRealDate(d: CalendarDate): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The same day n years later; 29 February becomes 28 February in a common year. */
export function addYears(d: CalendarDate, n: number): CalendarDate {
  const year = d.year + n;
  const last = daysInMonth(year, d.month);
  return { year, month: d.month, day: Math.min(d.day, last) };
}

/** Whole years from a to b (negative when b is before a). */
export function yearsBetween(a: CalendarDate, b: CalendarDate): number {
  let y = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) y--;
  return y;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** MM/DD/YYYY, the form of E.O. 12958 cables; YYYY/MM/DD for E.O. 13526 (the later drafting system). */
export function formatDeclDate(d: CalendarDate, form: 'MM/DD/YYYY' | 'YYYY/MM/DD'): string {
  return form === 'YYYY/MM/DD' ? `${d.year}/${pad(d.month)}/${pad(d.day)}` : `${pad(d.month)}/${pad(d.day)}/${d.year}`;
}

/** "15 February 2018". */
export function dateInWords(d: CalendarDate): string {
  return `${d.day} ${MONTH_NAMES[d.month - 1] ?? '?'} ${d.year}`;
}

/** Reads `YYYY-MM-DD` (the --date option and the cable.date setting); undefined unless a real date. */
export function parseIsoDate(s: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  return d && isRealDate(d) ? d : undefined;
}

/**
 * The year a telegram writes (DTG, reference id): four digits as written; two digits 50-99 are
 * 19xx, 00-49 20xx (telegrams run from the 1950s; the archives hold cables of 1972 on).
 */
export function telegramYear(written: string): number {
  const n = Number(written);
  if (written.length === 4) return n;
  return n >= 50 ? 1900 + n : 2000 + n;
}

/** The year of a DECL date's two digits (`DECL: 11/15/17`): DECL dates lie ahead, so 00-69 are 20xx. */
export function fullYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

export function isoDate(d: CalendarDate): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** Days in a month (1-12) of a year of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's date in UTC: the date a draft (no date-time group yet) is checked against. */
export function todayUtc(): CalendarDate {
  const d = new Date();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
