// Format Document: what is certain, without changing a word; idempotent; line ends and BOM kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/features/fixall';
import { formatEdits, type FormatOptions } from '../../server/src/features/format';
import { parse } from '../../server/src/parse/index';
import { corpus, corpusNames, seed } from './util';

function format(text: string, opts: FormatOptions = {}): string {
  return applyEdits(text, formatEdits(parse(text), opts));
}

/**
 * Every edit changes white space only, or puts a number in place of a paragraph's number:
 * no word changes. Returns the first edit that does more, if any.
 */
function wordChange(text: string): string | undefined {
  const cable = parse(text);
  const numbers = new Set(cable.paragraphs.map((p) => `${p.number.start}:${p.number.end}`));
  for (const e of formatEdits(cable)) {
    const old = text.slice(e.start, e.end);
    if (old.replace(/\s+/g, '') === e.newText.replace(/\s+/g, '')) continue;
    if (/^\d+$/.test(old) && /^\d+$/.test(e.newText) && numbers.has(`${e.start}:${e.end}`)) continue;
    return `${JSON.stringify(old)} -> ${JSON.stringify(e.newText)} at ${e.start}`;
  }
  return undefined;
}

/** The text without white space and digits: what formatting never changes. */
function words(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '');
}

/** The line breaks in order: CRLF stays CRLF, LF stays LF. */
function breaks(text: string): string[] {
  return text.match(/\r\n|\r|\n/g) ?? [];
}

test('seed: only its trailing spaces go; with trimTrailingWhitespace false nothing changes', () => {
  const text = seed();
  assert.equal(format(text), text.replace(/[ \t]+$/gm, ''));
  assert.equal(format(text, { trimTrailingWhitespace: false }), text);
});

test('a draft broken the usual ways: banner spacing, E.O. spacing, paragraph numbers, trailing spaces', () => {
  const clean = seed().replace(/[ \t]+$/gm, '');
  const broken = clean
    .replace('C O N F I D E N T I A L BAKU', 'C O N F I D E N T I AL BAKU')
    .replace('E.O. 12958: DECL: 02/15/2018', 'E.O.  12958 :DECL:   02/15/2018')
    .replace('[1](#)3. (C)', '[1](#)7. (C)')
    .replace('KOSOVO', 'KOSOVO   \t');
  assert.equal(format(broken), clean);
});

test('what is not certain stays: a dropped or doubled letter of the banner, unmarked paragraph numbers, a word in the E.O. gap', () => {
  const text = corpus('08ASMARA546.txt');
  assert.ok(format(text).includes('SS E C R E T ASMARA'), 'SS E C R E T is the quick fix’s business, not formatting’s');
  // `under the age of / (blank) / 16. Juveniles`: an unmarked number is not renumbered.
  const manama = corpus('08MANAMA34.txt');
  assert.ok(format(manama).includes('\n16. Juveniles'));
  const eo = seed().replace('E.O. 12958: DECL', 'E.O. 12958 AS AMENDED: DECL');
  assert.ok(format(eo).includes('E.O. 12958 AS AMENDED: DECL'));
});

test('CRLF and a BOM are kept', () => {
  const text = '\uFEFF' + seed().replace(/\r?\n/g, '\r\n').replace('[1](#)3. (C)', '[1](#)4. (C)');
  const out = format(text);
  assert.equal(out.charCodeAt(0), 0xfeff);
  assert.deepEqual(breaks(out), breaks(text));
  assert.ok(out.includes('[1](#)3. (C)'));
  assert.ok(!/ \r\n/.test(out), 'no trailing space before a CRLF');
});

test('every corpus fixture: idempotent, the words unchanged, the line ends unchanged', () => {
  for (const name of corpusNames()) {
    const text = corpus(name);
    const once = format(text);
    assert.equal(format(once), once, `${name}: a second format changes nothing`);
    assert.equal(wordChange(text), undefined, `${name}: only white space and paragraph numbers change`);
    assert.equal(words(once), words(text), `${name}: the words are unchanged`);
    assert.deepEqual(breaks(once), breaks(text), `${name}: the line ends are unchanged`);
  }
});

test('property: on fixtures broken at random (spaces, numbers, banner and E.O. spacing, CRLF, BOM) format is idempotent and keeps the words', () => {
  const names = corpusNames();
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('trailing' as const), at: fc.nat(), pad: fc.constantFrom(' ', '  ', '\t', ' \t ') }),
    fc.record({ kind: fc.constant('number' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('gap' as const), at: fc.nat(), gap: fc.constantFrom('', ' ', '  ', ' : ', ':', ':   ', '\t') }),
    fc.record({ kind: fc.constant('banner' as const), at: fc.nat() }),
  );
  fc.assert(
    fc.property(fc.constantFrom(...names), fc.array(mutation, { maxLength: 6 }), fc.boolean(), fc.boolean(), (name, muts, crlf, bom) => {
      let text = corpus(name);
      for (const m of muts) {
        const c = parse(text);
        if (m.kind === 'trailing') {
          const line = c.lines[m.at % c.lines.length];
          text = text.slice(0, line.end) + m.pad + text.slice(line.end);
        } else if (m.kind === 'number' && c.paragraphs.length) {
          const p = c.paragraphs[m.at % c.paragraphs.length];
          text = text.slice(0, p.number.start) + m.n + text.slice(p.number.end);
        } else if (m.kind === 'gap' && c.eo?.order && c.eo.decl.keyword && c.eo.decl.keyword.start > c.eo.order.end) {
          // Either the gap after E.O. (blanks) or the one before DECL (blanks around a colon).
          const [s, e, gap] =
            m.at % 2
              ? [c.eo.keyword.end, c.eo.order.start, m.gap.replace(':', '')]
              : [c.eo.order.end, c.eo.decl.keyword.start, m.gap.includes(':') ? m.gap : ':' + m.gap];
          text = text.slice(0, s) + gap + text.slice(e);
        } else if (m.kind === 'banner' && c.banner?.spaced) {
          // Drop one space between two letters: `C O N F I D E N T I AL`.
          const t = c.banner.classText;
          const spaces = [...t.text].map((ch, i) => (ch === ' ' ? i : -1)).filter((i) => i >= 0);
          const i = spaces[m.at % spaces.length];
          if (i !== undefined) text = text.slice(0, t.start + i) + text.slice(t.start + i + 1);
        }
      }
      if (crlf) text = text.replace(/\r?\n/g, '\r\n');
      if (bom) text = '\uFEFF' + text;
      const once = format(text);
      const twice = format(once);
      if (twice !== once) throw new Error(`${name}: not idempotent`);
      const change = wordChange(text);
      if (change) throw new Error(`${name}: a word changed: ${change}`);
      if (words(once) !== words(text)) throw new Error(`${name}: words changed`);
      if (breaks(once).join('') !== breaks(text).join('')) throw new Error(`${name}: line ends changed`);
      if (bom && once.charCodeAt(0) !== 0xfeff) throw new Error(`${name}: BOM lost`);
      return true;
    }),
    { numRuns: 150 },
  );
});

test('garbage and half-typed cables format without throwing and keep their text', () => {
  for (const text of [
    '',
    '\uFEFF',
    ' ',
    '\t\r\n  \n',
    'E.O.',
    'E.O. :',
    'E.O.12958:DECL:',
    '1.\n1.\n1.',
    'C O N F I D E N T I A L',
    '\u0000 \u0001 \n',
  ]) {
    const out = format(text);
    assert.equal(out.replace(/\s+/g, ''), text.replace(/\s+/g, ''), JSON.stringify(text));
  }
});
