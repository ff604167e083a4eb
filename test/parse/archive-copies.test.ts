// Real cables as the FOIA reading rooms publish them: the 1980s and 1990s copies that archive
// readers have (State's release stamp and index fields, the released copy's UNCLASSIFIED over the
// original marking, OCR scraps, a blank line between every two lines, a printout's own banner
// under page furniture). Each test puts that furniture around a corpus fixture and asserts that
// the parser reads the same cable, and that the rules say no more than they said of the original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parse';
import type { Cable, Span } from '../../server/src/model';
import { isReleaseFurniture } from '../../server/src/parse/pages';
import { cut, readCorpus } from './fixtures';
import { allFindings } from '../rules/lint-helpers';

// O 020411Z AUG 90, S E C R E T BAGHDAD 04397, E.O. 12356: DECL:OADR.
const BAGHDAD90 = readCorpus('90BAGHDAD4397');
// P 222227Z NOV 78, a printout: UNCLASSIFIED / PAGE 01 / STATE 296107 / ORIGIN PA-02 ..., UNCLAS STATE 296107.
const STATE78 = readCorpus('1978STATE296107');

const STAMP = 'UNCLASSIFIED U.S. Department of State Case No. F-2014-01302 Doc No. C05517243 Date: 05/05/2014';

/** What the checks read of a cable: its parts' texts. */
function parts(c: Cable) {
  const t = (s: Span | undefined) => (s ? cut(c, s) : undefined);
  return {
    banner: t(c.banner),
    level: c.level,
    eo: t(c.eo),
    tags: t(c.tags),
    subject: t(c.subject),
    dtg: t(c.header?.dtg),
    from: t(c.header?.from?.plad),
    paragraphs: c.paragraphs.map((p) => [p.value, p.marking?.value]),
  };
}

/** Error and warning findings as rule ids with their counts, for comparing a copy with its original. */
function findingIds(text: string, fileName: string): string[] {
  return allFindings(text, { fileName })
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => f.rule)
    .sort();
}

test('release furniture: the stamp, RELEASED IN FULL/PART, index fields, the reviewer block, CIA release lines; not prose', () => {
  for (const line of [
    STAMP,
    'U.S. Department of State Case No. F-2015-16745 Doc No.',
    'RELEASED IN FULL',
    'RELEASED IN FUL',
    'RELEASE IN PART',
    'Current Class: CONFIDENTIAL',
    'Document Number: 1994KIGALI01415',
    'Channel: n/a',
    'Date Printed: 11/14/1996',
    'UNITED STATES DEPARTMENT OF STATE',
    'REVIEW AUTHORITY: WILLIAM E LANDFAIR',
    'DATE/CASE ID: 07 JUN 2006 200103014',
    'Department of State OUTGOING',
    'Approved For Release 2008/12/02 : CIA-RDP90B01370R000801120124-3',
    'Sanitized Copy Approved for Release 2011/05/27: CIA-RDP86B0042OR000100220003-4',
  ])
    assert.ok(isReleaseFurniture(line), line);
  for (const line of [
    'UNCLASSIFIED',
    'THE DEPARTMENT OF STATE RELEASED IN FULL THE TEXT OF THE NOTE.',
    '2. THE UNITED STATES DEPARTMENT OF STATE HAS APPROVED THE SALE.',
    'C O N F I D E N T I A L BAGHDAD 04397',
  ])
    assert.ok(!isReleaseFurniture(line), line);
});

test('a FOIA copy: stamp, release line and the released UNCLASSIFIED over the original marking are not the banner', () => {
  const copy = `${STAMP}\n\nRELEASED IN FULL\n\nSECRET\n\n${BAGHDAD90}`;
  assert.deepEqual(parts(parse(copy)), parts(parse(BAGHDAD90)));
  assert.deepEqual(findingIds(copy, '90BAGHDAD4397.txt'), findingIds(BAGHDAD90, '90BAGHDAD4397.txt'));
  // With the index sheet of the older releases and OCR scraps above it.
  const sheet = `UNCLASSIFIED\nPage: 1\n\nCurrent Class: SECRET\nCurrent Handling: n/a\nDocument Number: 1990BAGHDA04397\n\nChannel: n/a\n\nL5\nRELEASED IN FULL\n\n${BAGHDAD90}`;
  assert.deepEqual(parts(parse(sheet)), parts(parse(BAGHDAD90)));
});

