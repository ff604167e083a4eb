// Properties that hold for every cable: the seed and every file in
// test/fixtures/corpus (including files other helpers add there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parse';
import type { Cable, Span } from '../../server/src/model';
import { corpusNames, readCorpus, readSeed, spans } from './fixtures';

const cables: [string, string][] = [['seed.cable', readSeed()], ...corpusNames().map((n): [string, string] => [n, readCorpus(n)])];

const lf = (t: string) => t.replace(/\r\n?/g, '\n');

/** The model with every offset shifted by -`shift` and line breaks in texts made LF: what must not change between copies. */
function shape(cable: Cable, shift: number): unknown {
  const conv = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return lf(v);
    if (typeof v === 'number') return key === 'start' || key === 'end' ? `@${v - shift}` : v;
    if (Array.isArray(v)) return v.map((x) => conv(x, ''));
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = conv(x, k);
      // Offsets move with the line ends; what each element covers must not change.
      if (typeof (v as Span).start === 'number') {
        o.start = o.end = undefined;
        o.covers = lf(cable.text.slice((v as Span).start, (v as Span).end));
      }
      return o;
    }
    return v;
  };
  const { text: _t, lines, bom: _b, bodyStart: _s, ...rest } = cable;
  return { ...(conv(rest, '') as object), lines: lines.length };
}

