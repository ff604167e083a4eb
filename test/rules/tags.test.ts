// Tags rules on the seed and on real cables broken the way drafters break them.
import assert from 'node:assert/strict';
import { applyFix } from './lint-helpers';
import { test } from 'node:test';
import { parse } from '../../server/src/parse/index';
import { positionAt } from '../../server/src/positions';
import { lint, type LintOptions } from '../../server/src/rules/engine';
import type { Finding } from '../../server/src/rules/types';
import { readCorpus, readSeed } from '../parse/fixtures';

const DATE: LintOptions = { date: { year: 2009, month: 6, day: 1 } };

function findings(text: string, rule: string, options: LintOptions = DATE): Finding[] {
  return lint(parse(text), options).filter((f) => f.rule === rule);
}

/** 0-based line of an offset. */
function lineOf(text: string, offset: number): number {
  return positionAt(parse(text).lines, offset).line;
}

const apply = applyFix;

/** Replaces the first `from` on the TAGS line with `to`. */
function editTags(text: string, edit: (tags: string) => string): string {
  const m = /^TAGS:[^\n]*$/m.exec(text);
  assert.ok(m, 'the cable has a TAGS line');
  return text.slice(0, m.index) + edit(m[0]) + text.slice(m.index + m[0].length);
}

const TAG_RULES = ['tags-missing', 'tags-no-subject', 'tag-unknown', 'tag-iso-code', 'tag-duplicate', 'tag-person-name'];

test('seed: RU draws tag-iso-code with RS as the fix, and nothing else in the tags family', () => {
  const seed = readSeed();
  const all = lint(parse(seed), {}).filter((f) => TAG_RULES.includes(f.rule));
  assert.deepEqual(
    all.map((f) => f.rule),
    ['tag-iso-code'],
  );
  const [ru] = all;
  assert.equal(ru.severity, 'warning');
  assert.match(ru.message, /\bRS\b/);
  assert.match(ru.message, /\bRU\b/);
  const at = seed.indexOf('[RU](#)') + 1;
  assert.deepEqual([ru.start, ru.end], [at, at + 2], 'the finding covers the code, not its [..](#) wrapper');
  assert.equal(ru.fixes?.length, 1);
  assert.deepEqual(ru.fixes![0].edits, [{ start: at, end: at + 2, newText: 'RS' }]);
  const fixed = apply(seed, ru.fixes![0]);
  assert.ok(fixed.includes('[RS](#)') && !fixed.includes('[RU](#)'));
  assert.equal(fixed, seed.replace('[RU](#)', '[RS](#)'), 'the fix changes only the code');
  assert.deepEqual(findings(fixed, 'tag-iso-code'), []);
});

test('a real cable with RU (00TASHKENT4223): tag-iso-code on that line, RS suggested', () => {
  const text = readCorpus('00TASHKENT4223');
  const [f, ...rest] = findings(text, 'tag-iso-code');
  assert.equal(rest.length, 0);
  assert.equal(text.slice(f.start, f.end), 'RU');
  assert.equal(lineOf(text, f.start), lineOf(text, text.indexOf('TAGS: PREL PTER RU')));
  assert.equal(apply(text, f.fixes![0]), text.replace('TAGS: PREL PTER RU', 'TAGS: PREL PTER RS'));
});

test('adding RU to a clean cable (08ALGIERS85) draws tag-iso-code there, and not before', () => {
  const clean = readCorpus('08ALGIERS85');
  assert.deepEqual(findings(clean, 'tag-iso-code'), []);
  const broken = editTags(clean, (t) => t + ' RU');
  const [f] = findings(broken, 'tag-iso-code');
  assert.ok(f);
  assert.equal(broken.slice(f.start, f.end), 'RU');
  assert.equal(lineOf(broken, f.start), lineOf(broken, broken.indexOf('TAGS:')));
  assert.equal(
    apply(broken, f.fixes![0]),
    editTags(clean, (t) => t + ' RS'),
  );
});

test('GE is ambiguous (Georgia GG or Germany GM): two fixes (05KABUL5181)', () => {
  const text = readCorpus('05KABUL5181');
  const [f] = findings(text, 'tag-iso-code');
  assert.equal(text.slice(f.start, f.end), 'GE');
  assert.deepEqual(
    f.fixes!.map((x) => x.edits[0].newText),
    ['GG', 'GM'],
  );
  assert.ok(
    f.fixes!.every((x) => !x.preferred),
    'neither is applied without asking',
  );
  assert.match(f.message, /GG \(Georgia\).*GM \(Germany\)/);
});

test('an unknown tag PRELL (09CAIRO2371): tag-unknown on the TAGS line with PREL as the fix', () => {
  const clean = readCorpus('09CAIRO2371');
  assert.deepEqual(findings(clean, 'tag-unknown'), []);
  const broken = editTags(clean, (t) => t.replace('TAGS: ECON', 'TAGS: PRELL ECON'));
  const found = findings(broken, 'tag-unknown');
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(broken.slice(f.start, f.end), 'PRELL');
  assert.equal(lineOf(broken, f.start), lineOf(broken, broken.indexOf('TAGS:')));
  assert.match(f.message, /PRELL.*PREL\?/);
  assert.deepEqual(
    f.fixes!.map((x) => x.title),
    ['Replace PRELL with PREL'],
  );
  const fixed = apply(broken, f.fixes![0]);
  assert.equal(
    fixed,
    editTags(clean, (t) => t.replace('TAGS: ECON', 'TAGS: PREL ECON')),
  );
  assert.deepEqual(findings(fixed, 'tag-unknown'), []);
});

