import { addYears, compareDates, dateInWords, daysInMonth, formatDeclDate, isoDate, MONTH_NAMES } from '../dates';
import { describeDate, isCertain } from '../cable-date';
import { editDistance } from '../edit-distance';
import {
  acceptedInEra,
  AMENDING_ORDER,
  DECL_FULL_YEAR_FROM,
  defaultDecl,
  E_O_12958,
  olderInstructions,
  orderInForce,
  orderOf,
  ORDERS,
  ordersOfForm,
} from '../eras';
import { type CalendarDate, type Cable, type Decl, isClassified, LEVEL_NAME } from '../model';
import { eolOf, lineAt } from './edits';
import type { Fix, Rule, RuleContext } from './types';

// E.O. and DECL: the executive order line and its declassification instruction
// (format doc §4). Classified cables need a date (or a documented event or
// exemption) no later than 25 years out; unclassified cables carry N/A. The
// orders and their dates are the eras table's (eras.ts).

/**
 * The order the drafter most likely meant: the nearest real one, with the order
 * in force on the cable's date preferred unless another is clearly nearer
 * (`19523` on a 2009 cable is 12958, though 13526 is one edit closer).
 */
export function nearestOrder(written: string, date: CalendarDate): string {
  const inForce = orderInForce(date).order;
  let best: string = inForce;
  let bestD = editDistance(written, inForce, Infinity, true) - 1.5;
  for (const o of ORDERS) {
    const dd = editDistance(written, o.order, Infinity, true);
    if (dd < bestD) [best, bestD] = [o.order, dd];
  }
  return best;
}

const levelName = (c: Cable) => (c.level ? LEVEL_NAME[c.level] : 'classified');

/** The 10-year default in the form the line already uses (YYYY/MM/DD stays YYYY/MM/DD). */
function defaultIn(decl: Decl, date: CalendarDate): string {
  const d = defaultDecl(date);
  const form = decl.date?.form;
  if (form === 'YYYY/MM/DD') return formatDeclDate(d.date, 'YYYY/MM/DD');
  if (form === 'MM/DD/YYYY' || form === 'MM/DD/YY') return formatDeclDate(d.date, 'MM/DD/YYYY');
  return d.text;
}

/** Fixes that replace the date; `preferred` only where the default is the obvious choice (fix-all applies it). */
function replaceDateFixes(ctx: RuleContext, decl: Decl, alsoMax: boolean, preferred: boolean): Fix[] {
  const text = defaultIn(decl, ctx.date);
  const fixes: Fix[] = [
    // A default computed from a guessed date (today, or a year from the file name) is offered, never applied by fix-all.
    {
      title: `Use the 10-year default ${text}`,
      edits: [{ start: decl.value.start, end: decl.value.end, newText: text }],
      preferred: preferred && isCertain(ctx.dated),
    },
  ];
  if (alsoMax) {
    const max = addYears(ctx.dated.last, 25);
    const maxText = formatDeclDate(max, decl.date?.form === 'YYYY/MM/DD' ? 'YYYY/MM/DD' : 'MM/DD/YYYY');
    fixes.push({
      title: `Use the 25-year maximum ${maxText}`,
      edits: [{ start: decl.value.start, end: decl.value.end, newText: maxText }],
    });
  }
  return fixes;
}

