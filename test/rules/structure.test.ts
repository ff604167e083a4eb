// Structure rules (SUBJECT, REF, SUMMARY/COMMENT, web-copy artifacts) on the seed
// and on real cables broken the way drafters break them.
import assert from 'node:assert/strict';
import { applyFix } from './lint-helpers';
import { test } from 'node:test';
import { parse } from '../../server/src/parse/index';
import { positionAt } from '../../server/src/positions';
import { lint, type LintOptions } from '../../server/src/rules/engine';
import type { Finding } from '../../server/src/rules/types';
import { readCorpus, readSeed } from '../parse/fixtures';

const DATE: LintOptions = { date: { year: 2009, month: 6, day: 1 } };

function findings(text: string, rule: string): Finding[] {
  return lint(parse(text), DATE).filter((f) => f.rule === rule);
}

function lineOf(text: string, offset: number): number {
  return positionAt(parse(text).lines, offset).line;
}

const apply = applyFix;

/** Offset of the n-th occurrence (0-based) of `s`. */
function nth(text: string, s: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(s, i + 1);
    assert.ok(i >= 0, `"${s}" occurs ${n + 1} times`);
  }
  return i;
}

const STRUCTURE_RULES = ['subject-missing', 'ref-undefined', 'ref-lettering', 'block-unclosed', 'web-artifact'];

test('seed: only web-artifact findings in the structure family (its refs a and b are defined, its last-paragraph comment needs no END)', () => {
  const seed = readSeed();
  const rules = new Set(
    lint(parse(seed), DATE)
      .filter((f) => STRUCTURE_RULES.includes(f.rule))
      .map((f) => f.rule),
  );
  assert.deepEqual([...rules], ['web-artifact']);
  // "delivered ref a points" and "(ref b)" are citations, lower case included.
  assert.deepEqual(
    parse(seed).refMentions.map((m) => m.letters.map((l) => l.text).join('')),
    ['a', 'b'],
  );
});

// ---- subject-missing ----------------------------------------------------------

test('subject-missing: delete the SUBJECT of 08ALGIERS85; found on the TAGS line; the fix inserts a SUBJECT line', () => {
  const clean = readCorpus('08ALGIERS85');
  assert.deepEqual(findings(clean, 'subject-missing'), []);
  const subject = parse(clean).subject!;
  const lineEnd = clean.indexOf('\n', subject.end);
  const broken = clean.slice(0, subject.start) + clean.slice(lineEnd + 1);
  const [f, ...rest] = findings(broken, 'subject-missing');
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(broken, f.start), lineOf(broken, broken.indexOf('TAGS:')));
  const fixed = apply(broken, f.fixes![0]);
  assert.ok(parse(fixed).subject, 'the inserted line is a SUBJECT line');
  assert.deepEqual(findings(fixed, 'subject-missing'), []);
});

test('subject-missing on a real cable that has none (07KAMPALA1752)', () => {
  const text = readCorpus('07KAMPALA1752');
  assert.ok(!/^SUBJ/im.test(text));
  assert.equal(findings(text, 'subject-missing').length, 1);
});

// ---- ref-undefined ----------------------------------------------------------------

test('ref-undefined: cite ref C in 05TASHKENT284, whose REF has only A and B', () => {
  const clean = readCorpus('05TASHKENT284');
  assert.deepEqual(
    parse(clean).refs!.items.map((i) => i.letter),
    ['A', 'B'],
  );
  assert.deepEqual(findings(clean, 'ref-undefined'), []);
  const at = nth(clean, '(Ref B)');
  const broken = clean.slice(0, at) + '(Ref C)' + clean.slice(at + 7);
  const [f, ...rest] = findings(broken, 'ref-undefined');
  assert.equal(rest.length, 0);
  assert.equal(f.start, at + 5, 'the finding covers the letter');
  assert.equal(broken.slice(f.start, f.end), 'C');
  assert.equal(lineOf(broken, f.start), lineOf(clean, at));
  assert.match(f.message, /Ref C.*only A and B/);
});

