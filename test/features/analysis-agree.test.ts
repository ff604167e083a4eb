// Rules and hovers read one analysis of each cable (analysis/tags.ts, analysis/paragraphs.ts): on every
// tag and paragraph of every corpus fixture, what the hover says agrees with what the rules report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeAt } from '../../server/src/features/completion';
import { hoverAt } from '../../server/src/features/hover';
import { semanticTokens } from '../../server/src/features/semantic-tokens';
import { lint } from '../../server/src/rules/engine';
import { corpus, corpusNames, load, off } from './util';

const TODAY = { year: 2026, month: 1, day: 15 };

/** What the hover says a word of the TAGS line is. */
function hoverKind(md: string): string {
  if (/part of the name of the person/.test(md)) return 'name';
  if (/\*\*A tag of an earlier era\*\*/.test(md)) return 'era';
  if (/an ISO 3166 code, not a TAGS code/.test(md)) return 'iso';
  if (/\*\*not a TAGS code\*\*: .* run together/.test(md)) return 'run-together';
  if (/\*\*not a known tag code\*\*/.test(md)) return 'unknown';
  if (/: subject tag/.test(md)) return 'subject';
  if (/: program tag/.test(md)) return 'program';
  if (/: organization tag/.test(md)) return 'org';
  if (/: geographic tag/.test(md)) return 'geo';
  if (/from your configuration/.test(md)) return 'extra';
  if (/in no list of codes/.test(md)) return 'free';
  if (/in no list, with the shape of a subject tag/.test(md)) return 'before-subject';
  if (/in no list, with the shape of/.test(md)) return 'before-other';
  return `other: ${md}`;
}

test('every tag of every corpus fixture: the hover and the rules agree on what it is', () => {
  let tags = 0;
  for (const name of corpusNames()) {
    const { cable, ctx } = load(corpus(name));
    if (!cable.tags) continue;
    const findings = lint(cable, { today: TODAY }).filter((f) => /^tags?-/.test(f.rule));
    const kinds = cable.tags.tags.map((tag) => {
      const h = hoverAt(cable, tag.start, ctx);
      assert.ok(h, `${name}: a hover on ${tag.text}`);
      assert.deepEqual([h.start, h.end], [tag.start, tag.end], `${name}: the hover covers ${tag.text}`);
      return hoverKind(h.markdown);
    });
    cable.tags.tags.forEach((tag, i) => {
      tags++;
      const at = findings.filter((f) => f.start === tag.start && f.end === tag.end).map((f) => f.rule);
      const what = `${name}: ${tag.text} (hover: ${kinds[i]}, rules: ${at.join(' ') || 'none'})`;
      assert.ok(!kinds[i].startsWith('other'), what);
      // Reported as unknown exactly when the hover says it is no code of its era.
      assert.equal(at.includes('tag-unknown'), ['unknown', 'run-together', 'era'].includes(kinds[i]), what);
      assert.equal(at.includes('tag-iso-code'), kinds[i] === 'iso', what);
      // A person tag followed by a word the hover calls the person's name is not reported without one.
      if (at.includes('tag-person-name')) assert.notEqual(kinds[i + 1], 'name', what);
    });
    const noSubject = findings.some((f) => f.rule === 'tags-no-subject');
    const subjectLike = (k: string) => k === 'subject' || k === 'era' || k === 'before-subject';
    if (noSubject) assert.ok(!kinds.some(subjectLike), `${name}: tags-no-subject, yet the hover shows a subject tag`);
    else if (kinds.length && !kinds.some(subjectLike)) {
      // No subject tag in the hovers: only a run-together word or a typo of one stands for it.
      assert.ok(
        kinds.some((k) => k === 'run-together' || k === 'unknown'),
        `${name}: no subject tag and no tags-no-subject`,
      );
    }
  }
  assert.ok(tags > 500, `${tags} tags checked`);
});

test('TAGS: PREL OVIP CLINTON HILLARY AJ: CLINTON is the person OVIP is about, for the rules and the hover', () => {
  const text = corpus('08ALGIERS85.txt').replace('TAGS: PREL PGOV KDEM FR AG', 'TAGS: PREL OVIP CLINTON HILLARY AJ');
  const { cable, ctx } = load(text);
  const findings = lint(cable, { today: TODAY }).filter((f) => /^tags?-/.test(f.rule));
  assert.deepEqual(findings, [], 'no finding: CLINTON HILLARY is the name OVIP needs');
  for (const word of ['CLINTON', 'HILLARY']) {
    const h = hoverAt(cable, off(text, word), ctx);
    assert.match(h!.markdown, /part of the name of the person the `OVIP` tag is about/, word);
    assert.doesNotMatch(h!.markdown, /organization/, word);
  }
});

