import { daysInMonth } from '../dates';
import { type DateTimeGroup, LEVEL_NAME } from '../model';
import type { Rule } from './types';

// The transmission header (ACP-127 format lines, format doc §1). Drafters do
// not type it (the terminal adds it), so these checks run only when a header
// is present, and those learnt from real cables are warnings at most.

/** Precedence letters, highest first: Y emergency command (military), Z flash, O immediate, P priority, R routine. */
const PRECEDENCE_ORDER = 'YZOPR';
const PRECEDENCE_NAME: Record<string, string> = { Y: 'EMERGENCY', Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const headerPrecedence: Rule = {
  id: 'header-precedence',
  severity: 'warning',
  summary: 'The precedence prosign (FL2) is not the highest precedence of the date-time group line (FL5).',
  check(ctx) {
    const h = ctx.cable.header;
    const p = h?.prosignLine?.prosign;
    const dtg = h?.dtg;
    if (!p || !dtg || dtg.precedence.length === 0) return;
    const highest = dtg.precedence
      .map((t) => t.text.toUpperCase())
      .sort((a, b) => PRECEDENCE_ORDER.indexOf(a) - PRECEDENCE_ORDER.indexOf(b))[0];
    const want = highest + highest;
    if (p.text.toUpperCase() === want) return;
    ctx.report(
      p.start,
      p.end,
      `The prosign ${p.text} does not match the precedence ${dtg.precedence.map((t) => t.text).join(' ')} of the date-time group: the highest precedence (${PRECEDENCE_NAME[highest] ?? highest}) makes the prosign ${want} (5 FAH-2 H-321.2-1).`,
      [{ title: `Change to ${want}`, edits: [{ start: p.start, end: p.end, newText: want }] }],
    );
  },
};

function dtgProblem(d: DateTimeGroup): string {
  const month = MONTHS[d.month - 1];
  const last = daysInMonth(d.year, d.month);
  if (d.day < 1 || d.day > last) return `day ${String(d.day).padStart(2, '0')} does not exist in ${month} ${d.year} (${last} days)`;
  if (d.hour > 23) return `hour ${d.hour} is past 23`;
  return `minute ${d.minute} is past 59`;
}

const headerDtgInvalid: Rule = {
  id: 'header-dtg-invalid',
  severity: 'error',
  summary: 'The date-time group is not a real date and time (DDHHMMZ MON YY).',
  check(ctx) {
    const dtg = ctx.cable.header?.dtg;
    if (!dtg || dtg.valid) return;
    ctx.report(dtg.group.start, dtg.group.end, `The date-time group ${dtg.group.text} is not a real date and time: ${dtgProblem(dtg)}.`);
  },
};

/** The security-line letter each banner calls for (§1.4): U, E (UNCLAS EFTO), C, S, T. */
function expectedLetter(level: string, efto: boolean): string {
  if (level === 'C' || level === 'S') return level;
  if (level === 'TS') return 'T';
  return efto ? 'E' : 'U';
}

const headerSecurityMismatch: Rule = {
  id: 'header-security-mismatch',
  severity: 'warning',
  summary: 'The security line (FL4, `ZNY CCCCC`) does not match the banner.',
  check(ctx) {
    const { cable } = ctx;
    const sec = cable.header?.security;
    const b = cable.banner;
    if (!sec || !b) return;
    const want = expectedLetter(b.level, b.efto);
    const keyword = want === 'U' ? 'ZNR' : 'ZNY';
    const letter = sec.letter.toUpperCase();
    const kw = sec.keyword.text.toUpperCase();
    if (letter === want && kw === keyword) return;
    // `SSSAA`: the last two letters are a release code (TRC) and stay.
    const g = sec.group.text;
    const group = want.repeat(3) + (g[3] === g[0] && g[4] === g[0] ? want.repeat(2) : g.slice(3));
    const banner = b.efto ? 'UNCLAS E F T O' : b.level === 'U' ? b.className : LEVEL_NAME[b.level];
    ctx.report(
      sec.start,
      sec.group.end,
      `The security line ${kw} ${sec.group.text} does not match the banner ${banner}: expected ${keyword} ${group} (ZNR with U; ZNY with E, C, S; the letter agrees with the banner in 99.9% of cables).`,
      [{ title: `Change to ${keyword} ${group}`, edits: [{ start: sec.start, end: sec.group.end, newText: `${keyword} ${group}` }] }],
    );
  },
};

const headerDeSerial: Rule = {
  id: 'header-de-serial',
  severity: 'warning',
  summary: 'The station serial on the DE line (FL3) is not the banner serial modulo 10,000.',
  check(ctx) {
    const de = ctx.cable.header?.de;
    const serial = ctx.cable.banner?.serial;
    if (!de || !serial || de.serial.start === de.serial.end) return;
    const want = String(Number(serial.text) % 10000).padStart(4, '0');
    if (Number(de.serial.text) === Number(want)) return;
    ctx.report(
      de.serial.start,
      de.serial.end,
      `The DE serial #${de.serial.text} does not match the banner serial ${serial.text}: expected #${want}, its last four digits (as in 99.9% of cables).`,
      [{ title: `Change to #${want}`, edits: [{ start: de.serial.start, end: de.serial.end, newText: want }] }],
    );
  },
};

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
}

const headerJulian: Rule = {
  id: 'header-julian',
  severity: 'information',
  summary: 'The filing day on the DE line (Julian DDD) is not the day of the date-time group.',
  check(ctx) {
    const h = ctx.cable.header;
    const de = h?.de;
    const dtg = h?.dtg;
    if (!de || !dtg || !dtg.valid || de.julian.text.length !== 7) return;
    const day = Number(de.julian.text.slice(0, 3));
    const want = dayOfYear(dtg.year, dtg.month, dtg.day);
    // The filing time can be a few minutes after the DTG, past midnight (also past New Year).
    const daysInYear = dayOfYear(dtg.year, 12, 31);
    const next = want === daysInYear ? 1 : want + 1;
    if (day === want || day === next) return;
    ctx.report(
      de.julian.start,
      de.julian.start + 3,
      `The DE filing day ${de.julian.text.slice(0, 3)} is not the day of the date-time group ${dtg.group.text} (day ${String(want).padStart(3, '0')} of ${dtg.year}); they agree in 99.8% of cables.`,
    );
  },
};

export const headerRules: Rule[] = [headerPrecedence, headerDtgInvalid, headerSecurityMismatch, headerDeSerial, headerJulian];
