// One test per variant the format document lists, on real cables from
// test/fixtures/corpus (see INDEX.md there): the values the parser reads,
// not just that something came back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/parse';
import type { Cable, Span } from '../../server/src/model';
import { cut, readCorpus } from './fixtures';

const cache = new Map<string, Cable>();
function cable(id: string): Cable {
  let c = cache.get(id);
  if (!c) cache.set(id, (c = parse(readCorpus(id))));
  return c;
}
const text = (c: Cable, el: Span | undefined) => cut(c, el);
const refs = (c: Cable) => c.refs?.items.map((i) => [i.marker?.text, i.letter, i.target.text]);
const paras = (c: Cable) => c.paragraphs.map((p) => [p.value, p.marking?.value]);

describe('transmission header', () => {
  test('ACP-127: VZCZC, prosign with routing indicators over two lines, DE with section, DTG', () => {
    const h = cable('08ALGIERS85').header!;
    assert.equal(h.kind, 'acp127');
    assert.deepEqual([h.vzczc!.trigraph, h.vzczc!.sequence], ['XRO', '1124']);
    assert.deepEqual([h.de!.station.text, h.de!.serial.text, h.de!.section?.text, h.de!.julian.text], ['RUEHAS', '0085', '01', '0251117']);
    assert.equal(h.security!.letter, 'C');
    assert.equal(text(cable('08ALGIERS85'), h.dtg), 'R 251117Z JAN 08');
    const two = cable('09CARACAS1443').header!.prosignLine!;
    assert.equal(two.prosign.text, 'OO');
    assert.equal(two.routing.length, 15);
    assert.deepEqual([two.routing[0].text, two.routing[14].text], ['RUEHAO', 'RUEHVC']);
  });

  test('ACP-126: the header starts at the date-time group (1966, 1979, 2000)', () => {
    const c = cable('66BUENOSAIRES2481');
    const h = c.header!;
    assert.equal(h.kind, 'acp126');
    assert.equal(h.vzczc, undefined);
    assert.equal(h.de, undefined);
    assert.deepEqual(
      h.dtg!.precedence.map((p) => p.text),
      ['P', 'R'],
    );
    assert.equal(h.dtg!.group.text, '281848Z DEC 66');
    assert.deepEqual([h.dtg!.year, h.dtg!.month, h.dtg!.day, h.dtg!.hour, h.dtg!.minute], [1966, 12, 28, 18, 48]);
    assert.equal(h.from!.plad!.text, 'AMEMBASSY BUENOS AIRES');
    assert.deepEqual([h.to[0].plad!.text, h.to[0].precedence!.text, h.to[0].ri], ['SECSTATE WASHDC', 'PRIORITY', undefined]);
    assert.deepEqual(
      h.info.slice(0, 2).map((a) => a.plad!.text),
      ['USCINCSO', 'CINCLANT'],
    );
    assert.equal(cable('79TEHRAN8980').header!.dtg!.year, 1979);
    const t = cable('00TASHKENT4223').header!;
    assert.equal(t.kind, 'acp126');
    assert.deepEqual([t.dtg!.year, t.to[0].serial!.text, t.info[0].plad!.text], [2000, '5226', 'CIS COLLECTIVE']);
  });

  test('ACP-126 after a junk first line or distribution lines: the header starts at the DTG', () => {
    const c = cable('07TRIPOLI641');
    assert.equal(c.header!.kind, 'acp126');
    assert.equal(text(c, c.header!.dtg), 'O 261520Z JUL 07');
    assert.equal(c.preamble.length, 1);
    assert.match(c.preamble[0].text, /^TelegramRestricted by caption\. UNCLASSIFIED\s+TRIPOLI\s+00000641$/);
    const to = c.header!.to[0];
    assert.deepEqual([to.ri!.text, to.plad!.text, to.precedence!.text, to.serial!.text], ['RUEHC', 'SECSTATE WASHDC', 'IMMEDIATE', '2473']);
    assert.equal(c.banner!.serial!.text, '000641');

    const l = cable('08LONDON2673');
    assert.equal(l.header!.kind, 'acp126');
    assert.equal(l.header!.dtg!.group.text, '240645Z OCT 08');
    assert.ok(
      l.preamble.some((p) => p.text.startsWith('INFO  LOG-00')),
      'distribution lines stay in the preamble',
    );
    assert.equal(l.header!.from!.plad!.text, 'AMEMBASSY LONDON');
  });

  test('printout: ORIGIN and INFO LOG-00 lines before the DTG are not addressees', () => {
    const h = cable('08STATE116943').header!;
    assert.equal(h.kind, 'printout');
    assert.equal(h.other[0].text, 'ORIGIN DS-00');
    assert.ok(h.other.some((o) => o.text.startsWith('INFO  LOG-00')));
    assert.equal(h.dtg!.group.text, '031812Z NOV 08');
    assert.equal(h.from!.plad!.text, 'SECSTATE WASHDC');
    assert.deepEqual(
      h.to.map((a) => a.plad!.text),
      ['SECURITY OFFICER COLLECTIVE', 'AMEMBASSY TRIPOLI'],
    );
    assert.equal(h.info[0].plad!.text, 'AMCONSUL CASABLANCA');
  });

  test('VZCZC not on the first line: the lines before it are preamble', () => {
    const c = cable('03ABUDHABI2641');
    assert.equal(c.header!.kind, 'acp127');
    assert.equal(c.header!.vzczc!.text, 'VZCZCADI319');
    assert.deepEqual([c.header!.vzczc!.trigraph, c.header!.vzczc!.sequence], ['ADI', '319']);
    assert.equal(c.preamble[0].text, 'null');
    assert.ok(c.preamble.length > 10);
    assert.equal(c.banner!.post!.text, 'ABU DHABI');
  });

  test('a copy without its date-time group line starts at FM: the addressees are header, the banner 18 lines down is found', () => {
    const c = parse(readCorpus('96ANKARA12278').replace('R 181142Z NOV 96\n', ''));
    assert.equal(c.header?.kind, 'acp126');
    assert.equal(c.header?.dtg, undefined);
    assert.equal(text(c, c.header?.from?.plad), 'AMEMBASSY ANKARA');
    assert.equal(text(c, c.banner), 'C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 012278');
    assert.equal(c.level, 'C');
  });

  test('no header (partial extract)', () => {
    const c = cable('00THEHAGUE1695');
    assert.equal(c.header, undefined);
    assert.equal(c.date, undefined);
    assert.equal(text(c, c.banner), 'UNCLAS SECTION 01 OF 02 THE HAGUE 001695');
  });

  test('two precedence letters, operating signals after the DTG and after ZZH, NIACT IMMEDIATE, serial ranges', () => {
    assert.deepEqual(
      cable('10TRIPOLI91').header!.dtg!.precedence.map((p) => p.text),
      ['O', 'P'],
    );
    assert.equal(cable('09LONDON1888').header!.dtg!.trailer!.text, 'ZDK');
    const s = cable('08TRIPOLI650').header!.security!;
    assert.equal(s.trailer!.text, 'ZZH ZDK ZDS');
    assert.equal(cable('07KAMPALA1752').header!.security!.trailer!.text, 'ZZH (CCY TEXT ADX: 2BE005 MSI7470 600)');
    const to = cable('08STATE103511').header!.to[0];
    // `ZEN/` (not sent by this channel) is not a routing indicator: it stays in the address.
    assert.deepEqual(
      [to.ri, to.plad!.text, to.precedence!.text, to.serial!.text],
      [undefined, 'ZEN/AMEMBASSY BELMOPAN', 'NIACT IMMEDIATE', '2276-2279'],
    );
  });

  test('web record wrapper (id:/refid:/header:/----- header ends -----) goes to the preamble', () => {
    const c = cable('09CARACAS1443');
    assert.equal(c.header!.kind, 'acp127');
    assert.equal(c.preamble[0].text, 'id: 234042');
    assert.match(c.preamble[c.preamble.length - 1].text, /^-+ header ends -+$/);
    assert.equal(text(c, c.banner), 'S E C R E T SECTION 01 OF 02 CARACAS 001443');
    assert.deepEqual(
      c.captions.map((x) => x.name),
      ['SENSITIVE', 'SIPDIS'],
    );
    assert.deepEqual(c.passing, []);
    const b = cable('02BOGOTA3281');
    assert.equal(b.header!.kind, 'acp126');
    assert.deepEqual([b.banner!.className, b.banner!.section!.n, b.banner!.section!.m, b.banner!.serial!.text], ['SECRET', 1, 2, '003281']);
  });
});

