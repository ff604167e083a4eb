// Paragraph rules on real cables, unbroken and broken the way drafters break them:
// numbering, malformed numbers, single paragraphs, portion markings, lettering.
import { applyEdits } from '../../server/src/features/fixall';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../server/src/parse';
import { ALL_RULES } from '../../server/src/rules';
import { nearestMarking, numberingIssues, paragraphRules, renumberParagraphs } from '../../server/src/rules/paragraphs';
import { corpusNames, readCorpus, readSeed } from '../parse/fixtures';
import { allFindings, applyFix, breakText, hits, lineOf, only } from './lint-helpers';

const RULES = paragraphRules.map((r) => r.id);

// C O N F I D E N T I A L SECTION 01 OF 02 ALGIERS 000085: paragraphs 1-5, all (C), hard-wrapped.
const ALGIERS = readCorpus('08ALGIERS85');
// UNCLAS, unmarked paragraphs; a web preview `1. ...` and a second copy numbered from 1 again.
const MINSK = readCorpus('05MINSK851');
// UNCLAS (no SENSITIVE caption), paragraphs 1-10 (U) and 11 (SBU).
const BRASILIA = readCorpus('05BRASILIA1325');

function noFindings(name: string, text: string): void {
  for (const rule of RULES)
    assert.deepEqual(
      hits(text, rule).map((h) => `${h.line}: ${h.finding.message}`),
      [],
      `${name} ${rule}`,
    );
}

test('the seed and the unbroken cables draw no paragraph finding', () => {
  noFindings('seed', readSeed());
  noFindings('ALGIERS', ALGIERS);
  noFindings('MINSK', MINSK);
  noFindings('BRASILIA', BRASILIA);
});

test('every rule has its family, a severity by §14 and a summary', () => {
  const severity = Object.fromEntries(paragraphRules.map((r) => [r.id, r.severity]));
  assert.deepEqual(severity, {
    'para-numbering': 'error',
    'para-number-malformed': 'warning',
    'para-single-numbered': 'information',
    'portion-mark-missing': 'error',
    'portion-mark-unknown': 'warning',
    'portion-mark-exceeds': 'error',
    'subpara-lettering': 'information',
  });
  const registered = ALL_RULES.filter((r) => r.family === 'paragraphs').map((r) => r.id);
  assert.deepEqual(registered, RULES);
});

// ---- para-numbering ------------------------------------------------------------------

test('para-numbering: a skipped number fires at the paragraph after the gap, once, saying which number was expected', () => {
  const broken = breakText(ALGIERS, '3. (C) Bajolet said the French', '4. (C) Bajolet said the French');
  // 1, 2, 4, 4, 5: the first 4 stands where 3 should be; the count goes on from there.
  const h = only(broken, 'para-numbering');
  assert.equal(h.line, 50);
  assert.equal(h.covers, '4');
  assert.equal(h.finding.severity, 'error');
  assert.match(h.finding.message, /Paragraph 4 follows paragraph 2: expected 3/);
  const deleted = breakText(ALGIERS, '3. (C) Bajolet said the French', '(C) Bajolet said the French');
  const d = only(deleted, 'para-numbering'); // 1, 2, 4, 5: one finding at 4
  assert.equal(d.line, 57);
  assert.match(d.finding.message, /Paragraph 4 follows paragraph 2: expected 3/);
});

test('para-numbering: a repeated number and a stray number fire once each', () => {
  const repeated = breakText(ALGIERS, '4. (C) Bajolet expressed', '3. (C) Bajolet expressed');
  const r = only(repeated, 'para-numbering'); // 1, 2, 3, 3, 5
  assert.equal(r.line, 57);
  assert.match(r.finding.message, /Paragraph number 3 is repeated: expected 4/);
  const stray = breakText(ALGIERS, '3. (C) Bajolet said the French', '30. (C) Bajolet said the French');
  const s = only(stray, 'para-numbering'); // 1, 2, 30, 4, 5: 30 is the only odd one
  assert.equal(s.line, 50);
  assert.match(s.finding.message, /expected 3/);
  const first = breakText(ALGIERS, '1. (C) French Ambassador', '2. (C) French Ambassador');
  const f = hits(first, 'para-numbering'); // 2, 2, 3, 4, 5
  assert.equal(f[0].line, 32);
  assert.match(f[0].finding.message, /starts at 2: expected 1/);
});

