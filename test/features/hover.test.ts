// Hover texts on the seed and on corpus cables: what a drafter learns on each code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/features/hover';
import { corpus, corpusNames, load, off, seed } from './util';

const s = load(seed());

function hover(t: ReturnType<typeof load>, needle: string, delta = 0, nth = 0) {
  const o = off(t.text, needle, delta, nth);
  const h = hoverAt(t.cable, o, t.ctx);
  assert.ok(h, `no hover on "${needle}"`);
  assert.ok(h.start <= o && o < h.end, `hover range ${h.start}-${h.end} does not hold ${o}`);
  return { ...h, covered: t.text.slice(h.start, h.end) };
}

test('tags: kind, description and how sure the description is', () => {
  const pbts = hover(s, 'PBTS', 2);
  assert.equal(pbts.covered, 'PBTS');
  assert.match(pbts.markdown, /subject tag/);
  assert.match(pbts.markdown, /National Boundaries, Territories and Sovereignty/);
  assert.match(pbts.markdown, /inferred, not verified/);

  const aj = hover(s, '[AJ]', 1);
  assert.equal(aj.covered, 'AJ');
  assert.match(aj.markdown, /geographic tag: \*\*Azerbaijan\*\*/);
  assert.match(aj.markdown, /official/);
  assert.match(aj.markdown, /ISO AZ/);

  const prel = hover(s, 'PREL', 0);
  assert.match(prel.markdown, /External Political Relations/);
  assert.match(prel.markdown, /secondary source/);

  const ru = hover(s, '[RU]', 2);
  assert.equal(ru.covered, 'RU');
  assert.match(ru.markdown, /ISO 3166 code, not a TAGS code/);
  assert.match(ru.markdown, /`RS`/);
});

test('an unknown tag is called unknown, with the nearest codes', () => {
  const t = load(seed().replace('[PBTS](#)', 'PBTZ'));
  const h = hover(t, 'PBTZ', 1);
  assert.match(h.markdown, /not a known tag code/);
  assert.match(h.markdown, /PBTS/);
  const x = load(seed().replace('[PBTS](#)', 'KXYZ'), { extraTags: ['KXYZ'] });
  assert.match(hover(x, 'KXYZ').markdown, /extraTags/);
});

test('routing indicators, prosign, precedence, DTG and Julian time', () => {
  const ri = hover(s, 'RUEHKB');
  assert.equal(ri.covered, 'RUEHKB');
  assert.match(ri.markdown, /AMEMBASSY BAKU/);
  assert.match(ri.markdown, /originating station/);
  assert.match(hover(s, 'RUEHC/').markdown, /SECSTATE WASHDC/);
  assert.match(hover(s, 'RR RUEHWEB').markdown, /\*\*ROUTINE\*\*/);
  assert.match(hover(s, 'R 151318Z').markdown, /precedence, \*\*ROUTINE\*\*/);
  const dtg = hover(s, '151318Z', 3);
  assert.equal(dtg.covered, '151318Z FEB 08');
  assert.match(dtg.markdown, /15 February 2008, 13:18 UTC/);
  const j = hover(s, '0461318');
  assert.match(j.markdown, /day 46/);
  assert.match(j.markdown, /15 February 2008, 13:18 UTC/);
  assert.match(j.markdown, /same as the date-time group/);
  assert.match(hover(s, 'CCCCC').markdown, /\*\*CONFIDENTIAL\*\*/);
  assert.match(hover(s, 'ZNY').markdown, /classified or EFTO/);
  assert.match(hover(s, 'ZZH').markdown, /Department of State/);
  assert.match(hover(s, 'AMEMBASSY ANKARA').markdown, /RUEHAK/);
  assert.match(hover(s, 'INFO').markdown, /information addressees/);
});

test('a two-letter FL5 precedence: action and information precedence', () => {
  const t = load(corpus('07TRIPOLI943.txt'));
  assert.match(hover(t, 'O R 070914Z').markdown, /action precedence, \*\*IMMEDIATE/);
  assert.match(hover(t, 'O R 070914Z', 2).markdown, /information precedence, \*\*ROUTINE/);
  assert.match(hover(t, 'IMMEDIATE 2806').markdown, /PRIORITY and ROUTINE/);
});

