// Fix-all: the preferred fixes of all findings as one non-overlapping edit set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, fixAll, preferredFix } from '../../server/src/features/fixall';
import { parse } from '../../server/src/parse/index';
import { lint } from '../../server/src/rules/engine';
import type { Finding } from '../../server/src/rules/types';
import { seed } from './util';

const f = (start: number, end: number, fixes: Finding['fixes']): Finding => ({ rule: 'x', severity: 'warning', message: '', start, end, fixes });

test('the preferred fix, or the only one; none when several and none preferred', () => {
  const a = { title: 'a', edits: [{ start: 0, end: 1, newText: 'A' }] };
  const b = { title: 'b', edits: [{ start: 0, end: 1, newText: 'B' }], preferred: true };
  assert.equal(preferredFix(f(0, 1, [a, b])), b);
  assert.equal(preferredFix(f(0, 1, [a])), a);
  assert.equal(preferredFix(f(0, 1, [a, { ...a, title: 'c' }])), undefined);
  assert.equal(preferredFix(f(0, 1, undefined)), undefined);
});

test('overlapping fixes: the first wins; identical edits count once; a fix is taken whole', () => {
  const text = 'abcdefghij';
  const findings = [
    f(0, 2, [{ title: '1', edits: [{ start: 0, end: 2, newText: 'XY' }] }]),
    f(1, 3, [{ title: '2', edits: [{ start: 1, end: 3, newText: '--' }] }]), // overlaps 1: dropped
    f(0, 2, [{ title: '3', edits: [{ start: 0, end: 2, newText: 'XY' }] }]), // same as 1
    f(5, 6, [{ title: '4', edits: [{ start: 5, end: 6, newText: 'F' }, { start: 1, end: 2, newText: '?' }] }]), // half overlaps: dropped whole
    f(8, 8, [{ title: '5', edits: [{ start: 8, end: 8, newText: '+' }] }]),
    f(8, 8, [{ title: '6', edits: [{ start: 8, end: 8, newText: '*' }] }]), // second insertion at one point: dropped
    f(9, 10, [{ title: '7', edits: [{ start: 9, end: 10, newText: 'J' }] }]),
  ];
  const edits = fixAll(findings);
  assert.deepEqual(edits.map((e) => e.newText), ['XY', '+', 'J']);
  assert.equal(applyEdits(text, edits), 'XYcdefgh+iJ');
});

test('seed: fix-all applies every preferred fix and the result has none of those findings left', () => {
  const text = seed();
  const findings = lint(parse(text));
  const edits = fixAll(findings);
  assert.ok(edits.some((e) => e.newText === 'RS'), 'RU -> RS is part of fix-all');
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, 'sorted, non-overlapping');
  const fixed = applyEdits(text, edits);
  const after = lint(parse(fixed));
  assert.ok(!after.some((x) => x.rule === 'tag-iso-code'));
  assert.ok(!after.some((x) => x.severity === 'error'), 'no errors after fix-all');
  // Fix-all is stable: a second pass changes only what the first could not reach.
  assert.ok(fixAll(after).length <= edits.length);
});
