// The cable's date from its own evidence (issue 10 item 1): one test per source, the honest use
// of a year-only date, messages naming the date and its source, and fixes that depend on a
// guessed date never preferred (issue 15 item 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cableDate, dateFromFileName, describeDate } from '../../server/src/cable-date';
import { lintText } from '../../server/src/cli/lint-file';
import { parse } from '../../server/src/parse/index';
import { fixAllText } from '../../server/src/features/fixall';
import { lint } from '../../server/src/rules/engine';
import { readCorpus } from '../parse/fixtures';
import { hits, TODAY } from './lint-helpers';

const ROME = readCorpus('03ROME5149.txt'); // no DTG, no date line: `E.O. 12958: DECL: 11/13/2013`, reasons 1.5 (B)(D)

test('a draft with no DTG, date line or reference id is checked against today, and says so', () => {
  const d = cableDate(parse(ROME), { today: TODAY });
  assert.deepEqual([d.source, d.precision, d.first], ['today', 'day', TODAY]);
  const past = hits(ROME.replace('DECL: 11/13/2013', 'DECL: 11/13/2008'), 'decl-date-past');
  assert.equal(past.length, 1);
  assert.match(past[0].finding.message, /1 June 2009, today: no date-time group, date line or reference id, so read as a draft/);
});

test('the reference id in the file name dates an archived copy to its year', () => {
  assert.deepEqual(dateFromFileName('/archive/04LIMA1046.txt'), {
    first: { year: 2004, month: 1, day: 1 },
    last: { year: 2004, month: 12, day: 31 },
    precision: 'year',
    source: 'file-name',
    evidence: '04LIMA1046',
  });
  assert.equal(dateFromFileName('1975STATE012345.txt')?.first.year, 1975);
  assert.equal(dateFromFileName('98ROME12.txt')?.first.year, 1998);
  assert.equal(dateFromFileName('72TEHRAN1164.txt')?.first.year, 1972);
  assert.equal(dateFromFileName('7575LIBREVILLE1895.txt'), undefined, 'a mistyped id gives no year');
  for (const name of ['draft.cable', 'notes.txt', 'ROME5149.txt', '2004.txt']) assert.equal(dateFromFileName(name), undefined, name);
  // cable-lint passes the file name: the 2003 cable is no longer read as today's.
  const today = lintText('cable.txt', ROME.replace('DECL: 11/13/2013', 'DECL: 11/13/2008'), { today: TODAY }).map((f) => f.rule);
  const named = lintText('/x/03ROME5149.txt', ROME.replace('DECL: 11/13/2013', 'DECL: 11/13/2008'), { today: TODAY }).map((f) => f.rule);
  assert.ok(today.includes('decl-date-past'));
  assert.ok(!named.includes('decl-date-past'));
});

test('a year-only date fires only where the rule holds on every day of the year', () => {
  const file = { fileName: '03ROME5149.txt' };
  // 1.5 was right until 25 March 2003: on a cable of 2003 known by its year, either may be right.
  assert.equal(hits(ROME, 'classified-by-section', file).length, 0);
  assert.equal(hits(ROME, 'classified-by-section', { fileName: '04ROME5149.txt' }).length, 1);
  // E.O. 12958 governed all of 2003, and none of 2011; 2010 saw the change to 13526.
  assert.equal(hits(ROME, 'eo-order-date', file).length, 0);
  assert.equal(hits(ROME, 'eo-order-date', { fileName: '10ROME5149.txt' }).length, 0);
  const late = hits(ROME, 'eo-order-date', { fileName: '11ROME5149.txt' });
  assert.equal(late.length, 1);
  assert.match(late[0].finding.message, /\(2011, from the file name 11ROME5149\)/);
  // A DECL date inside the year is not surely before the cable.
  assert.equal(hits(ROME.replace('DECL: 11/13/2013', 'DECL: 06/01/2003'), 'decl-date-past', file).length, 0);
  assert.equal(hits(ROME.replace('DECL: 11/13/2013', 'DECL: 12/31/2002'), 'decl-date-past', file).length, 1);
  // 25 years after the last day of 2003 is the limit.
  assert.equal(hits(ROME.replace('DECL: 11/13/2013', 'DECL: 12/31/2028'), 'decl-date-too-far', file).length, 0);
  assert.equal(hits(ROME.replace('DECL: 11/13/2013', 'DECL: 01/01/2029'), 'decl-date-too-far', file).length, 1);
});

