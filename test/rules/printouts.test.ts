// Cables of other eras (issue 10 items 2 and 3): printout furniture is never the banner; LIMITED
// OFFICIAL USE is an unclassified control like SBU; portion marks are required from 1 December 1978.
// Real printouts (test/fixtures/corpus/INDEX.md) and broken variants of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureContext } from '../../server/src/features/context';
import { hoverAt } from '../../server/src/features/hover';
import { parse } from '../../server/src/parse';
import { corpusNames, readCorpus } from '../parse/fixtures';
import { allFindings, applyFix, breakText, hits, lineOf, only } from './lint-helpers';

const PRINTOUTS = [
  '1973STATE189296',
  '1973STATE252376',
  '1976CAIRO01720',
  '1976VIENTI02015',
  '1977STATE055011',
  '1978BISSAU01578',
  '1978STATE296107',
  '1979KABUL05926',
  '90CAPETOWN97',
];
const BANNER_RULES = ['banner-missing', 'banner-malformed'];

/** The corpus printout 00HARARE5461 with its printout header back on top (as the MANIFEST note of the corpus records it). */
const HARARE_HEADER = [
  '                                CONFIDENTIAL     PTQ2529',
  '',
  'PAGE 01        HARARE  05461  01 OF 02  271458Z',
  'ACTION AF-00',
  '',
  'INFO  LOG-00   NP-00    ACQ-00   CIAE-00  DINT-00  DODE-00  SRPP-00',
  '      DS-00    EUR-00   FBIE-00  VC-00    H-01     TEDE-00  INR-00',
  '      NFAT-00  SAS-00     /006W',
  '                  ------------------8A8E0D  271459Z /38',
  'FM AMEMBASSY HARARE',
  'TO SECSTATE WASHDC IMMEDIATE 7212',
  'INFO NSC WASHDC IMMEDIATE',
  '',
].join('\n');
const HARARE = HARARE_HEADER + readCorpus('00HARARE5461');

function bannerLine(text: string): string | undefined {
  const c = parse(text);
  return c.banner ? text.slice(c.banner.start, c.banner.end) : undefined;
}

test('printouts: the banner under the page marking, page line and distribution block is found', () => {
  const want: Record<string, string> = {
    '1973STATE189296': 'S E C R E T STATE 189296',
    '1976CAIRO01720': 'LIMITED OFFICIAL USE SECTION 1 OF 2 CAIRO 1720',
    '1977STATE055011': 'LIMITED OFFICIAL USE STATE 055011',
    '1978STATE296107': 'UNCLAS STATE 296107',
    '1979KABUL05926': 'LIMITED OFFICIAL USE KABUL 5926',
    '90CAPETOWN97': 'C O N F I D E N T I A L SECTION 01 OF 03 CAPE TOWN 00097',
  };
  for (const name of PRINTOUTS) {
    const text = readCorpus(name);
    const c = parse(text);
    assert.ok(c.banner, name);
    if (want[name]) assert.equal(bannerLine(text), want[name], name);
    assert.ok(c.eo && c.subject, `${name}: E.O. and SUBJECT under the banner are read`);
    // 1976VIENTI02015 writes `TAGS, AFSP, APER, LA` (a typo the TAGS reader does not take).
    if (name !== '1976VIENTI02015') assert.ok(c.tags, `${name}: TAGS`);
    for (const rule of [...BANNER_RULES, 'subject-missing']) assert.deepEqual(hits(text, rule), [], `${name} ${rule}`);
  }
  // The page marking with the printout's control number is not the banner; the real one 17 lines down is.
  assert.equal(bannerLine(HARARE), 'C O N F I D E N T I A L SECTION 01 OF 02 HARARE 005461');
  for (const rule of BANNER_RULES) assert.deepEqual(hits(HARARE, rule), [], rule);
  // Behind a web copy's date line too (the header zone does not take the printout then).
  const dated = 'Wednesday, 27 September 2000, 14:02\n' + HARARE;
  assert.equal(bannerLine(dated), 'C O N F I D E N T I A L SECTION 01 OF 02 HARARE 005461');
  assert.deepEqual(hits(dated, 'banner-malformed'), []);
});

test('printouts: with the banner deleted, the page marking stands in and the rules say what is missing', () => {
  const noBanner = breakText(HARARE, 'C O N F I D E N T I A L SECTION 01 OF 02 HARARE 005461 \n', '');
  const h = only(noBanner, 'banner-malformed');
  assert.match(h.covers, /^CONFIDENTIAL/);
  assert.match(h.finding.message, /no post and serial/);
  assert.equal(parse(noBanner).level, 'C');
  // A 1970s printout without its banner line: no banner under the furniture.
  const kabul = breakText(readCorpus('1979KABUL05926'), 'LIMITED OFFICIAL USE KABUL 5926\n', '');
  assert.match(only(kabul, 'banner-malformed').finding.message, /no post and serial/);
  assert.equal(parse(kabul).banner?.className, 'LIMITED OFFICIAL USE');
});