describe('banner and captions', () => {
  test('SECTION n OF m, post and serial', () => {
    const b = cable('08ALGIERS85').banner!;
    assert.equal(b.section!.text, 'SECTION 01 OF 02');
    assert.deepEqual([b.section!.n, b.section!.m], [1, 2]);
    assert.equal(text(cable('08ALGIERS85'), b.section), 'SECTION 01 OF 02');
    assert.deepEqual([b.post!.text, b.serial!.text, b.level, b.spaced], ['ALGIERS', '000085', 'C', true]);
    const s = cable('05SANJOSE488').banner!;
    assert.deepEqual([s.section!.n, s.section!.m, s.post!.text], [1, 28, 'SAN JOSE']);
  });

  test('UNCLAS E F T O with ZNY EEEEE', () => {
    const c = cable('09EFTOLONDON2688');
    assert.equal(c.header!.security!.group.text, 'EEEEE');
    assert.equal(c.header!.security!.letter, 'E');
    assert.deepEqual(
      [c.banner!.className, c.banner!.efto, c.banner!.level, c.banner!.spaced, c.banner!.oddSpacing],
      ['UNCLAS EFTO', true, 'U', false, false],
    );
    assert.equal(c.banner!.classText.text, 'UNCLAS E F T O');
    assert.equal(c.level, 'SBU'); // SENSITIVE caption
  });

  test('plain and oddly spaced class words, UNCLASSIFIED in full', () => {
    const p = cable('06NEWDELHI5135').banner!;
    assert.deepEqual([p.classText.text, p.spaced, p.oddSpacing], ['CONFIDENTIAL', false, false]);
    const u = cable('72TEHRAN5055').banner!;
    assert.deepEqual([u.className, u.post!.text, u.serial!.text], ['UNCLASSIFIED', 'TEHRAN', '5055']);
  });

  test('lower-case copy: banner, E.O., run-together TAGS and SUBJECT', () => {
    const c = cable('04ANKARA348');
    const b = c.banner!;
    assert.equal(b.classText.text, 'C o n f i d e n t i a l');
    assert.deepEqual([b.level, b.spaced, b.section!.n, b.section!.m, b.post!.text, b.serial!.text], ['C', true, 1, 4, 'ankara', '000348']);
    assert.deepEqual(
      c.captions.map((x) => [x.text, x.name]),
      [['Sipdis', 'SIPDIS']],
    );
    assert.equal(c.eo!.keyword.text, 'E.o.');
    assert.deepEqual([c.eo!.decl.kind, c.eo!.decl.keyword!.text, c.eo!.decl.value.text], ['date', 'decl', '01/07/2014']);
    assert.deepEqual(
      c.tags!.tags.map((t) => [t.text, t.code]),
      [
        ['prel', 'PREL'],
        ['pgov', 'PGOV'],
        ['pins', 'PINS'],
        ['tu', 'TU'],
      ],
    );
    assert.equal(c.tags!.commas, true);
    assert.equal(c.subject!.text, 'turkish p.m. Erdogan goes to washington: how strong a leader in the face of strong challenges?');
    assert.equal(c.classifiedBy!.section!.text, '1.5');
    assert.deepEqual(paras(c).slice(0, 2), [
      [1, 'C'],
      [2, 'C'],
    ]);
    const s = cable('07STATE135366').banner!;
    assert.deepEqual([s.classText.text, s.className, s.post!.text], ['S e c r e t', 'SECRET', 'state']);
  });

  test('NOFORN, NOFORN SIPDIS on one line, SENSITIVE, SENSITIVE BUT UNCLASSIFIED, REL NATO, CORRECTED COPY', () => {
    assert.deepEqual(
      cable('08LONDON2673').captions.map((x) => x.name),
      ['NOFORN'],
    );
    const t = cable('10TRIPOLI91');
    assert.deepEqual(
      t.captions.map((x) => x.name),
      ['NOFORN', 'SIPDIS'],
    );
    assert.equal(t.captions[0].end + 1, t.captions[1].start, 'both on one line');
    assert.deepEqual(
      cable('07TRIPOLI641').captions.map((x) => x.name),
      ['SENSITIVE'],
    );
    const rel = cable('05KABUL5181').captions.find((x) => x.name === 'REL NATO')!;
    assert.equal(rel.text, 'REL NATO/AUST/NZ/ISAF');
    assert.equal(
      cable('05KABUL5181').passing.some((p) => p.text.startsWith('REL')),
      false,
    );
    const sbu = cable('05RECIFE78');
    assert.equal(sbu.level, 'U');
    const cc = cable('73TEHRAN2077').captions.find((x) => x.name === 'CORRECTED COPY');
    assert.equal(cc?.text, 'C O R R E C T E D C O P Y ( FIRST PARAGRAPH AND PARA. 2.)');
    assert.equal(cable('08TRIPOLI650').captions.find((x) => x.name === 'CORRECTED COPY')?.text, 'C O R R E C T E D COPY - CHGD TXT PARA 2');
  });

  test('passing lines', () => {
    assert.deepEqual(
      cable('00THEHAGUE1695').passing.map((p) => p.text.slice(0, 12)),
      ['DEPT FOR S/P', 'JCS FOR J-5', 'OSD FOR ISA-'],
    );
    assert.deepEqual(
      cable('07TRIPOLI641').passing.map((p) => p.text),
      ['DEPARTMENT FOR NEA/MAG'],
    );
  });
});

