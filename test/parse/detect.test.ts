// cableStart: which plain-text files the editor switches to the cable language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cableStart, DETECT_BYTES } from '../../server/src/parse/detect';
import { corpus, corpusNames, seed } from '../features/util';

// A web record whose banner follows a 10-line `id:`/`refid:` wrapper: too far down to count.
const WRAPPED = ['09TIJUANA1116.txt'];

test('corpus cables are recognised by their VZCZC line, ACP-126 or printout header, or banner', () => {
  const kinds = new Map<string, number>();
  for (const name of corpusNames()) {
    const k = cableStart(corpus(name));
    if (WRAPPED.includes(name)) {
      assert.equal(k, undefined, name);
      continue;
    }
    assert.ok(k, `${name} is not recognised`);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  assert.ok((kinds.get('vzczc') ?? 0) > 100, `vzczc: ${kinds.get('vzczc')}`);
  assert.ok((kinds.get('acp126') ?? 0) >= 20, `acp126: ${kinds.get('acp126')}`);
  assert.ok((kinds.get('banner') ?? 0) >= 20, `banner: ${kinds.get('banner')}`);
  assert.ok((kinds.get('printout') ?? 0) >= 1, `printout: ${kinds.get('printout')}`);
  assert.equal(cableStart(corpus('05MINSK851.txt')), 'vzczc');
  assert.equal(cableStart(corpus('05KABUL5181.txt')), 'banner');
  assert.equal(cableStart(corpus('00TASHKENT4223.txt')), 'acp126');
  assert.equal(cableStart(corpus('08STATE116943.txt')), 'printout');
  assert.equal(cableStart(corpus('00HARARE6677.txt')), 'banner', 'a weekday date line before the banner');
  assert.equal(cableStart(seed()), 'vzczc', 'the seed: a blank line, then its VZCZC line');
});

test('a draft that starts at its banner, in any line-end style, with a BOM', () => {
  const draft =
    'C O N F I D E N T I A L BAKU 000146\n\nE.O. 12958: DECL: 02/15/2018\nTAGS: PGOV, PREL, AJ\nSUBJECT: A SUBJECT\n\n1. (C) Text.\n';
  assert.equal(cableStart(draft), 'banner');
  assert.equal(cableStart(draft.replace(/\n/g, '\r\n')), 'banner');
  assert.equal(cableStart('\ufeff' + draft.replace(/\n/g, '\r')), 'banner');
  assert.equal(cableStart('\n\n   ' + draft), 'banner');
  assert.equal(cableStart('UNCLAS SECTION 01 OF 03 THE HAGUE 001695\n'), 'banner');
  assert.equal(cableStart('S E C R E T SECTION 01 OF 04 STATE 012345\n'), 'banner');
  assert.equal(cableStart('VZCZCXRO1124\n'), 'vzczc');
  assert.equal(cableStart('CONFIDENTIAL TEHRAN 2077\n\nE.O. 11652: GDS\n'), 'banner', 'a four-digit serial followed by the E.O. line');
  assert.equal(cableStart('P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n'), 'acp126');
});

test('archive copies: a FOIA printout under its release stamp with the DTG garbled by OCR; an extract opening with a plain banner copy', () => {
  const printout = corpus('1978STATE296107.txt').replace('P 222227Z NOV 78', 'P 2222271 NOV 78');
  const released = `UNCLASSIFIED U.S. Department of State Case No. F-2014-01302 Doc No. C05517243 Date: 05/05/2014\n\nRELEASED IN FULL\n${printout}`;
  assert.equal(cableStart(released), 'printout');
  const baghdad = corpus('90BAGHDAD4397.txt');
  const extract = `SECRET BAGHDAD 4397\n\n${baghdad.slice(baghdad.indexOf('AMEMBASSY KUWAIT'))}`;
  assert.equal(cableStart(extract), 'banner');
});

test('plain text stays plain text', () => {
  const texts = [
    '',
    '\n\n  \n',
    'Shopping list\n\n- eggs\n- milk 2 L\n- bread\n- SECRET ingredient: 200 g sugar\n',
    'SECRET SANTA 2023\n\nAnna buys for Ben.\n',
    'Secret plans for the weekend 2024\n',
    'SECRET\n\nThe surprise party is on Friday.\n',
    'Page 12 of my notes\nApproved by Mom\nDrafted by me\n',
    'P R 281848Z DEC 66\n\nThis date-time group has no FM line after it.\n',
    'Confidential plans 123\n',
    'UNCLASSIFIED\n',
    'VZCZC is the start-of-message sequence of a State Department telegram.\n',
    '# Notes\n\nThe cable C O N F I D E N T I A L BAKU 000146 was quoted in a book.\n',
    'From: someone@example.com\nTo: me@example.com\nSubject: lunch\n\nSee you at 12.\n',
    'function main() {\n  return 0;\n}\n',
    '\u0000\u0001\u0002garbage\uFFFD\n'.repeat(200),
  ];
  for (const t of texts) assert.equal(cableStart(t), undefined, JSON.stringify(t.slice(0, 60)));
});

test(`only the first ${DETECT_BYTES} characters are read`, () => {
  const pad = 'A line of an ordinary text file that goes on for a while.\n'.repeat(Math.ceil(DETECT_BYTES / 50));
  assert.equal(cableStart(pad + 'VZCZCXRO1124\n'), undefined, 'a VZCZC line past the window');
  assert.equal(cableStart('VZCZCXRO1124\n' + pad.repeat(2000)), 'vzczc', 'a 10 MB cable is read only at its top');
});