test('printouts: page markings, PAGE lines, distribution blocks and review stamps are page lines wherever they stand', () => {
  const text = readCorpus('02ROME3639');
  const pages = parse(text).pageLines.map((p) => p.text);
  for (const l of [
    'CONFIDENTIAL     PTQ4581',
    'PAGE 01        ROME  03639  02 OF 03  231627Z',
    'ACTION EUR-00',
    'SAS-00     /018W',
    '------------------CF2A6B  231627Z /38',
  ]) {
    assert.ok(pages.includes(l), `${l} is a page line`);
  }
  assert.ok(pages.some((p) => p.startsWith('INFO  LOG-00')));
  const kabul = parse(readCorpus('1979KABUL05926'));
  const kp = kabul.pageLines.map((p) => p.text);
  for (const l of ['LIMITED OFFICIAL USE', 'PAGE 02', 'KABUL 05926 050740Z']) assert.ok(kp.includes(l), l);
  assert.ok(kp.some((p) => p.includes('Declassified/Released US Department of State EO Systematic Review')));
  // The printout header: its lines before the date-time group are header lines, not preamble or addressees.
  assert.equal(kabul.header?.kind, 'printout');
  assert.equal(kabul.header?.from?.plad?.text, 'AMEMBASSY KABUL');
  assert.ok(kabul.header?.other.some((o) => o.text === 'ACTION STD-01'));
  assert.deepEqual(kabul.preamble, []);
  // None of it is text: paragraph 3 continues across the page break, and no paragraph starts in the furniture.
  assert.deepEqual(
    kabul.paragraphs.map((p) => p.value),
    [1, 2, 3, 4],
  );
  // A body sentence that mentions a page is still text.
  const prose = breakText(readCorpus('1979KABUL05926'), 'PRUDENT TO SHIFT', 'PAGE 12 OF THE MANUAL SAYS TO SHIFT');
  assert.ok(!parse(prose).pageLines.some((p) => p.text.includes('MANUAL')));
});

test('LIMITED OFFICIAL USE: banner, (LOU) and caption are an unclassified control like SBU', () => {
  const cairo = readCorpus('1976CAIRO01720');
  const c = parse(cairo);
  assert.equal(c.banner?.className, 'LIMITED OFFICIAL USE');
  assert.equal(c.level, 'SBU');
  // Unclassified: no Classified By, DECL date or portion marks demanded, even when checked as a draft of today.
  const draft = allFindings(cairo, { date: { year: 2009, month: 6, day: 1 } }).map((f) => f.rule);
  for (const rule of ['banner-missing', 'classified-by-missing', 'portion-mark-missing', 'decl-missing'])
    assert.ok(!draft.includes(rule), rule);
  // The hover on the banner explains the control.
  const b = c.banner!;
  const hover = hoverAt(c, b.classText.start + 1, featureContext(c));
  assert.match(hover!.markdown, /LIMITED OFFICIAL USE \(LOU\).*administrative control/);
  // (LOU) is a known marking, ranked with SBU: fine under LOU or CONFIDENTIAL, and its hover says so.
  const marked = breakText(readCorpus('1979KABUL05926'), '1. EMBASSY IS', '1. (LOU) EMBASSY IS');
  assert.deepEqual(hits(marked, 'portion-mark-unknown'), []);
  assert.deepEqual(hits(marked, 'class-mismatch'), []);
  const m = parse(marked).paragraphs[0].marking!;
  assert.equal(m.level, 'SBU');
  const mc = parse(marked);
  assert.match(hoverAt(mc, m.start + 1, featureContext(mc))!.markdown, /LIMITED OFFICIAL USE/);
  // (C) under an LOU banner is above it: the message names LIMITED OFFICIAL USE.
  const above = breakText(readCorpus('1979KABUL05926'), '2. IN RECENT DAYS', '2. (C) IN RECENT DAYS');
  assert.match(only(above, 'class-mismatch').finding.message, /^The banner says LIMITED OFFICIAL USE but paragraph 2/);
  assert.match(only(above, 'portion-mark-exceeds').finding.message, /LIMITED OFFICIAL USE/);
  assert.equal(
    applyFix(above, only(above, 'portion-mark-exceeds').finding.fixes![0]),
    breakText(readCorpus('1979KABUL05926'), '2. IN RECENT DAYS', '2. (LOU) IN RECENT DAYS'),
  );
  // The caption under an UNCLAS banner makes the cable LOU, as SENSITIVE makes it SBU.
  const caption = breakText(readCorpus('1978STATE296107'), 'UNCLAS STATE 296107\n', 'UNCLAS STATE 296107\nLIMITED OFFICIAL USE\n');
  const cc = parse(caption);
  assert.equal(cc.level, 'SBU');
  assert.ok(cc.captions.some((x) => x.name === 'LIMITED OFFICIAL USE'));
});