test('a typo of a subject tag (PGOC) and of a program tag (KWMM) get one-letter suggestions', () => {
  const clean = readCorpus('09CAIRO2371');
  const broken = editTags(clean, (t) => t.replace('PGOV', 'PGOC') + ' KWMM');
  const found = findings(broken, 'tag-unknown');
  assert.deepEqual(
    found.map((f) => [broken.slice(f.start, f.end), f.fixes!.map((x) => x.edits[0].newText)]),
    [
      ['PGOC', ['PGOV']],
      ['KWMM', ['KWMN']],
    ],
  );
});

test('unknown geographic codes: NA has no suggestion, NK suggests KN, EU suggests EUN; UN is an organization tag', () => {
  const clean = readCorpus('09CAIRO2371');
  const broken = editTags(clean, (t) => t + ' NA NK EU UN');
  const found = findings(broken, 'tag-unknown');
  assert.deepEqual(
    found.map((f) => [broken.slice(f.start, f.end), (f.fixes ?? []).map((x) => x.edits[0].newText)]),
    [
      ['NA', []],
      ['NK', ['KN']],
      ['EU', ['EUN']],
    ],
  );
  assert.match(found[0].message, /FIPS 10-4/);
});

test('run-together codes are separated (08THEHAGUE553: KNNPMNUC)', () => {
  const text = readCorpus('08THEHAGUE553');
  const [f, ...rest] = findings(text, 'tag-unknown');
  assert.equal(rest.length, 0);
  assert.equal(text.slice(f.start, f.end), 'KNNPMNUC');
  assert.match(f.message, /KNNP \+ MNUC/);
  assert.equal(apply(text, f.fixes![0]), text.replace('KNNPMNUC', 'KNNP MNUC'));
});

test('run-together codes on a comma-separated line are separated with a comma (09CAIRO1691)', () => {
  const text = readCorpus('09CAIRO1691');
  const [f] = findings(text, 'tag-unknown');
  assert.equal(text.slice(f.start, f.end), 'ECONEFIN');
  const tags = parse(text).tags!;
  assert.equal(f.fixes![0].edits[0].newText, tags.commas ? 'ECON, EFIN' : 'ECON EFIN');
});

test("a person's name after OVIP is not an unknown tag (09BEIJING2964: OVIP STEINBERG JAMES)", () => {
  const text = readCorpus('09BEIJING2964');
  assert.ok(text.includes('TAGS: OVIP STEINBERG JAMES PREL'));
  assert.deepEqual(findings(text, 'tag-unknown'), []);
  assert.deepEqual(findings(text, 'tag-person-name'), []);
  // The same words without the person tag in front are still not codes: long words are free text.
  const noVip = text.replace('OVIP STEINBERG JAMES', 'STEINBERG JAMES');
  assert.deepEqual(findings(noVip, 'tag-unknown'), []);
  // ...but a 4-letter code-shaped word right after the tags is reported.
  const typo = text.replace('OVIP STEINBERG JAMES PREL', 'OVIP STEINBERG JAMES PRLE');
  assert.deepEqual(
    findings(typo, 'tag-unknown').map((f) => typo.slice(f.start, f.end)),
    ['PRLE'],
  );
});

test('OVIP (VANCE, CYRUS) and free words (IRAQI FREEDOM) draw no tag-unknown', () => {
  const clean = readCorpus('09CAIRO2371');
  const text = editTags(clean, (t) => t.replace('TAGS: ECON', 'TAGS: OVIP (VANCE, CYRUS) ECON') + ' IRAQI FREEDOM');
  assert.deepEqual(findings(text, 'tag-unknown'), []);
  assert.deepEqual(findings(text, 'tag-person-name'), []);
});

test('tag-person-name: OTRA and OVIP with no name after them (08SANJOSE610)', () => {
  const text = readCorpus('08SANJOSE610');
  assert.ok(text.includes('TAGS: PREL OTRA OVIP KSEP'));
  const found = findings(text, 'tag-person-name');
  assert.deepEqual(
    found.map((f) => text.slice(f.start, f.end)),
    ['OTRA', 'OVIP'],
  );
  assert.equal(found[0].severity, 'information');
  const named = text.replace('OTRA OVIP KSEP', 'OTRA SHANNON THOMAS OVIP (RICE, CONDOLEEZZA) KSEP');
  assert.deepEqual(findings(named, 'tag-person-name'), []);
});

test('extraTags: a post program tag from the configuration is known', () => {
  const clean = readCorpus('09CAIRO2371');
  const text = editTags(clean, (t) => t + ' KXYZ');
  assert.equal(findings(text, 'tag-unknown').length, 1);
  assert.deepEqual(findings(text, 'tag-unknown', { ...DATE, extraTags: ['kxyz'] }), []);
});

