import { addYears, compareDates, dateInWords, formatDeclDate } from './dates';
import type { CalendarDate, DeclKind } from './model';

// The eras of a telegram's markings: which executive order governed classification when, the
// declassification instructions of each, and the dates from which State's telegram rules changed.
// Each fact is said once, here, with its source: a section of the format document
// (cable-format.md §n, its sources S12-S15 named there) or the order's own text. The parser,
// the rules, hovers, completion and the new-cable template all read this table.

/** A declassification instruction of an era: the Decl kinds that are one (parse/preamble.ts reads them). */
export type DeclForm = Exclude<DeclKind, 'na' | 'other' | 'empty'>;

export interface Order {
  /** The order's number as cables write it. */
  order: '11652' | '12065' | '12356' | '12958' | '13526';
  /** The first day it governed new classification. */
  from: CalendarDate;
  /** The day it was signed (it took effect later). */
  signed: CalendarDate;
  /** Its declassification instructions, in words (hovers). */
  decl: string;
  /** The Decl kinds that are a declassification instruction under it. */
  forms: readonly DeclForm[];
  /** The instruction a classified cable carries under it, for messages. */
  classifiedForm: string;
  /** What a fix writes for a classified cable under it, when one form is the plain choice (E.O. 12958 on: a date, computed by the rule). */
  plainFix?: string;
  /** Where the facts come from. */
  source: string;
}

/** The orders on classification, oldest first; each governed until the next took effect (§4.1). */
export const ORDERS: readonly Order[] = [
  {
    order: '11652',
    from: { year: 1972, month: 6, day: 1 },
    signed: { year: 1972, month: 3, day: 8 },
    decl: 'the General Declassification Schedule (`GDS`), an exemption from it (`XGDS 1` to `XGDS 4`, the categories of its sec. 5(B)), or `NGDS`',
    forms: ['gds', 'xgds', 'ngds'],
    classifiedForm: '`GDS`, `XGDS n` (an exemption, n from 1 to 4) or `NGDS`',
    plainFix: 'GDS',
    source: 'cable-format.md §4.1; 1975 STATE 099768 [S13] ("FOUR EXEMPTIONS ... XGDS 1, 2, 3, AND 4")',
  },
  {
    order: '12065',
    from: { year: 1978, month: 12, day: 1 },
    signed: { year: 1978, month: 6, day: 28 },
    decl: 'the schedule and a date, the classifier in parentheses and the office symbol: `GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P` (declassify on the date, at most 6 years out: sec. 1-401), `RDS-4 6/5/99 (NAME)` (review for declassification on the date, up to 20 years: sec. 1-402), `XDS-2 ...` (extended), or a date with the classifier',
    forms: ['date', 'gds', 'rds', 'xds'],
    classifiedForm: '`GDS`, `RDS-n` or `XDS-n` with a date and the classifier in parentheses, e.g. `GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P`',
    source:
      'cable-format.md §4.1; 1978 STATE 296107 [S13b] ("EXECUTIVE ORDER 12065 BECOMES EFFECTIVE DECEMBER 1, 1978"); 79TEHRAN8980, 1979 RIYADH 905',
  },
  {
    order: '12356',
    from: { year: 1982, month: 8, day: 1 },
    signed: { year: 1982, month: 4, day: 2 },
    decl: "a date or event, or `OADR` (Originating Agency's Determination Required: no date; sec. 1.4(a))",
    forms: ['date', 'oadr', 'event'],
    classifiedForm: '`DECL: <date>` or `DECL: OADR`',
    plainFix: 'DECL: OADR',
    source: 'cable-format.md §4.1 (`E.O. 12356: DECL: OADR`); ISOO legacy markings [S15b]',
  },
  {
    order: '12958',
    from: { year: 1995, month: 10, day: 14 },
    signed: { year: 1995, month: 4, day: 17 },
    decl: '`DECL: MM/DD/YYYY`, by default 10 years after the date of the decision, at most 25 years (exemptions X1-X8 for longer)',
    forms: ['date', 'exemption', 'event', 'downgrade'],
    classifiedForm: '`DECL: <date>`',
    source: 'cable-format.md §4.1-4.3; E.O. 12958 [S14a], E.O. 13292 [S14b]',
  },
  {
    order: '13526',
    from: { year: 2010, month: 6, day: 27 },
    signed: { year: 2009, month: 12, day: 29 },
    decl: '`DECL: YYYY/MM/DD` (inferred), 10 years by default, up to 25 years',
    forms: ['date', 'exemption', 'event', 'downgrade'],
    classifiedForm: '`DECL: <date>`',
    source: 'cable-format.md §4.1; ISOO marking FAQ [S15c]',
  },
];

/**
 * The schedules of E.O. 11652 and E.O. 12065 (§4.1), read by the parser into Decl kinds and coloured by
 * the grammar (scripts/build-grammar.mjs). `XGDS 2`, `XGDS-2`: the category follows the word.
 */
export const SCHEDULES: Readonly<Record<string, { form: DeclForm; meaning: string }>> = {
  XGDS: {
    form: 'xgds',
    meaning:
      'exempt from the General Declassification Schedule of E.O. 11652: the number is the exemption category (1 to 4, sec. 5(B); 1975 STATE 099768 [S13])',
  },
  NGDS: { form: 'ngds', meaning: 'not under the General Declassification Schedule (E.O. 11652)' },
  GDS: {
    form: 'gds',
    meaning:
      'General Declassification Schedule: under E.O. 11652 downgraded and declassified in steps by the schedule; under E.O. 12065 declassified on the date written, at most six years out (sec. 1-401)',
  },
  RDS: {
    form: 'rds',
    meaning:
      'Review for Declassification Schedule (E.O. 12065): classified beyond six years and reviewed for declassification on the date written (sec. 1-402, at most 20 years); the number is the category as written',
  },
  XDS: {
    form: 'xds',
    meaning: 'extended declassification schedule (E.O. 12065): classified beyond six years; the number is the category as written',
  },
};

