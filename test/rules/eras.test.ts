// The eras table (server/src/eras.ts) as the parser, the rules, hovers and completion read it: the
// declassification instructions of E.O. 11652, 12065 and 12356 on real cables of their years, accepted in
// their era and not outside it, and date-relative rules honest about a year-only date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt } from '../../server/src/features/completion';
import { hoverAt } from '../../server/src/features/hover';
import { acceptedInEra, orderInForce, orderOf, ORDERS, PORTION_MARKS_FROM } from '../../server/src/eras';
import { parse } from '../../server/src/parse';
import { load, off } from '../features/util';
import { readCorpus } from '../parse/fixtures';
import { breakText, deleteLine, hits, only } from './lint-helpers';

// C O N F I D E N T I A L TEHRAN 2069, R 041125Z MAR 75, `E.O. 11652: GDS`.
const TEHRAN75 = readCorpus('75TEHRAN2069');
// C O N F I D E N T I A L TEHRAN 08980, R 130458Z AUG 79, `E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P`.
const TEHRAN79 = readCorpus('79TEHRAN8980');
// S E C R E T BAGHDAD 04397, O 020411Z AUG 90, `E.O. 12356: DECL:OADR`.
const BAGHDAD90 = readCorpus('90BAGHDAD4397');

const decl = (line: string) => parse(`C O N F I D E N T I A L TEHRAN 2069\n\n${line}\nTAGS: PINT IR\n`).eo!.decl;

test('eras: each order from the day it took effect, 13292 read as the 12958 it amended', () => {
  assert.deepEqual(
    ORDERS.map((o) => o.order),
    ['11652', '12065', '12356', '12958', '13526'],
  );
  assert.equal(orderInForce({ year: 1978, month: 11, day: 30 }).order, '11652');
  assert.equal(orderInForce({ year: 1978, month: 12, day: 1 }).order, '12065');
  assert.equal(orderInForce({ year: 1982, month: 8, day: 1 }).order, '12356');
  assert.equal(orderInForce({ year: 1995, month: 10, day: 13 }).order, '12356');
  assert.equal(orderInForce({ year: 1995, month: 10, day: 14 }).order, '12958');
  assert.equal(orderOf('13292'), orderOf('12958'));
  assert.deepEqual(PORTION_MARKS_FROM, orderOf('12065')!.from);
  // A year that spans two orders accepts the forms of both; the order on the line accepts its own.
  const y1995 = [
    { year: 1995, month: 1, day: 1 },
    { year: 1995, month: 12, day: 31 },
  ] as const;
  assert.ok(acceptedInEra('oadr', undefined, ...y1995));
  assert.ok(!acceptedInEra('oadr', undefined, { year: 1996, month: 1, day: 1 }, { year: 1996, month: 12, day: 31 }));
  assert.ok(acceptedInEra('gds', orderOf('11652'), { year: 1980, month: 1, day: 1 }, { year: 1980, month: 1, day: 1 }));
});

test('parse: the instructions of E.O. 11652 and 12065 as Decl kinds, with the date, the classifier and the office as spans', () => {
  assert.deepEqual([decl('E.O. 11652: GDS').kind, decl('E.O. 11652: NGDS').kind], ['gds', 'ngds']);
  for (const line of ['E.O. 11652: XGDS-2', 'E.O. 11652: XGDS 2', 'E.O. 11652: XGDS2']) {
    const d = decl(line);
    assert.deepEqual([d.kind, d.category?.text], ['xgds', '2'], line);
  }
  const gds = parse(TEHRAN79).eo!.decl;
  assert.deepEqual(
    [gds.kind, gds.schedule?.text, gds.dateText?.text, gds.classifier?.text, gds.office?.text],
    ['gds', 'GDS', '8/12/85', 'TOMSETH, VICTOR L.', 'OR-P'],
  );
  assert.deepEqual(gds.date, { year: 1985, month: 8, day: 12, form: 'MM/DD/YY', valid: true });
  const rds = decl('E.O. 12065: RDS-4 6/5/99 (GERLACH, FREDERICK H.) OR-M');
  assert.deepEqual([rds.kind, rds.category?.text, rds.date?.year, rds.classifier?.text], ['rds', '4', 1999, 'GERLACH, FREDERICK H.']);
  assert.equal(decl('E.O. 12065: XDS-2 11/12/99 (NAME, A)').kind, 'xds');
  // A bare date with the classifier (1979 STATE 294974) is the date; a bare date alone stays today's form.
  const bare = decl('E.O. 12065:11/12/79 (TAYLOR, C)');
  assert.deepEqual([bare.kind, bare.dateText?.text, bare.classifier?.text], ['date', '11/12/79', 'TAYLOR, C']);
  assert.equal(decl('E.O. 12958: DECL: 02/15/2018').classifier, undefined);
  // A word that only starts like a schedule is not one; X1-X8, 25X and MR stay exemptions.
  assert.equal(decl('E.O. 12958: DECL: GDSX').kind, 'event');
  assert.equal(decl('E.O. 12958: DECL: 25X1').kind, 'exemption');
});

