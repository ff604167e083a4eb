// The TAGS vocabulary by era, organisation tags apart from subject tags, State's own geographic
// usages, and spelling suggestions that are never applied without asking: on real cables and
// broken variants of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixText } from '../../server/src/cli/fix';
import { fixAllText } from '../../server/src/features/fixall';
import { parse } from '../../server/src/parse/index';
import { lint } from '../../server/src/rules/engine';
import { readCorpus } from '../parse/fixtures';
import { breakText, hits, TODAY } from './lint-helpers';

const TAG_RULES = /^tags?-/;
const tagFindings = (text: string, options = {}) => lint(parse(text), { today: TODAY, ...options }).filter((f) => TAG_RULES.test(f.rule));

test('73TEHRAN2077 (1973, TAGS: PFOR IR PK XF): PFOR is a subject tag of its era, nothing in the tags family', () => {
  const text = readCorpus('73TEHRAN2077');
  assert.deepEqual(tagFindings(text), []);
});

test('79TEHRAN8980 (1979, TAGS: PEPR IR): PEPR is a subject tag of its era', () => {
  assert.deepEqual(tagFindings(readCorpus('79TEHRAN8980')), []);
});

test('a 1970s subject tag on a cable of 2008 is reported for its era, naming the date and its source', () => {
  const text = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PFOR PGOV KDEM FR AG');
  const [f, ...rest] = hits(text, 'tag-unknown');
  assert.equal(rest.length, 0);
  assert.equal(f.covers, 'PFOR');
  assert.match(f.finding.message, /earlier era \(on cables of 1973-1975\), in no list of tags from 2000 on/);
  assert.match(f.finding.message, /25 January 2008, from the date-time group R 251117Z JAN 08/);
  assert.equal(f.finding.fixes, undefined, 'no guessed replacement');
  // The era tag is still a subject tag: tags-no-subject does not report the line a second time.
  const alone = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PFOR FR AG');
  assert.deepEqual(hits(alone, 'tags-no-subject'), []);
});

test('an era tag is reported only when every year of the cable is after its era', () => {
  const text = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PINT FR AG');
  assert.deepEqual(hits(text, 'tag-unknown', { date: { year: 1975, month: 3, day: 4 } }), [], 'a cable of 1975');
  assert.deepEqual(hits(text, 'tag-unknown', { date: { year: 1992, month: 3, day: 4 } }), [], 'before 2000 the lists do not speak');
  assert.equal(hits(text, 'tag-unknown', { date: { year: 2001, month: 1, day: 1 } }).length, 1);
  // A draft (no date-time group) is checked against today.
  const draft = breakText(text, 'R 251117Z JAN 08\n', '');
  assert.equal(parse(draft).date, undefined);
  assert.equal(hits(draft, 'tag-unknown').length, 1);
});

