// Transmission-header rules on a real cable (07MADRID1805): PP prosign, DE #1805
// filed on day 261, ZNY SSSSS, P 180756Z SEP 07, banner S E C R E T MADRID 001805.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus, readSeed } from '../parse/fixtures';
import { applyFix, breakText, hits, lineOf, only } from './lint-helpers';

const MADRID = readCorpus('07MADRID1805');
const RULES = ['header-precedence', 'header-dtg-invalid', 'header-security-mismatch', 'header-de-serial', 'header-julian'];

test('the unbroken cable and the seed draw no header finding', () => {
  for (const [name, text] of [
    ['MADRID', MADRID],
    ['seed', readSeed()],
  ]) {
    for (const rule of RULES) assert.deepEqual(hits(text, rule), [], `${name} ${rule}`);
  }
});

test('header-security-mismatch: ZNY SSSSS changed to CCCCC under a SECRET banner', () => {
  const broken = breakText(MADRID, 'ZNY SSSSS ZZH', 'ZNY CCCCC ZZH');
  const h = only(broken, 'header-security-mismatch');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.line, lineOf(broken, 'ZNY CCCCC'));
  assert.match(h.finding.message, /expected ZNY SSSSS/);
  assert.ok(applyFix(broken, h.finding.fixes![0]).includes('ZNY SSSSS ZZH'));
  // ZNR goes only with unclassified traffic.
  assert.match(only(breakText(MADRID, 'ZNY SSSSS', 'ZNR SSSSS'), 'header-security-mismatch').finding.message, /expected ZNY SSSSS/);
  // The seed's CONFIDENTIAL banner raised to SECRET: the header still says CCCCC.
  const seed = breakText(readSeed(), 'C O N F I D E N T I A L BAKU', 'S E C R E T BAKU');
  assert.equal(only(seed, 'header-security-mismatch').line, lineOf(seed, 'ZNY CCCCC'));
  // A real cable whose header and text disagree.
  assert.equal(hits(readCorpus('07PARIS2725'), 'header-security-mismatch').length, 1);
});

test('header-security-mismatch: a release code (SSSAA) keeps its last two letters', () => {
  const h = only(breakText(MADRID, 'ZNY SSSSS ZZH', 'ZNY CCCAA ZZH'), 'header-security-mismatch');
  assert.match(h.finding.message, /expected ZNY SSSAA/);
  assert.deepEqual(hits(breakText(MADRID, 'ZNY SSSSS ZZH', 'ZNY SSSAA ZZH'), 'header-security-mismatch'), []);
});

test('header-precedence: a ROUTINE prosign on a PRIORITY date-time group', () => {
  const broken = breakText(MADRID, 'PP RUEHTRO', 'RR RUEHTRO');
  const h = only(broken, 'header-precedence');
  assert.equal(h.line, lineOf(broken, 'RR RUEHTRO'));
  assert.equal(h.covers, 'RR');
  assert.equal(h.finding.fixes![0].edits[0].newText, 'PP');
  // Multi-precedence `O R`: the prosign is the highest, OO.
  const multi = breakText(MADRID, 'P 180756Z SEP 07', 'O R 180756Z SEP 07');
  assert.match(only(multi, 'header-precedence').finding.message, /makes the prosign OO/);
  assert.deepEqual(hits(breakText(multi, 'PP RUEHTRO', 'OO RUEHTRO'), 'header-precedence'), []);
});

test('header-dtg-invalid: 31 September and 25:00 are not real', () => {
  const day = breakText(MADRID, 'P 180756Z SEP 07', 'P 310756Z SEP 07');
  const h = only(day, 'header-dtg-invalid');
  assert.equal(h.finding.severity, 'error');
  assert.equal(h.line, lineOf(day, 'P 310756Z'));
  assert.match(h.finding.message, /day 31 does not exist in SEP 2007/);
  assert.match(only(breakText(MADRID, 'P 180756Z SEP 07', 'P 182556Z SEP 07'), 'header-dtg-invalid').finding.message, /hour 25/);
});

test('header-de-serial: #1806 against banner serial 001805', () => {
  const broken = breakText(MADRID, 'DE RUEHMD #1805', 'DE RUEHMD #1806');
  const h = only(broken, 'header-de-serial');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(h.line, lineOf(broken, 'DE RUEHMD'));
  assert.equal(h.covers, '1806');
  assert.equal(h.finding.fixes![0].edits[0].newText, '1805');
});

test('header-julian: a filing day far from the date-time group is information; the next day is not flagged', () => {
  const broken = breakText(MADRID, '#1805 2610756', '#1805 2500756');
  const h = only(broken, 'header-julian');
  assert.equal(h.finding.severity, 'information');
  assert.equal(h.covers, '250');
  assert.deepEqual(hits(breakText(MADRID, '#1805 2610756', '#1805 2620005'), 'header-julian'), []);
});

test('header rules are silent without a header (a draft starts at the banner)', () => {
  const draft = MADRID.slice(MADRID.indexOf('S E C R E T MADRID'));
  for (const rule of RULES) assert.deepEqual(hits(draft, rule), [], rule);
});
