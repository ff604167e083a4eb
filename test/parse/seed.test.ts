// The seed cable (examples/seed.cable, a web copy with `[1](#)` and `[PREL](#)`
// artifacts): every part with its value and its exact range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parse';
import type { Cable, Span } from '../../server/src/model';
import { cut, readSeed } from './fixtures';

const text = readSeed();
const cable = parse(text);

/** Asserts that `el` covers exactly `expected` (and that a token's text says the same). */
function at(el: (Span & { text?: unknown }) | undefined, expected: string, what: string, isToken = true): void {
  assert.ok(el, `${what} is missing`);
  assert.equal(cut(cable, el), expected, `${what}: range`);
  if (isToken && typeof el.text === 'string') assert.equal(el.text, expected, `${what}: token text`);
}

test('seed: transmission header (ACP-127)', () => {
  const h = cable.header!;
  assert.equal(h.kind, 'acp127');
  assert.equal(cut(cable, h), text.slice(text.indexOf('VZCZC'), text.indexOf('NEW YORK 0270') + 13));
  at(h.vzczc, 'VZCZCXYZ0000', 'VZCZC');
  assert.equal(h.vzczc!.trigraph, 'XYZ');
  assert.equal(h.vzczc!.sequence, '0000');
  at(h.prosignLine, 'RR RUEHWEB', 'prosign line');
  at(h.prosignLine!.prosign, 'RR', 'prosign');
  assert.deepEqual(
    h.prosignLine!.routing.map((t) => t.text),
    ['RUEHWEB'],
  );
  at(h.prosignLine!.routing[0], 'RUEHWEB', 'routing indicator');

  at(h.de, 'DE RUEHKB #0146 0461318', 'DE line');
  at(h.de!.keyword, 'DE', 'DE keyword');
  at(h.de!.station, 'RUEHKB', 'station');
  at(h.de!.serial, '0146', 'station serial');
  assert.equal(h.de!.section, undefined);
  at(h.de!.julian, '0461318', 'julian');

  at(h.security, 'ZNY CCCCC ZZH', 'security line');
  at(h.security!.keyword, 'ZNY', 'ZNY');
  at(h.security!.group, 'CCCCC', 'classification group');
  assert.equal(h.security!.letter, 'C');
  at(h.security!.trailer, 'ZZH', 'ZZH');

  const d = h.dtg!;
  at(d, 'R 151318Z FEB 08', 'DTG line');
  assert.deepEqual(
    d.precedence.map((t) => t.text),
    ['R'],
  );
  at(d.group, '151318Z FEB 08', 'DTG group');
  assert.deepEqual([d.year, d.month, d.day, d.hour, d.minute, d.valid], [2008, 2, 15, 13, 18, true]);
  assert.equal(d.trailer, undefined);
  assert.deepEqual(cable.date, { year: 2008, month: 2, day: 15 });

  at(h.from, 'FM AMEMBASSY BAKU', 'FM');
  at(h.from!.keyword, 'FM', 'FM keyword');
  at(h.from!.plad, 'AMEMBASSY BAKU', 'FM PLAD');
  assert.equal(h.from!.ri, undefined);

  assert.equal(h.to.length, 1);
  at(h.to[0], 'TO RUEHC/SECSTATE WASHDC 4786', 'TO');
  at(h.to[0].keyword, 'TO', 'TO keyword');
  at(h.to[0].ri, 'RUEHC', 'TO RI');
  at(h.to[0].plad, 'SECSTATE WASHDC', 'TO PLAD');
  at(h.to[0].serial, '4786', 'TO serial');
  assert.equal(h.to[0].precedence, undefined);

  const info = [
    ['INFO RUCNCIS/CIS COLLECTIVE', 'RUCNCIS', 'CIS COLLECTIVE', undefined],
    ['RUEHAK/AMEMBASSY ANKARA 2649', 'RUEHAK', 'AMEMBASSY ANKARA', '2649'],
    ['RUEHFR/AMEMBASSY PARIS 0478', 'RUEHFR', 'AMEMBASSY PARIS', '0478'],
    ['RUEHVEN/USMISSION USOSCE 0821', 'RUEHVEN', 'USMISSION USOSCE', '0821'],
    ['RUCNDT/USMISSION USUN NEW YORK 0270', 'RUCNDT', 'USMISSION USUN NEW YORK', '0270'],
  ];
  assert.equal(h.info.length, 5);
  h.info.forEach((a, i) => {
    const [line, ri, plad, serial] = info[i];
    at(a, line!, `INFO ${i}`);
    at(a.ri, ri!, `INFO ${i} RI`);
    at(a.plad, plad!, `INFO ${i} PLAD`);
    if (serial) at(a.serial, serial, `INFO ${i} serial`);
    else assert.equal(a.serial, undefined);
    assert.equal(a.keyword?.text, i === 0 ? 'INFO' : undefined);
  });
  assert.deepEqual(h.other, []);
  assert.deepEqual(cable.preamble, []);
});

