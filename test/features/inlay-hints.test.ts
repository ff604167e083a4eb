// Inlay hints and the banner summary (code lens): decoded facts beside the code, on real cables and variants.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bannerSummary } from '../../server/src/features/banner-summary';
import { HINT_KINDS, inlayHints, type Hint, type HintOptions } from '../../server/src/features/inlay-hints';
import type { CalendarDate } from '../../server/src/model';
import { corpus, corpusNames, load, off, ROOT, seed } from './util';

/** `<code before the hint> → label` for each hint (the code is the word that ends where the hint stands). */
function show(text: string, hints: Hint[]): string[] {
  return hints.map((h) => {
    let s = h.offset;
    while (s > 0 && !/\s/.test(text[s - 1])) s--;
    return `${text.slice(s, h.offset)} → ${h.label}`;
  });
}

function hintsOf(text: string, opts: HintOptions = {}, date?: CalendarDate): string[] {
  const { cable, ctx } = load(text, date ? { date } : {});
  return show(text, inlayHints(cable, ctx, opts));
}

/** The seed from its banner on: a draft (no header, no date-time group), read on 15 January 2026. */
const draft = () => seed().slice(seed().indexOf('C O N F I D E N T I A L'));

test('seed: the originating station, the date-time group in words, the years to the DECL date', () => {
  assert.deepEqual(hintsOf(seed()), ['RUEHKB → AMEMBASSY BAKU', '08 → 15 February 2008, 13:18 UTC', '02/15/2018 → 10 y']);
});

test('a prosign line of routing indicators: the post after each known one (09PARIS1007)', () => {
  const h = hintsOf(corpus('09PARIS1007.txt'), { dtg: false, declYears: false });
  assert.deepEqual(h.slice(0, 4), [
    'RUEHDBU → AMEMBASSY DUSHANBE',
    'RUEHFL → AMCONSUL FLORENCE',
    'RUEHKW → AMCONSUL KRAKOW',
    'RUEHLA → AMCONSUL BARCELONA',
  ]);
  assert.ok(h.includes('RUEHFR → AMEMBASSY PARIS'), 'DE RUEHFR');
  // `RUEHC/SECSTATE WASHDC` names its post: no hint after the TO and INFO addresses.
  assert.ok(!h.some((x) => x.startsWith('RUEHC')));
});

test('a FM/TO address lacking the post name gets it; one with it does not', () => {
  const text = seed().replace('TO RUEHC/SECSTATE WASHDC 4786', 'TO RUEHBU').replace('RUEHAK/AMEMBASSY ANKARA 2649', 'RUEHAK');
  const h = hintsOf(text, { dtg: false, declYears: false });
  assert.deepEqual(h, ['RUEHKB → AMEMBASSY BAKU', 'RUEHBU → AMEMBASSY BUENOS AIRES', 'RUEHAK → AMEMBASSY ANKARA']);
  // An unknown routing indicator has no hint.
  assert.deepEqual(hintsOf(seed().replace('DE RUEHKB', 'DE RUEHZZZ'), { dtg: false, declYears: false }), []);
});

test('DECL years: whole, fractional, before the cable, from today for a draft, from the cable.date setting', () => {
  const decl = (t: string, date?: CalendarDate) => hintsOf(t, { postNames: false, dtg: false }, date);
  assert.deepEqual(decl(seed().replace('02/15/2018', '02/15/2033')), ['02/15/2033 → 25 y']);
  assert.deepEqual(decl(seed().replace('02/15/2018', '08/16/2013')), ['08/16/2013 → 5.5 y']);
  assert.deepEqual(decl(seed().replace('02/15/2018', '02/16/2018')), ['02/16/2018 → ≈10 y']);
  assert.deepEqual(decl(seed().replace('02/15/2018', '01/01/2008')), ["01/01/2008 → before the cable's date"]);
  assert.deepEqual(decl(draft().replace('02/15/2018', '01/15/2036')), ['01/15/2036 → 10 y from today']);
  assert.deepEqual(decl(draft()), ['02/15/2018 → in the past']);
  assert.deepEqual(decl(seed(), { year: 2013, month: 2, day: 15 }), ['02/15/2018 → 5 y from cable.date']);
  // No hint for an invalid date or a non-date instruction.
  assert.deepEqual(decl(seed().replace('02/15/2018', '02/30/2018')), []);
  assert.deepEqual(decl(seed().replace('DECL: 02/15/2018', 'DECL: N/A')), []);
});

