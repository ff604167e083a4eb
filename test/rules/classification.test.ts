// Classification rules on real cables: the banner, portion markings against
// the banner, Classified By and its reasons, captions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parse';
import { readCorpus, readSeed } from '../parse/fixtures';
import { applyFix, breakText, deleteLine, hits, lineOf, only } from './lint-helpers';

// S E C R E T MADRID 001805 (2007): paragraphs 1-2 (S/NF); Classified By ... 1.4 (B) AND (C)
const MADRID = readCorpus('07MADRID1805');
// C O N F I D E N T I A L BUCHAREST 000576 (2006): paragraphs (U), (U), (C)
const BUCHAREST = readCorpus('06BUCHAREST576');
// UNCLAS KAMPALA 001752 + SENSITIVE (2007), paragraphs (SBU)
const KAMPALA = readCorpus('07KAMPALA1752');

const RULES = [
  'banner-malformed',
  'class-mismatch',
  'banner-above-portions',
  'classified-by-missing',
  'classified-by-reason',
  'classified-by-section',
  'classified-by-on-unclassified',
  'caption-conflict',
];

test('the unbroken cables and the seed draw no classification finding', () => {
  for (const [name, text] of [
    ['MADRID', MADRID],
    ['BUCHAREST', BUCHAREST],
    ['KAMPALA', KAMPALA],
    ['seed', readSeed()],
  ]) {
    for (const rule of RULES) assert.deepEqual(hits(text, rule), [], `${name} ${rule}`);
  }
});

test('banner-malformed: odd spacing (real `SS E C R E T`, and a broken banner) with a fix to the spaced form', () => {
  const real = readCorpus('08ASMARA546');
  const h = only(real, 'banner-malformed');
  assert.equal(h.line, lineOf(real, 'SS E C R E T ASMARA'));
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.finding.fixes![0].edits[0].newText, 'S E C R E T');
  const broken = breakText(BUCHAREST, 'C O N F I D E N T I A L BUCHAREST', 'CO N F I D E N T I A L BUCHAREST');
  const b = only(broken, 'banner-malformed');
  const fixed = applyFix(broken, b.finding.fixes![0]);
  assert.ok(fixed.includes('C O N F I D E N T I A L BUCHAREST 000576'));
  assert.deepEqual(hits(fixed, 'banner-malformed'), []);
  // Written without spaces is not flagged: the FAH itself writes CONFIDENTIAL (format doc §2).
  assert.deepEqual(hits(breakText(BUCHAREST, 'C O N F I D E N T I A L BUCHAREST', 'CONFIDENTIAL BUCHAREST'), 'banner-malformed'), []);
});

test('banner-malformed: a missing serial, a 5-digit serial on a 2006 cable, SECTION 3 OF 2', () => {
  const noSerial = breakText(BUCHAREST, 'BUCHAREST 000576', 'BUCHAREST');
  assert.equal(only(noSerial, 'banner-malformed').line, lineOf(noSerial, 'C O N F I D E N T I A L BUCHAREST'));
  const short = breakText(BUCHAREST, 'BUCHAREST 000576', 'BUCHAREST 00576');
  const h = only(short, 'banner-malformed');
  assert.equal(h.covers, '00576');
  assert.equal(h.finding.fixes![0].edits[0].newText, '000576');
  const section = breakText(BUCHAREST, 'C O N F I D E N T I A L BUCHAREST', 'C O N F I D E N T I A L SECTION 03 OF 02 BUCHAREST');
  assert.equal(only(section, 'banner-malformed').covers, 'SECTION 03 OF 02');
  // Before 1995 serials had 4 or 5 digits (KHARTOUM 10657 in 1990).
  assert.deepEqual(hits(readCorpus('90KHARTOUM10657'), 'banner-malformed'), []);
});

test('class-mismatch: a paragraph raised above the banner fires at the banner, naming the paragraph and its line', () => {
  const broken = breakText(BUCHAREST, '3. (C)', '3. (S)');
  const h = only(broken, 'class-mismatch');
  assert.equal(h.finding.severity, 'error');
  assert.equal(h.line, lineOf(broken, 'C O N F I D E N T I A L BUCHAREST'));
  assert.equal(h.covers, 'C O N F I D E N T I A L');
  assert.match(h.finding.message, new RegExp(`paragraph 3 \\(line ${lineOf(broken, '3. (S)')}\\) is marked \\(S\\)`));
  const fixed = applyFix(broken, h.finding.fixes![0]);
  assert.ok(fixed.includes('S E C R E T BUCHAREST 000576'));
  assert.deepEqual(hits(fixed, 'class-mismatch'), []);
});

test('class-mismatch: a (C) paragraph in an UNCLAS cable, and a marked subject', () => {
  const unclas = breakText(KAMPALA, '2.(SBU)', '2.(C)');
  assert.match(only(unclas, 'class-mismatch').finding.message, /UNCLASSIFIED|SENSITIVE BUT UNCLASSIFIED/);
  const subject = breakText(BUCHAREST, 'SUBJECT: ADOPTIONS', 'SUBJECT: (S) ADOPTIONS');
  assert.match(only(subject, 'class-mismatch').finding.message, /the subject \(line \d+\) is marked \(S\)/);
  // Marked at or below the banner: nothing.
  assert.deepEqual(hits(breakText(MADRID, '1. (S/NF)', '1. (C)'), 'class-mismatch'), []);
});