test('seed: banner, captions, passing line', () => {
  const b = cable.banner!;
  at(b, 'C O N F I D E N T I A L BAKU 000146', 'banner');
  at(b.classText, 'C O N F I D E N T I A L', 'class words');
  assert.equal(b.className, 'CONFIDENTIAL');
  assert.equal(b.level, 'C');
  assert.equal(b.spaced, true);
  assert.equal(b.oddSpacing, false);
  assert.equal(b.efto, false);
  assert.equal(b.section, undefined);
  at(b.post, 'BAKU', 'post');
  at(b.serial, '000146', 'serial');
  assert.equal(b.rest, undefined);
  assert.equal(cable.level, 'C');

  assert.deepEqual(
    cable.captions.map((c) => c.name),
    ['SIPDIS', 'SIPDIS'],
  );
  cable.captions.forEach((c, i) => at(c, 'SIPDIS', `caption ${i}`));
  assert.notEqual(cable.captions[0].start, cable.captions[1].start);
  assert.equal(cable.passing.length, 1);
  at(cable.passing[0], 'DEPT FOR EUR/CARC', 'passing line');
});

test('seed: E.O. line and DECL date', () => {
  const eo = cable.eo!;
  at(eo, 'E.O. 12958: DECL: 02/15/2018', 'E.O. line');
  at(eo.keyword, 'E.O.', 'E.O. keyword');
  at(eo.order, '12958', 'order');
  at(eo.decl, 'DECL: 02/15/2018', 'decl');
  assert.equal(eo.decl.kind, 'date');
  at(eo.decl.keyword, 'DECL', 'DECL keyword');
  at(eo.decl.value, '02/15/2018', 'DECL value');
  assert.deepEqual(eo.decl.date, { year: 2018, month: 2, day: 15, form: 'MM/DD/YYYY', valid: true });
});

test('seed: TAGS with their [X](#) wrappers recorded as artifacts', () => {
  const t = cable.tags!;
  at(t, 'TAGS: [PREL](#) [PBTS](#) [GG](#) [RU](#) [YI](#) [AJ](#)', 'TAGS line');
  at(t.keyword, 'TAGS', 'TAGS keyword');
  const codes = ['PREL', 'PBTS', 'GG', 'RU', 'YI', 'AJ'];
  assert.deepEqual(
    t.tags.map((x) => x.code),
    codes,
  );
  t.tags.forEach((tag, i) => {
    at(tag, codes[i], `tag ${codes[i]}`);
    at(tag.wrapper, `[${codes[i]}](#)`, `wrapper of ${codes[i]}`);
  });
  assert.equal(t.commas, false);
  assert.deepEqual(t.names, []);
  const links = cable.artifacts.filter((a) => a.kind === 'tag-link');
  assert.deepEqual(
    links.map((a) => a.text),
    codes.map((c) => `[${c}](#)`),
  );
  links.forEach((a, i) => assert.deepEqual([a.start, a.end], [t.tags[i].wrapper!.start, t.tags[i].wrapper!.end]));
});

test('seed: SUBJECT over two lines, REF items, Classified By', () => {
  const s = cable.subject!;
  at(s, 'SUBJECT: DEMARCHE DELIVERED: AZERBAIJANI REACTION TO  \nPOSSIBLE RUSSIAN RECOGNITION OF KOSOVO', 'SUBJECT', false);
  at(s.keyword, 'SUBJECT:', 'SUBJECT keyword');
  assert.equal(s.text, 'DEMARCHE DELIVERED: AZERBAIJANI REACTION TO POSSIBLE RUSSIAN RECOGNITION OF KOSOVO');
  at(s.textSpan, 'DEMARCHE DELIVERED: AZERBAIJANI REACTION TO  \nPOSSIBLE RUSSIAN RECOGNITION OF KOSOVO', 'subject text span');
  assert.equal(s.lineCount, 2);
  assert.equal(s.marking, undefined);

  const r = cable.refs!;
  at(r, 'REF: A. STATE 14840\n\n[1](#)B. BAKU 129', 'REF block');
  at(r.keyword, 'REF', 'REF keyword');
  assert.equal(r.items.length, 2);
  at(r.items[0], 'A. STATE 14840', 'REF A');
  at(r.items[0].marker, 'A.', 'REF A marker');
  assert.equal(r.items[0].letter, 'A');
  at(r.items[0].target, 'STATE 14840', 'REF A target');
  at(r.items[1], 'B. BAKU 129', 'REF B');
  at(r.items[1].marker, 'B.', 'REF B marker');
  assert.equal(r.items[1].letter, 'B');
  at(r.items[1].target, 'BAKU 129', 'REF B target');

  const c = cable.classifiedBy!;
  at(c, 'Classified By: Pol/Econ Chief Joan Polaschik per 1.4 (b,d).', 'Classified By');
  at(c.keyword, 'Classified By:', 'Classified By keyword');
  at(c.body, 'Pol/Econ Chief Joan Polaschik per 1.4 (b,d).', 'Classified By body');
  at(c.authority, 'Pol/Econ Chief Joan Polaschik', 'authority');
  at(c.section, '1.4', 'section');
  assert.deepEqual(
    c.reasons.map((x) => x.text),
    ['b', 'd'],
  );
  at(c.reasons[0], 'b', 'reason b');
  at(c.reasons[1], 'd', 'reason d');
});