test('ref-undefined: the seed with "(ref c)" in paragraph 2', () => {
  const seed = readSeed();
  const broken = seed.replace('(ref b)', '(ref c)');
  const [f] = findings(broken, 'ref-undefined');
  assert.equal(broken.slice(f.start, f.end), 'c');
  assert.equal(lineOf(broken, f.start), lineOf(broken, broken.indexOf('2. (C) Khalafov')));
});

test('ref-undefined on a real cable: refs B and D with REF A to C (06BRASILIA1910)', () => {
  const text = readCorpus('06BRASILIA1910');
  const found = findings(text, 'ref-undefined');
  assert.ok(found.length >= 1);
  assert.ok(found.every((f) => text.slice(f.start, f.end).toUpperCase() === 'D'));
});

test('ref-undefined: "reftel" with the REF block deleted (00THEHAGUE1695), not before', () => {
  const clean = readCorpus('00THEHAGUE1695');
  assert.deepEqual(findings(clean, 'ref-undefined'), []);
  const refs = parse(clean).refs!;
  const broken = clean.slice(0, refs.start) + clean.slice(clean.indexOf('\n', refs.end) + 1);
  assert.equal(parse(broken).refs, undefined);
  const found = findings(broken, 'ref-undefined');
  assert.ok(found.length >= 1);
  assert.match(broken.slice(found[0].start, found[0].end), /^REFTELS?$/i);
  assert.match(found[0].message, /no REF line/);
});

test('ref-undefined stays quiet on REF forms real cables use: "Ref A:"/"Ref B:" lines, unlettered lists', () => {
  // 06REYKJAVIK120: `Ref A: Reykjavik 107` and `Ref B: Reykjavik 108` on their own lines.
  const reyk = readCorpus('06REYKJAVIK120');
  assert.deepEqual(
    parse(reyk).refs!.items.map((i) => [i.letter, i.target.text]),
    [
      ['A', 'Reykjavik 107'],
      ['B', 'Reykjavik 108'],
    ],
  );
  assert.deepEqual(findings(reyk, 'ref-undefined'), []);
  // 09CARACAS1551: `REF: CARACAS 1374; CARACAS 1256`, cited as Ref B: implicit letters, nothing to check.
  const caracas = readCorpus('09CARACAS1551');
  assert.ok(parse(caracas).refMentions.some((m) => m.letters.some((l) => l.text.toUpperCase() === 'B')));
  assert.deepEqual(findings(caracas, 'ref-undefined'), []);
});

