import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fullYear, isoDate, monthNumber, parseIsoDate } from '../../server/src/dates';
import { parse } from '../../server/src/parse/index';

test('parseIsoDate takes real YYYY-MM-DD dates only (the --date option and the cable.date setting)', () => {
  assert.deepEqual(parseIsoDate('2008-02-15'), { year: 2008, month: 2, day: 15 });
  assert.deepEqual(parseIsoDate(' 2008-02-29 '), { year: 2008, month: 2, day: 29 });
  for (const bad of ['2009-02-29', '2018-02-30', '2018-13-01', '2018-00-10', '2018-2-15', '02/15/2018', '', 'today']) {
    assert.equal(parseIsoDate(bad), undefined, bad);
  }
});

test('monthNumber reads the month words of date-time groups and date lines; fullYear reads DECL years ahead', () => {
  assert.equal(monthNumber('FEB'), 2);
  assert.equal(monthNumber('Nov.'), 11);
  assert.equal(monthNumber('NOVEMBER'), 11);
  assert.equal(monthNumber('XYZ'), 0);
  assert.equal(fullYear(17), 2017);
  assert.equal(fullYear(85), 1985);
});

test('one date-time group, read alike in the header and in a printout page header', () => {
  for (const [dtg, date] of [
    ['P R 221828 Z MAY 73', '1973-05-22'],
    ['R 151318Z FEB 08', '2008-02-15'],
    ['O 291359Z NOV 00', '2000-11-29'],
  ]) {
    const header = parse(`${dtg}\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC\nBT\nC O N F I D E N T I A L ROME 001234\n`);
    assert.equal(header.dated?.source, 'dtg', dtg);
    assert.equal(header.date && isoDate(header.date), date, dtg);
    const printout = parse(`CONFIDENTIAL\nPAGE 01 ROME 01234 010203Z\nACTION EUR-12\n${dtg}\nFM AMEMBASSY ROME\n`);
    assert.equal(printout.dated && isoDate(printout.dated.first), date, `${dtg} under a page header`);
  }
});