test('seed: paragraphs 1-3 marked (C), the comment block, ref mentions, signature', () => {
  const p = cable.paragraphs;
  assert.deepEqual(
    p.map((x) => x.value),
    [1, 2, 3],
  );
  const firstLine = (n: number) => {
    const s = text.indexOf(`${n}. (C) `);
    return text.slice(s, text.indexOf('\n', s)).trimEnd();
  };
  p.forEach((para, i) => {
    const n = i + 1;
    at(para, firstLine(n), `paragraph ${n}`);
    at(para.number, String(n), `paragraph ${n} number`);
    assert.equal(para.punctuation, '.');
    at(para.head, `${n}. (C)`, `paragraph ${n} head`);
    at(para.marking, '(C)', `paragraph ${n} marking`);
    assert.equal(para.marking!.value, 'C');
    assert.equal(para.marking!.level, 'C');
    assert.deepEqual(para.marking!.caveats, []);
    assert.equal(para.marking!.known, true);
    assert.deepEqual(para.subparagraphs, []);
    assert.equal(text.slice(para.start - 6, para.start), '[1](#)', `paragraph ${n} follows its anchor`);
  });
  assert.equal(p[0].firstWords, 'DCM delivered ref a points regarding possible Russian');
  assert.equal(cable.bodyStart, p[0].start - 6);

  assert.equal(cable.blocks.length, 1);
  const b = cable.blocks[0];
  assert.equal(b.kind, 'comment');
  at(b.open, 'Comment', 'comment opener');
  assert.equal(b.close, undefined);
  at(b, firstLine(3).slice('3. (C) '.length), 'comment block (to the end of paragraph 3)');
  assert.ok(b.start >= p[2].start && b.end <= p[2].end);

  assert.deepEqual(
    cable.refMentions.map((m) => m.text),
    ['ref a', 'ref b'],
  );
  assert.deepEqual(
    cable.refMentions.map((m) => m.letters.map((l) => l.text)),
    [['a'], ['b']],
  );
  assert.ok(cable.refMentions[0].start > p[0].start && cable.refMentions[0].end < p[0].end);
  assert.ok(cable.refMentions[1].start > p[1].start && cable.refMentions[1].end < p[1].end);
  at(cable.refMentions[1].letters[0], 'b', 'letter of ref b');

  at(cable.signature, 'DERSE', 'signature');
  assert.deepEqual(cable.pageLines, []);
});

test('seed: web-copy artifacts are recorded once each, in order', () => {
  const anchors = cable.artifacts.filter((a) => a.kind === 'anchor');
  // One before `B. BAKU 129` and one before each paragraph.
  assert.equal(anchors.length, 4);
  for (const a of anchors) at(a, '[1](#)', 'anchor');
  assert.equal(text.slice(anchors[0].end, anchors[0].end + 2), 'B.');
  const starts = cable.artifacts.map((a) => a.start);
  assert.deepEqual(
    starts,
    [...starts].sort((x, y) => x - y),
  );
  assert.equal(new Set(starts).size, starts.length, 'no artifact recorded twice');
  assert.equal(cable.artifacts.length, 10);
});

test('seed: the same cable without web-copy artifacts parses to the same values', () => {
  const clean = text.replace(/\[1\]\(#\)/g, '').replace(/\[([A-Z]+)\]\(#\)/g, '$1');
  const c: Cable = parse(clean);
  assert.deepEqual(
    c.tags!.tags.map((t) => t.code),
    cable.tags!.tags.map((t) => t.code),
  );
  assert.ok(c.tags!.tags.every((t) => t.wrapper === undefined));
  assert.deepEqual(
    c.refs!.items.map((i) => [i.letter, i.target.text]),
    [
      ['A', 'STATE 14840'],
      ['B', 'BAKU 129'],
    ],
  );
  assert.deepEqual(
    c.paragraphs.map((p) => [p.value, p.marking?.value]),
    [
      [1, 'C'],
      [2, 'C'],
      [3, 'C'],
    ],
  );
  assert.equal(c.artifacts.length, 0);
  assert.equal(c.signature?.text, 'DERSE');
});
