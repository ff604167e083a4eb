import { todayUtc } from '../dates';
import type { CalendarDate, Cable } from '../model';
import { positionAt } from '../positions';

/** What the features need besides the parse: the date the cable is read against, and extra tags. */
export interface FeatureContext {
  /** The cable's date: the override setting, else its date-time group, else today (a draft). */
  date: CalendarDate;
  dateSource: 'override' | 'dtg' | 'today';
  /** Extra tag codes from the configuration, upper case. */
  extraTags: ReadonlySet<string>;
}

/** The same choice of date as the rule engine makes. */
export function featureContext(cable: Cable, opts: { date?: CalendarDate; today?: CalendarDate; extraTags?: Iterable<string> } = {}): FeatureContext {
  const extraTags = new Set([...(opts.extraTags ?? [])].map((t) => t.toUpperCase()));
  if (opts.date) return { date: opts.date, dateSource: 'override', extraTags };
  if (cable.date) return { date: cable.date, dateSource: 'dtg', extraTags };
  return { date: opts.today ?? todayUtc(), dateSource: 'today', extraTags };
}

/** True when offset lies in [start, end). */
export function inside(s: { start: number; end: number } | undefined, offset: number): boolean {
  return s !== undefined && s.start <= offset && offset < s.end;
}

/** Like inside() but also true at the end (a cursor right after a word). */
export function touches(s: { start: number; end: number } | undefined, offset: number): boolean {
  return s !== undefined && s.start <= offset && offset <= s.end;
}

/** Index of the line holding offset. */
export function lineIndexAt(cable: Cable, offset: number): number {
  return positionAt(cable.lines, offset).line;
}

/** Last element whose start is at or before offset, in a list sorted by start. */
export function lastStartingAtOrBefore<T extends { start: number }>(list: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