test('banner-above-portions: every paragraph marked, none at the banner level (a warning)', () => {
  const broken = breakText(BUCHAREST, 'C O N F I D E N T I A L BUCHAREST', 'S E C R E T BUCHAREST');
  const h = only(broken, 'banner-above-portions');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.line, lineOf(broken, 'S E C R E T BUCHAREST'));
  assert.equal(h.finding.fixes![0].edits[0].newText, 'C O N F I D E N T I A L');
  // One unmarked paragraph: the cable is not fully marked, nothing to conclude.
  assert.deepEqual(hits(breakText(broken, '1. (U)', '1.'), 'banner-above-portions'), []);
  assert.deepEqual(hits(MADRID, 'banner-above-portions'), []);
});

test('classified-by-missing: deleting Classified By fires at paragraph 1; the fix inserts a line to fill in', () => {
  const broken = deleteLine(MADRID, 'Classified By: DCM HUGO LLORENS');
  const h = only(broken, 'classified-by-missing');
  assert.equal(h.finding.severity, 'error');
  assert.equal(h.line, lineOf(broken, '1. (S/NF) Based on'));
  const fix = h.finding.fixes![0];
  assert.equal(fix.preferred, undefined); // a template, never applied by fix-all
  const fixed = applyFix(broken, fix);
  assert.ok(fixed.includes('Classified By: [NAME, TITLE], reasons 1.4 ([a-h])\n\n1. (S/NF) Based on'));
  assert.deepEqual(hits(fixed, 'classified-by-missing'), []);
  // The placeholder is still flagged until the reasons are filled in.
  assert.equal(hits(fixed, 'classified-by-reason').length, 1);
  // Unclassified cables need none.
  assert.deepEqual(hits(KAMPALA, 'classified-by-missing'), []);
});

test('classified-by-missing: a 2002 cable gets section 1.5 in the template; pre-1995 cables are not checked', () => {
  const broken = deleteLine(MADRID, 'Classified By: DCM HUGO LLORENS');
  const h = only(broken, 'classified-by-missing', { date: { year: 2002, month: 5, day: 1 } });
  assert.match(h.finding.fixes![0].edits[0].newText, /reasons 1\.5 /);
  assert.deepEqual(hits(broken, 'classified-by-missing', { date: { year: 1990, month: 5, day: 1 } }), []);
});

test('classified-by-reason: a letter outside a-h, no letters, (h) under 1.5; a real `X6`', () => {
  const k = breakText(MADRID, '1.4 (B) AND (C)', '1.4 (B) AND (K)');
  const h = only(k, 'classified-by-reason');
  assert.equal(h.covers, 'K');
  assert.equal(h.line, lineOf(k, 'Classified By'));
  const none = breakText(MADRID, ' FOR REASONS 1.4 (B) AND (C)', '');
  assert.match(only(none, 'classified-by-reason').finding.message, /gives no reason/);
  const h15 = breakText(MADRID, '1.4 (B) AND (C)', '1.5 (B) AND (H)');
  assert.equal(only(h15, 'classified-by-reason').covers, 'H');
  const real = readCorpus('03ANKARA2521'); // real: `Reasons: 1.5 (b, d, X6).`
  assert.equal(only(real, 'classified-by-reason').covers, 'X');
  // Derivative classification cites its source, not reasons.
  assert.deepEqual(hits(readCorpus('09STATE67105'), 'classified-by-reason'), []);
});

test('classified-by-section: 1.5 on a 2007 cable, 1.4 and (h) on a 2002 cable, no section at all', () => {
  const old = breakText(MADRID, '1.4 (B) AND (C)', '1.5 (B) AND (C)');
  const h = only(old, 'classified-by-section');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.covers, '1.5');
  assert.equal(applyFix(old, h.finding.fixes![0]).includes('1.4 (B) AND (C)'), true);
  const early = { date: { year: 2002, month: 5, day: 1 } };
  assert.equal(only(MADRID, 'classified-by-section', early).covers, '1.4');
  const wmd = breakText(MADRID, '1.4 (B) AND (C)', '1.4 (B) AND (H)');
  assert.equal(hits(wmd, 'classified-by-section', early).length, 2); // 1.4 before 2003, and (h)
  assert.deepEqual(hits(wmd, 'classified-by-section'), []); // fine in 2007
  const bare = breakText(MADRID, '1.4 (B) AND (C)', '(B) AND (C)');
  assert.match(only(bare, 'classified-by-section').finding.message, /cite no section: write `1\.4 \(b, c\)`/);
});

test('classified-by-on-unclassified: a Classified By line on an UNCLAS cable; the fix removes the line', () => {
  const broken = breakText(KAMPALA, 'E.O. 12958: N/A', 'E.O. 12958: N/A\nClassified By: DCM X Y, reasons 1.4 (b)');
  const h = only(broken, 'classified-by-on-unclassified');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.line, lineOf(broken, 'Classified By: DCM X Y'));
  const fixed = applyFix(broken, h.finding.fixes![0]);
  assert.ok(!fixed.includes('Classified By'));
  assert.equal(parse(fixed).classifiedBy, undefined);
});

test('caption-conflict: SIPDIS with EXDIS or NODIS', () => {
  const seed = readSeed();
  const broken = breakText(seed, 'DEPT FOR EUR/CARC', 'EXDIS\n\nDEPT FOR EUR/CARC');
  const h = only(broken, 'caption-conflict');
  assert.equal(h.finding.severity, 'error');
  assert.equal(h.covers, 'EXDIS');
  assert.equal(h.line, lineOf(broken, 'EXDIS'));
  assert.deepEqual(hits(breakText(broken, 'SIPDIS\n\nSIPDIS', 'NOFORN'), 'caption-conflict'), []);
});