test('tag-duplicate: a code listed twice; the fix removes the second with its separator (08ALGIERS85)', () => {
  const clean = readCorpus('08ALGIERS85');
  assert.deepEqual(findings(clean, 'tag-duplicate'), []);
  const broken = editTags(clean, (t) => t.replace('TAGS: PREL PGOV', 'TAGS: PREL PGOV PREL'));
  const [f, ...rest] = findings(broken, 'tag-duplicate');
  assert.equal(rest.length, 0);
  assert.equal(f.start, broken.indexOf('PREL', broken.indexOf('PGOV')));
  assert.equal(lineOf(broken, f.start), lineOf(broken, broken.indexOf('TAGS:')));
  assert.equal(apply(broken, f.fixes![0]), clean);
});

test('tag-duplicate with commas, and several repeats fixed at once (09CAIRO2371)', () => {
  const clean = readCorpus('09CAIRO2371');
  const commas = editTags(clean, (t) => t.replace('TAGS: ECON EG ETRD PGOV', 'TAGS: ECON, EG, ETRD, EG, PGOV, ECON'));
  const found = findings(commas, 'tag-duplicate');
  assert.deepEqual(
    found.map((f) => commas.slice(f.start, f.end)),
    ['EG', 'ECON'],
  );
  assert.equal(
    apply(commas, found[0].fixes![0]),
    editTags(clean, (t) => t.replace('TAGS: ECON EG ETRD PGOV', 'TAGS: ECON, EG, ETRD, PGOV, ECON')),
  );
  const all = found[0].fixes!.find((x) => x.title === 'Remove all repeated tags')!;
  assert.equal(
    apply(commas, all),
    editTags(clean, (t) => t.replace('TAGS: ECON EG ETRD PGOV', 'TAGS: ECON, EG, ETRD, PGOV')),
  );
});

test('two OVIP tags, each with its own name, are not duplicates', () => {
  const clean = readCorpus('09CAIRO2371');
  const text = editTags(clean, (t) => t + ' OVIP CLINTON HILLARY OVIP STEINBERG JAMES');
  assert.deepEqual(findings(text, 'tag-duplicate'), []);
  assert.deepEqual(findings(text, 'tag-unknown'), []);
});

test('tags-missing: delete the TAGS line of 08ALGIERS85; the finding is on the E.O. line, the fix inserts one', () => {
  const clean = readCorpus('08ALGIERS85');
  assert.deepEqual(findings(clean, 'tags-missing'), []);
  const broken = clean.replace(/^TAGS:[^\n]*\n/m, '');
  const [f] = findings(broken, 'tags-missing');
  assert.equal(f.severity, 'error');
  assert.equal(lineOf(broken, f.start), lineOf(broken, broken.indexOf('E.O. 12958')));
  const fixed = apply(broken, f.fixes![0]);
  assert.ok(parse(fixed).tags, 'the inserted line is a TAGS line');
  assert.deepEqual(findings(fixed, 'tags-missing'), []);
});

test('tags-no-subject: only program and geographic tags (08SAOPAULO499-like), and not with a subject tag', () => {
  const clean = readCorpus('09CAIRO2371');
  assert.deepEqual(findings(clean, 'tags-no-subject'), []);
  const broken = editTags(clean, () => 'TAGS: KPAO EG');
  const [f] = findings(broken, 'tags-no-subject');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(broken, f.start), lineOf(broken, broken.indexOf('TAGS:')));
  // A run-together line still carries its subject tags: tag-unknown reports it, not tags-no-subject.
  assert.deepEqual(
    findings(
      editTags(clean, () => 'TAGS: ECONEG'),
      'tags-no-subject',
    ),
    [],
  );
});

test('TAGS run on after the DECL date without a colon (`TAG PTER, PGOV, ...`) is still the TAGS line', () => {
  const clean = readCorpus('09CAIRO2371');
  const eo = parse(clean).eo!;
  const tagsLine = /^TAGS:[^\n]*\n/m.exec(clean)!;
  const runOn =
    clean.replace(tagsLine[0], '').slice(0, eo.end) + ' TAG ECON, EG, ETRD, PGOV' + clean.replace(tagsLine[0], '').slice(eo.end);
  const cable = parse(runOn);
  assert.deepEqual(
    cable.tags?.tags.map((t) => t.code),
    ['ECON', 'EG', 'ETRD', 'PGOV'],
  );
  assert.deepEqual(findings(runOn, 'tags-missing'), []);
});

test('a second TAGS line (a repeated header) is not read as more tags (05VIENNA3833 has one TAGS line; doubled here)', () => {
  const clean = readCorpus('05VIENNA3833');
  const m = /^TAGS:[^\n]*$/m.exec(clean)!;
  const doubled = clean.replace(/^SUBJECT:/m, `${m[0]}\nSUBJECT:`);
  assert.equal(parse(doubled).tags!.tags.length, parse(clean).tags!.tags.length);
  assert.deepEqual(findings(doubled, 'tag-duplicate'), []);
});