test('a printout under archive lines: the header is found, its banner below the furniture; with its DTG lost, from ORIGIN', () => {
  const copy = `Sanitized Copy Approved for Release 2011/05/27: CIA-RDP86B0042OR000100220003-4\n_a-\n.:\nDepartment of State OUTGOING\n${STATE78}`;
  const c = parse(copy);
  assert.ok(c.header);
  assert.deepEqual(parts(c), parts(parse(STATE78)));
  assert.deepEqual(findingIds(copy, '1978STATE296107.txt'), findingIds(STATE78, '1978STATE296107.txt'));
  // The DTG lost to OCR (`0 8819971 OCT 84`): the printout's ORIGIN line still starts the header.
  const lost = copy.replace('P 222227Z NOV 78', 'P 2222271 NOV 78').replace('UNCLASSIFIED\nPAGE 01\nSTATE 296107\n', 'PAb`E12 OF 87\n');
  const l = parse(lost);
  assert.equal(l.header?.kind, 'printout');
  assert.equal(cut(l, l.banner!), 'UNCLAS STATE 296107');
});

test('OCR double spacing: a blank line between addressees does not end the header', () => {
  const spaced = BAGHDAD90.replace(/\n(AMEMBASSY|TO )/g, '\n\n$1');
  assert.notEqual(spaced, BAGHDAD90);
  const c = parse(spaced);
  assert.equal(c.header?.to.length, parse(BAGHDAD90).header?.to.length);
  assert.deepEqual(parts(c), parts(parse(BAGHDAD90)));
});

test('addressees run into the E.O. line with no blank line: E.O., TAGS and SUBJECT are not addressees', () => {
  // A copy whose banner was lost to OCR (`CONFIDENTIALKAMPALA 004180`) still has its E.O., TAGS and SUBJECT.
  const copy = BAGHDAD90.replace('\nS E C R E T BAGHDAD 04397\n\n', '\n');
  const c = parse(copy);
  assert.equal(c.banner, undefined);
  assert.equal(cut(c, c.eo!), 'E.O. 12356: DECL:OADR');
  assert.equal(cut(c, c.tags!), 'TAGS: PREL IZ KU AS');
  assert.match(cut(c, c.subject) ?? '', /^SUBJECT: IRAQI INCURSION/);
  const ids = findingIds(copy, '90BAGHDAD4397.txt');
  assert.ok(ids.includes('banner-missing'));
  assert.ok(!ids.includes('tags-missing') && !ids.includes('subject-missing') && !ids.includes('eo-missing'), ids.join(' '));
});

test('a page marking or a plain copy of the banner above the letter-spaced banner: the full banner is the banner', () => {
  const bare = BAGHDAD90.replace('S E C R E T BAGHDAD 04397', 'SECRET\n\nPAGE 02 BAGHDA 04397 020411Z\nS E C R E T BAGHDAD 04397');
  assert.equal(cut(parse(bare), parse(bare).banner!), 'S E C R E T BAGHDAD 04397');
  // A partial extract that opens with a plain copy of the banner (1995 ZAGREB 1796).
  const extract = `SECRET BAGHDAD 4397\n\n${BAGHDAD90.slice(BAGHDAD90.indexOf('AMEMBASSY KUWAIT'))}`;
  const c = parse(extract);
  assert.equal(cut(c, c.banner!), 'S E C R E T BAGHDAD 04397');
  assert.ok(!findingIds(extract, '90BAGHDAD4397.txt').includes('banner-malformed'));
  // Another post below is not the same banner: the first stays.
  const other = `SECRET KUWAIT 4397\n\n${BAGHDAD90.slice(BAGHDAD90.indexOf('AMEMBASSY KUWAIT'))}`;
  assert.equal(cut(parse(other), parse(other).banner!), 'SECRET KUWAIT 4397');
});

