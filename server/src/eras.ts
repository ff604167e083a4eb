import { addYears, compareDates, formatDeclDate } from './dates';
import type { CalendarDate } from './model';

// The eras of a telegram's markings: which executive order governed classification when, the
// declassification instructions of each, and the dates from which State's telegram rules changed.
// Each fact is said once, here, with its source: a section of the format document
// (cable-format.md §n, its sources S12-S15 named there) or the order's own text. The parser,
// the rules, hovers, completion and the new-cable template all read this table.

/** A declassification instruction of an era (parse/preamble.ts reads them into Decl kinds). */
export type DeclForm = 'date' | 'gds' | 'xgds' | 'ngds' | 'rds' | 'xds' | 'oadr' | 'exemption' | 'event' | 'downgrade';

export interface Order {
  /** The order's number as cables write it. */
  order: '11652' | '12065' | '12356' | '12958' | '13526';
  /** The first day it governed new classification. */
  from: CalendarDate;
  /** The day it was signed, when not the day it took effect. */
  signed?: CalendarDate;
  /** The years it was in force, in words (hovers). */
  inForce: string;
  /** Its declassification instructions, in words (hovers). */
  decl: string;
  /** The Decl kinds that are a declassification instruction under it. */
  forms: readonly DeclForm[];
  /** Where the facts come from. */
  source: string;
}

/** The orders on classification, oldest first; each governed until the next took effect (§4.1). */
export const ORDERS: readonly Order[] = [
  {
    order: '11652',
    from: { year: 1972, month: 6, day: 1 },
    signed: { year: 1972, month: 3, day: 8 },
    inForce: '1 June 1972 to 30 November 1978',
    decl: 'the General Declassification Schedule (`GDS`), an exemption from it (`XGDS 1` to `XGDS 4`, the categories of its sec. 5(B)), or `NGDS`',
    forms: ['gds', 'xgds', 'ngds'],
    source: 'cable-format.md §4.1; 1975 STATE 099768 [S13] ("FOUR EXEMPTIONS ... XGDS 1, 2, 3, AND 4")',
  },
  {
    order: '12065',
    from: { year: 1978, month: 12, day: 1 },
    signed: { year: 1978, month: 6, day: 28 },
    inForce: '1 December 1978 to 31 July 1982',
    decl: 'the schedule and a date, the classifier in parentheses and the office symbol: `GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P` (declassify on the date, at most 6 years out: sec. 1-401), `RDS-4 6/5/99 (NAME)` (review for declassification on the date, up to 20 years: sec. 1-402), `XDS-2 ...` (extended), or a date with the classifier',
    forms: ['date', 'gds', 'rds', 'xds'],
    source:
      'cable-format.md §4.1; 1978 STATE 296107 [S13b] ("EXECUTIVE ORDER 12065 BECOMES EFFECTIVE DECEMBER 1, 1978"); 79TEHRAN8980, 1979 RIYADH 905',
  },
  {
    order: '12356',
    from: { year: 1982, month: 8, day: 1 },
    signed: { year: 1982, month: 4, day: 2 },
    inForce: '1 August 1982 to 13 October 1995',
    decl: "a date or event, or `OADR` (Originating Agency's Determination Required: no date; sec. 1.4(a))",
    forms: ['date', 'oadr', 'event'],
    source: 'cable-format.md §4.1 (`E.O. 12356: DECL: OADR`); ISOO legacy markings [S15b]',
  },
  {
    order: '12958',
    from: { year: 1995, month: 10, day: 14 },
    signed: { year: 1995, month: 4, day: 17 },
    inForce:
      'signed 17 April 1995, in force from 14 October 1995, amended by E.O. 13292 on 25 March 2003, replaced by E.O. 13526 on 27 June 2010',
    decl: '`DECL: MM/DD/YYYY`, by default 10 years after the date of the decision, at most 25 years (exemptions X1-X8 for longer)',
    forms: ['date', 'exemption', 'event', 'downgrade'],
    source: 'cable-format.md §4.1-4.3; E.O. 12958 [S14a], E.O. 13292 [S14b]',
  },
  {
    order: '13526',
    from: { year: 2010, month: 6, day: 27 },
    signed: { year: 2009, month: 12, day: 29 },
    inForce: 'signed 29 December 2009, in force from 27 June 2010',
    decl: '`DECL: YYYY/MM/DD` (inferred), 10 years by default, up to 25 years',
    forms: ['date', 'exemption', 'event', 'downgrade'],
    source: 'cable-format.md §4.1; ISOO marking FAQ [S15c]',
  },
];

/** E.O. 13292 amended E.O. 12958 (2003): citing it is not a typo, and the line reads as E.O. 12958. */
export const AMENDING_ORDER = '13292';