test('the tooltip says the whole fact, and each kind turns off alone', () => {
  const { cable, ctx } = load(seed());
  const all = inlayHints(cable, ctx);
  assert.equal(
    all.find((h) => h.kind === 'declYears')!.tooltip,
    "DECL 15 February 2018: 10 years after the cable's date (15 February 2008, from the date-time group R 151318Z FEB 08).",
  );
  assert.equal(all.find((h) => h.kind === 'dtg')!.tooltip, 'The date-time group 151318Z FEB 08: 15 February 2008, 13:18 UTC.');
  for (const kind of ['postNames', 'declYears', 'dtg'] as const) {
    const rest = inlayHints(cable, ctx, { [kind]: false });
    assert.deepEqual(
      rest,
      all.filter((h) => h.kind !== kind),
      kind,
    );
  }
  const text = seed();
  assert.deepEqual(show(text, inlayHints(cable, ctx, {}, { start: off(text, 'E.O.'), end: off(text, 'TAGS') })), ['02/15/2018 → 10 y']);
});

test('an invalid date-time group has no words', () => {
  assert.deepEqual(hintsOf(seed().replace('151318Z FEB 08', '311318Z FEB 08'), { postNames: false, declYears: false }), []);
});

test('banner summary: highest portion, paragraphs, DECL', () => {
  const sum = (t: string) => {
    const { cable, ctx } = load(t);
    return bannerSummary(cable, ctx)?.title;
  };
  assert.equal(sum(seed()), 'highest portion: CONFIDENTIAL · 3 paragraphs · DECL in 10 y');
  assert.equal(sum(seed().replace('2. (C)', '2. (S//NF)')), 'highest portion: SECRET · 3 paragraphs · DECL in 10 y');
  assert.equal(sum(seed().replace('DECL: 02/15/2018', 'DECL: N/A')), 'highest portion: CONFIDENTIAL · 3 paragraphs · DECL: N/A');
  assert.equal(sum(seed().replace(/E\.O\. 12958: DECL: 02\/15\/2018/, '')), 'highest portion: CONFIDENTIAL · 3 paragraphs · no E.O. line');
  assert.equal(sum(draft().replace('02/15/2018', '01/15/2036')), 'highest portion: CONFIDENTIAL · 3 paragraphs · DECL in 10 y from today');
  assert.equal(sum(seed().replace(/\(C\) /g, '')), 'no portion markings · 3 paragraphs · DECL in 10 y');
  // The instructions of E.O. 12065: the schedule and its date, not the classifier (79TEHRAN8980, 1979 STATE 294974).
  assert.match(sum(corpus('79TEHRAN8980.txt'))!, / · DECL: GDS 8\/12\/85$/);
  assert.match(
    sum(corpus('79TEHRAN8980.txt').replace('GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P', '11/12/79 (TAYLOR, C)'))!,
    / · DECL 11\/12\/79$/,
  );
  const { cable, ctx } = load(seed());
  const s = bannerSummary(cable, ctx)!;
  assert.deepEqual([s.start, s.end], [cable.banner!.start, cable.banner!.end]);
  assert.equal(bannerSummary(load('no banner here').cable, load('no banner here').ctx), undefined);
});

test('every fixture: hints inside the text, in order, each after its code; garbage does not throw', () => {
  for (const name of corpusNames()) {
    const { text, cable, ctx } = load(corpus(name));
    let last = 0;
    for (const h of inlayHints(cable, ctx)) {
      assert.ok(h.offset >= last && h.offset <= text.length && h.label.length > 0, `${name}: ${JSON.stringify(h)}`);
      last = h.offset;
    }
    bannerSummary(cable, ctx);
  }
  for (const t of ['', 'VZCZC', 'DE RUEHKB', 'E.O. 12958: DECL: 99/99/9999', 'R 999999Z XXX 99', '\uFEFFC O N F I D E N T I A L']) {
    const { cable, ctx } = load(t);
    assert.doesNotThrow(() => inlayHints(cable, ctx), t);
    assert.doesNotThrow(() => bannerSummary(cable, ctx), t);
  }
});

test('package.json has a boolean setting, on by default, for each kind of hint', () => {
  const props = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
  const keys = Object.keys(props).filter((k) => k.startsWith('cable.inlayHints.'));
  assert.deepEqual(keys.sort(), HINT_KINDS.map((k) => `cable.inlayHints.${k}`).sort());
  for (const k of keys) assert.deepEqual([props[k].type, props[k].default], ['boolean', true], k);
});
