import { cableDate, type DateOptions } from '../cable-date';
import type { CableDate, CalendarDate, Cable, DateSource } from '../model';
import { positionAt } from '../positions';

/** What the features need besides the parse: the date the cable is read against, and extra tags. */
export interface FeatureContext {
  /** The cable's date (the first day its evidence allows): the setting, its text, its file name, else today (a draft). */
  date: CalendarDate;
  dateSource: DateSource;
  /** The date with its precision and evidence (cable-date.ts). */
  dated: CableDate;
  /** Extra tag codes from the configuration, upper case. */
  extraTags: ReadonlySet<string>;
}

/** The same choice of date as the rule engine makes. */
export function featureContext(cable: Cable, opts: DateOptions & { extraTags?: Iterable<string> } = {}): FeatureContext {
  const extraTags = new Set([...(opts.extraTags ?? [])].map((t) => t.toUpperCase()));
  const dated = cableDate(cable, opts);
  return { date: dated.first, dateSource: dated.source, dated, extraTags };
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