test("a DTG of the 1970s form (`P R 221828 Z MAY 73`) is the cable's date", () => {
  const text = `P R 221828 Z MAY 73\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC PRIORITY 2959\nBT\n${ROME}`;
  const d = cableDate(parse(text), { today: TODAY });
  assert.deepEqual([d.source, d.precision, d.first], ['dtg', 'day', { year: 1973, month: 5, day: 22 }]);
  assert.equal(describeDate(d), '22 May 1973, from the date-time group P R 221828 Z MAY 73');
});

test("a printout's page header DTG dates the cable (00HARARE6677 without its web date line: 291359Z NOV 00)", () => {
  const text = readCorpus('00HARARE6677.txt');
  assert.equal(cableDate(parse(text), { today: TODAY }).source, 'date-line');
  const d = cableDate(parse(text.slice(text.indexOf('\n') + 1)), { today: TODAY });
  assert.deepEqual([d.source, d.precision, d.first], ['page-header', 'day', { year: 2000, month: 11, day: 29 }]);
  assert.match(describeDate(d), /^29 November 2000, from the printout page header's date-time group .*291359Z NOV 00/);
});

test("a web copy's date line dates the cable", () => {
  const d = cableDate(parse(`Wednesday, 29 November 2000, 13:59\n\n${ROME}`), { today: TODAY });
  assert.deepEqual([d.source, d.first], ['date-line', { year: 2000, month: 11, day: 29 }]);
});

test('the --date option or cable.date setting comes first, then the text, then the file name', () => {
  const text = `R 151318Z FEB 08\n${ROME}`;
  assert.equal(cableDate(parse(text), { date: { year: 2005, month: 1, day: 2 }, fileName: '03ROME5149.txt' }).source, 'override');
  assert.equal(cableDate(parse(text), { fileName: '03ROME5149.txt' }).source, 'dtg');
  assert.equal(cableDate(parse(ROME), { fileName: '03ROME5149.txt' }).source, 'file-name');
});

test('fix-all never rewrites a DECL date or an E.O. number from a guessed date (today, or a year from the file name)', () => {
  const old = ROME.replace('E.O. 12958: DECL: 11/13/2013', 'E.O. 12958: DECL: 06/22/2002');
  for (const opts of [{ today: { year: 2026, month: 12, day: 5 } }, { fileName: '03ROME5149.txt' }]) {
    const findings = lint(parse(old), opts);
    assert.ok(
      findings.some((f) => f.rule.startsWith('decl-') || f.rule.startsWith('eo-')),
      JSON.stringify(opts),
    );
    const fixed = fixAllText(old, (t) => lint(parse(t), opts)).text;
    assert.ok(fixed.includes('E.O. 12958: DECL: 06/22/2002'), `fix-all rewrote the E.O. line with ${JSON.stringify(opts)}`);
  }
  // With the cable's own DTG the date is certain: the 10-year default is applied.
  const dated = `R 151318Z FEB 08\n${old}`;
  assert.ok(!fixAllText(dated, (t) => lint(parse(t))).text.includes('DECL: 06/22/2002'));
});

test('era forms: two-digit DECL years on 1990s cables, and E.O. 12065 instructions, are not findings', () => {
  const ninety = ROME.replace('DECL: 11/13/2013', 'DECL: 11/15/17');
  assert.equal(hits(ninety, 'decl-date-form', { fileName: '96ANKARA12278.txt' }).length, 0);
  assert.equal(hits(ninety, 'decl-date-form', { fileName: '03ROME5149.txt' }).length, 1);
  assert.equal(hits(ninety, 'decl-date-form').length, 1, 'a draft is checked under today’s form');
  for (const line of ['E.O. 12065: RDS-4 6/5/99 (GERLACH, FREDERICK H.) OR-M', 'E.O. 12065:11/12/79 (TAYLOR, C)']) {
    assert.equal(
      hits(ROME.replace('E.O. 12958: DECL: 11/13/2013', line), 'decl-missing', { fileName: '1979STATE294974.txt' }).length,
      0,
      line,
    );
  }
  assert.equal(hits(ROME.replace('E.O. 12958: DECL: 11/13/2013', 'E.O. 12958: N/A'), 'decl-missing').length, 1);
});
