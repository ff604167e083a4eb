// The New Cable template parses into every part, with the default DECL date.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newCableTemplate } from '../../server/src/features/template';
import { parse } from '../../server/src/parse/index';

test('a 2026 template: E.O. 13526, DECL ten years on in YYYY/MM/DD', () => {
  const text = newCableTemplate({ year: 2026, month: 3, day: 9 });
  const c = parse(text);
  assert.equal(c.banner?.level, 'C');
  assert.equal(c.eo?.order?.text, '13526');
  assert.equal(c.eo?.decl.value.text, '2036/03/09');
  assert.deepEqual(
    c.tags?.tags.map((t) => t.code),
    ['PREL'],
  );
  assert.ok(c.subject);
  assert.deepEqual(
    c.classifiedBy?.reasons.map((r) => r.text),
    ['b', 'd'],
  );
  assert.equal(c.paragraphs.length, 1);
  assert.equal(c.paragraphs[0].marking?.value, 'C');
  assert.deepEqual(
    c.captions.map((x) => x.name),
    ['SIPDIS'],
  );
});

test('a 2008 date gives E.O. 12958 and MM/DD/YYYY; 29 February becomes 28 February', () => {
  const c = parse(newCableTemplate({ year: 2008, month: 2, day: 29 }));
  assert.equal(c.eo?.order?.text, '12958');
  assert.equal(c.eo?.decl.value.text, '02/28/2018');
});

test('the snippet form has tab stops and the same text once they are filled with their defaults', () => {
  const d = { year: 2026, month: 3, day: 9 };
  const snip = newCableTemplate(d, { snippet: true });
  assert.match(snip, /\$\{1:POST\}/);
  const filled = snip.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, (_m, v: string) => v.replace(/\\(.)/g, '$1'));
  assert.equal(filled, newCableTemplate(d));
});