describe('E.O. line', () => {
  test('DECL forms: MM/DD/YYYY, YYYY/MM/DD, MM/DD/YY, single-digit month and day', () => {
    assert.deepEqual(cable('08ALGIERS85').eo!.decl.date, { year: 2028, month: 1, day: 25, form: 'MM/DD/YYYY', valid: true });
    const ymd = cable('09BELGRADE765').eo!;
    assert.equal(ymd.keyword.text, 'EO');
    assert.deepEqual(ymd.decl.date, { year: 2019, month: 7, day: 29, form: 'YYYY/MM/DD', valid: true });
    assert.deepEqual(cable('00TASHKENT4223').eo!.decl.date, { year: 2010, month: 11, day: 2, form: 'MM/DD/YY', valid: true });
    assert.deepEqual(cable('08TRIPOLI527').eo!.decl.date, { year: 2018, month: 7, day: 3, form: 'MM/DD/YYYY', valid: true });
    assert.equal(cable('08TRIPOLI527').eo!.decl.value.text, '7/3/2018');
  });

  test('N/A, OADR, event, exemption codes, DNG, archival notes', () => {
    const na = cable('07TRIPOLI641').eo!;
    assert.deepEqual([na.order!.text, na.decl.kind, na.decl.value.text, na.decl.keyword], ['12958', 'na', 'N/A', undefined]);
    const oadr = cable('89PANAMA8545').eo!;
    assert.deepEqual([oadr.keyword.text, oadr.order!.text, oadr.decl.kind, oadr.decl.value.text], ['E.O.', '12356', 'oadr', 'OADR']);
    assert.deepEqual([cable('09QUITO244').eo!.decl.kind, cable('09QUITO244').eo!.decl.value.text], ['event', 'TWENTY YEARS']);
    assert.deepEqual([cable('08STATE86156').eo!.decl.kind, cable('08STATE86156').eo!.decl.value.text], ['exemption', '25X1']);
    assert.deepEqual([cable('10STATE369').eo!.decl.kind, cable('10STATE369').eo!.decl.value.text], ['exemption', '25X1-HUMAN']);
    assert.deepEqual([cable('08STATE116943').eo!.decl.kind, cable('08STATE116943').eo!.decl.value.text], ['exemption', 'MR']);
    const dng = cable('08STOCKHOLM257').eo!.decl;
    assert.deepEqual([dng.kind, dng.keyword!.text, dng.value.text], ['downgrade', 'DNG', 'CO 03/31/2018']);
    assert.equal(cable('66BUENOSAIRES2481').eo!.decl.value.text, 'DECLASSIFIED BY NARA 09/02/2009');
  });

  test('older orders and malformed lines', () => {
    const gds = cable('73TEHRAN2077').eo!;
    assert.deepEqual([gds.keyword.text, gds.order!.text, gds.decl.kind, gds.decl.value.text], ['E. O.', '11652', 'gds', 'GDS']);
    assert.equal(cable('79TEHRAN8980').eo!.order!.text, '12065');
    const red = cable('09BEIJING1336').eo!;
    assert.deepEqual([red.keyword.text, red.decl.kind, red.decl.value.text], ['EO', 'other', 'XXXXXXXXXXXXX']);
    const wrapped = cable('05BRASILIA2146').eo!;
    assert.equal(text(cable('05BRASILIA2146'), wrapped), 'E.O. 12958: \nDECL: 08/11/2015');
    assert.equal(wrapped.decl.date!.year, 2015);
    assert.equal(cable('01VATICAN1261').eo!.keyword.text, 'E.0.');
  });

  test('media-partner copy: EO 12958 DECL:, TAGS X, Y with commas, weekday date line', () => {
    const c = cable('00HARARE6677');
    assert.equal(c.preamble[0].text, 'Wednesday, 29 November 2000, 13:59');
    assert.deepEqual(
      [c.eo!.keyword.text, c.eo!.order!.text, c.eo!.decl.keyword!.text, c.eo!.decl.value.text],
      ['EO', '12958', 'DECL', '11/29/10'],
    );
    assert.equal(c.tags!.keyword.text, 'TAGS');
    assert.equal(c.tags!.commas, true);
    assert.deepEqual(
      c.tags!.tags.map((t) => t.code),
      ['PGOV', 'PREL', 'ECON', 'PINR', 'ZI', 'SA'],
    );
    for (const t of c.tags!.tags) assert.equal(text(c, t), t.code);
  });
});

