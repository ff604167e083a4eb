// Folding: header block, paragraphs, SUMMARY/COMMENT blocks, the REF list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldingRanges } from '../../server/src/features/folding';
import { corpus, corpusNames, load, seed } from './util';

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split(/\r\n|\r|\n/).length - 1;
}

test('seed: the header and the REF list fold; its one-line paragraphs do not', () => {
  const { text, cable } = load(seed());
  assert.deepEqual(foldingRanges(cable), [
    { startLine: lineOf(text, 'VZCZC'), endLine: lineOf(text, 'RUCNDT'), kind: 'header' },
    { startLine: lineOf(text, 'REF:'), endLine: lineOf(text, 'B. BAKU 129'), kind: 'refs' },
  ]);
});

test('multi-line paragraphs and blocks fold over their lines', () => {
  const { text, cable } = load(corpus('08ASMARA546.txt'));
  const f = foldingRanges(cable);
  const p1 = f.find((x) => x.kind === 'paragraph' && x.startLine === lineOf(text, '1. (S/NF)'));
  assert.ok(p1);
  // The paragraph runs to the line before paragraph 2 (the heading ARREST belongs to it).
  assert.equal(p1.endLine, lineOf(text, '2 (S/NF)') - 1);
  const sum = f.find((x) => x.kind === 'summary');
  assert.deepEqual(sum, { startLine: lineOf(text, '1. (S/NF) SUMMARY'), endLine: lineOf(text, 'END SUMMARY.'), kind: 'summary' });
  const p2 = f.find((x) => x.kind === 'paragraph' && x.startLine === lineOf(text, '2 (S/NF)'));
  assert.ok(p2 && p2.endLine > p2.startLine);
});

test('every fixture: ranges ordered, inside the text, more than one line', () => {
  for (const name of corpusNames()) {
    const { cable } = load(corpus(name));
    const f = foldingRanges(cable);
    for (let i = 0; i < f.length; i++) {
      assert.ok(f[i].startLine < f[i].endLine && f[i].endLine < cable.lines.length, name);
      if (i) assert.ok(f[i - 1].startLine <= f[i].startLine, `${name}: order`);
    }
  }
});