test('organisation tags are not read as subject tags: APEC, SADC, OPCW', () => {
  const base = readCorpus('08ALGIERS85');
  const apec = breakText(base, 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: ECON APEC CH');
  assert.deepEqual(tagFindings(apec), [], 'APEC is no misspelt APER or ASEC');
  const opcw = breakText(base, 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PARM OPCW LY'); // 08TRIPOLI466
  assert.deepEqual(tagFindings(opcw), []);
  // An organisation tag is no subject tag: a line of organisations and countries has none.
  const sadc = breakText(base, 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: SADC ZI');
  assert.deepEqual(
    tagFindings(sadc).map((f) => f.rule),
    ['tags-no-subject'],
  );
  // Program tags are a closed list: an unlisted K-code is still reported.
  const k = breakText(base, 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PREL KXYZ FR');
  assert.deepEqual(
    hits(k, 'tag-unknown').map((h) => h.covers),
    ['KXYZ'],
  );
  // A typo of a subject tag is still a typo.
  const typo = breakText(base, 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PRLE PGOV KDEM FR AG');
  assert.deepEqual(
    hits(typo, 'tag-unknown').map((h) => h.covers),
    ['PRLE'],
  );
});

test("State's own geographic usages: SR (Embassy Belgrade), TC (Embassy Abu Dhabi), VZ (nine posts) are not unknown; others still are", () => {
  // 03ABUDHABI2641: `TAGS PREL, EPET, EAID, PGOV, JO, MO, SA, KU, TC`.
  assert.deepEqual(tagFindings(readCorpus('03ABUDHABI2641')), []);
  // 09BELGRADE399: `TAGS PREL, KWAC, SR`.
  const sr = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS PREL, KWAC, SR');
  assert.deepEqual(tagFindings(sr), []);
  // VZ for Venezuela: 31 cables of 9 posts (Embassy Caracas itself mostly writes VE).
  const vz = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PREL PGOV SP VZ'); // 05MADRID2653
  assert.deepEqual(tagFindings(vz), []);
  // NA: one Curacao cable and three posts, in no sense the corpus agrees on: still unknown.
  const na = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PREL PARM MNUC KNNP IR CA NA'); // 09OTTAWA627
  assert.deepEqual(
    hits(na, 'tag-unknown').map((h) => h.covers),
    ['NA'],
  );
});

test('tag spelling corrections are guesses: offered, never preferred, not applied by Fix All or cable-lint --fix', () => {
  const text = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PREL PARMS KDEM FR AG');
  const [f] = hits(text, 'tag-unknown').map((h) => h.finding);
  assert.deepEqual(
    f.fixes?.map((x) => [x.title, x.preferred]),
    [['Replace PARMS with PARM', false]],
  );
  const check = (t: string) => lint(parse(t), { today: TODAY });
  assert.ok(fixAllText(text, check).text.includes('TAGS: PREL PARMS KDEM FR AG'), 'Fix All leaves the guess to the drafter');
  assert.ok(fixText(text, check).text.includes('TAGS: PREL PARMS KDEM FR AG'), '--fix leaves the guess to the drafter');
  // The same holds for a geographic code with a guessed right code (NK for KN).
  const nk = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: UNSC NK CS');
  const [g] = hits(nk, 'tag-unknown').map((h) => h.finding);
  assert.equal(g.fixes?.[0].title, 'Replace NK with KN');
  assert.equal(g.fixes?.[0].preferred, false);
});

test('before the lists (2000): a code of the shape of a tag that no list has is a tag of its era, not judged', () => {
  // 1975STATE133602 writes `TAGS: UN, EGEN` (an economic subject tag of 1975 in no list of the 2000s).
  const line = (text: string) => breakText(text, 'TAGS: EAIR, JA', 'TAGS: UN, EGEN');
  const old = line(readCorpus('1977STATE055011'));
  assert.deepEqual(tagFindings(old), [], 'EGEN on a cable of 1977 stands for its subject tag');
  // UR (the Soviet Union's FIPS code of the time) on the same cable: not judged by today's FIPS list.
  assert.deepEqual(tagFindings(breakText(readCorpus('1977STATE055011'), 'TAGS: EAIR, JA', 'TAGS: EAIR, UR')), []);
  // The same words on a cable of 2008 are judged by the lists.
  const late = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: UN, EGEN, UR');
  assert.deepEqual(
    tagFindings(late).map((f) => [f.rule, late.slice(f.start, f.end)]),
    [
      ['tags-no-subject', 'TAGS: UN, EGEN, UR'],
      ['tag-unknown', 'EGEN'],
      ['tag-unknown', 'UR'],
    ],
  );
});

test("a person's name at the end of a comma-separated 1970s line (1973STATE252376: TAGS: OTRA, OGEN, SCOTES, THOMAS J.)", () => {
  const text = readCorpus('1973STATE252376');
  assert.deepEqual(tagFindings(text), []);
  // Space-separated lines end with free words that are no name (05BUENOSAIRES138: `OVIP AR CODEL`).
  const codel = breakText(readCorpus('08ALGIERS85'), 'TAGS: PREL PGOV KDEM FR AG', 'TAGS: PREL PGOV OVIP AR CODEL');
  assert.deepEqual(
    hits(codel, 'tag-person-name').map((h) => h.covers),
    ['OVIP'],
  );
});

test('`TAGS,` with a comma for the colon is the TAGS line (1976VIENTI02015: TAGS, AFSP, APER, LA)', () => {
  const text = readCorpus('1976VIENTI02015');
  const cable = parse(text);
  assert.deepEqual(
    cable.tags?.tags.map((t) => t.code),
    ['AFSP', 'APER', 'LA'],
  );
  assert.deepEqual(tagFindings(text), []);
});