const eoMissing: Rule = {
  id: 'eo-missing',
  severity: 'error',
  summary: 'The cable has no E.O. line (executive order and declassification instruction).',
  check(ctx) {
    const { cable } = ctx;
    if (cable.eo || !cable.banner) return;
    const d = defaultDecl(ctx.date);
    const classified = isClassified(cable.level);
    // Before E.O. 12958 the line cites the order of the cable's date with that order's instruction (eras.ts).
    const era = orderInForce(ctx.date);
    const older = olderInstructions(era, ctx.date);
    const order = older ? era.order : d.order;
    const line = classified ? `E.O. ${order}: ${older ? older[0].text : `DECL: ${d.text}`}` : `E.O. ${order}: N/A`;
    const eol = eolOf(cable);
    // The E.O. line goes right above TAGS (or SUBJECT); without them, after the captions and passing lines.
    const next = [cable.tags, cable.subject].filter((e) => e !== undefined).sort((a, b) => a!.start - b!.start)[0];
    let at: { start: number; end: number };
    let edit: { start: number; end: number; newText: string };
    if (next) {
      const l = lineAt(cable, next.start);
      at = { start: next.start, end: lineAt(cable, next.start).end };
      edit = { start: l.start, end: l.start, newText: line + eol };
    } else {
      const before = [cable.banner, ...cable.captions, ...cable.passing].reduce((a, b) => (b.end > a.end ? b : a));
      const l = lineAt(cable, before.end);
      at = { start: cable.banner.start, end: cable.banner.end };
      edit = { start: l.end, end: l.end, newText: eol + eol + line };
    }
    const what = classified
      ? `a ${levelName(cable)} cable needs \`${line}\` (the order and ${older ? 'its declassification instruction' : 'the date it may be declassified'})`
      : `an unclassified cable carries \`${line}\``;
    ctx.report(at.start, at.end, `No E.O. line: ${what}, on the line above TAGS (5 FAH-1 H-24x; ISOO marking rules).`, [
      { title: `Insert "${line}"`, edits: [edit], preferred: isCertain(ctx.dated) },
    ]);
  },
};

/** `11652, 12065, 12356, 12958, 13292, 13526`: the orders a line may cite, for messages. */
const KNOWN = [...ORDERS.map((o) => o.order), AMENDING_ORDER].sort().join(', ');

const eoNumberUnknown: Rule = {
  id: 'eo-number-unknown',
  severity: 'error',
  summary: 'The E.O. line cites a number that is not an executive order on classification.',
  check(ctx) {
    const order = ctx.cable.eo?.order;
    if (!order || orderOf(order.text)) return;
    const suggest = nearestOrder(order.text, ctx.date);
    ctx.report(
      order.start,
      order.end,
      `E.O. ${order.text} is not an executive order on classified information; expected ${suggest} (known: ${KNOWN}).`,
      // A guessed spelling: offered, never applied by fix-all.
      [{ title: `Change to E.O. ${suggest}`, edits: [{ start: order.start, end: order.end, newText: suggest }] }],
    );
  },
};

const eoOrderDate: Rule = {
  id: 'eo-order-date',
  severity: 'warning',
  summary: 'The executive order does not match the cable date (12958 until 26 June 2010, 13526 after).',
  check(ctx) {
    const order = ctx.cable.eo?.order;
    const written = orderOf(order?.text);
    if (!order || !written) return;
    // Older cables re-marked by archivists cite E.O. 12958 (`DECLASSIFIED BY NARA`): only dates from 12958 on are checked.
    if (compareDates(ctx.date, E_O_12958.from) < 0) return;
    const inForce = orderInForce(ctx.dated.first);
    // With a year or a month only, the order must be wrong on every day of it (1995, 2010 saw a change).
    if (written === inForce || orderInForce(ctx.dated.last) !== inForce) return;
    const { order: expected, from } = inForce;
    ctx.report(
      order.start,
      order.end,
      `E.O. ${order.text} did not govern classification at the cable's date (${describeDate(ctx.dated)}): E.O. ${expected} did (in force from ${dateInWords(from)}).`,
      [
        {
          title: `Change to E.O. ${expected}`,
          edits: [{ start: order.start, end: order.end, newText: expected }],
          preferred: isCertain(ctx.dated),
        },
      ],
    );
  },
};