test('decl-missing: each older form is accepted in its era (the order on the line or the order of the date)', () => {
  assert.deepEqual(hits(TEHRAN75, 'decl-missing'), []);
  assert.deepEqual(hits(TEHRAN79, 'decl-missing'), []);
  assert.deepEqual(hits(BAGHDAD90, 'decl-missing'), []);
  for (const form of ['XGDS-2', 'XGDS 1', 'NGDS'])
    assert.deepEqual(hits(breakText(TEHRAN75, ': GDS', `: ${form}`), 'decl-missing'), [], form);
  assert.deepEqual(hits(breakText(TEHRAN79, 'GDS 8/12/85', 'RDS-4 8/12/99'), 'decl-missing'), []);
  assert.deepEqual(hits(breakText(TEHRAN79, 'GDS 8/12/85', 'XDS-2 8/12/99'), 'decl-missing'), []);
  // A copy that cites E.O. 12958 on a 1990 cable: OADR was the instruction of its date.
  assert.deepEqual(hits(breakText(BAGHDAD90, 'E.O. 12356', 'E.O. 12958'), 'decl-missing'), []);
  // The order on the line accepts its own forms on a cable of another date (posts changed over late).
  assert.deepEqual(hits(TEHRAN75, 'decl-missing', { date: { year: 1979, month: 2, day: 1 } }), []);
});

test('decl-missing: an older form outside its era fires, naming the order it belongs to', () => {
  const gds = only(breakText(TEHRAN75, 'E.O. 11652: GDS', 'E.O. 12958: DECL: GDS'), 'decl-missing', {
    date: { year: 2005, month: 3, day: 1 },
  });
  assert.match(gds.finding.message, /`GDS` is an instruction of E\.O\. 11652 or E\.O\. 12065/);
  assert.match(gds.finding.message, /needs `DECL: <date>`/);
  const rds = only(breakText(TEHRAN79, 'E.O. 12065: GDS 8/12/85', 'E.O. 12958: RDS-4 8/12/99'), 'decl-missing', {
    date: { year: 2001, month: 3, day: 1 },
  });
  assert.match(rds.finding.message, /`RDS-4` is an instruction of E\.O\. 12065/);
  // Under E.O. 12356 (the order on the line, on a 1990 cable) GDS was no longer the form.
  const old = only(breakText(BAGHDAD90, 'DECL:OADR', 'GDS'), 'decl-missing');
  assert.match(old.finding.message, /under E\.O\. 12356 \(the order on the line\) a SECRET cable carries `DECL: <date>` or `DECL: OADR`/);
  assert.deepEqual(
    old.finding.fixes!.map((f) => [f.edits[0].newText, f.preferred]),
    [['DECL: OADR', undefined]],
  );
  // OADR with no order on a cable of 1996 (every day after E.O. 12958 took effect), not of 1995.
  const noOrder = breakText(BAGHDAD90, 'E.O. 12356: DECL:OADR', 'E.O.: DECL: OADR');
  assert.equal(hits(noOrder, 'decl-missing', { date: { year: 1996, month: 2, day: 1 } }).length, 1);
});