test('para-numbering: real defects are found; 02ROME1196 and 00HARARE6677 are page lines run on with paragraphs 3 and 11, not gaps', () => {
  noFindings('ROME', readCorpus('02ROME1196')); // 1-8 twice: a media-partner copy repeats the cable after its header
  const rome = parse(readCorpus('02ROME1196'));
  assert.deepEqual(
    rome.paragraphs.map((p) => p.value),
    [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8],
  );
  assert.deepEqual(
    rome.paragraphs.map((p, i) => (p.restart ? i : -1)).filter((i) => i >= 0),
    [8],
  );
  const harare = readCorpus('00HARARE6677');
  assert.deepEqual(hits(harare, 'para-numbering'), []);
  assert.deepEqual(
    parse(harare).paragraphs.map((p) => p.value),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  );
  // 08RPODUBAI49: 1, 2, 4, ... (paragraph 3 is not in the text)
  const dubai = readCorpus('08RPODUBAI49');
  const d = only(dubai, 'para-numbering');
  assert.equal(d.line, lineOf(dubai, '4. (C) During the Iran-Iraq war'));
  assert.match(d.finding.message, /expected 3/);
  // 09ISLAMABAD10: `3 (S)` then `3. (S)`
  const isl = readCorpus('09ISLAMABAD10');
  assert.equal(only(isl, 'para-numbering').line, lineOf(isl, '3. (S) Therefore'));
});