test('whole-text marking with no dash or an en dash (`1.  CONFIDENTIAL ENTIRE TEXT`, `(S–Entire text.)`)', () => {
  const para1 = BAGHDAD90.indexOf('\n1. ');
  assert.ok(para1 > 0);
  for (const mark of ['SECRET ENTIRE TEXT.', 'S\u2013ENTIRE TEXT.', 'SECRET: ENTIRE TEXT']) {
    const text = `${BAGHDAD90.slice(0, para1)}\n1. ${mark} ${BAGHDAD90.slice(para1 + 4)}`;
    const c = parse(text);
    assert.equal(c.paragraphs[0].marking?.value, 'S-ENTIRE TEXT', mark);
  }
  // A word that only starts like a class letter is not a marking.
  const c = parse(`${BAGHDAD90.slice(0, para1)}\n1. CENTIRE TEXT ${BAGHDAD90.slice(para1 + 4)}`);
  assert.notEqual(c.paragraphs[0].marking?.value, 'C-ENTIRE TEXT');
});

// C O N F I D E N T I A L TEHRAN 2069 of 4 March 1975 (E.O. 11652: GDS), paragraphs unmarked as then.
const TEHRAN75 = readCorpus('75TEHRAN2069');
// C O N F I D E N T I A L TEHRAN 08980 of 13 August 1979, `1. (C - ENTIRE TEXT).`
const TEHRAN79 = readCorpus('79TEHRAN8980');
const rule = (text: string, id: string, fileName: string) => findingIds(text, fileName).filter((r) => r === id).length;

test('typed and OCR keywords: `TAGS/ PFOR, PINT` (1976CAIRO13436) and `SUBJECT;` (1994KIGALI01415)', () => {
  const c = parse(TEHRAN75.replace('TAGS: PINT IR', 'TAGS/ PINT, IR').replace('SUBJECT: IRANIAN', 'SUBJECT; IRANIAN'));
  assert.deepEqual(
    c.tags?.tags.map((t) => t.text),
    ['PINT', 'IR'],
  );
  assert.match(cut(c, c.subject) ?? '', /^SUBJECT; IRANIAN RESURGENCE PARTY/);
});

test('`(C - ENTIRE TEXT.)` with the full stop inside marks the whole text (1979STATE241927)', () => {
  const text = TEHRAN79.replace('1. (C - ENTIRE TEXT). ', '1. (C - ENTIRE TEXT.) ');
  assert.equal(parse(text).paragraphs[0].marking?.value, 'C-ENTIRE TEXT');
  assert.equal(rule(text, 'portion-mark-missing', '79TEHRAN8980.txt'), 0);
});

test('a marking on the line under a bare number, or past an interleaved REF line (FOIA extractions)', () => {
  const below = BAGHDAD90.replace('1. (S-ENTIRE TEXT)', '1.\n\n(S-ENTIRE TEXT)');
  assert.equal(parse(below).paragraphs[0].marking?.value, 'S-ENTIRE TEXT');
  const past = BAGHDAD90.replace('1. (S-ENTIRE TEXT)', '1.\n(B) WILSON/MACK\nSECRET - ENTIRE TEXT.');
  assert.equal(parse(past).paragraphs[0].marking?.value, 'S-ENTIRE TEXT');
  assert.equal(rule(past, 'portion-mark-missing', '90BAGHDAD4397.txt'), 0);
  // A lettered item under the number is not its marking, and the next paragraph ends the search.
  const none = BAGHDAD90.replace('1. (S-ENTIRE TEXT)', '1.\n(B) WILSON/MACK');
  assert.equal(parse(none).paragraphs[0].marking, undefined);
});

test('before E.O. 12065 a spelled-out `(SECRET)` breaks no vocabulary; from 1 December 1978 it is unknown', () => {
  const text = TEHRAN75.replace("1. SHAH'S LENGTHY", "1. (CONFIDENTIAL) SHAH'S LENGTHY");
  assert.equal(parse(text).paragraphs[0].marking?.level, 'C');
  assert.equal(rule(text, 'portion-mark-unknown', '75TEHRAN2069.txt'), 0);
  assert.equal(rule(text.replace('R 041125Z MAR 75', 'R 041125Z MAR 80'), 'portion-mark-unknown', '80TEHRAN2069.txt'), 1);
});

