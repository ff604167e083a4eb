// The outline: its shape on the seed and corpus cables, and ranges that nest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outline, type OutlineSymbol } from '../../server/src/features/outline';
import { corpus, corpusNames, load, seed } from './util';

test('seed: header group, preamble elements, paragraphs 1 to 3, signature', () => {
  const { text, cable } = load(seed());
  const o = outline(cable);
  assert.deepEqual(
    o.map((x) => x.kind),
    ['header', 'banner', 'eo', 'tags', 'subject', 'refs', 'classified-by', 'paragraph', 'paragraph', 'paragraph', 'signature'],
  );
  const header = o[0];
  assert.equal(header.name, 'Header');
  assert.deepEqual(header.children.map((c) => c.name).slice(0, 7), [
    'VZCZCXYZ0000',
    'RR RUEHWEB',
    'DE RUEHKB #0146 0461318',
    'ZNY CCCCC ZZH',
    'R 151318Z FEB 08',
    'FM AMEMBASSY BAKU',
    'TO SECSTATE WASHDC',
  ]);
  assert.equal(o[1].name, 'CONFIDENTIAL BAKU 000146');
  assert.equal(o[4].name, 'DEMARCHE DELIVERED: AZERBAIJANI REACTION TO POSSIBLE RUSSIAN RECOGNITION OF KOSOVO');
  assert.deepEqual(
    o[5].children.map((c) => c.name),
    ['A. STATE 14840', 'B. BAKU 129'],
  );
  assert.equal(o[6].detail, '1.4 (b, d)');
  const paras = o.filter((x) => x.kind === 'paragraph');
  assert.deepEqual(
    paras.map((p) => p.name),
    [
      '1. (C) DCM delivered ref a points regarding possible Russian',
      '2. (C) Khalafov asked why the United States was not',
      '3. (C) Comment: Based on our discussions with Mammadyarov and',
    ],
  );
  // Selection on the paragraph number; range over the paragraph.
  for (const [i, p] of paras.entries()) {
    assert.equal(text.slice(p.selectionStart, p.selectionEnd), String(i + 1));
    assert.ok(text.slice(p.start, p.end).startsWith(`${i + 1}. (C) `));
  }
  assert.ok(text.slice(paras[2].start, paras[2].end).endsWith('makes this point.'));
  // The COMMENT block of paragraph 3 is its child.
  assert.deepEqual(
    paras[2].children.map((c) => [c.kind, c.name]),
    [['comment', 'COMMENT']],
  );
  assert.equal(o[10].name, 'DERSE');
});

test('sub-paragraphs and a SUMMARY block nest under their paragraph', () => {
  const { text, cable } = load(corpus('08ASMARA546.txt'));
  const paras = outline(cable).filter((x) => x.kind === 'paragraph');
  assert.equal(paras[0].name.slice(0, 17), '1. (S/NF) SUMMARY');
  assert.deepEqual(
    paras[0].children.map((c) => c.kind),
    ['summary'],
  );
  assert.match(text.slice(paras[0].children[0].start, paras[0].children[0].end), /^SUMMARY:[\s\S]*END SUMMARY$/);
  const withSubs = paras.filter((p) => p.children.some((c) => c.kind === 'subparagraph'));
  assert.ok(withSubs.length > 0, 'some paragraph has sub-paragraphs');
  for (const p of withSubs)
    for (const c of p.children.filter((x) => x.kind === 'subparagraph'))
      assert.match(text.slice(c.selectionStart, c.selectionEnd), /^\(?[A-Za-z][.)]/);
});

function checkNesting(name: string, text: string, list: OutlineSymbol[], parent?: OutlineSymbol): void {
  for (const s of list) {
    assert.ok(
      s.start <= s.selectionStart && s.selectionStart <= s.selectionEnd && s.selectionEnd <= s.end,
      `${name}: selection outside range in ${s.name}`,
    );
    assert.ok(s.end <= text.length, `${name}: ${s.name} past the end`);
    if (parent) assert.ok(parent.start <= s.start && s.end <= parent.end, `${name}: ${s.name} outside ${parent.name}`);
    assert.ok(s.name.trim().length > 0, `${name}: empty name`);
    checkNesting(name, text, s.children, s);
  }
}

test('every fixture: selection inside range, children inside parents, names not empty', () => {
  for (const name of corpusNames()) {
    const { text, cable } = load(corpus(name));
    checkNesting(name, text, outline(cable));
  }
  assert.deepEqual(outline(load('').cable), []);
  const g = load('1.\n2. (C\n(S) 3.\nREF: A.\n');
  checkNesting('garbage', g.text, outline(g.cable));
});
