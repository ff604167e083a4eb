import { describeDate } from '../cable-date';
import type { CalendarDate } from '../model';
import type { CitedCable, Rule } from './types';

// Rules about the cables a REF line cites, which need the other cables of the
// workspace (ctx.cables: the language server's index; cable-lint does not give it yet). Without
// them these rules say nothing.

function iso(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** True when the cited cable was certainly written after `date`: by its date, else by its year. */
function isLater(cited: CitedCable, date: CalendarDate): boolean {
  if (cited.date) return compare(cited.date, date) > 0;
  return cited.year !== undefined && cited.year > date.year;
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const refCitedLater: Rule = {
  id: 'ref-cited-later',
  severity: 'warning',
  summary: 'A REF item cites a cable of the workspace that is dated after this cable.',
  check(ctx) {
    if (!ctx.cables) return;
    for (const item of ctx.cable.refs?.items ?? []) {
      for (const cite of item.cites ?? []) {
        // With a year only, the cited cable must be later than every day of it.
        const later = ctx.cables.cited(cite).filter((c) => isLater(c, ctx.dated.last));
        if (later.length === 0) continue;
        const c = later[0];
        const when = c.date ? `dated ${iso(c.date)}` : `of ${c.year}`;
        const mine = `this cable's date (${describeDate(ctx.dated)})`;
        ctx.report(
          cite.start,
          cite.end,
          `${cite.post.text} ${cite.serial.text} is ${c.id}, ${when}: after ${mine}. A cable cannot cite a later one: check the year and the serial.`,
        );
      }
    }
  },
};

export const referenceRules: readonly Rule[] = [refCitedLater];