test('hovers of the era vocabulary: an era tag in its era and out of it, a State usage, an organisation tag', () => {
  const tehran = load(corpus('73TEHRAN2077.txt'));
  const pfor = hoverAt(tehran.cable, off(tehran.text, 'PFOR'), tehran.ctx)!.markdown;
  assert.match(pfor, /subject tag \(Political Affairs\)/);
  assert.match(pfor, /A tag of its era: on cables up to 1975, in no list from 2000 on/);
  assert.match(pfor, /73TEHRAN2077/, 'the cables it was seen on are cited');
  const later = load(corpus('08ALGIERS85.txt').replace('TAGS: PREL PGOV', 'TAGS: PFOR PGOV'));
  assert.match(
    hoverAt(later.cable, off(later.text, 'PFOR'), later.ctx)!.markdown,
    /\*\*A tag of an earlier era\*\*.*not one for a cable of 2008/,
  );
  const belgrade = load(corpus('08ALGIERS85.txt').replace('TAGS: PREL PGOV KDEM FR AG', 'TAGS PREL, KWAC, SR'));
  const sr = hoverAt(belgrade.cable, off(belgrade.text, ', SR', 2), belgrade.ctx)!.markdown;
  assert.match(sr, /geographic tag: \*\*Serbia\*\*/);
  assert.match(sr, /State usage, not FIPS 10-4.*Embassy Belgrade.*06BELGRADE1681/);
  const apec = load(corpus('08ALGIERS85.txt').replace('TAGS: PREL PGOV KDEM FR AG', 'TAGS: ECON APEC CH'));
  assert.match(
    hoverAt(apec.cable, off(apec.text, 'APEC'), apec.ctx)!.markdown,
    /organization tag: \*\*Asia-Pacific Economic Cooperation\*\*/,
  );
});

test('completion offers the codes the rules accept on this cable: era tags in their era only, no name fragments', () => {
  const labelsAt = (text: string, needle: string, typed: number) => {
    const t = load(text);
    return completeAt(t.cable, off(t.text, needle, typed), t.ctx)?.items.map((i) => i.label) ?? [];
  };
  // 73TEHRAN2077 (1973): `TAGS: PFOR IR PK XF` with PFOR half typed.
  const old = corpus('73TEHRAN2077.txt').replace('TAGS: PFOR IR', 'TAGS: PF IR');
  assert.ok(labelsAt(old, 'TAGS: PF', 8).includes('PFOR'), 'PFOR on a cable of 1973');
  // 08ALGIERS85 (2008): PFOR is not offered, PREL is; CLINTON (seen only after OVIP) is no organisation tag.
  const late = corpus('08ALGIERS85.txt').replace('TAGS: PREL PGOV KDEM FR AG', 'TAGS: PGOV KDEM FR AG P');
  const p = labelsAt(late, ' AG P', 5);
  assert.ok(p.includes('PREL') && !p.includes('PFOR') && !p.includes('PINT'), 'no 1970s tag on a cable of 2008');
  const cl = corpus('08ALGIERS85.txt').replace('TAGS: PREL PGOV KDEM FR AG', 'TAGS: PREL OVIP CLI');
  assert.ok(!labelsAt(cl, 'OVIP CLI', 8).includes('CLINTON'));
});

test('every paragraph of every corpus fixture: the hover and the rules agree on numbering, lettering and a marking above the banner', () => {
  let paragraphs = 0;
  for (const name of corpusNames()) {
    const { cable, ctx } = load(corpus(name));
    const findings = lint(cable, { today: TODAY });
    const at = (rule: string, s: { start: number; end: number }) => findings.some((f) => f.rule === rule && f.start === s.start);
    for (const p of cable.paragraphs) {
      paragraphs++;
      const num = hoverAt(cable, p.number.start, ctx)!.markdown;
      assert.equal(/Out of sequence/.test(num), at('para-numbering', p.number), `${name}: paragraph ${p.number.text}: ${num}`);
      if (p.marking) {
        const mk = hoverAt(cable, p.marking.start, ctx)!.markdown;
        assert.equal(
          /Above the cable's classification/.test(mk),
          at('portion-mark-exceeds', p.marking),
          `${name}: marking ${p.marking.text}: ${mk}`,
        );
      }
      for (const s of p.subparagraphs) {
        const sub = hoverAt(cable, s.marker.start, ctx)!.markdown;
        assert.equal(/Out of sequence/.test(sub), at('subpara-lettering', s.marker), `${name}: ${s.marker.text}: ${sub}`);
      }
    }
  }
  assert.ok(paragraphs > 1000, `${paragraphs} paragraphs checked`);
});

