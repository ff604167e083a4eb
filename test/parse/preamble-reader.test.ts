// The preamble reader's two passes share one segment scanner and one
// Classified By wrap logic: what the late pass (past an early end of the
// preamble) reads must read as it does in the preamble.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parse';
import { cut, readCorpus } from './fixtures';

const HEAD =
  'C O N F I D E N T I A L SANAA 001352\n\nSIPDIS\n\nE.O. 12958: DECL: 08/11/2018\nTAGS: PREL PGOV YM\nSUBJECT: A TEST SUBJECT\n\n';

describe('preamble reader', () => {
  test('past an early end of the preamble, a doubled `Classified By: CLASSIFIED BY` reads as in the preamble (04THEHAGUE868)', () => {
    const c = parse(readCorpus('04THEHAGUE868'));
    assert.equal(cut(c, c.classifiedBy?.keyword), 'Classified By:');
    assert.equal(c.classifiedBy?.authority?.text, 'POLITICAL COUNSELOR MARY DALY');
    assert.equal(c.classifiedBy?.section?.text, '1.5');
    assert.deepEqual(
      c.classifiedBy?.reasons.map((r) => r.text),
      ['B', 'D'],
    );
  });

  test('the same doubled keyword inside the preamble', () => {
    const c = parse(`${HEAD}Classified By: CLASSIFIED BY AMBASSADOR X FOR REASONS 1.4 (B) AND (D)\n\n1. (C) Text.\n`);
    assert.equal(c.classifiedBy?.authority?.text, 'AMBASSADOR X');
    assert.deepEqual(
      c.classifiedBy?.reasons.map((r) => r.text),
      ['B', 'D'],
    );
  });

  test('reasons wrapped past a blank line join Classified By; a paragraph does not', () => {
    const c = parse(`${HEAD}Classified By: Ambassador X for Reasons\n\n1.4 (b) and (d).\n\n1. (C) Text.\n`);
    assert.deepEqual(
      c.classifiedBy?.reasons.map((r) => r.text),
      ['b', 'd'],
    );
    assert.equal(c.paragraphs.length, 1);
    assert.ok(c.classifiedBy!.end < c.paragraphs[0].start);
  });

  test('text before paragraph 1 run on at the end of the preamble is body: a SUMMARY heading opens its block', () => {
    const c = parse(`${HEAD}SUMMARY ------- 1. (C) The summary. END SUMMARY. 2. (C) More text here.\n`);
    assert.equal(c.bodyStart, c.text.indexOf('SUMMARY -'));
    assert.deepEqual(
      c.paragraphs.map((p) => [p.value, p.marking?.value]),
      [
        [1, 'C'],
        [2, 'C'],
      ],
    );
    assert.equal(c.blocks.length, 1);
    assert.equal(c.blocks[0].open?.text, 'SUMMARY');
    assert.equal(c.blocks[0].close?.text, 'END SUMMARY');
  });

  test('`1. 1. (SBU) Summary`: the body starts at the marked number', () => {
    const c = parse(`${HEAD}1. 1. (SBU) Summary and action request, see para 2.\n2. (SBU) Action.\n`);
    assert.deepEqual(
      c.paragraphs.map((p) => [p.value, p.marking?.value]),
      [
        [1, 'SBU'],
        [2, 'SBU'],
      ],
    );
    assert.equal(c.bodyStart, c.text.indexOf('1. (SBU)'));
  });
});