test('portion-mark-missing: not before 1 December 1978 (E.O. 12065); after it and on a draft, it fires', () => {
  // 31 December 1973, CONFIDENTIAL, paragraphs 1 and 2 unmarked: right for its day.
  const text = readCorpus('1973STATE252376');
  assert.equal(parse(text).date?.year, 1973);
  assert.deepEqual(hits(text, 'portion-mark-missing'), []);
  assert.deepEqual(hits(readCorpus('1976VIENTI02015'), 'portion-mark-missing'), []);
  // The day before and the day E.O. 12065 took effect.
  assert.deepEqual(hits(text, 'portion-mark-missing', { date: { year: 1978, month: 11, day: 30 } }), []);
  assert.equal(hits(text, 'portion-mark-missing', { date: { year: 1978, month: 12, day: 1 } }).length, 2);
  // The same text as a 1979 cable (its DTG changed), and as a draft (no DTG: checked against today).
  const y79 = breakText(text, 'O 311724Z DEC 73 ZFF4', 'O 311724Z DEC 79 ZFF4');
  assert.deepEqual(
    hits(y79, 'portion-mark-missing').map((h) => h.line),
    [lineOf(y79, '1. EMBASSY SHOULD'), lineOf(y79, '2. SCOTES')],
  );
  const draft = breakText(text, 'O 311724Z DEC 73 ZFF4\n', '');
  assert.equal(hits(draft, 'portion-mark-missing').length, 2);
  // The E.O. 12065-era whole-text marking with the level spelled out marks every paragraph and is known.
  const whole = breakText(y79, '1. EMBASSY SHOULD', '1. (CONFIDENTIAL-ENTIRE TEXT) EMBASSY SHOULD');
  assert.deepEqual(hits(whole, 'portion-mark-missing'), []);
  assert.deepEqual(hits(whole, 'portion-mark-unknown'), []);
  // `1. C - ENTIRE TEXT.` (1979 RIYADH 905): the letters form of the same convention.
  const letters = breakText(y79, '1. EMBASSY SHOULD', '1. C - ENTIRE TEXT.\n2. EMBASSY SHOULD').replace('\n2. SCOTES', '\n3. SCOTES');
  assert.deepEqual(hits(letters, 'portion-mark-missing'), []);
  assert.equal(parse(letters).paragraphs[0].marking?.level, 'C');
  // A spelled-out level with another caveat is still reported.
  const spelled = breakText(y79, '1. EMBASSY SHOULD', '1. (CONFIDENTIAL/NOFORN) EMBASSY SHOULD');
  assert.equal(hits(spelled, 'portion-mark-unknown').length, 1);
});

test('every printout fixture parses to a banner and no banner finding', () => {
  const printouts = corpusNames().filter((n) => /^19\d\d/.test(n));
  assert.ok(printouts.length >= 8);
  for (const n of printouts) assert.deepEqual(hits(readCorpus(n), 'banner-missing'), [], n);
});

test('judged on real cables (era-judging): a wrapped REL TO marking, a banner glued to the next line, a removal note', () => {
  // 08STATE79112: `2.  (S//REL AFGHANISTAN, KYRGYZSTAN, TAJIKISTAN, ` / `TURKMENISTAN, UZBEKISTAN):` is one marking.
  const state = readCorpus('08STATE79112');
  const p2 = parse(state).paragraphs.find((p) => p.value === 2)!;
  assert.equal(p2.marking?.value, 'S//REL AFGHANISTAN, KYRGYZSTAN, TAJIKISTAN, TURKMENISTAN, UZBEKISTAN');
  assert.equal(p2.marking?.known, true);
  assert.deepEqual(hits(state, 'portion-mark-missing'), []);
  assert.deepEqual(hits(state, 'portion-mark-unknown'), []);
  // A list that never closes is no marking.
  const open = breakText(state, 'TURKMENISTAN, UZBEKISTAN):', 'TURKMENISTAN, UZBEKISTAN:');
  assert.equal(parse(open).paragraphs.find((p) => p.value === 2)!.marking, undefined);
  // 09CAIRO326: the copy starts at the ACTION/INFO block and glues `FOR NEA AND H` to the serial.
  const cairo = parse(readCorpus('09CAIRO326'));
  assert.equal(cairo.header?.kind, 'printout');
  assert.equal(cairo.banner?.serial?.text, '000326');
  assert.deepEqual(hits(readCorpus('09CAIRO326'), 'banner-missing'), []);
  // 08RPODUBAI49: `7. [DETAILS REMOVED]` lost its marking with its text.
  const dubai = readCorpus('08RPODUBAI49');
  assert.ok(parse(dubai).paragraphs.some((p) => p.firstWords.startsWith('[DETAILS REMOVED]')));
  assert.deepEqual(hits(dubai, 'portion-mark-missing'), []);
});

test('banner-malformed: a year before the post (`C O N F I D E N T I A L 75 LIBREVILLE 1895`) is named, and removed by the fix', () => {
  const text = readCorpus('1973STATE252376');
  const broken = breakText(text, 'C O N F I D E N T I A L STATE 252376', 'C O N F I D E N T I A L 73 STATE 252376');
  const b = parse(broken).banner!;
  assert.equal(b.year?.text, '73');
  assert.equal(b.post?.text, 'STATE');
  const h = only(broken, 'banner-malformed');
  assert.equal(h.covers, '73');
  assert.match(h.finding.message, /`73` before the post/);
  assert.equal(applyFix(broken, h.finding.fixes![0]), text);
  assert.deepEqual(hits(text, 'banner-malformed'), []);
});