describe('TAGS, SUBJECT', () => {
  test('OVIP with a person name, TAGS continued after a trailing comma', () => {
    assert.ok(cable('08SANJOSE610').tags!.tags.some((t) => t.code === 'OVIP'));
    const w = cable('09SANAA2208').tags!;
    assert.ok(w.tags.length >= 2);
    assert.ok(text(cable('09SANAA2208'), w)!.includes('\n'), 'the TAGS element spans the continuation line');
  });

  test('TAGS wrapped without a trailing comma: a next line of known codes continues it, anything else does not', () => {
    assert.deepEqual(
      cable('06PARTO9')
        .tags!.tags.slice(-3)
        .map((t) => t.code),
      ['LE', 'SY', 'IS'],
    );
    assert.deepEqual(
      cable('09LONDON2622')
        .tags!.tags.slice(-4)
        .map((t) => t.code),
      ['FR', 'RS', 'CH', 'UK'],
    );
    // A caption, a passing line or prose after TAGS stays out of it.
    for (const next of ['SIPDIS', 'DEPT PASS USTR', 'it is']) {
      const c = parse(readCorpus('06PARTO9').replace('SY, IS', next));
      assert.equal(c.tags!.tags[c.tags!.tags.length - 1].code, 'LE', next);
    }
  });

  test('SUBJECT with a portion mark, over three lines, SUBJ:', () => {
    const s = cable('07STATE135366').subject!;
    assert.deepEqual([s.marking!.value, s.marking!.level, s.lineCount], ['S', 'S', 3]);
    assert.equal(s.marking!.text, '(s)');
    const r = cable('10STATE9565').subject!;
    assert.deepEqual([r.marking!.value, r.marking!.caveats], ['S/REL UK', ['REL UK']]);
    assert.equal(cable('10STATE369').subject!.keyword.text.toUpperCase().startsWith('SUBJ'), true);
  });
});

