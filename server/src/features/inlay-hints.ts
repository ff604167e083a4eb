import { describeDate } from '../cable-date';
import { lookupRoutingIndicator } from '../data/index';
import { addYears, compareDates, dateInWords } from '../dates';
import type { Addressee, Cable, CalendarDate, Span, Token } from '../model';
import type { FeatureContext } from './context';

// Inlay hints: decoded facts shown beside the code, so a reader need not hover:
// the post a routing indicator stands for, the years from the cable's date to its
// DECL date, and the date-time group in words. Each kind can be turned off.

export type HintKind = 'postNames' | 'declYears' | 'dtg';
export const HINT_KINDS: readonly HintKind[] = ['postNames', 'declYears', 'dtg'];

export interface Hint {
  /** Where the hint stands: right after the code it decodes. */
  offset: number;
  label: string;
  kind: HintKind;
  /** A sentence for the hint's tooltip. */
  tooltip: string;
}

export type HintOptions = Partial<Record<HintKind, boolean>>;

/** The hints of the kinds not turned off (all are on by default), in text order; only those inside `range` when given. */
export function inlayHints(cable: Cable, ctx: FeatureContext, opts: HintOptions = {}, range?: Span): Hint[] {
  const out: Hint[] = [];
  if (opts.postNames !== false) postNameHints(cable, out);
  if (opts.dtg !== false) dtgHint(cable, out);
  if (opts.declYears !== false) declHint(cable, ctx, out);
  out.sort((a, b) => a.offset - b.offset);
  return range ? out.filter((h) => h.offset >= range.start && h.offset <= range.end) : out;
}

/** How a post is named in hints and hovers: its plain-language address (AMEMBASSY BUENOS AIRES), else the ACP 117 name. */
export function postName(ri: string): string | undefined {
  const post = lookupRoutingIndicator(ri);
  return post ? (post.plad ?? post.acp117 ?? post.shortForm) : undefined;
}

function postNameHints(cable: Cable, out: Hint[]): void {
  const h = cable.header;
  if (!h) return;
  const add = (ri: Token | undefined, role: string) => {
    const name = ri && postName(ri.text.toUpperCase());
    if (ri && name)
      out.push({ offset: ri.end, label: name, kind: 'postNames', tooltip: `${ri.text}: routing indicator of ${name} (${role}).` });
  };
  for (const r of h.prosignLine?.routing ?? []) add(r, 'a relay or destination station');
  add(h.de?.station, 'the originating station');
  // An address written as a routing indicator alone (the parser reads `TO RUEHBU` as a
  // plain-language address: the hint shows when it is a known indicator); `RUEHC/SECSTATE WASHDC`
  // names its post already.
  const lacking = (a: Addressee | undefined, role: string) => {
    if (a && !a.plad) add(a.ri, role);
    else if (a && !a.ri) add(a.plad, role);
  };
  lacking(h.from, 'the originator');
  for (const a of h.to) lacking(a, 'an action addressee');
  for (const a of h.info) lacking(a, 'an information addressee');
}

function dtgHint(cable: Cable, out: Hint[]): void {
  const dtg = cable.header?.dtg;
  if (!dtg?.valid) return;
  const words = `${dateInWords({ year: dtg.year, month: dtg.month, day: dtg.day })}, ${pad(dtg.hour)}:${pad(dtg.minute)} UTC`;
  out.push({ offset: dtg.group.end, label: words, kind: 'dtg', tooltip: `The date-time group ${dtg.group.text}: ${words}.` });
}

function declHint(cable: Cable, ctx: FeatureContext, out: Hint[]): void {
  const decl = cable.eo?.decl;
  const span = declSpan(cable, ctx);
  if (!decl || !span) return;
  out.push({ offset: decl.value.end, label: span.label, kind: 'declYears', tooltip: span.sentence });
}

/** Where the cable's date comes from, in words, when it is not the cable's own date-time group. */
function dateSourceNote(ctx: FeatureContext): string | undefined {
  if (ctx.dateSource === 'today') return 'from today';
  if (ctx.dateSource === 'override') return 'from cable.date';
  if (ctx.dateSource === 'file-name') return `from ${ctx.dated.evidence}`;
  return undefined;
}

function dateSourceWords(ctx: FeatureContext): string {
  return `the cable's date (${describeDate(ctx.dated)})`;
}

/**
 * The time from the cable's date to its DECL date: `10 y`, `9.5 y` (not a whole number of
 * years), or when the DECL date is not after the cable's date, that; undefined when the
 * E.O. line has no valid date.
 */
export function declSpan(cable: Cable, ctx: FeatureContext): { label: string; years?: number; sentence: string } | undefined {
  const d = cable.eo?.decl.date;
  // E.O. 12065's date with the classifier (`11/12/79 (TAYLOR, C)`) is not a span from the cable's date.
  if (cable.eo?.decl.kind !== 'date' || cable.eo.decl.classifier || !d?.valid) return undefined;
  const base = ctx.date;
  const when = dateInWords(d);
  if (compareDates(d, base) <= 0) {
    const label =
      ctx.dateSource === 'today' ? 'in the past' : ctx.dateSource === 'override' ? 'before cable.date' : "before the cable's date";
    return { label, sentence: `DECL ${when}: on or before ${dateSourceWords(ctx)}.` };
  }
  const { years, exact } = yearsFrom(base, d);
  // Not whole years: one decimal, or `≈10` when that rounds to a whole number.
  const y = exact ? String(years) : Number.isInteger(years) ? `≈${years}` : years.toFixed(1);
  const note = dateSourceNote(ctx);
  return {
    label: `${y} y${note ? ` ${note}` : ''}`,
    years,
    sentence: `DECL ${when}: ${exact ? '' : 'about '}${y.replace('≈', '')} years after ${dateSourceWords(ctx)}.`,
  };
}

/** Whole years when the dates are anniversaries, else years to one decimal. */
function yearsFrom(a: CalendarDate, b: CalendarDate): { years: number; exact: boolean } {
  let whole = b.year - a.year;
  if (compareDates(addYears(a, whole), b) > 0) whole--;
  const from = addYears(a, whole);
  const to = addYears(a, whole + 1);
  const frac = (utc(b) - utc(from)) / (utc(to) - utc(from));
  return frac === 0 ? { years: whole, exact: true } : { years: Math.round((whole + frac) * 10) / 10, exact: false };
}

function utc(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
