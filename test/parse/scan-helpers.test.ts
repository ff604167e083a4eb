// The body scanner's speed helpers must answer exactly as the slower code
// they replace: white space as `\s` takes it, firstWords as trim/split/join,
// NextMatch as a search of the line alone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isWhiteSpace, NextMatch } from '../../server/src/parse/lines';
import { firstWords } from '../../server/src/parse/paragraphs';
import { isClassInitial } from '../../server/src/parse/body';
import { CLASS_WORDS } from '../../server/src/parse/class-words';
import { parse } from '../../server/src/parse';
import { corpusNames, readCorpus } from './fixtures';

/** The definition firstWords had before it was written as one pass. */
function firstWordsBySplit(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 80)).trim();
  const words = s.split(/\s+/).slice(0, 8).join(' ');
  return words.length > 60 ? words.slice(0, 60) + '…' : words;
}

const SPACES = [' ', '  ', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\n', ' \t '];
const wordsAndSpaces = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SPACES),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('REF', 'summary', 'COMMENT', '2. (C)', '12345', 'x'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('scan helpers', () => {
  test('isWhiteSpace agrees with \\s on every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(isWhiteSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  test('a banner can only start with a class initial: every class word source starts with its letter', () => {
    for (const w of CLASS_WORDS) {
      assert.match(w.source, /^[A-Z]/, w.name);
      assert.ok(isClassInitial(w.name.charCodeAt(0)) && isClassInitial(w.name.toLowerCase().charCodeAt(0)), w.name);
    }
    assert.ok(!isClassInitial('X'.charCodeAt(0)) && !isClassInitial('1'.charCodeAt(0)));
  });

  test('firstWords gives what trim/split/join gives, on generated text', () => {
    fc.assert(
      fc.property(wordsAndSpaces, fc.nat(20), fc.nat(120), (text, a, b) => {
        const start = Math.min(a, text.length);
        const end = Math.min(text.length, start + b);
        assert.equal(firstWords(text, start, end), firstWordsBySplit(text, start, end));
      }),
      { numRuns: 2000 },
    );
  });

  test('firstWords of every paragraph of every corpus fixture is as before', () => {
    let n = 0;
    for (const name of corpusNames()) {
      const c = parse(readCorpus(name));
      for (const p of c.paragraphs) {
        const from = p.head.end;
        assert.equal(firstWords(c.text, from, p.end), firstWordsBySplit(c.text, from, p.end));
        n++;
      }
    }
    assert.ok(n > 100);
  });

  test('NextMatch.within answers as a search of [start, end) alone, going forward or back', () => {
    fc.assert(
      fc.property(wordsAndSpaces, fc.array(fc.tuple(fc.nat(300), fc.nat(60)), { maxLength: 30 }), fc.boolean(), (text, queries, sorted) => {
        for (const source of ['ref', 'summa|comment', '\\d\\.[ \\t]{0,3}[(A-Z]']) {
          const next = new NextMatch(new RegExp(source, 'gi'), text);
          const qs = queries.map(([s, l]) => [Math.min(s, text.length), Math.min(s, text.length) + l] as const);
          if (sorted) qs.sort((x, y) => x[0] - y[0]);
          for (const [start, end] of qs) {
            const expected = new RegExp(source, 'gi').test(text.slice(start, Math.max(start, Math.min(end, text.length))));
            // A match may run past `end` when the query cuts through it: within() counts a match that starts before `end`.
            const startsBefore = [...text.matchAll(new RegExp(source, 'gi'))].some((m) => m.index >= start && m.index < end);
            assert.equal(next.within(start, end), startsBefore, `${source} in [${start}, ${end}) of ${JSON.stringify(text)}`);
            if (expected) assert.ok(startsBefore);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