/** The entry of an order by its number (13292 reads as 12958, which it amended). */
export function orderOf(number: string | undefined): Order | undefined {
  const n = number === AMENDING_ORDER ? '12958' : number;
  return ORDERS.find((o) => o.order === n);
}

/** The day after which an order no longer governed (the day before the next took effect). */
export function orderUntil(o: Order): CalendarDate | undefined {
  const next = ORDERS[ORDERS.indexOf(o) + 1];
  if (!next) return undefined;
  const d = new Date(Date.UTC(next.from.year, next.from.month - 1, next.from.day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The order in force on a date (the earliest one for dates before 1972). */
export function orderInForce(d: CalendarDate): Order {
  let found = ORDERS[0];
  for (const o of ORDERS) if (compareDates(d, o.from) >= 0) found = o;
  return found;
}

/** E.O. 12958: the first order whose instructions are today's (`DECL: <date>`, exemptions X1-X8, 25X). */
export const E_O_12958 = orderOf('12958')!;
/** E.O. 13526, whose later drafting system writes `DECL: YYYY/MM/DD`. */
export const E_O_13526 = orderOf('13526')!;

/**
 * E.O. 13292 (25 March 2003) renumbered the classification reasons from sec. 1.5 to sec. 1.4 and
 * added (h): 1.5 (a)-(g) before, 1.4 (a)-(h) from this day (§8; E.O. 13292 [S14b]).
 */
export const REASONS_1_4_FROM: CalendarDate = { year: 2003, month: 3, day: 25 };

/**
 * The `Classified By` line comes with E.O. 12958 (its sec. 1.7(a) and 5 FAH-1 H-24x [S1], §8);
 * E.O. 12065 cables name the classifier on the E.O. line instead.
 */
export const CLASSIFIED_BY_FROM: CalendarDate = E_O_12958.from;

/**
 * Telegrams marked their portions from E.O. 12065 on: its sec. 1-5 (Identification and Markings,
 * 1-504) made every classified document show which portions are classified, from 1 December 1978
 * (1978 STATE 296107 [S13b]: "EXECUTIVE ORDER 12065 BECOMES EFFECTIVE DECEMBER 1, 1978"). Cables
 * before it carry no marks (1973-1977 printouts); 1978 BISSAU 1578 of 11 December 1978 marks its
 * portions (U).
 */
export const PORTION_MARKS_FROM: CalendarDate = orderOf('12065')!.from;

/**
 * DECL years are written in full (MM/DD/YYYY) on cables of 2000 on; two-digit years were the form
 * of the 1990s (96ANKARA12278 `DECL:11/15/17`, 97WELLINGTON1656 `DECL: 12/20/07`; §4.2, 32 cables).
 */
export const DECL_FULL_YEAR_FROM: CalendarDate = { year: 2000, month: 1, day: 1 };

/** The form a DECL date is written in under an order: YYYY/MM/DD by the later drafting system (inferred, §4.2). */
export function declDateForm(order: Order): 'MM/DD/YYYY' | 'YYYY/MM/DD' {
  return order === E_O_13526 ? 'YYYY/MM/DD' : 'MM/DD/YYYY';
}

/** The order of today's forms that governed on a date: E.O. 12958 (as amended) until E.O. 13526 took effect. */
export function orderForDate(d: CalendarDate): '12958' | '13526' {
  return compareDates(d, E_O_13526.from) >= 0 ? '13526' : '12958';
}

/** The default declassification date: ten years after the cable's date, in the form its order uses. */
export function defaultDecl(date: CalendarDate): { order: '12958' | '13526'; text: string; date: CalendarDate } {
  const order = orderForDate(date);
  const decl = addYears(date, 10);
  return { order, date: decl, text: formatDeclDate(decl, declDateForm(orderOf(order)!)) };
}

/** Declassification exemptions and legacy markings, in words (§4.2; E.O. 11652 and 12065 forms per §4.1). */
export function exemptionMeaning(v: string): string {
  const u = v.toUpperCase().replace(/[()]/g, '');
  if (/^X[1-8]$/.test(u)) return `exemption ${u} of E.O. 12958 sec. 1.6(d): classified beyond 10 years`;
  if (u.startsWith('25X')) return `exemption ${u} from automatic declassification at 25 years`;
  if (u.startsWith('50X')) return `exemption ${u} from automatic declassification at 50 years`;
  if (u.startsWith('75X')) return `exemption ${u} from automatic declassification at 75 years`;
  if (u === 'MR') return 'MR: manual review (a legacy marking)';
  if (u.startsWith('XGDS')) return `${u}: exempt from the General Declassification Schedule (E.O. 11652)`;
  if (u.startsWith('GDS')) return 'GDS: General Declassification Schedule (E.O. 11652, E.O. 12065)';
  if (u === 'NGDS') return 'NGDS: not under the General Declassification Schedule';
  return 'an exemption code';
}