const declMissing: Rule = {
  id: 'decl-missing',
  severity: 'error',
  summary:
    'A classified cable has no declassification instruction of its era (a date, an event or an exemption; GDS, RDS, OADR under the older orders).',
  check(ctx) {
    const { cable } = ctx;
    const eo = cable.eo;
    if (!eo || !isClassified(cable.level)) return;
    const decl = eo.decl;
    const cited = orderOf(eo.order?.text);
    let problem: string;
    switch (decl.kind) {
      case 'na':
        problem = `\`${decl.value.text}\` is for unclassified cables`;
        break;
      case 'empty':
        problem = 'the line has no declassification instruction';
        break;
      case 'other':
        // Text the older orders' forms do not cover is not judged on their cables.
        if (eo.order && eo.order.text < E_O_12958.order) return;
        problem = `\`${decl.value.text.slice(0, 40)}\` is not a date, an event or an exemption code`;
        break;
      case 'gds':
      case 'xgds':
      case 'ngds':
      case 'rds':
      case 'xds':
      case 'oadr':
        // The older orders' instructions (eras.ts), accepted under the order on the line or on any day of the cable's date.
        if (acceptedInEra(decl.kind, cited, ctx.dated.first, ctx.dated.last)) return;
        problem = `\`${(decl.schedule ?? decl.value).text}\` is an instruction of ${ordersOfForm(decl.kind)}${decl.kind === 'oadr' ? ' ("originating agency\'s determination required"), ended with E.O. 12958' : ''}`;
        break;
      default:
        return; // a date (checked below), an event, an exemption code or a downgrade instruction
    }
    // The form of the cable's era: the order on the line, else the one in force on its date.
    const era = cited ?? orderInForce(ctx.dated.first);
    const at = decl.start < decl.end ? decl : eo;
    if (era.order < E_O_12958.order) {
      const under = cited
        ? `E.O. ${era.order} (the order on the line)`
        : `E.O. ${era.order} (in force on the cable's date, ${describeDate(ctx.dated)})`;
      ctx.report(
        at.start,
        at.end,
        `No declassification instruction: ${problem}; under ${under} a ${levelName(cable)} cable carries ${era.classifiedForm} (format doc §4.1).`,
        // The plain form of the era, offered, never applied by fix-all: the classifier may have meant another.
        era.plainFix ? [{ title: `Use ${era.plainFix}`, edits: [{ start: decl.start, end: decl.end, newText: era.plainFix }] }] : undefined,
      );
      return;
    }
    const text = defaultIn(decl, ctx.date);
    ctx.report(
      at.start,
      at.end,
      `No declassification date: ${problem}; a ${levelName(cable)} cable needs \`DECL: <date>\` (10 years by default: ${text}) or an exemption (ISOO: every classified document carries a "Declassify on" line).`,
      [
        {
          title: `Use DECL: ${text} (10 years)`,
          edits: [{ start: decl.start, end: decl.end, newText: `DECL: ${text}` }],
          preferred: isCertain(ctx.dated),
        },
      ],
    );
  },
};

function monthDays(d: Decl['date'] & object): string {
  if (d.month < 1 || d.month > 12) return `there is no month ${d.month}`;
  const last = daysInMonth(d.year, d.month);
  if (d.day < 1 || d.day > last) return `${MONTH_NAMES[d.month - 1]} ${d.year} has ${last} days`;
  return `the year ${d.year} is out of range`;
}

const declDateInvalid: Rule = {
  id: 'decl-date-invalid',
  severity: 'error',
  summary: 'The DECL date is not a real calendar date, or not written MM/DD/YYYY or YYYY/MM/DD.',
  check(ctx) {
    const decl = ctx.cable.eo?.decl;
    const d = decl?.date;
    if (!decl || !d || (d.valid && d.form !== 'other')) return;
    const why = d.form === 'other' ? 'is not written MM/DD/YYYY (or YYYY/MM/DD)' : `is not a real date: ${monthDays(d)}`;
    // In an E.O. 12065 instruction (`GDS 13/12/85 (NAME)`) only the date is named, and today's default is no fix for it.
    const at = decl.dateText ?? decl.value;
    ctx.report(
      at.start,
      at.end,
      `The declassification date ${at.text} ${why}.`,
      decl.dateText ? undefined : replaceDateFixes(ctx, decl, false, false),
    );
  },
};

