// E.O. and DECL rules on real cables, unbroken and broken the way drafters break them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parse';
import { orderInForce } from '../../server/src/eras';
import { nearestOrder } from '../../server/src/rules/eo';
import { readCorpus, readSeed } from '../parse/fixtures';
import { allFindings, applyFix, breakText, deleteLine, hits, lineOf, only } from './lint-helpers';

// S E C R E T MADRID 001805, R 180756Z SEP 07, E.O. 12958: DECL: 09/16/2017
const MADRID = readCorpus('07MADRID1805');
// C O N F I D E N T I A L BUCHAREST 000576, P 051604Z APR 06, DECL: 04/05/2026
const BUCHAREST = readCorpus('06BUCHAREST576');
// UNCLAS KAMPALA 001752 + SENSITIVE, E.O. 12958: N/A
const KAMPALA = readCorpus('07KAMPALA1752');
// C O N F I D E N T I A L, R 172146Z FEB 10, DECL: 2020/02/17 (the later YYYY/MM/DD form)
const BOGOTA = readCorpus('10BOGOTA291');

const EO_RULES = [
  'eo-missing',
  'eo-number-unknown',
  'eo-order-date',
  'decl-missing',
  'decl-date-invalid',
  'decl-date-form',
  'decl-date-past',
  'decl-date-too-far',
  'decl-on-unclassified',
];

test('the unbroken cables draw no E.O. or DECL finding', () => {
  for (const [name, text] of [
    ['MADRID', MADRID],
    ['BUCHAREST', BUCHAREST],
    ['KAMPALA', KAMPALA],
    ['BOGOTA', BOGOTA],
  ]) {
    for (const rule of EO_RULES) assert.deepEqual(hits(text, rule), [], `${name} ${rule}`);
  }
});

test('the seed has no error at all (DECL 02/15/2018 is exactly 10 years after 151318Z FEB 08)', () => {
  const errors = allFindings(readSeed()).filter((f) => f.severity === 'error');
  assert.deepEqual(errors, []);
  for (const rule of EO_RULES) assert.deepEqual(hits(readSeed(), rule), [], rule);
});

test('eo-missing: deleting the E.O. line of a SECRET cable fires at TAGS; the fix puts back a 10-year DECL', () => {
  const broken = deleteLine(MADRID, 'E.O. 12958: DECL: 09/16/2017');
  const h = only(broken, 'eo-missing');
  assert.equal(h.line, lineOf(broken, 'TAGS: PHUM'));
  assert.equal(h.finding.severity, 'error');
  assert.match(h.finding.message, /SECRET cable needs `E\.O\. 12958: DECL: 09\/18\/2017`/);
  const fixed = applyFix(broken, h.finding.fixes![0]);
  assert.equal(lineOf(fixed, 'E.O. 12958: DECL: 09/18/2017'), lineOf(MADRID, 'E.O. 12958'));
  assert.equal(parse(fixed).eo?.decl.kind, 'date');
  assert.deepEqual(hits(fixed, 'eo-missing'), []);
  assert.deepEqual(hits(fixed, 'decl-date-past'), []);
});

test('eo-missing: an unclassified cable gets `E.O. 12958: N/A`', () => {
  const broken = deleteLine(KAMPALA, 'E.O. 12958: N/A');
  const h = only(broken, 'eo-missing');
  assert.equal(h.line, lineOf(broken, 'TAGS: ASEC'));
  const fixed = applyFix(broken, h.finding.fixes![0]);
  assert.equal(lineOf(fixed, 'E.O. 12958: N/A'), lineOf(broken, 'TAGS: ASEC'));
  assert.deepEqual(hits(fixed, 'eo-missing'), []);
});

test('eo-missing: after 26 June 2010 the inserted line cites E.O. 13526 with a YYYY/MM/DD date', () => {
  const broken = deleteLine(MADRID, 'E.O. 12958: DECL: 09/16/2017');
  const h = only(broken, 'eo-missing', { date: { year: 2011, month: 3, day: 4 } });
  assert.equal(h.finding.fixes![0].edits[0].newText.trim(), 'E.O. 13526: DECL: 2021/03/04');
});