describe('REF forms', () => {
  test('A. / B. on separate lines (with a pilcrow), A) / B), (A) / (B)', () => {
    assert.deepEqual(refs(cable('09CARACAS1443')), [
      ['A.', 'A', 'CARACAS 1430'],
      ['B.', 'B', 'CARACAS 1426'],
      ['C.', 'C', 'CARACAS 1376'],
      ['D.', 'D', 'CARACAS 1367'],
      ['E.', 'E', 'CARACAS 1351'],
      ['F.', 'F', 'CARACAS 1419'],
    ]);
    assert.deepEqual(refs(cable('07BRASILIA956')), [
      ['A)', 'A', 'SECSTATE 65523'],
      ['B)', 'B', '06 BRASILIA 875'],
    ]);
    assert.deepEqual(refs(cable('08REYKJAVIK189')), [
      ['(A)', 'A', 'STATE 063034'],
      ['(B)', 'B', 'STATE 086086'],
      ['(C)', 'C', 'STATE 086470'],
      ['(D)', 'D', 'Evans-Lane emails 8/25/08'],
    ]);
  });

  test('run in on one line: (A) MINSK 0638, (B) Minsk 0118 and A) TRIPOLI 73; B) TRIPOLI 58', () => {
    const m = cable('05MINSK851');
    assert.equal(m.refs!.keyword.text, 'REFS');
    assert.deepEqual(refs(m), [
      ['(A)', 'A', 'MINSK 0638'],
      ['(B)', 'B', 'Minsk 0118'],
    ]);
    assert.deepEqual(refs(cable('10TRIPOLI91')), [
      ['A)', 'A', 'TRIPOLI 73'],
      ['B)', 'B', 'TRIPOLI 58'],
    ]);
    assert.deepEqual(refs(cable('08TRIPOLI527')), [
      ['(A)', 'A', 'STATE 61922'],
      ['(B)', 'B', 'TRIPOLI 497'],
    ]);
  });

  test('unlettered, year-prefixed, YYPOSTNNNN', () => {
    assert.deepEqual(refs(cable('08BAGHDAD2812')), [[undefined, undefined, 'BAGHDAD 2316']]);
    assert.deepEqual(refs(cable('08TRIPOLI126')), [[undefined, undefined, '07 TRIPOLI 885']]);
    assert.deepEqual(refs(cable('09CAIRO2371')), [[undefined, undefined, '08CAIRO2409']]);
    assert.deepEqual(refs(cable('05TASHKENT284')), [
      ['A)', 'A', '04 TASHKENT 3390'],
      ['B)', 'B', '04 TASHKENT 2574 and previous'],
    ]);
  });
});

