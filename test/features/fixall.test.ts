// Fix-all: the preferred fixes of all findings as one non-overlapping edit set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, diffEdits, fixAll, fixAllText, preferredFix } from '../../server/src/features/fixall';
import { parse } from '../../server/src/parse/index';
import { lint } from '../../server/src/rules/engine';
import type { Finding } from '../../server/src/rules/types';
import { seed } from './util';

const f = (start: number, end: number, fixes: Finding['fixes']): Finding => ({
  rule: 'x',
  severity: 'warning',
  message: '',
  start,
  end,
  fixes: fixes?.map((x) => ({ preferred: true, ...x })),
});
const notPreferred = (start: number, end: number, fixes: Finding['fixes']): Finding => ({
  rule: 'x',
  severity: 'warning',
  message: '',
  start,
  end,
  fixes,
});

test('only a fix its rule marked preferred goes into fix-all, even when it is the only one', () => {
  const a = { title: 'a', edits: [{ start: 0, end: 1, newText: 'A' }] };
  const b = { title: 'b', edits: [{ start: 0, end: 1, newText: 'B' }], preferred: true };
  assert.equal(preferredFix(notPreferred(0, 1, [a, b])), b);
  assert.equal(preferredFix(notPreferred(0, 1, [a])), undefined);
  assert.equal(preferredFix(notPreferred(0, 1, undefined)), undefined);
  assert.deepEqual(fixAll([notPreferred(0, 1, [a])]), []);
});

test('overlapping fixes: the first wins; identical edits count once; a fix is taken whole', () => {
  const text = 'abcdefghij';
  const findings = [
    f(0, 2, [{ title: '1', edits: [{ start: 0, end: 2, newText: 'XY' }] }]),
    f(1, 3, [{ title: '2', edits: [{ start: 1, end: 3, newText: '--' }] }]), // overlaps 1: dropped
    f(0, 2, [{ title: '3', edits: [{ start: 0, end: 2, newText: 'XY' }] }]), // same as 1
    f(5, 6, [
      {
        title: '4',
        edits: [
          { start: 5, end: 6, newText: 'F' },
          { start: 1, end: 2, newText: '?' },
        ],
      },
    ]), // half overlaps: dropped whole
    f(8, 8, [{ title: '5', edits: [{ start: 8, end: 8, newText: '+' }] }]),
    f(8, 8, [{ title: '6', edits: [{ start: 8, end: 8, newText: '*' }] }]), // second insertion at one point: dropped
    f(9, 10, [{ title: '7', edits: [{ start: 9, end: 10, newText: 'J' }] }]),
  ];
  const edits = fixAll(findings);
  assert.deepEqual(
    edits.map((e) => e.newText),
    ['XY', '+', 'J'],
  );
  assert.equal(applyEdits(text, edits), 'XYcdefgh+iJ');
});

test('seed: one pass strips the web-copy artifacts; the second replaces RU inside them', () => {
  const text = seed();
  const check = (t: string) => lint(parse(t));
  const findings = check(text);
  const edits = fixAll(findings);
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, 'sorted, non-overlapping');
  const { text: fixed, passes } = fixAllText(text, check);
  assert.ok(passes >= 1 && passes <= 5);
  assert.ok(fixed.includes('TAGS: PREL PBTS GG RS YI AJ'), fixed.slice(fixed.indexOf('TAGS'), fixed.indexOf('TAGS') + 40));
  assert.ok(!fixed.includes('](#)'), 'no web-copy artifacts left');
  const after = check(fixed);
  assert.deepEqual(fixAll(after), [], 'nothing left to fix');
  assert.ok(!after.some((x) => x.severity === 'error'));
  // Back to edits: small ones, and they give the fixed text.
  const back = diffEdits(text, fixed);
  assert.equal(applyEdits(text, back), fixed);
  assert.ok(
    back.every((e) => e.end - e.start < 80),
    JSON.stringify(back),
  );
});

test('diffEdits: applying the edits to a gives b; edits are ordered and do not overlap', () => {
  const chunk = fc.constantFrom('a', 'b', 'x', ' ', '\n', '\r\n', '\r', 'line\n', 'RU', '[1](#)');
  const textArb = fc.array(chunk, { maxLength: 40 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(textArb, textArb, (a, b) => {
      const edits = diffEdits(a, b);
      for (let i = 1; i < edits.length; i++) if (edits[i - 1].end > edits[i].start) return false;
      return applyEdits(a, edits) === b && (a !== b || edits.length === 0);
    }),
    { numRuns: 2000 },
  );
  // More lines differing than the limit: one edit still does it.
  const a = Array.from({ length: 50 }, (_, i) => `a${i}\n`).join('');
  const b = Array.from({ length: 50 }, (_, i) => `b${i}\n`).join('');
  assert.equal(applyEdits(a, diffEdits(a, b, 3)), b);
});