test("a compiled cable's parts are numbered from 1 under their office headings (`H - ROBERT J. MCCLOSKEY`)", () => {
  const parts2 = BAGHDAD90.replace(
    /\n\n\nWILSON\s*$/,
    '\n\nH - ROBERT J. MCCLOSKEY\n1. SIDEWINDERS FOR SAUDI ARABIA.\n2. MONTGOMERY HEARINGS.\n\nWILSON\n',
  );
  assert.notEqual(parts2, BAGHDAD90);
  assert.equal(rule(parts2, 'para-numbering', '90BAGHDAD4397.txt'), 0);
  // Without the heading the restart is a numbering error.
  assert.ok(rule(parts2.replace('H - ROBERT J. MCCLOSKEY\n', ''), 'para-numbering', '90BAGHDAD4397.txt') > 0);
});

test('a table of contents before the sections, with its first item run on (1978USUNN05874); an unnumbered one is not', () => {
  const toc = BAGHDAD90.replace(
    'SUBJECT: IRAQI INCURSION ACROSS KUWAITI BORDER\n',
    'SUBJECT: IRAQI INCURSION ACROSS KUWAITI BORDER\nTABLE OF CONTENTS -1. MOVEMENTS\n2. CONTACTS\n3. CRISIS TEAM\n4. PRESS\n',
  );
  const c = parse(toc);
  assert.equal(cut(c, c.subject), 'SUBJECT: IRAQI INCURSION ACROSS KUWAITI BORDER');
  assert.deepEqual(
    c.paragraphs.map((p) => p.value),
    parse(BAGHDAD90).paragraphs.map((p) => p.value),
  );
  assert.equal(rule(toc, 'para-numbering', '90BAGHDAD4397.txt'), 0);
  // `Contents:` over a list of unnumbered items: paragraph 1 that follows is paragraph 1 (07MADRID2129).
  const plain = BAGHDAD90.replace('\n1. (S-ENTIRE TEXT)', '\nContents:\nECON: ONE\nPOL: TWO\n\n1. (S-ENTIRE TEXT)');
  assert.deepEqual(
    parse(plain).paragraphs.map((p) => p.value),
    parse(BAGHDAD90).paragraphs.map((p) => p.value),
  );
});

test("a web page that shows the text before the printout (PlusD's layout): the printout's header, banner and preamble are read", () => {
  const body = STATE78.slice(STATE78.indexOf('\n1. ') + 1);
  const preview = `${body.split('\n').slice(0, 6).join('\n')}\n${STATE78}`;
  const c = parse(preview);
  assert.equal(c.header?.kind, 'printout');
  assert.deepEqual(
    [cut(c, c.banner), cut(c, c.eo), cut(c, c.tags)],
    [cut(parse(STATE78), parse(STATE78).banner), 'E.O. 11652: N/A', 'TAGS: AINS'],
  );
  assert.ok(!findingIds(preview, '1978STATE296107.txt').some((r) => r === 'tags-missing' || r === 'subject-missing'));
});

test('a page marking ends the addressees; with the banner glued by OCR the highest page marking gives the class', () => {
  const glued = BAGHDAD90.replace('\n\nS E C R E T BAGHDAD 04397\n', '\nSECRET\nPAGE 02 BAGHDA 04397 020411Z\nSECRETBAGHDAD 04397\n');
  const c = parse(glued);
  assert.equal(c.header?.to.length, parse(BAGHDAD90).header?.to.length);
  assert.equal(c.level, 'S');
  assert.equal(cut(c, c.banner), 'SECRET');
  // A released copy: UNCLASSIFIED stamped above the header is not the class.
  const released = `UNCLASSIFIED\nRELEASED IN FULL\n${glued}`;
  assert.equal(parse(released).level, 'S');
});