/**
 * A schedule word and its category (`XGDS-2`, `RDS 1,3`), not a date's first number (`GDS 8/12/85`): for
 * case-insensitive matching by the parser and the grammar. Groups: the word, the category. Every repeat is bounded.
 */
export const SCHEDULE_SOURCE = `(${Object.keys(SCHEDULES).join('|')})(?:\\s?-?\\s?(\\d(?:\\s?[,&]\\s?\\d){0,3}))?(?![\\w/])`;

/**
 * True when a declassification form is accepted in the era of the cable: by the order cited on its line,
 * or by an order in force on some day its date allows (a year-only date spans two orders in 1978, 1982, 1995).
 */
export function acceptedInEra(form: DeclForm, cited: Order | undefined, first: CalendarDate, last: CalendarDate): boolean {
  if (cited?.forms.includes(form)) return true;
  const a = ORDERS.indexOf(orderInForce(first));
  const b = ORDERS.indexOf(orderInForce(last));
  return ORDERS.slice(a, b + 1).some((o) => o.forms.includes(form));
}

/** The orders whose instruction a form is, in words: `E.O. 11652 or E.O. 12065`. */
export function ordersOfForm(form: DeclForm): string {
  return ORDERS.filter((o) => o.forms.includes(form))
    .map((o) => `E.O. ${o.order}`)
    .join(' or ');
}

/** E.O. 13292 amended E.O. 12958 (2003): citing it is not a typo, and the line reads as E.O. 12958. */
export const AMENDING_ORDER = '13292';

/** The entry of an order by its number (13292 reads as 12958, which it amended). */
export function orderOf(number: string | undefined): Order | undefined {
  const n = number === AMENDING_ORDER ? '12958' : number;
  return ORDERS.find((o) => o.order === n);
}

/** The last day an order governed (the day before the next took effect), undefined for the order in force. */
function orderUntil(o: Order): CalendarDate | undefined {
  const next = ORDERS[ORDERS.indexOf(o) + 1];
  if (!next) return undefined;
  const d = new Date(Date.UTC(next.from.year, next.from.month - 1, next.from.day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** When an order governed, in words (hovers, completion): `signed 17 April 1995, in force from 14 October 1995 to 26 June 2010, ...`. */
export function inForceWords(o: Order): string {
  const until = orderUntil(o);
  let words = `signed ${dateInWords(o.signed)}, in force from ${dateInWords(o.from)}${until ? ` to ${dateInWords(until)}` : ''}`;
  if (o.order === '12958') words += `, amended by E.O. ${AMENDING_ORDER} on ${dateInWords(REASONS_1_4_FROM)}`;
  return words;
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
 * Banner serials were 4 or 5 digits in older cables (`TEHRAN 2069`, `BEIRUT 01725`); 6 digits, zero-padded,
 * is the form observed from the 1990s on (§2: 6,510 of 6,570 corpus banners).
 */
export const SIX_DIGIT_SERIALS_FROM: CalendarDate = { year: 1995, month: 1, day: 1 };

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

/**
 * The instructions a classified cable of an older order carries, for completion: E.O. 11652's schedules,
 * E.O. 12065's GDS with the date six years out (sec. 1-401; the classifier and office symbol are the
 * drafter's to add), E.O. 12356's OADR. Undefined from E.O. 12958 on (a date, which completion computes).
 */
export function olderInstructions(order: Order, date: CalendarDate): { text: string; detail: string }[] | undefined {
  switch (order.order) {
    case '11652':
      return [
        { text: 'GDS', detail: SCHEDULES.GDS.meaning },
        ...[1, 2, 3, 4].map((n) => ({ text: `XGDS ${n}`, detail: `exemption category ${n} of sec. 5(B)` })),
        { text: 'NGDS', detail: SCHEDULES.NGDS.meaning },
      ];
    case '12065': {
      const d = addYears(date, 6);
      return [
        {
          text: `GDS ${d.month}/${d.day}/${String(d.year % 100).padStart(2, '0')}`,
          detail: 'declassify six years out (sec. 1-401); add the classifier in parentheses and the office symbol',
        },
      ];
    }
    case '12356':
      return [{ text: 'DECL: OADR', detail: "Originating Agency's Determination Required" }];
  }
  return undefined;
}

/** Declassification exemptions and legacy markings, in words (§4.2; the schedules of E.O. 11652 and 12065 are SCHEDULES). */
export function exemptionMeaning(v: string): string {
  const u = v.toUpperCase().replace(/[()]/g, '');
  if (/^X[1-8]$/.test(u)) return `exemption ${u} of E.O. 12958 sec. 1.6(d): classified beyond 10 years`;
  if (u.startsWith('25X')) return `exemption ${u} from automatic declassification at 25 years`;
  if (u.startsWith('50X')) return `exemption ${u} from automatic declassification at 50 years`;
  if (u.startsWith('75X')) return `exemption ${u} from automatic declassification at 75 years`;
  if (u === 'MR') return 'MR: manual review (a legacy marking)';
  return 'an exemption code';
}