test("decl-missing: the message and the fix name the form of the cable's era", () => {
  // 1975 OECD PARIS 25174: `E.O.11652: N/A` on a CONFIDENTIAL cable.
  const oecd = breakText(TEHRAN75, 'E.O. 11652: GDS', 'E.O.11652: N/A');
  const h = only(oecd, 'decl-missing');
  assert.match(
    h.finding.message,
    /`N\/A` is for unclassified cables; under E\.O\. 11652 \(the order on the line\) a CONFIDENTIAL cable carries `GDS`, `XGDS n`/,
  );
  assert.deepEqual(
    h.finding.fixes!.map((f) => [f.title, f.edits[0].newText, f.preferred]),
    [['Use GDS', 'GDS', undefined]],
  );
  // No order on the line: the order in force on the cable's date (its DTG of August 1979) and its form; no fix
  // (the classifier's name is the drafter's to write).
  const h79 = only(breakText(TEHRAN79, 'E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P', 'E.O.: N/A'), 'decl-missing');
  assert.match(h79.finding.message, /under E\.O\. 12065 \(in force on the cable's date, 13 August 1979, from the date-time group/);
  assert.match(h79.finding.message, /`GDS`, `RDS-n` or `XDS-n` with a date and the classifier/);
  assert.equal(h79.finding.fixes, undefined);
  // E.O. 12958 on: `DECL: <date>`, as before.
  const late = only(breakText(TEHRAN75, 'E.O. 11652: GDS', 'E.O. 12958: N/A'), 'decl-missing', { date: { year: 2005, month: 3, day: 1 } });
  assert.match(late.finding.message, /needs `DECL: <date>` \(10 years by default: 03\/01\/2015\)/);
});

test('date rules: the E.O. 12065 date with the classifier is not held to E.O. 12958 limits', () => {
  // 1979 STATE 294974 (13 November 1979) writes `E.O. 12065:11/12/79 (TAYLOR, C)`.
  const t = breakText(TEHRAN79, 'E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P', 'E.O. 12065:11/12/79 (TAYLOR, C)');
  for (const rule of ['decl-date-past', 'decl-date-too-far', 'decl-date-form', 'decl-date-invalid', 'decl-missing'])
    assert.deepEqual(hits(t, rule), [], rule);
  // The same date written as today's DECL is judged.
  assert.equal(hits(breakText(TEHRAN79, 'GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P', 'DECL: 8/12/79'), 'decl-date-past').length, 1);
  // An impossible date inside a schedule is named, with no fix from today's forms.
  const bad = only(breakText(TEHRAN79, 'GDS 8/12/85', 'GDS 8/32/85'), 'decl-date-invalid');
  assert.equal(bad.covers, '8/32/85');
  assert.equal(bad.finding.fixes, undefined);
});

test('portion-mark-missing: a year-only date fires only when every day of it is after 1 December 1978', () => {
  const text = breakText(TEHRAN79, 'R 130458Z AUG 79\n', '');
  const unmarked = breakText(text, '1. (C - ENTIRE TEXT). ', '1. ');
  assert.ok(!parse(unmarked).dated, 'no date in the text');
  assert.deepEqual(hits(unmarked, 'portion-mark-missing', { fileName: '1978TEHRAN08980.txt' }), []);
  assert.ok(hits(unmarked, 'portion-mark-missing', { fileName: '1979TEHRAN08980.txt' }).length > 0);
  assert.deepEqual(hits(unmarked, 'portion-mark-missing', { date: { year: 1978, month: 11, day: 30 } }), []);
});

test('date-threshold rules name the era they apply from and the date and source they used; a draft is not told', () => {
  const text = breakText(TEHRAN79, 'R 130458Z AUG 79\n', '');
  const unmarked = breakText(text, '1. (C - ENTIRE TEXT). ', '1. ');
  const archived = hits(unmarked, 'portion-mark-missing', { fileName: '1979TEHRAN08980.txt' })[0].finding.message;
  assert.match(
    archived,
    /Portion marks are required from 1 December 1978; the cable's date is 1979, from the file name 1979TEHRAN08980\.$/,
  );
  const draft = hits(unmarked, 'portion-mark-missing')[0].finding.message;
  assert.ok(!draft.includes('required from'), draft);
  // Classified By, from E.O. 12958 (14 October 1995): a 1996 copy dated by its file name only.
  const noCb = breakText(breakText(readCorpus('96ANKARA12278'), 'R 181142Z NOV 96', ''), 'CLASSIFIED BY', 'CLASSIFIED XX');
  const cb = only(noCb, 'classified-by-missing', { fileName: '96ANKARA12278.txt' }).finding.message;
  assert.match(cb, /The line is required from 14 October 1995; the cable's date is 1996, from the file name 96ANKARA12278\.$/);
  // The section to cite, and the date that decides it.
  const sec = only(readCorpus('04ANKARA348'), 'classified-by-section', { fileName: '04ANKARA348.txt' });
  assert.match(sec.finding.message, /: cite 1\.4 \(the cable's date is 2004, from the file name 04ANKARA348\)\.$/);
});

test('hover: the parts of an older instruction and the era it belongs to', () => {
  const t = load(TEHRAN79);
  const h = (needle: string) => hoverAt(t.cable, off(t.text, needle), t.ctx)!;
  assert.match(h('GDS 8').markdown, /General Declassification Schedule/);
  assert.match(h('8/12/85').markdown, /declassified on \*\*12 August 1985\*\* \(E\.O\. 11652 or E\.O\. 12065\)/);
  assert.match(h('TOMSETH').markdown, /the official who classified the cable/);
  assert.match(h('OR-P').markdown, /office symbol/);
  const x = load(breakText(TEHRAN75, ': GDS', ': XGDS-2'));
  const xh = hoverAt(x.cable, off(x.text, 'XGDS'), x.ctx)!;
  assert.match(xh.markdown, /exempt from the General Declassification Schedule of E\.O\. 11652.*Category 2/);
  assert.doesNotMatch(xh.markdown, /Not an instruction/);
  // Outside its era the hover says so.
  const late = load(breakText(TEHRAN75, 'E.O. 11652: GDS', 'E.O. 12958: DECL: GDS'), { date: { year: 2005, month: 3, day: 1 } });
  assert.match(
    hoverAt(late.cable, off(late.text, 'GDS'), late.ctx)!.markdown,
    /\*\*Not an instruction of E\.O\. 12958\*\* \(the order on the line\)/,
  );
  // The order under the cursor on a 1975 cable: E.O. 11652 governed it.
  const o = hoverAt(load(TEHRAN75).cable, off(TEHRAN75, '11652'), load(TEHRAN75).ctx)!;
  assert.match(o.markdown, /It governed classification on the cable's date \(4 March 1975/);
  assert.match(o.markdown, /signed 8 March 1972, in force from 1 June 1972 to 30 November 1978/);
});

test("completion: the E.O. line offers the instruction of the cable's era", () => {
  const labels = (text: string, needle: string, delta: number) => {
    const t = load(text);
    return completeAt(t.cable, off(t.text, needle, delta), t.ctx)!.items.map((i) => i.label);
  };
  assert.deepEqual(labels(breakText(TEHRAN75, 'E.O. 11652: GDS', 'E.O. '), 'E.O. ', 5), [
    '11652: GDS',
    '11652: XGDS 1',
    '11652: XGDS 2',
    '11652: XGDS 3',
    '11652: XGDS 4',
    '11652: NGDS',
  ]);
  assert.deepEqual(labels(breakText(TEHRAN79, 'GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P', ''), 'E.O. 12065: ', 12), ['GDS 8/13/85']);
  assert.deepEqual(labels(breakText(BAGHDAD90, 'DECL:OADR', 'DECL:'), 'DECL:', 5), ['OADR']);
  // An unclassified cable of 1975: N/A under its order.
  const unclas = breakText(breakText(TEHRAN75, 'C O N F I D E N T I A L', 'UNCLAS'), 'E.O. 11652: GDS', 'E.O. ');
  assert.deepEqual(labels(unclas, 'E.O. ', 5), ['11652: N/A']);
});

test("eo-missing: the line to insert cites the order of the cable's date and its instruction", () => {
  const h = only(deleteLine(TEHRAN75, 'E.O. 11652: GDS'), 'eo-missing');
  assert.match(h.finding.message, /a CONFIDENTIAL cable needs `E\.O\. 11652: GDS` \(the order and its declassification instruction\)/);
  assert.equal(h.finding.fixes![0].edits[0].newText.trim(), 'E.O. 11652: GDS');
  const b = only(deleteLine(BAGHDAD90, 'E.O. 12356: DECL:OADR'), 'eo-missing');
  assert.equal(b.finding.fixes![0].edits[0].newText.trim(), 'E.O. 12356: DECL: OADR');
  // From E.O. 12958 on: the 10-year date, as before.
  const late = only(deleteLine(TEHRAN75, 'E.O. 11652: GDS'), 'eo-missing', { date: { year: 2005, month: 3, day: 1 } });
  assert.equal(late.finding.fixes![0].edits[0].newText.trim(), 'E.O. 12958: DECL: 03/01/2015');
});

test('decl-missing: OADR with no order and only a year from the file name fires only when no day of the year had E.O. 12356', () => {
  const undated = breakText(breakText(BAGHDAD90, 'O 020411Z AUG 90\n', ''), 'E.O. 12356: DECL:OADR', 'E.O.: DECL: OADR');
  assert.ok(!parse(undated).dated, 'no date in the text');
  assert.deepEqual(hits(undated, 'decl-missing', { fileName: '1995BAGHDAD04397.txt' }), []);
  const h = only(undated, 'decl-missing', { fileName: '1996BAGHDAD04397.txt' });
  assert.match(h.finding.message, /`OADR` is an instruction of E\.O\. 12356/);
  // A date guessed from the file name: the fix is offered, never applied by fix-all.
  assert.equal(h.finding.fixes![0].preferred, false);
});

test('hover: E.O. 13292 is the order that amended E.O. 12958, not an unknown number', () => {
  const t = load(breakText(TEHRAN75, 'E.O. 11652', 'E.O. 13292'), { date: { year: 2005, month: 3, day: 1 } });
  const h = hoverAt(t.cable, off(t.text, '13292'), t.ctx)!;
  assert.match(h.markdown, /\*\*E\.O\. 12958\*\* \(E\.O\. 13292 amended it\)/);
  assert.match(h.markdown, /It governed classification on the cable's date/);
});

test("hover: a DECL date under E.O. 12356 is not measured against E.O. 12958's 10 and 25 years", () => {
  const t = load(breakText(BAGHDAD90, 'DECL:OADR', 'DECL: 08/02/2020'));
  const h = hoverAt(t.cable, off(t.text, '08/02/2020'), t.ctx)!;
  assert.match(h.markdown, /exactly 30 years after the cable's date \(2 August 1990, from the date-time group/);
  assert.match(h.markdown, /under E\.O\. 12356\./);
  assert.doesNotMatch(h.markdown, /only with an exemption/);
  const late = load(breakText(BAGHDAD90, 'E.O. 12356: DECL:OADR', 'E.O. 12958: DECL: 08/02/2030'), {
    date: { year: 2000, month: 8, day: 2 },
  });
  assert.match(hoverAt(late.cable, off(late.text, '08/02/2030'), late.ctx)!.markdown, /\*\*more than 25 years\*\*: only with an exemption/);
});

test('hover: OADR is E.O. 12356 marking, and says so when the cable is of a later order', () => {
  const t = load(BAGHDAD90);
  const h = hoverAt(t.cable, off(t.text, 'OADR'), t.ctx)!;
  assert.match(h.markdown, /indefinite marking of E\.O\. 12356 \(signed 2 April 1982, in force from 1 August 1982 to 13 October 1995\)/);
  assert.doesNotMatch(h.markdown, /Not an instruction/);
  const late = load(breakText(BAGHDAD90, 'E.O. 12356', 'E.O. 12958'), { date: { year: 1999, month: 1, day: 4 } });
  assert.match(
    hoverAt(late.cable, off(late.text, 'OADR'), late.ctx)!.markdown,
    /\*\*Not an instruction of E\.O\. 12958\*\*, which requires `DECL: <date>`/,
  );
});