test('hovers on paragraphs say what the rules report: a number out of sequence, an (SBU) paragraph under an UNCLAS banner', () => {
  // 08ALGIERS85 with paragraph 3 numbered 4: para-numbering fires there, and the hover says so.
  const t = load(corpus('08ALGIERS85.txt').replace('3. (C) Bajolet said the French', '4. (C) Bajolet said the French'));
  const at = off(t.text, '4. (C) Bajolet said the French');
  assert.match(hoverAt(t.cable, at, t.ctx)!.markdown, /3 of 5 numbered paragraphs\. \*\*Out of sequence\*\*: expected 3\./);
  assert.ok(lint(t.cable, { today: TODAY }).some((f) => f.rule === 'para-numbering' && f.start === at));
  // 05RECIFE78 (UNCLAS, SENSITIVE BUT UNCLASSIFIED): (SBU) is a control, not a level above the banner.
  const r = load(corpus('05RECIFE78.txt'));
  const sbu = hoverAt(r.cable, off(r.text, '1. (SBU)', 3), r.ctx)!.markdown;
  assert.match(sbu, /portion marking/);
  assert.doesNotMatch(sbu, /Above the cable's classification/);
  assert.ok(!lint(r.cable, { today: TODAY }).some((f) => f.rule === 'portion-mark-exceeds'));
});

test('1973STATE252376: the hover calls SCOTES and THOMAS the name of the person OTRA is about, as the rules read them', () => {
  const t = load(corpus('1973STATE252376.txt'));
  for (const [w, at] of [
    ['SCOTES', off(t.text, 'OGEN, SCOTES', 6)],
    ['THOMAS', off(t.text, 'SCOTES, THOMAS', 8)],
  ] as const) {
    assert.match(hoverAt(t.cable, at, t.ctx)!.markdown, /name of the person the `OTRA` tag is about/, w);
  }
  assert.match(hoverAt(t.cable, off(t.text, 'OTRA, OGEN', 6), t.ctx)!.markdown, /A tag of its era/);
});

test('semantic tokens colour each word of the TAGS line by the same reading: CLINTON after OVIP is no organisation', () => {
  const modifierOf = (t: ReturnType<typeof load>, at: number) =>
    semanticTokens(t.cable, undefined, t.ctx).find((k) => k.start === at)?.modifiers ?? [];
  const text = corpus('08ALGIERS85.txt').replace('TAGS: PREL PGOV KDEM FR AG', 'TAGS: PREL OVIP CLINTON HILLARY AJ UNGA');
  const t = load(text);
  assert.deepEqual(modifierOf(t, off(text, 'PREL OVIP')), ['subject']);
  assert.deepEqual(modifierOf(t, off(text, 'CLINTON')), [], 'a name: no tag modifier');
  assert.deepEqual(modifierOf(t, off(text, ' AJ', 1)), ['geographic']);
  assert.deepEqual(modifierOf(t, off(text, 'UNGA')), ['organization']);
  // On every fixture, a tag the hover calls organisation, geographic, program or subject has that modifier.
  const expected: Record<string, string> = {
    subject: 'subject',
    era: 'subject',
    program: 'program',
    geo: 'geographic',
    iso: 'geographic',
    org: 'organization',
  };
  for (const name of corpusNames()) {
    const f = load(corpus(name));
    for (const tag of f.cable.tags?.tags ?? []) {
      const kind = hoverKind(hoverAt(f.cable, tag.start, f.ctx)!.markdown);
      const mods = modifierOf(f, tag.start);
      if (expected[kind]) assert.ok(mods.includes(expected[kind] as never), `${name}: ${tag.text} is ${kind}, token ${mods.join(' ')}`);
      else if (kind === 'name' || kind === 'unknown' || kind === 'free') assert.deepEqual(mods, [], `${name}: ${tag.text} is ${kind}`);
    }
  }
});