describe('Classified By', () => {
  test('1.4 and 1.5, letters in several spellings', () => {
    const a = cable('08ALGIERS85').classifiedBy!;
    assert.deepEqual([a.authority!.text, a.section!.text, a.reasons.map((r) => r.text)], ['Ambassador Robert Ford', '1.4', ['d']]);
    const b = cable('07SANTIAGO796').classifiedBy!;
    assert.deepEqual([b.section!.text, b.reasons.map((r) => r.text)], ['1.5', ['b', 'd']]);
    const c = cable('07STATE135366').classifiedBy!;
    assert.deepEqual([c.section!.text, c.reasons.map((r) => r.text)], ['1.5', ['b', 'c', 'd']]);
    assert.deepEqual(
      cable('07DAMASCUS389').classifiedBy!.reasons.map((r) => r.text),
      ['b', 'd'],
    ); // 1.4 b/d
  });

  test('split across lines: `1.4 ( \\nB) AND (D)`, `1.5 \\n(B) AND (D)`, `REAS \\nONS`', () => {
    const c = cable('09BERLIN431');
    const el = c.classifiedBy!;
    assert.equal(text(c, el), 'Classified By: POLITICAL MINISTER COUNSELOR JEFF RATHKE. REASONS: 1.4 ( \nB) AND (D).');
    assert.deepEqual(
      [el.authority!.text, el.section!.text, el.reasons.map((r) => r.text)],
      ['POLITICAL MINISTER COUNSELOR JEFF RATHKE', '1.4', ['B', 'D']],
    );
    const b = cable('02BOGOTA3281').classifiedBy!;
    assert.deepEqual(
      [b.authority!.text, b.section!.text, b.reasons.map((r) => r.text)],
      ['AMBASSADOR ANNE W. PATTERSON', '1.5', ['B', 'D']],
    );
    const p = cable('05PARIS479').classifiedBy!;
    assert.deepEqual(
      [p.authority!.text, p.section!.text, p.reasons.map((r) => r.text)],
      ['POLITICAL MINISTER COUNSELOR JOSIAH ROSENBLATT', '1.4', ['B', 'D']],
    );
    assert.equal(cable('09CAIRO2371').classifiedBy!.authority!.text, 'Econ-Political Minister-Counselor Donald Blome'); // `reaso ns`
  });

  test('inside paragraph 1, with the reasons on the next line', () => {
    const c = cable('01VATICAN1261');
    const el = c.classifiedBy!;
    const p1 = c.paragraphs[0];
    assert.ok(el.start > p1.start && el.end <= p1.end, 'inside paragraph 1');
    assert.deepEqual([el.authority!.text, el.section!.text, el.reasons.map((r) => r.text)], ['CDA JOSEPH MERANTE', '1.5', ['A', 'D']]);
    assert.deepEqual(p1.subparagraphs, [], '`(A) AND (D)` is not a sub-paragraph');
    const a = cable('02ANKARA8305').classifiedBy!;
    assert.equal(a.keyword.text, 'CLASSIFIED BY');
    assert.deepEqual([a.authority!.text, a.section!.text, a.reasons.map((r) => r.text)], ['DCM ROBERT S. DEUTSCH', '1.5', ['B', 'D']]);
  });
});