test('parse never throws and every range lies inside the text', () => {
  assert.ok(cables.length >= 100, `only ${cables.length} fixtures`);
  for (const [name, text] of cables) {
    const c = parse(text);
    assert.equal(c.text, text);
    for (const { path, span } of spans(c)) {
      const where = `${name} ${path} [${span.start}, ${span.end})`;
      assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), where);
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${where} is outside [0, ${text.length}]`);
      // Token.text is the text it covers (Subject.text is the joined subject, not a token).
      if (typeof span.text === 'string' && !path.endsWith('subject')) {
        assert.equal(span.text, text.slice(span.start, span.end), `${where}: text differs from the range`);
      }
    }
    assert.ok(c.bodyStart >= 0 && c.bodyStart <= text.length, `${name} bodyStart`);
  }
});

test('paragraphs are in order and do not overlap; sub-paragraphs lie inside their paragraph', () => {
  for (const [name, text] of cables) {
    const c = parse(text);
    let prevEnd = 0;
    for (const p of c.paragraphs) {
      const where = `${name} paragraph ${p.value} at ${p.start}`;
      assert.ok(p.start >= prevEnd, `${where} overlaps the one before (ends ${prevEnd})`);
      assert.ok(p.start >= c.bodyStart, `${where} starts before the body`);
      assert.ok(p.head.start === p.start && p.head.end <= p.end, `${where}: head`);
      assert.equal(p.number.text, String(p.value).padStart(p.number.text.length, '0'), `${where}: number`);
      if (p.marking) assert.ok(p.marking.start >= p.start && p.marking.end <= p.end, `${where}: marking`);
      let subEnd = p.start;
      for (const s of p.subparagraphs) {
        assert.ok(s.start >= p.start && s.end <= p.end, `${where}: sub-paragraph ${s.marker.text} outside`);
        assert.ok(s.start >= subEnd, `${where}: sub-paragraph ${s.marker.text} overlaps the one before`);
        assert.ok(s.marker.start === s.start && s.marker.end <= s.end, `${where}: sub-paragraph marker`);
        subEnd = s.end;
      }
      prevEnd = p.end;
    }
    for (const b of c.blocks) {
      if (b.open) assert.ok(b.open.start === b.start, `${name} block ${b.kind} opener`);
      if (b.close) assert.ok(b.close.end === b.end, `${name} block ${b.kind} closer`);
    }
  }
});

test('header, banner, preamble elements and body do not overlap and come in document order', () => {
  for (const [name, text] of cables) {
    const c = parse(text);
    const firstPara = c.paragraphs[0]?.start ?? text.length;
    // Classified By may sit inside paragraph 1 (older cables); then it is part of the body.
    const clbyInBody = c.classifiedBy !== undefined && c.classifiedBy.start >= c.bodyStart;
    const preamble: [string, Span | undefined][] = [
      ['eo', c.eo],
      ['tags', c.tags],
      ['subject', c.subject],
      ['refs', c.refs],
      ['classifiedBy', clbyInBody ? undefined : c.classifiedBy],
      ...c.captions.map((x, i): [string, Span] => [`captions[${i}]`, x]),
      ...c.passing.map((x, i): [string, Span] => [`passing[${i}]`, x]),
    ];
    const present = preamble.filter((e): e is [string, Span] => e[1] !== undefined).sort((a, b) => a[1].start - b[1].start);
    for (let i = 1; i < present.length; i++) {
      assert.ok(present[i - 1][1].end <= present[i][1].start, `${name}: ${present[i - 1][0]} overlaps ${present[i][0]}`);
    }
    if (c.header && c.banner) assert.ok(c.header.end <= c.banner.start, `${name}: header runs into the banner`);
    const top = c.banner ?? c.header;
    for (const [what, el] of present) {
      if (top) assert.ok(top.end <= el.start, `${name}: ${what} starts inside or before the ${c.banner ? 'banner' : 'header'}`);
      assert.ok(el.end <= c.bodyStart || el.end <= firstPara, `${name}: ${what} runs into the body`);
    }
    if (top) assert.ok(top.end <= c.bodyStart, `${name}: body starts inside the banner/header`);
    if (clbyInBody) {
      const inside = c.paragraphs.some((p) => p.start <= c.classifiedBy!.start && c.classifiedBy!.end <= p.end);
      const before = c.classifiedBy!.end <= firstPara;
      assert.ok(inside || before, `${name}: Classified By in the body is neither before paragraph 1 nor inside a paragraph`);
    }
    if (c.signature && c.paragraphs.length) {
      assert.ok(c.signature.start >= c.paragraphs[0].start, `${name}: signature before paragraph 1`);
    }
  }
});

test('LF, CRLF and CR copies of a cable give the same model', () => {
  for (const [name, text] of cables) {
    const base = lf(text);
    const want = shape(parse(base), 0);
    assert.deepEqual(shape(parse(base.replace(/\n/g, '\r\n')), 0), want, `${name}: CRLF copy differs`);
    assert.deepEqual(shape(parse(base.replace(/\n/g, '\r')), 0), want, `${name}: CR copy differs`);
  }
});

test('a byte-order mark shifts every offset by one and changes nothing else', () => {
  for (const [name, text] of cables) {
    const plain = parse(text);
    const withBom = parse('\uFEFF' + text);
    assert.equal(withBom.bom, 1, name);
    assert.equal(plain.bom, 0, name);
    assert.equal(withBom.bodyStart, plain.bodyStart + 1, `${name}: bodyStart`);
    const a = spans(plain).map(({ path, span }) => [path, span.start, span.end]);
    const b = spans(withBom).map(({ path, span }) => [path, span.start - 1, span.end - 1]);
    assert.deepEqual(b, a, `${name}: offsets`);
    assert.deepEqual(shape(withBom, 1), shape(plain, 0), `${name}: values`);
  }
});

test('tabs instead of spaces still give the banner, the E.O. line and the paragraphs', () => {
  for (const [name, text] of cables) {
    const plain = parse(text);
    const tabbed = parse(text.replace(/ /g, '\t'));
    assert.equal(tabbed.banner?.className, plain.banner?.className, `${name}: banner`);
    assert.equal(tabbed.banner?.section?.n, plain.banner?.section?.n, `${name}: banner section`);
    assert.equal(tabbed.banner?.serial?.text, plain.banner?.serial?.text, `${name}: banner serial`);
    assert.equal(tabbed.eo?.decl.kind, plain.eo?.decl.kind, `${name}: DECL kind`);
    assert.equal(tabbed.eo?.decl.value.text.replace(/\t/g, ' '), plain.eo?.decl.value.text, `${name}: DECL value`);
    assert.deepEqual(
      tabbed.paragraphs.map((p) => [p.value, p.marking?.value]),
      plain.paragraphs.map((p) => [p.value, p.marking?.value]),
      `${name}: paragraphs`,
    );
  }
});