test('the DECL date: in words, how many years after the cable date, under which order', () => {
  const d = hover(s, '02/15/2018', 3);
  assert.equal(d.covered, '02/15/2018');
  assert.match(d.markdown, /15 February 2018/);
  assert.match(d.markdown, /exactly 10 years after the cable's date \(15 February 2008, from the date-time group R 151318Z FEB 08\)/);
  assert.match(d.markdown, /E\.O\. 12958/);
  assert.match(d.markdown, /default duration/);
  // A date 40 years out, and one before the cable's date.
  const far = load(seed().replace('02/15/2018', '02/20/2048'));
  assert.match(hover(far, '02/20/2048').markdown, /40 years and 5 days after.*more than 25 years/s);
  const past = load(seed().replace('02/15/2018', '01/01/2008'));
  assert.match(hover(past, '01/01/2008').markdown, /on or before/);
  const bad = load(seed().replace('02/15/2018', '02/30/2018'));
  assert.match(hover(bad, '02/30/2018').markdown, /not a real calendar date/);
  // The cable date setting moves the reference date.
  const o = load(seed(), { date: { year: 2010, month: 2, day: 20 } });
  assert.match(
    hover(o, '02/15/2018').markdown,
    /7 years and 360 days after the cable's date \(20 February 2010, from the --date option or the cable.date setting\)/,
  );
});

test('the E.O. number: which order, in force when, and whether it governed', () => {
  const h = hover(s, '12958');
  assert.match(h.markdown, /\*\*E\.O\. 12958\*\*/);
  assert.match(h.markdown, /17 April 1995/);
  assert.match(h.markdown, /It governed classification on the cable's date/);
  const typo = load(seed().replace('E.O. 12958', 'E.O. 12598'));
  assert.match(hover(typo, '12598').markdown, /not an executive order on classification.*E\.O\. 12958/s);
  const late = load(seed(), { date: { year: 2011, month: 1, day: 1 } });
  assert.match(hover(late, '12958').markdown, /governed by E\.O\. 13526, not this order/);
  const na = load(corpus('00THEHAGUE1695.txt'));
  assert.match(hover(na, 'N/A').markdown, /not applicable/);
});

test('banner, portion markings and caveats', () => {
  const b = hover(s, 'C O N F');
  assert.equal(b.covered, 'C O N F I D E N T I A L');
  assert.match(b.markdown, /\*\*CONFIDENTIAL\*\*/);
  assert.match(b.markdown, /damage to the national security/);
  assert.match(hover(s, '000146').markdown, /08BAKU146/);
  const m = hover(s, '(C) DCM', 1);
  assert.equal(m.covered, '(C)');
  assert.match(m.markdown, /portion marking: this paragraph is \*\*CONFIDENTIAL\*\*/);
  const nf = load(corpus('08ASMARA546.txt'));
  const h = hover(nf, '(S/NF)', 1);
  assert.match(h.markdown, /\*\*SECRET\*\*/);
  assert.match(h.markdown, /`NF` = NOFORN: not releasable to foreign nationals/);
  // A marking above the banner says so.
  const up = load(seed().replace('2. (C)', '2. (S)'));
  assert.match(hover(up, '2. (S)', 3).markdown, /Above the cable's classification/);
});

test('captions, Classified By section and reason letters', () => {
  assert.match(hover(s, 'SIPDIS').markdown, /SIPRNet/);
  const nf = load(corpus('08ASMARA546.txt'));
  assert.match(hover(nf, 'NOFORN').markdown, /not releasable to foreign nationals/);
  assert.match(hover(s, '1.4').markdown, /section 1\.4/);
  const b = hover(s, '(b,d)', 1);
  assert.equal(b.covered, 'b');
  assert.match(b.markdown, /foreign government information/);
  const d = hover(s, '(b,d)', 3);
  assert.equal(d.covered, 'd');
  assert.match(d.markdown, /foreign relations or foreign activities of the United States/);
  assert.match(hover(s, 'Pol/Econ').markdown, /classifying officer/);
});

test('"ref a" in the body shows the reference it points to; a REF item lists where it is cited', () => {
  const r = hover(s, 'ref a');
  assert.equal(r.covered, 'ref a');
  assert.match(r.markdown, /REF A: `STATE 14840`/);
  assert.match(hover(s, 'ref b').markdown, /REF B: `BAKU 129`/);
  const item = hover(s, 'STATE 14840');
  assert.match(item.markdown, /\*\*REF A\*\*: `STATE 14840`\. Cited in paragraph 1\./);
  const t = load(corpus('07TRIPOLI943.txt'));
  assert.match(hover(t, 'ref A and B').markdown, /REF A: `STATE 135205`; REF B: `STATE 127608`/);
  const noRef = load(seed().replace('ref a', 'ref d'));
  assert.match(hover(noRef, 'ref d').markdown, /no such reference/);
});

test('web-copy artifacts, paragraph numbers, blocks and the signature', () => {
  assert.match(hover(s, '[1](#)1.').markdown, /web-copy artifact/);
  assert.match(hover(s, '3. (C)').markdown, /3 of 3 numbered paragraphs/);
  assert.match(hover(s, 'Comment:').markdown, /COMMENT block with no END COMMENT/);
  assert.match(hover(s, 'DERSE').markdown, /signature/);
});

test('plain prose has no hover, and no offset of any fixture throws or returns a range without it', () => {
  assert.equal(hoverAt(s.cable, off(s.text, 'Khalafov said'), s.ctx), undefined);
  for (const name of corpusNames()) {
    const t = load(corpus(name));
    for (let o = 0; o <= t.text.length; o += 3) {
      const h = hoverAt(t.cable, o, t.ctx);
      if (h) assert.ok(h.start <= o && o < h.end && h.markdown.length > 0, `${name}@${o}`);
    }
  }
});
