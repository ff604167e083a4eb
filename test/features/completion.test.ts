// Completion: tags on the TAGS line, markings after a paragraph number, the DECL date, captions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeAt } from '../../server/src/features/completion';
import { corpus, load, off, seed } from './util';

function labels(t: ReturnType<typeof load>, offset: number): string[] {
  return completeAt(t.cable, offset, t.ctx)?.items.map((i) => i.label) ?? [];
}

test('TAGS line: codes with descriptions, filtered by what is typed, without the ones already there', () => {
  const t = load(seed().replace('[PBTS](#)', 'PB'));
  const at = off(t.text, ' PB ', 3);
  const r = completeAt(t.cable, at, t.ctx)!;
  assert.equal(t.text.slice(r.start, r.end), 'PB');
  const pbts = r.items.find((i) => i.label === 'PBTS');
  assert.ok(pbts, 'PBTS offered');
  assert.match(pbts.detail!, /subject tag: National Boundaries/);
  assert.ok(r.items.every((i) => i.label.startsWith('PB')));
  // After a space at the end of the line: every usable code but those present; ISO misuses are not offered.
  const s = load(seed().replace('[AJ](#)  \n', '[AJ](#) \n'));
  const all = labels(s, off(s.text, '[AJ](#) ', 8));
  assert.ok(all.length > 500, `many codes (${all.length})`);
  assert.ok(all.includes('RS') && all.includes('PGOV') && all.includes('KDEM'));
  assert.ok(!all.includes('PREL') && !all.includes('AJ'), 'codes already on the line are left out');
  assert.ok(!all.includes('RU'), 'an ISO misuse is not offered');
  // Extra tags from the configuration.
  const x = load(seed().replace('[PBTS](#)', 'KX'), { extraTags: ['KXYZ'] });
  assert.ok(labels(x, off(x.text, ' KX ', 3)).includes('KXYZ'));
});

test('after a paragraph number: markings up to the cable level', () => {
  const t = load(seed().replace('[1](#)3. (C) ', '3. '));
  const at = off(t.text, '3. ', 2);
  const r = completeAt(t.cable, at, t.ctx)!;
  assert.deepEqual(
    r.items.map((i) => i.label),
    ['(U)', '(SBU)', '(C)'],
  );
  assert.ok(r.items.find((i) => i.label === '(C)')!.preselect);
  // Half typed: "(S" in a SECRET NOFORN cable offers the NOFORN forms and replaces what was typed.
  const nf = load(corpus('08ASMARA546.txt').replace('2 (S/NF) XXXX', '2. (S XXXX'));
  const at2 = off(nf.text, '2. (S', 5);
  const r2 = completeAt(nf.cable, at2, nf.ctx)!;
  assert.equal(nf.text.slice(r2.start, r2.end), '(S');
  assert.ok(r2.items.some((i) => i.label === '(S//NF)'));
  assert.ok(r2.items.some((i) => i.label === '(SBU-N)'));
  assert.ok(!r2.items.some((i) => i.label === '(TS)'));
  // Inside an existing marking: replace it.
  const r3 = completeAt(load(seed()).cable, off(seed(), '2. (C)', 4), load(seed()).ctx)!;
  assert.equal(seed().slice(r3.start, r3.end), '(C)');
  // In the prose of a paragraph: nothing.
  assert.equal(completeAt(load(seed()).cable, off(seed(), 'Khalafov asked'), load(seed()).ctx), undefined);
});

test('E.O. line: the DECL date ten years after the cable date, in the form of the order', () => {
  const t = load(seed().replace('E.O. 12958: DECL: 02/15/2018', 'E.O. 12958: '));
  const r = completeAt(t.cable, off(t.text, 'E.O. 12958: ', 12), t.ctx)!;
  assert.equal(r.items[0].label, 'DECL: 02/15/2018');
  assert.ok(r.items[0].preselect);
  assert.ok(!r.items.some((i) => i.label === 'N/A'), 'no N/A on a CONFIDENTIAL cable');
  const d = load(seed().replace('DECL: 02/15/2018', 'DECL: '));
  const r2 = completeAt(d.cable, off(d.text, 'DECL: ', 6), d.ctx)!;
  assert.deepEqual(
    r2.items.map((i) => i.label),
    ['02/15/2018', '02/15/2033'],
  );
  // A draft without a date-time group under E.O. 13526: today + 10 years, YYYY/MM/DD.
  const draft = load('C O N F I D E N T I A L BAKU 000146\n\nE.O. 13526: DECL: \nTAGS: PREL\n', {
    today: { year: 2026, month: 1, day: 15 },
  });
  assert.deepEqual(
    completeAt(draft.cable, off(draft.text, 'DECL: ', 6), draft.ctx)!.items.map((i) => i.label),
    ['2036/01/15', '2051/01/15'],
  );
  // "E.O. " alone: the order too.
  const bare = load('UNCLAS BAKU 000146\n\nE.O. \nTAGS: PREL\n', { today: { year: 2026, month: 1, day: 15 } });
  assert.deepEqual(
    completeAt(bare.cable, off(bare.text, 'E.O. ', 5), bare.ctx)!.items.map((i) => i.label),
    ['13526: N/A'],
  );
});

test('captions between the banner and the E.O. line', () => {
  const t = load(seed().replace('DEPT FOR EUR/CARC', 'NOF'));
  const r = completeAt(t.cable, off(t.text, 'NOF', 3), t.ctx)!;
  assert.equal(t.text.slice(r.start, r.end), 'NOF');
  assert.ok(r.items.some((i) => i.label === 'NOFORN'));
  // Not inside a passing line, not below the E.O. line.
  assert.equal(completeAt(load(seed()).cable, off(seed(), 'FOR EUR', 3), load(seed()).ctx), undefined);
  assert.equal(completeAt(load(seed()).cable, off(seed(), 'Classified', 0), load(seed()).ctx), undefined);
});

test('garbage and half-typed text never throw', () => {
  for (const text of ['', 'TAGS:', 'E.O.', '1.', '1. (', 'C O N F I D E N T I A L X 1\n\n', '\uFEFFTAGS: P\r\nE.O. 12958:\r\n']) {
    const t = load(text);
    for (let o = 0; o <= text.length; o++) completeAt(t.cable, o, t.ctx);
  }
});