test('REF parsing: run-in items with and without spaces, and a wrapped line that starts the next item', () => {
  const seed = readSeed();
  const variants: [string, string[]][] = [
    ['REF: (A)STATE 175414 (NOTAL), (B)ISLAMABAD 5601', ['A', 'B']],
    ['REF: A)STATE 158768, B) SAN JOSE 1061', ['A', 'B']],
    ['REF: A) 08 SAN JOSE 911  B) 08 STATE 132759  C) 08 SAN JOSE 194  D)\n08 SAN JOSE 833  E) 08 STATE 93829', ['A', 'B', 'C', 'D', 'E']],
    ['REF: REF A: BOGOTA2629; REF B: BOGOTA2050', ['A', 'B']],
    ['REF: A. REF: LAGOS 066\n     B. 08 LAGOS 479', ['A', 'B']],
    ['REF: A. STATE 14201B. GENEVA 133', ['A', 'B']],
    ["REF A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS\nREF B SECSTATE 76108", ['A', 'B']],
  ];
  const block = /^REF: A\. STATE 14840\n\n\[1\]\(#\)B\. BAKU 129$/m;
  assert.ok(block.test(seed));
  for (const [ref, letters] of variants) {
    const cable = parse(seed.replace(block, ref));
    assert.deepEqual(
      cable.refs!.items.map((i) => i.letter),
      letters,
      ref,
    );
    assert.ok(
      cable.refs!.items.every((i) => i.target.text.length > 0 && !/^REF/i.test(i.target.text)),
      ref,
    );
  }
});

// ---- ref-lettering -----------------------------------------------------------------

test('ref-lettering: B relettered C in the seed; the fix puts B back', () => {
  const seed = readSeed();
  assert.deepEqual(findings(seed, 'ref-lettering'), []);
  const broken = seed.replace('[1](#)B. BAKU 129', '[1](#)C. BAKU 129');
  const [f] = findings(broken, 'ref-lettering');
  assert.equal(f.severity, 'information');
  assert.equal(broken.slice(f.start, f.end), 'C.');
  assert.match(f.message, /should be B/);
  assert.equal(apply(broken, f.fixes![0]), seed);
});

// ---- block-unclosed ------------------------------------------------------------------

test('block-unclosed: delete "End Comment" of paragraph 5 of 03THEHAGUE2163 (paragraph 6 follows)', () => {
  const clean = readCorpus('03THEHAGUE2163');
  assert.deepEqual(findings(clean, 'block-unclosed'), []);
  const broken = clean.replace('than other Dutch Ministers. End Comment', 'than other Dutch Ministers.');
  const [f, ...rest] = findings(broken, 'block-unclosed');
  assert.equal(rest.length, 0);
  assert.equal(broken.slice(f.start, f.end), 'Comment');
  assert.equal(lineOf(broken, f.start), lineOf(broken, broken.indexOf('5. (U) Comment:')));
  assert.match(f.message, /END COMMENT/);
});

test('block-unclosed: an END COMMENT with no opening (03THEHAGUE2163 with its "Comment:" made a "Note:")', () => {
  const clean = readCorpus('03THEHAGUE2163');
  const broken = clean.replace('5. (U) Comment:', '5. (U) Note:');
  const [f] = findings(broken, 'block-unclosed');
  assert.equal(broken.slice(f.start, f.end), 'End Comment');
  assert.match(f.message, /never opened/);
});

test('block markers: headings alone on their line, `Summary and` / `comment:` over two lines, and "for / comment." in prose', () => {
  const clean = readCorpus('03THEHAGUE2163');
  const para5 = '5. (U) Comment: Laurens Jan Brinkhorst';
  // `Comment: Going Forward` alone on its line, a blank line after it: a heading, not a block to close.
  const heading = clean
    .replace('than other Dutch Ministers. End Comment', 'than other Dutch Ministers.')
    .replace(para5, 'Comment: Going Forward\n\n5. (U) Laurens Jan Brinkhorst');
  assert.ok(parse(heading).blocks.some((b) => b.kind === 'comment' && b.heading));
  assert.deepEqual(findings(heading, 'block-unclosed'), []);
  // A wrapped sentence that ends in the word: "asked the Embassy for" / "comment." is prose.
  const prose = clean
    .replace(para5, '5. (U) The press asked the Embassy for\ncomment. Laurens Jan Brinkhorst')
    .replace('Ministers. End Comment', 'Ministers.');
  assert.ok(!parse(prose).blocks.some((b) => b.kind === 'comment' && b.open?.text === 'comment'));
  // "End summary and" / "comment." closes; it does not open a comment.
  const seed = readSeed();
  const wrapped = seed
    .replace('1. (C) DCM delivered', '1. (C) Summary: DCM delivered')
    .replace('does not intend to recognize Abkhazia.', 'does not intend to recognize Abkhazia. End summary and\ncomment.');
  assert.ok(!parse(wrapped).blocks.some((b) => b.kind === 'comment' && b.open?.text === 'comment'));
});

test('block-unclosed stays quiet: last-paragraph comment, section heading, parenthesized comment, wrapped END', () => {
  // The seed's comment is its last paragraph: nothing follows that could be mistaken for it.
  const seed = readSeed();
  assert.ok(seed.includes('3. (C) Comment:') && !/END COMMENT/i.test(seed));
  assert.deepEqual(findings(seed, 'block-unclosed'), []);
  // 02VATICAN3692: `-------\nCOMMENT\n-------` is a heading.
  const vat = parse(readCorpus('02VATICAN3692'));
  assert.ok(vat.blocks.some((b) => b.kind === 'comment' && b.heading));
  assert.deepEqual(findings(readCorpus('02VATICAN3692'), 'block-unclosed'), []);
  // 04SAOPAULO493: `(COMMENT: ... End Comment.)`, and `9. (C) Comment. ... End Comment.` run on in one line.
  assert.deepEqual(findings(readCorpus('04SAOPAULO493'), 'block-unclosed'), []);
  // 08THEHAGUE553: `... END` / `SUMMARY.` wrapped over two lines.
  assert.deepEqual(
    parse(readCorpus('08THEHAGUE553')).blocks.map((b) => [b.kind, !!b.open, b.close?.text.replace(/\s+/g, ' ')]),
    [['summary', true, 'END SUMMARY']],
  );
});

// ---- web-artifact ---------------------------------------------------------------------

test('web-artifact: the seed has one finding per line; "Strip all" leaves a plain cable', () => {
  const seed = readSeed();
  const found = findings(seed, 'web-artifact');
  const tagsLine = lineOf(seed, seed.indexOf('TAGS:'));
  assert.deepEqual(
    found.map((f) => lineOf(seed, f.start)),
    [tagsLine, lineOf(seed, seed.indexOf('[1](#)B.')), ...[1, 2, 3].map((n) => lineOf(seed, seed.indexOf(`[1](#)${n}. (C)`)))],
  );
  assert.ok(found.every((f) => f.severity === 'information'));
  const tags = found[0];
  assert.equal(seed.slice(tags.start, tags.end), '[PREL](#) [PBTS](#) [GG](#) [RU](#) [YI](#) [AJ](#)');
  // The line fix touches only its own line.
  const lineFixed = apply(seed, tags.fixes![0]);
  assert.ok(lineFixed.includes('TAGS: PREL PBTS GG RU YI AJ  \n'));
  assert.ok(lineFixed.includes('[1](#)1. (C)'));
  const all = tags.fixes!.find((x) => x.title === 'Strip all web-copy artifacts')!;
  const plain = apply(seed, all);
  assert.ok(!plain.includes('](#)'));
  assert.ok(plain.includes('\nB. BAKU 129\n') && plain.includes('\n1. (C) DCM delivered'));
  assert.deepEqual(findings(plain, 'web-artifact'), []);
  // The plain cable reads the same: same tags, refs and paragraphs.
  const [a, b] = [parse(seed), parse(plain)];
  assert.deepEqual(
    b.tags!.tags.map((t) => t.code),
    a.tags!.tags.map((t) => t.code),
  );
  assert.deepEqual(
    b.refs!.items.map((i) => i.letter),
    a.refs!.items.map((i) => i.letter),
  );
  assert.deepEqual(
    b.paragraphs.map((p) => p.value),
    a.paragraphs.map((p) => p.value),
  );
});

test('web-artifact: pilcrows in a real REF block (08STOCKHOLM257)', () => {
  const text = readCorpus('08STOCKHOLM257');
  const found = findings(text, 'web-artifact');
  assert.ok(found.length >= 1);
  for (const f of found) assert.equal(text.slice(f.start, f.end), '¶');
  const plain = apply(text, found[0].fixes!.find((x) => x.title === 'Strip all web-copy artifacts') ?? found[0].fixes![0]);
  assert.ok(!plain.includes('¶'));
  assert.deepEqual(
    parse(plain).refs!.items.map((i) => i.letter),
    parse(text).refs!.items.map((i) => i.letter),
  );
});

test('ref-undefined: `REF VIENTIANE 1561` without a colon is the REF line of a 1976 printout (1976VIENTI02015)', () => {
  const text = readCorpus('1976VIENTI02015');
  const refs = parse(text).refs!;
  assert.ok(refs, 'the REF line is read');
  assert.deepEqual(
    refs.items.map((i) => i.target.text),
    ['VIENTIANE 1561'],
  );
  assert.deepEqual(findings(text, 'ref-undefined'), []);
  // With the line gone, `AS REPORTED REFTEL` has nothing to point to.
  const broken = text.replace('REF VIENTIANE 1561\n', '');
  assert.equal(findings(broken, 'ref-undefined').length, 1);
  // `REF PARA 2` and prose after REF are not a REF line.
  assert.equal(parse(text.replace('REF VIENTIANE 1561', 'REF PARA 2 OF THE NOTE')).refs, undefined);
});