test('para-numbering: wrapped lines, numbered lists, quoted text and inline paragraphs are not paragraph numbers', () => {
  // "... on April\n2. Van den IJssel stressed": a date wrapped onto the next line.
  const hague = parse(readCorpus('04THEHAGUE868'));
  assert.deepEqual(
    hague.paragraphs.map((p) => p.value),
    [1, 2],
  );
  assert.equal(hague.paragraphs[1].marking?.value, 'S');
  // A letter quoted in paragraph 2 numbers its own paragraphs 1-7; paragraph 3 follows.
  const london = parse(readCorpus('08LONDON1115'));
  assert.deepEqual(
    london.paragraphs.map((p) => p.value),
    [1, 2, 3],
  );
  // Lists 1, 2, 3 and 1-9 inside paragraphs 5 and 7 of a TIP report.
  const reykjavik = parse(readCorpus('10REYKJAVIK31'));
  assert.deepEqual(
    reykjavik.paragraphs.map((p) => p.value),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
  // `1) (S/NF)` items under lettered sections of a tasking cable are not paragraphs.
  assert.deepEqual(
    parse(readCorpus('09STATE132349')).paragraphs.map((p) => p.value),
    [1, 2],
  );
  // Paragraphs run together on one line: `... end. 2. (C) ...`.
  assert.deepEqual(
    parse(readCorpus('08TBILISI1349')).paragraphs.map((p) => p.value),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
  for (const name of ['04THEHAGUE868', '08LONDON1115', '10REYKJAVIK31', '09STATE132349', '08TBILISI1349']) {
    assert.deepEqual(hits(readCorpus(name), 'para-numbering'), [], name);
  }
});

test('para-numbering fix and renumberParagraphs: only the numbers that change, each copy from 1, idempotent', () => {
  const broken = breakText(ALGIERS, '3. (C) Bajolet said the French', '4. (C) Bajolet said the French');
  const h = only(broken, 'para-numbering');
  const fix = h.finding.fixes![0];
  assert.equal(fix.title, 'Renumber paragraphs 1..n');
  assert.deepEqual(
    fix.edits.map((e) => [broken.slice(e.start, e.end), e.newText]),
    [['4', '3']],
  ); // the second 4 stays 4
  const fixed = applyFix(broken, fix);
  assert.equal(fixed, ALGIERS);
  assert.deepEqual(renumberParagraphs(parse(fixed)), []);
  // The second copy of MINSK starts again at 1: nothing to renumber.
  assert.deepEqual(renumberParagraphs(parse(MINSK)), []);
  const m = breakText(MINSK, '3. The banking system', '9. The banking system');
  const edits = renumberParagraphs(parse(m));
  assert.deepEqual(
    edits.map((e) => e.newText),
    ['3'],
  );
  assert.equal(applyEdits(m, edits), MINSK);
});

test('renumbering twice equals renumbering once, on every fixture and on broken copies', () => {
  for (const name of corpusNames()) {
    const text = readCorpus(name);
    for (const variant of [text, text.replace(/\n2\. /, '\n7. '), text.replace(/\n3\. /, '\n2. ')]) {
      const edits = renumberParagraphs(parse(variant));
      if (edits.length === 0 && variant !== text) continue; // the variant changed no paragraph number
      const once = parse(applyEdits(variant, edits));
      const again = renumberParagraphs(once);
      assert.deepEqual(again, [], `${name}: ${again.map((e) => once.text.slice(e.start, e.end) + '->' + e.newText).join(' ')}`);
      assert.deepEqual(numberingIssues(once), [], name);
    }
  }
});

// ---- para-number-malformed -----------------------------------------------------------------

test('para-number-malformed: `3)`, `3 (C)` and `5,` fire at the number; the fix writes `3.` and nothing else', () => {
  for (const [to, covers] of [
    ['3) (C) Bajolet said the French', '3)'],
    ['3 (C) Bajolet said the French', '3'],
    ['3, (C) Bajolet said the French', '3,'],
  ]) {
    const broken = breakText(ALGIERS, '3. (C) Bajolet said the French', to);
    assert.deepEqual(hits(ALGIERS, 'para-number-malformed'), []);
    const h = only(broken, 'para-number-malformed');
    assert.equal(h.line, 50);
    assert.equal(h.covers, covers);
    assert.equal(h.finding.severity, 'warning');
    assert.match(h.finding.message, /expected `3\.`/);
    assert.deepEqual(hits(broken, 'para-numbering'), [], `${to}: still paragraph 3`);
    assert.equal(applyFix(broken, h.finding.fixes![0]), ALGIERS.replace('3. (C) Bajolet said the French', `3.${to.slice(covers.length)}`));
  }
  // An unmarked cable: `3)` or `3,` in place of `3.` between 2 and 4 is a paragraph number.
  for (const to of ['3) The banking system', '3, The banking system']) {
    const minsk = breakText(MINSK, '3. The banking system', to);
    assert.equal(only(minsk, 'para-number-malformed').line, lineOf(minsk, to));
    assert.deepEqual(hits(minsk, 'para-numbering'), [], to);
  }
});

test('para-number-malformed: `1)` list items are not paragraph numbers', () => {
  // `1) (S/NF) HOW IS ...` under `A. (U) MENTAL STATE AND HEALTH:`
  assert.deepEqual(hits(readCorpus('09STATE132349'), 'para-number-malformed'), []);
  // a real `3 (S)` in 09ISLAMABAD10
  const isl = readCorpus('09ISLAMABAD10');
  assert.equal(only(isl, 'para-number-malformed').line, lineOf(isl, '3 (S) ISI Director'));
});

// ---- para-single-numbered -------------------------------------------------------------------

test('para-single-numbered: a one-paragraph cable numbered 1 is information; the fix removes the number and keeps the marking', () => {
  const one = ALGIERS.slice(0, ALGIERS.indexOf('2. (C) Bajolet said he understood'));
  const h = only(one, 'para-single-numbered');
  assert.equal(h.line, 32);
  assert.equal(h.finding.severity, 'information');
  const fixed = applyFix(one, h.finding.fixes![0]);
  assert.ok(
    fixed.includes('\n(C) French Ambassador Bajolet'),
    fixed.slice(fixed.indexOf('(C) French') - 5, fixed.indexOf('(C) French') + 20),
  );
  assert.deepEqual(hits(fixed, 'para-single-numbered'), []);
  assert.deepEqual(hits(fixed, 'portion-mark-missing'), []);
});

// ---- portion-mark-missing ----------------------------------------------------------------------

test('portion-mark-missing: dropping a marking in a CONFIDENTIAL cable fires at that paragraph; the fix inserts (C)', () => {
  const broken = breakText(ALGIERS, '4. (C) Bajolet expressed', '4. Bajolet expressed');
  const h = only(broken, 'portion-mark-missing');
  assert.equal(h.line, 57);
  assert.equal(h.finding.severity, 'error');
  assert.match(h.finding.message, /Paragraph 4 has no portion marking: in a CONFIDENTIAL cable/);
  assert.equal(applyFix(broken, h.finding.fixes![0]), ALGIERS);
  // `4.Bajolet` (no space): the fix puts one before the marking.
  const glued = breakText(ALGIERS, '4. (C) Bajolet expressed', '4.Bajolet expressed');
  assert.equal(applyFix(glued, only(glued, 'portion-mark-missing').finding.fixes![0]), ALGIERS);
});

test('portion-mark-missing: unclassified cables need no marking; ENTIRE TEXT, lead-ins and bullets count as marked', () => {
  assert.deepEqual(hits(MINSK, 'portion-mark-missing'), []);
  // `1. SECRET - ENTIRE TEXT.` (1990) marks every paragraph.
  assert.deepEqual(hits(readCorpus('90BAGHDAD4237'), 'portion-mark-missing'), []);
  // `1. KEY POINTS` over `-- (C) ...` bullets (Embassy Cairo).
  const cairo = readCorpus('09CAIRO1447');
  assert.deepEqual(hits(cairo, 'portion-mark-missing'), []);
  assert.equal(parse(cairo).paragraphs[0].marking?.value, 'C');
  // A real cable: `(S NF)` is not a marking (09KAMPALA679, three paragraphs).
  const kampala = readCorpus('09KAMPALA679');
  const k = hits(kampala, 'portion-mark-missing');
  assert.deepEqual(
    k.map((x) => x.line),
    [lineOf(kampala, '2. (S NF)'), 98, 147],
  );
  assert.match(k[0].finding.message, /SECRET cable .* `2\. \(S\)`/);
});

// ---- portion-mark-unknown ----------------------------------------------------------------------

test('portion-mark-unknown: (SE) and (CNF) get the nearest known marking; known caveats do not fire', () => {
  const caracas = readCorpus('09CARACAS1443'); // SECRET, paragraphs marked (SE)
  const h = hits(caracas, 'portion-mark-unknown');
  assert.equal(h.length, 5);
  assert.equal(h[0].line, lineOf(caracas, '1. (SE) Summary'));
  assert.equal(h[0].covers, '(SE)');
  assert.match(h[0].finding.message, /Did you mean \(S\)\?/);
  assert.ok(applyFix(caracas, h[0].finding.fixes![0]).includes('1. (S) Summary: On November 8'));
  const cnf = breakText(ALGIERS, '2. (C) Bajolet said', '2. (CNF) Bajolet said');
  assert.deepEqual(hits(ALGIERS, 'portion-mark-unknown'), []);
  const c = only(cnf, 'portion-mark-unknown');
  assert.equal(c.line, 46);
  assert.equal(applyFix(cnf, c.finding.fixes![0]), breakText(ALGIERS, '2. (C) Bajolet said', '2. (C/NF) Bajolet said'));
  const spelled = breakText(ALGIERS, '2. (C) Bajolet said', '2. (Confidential/REL FRA) Bajolet said');
  assert.ok(applyFix(spelled, only(spelled, 'portion-mark-unknown').finding.fixes![0]).includes('2. (C/REL FRA) Bajolet'));
  for (const ok of [
    '(C/NF)',
    '(C//NF)',
    '(C/REL UK, PAKISTAN)',
    '(C//REL TO USA, KEN, GBR//)',
    '(C/REL TO NATO/AUS)',
    '(C - ENTIRE TEXT)',
  ]) {
    assert.deepEqual(hits(breakText(ALGIERS, '2. (C) Bajolet said', `2. ${ok} Bajolet said`), 'portion-mark-unknown'), [], ok);
  }
  assert.equal(nearestMarking('SB', 'SBU'), 'SBU'); // tie between S and SBU: the cable's own level
  assert.equal(nearestMarking('XYZQ', 'C'), undefined);
});

// ---- portion-mark-exceeds ----------------------------------------------------------------------

test('portion-mark-exceeds: (S) in a CONFIDENTIAL cable fires at the marking; the fix lowers the level and keeps caveats', () => {
  const broken = breakText(ALGIERS, '2. (C) Bajolet said', '2. (S//NF) Bajolet said');
  const h = only(broken, 'portion-mark-exceeds');
  assert.equal(h.line, 46);
  assert.equal(h.covers, '(S//NF)');
  assert.equal(h.finding.severity, 'error');
  assert.match(h.finding.message, /marked \(S\/\/NF\), above the cable's classification \(CONFIDENTIAL\)/);
  assert.equal(h.finding.fixes![0].title, 'Lower the marking to (C)');
  assert.equal(applyFix(broken, h.finding.fixes![0]), breakText(ALGIERS, '2. (C) Bajolet said', '2. (C//NF) Bajolet said'));
  // A real one: 09CAIRO2011 marks paragraphs 4 and 5 (S/NF) under a CONFIDENTIAL banner.
  const cairo = readCorpus('09CAIRO2011');
  assert.deepEqual(
    hits(cairo, 'portion-mark-exceeds').map((x) => x.line),
    [28, 30],
  );
});

test('portion-mark-exceeds: (SBU) in a plain UNCLAS cable is not above it; (C) is', () => {
  assert.deepEqual(hits(BRASILIA, 'portion-mark-exceeds'), []);
  const broken = breakText(BRASILIA, '11. (SBU) Indigenous April', '11. (C) Indigenous April');
  const h = only(broken, 'portion-mark-exceeds');
  assert.equal(h.line, lineOf(broken, '11. (C) Indigenous'));
  assert.equal(h.finding.fixes![0].title, 'Lower the marking to (U)');
  // `(c)` in an upper-case copy is a list letter (`40. (c) Yes, the Netherlands ...`), as class-mismatch reads it.
  assert.deepEqual(hits(breakText(BRASILIA, '11. (SBU) Indigenous April', '11. (c) Indigenous April'), 'portion-mark-exceeds'), []);
});

// ---- subpara-lettering -------------------------------------------------------------------------

test('subpara-lettering: a skipped or repeated letter is information; headings and keyed lists are not', () => {
  const sanjose = readCorpus('09SANJOSE128'); // H. then J. in a TIP report
  const h = only(sanjose, 'subpara-lettering');
  assert.equal(h.line, lineOf(sanjose, 'J. (SBU) INVOLVEMENT'));
  assert.equal(h.finding.severity, 'information');
  assert.match(h.finding.message, /follows H: expected I/);
  // The interrogator's questions A. to H. in 08ASMARA546, broken: C. skipped, then E. repeated.
  const asmara = readCorpus('08ASMARA546');
  assert.deepEqual(hits(asmara, 'subpara-lettering'), []);
  const skipped = breakText(asmara, 'C. Which', 'D. Which');
  const s = only(skipped, 'subpara-lettering'); // D after B; the old D. follows a line cut mid-sentence, so it reads as wrapped text
  assert.equal(s.line, 86);
  assert.match(s.finding.message, /D\. follows B: expected C/);
  const repeated = breakText(asmara, 'F. What activities', 'E. What activities');
  const r = only(repeated, 'subpara-lettering');
  assert.equal(r.line, 89);
  assert.match(r.finding.message, /E\. repeats the letter before it: expected F/);
  // A list may start again at A, and a big jump is lettering keyed to another list.
  assert.deepEqual(hits(breakText(asmara, 'E. What were', 'A. What were'), 'subpara-lettering'), []);
  assert.deepEqual(hits(breakText(asmara, 'E. What were', 'R. What were'), 'subpara-lettering'), []);
  // `A. (U) ...`, `1) (S/NF)` ..., `B. (U) ...`: lettered sections with numbered questions.
  assert.deepEqual(hits(readCorpus('09STATE132349'), 'subpara-lettering'), []);
});

// ---- bad input --------------------------------------------------------------------------------

test('random fragments of cables: no rule fails, every range and edit lies inside the text', () => {
  const frag = fc.constantFrom(
    '1. ',
    '2. ',
    '3) ',
    '3 (C) ',
    '5, ',
    '(C) ',
    '(S//NF) ',
    '(SE) ',
    'A. ',
    'B. ',
    '(a) ',
    'Q. ',
    'text here ',
    'on November',
    '\n',
    '\n\n',
    '\r\n',
    '\r',
    'PAGE 02 ROME 01196 01 OF 02 082030Z ',
    'E.O. 12958: DECL: 01/01/2010\n',
    'C O N F I D E N T I A L ROME 000001\n',
    'SIPDIS\n',
    'see para',
    '. ',
    '-- ',
    'KEY POINTS ',
    '1.(C)',
    'xxxx',
    '\u00b6',
    '[1](#)',
    'END SUMMARY. ',
    'UNCLAS ROME 0001\n',
    '10. ',
    '\t',
    ' ',
    '\ufeff',
    '(SECRET - ENTIRE TEXT) ',
    'SECRET - ENTIRE TEXT. ',
  );
  fc.assert(
    fc.property(
      fc.array(frag, { maxLength: 60 }).map((a) => a.join('')),
      (text) => {
        for (const f of allFindings(text)) {
          assert.notEqual(f.rule, 'internal-error', f.message);
          if (!RULES.includes(f.rule)) continue;
          assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.rule} ${f.start}-${f.end}`);
          for (const fix of f.fixes ?? [])
            for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, fix.title);
        }
        for (const e of renumberParagraphs(parse(text))) assert.ok(/^\d+$/.test(e.newText) && e.end <= text.length);
      },
    ),
    { numRuns: 2000, seed: 42 },
  );
});