test('eo-missing: a CRLF cable gets a CRLF line', () => {
  const crlf = MADRID.replace(/\r?\n/g, '\r\n');
  const h = only(deleteLine(crlf, 'E.O. 12958'), 'eo-missing');
  assert.match(h.finding.fixes![0].edits[0].newText, /\r\n$/);
  assert.doesNotMatch(h.finding.fixes![0].edits[0].newText, /[^\r]\n/);
});

test('eo-number-unknown: 12598 (a real typo) fires at the number, suggests 12958', () => {
  const real = readCorpus('08BEIJING661');
  const h = only(real, 'eo-number-unknown');
  assert.equal(h.line, lineOf(real, 'E.O. 12598'));
  assert.equal(h.covers, '12598');
  assert.equal(h.finding.fixes![0].edits[0].newText, '12958');
  const broken = breakText(BUCHAREST, 'E.O. 12958', 'E.O. 12985');
  assert.equal(only(broken, 'eo-number-unknown').line, lineOf(broken, 'E.O. 12985'));
  assert.deepEqual(hits(BUCHAREST, 'eo-number-unknown'), []);
});

test('eo-number-unknown: the suggestion prefers the order in force on the cable date', () => {
  assert.equal(nearestOrder('12598', { year: 2008, month: 1, day: 1 }), '12958');
  assert.equal(nearestOrder('19523', { year: 2009, month: 5, day: 1 }), '12958');
  assert.equal(nearestOrder('13562', { year: 2012, month: 5, day: 1 }), '13526');
  assert.equal(nearestOrder('12365', { year: 1988, month: 5, day: 1 }), '12356');
  assert.equal(orderInForce({ year: 2010, month: 6, day: 26 }).order, '12958');
  assert.equal(orderInForce({ year: 2010, month: 6, day: 27 }).order, '13526');
  assert.equal(orderInForce({ year: 1979, month: 1, day: 1 }).order, '12065');
});

test('eo-order-date: E.O. 12958 on a cable dated after 26 June 2010, and 13526 before it', () => {
  const late = only(BUCHAREST, 'eo-order-date', { date: { year: 2010, month: 7, day: 1 } });
  assert.equal(late.finding.severity, 'warning');
  assert.equal(late.covers, '12958');
  assert.deepEqual(hits(BUCHAREST, 'eo-order-date', { date: { year: 2010, month: 6, day: 26 } }), []);
  const early = breakText(BUCHAREST, 'E.O. 12958', 'E.O. 13526');
  assert.equal(only(early, 'eo-order-date').line, lineOf(early, 'E.O. 13526'));
  // E.O. 13292 amended 12958: citing it on a 2006 cable is neither unknown nor out of date.
  const amended = breakText(BUCHAREST, 'E.O. 12958', 'E.O. 13292');
  assert.deepEqual(hits(amended, 'eo-order-date'), []);
  assert.deepEqual(hits(amended, 'eo-number-unknown'), []);
  // Cables older than E.O. 12958 are re-marked by archivists (DECLASSIFIED BY NARA): not checked.
  assert.deepEqual(hits(readCorpus('66BUENOSAIRES2481'), 'eo-order-date'), []);
});

