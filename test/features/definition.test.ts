// Go to definition: from "ref A" / "reftel" to the REF item.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionAt } from '../../server/src/features/definition';
import { corpus, load, off, seed } from './util';

test('seed: "ref a" and "ref b" go to their REF items', () => {
  const { text, cable } = load(seed());
  const a = definitionAt(cable, off(text, 'ref a', 4));
  assert.deepEqual(
    a.map((s) => text.slice(s.start, s.end)),
    ['A. STATE 14840'],
  );
  const onWord = definitionAt(cable, off(text, 'ref b', 1));
  assert.deepEqual(
    onWord.map((s) => text.slice(s.start, s.end)),
    ['B. BAKU 129'],
  );
  assert.deepEqual(definitionAt(cable, off(text, 'Khalafov')), []);
});

test('"ref A and B": the letter under the cursor, or both from the word', () => {
  const { text, cable } = load(corpus('07TRIPOLI943.txt'));
  const at = off(text, 'ref A and B');
  assert.deepEqual(
    definitionAt(cable, at + 4).map((s) => text.slice(s.start, s.end)),
    ['A) STATE 135205'],
  );
  assert.deepEqual(
    definitionAt(cable, at + 10).map((s) => text.slice(s.start, s.end)),
    ['B) STATE 127608'],
  );
  assert.deepEqual(
    definitionAt(cable, at).map((s) => text.slice(s.start, s.end)),
    ['A) STATE 135205', 'B) STATE 127608'],
  );
});

test('"reftel" goes to the only reference', () => {
  const { text, cable } = load(corpus('08ASMARA546.txt'));
  const i = text.search(/reftel/i);
  assert.ok(i > 0);
  assert.deepEqual(
    definitionAt(cable, i + 2).map((s) => text.slice(s.start, s.end)),
    ['ASMARA 509'],
  );
});

test('no REF line: nothing to go to', () => {
  const { text, cable } = load(seed().replace(/REF: A\. STATE 14840\n\n\[1\]\(#\)B\. BAKU 129\n/, ''));
  assert.equal(cable.refs, undefined);
  assert.deepEqual(definitionAt(cable, off(text, 'ref a', 4)), []);
});