describe('body', () => {
  test('portion markings: S//NF, S/NF, C/NF, SBU, SBU/NF, U, REL, FGI, unknown (SE), ENTIRE TEXT', () => {
    assert.deepEqual(paras(cable('06LAPAZ908')).slice(0, 3), [
      [1, 'C'],
      [2, 'S//NF'],
      [3, 'S//NF'],
    ]);
    const snf = cable('06LAPAZ908').paragraphs[1].marking!;
    assert.deepEqual([snf.text, snf.level, snf.caveats, snf.known], ['(S//NF)', 'S', ['NF'], true]);
    const one = cable('10TRIPOLI91').paragraphs[0];
    assert.deepEqual([one.number.text, one.punctuation, one.marking!.text, one.marking!.caveats], ['1', '.', '(S/NF)', ['NF']]);
    assert.deepEqual(paras(cable('08LONDON2673')).slice(0, 2), [
      [1, 'C/NF'],
      [2, 'C/NF'],
    ]);
    assert.deepEqual(paras(cable('07TRIPOLI641')), [
      [1, 'SBU'],
      [2, 'U'],
      [3, 'U'],
      [4, 'SBU'],
      [5, 'SBU'],
    ]);
    assert.deepEqual(cable('09EFTOLONDON2688').paragraphs[0].marking!.caveats, ['NF']);
    const rel = cable('10STATE9565').paragraphs[0].marking!;
    assert.deepEqual([rel.value, rel.level, rel.known], ['S/REL UK', 'S', true]);
    const fgi = cable('09STATE67105').paragraphs.find((p) => p.marking?.value === 'S//FGI//NF')!.marking!;
    assert.deepEqual([fgi.level, fgi.caveats, fgi.known], ['S', ['FGI', 'NF'], true]);
    const se = cable('09CARACAS1443').paragraphs[0].marking!;
    assert.deepEqual([se.text, se.value, se.level, se.known], ['(SE)', 'SE', undefined, false]);
    assert.equal(cable('89PANAMA8545').paragraphs[0].marking!.value, 'S-ENTIRE TEXT');
  });

  test('sub-paragraphs: A., (a), A), 18A.', () => {
    const letters = (id: string, n: number) =>
      cable(id)
        .paragraphs.find((p) => p.value === n)!
        .subparagraphs.map((s) => s.marker.text);
    assert.deepEqual(letters('08SANJOSE610', 4), ['A.', 'B.', 'C.', 'D.', 'E.']);
    assert.deepEqual(letters('06VATICAN199', 8), ['(a)', '(b)', '(c)', '(d)', '(e)']);
    assert.deepEqual(letters('07LONDON4311', 2).slice(0, 3), ['A)', 'B)', 'C)']);
    const tip = cable('05SANJOSE488').paragraphs[0].subparagraphs;
    assert.deepEqual(
      tip.slice(0, 2).map((s) => [s.marker.text, s.letter]),
      [
        ['18A.', 'A'],
        ['18B.', 'B'],
      ],
    );
    const c = cable('06VATICAN199');
    const p8 = c.paragraphs.find((p) => p.value === 8)!;
    assert.ok(text(c, p8.subparagraphs[0])!.startsWith('(a) has a view of Islam'));
  });

  test('SUMMARY and COMMENT blocks, with and without END', () => {
    const kinds = (id: string) => cable(id).blocks.map((b) => [b.kind, b.open?.text, b.close?.text]);
    assert.deepEqual(kinds('10TRIPOLI91'), [
      ['summary', 'Summary', 'End Summary'],
      ['comment', 'Comment', 'End comment'],
    ]);
    const c = cable('10TRIPOLI91');
    const s = c.blocks[0];
    assert.ok(s.start > c.paragraphs[0].start && s.end <= c.paragraphs[0].end, 'summary inside paragraph 1');
    assert.equal(text(c, s)!.slice(0, 8), 'Summary:');
    assert.ok(text(c, s)!.endsWith('End Summary'));
    assert.deepEqual(kinds('08ALGIERS85'), [['comment', 'COMMENT', undefined]]);
    const open = cable('08ALGIERS85').blocks[0];
    assert.equal(open.end, cable('08ALGIERS85').paragraphs[4].end, 'an unclosed comment runs to the end of the text');
  });

  test('page lines: ALGIERS 00000085 002 OF 002 and PAGE 02 HARARE ... in the preamble and body', () => {
    assert.deepEqual(
      cable('08ALGIERS85').pageLines.map((p) => p.text),
      ['ALGIERS 00000085 002 OF 002'],
    );
    const h = cable('00HARARE5461').pageLines.map((p) => p.text);
    assert.equal(h[0], 'PAGE 02 HARARE 05461 01 OF 02 271458Z');
    assert.ok(h.includes('C O N F I D E N T I A L SECTION 02 OF 02 HARARE 005461'));
    assert.deepEqual(
      cable('07DAMASCUS389').pageLines.map((p) => p.text),
      ['Damascus 00000389 002 of 003', 'Damascus 00000389 003 of 003'],
    );
  });

  test('signatures on their own line and run on; ref mentions', () => {
    assert.equal(cable('08ALGIERS85').signature!.text, 'FORD');
    assert.equal(cable('09EFTOLONDON2688').signature!.text, 'Susman');
    // Run on at the end of the last paragraph: `... END COMMENT. CURRAN`.
    const r = cable('09ASHGABAT1288');
    assert.equal(r.signature!.text, 'CURRAN');
    assert.ok(r.signature!.end === r.text.trimEnd().length && r.text[r.signature!.start - 1] === ' ');
    const last = r.paragraphs[r.paragraphs.length - 1];
    assert.ok(last.end >= r.signature!.start, 'the run-on signature is on the last paragraph line');
    assert.equal(cable('10TRIPOLI91').signature!.text, 'CRETZ');
    const m = cable('09CARACAS1443').refMentions.map((x) => x.letters.map((l) => l.text.toUpperCase()).join(''));
    assert.ok(m.length >= 3);
  });

  test('pilcrows before paragraph numbers (PDF-derived copy) are recorded and parsed through', () => {
    const c = cable('06NEWDELHI5135');
    const pil = c.artifacts.filter((a) => a.kind === 'pilcrow');
    assert.equal(pil.length, c.artifacts.length);
    assert.ok(pil.length >= 30);
    for (const a of pil) assert.equal(a.text, '\u00b6');
    assert.deepEqual(
      c.paragraphs.map((p) => p.value),
      Array.from({ length: 37 }, (_, i) => i + 1),
    );
    const p1 = c.paragraphs[0];
    assert.ok(
      pil.some((a) => a.end <= p1.start && c.text.slice(a.end, p1.start).trim() === ''),
      'a pilcrow stands right before paragraph 1',
    );
    assert.equal(p1.number.text, '1');
  });
});

describe('line ends', () => {
  test('the CRLF copy of 08ALGIERS85 parses to the same values as the LF original', () => {
    const lf = cable('08ALGIERS85');
    const crlf = cable('08ALGIERS85.crlf');
    assert.ok(crlf.text.includes('\r\n'));
    assert.equal(crlf.lines.length, lf.lines.length);
    assert.equal(text(crlf, crlf.banner), text(lf, lf.banner));
    assert.deepEqual(crlf.eo!.decl.date, lf.eo!.decl.date);
    assert.deepEqual(paras(crlf), paras(lf));
    assert.equal(crlf.subject!.text, lf.subject!.text);
    assert.equal(text(crlf, crlf.subject)!.replace(/\r\n/g, '\n'), text(lf, lf.subject));
    assert.deepEqual(
      crlf.header!.info.map((a) => a.plad!.text),
      lf.header!.info.map((a) => a.plad!.text),
    );
    assert.equal(crlf.pageLines[0].text, 'ALGIERS 00000085 002 OF 002');
    assert.equal(crlf.signature!.text, 'FORD');
  });
});