test('decl-missing: N/A on a CONFIDENTIAL cable fires; the fix writes a 10-year DECL', () => {
  const broken = breakText(BUCHAREST, 'DECL: 04/05/2026', 'N/A');
  const h = only(broken, 'decl-missing');
  assert.equal(h.line, lineOf(broken, 'E.O. 12958: N/A'));
  assert.equal(h.finding.severity, 'error');
  assert.match(h.finding.message, /N\/A` is for unclassified cables/);
  const fixed = applyFix(broken, h.finding.fixes![0]);
  assert.ok(fixed.includes('E.O. 12958: DECL: 04/05/2016'));
  assert.deepEqual(hits(fixed, 'decl-missing'), []);
});

test('decl-missing: an empty instruction, a placeholder and OADR after 1995 fire', () => {
  const empty = breakText(MADRID, 'E.O. 12958: DECL: 09/16/2017', 'E.O. 12958:');
  assert.equal(only(empty, 'decl-missing').line, lineOf(empty, 'E.O. 12958:'));
  const placeholder = readCorpus('10WELLINGTON69'); // real: `E.O. 12958: DECL: (##)`
  assert.equal(only(placeholder, 'decl-missing').line, lineOf(placeholder, 'DECL: (##)'));
  const oadr = breakText(MADRID, 'DECL: 09/16/2017', 'DECL: OADR');
  assert.match(only(oadr, 'decl-missing').finding.message, /OADR/);
});

test('decl-missing: a date on the next line, events, exemptions and OADR under E.O. 12356 count as present', () => {
  const wrapped = breakText(MADRID, 'E.O. 12958: DECL: 09/16/2017', 'E.O. 12958:\nDECL: 09/16/2017');
  assert.deepEqual(hits(wrapped, 'decl-missing'), []);
  assert.deepEqual(hits(readCorpus('09QUITO244'), 'decl-missing'), []); // DECL: TWENTY YEARS
  for (const instr of ['DECL: TEN YEARS AFTER KOREAN UNIFICATION', 'DECL: 25X1-HUMAN', 'DECL: (X1)', 'DECL: MR', 'DNG: CO 09/16/2017']) {
    assert.deepEqual(hits(breakText(MADRID, 'DECL: 09/16/2017', instr), 'decl-missing'), [], instr);
  }
  assert.deepEqual(hits(readCorpus('90KHARTOUM10657'), 'decl-missing'), []); // E.O. 12356: DECL:OADR (1990)
});

test('decl-date-invalid: 02/30/2018 and 2019-02-12 fire at the date', () => {
  const broken = breakText(MADRID, 'DECL: 09/16/2017', 'DECL: 02/30/2018');
  const h = only(broken, 'decl-date-invalid');
  assert.equal(h.line, lineOf(broken, 'DECL: 02/30/2018'));
  assert.equal(h.covers, '02/30/2018');
  assert.match(h.finding.message, /February 2018 has 28 days/);
  assert.equal(applyFix(broken, h.finding.fixes![0]).includes('DECL: 09/18/2017'), true);
  const month13 = breakText(MADRID, 'DECL: 09/16/2017', 'DECL: 13/16/2017');
  assert.match(only(month13, 'decl-date-invalid').finding.message, /no month 13/);
  const iso = readCorpus('09DJIBOUTI113'); // real: `DECL: 2019-02-12`
  assert.match(only(iso, 'decl-date-invalid').finding.message, /not written MM\/DD\/YYYY/);
  assert.deepEqual(hits(MADRID, 'decl-date-invalid'), []);
  assert.deepEqual(hits(BOGOTA, 'decl-date-invalid'), []); // YYYY/MM/DD is a valid form
});

test('decl-date-form: a two-digit year is a warning with a fix to the full year', () => {
  const broken = breakText(MADRID, 'DECL: 09/16/2017', 'DECL: 09/16/17');
  const h = only(broken, 'decl-date-form');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.line, lineOf(broken, 'DECL: 09/16/17'));
  const fixed = applyFix(broken, h.finding.fixes![0]);
  assert.ok(fixed.includes('DECL: 09/16/2017'));
  assert.deepEqual(hits(fixed, 'decl-date-form'), []);
  assert.deepEqual(hits(broken, 'decl-date-invalid'), []);
});

test('decl-date-past: a date on or before the cable date fires; the next day does not', () => {
  const same = breakText(MADRID, 'DECL: 09/16/2017', 'DECL: 09/18/2007');
  const h = only(same, 'decl-date-past');
  assert.equal(h.line, lineOf(same, 'DECL: 09/18/2007'));
  assert.equal(h.finding.severity, 'error');
  assert.equal(h.finding.fixes![0].edits[0].newText, '09/18/2017');
  assert.deepEqual(hits(breakText(MADRID, 'DECL: 09/16/2017', 'DECL: 09/19/2007'), 'decl-date-past'), []);
  const real = readCorpus('06PARTO9'); // real: DECL 02/23/2006 on a cable of 2 March 2006
  assert.equal(only(real, 'decl-date-past').line, lineOf(real, 'DECL: 02/23/2006'));
});

test('decl-date-past: the fix keeps the YYYY/MM/DD form', () => {
  const broken = breakText(BOGOTA, 'DECL: 2020/02/17', 'DECL: 2010/02/01');
  const h = only(broken, 'decl-date-past');
  assert.equal(h.finding.fixes![0].edits[0].newText, '2020/02/17');
});

test('decl-date-too-far: 40 years out is a warning; exactly 25 years is not', () => {
  const broken = breakText(MADRID, 'DECL: 09/16/2017', 'DECL: 09/16/2047');
  const h = only(broken, 'decl-date-too-far');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.line, lineOf(broken, 'DECL: 09/16/2047'));
  assert.deepEqual(
    h.finding.fixes!.map((f) => f.edits[0].newText),
    ['09/18/2017', '09/18/2032'],
  );
  assert.deepEqual(hits(breakText(MADRID, 'DECL: 09/16/2017', 'DECL: 09/18/2032'), 'decl-date-too-far'), []);
  // An exemption instead of a date is not checked against the horizon.
  assert.deepEqual(hits(breakText(MADRID, 'DECL: 09/16/2017', 'DECL: 25X1, 09/16/2047'), 'decl-date-too-far'), []);
  const real = readCorpus('06SANJOSE156'); // real: DECL: 01/18/2116 (no DTG: checked against its date)
  assert.equal(only(real, 'decl-date-too-far', { date: { year: 2006, month: 1, day: 24 } }).line, lineOf(real, 'DECL: 01/18/2116'));
});

