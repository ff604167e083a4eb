// The cables a REF item names, read by the parser (cable-format.md §7, §13).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../../server/src/parse';
import { splitRunTogether } from '../../server/src/parse/ref-cites';

function cites(refLine: string): string[] {
  const text = `UNCLAS BAKU 000146\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n${refLine}\n\n1. (U) Text.\n`;
  const cable = parse(text);
  return (cable.refs?.items ?? []).flatMap((i) =>
    (i.cites ?? []).map(
      (c) =>
        [c.year?.text, c.post.text, c.serial.text].filter((x) => x !== undefined).join('|') +
        (text.slice(c.start, c.end) === [c.year?.text, c.post.text, c.serial.text].filter(Boolean).join(' ') ? '' : '*'),
    ),
  );
}

test('every form of cite the format lists', () => {
  assert.deepEqual(cites('REF: A. 09 STATE 082572\n     B. BAKU 129'), ['09|STATE|082572', 'BAKU|129']);
  assert.deepEqual(cites('REF: A) 08 BAKU 123'), ['08|BAKU|123']);
  assert.deepEqual(cites('REFS: (A) MINSK 0638, (B) Minsk 0118'), ['MINSK|0638', 'Minsk|0118']);
  assert.deepEqual(cites('REF: A) TRIPOLI 73; B) TRIPOLI 58'), ['TRIPOLI|73', 'TRIPOLI|58']);
  assert.deepEqual(cites('REF: 09STATE126780'), ['09|STATE|126780*']);
  assert.deepEqual(cites('REF: 2004 MOSCOW 14726'), ['2004|MOSCOW|14726']);
  assert.deepEqual(cites('REF: UNVIE 00266 (NOTAL)'), ['UNVIE|00266']);
  assert.deepEqual(cites('REF: A. SECSTATE 16319      B. NEW DELHI 454'), ['SECSTATE|16319', 'NEW DELHI|454']);
  assert.deepEqual(cites('REF: 09 SAN JOSE 256; 09 SAN JOSE 985'), ['09|SAN JOSE|256', '09|SAN JOSE|985']);
  assert.deepEqual(cites('REF: USUN NEW YORK 692 AND PREVIOUS'), ['USUN NEW YORK|692']);
  assert.deepEqual(cites('REF: TAIPEI 001283 AND TAIPEI 1290'), ['TAIPEI|001283', 'TAIPEI|1290']);
});

test('references that are not cables cite nothing', () => {
  assert.deepEqual(cites('REF: A. STATE 14840\n     B. KUJAWINSKI-FRANCE DESK 3/11 E-MAIL'), ['STATE|14840']);
  assert.deepEqual(cites('REF: EMBASSY LONDON DAILY REPORT 9/21/2009 (NOTAL)'), []);
  assert.deepEqual(cites('REF: SECDEF MSG DTG 301601z SEP 08'), []);
  assert.deepEqual(cites('REF: 2006 BLUE LANTERN GUIDEBOOK'), []);
  assert.deepEqual(cites('REF: 12/12/08 (U) EMAIL FROM POLOFF'), []);
});

test('the run-together form, also for file names', () => {
  assert.deepEqual(splitRunTogether('08BAKU146', 0, 9), { postStart: 2, serialStart: 6, serialEnd: 9 });
  assert.deepEqual(splitRunTogether('1975STATE012345', 0, 15), { postStart: 4, serialStart: 9, serialEnd: 15 });
  assert.equal(splitRunTogether('seed', 0, 4), undefined);
  assert.equal(splitRunTogether('123BAKU1', 0, 8), undefined);
  assert.equal(splitRunTogether('08BAKU', 0, 6), undefined);
  assert.equal(splitRunTogether('08BAKU146X', 0, 10), undefined);
});

test('cites have exact ranges inside their REF item', () => {
  const text = 'UNCLAS BAKU 000146\n\nSUBJECT: TEST\n\nREF: A. 09 STATE 082572 (NOTAL)\n';
  const item = parse(text).refs!.items[0];
  const c = item.cites![0];
  assert.equal(text.slice(c.start, c.end), '09 STATE 082572');
  assert.ok(c.start >= item.start && c.end <= item.end);
});