test('`1. (C) ENTIRE TEXT.`: the words after the marking make it a whole-text marking (1990 MOGADISHU 9903)', () => {
  const text = TEHRAN79.replace('1. (C - ENTIRE TEXT). ', '1. (C) ENTIRE TEXT. ');
  assert.equal(parse(text).paragraphs[0].marking?.value, 'C-ENTIRE TEXT');
  assert.equal(rule(text, 'portion-mark-missing', '79TEHRAN8980.txt'), 0);
  // Other words after a marking leave it a paragraph's own marking.
  const own = TEHRAN79.replace('1. (C - ENTIRE TEXT). ', '1. (C) ENTIRELY TEXTUAL. ');
  assert.equal(parse(own).paragraphs[0].marking?.value, 'C');
});

test('`SUBJ:` run on after the TAGS line ends the tags (86SANTIAGO448: no body words read as tags)', () => {
  const text = BAGHDAD90.replace('TAGS: PREL IZ KU AS\nSUBJECT: IRAQI', 'TAGS: PREL IZ KU AS SUBJ: IRAQI');
  const c = parse(text);
  assert.deepEqual(
    c.tags?.tags.map((t) => t.text),
    ['PREL', 'IZ', 'KU', 'AS'],
  );
  assert.match(cut(c, c.subject) ?? '', /^SUBJ: IRAQI INCURSION/);
});

test("the index sheet's fields on one line under the release marking are not a banner (1997STATE231842)", () => {
  const line = 'UNCLASSIFIED Current Class: SECRET Current Handling: n/a Document Number: 1990BAGHDA04397 Case Number: 200104094';
  assert.ok(isReleaseFurniture(line));
  assert.deepEqual(parts(parse(`${line}\n\n${BAGHDAD90}`)), parts(parse(BAGHDAD90)));
});

test('a SUMMARY right under the REF or the SUBJECT line opens its block (1973TOKYO08164); `SUMMARY FOR` goes on with the subject', () => {
  // The summary block (TEHRAN 2069 also has an unclosed COMMENT further down).
  const blocks = (t: string) =>
    parse(t)
      .blocks.filter((b) => b.kind === 'summary')
      .map((b) => [b.kind, b.open !== undefined, b.close !== undefined]);
  assert.deepEqual(blocks(TEHRAN75), [['summary', true, true]]);
  const underRef = TEHRAN75.replace('CREATED BY SHAH \n\nSUMMARY:', 'CREATED BY SHAH \nREF: STATE 124169\nSUMMARY:');
  assert.deepEqual(blocks(underRef), [['summary', true, true]]);
  const underSubject = TEHRAN75.replace('CREATED BY SHAH \n\nSUMMARY:', 'CREATED BY SHAH \nSUMMARY:');
  assert.deepEqual(blocks(underSubject), [['summary', true, true]]);
  assert.equal(cut(parse(underSubject), parse(underSubject).subject), 'SUBJECT: IRANIAN RESURGENCE PARTY CREATED BY SHAH');
  const wrapped = TEHRAN75.replace('CREATED BY SHAH \n', 'CREATED BY SHAH \nSUMMARY FOR MARCH\n');
  assert.match(cut(parse(wrapped), parse(wrapped).subject) ?? '', /SUMMARY FOR MARCH$/);
});

test("a text preview with its page marking above a printout cut before the banner: the printout's own marking stands in (1973STATE069043)", () => {
  // C O N F I D E N T I A L STATE 252376 of December 1973, a printout; the copy ends inside its header.
  const state73 = readCorpus('1973STATE252376');
  const lines = state73.split('\n');
  const cutHeader = lines
    .slice(
      0,
      lines.findIndex((l) => l.startsWith('C O N F I D E N T I A L')),
    )
    .join('\n');
  const body = state73.slice(state73.indexOf('\n1. ') + 1);
  const preview = `${body.split('\n').slice(0, 4).join('\n')}\nCONFIDENTIAL\nCONFIDENTIAL\nPAGE 02 STATE 252376\n${body.split('\n').slice(4, 8).join('\n')}\n${cutHeader}\n`;
  const c = parse(preview);
  assert.equal(c.header?.kind, 'printout');
  assert.equal(c.level, 'C');
  // The marking is the header's first line, not one of the preview's page-break markings.
  assert.ok(c.banner!.start >= c.header!.start, `banner at ${c.banner!.start}, header from ${c.header!.start}`);
});