test('decl-on-unclassified: a DECL date on an unclassified cable; the fix writes N/A', () => {
  const broken = breakText(KAMPALA, 'E.O. 12958: N/A', 'E.O. 12958: DECL: 11/13/2017');
  const h = only(broken, 'decl-on-unclassified');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.line, lineOf(broken, 'DECL: 11/13/2017'));
  const fixed = applyFix(broken, h.finding.fixes![0]);
  assert.ok(fixed.includes('E.O. 12958: N/A') && !fixed.includes('DECL: 11/13/2017'));
  assert.deepEqual(hits(fixed, 'decl-on-unclassified'), []);
  // Past or far dates on an unclassified cable are this rule's business, not the classified ones'.
  assert.deepEqual(hits(breakText(KAMPALA, 'E.O. 12958: N/A', 'E.O. 12958: DECL: 11/13/2000'), 'decl-date-past'), []);
  const real = readCorpus('09LONDON2622'); // real: UNCLAS with DECL: 11/18/2019
  assert.equal(only(real, 'decl-on-unclassified').line, lineOf(real, 'DECL: 11/18/2019'));
});

test('E.O. rules never throw on half-typed lines', () => {
  for (const line of [
    'E.O.',
    'E.O. 1',
    'E.O. 12958',
    'E.O. 12958: DECL',
    'E.O. 12958: DECL: 0',
    'E.O. 12958: DECL: 99/99/9999',
    'EO 12958 DECL: 2019/',
    'E.O. 00000: N/A',
  ]) {
    const text = breakText(MADRID, 'E.O. 12958: DECL: 09/16/2017', line);
    assert.ok(!allFindings(text).some((f) => f.rule === 'internal-error'), line);
  }
});