const declDateForm: Rule = {
  id: 'decl-date-form',
  severity: 'warning',
  summary: 'The DECL date has a two-digit year (MM/DD/YY); write MM/DD/YYYY (cables of 2000 on).',
  check(ctx) {
    const decl = ctx.cable.eo?.decl;
    const d = decl?.date;
    // E.O. 12065's instructions wrote `GDS 8/12/85 (NAME)`: only today's `DECL: <date>` is held to the full year.
    if (!decl || !d || !d.valid || d.form !== 'MM/DD/YY' || decl.dateText) return;
    // Two-digit years were the form of the 1990s: the four-digit form is checked on every day of the date from 2000 on.
    if (compareDates(ctx.dated.first, DECL_FULL_YEAR_FROM) < 0) return;
    const full = formatDeclDate(d, 'MM/DD/YYYY');
    ctx.report(
      decl.value.start,
      decl.value.end,
      `Write the declassification year in full: ${full}, not ${decl.value.text} (the form is MM/DD/YYYY).`,
      [{ title: `Change to ${full}`, edits: [{ start: decl.value.start, end: decl.value.end, newText: full }], preferred: true }],
    );
  },
};

/**
 * A valid DECL date on the line, as a calendar date. Not the date of E.O. 12065's `11/12/79 (TAYLOR, C)`, whose
 * date with the classifier (a day before 1979 STATE 294974 of 13 November) is not held to today's limits.
 */
function declDate(cable: Cable): CalendarDate | undefined {
  const decl = cable.eo?.decl;
  const d = decl?.kind === 'date' && !decl.classifier ? decl.date : undefined;
  return d && d.valid && d.form !== 'other' ? d : undefined;
}

const declDatePast: Rule = {
  id: 'decl-date-past',
  severity: 'error',
  summary: "The DECL date is on or before the cable's date.",
  check(ctx) {
    const d = declDate(ctx.cable);
    const decl = ctx.cable.eo?.decl;
    if (!d || !decl || !isClassified(ctx.cable.level) || compareDates(d, ctx.date) > 0) return;
    ctx.report(
      decl.value.start,
      decl.value.end,
      `The declassification date ${decl.value.text} is not after the cable's date (${describeDate(ctx.dated)}); it must be later (10 years by default).`,
      replaceDateFixes(ctx, decl, false, true),
    );
  },
};

const declDateTooFar: Rule = {
  id: 'decl-date-too-far',
  severity: 'warning',
  summary: "The DECL date is more than 25 years after the cable's date.",
  check(ctx) {
    const d = declDate(ctx.cable);
    const decl = ctx.cable.eo?.decl;
    if (!d || !decl || !isClassified(ctx.cable.level)) return;
    // With a year only, the limit is 25 years after its last day.
    const max = addYears(ctx.dated.last, 25);
    if (compareDates(d, max) <= 0) return;
    ctx.report(
      decl.value.start,
      decl.value.end,
      `The declassification date ${decl.value.text} is more than 25 years after the cable's date (${describeDate(ctx.dated)}); the limit is ${isoDate(max)} unless an exemption is cited (E.O. 12958 as amended, E.O. 13526).`,
      replaceDateFixes(ctx, decl, true, true),
    );
  },
};

const declOnUnclassified: Rule = {
  id: 'decl-on-unclassified',
  severity: 'warning',
  summary: 'An unclassified cable carries a DECL date instead of N/A.',
  check(ctx) {
    const { cable } = ctx;
    const decl = cable.eo?.decl;
    if (!decl || decl.kind !== 'date' || !cable.level || isClassified(cable.level)) return;
    ctx.report(
      decl.start,
      decl.end,
      `An ${cable.level === 'SBU' ? 'SBU (unclassified)' : 'unclassified'} cable has nothing to declassify: write \`N/A\` instead of \`${cable.text.slice(decl.start, decl.end)}\`.`,
      // Not preferred: the banner may be what is wrong.
      [{ title: 'Replace with N/A', edits: [{ start: decl.start, end: decl.end, newText: 'N/A' }] }],
    );
  },
};

export const eoRules: Rule[] = [
  eoMissing,
  eoNumberUnknown,
  eoOrderDate,
  declMissing,
  declDateInvalid,
  declDateForm,
  declDatePast,
  declDateTooFar,
  declOnUnclassified,
];
