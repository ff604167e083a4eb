// Generates syntaxes/cable.tmLanguage.json, the TextMate grammar for cables (scope `text.cable`).
//
//   node scripts/build-grammar.mjs          write the grammar   (npm run grammar:build)
//   node scripts/build-grammar.mjs --check  exit 1 if the committed grammar differs from this source
//
// Why a generator: the five classification levels repeat the same rules (banner, portion marking,
// security line) with different letters and scopes, and several rules are merged into one regex for
// speed (see "Performance" below), which is unreadable by hand.
//
// Regex rules (Oniguruma, one line at a time):
//  * no nested unbounded quantifiers (no `(a+)*`, `(?:\s+X)+`); a repeated group may use only bounded
//    quantifiers inside. test/grammar/grammar.test.ts checks this on the generated grammar;
//  * look-behinds are fixed-length (alternatives of different lengths only at the top level).
//
// Performance (measured with vscode-oniguruma: every regex of a rule list is searched along the rest of
// the line, each with Oniguruma's own start-position optimisations):
//  * line-start rules are anchored with `\G`, tried once per line, not with `^` (see BOL);
//  * body text is scanned by a `body-line` region holding the few inline rules only, and line-start
//    rules are merged into few regexes;
//  * a region that lasts to the end of its line is a begin/while rule whose `while` never matches
//    (ONE_LINE): an `end: $` regex would be searched along the line after every token;
//  * `\b` or a case-insensitive word at the very start of an inline regex is slow; `(?<!\w)` and
//    explicit [Ss][Ii]… classes are not.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'syntaxes', 'cable.tmLanguage.json');
const PACKAGE = join(root, 'package.json');
const r = String.raw;

// The one recogniser of banners and markings is the core's (server/src/parse/class-words.ts): its class
// words, SECTION, post and serial become the banner rules here and package.json `firstLine`.
function loadCore(file = 'server/src/parse/class-words.ts') {
  const [out] = buildSync({
    entryPoints: [join(root, file)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  }).outputFiles;
  return import(`data:text/javascript;base64,${Buffer.from(out.text).toString('base64')}`);
}
const core = await loadCore();
// The declassification schedules of E.O. 11652 and 12065 (GDS, XGDS 2, RDS-4, XDS-2) are the eras table's.
const eras = await loadCore('server/src/eras.ts');

// ---------------------------------------------------------------------------------------------------
// Scope names. The substrings `classification.<level>`, `keyword.`, `routing`, `dtg`, `date`, `tag`,
// `paragraph`, `subparagraph`, `caption` and the marker scopes are a contract (issue 5): the colour
// defaults in package.json and other code rely on them.
// ---------------------------------------------------------------------------------------------------
export const LEVELS = ['unclassified', 'sbu', 'confidential', 'secret', 'topsecret'];
const cls = (level, kind) => `constant.language.classification.${level}.${kind}.cable`;
const S = {
  artifact: 'comment.other.web-artifact.cable',
  pageLine: 'comment.line.page-header.cable',
  kw: (name) => `keyword.other.${name}.cable`,
  routing: 'entity.name.function.routing.cable',
  routingSep: 'punctuation.separator.routing.cable',
  precedence: 'support.constant.precedence.cable',
  signal: 'support.constant.operating-signal.cable',
  releaseCode: 'support.constant.release-code.cable',
  channel: 'constant.numeric.channel.cable',
  stationSerial: 'constant.numeric.serial.station.cable',
  section: 'constant.numeric.section.cable',
  julian: 'constant.numeric.dtg.julian.cable',
  dtg: 'constant.numeric.dtg.cable',
  plad: 'string.unquoted.plad.cable',
  sequence: 'constant.numeric.sequence.cable',
  post: 'entity.name.section.post.cable',
  serial: 'constant.numeric.serial.cable',
  caption: (name) => `storage.modifier.caption.${name}.cable`,
  eoNumber: 'constant.numeric.eo.cable',
  declDate: 'constant.numeric.date.decl.cable',
  notApplicable: 'constant.language.not-applicable.cable',
  exemption: 'support.constant.decl-exemption.cable',
  tag: (kind) => `entity.name.type.tag.${kind}.cable`,
  sep: 'punctuation.separator.cable',
  colon: 'punctuation.separator.key-value.cable',
  reasonSection: 'constant.numeric.reason.section.cable',
  reasonLetter: 'constant.numeric.reason.letter.cable',
  paragraph: 'constant.numeric.paragraph.cable',
  subparagraph: 'constant.numeric.subparagraph.cable',
  refItem: 'constant.numeric.subparagraph.reference.cable',
  marker: (what, edge) => `keyword.control.marker.${what}.${edge}.cable`,
  subject: 'meta.subject.cable',
};

// ---------------------------------------------------------------------------------------------------
// Regex building blocks
// ---------------------------------------------------------------------------------------------------
// Line start. All rules run inside the `lines` wrapper, a begin/while rule whose `while: ^` matches at
// the start of every line, so vscode-textmate allows `\G` at column 0 (and, in a line-start region, right
// after its begin). Oniguruma tries a `\G` regex at the search start only; a `^…` regex is tried along the
// whole line (a 100 KB line cost about 4 ms per `^\s*` rule).
const BOL = r`\G`;
// Web-copy artifacts before a paragraph number or lettered item: a pilcrow or markdown `[1](#)`.
const ART = r`(?:¶|\[\d{1,3}\]\(#\))`;
// Line start with an optional artifact (capture group 1).
const PFX = r`${BOL}\s*(${ART}\s*)?`;

// Portion markings: level letters, then optionally a separator, a known caveat and free text
// (REL TO USA, AUS ...), bounded. Unknown tails such as (S/P) or (U/S) are office symbols, not markings.
const CAVEAT = r`(?:NF|NOFORN|FGI|FOUO|REL\w*|N|ENTIRE\s+TEXT|ORCON|PROPIN|SI|TK|HCS)\b`;
const TAIL = r`(?:(?:\s?/{1,2}\s?|\s?-{1,2}\s?|\s)(?i:${CAVEAT})[^()\n]{0,60})?\s?`;
// The level letters are the core's (PORTION_LEVELS: (LOU) is ranked with SBU); the grammar adds the
// forms it colours as well (U//FOUO, CNF, SNF).
const portionLetters = (level) => Object.keys(core.PORTION_LEVELS).filter((k) => core.PORTION_LEVELS[k] === level);
const MARK_CORE = {
  sbu: r`${portionLetters('SBU').join('|')}|U\s?/{1,2}\s?FOUO`,
  unclassified: portionLetters('U').join('|'),
  confidential: [...portionLetters('C'), 'CNF'].join('|'),
  secret: [...portionLetters('S'), 'SNF'].join('|'),
  topsecret: portionLetters('TS').join('|'),
};
// Order matters: (SBU…) and (U//FOUO) before (U…).
const MARK_ORDER = ['sbu', 'unclassified', 'confidential', 'secret', 'topsecret'];
const markRe = (level) => r`\((?:${MARK_CORE[level]})${TAIL}\)`;
// A marking in paragraph position, any case: five capture groups in MARK_ORDER.
const POSMARK = `(?:${MARK_ORDER.map((l) => `((?i:${markRe(l)}))`).join('|')})`;
const posmarkCaptures = (first) => Object.fromEntries(MARK_ORDER.map((l, i) => [String(first + i), { name: cls(l, 'portion-marking') }]));

// Banner class words: the core's, per grammar level (LIMITED OFFICIAL USE is an `sbu` banner). A banner (the
// class, then SECTION or post and serial) is recognised in any case, as the parser does (`Unclas nairobi
// 000165`, `C o n f i d e n t i a l section 01 of 03 tashkent 004223`); a bare marking line (the class alone,
// `SECRET//NOFORN`, a run-in caption) only in capitals or letter-spaced.
const SECTION_NC = core.SECTION_SOURCE.replaceAll('(\\d', '(?:\\d');
const BANNER_TAIL = r`(?=\s{1,8}(?i:${SECTION_NC})|\s{1,8}(?:${core.YEAR_SOURCE}\s{1,8})?${core.POST_SOURCE}\s{1,8}${core.SERIAL_SOURCE})`;
const BARE_FOLLOW = r`(?=\s*$|\s*\\|\s*//|\s+(?:SIPDIS|SENSITIVE|NOFORN)\b)`;
// Bare SBU marking lines the grammar colours besides the class words (`UNCLASSIFIED//FOUO`, `SBU`).
const BARE_SBU = r`UNCLAS(?:SIFIED)?\s?//\s?(?:FOR\s+OFFICIAL\s+USE\s+ONLY|FOUO|SBU)|SBU`;
const classSources = (level) => core.CLASS_WORDS.filter((w) => w.scope === level).map((w) => w.source);
const lowerSpaced = (level) =>
  core.CLASS_WORDS.filter((w) => w.scope === level && /^(?:\S  ?)+\S$/.test(w.spaced)).map(
    (w) => `(?i:${w.spaced.toLowerCase().replaceAll('  ', r`\s{1,3}`)})`,
  );
// Order: sbu first (UNCLASSIFIED//FOUO before UNCLAS).
const BANNER_ORDER = ['sbu', 'topsecret', 'secret', 'confidential', 'unclassified'];
const bannerAlternatives = BANNER_ORDER.flatMap((level) => {
  const bare = [...(level === 'sbu' ? [BARE_SBU] : []), ...classSources(level), ...lowerSpaced(level)];
  return [
    { re: r`((?i:${classSources(level).join('|')}))${BANNER_TAIL}`, captures: { 1: { name: cls(level, 'banner') } } },
    { re: r`(${bare.join('|')})${BARE_FOLLOW}`, captures: { 1: { name: cls(level, 'banner') } } },
  ];
});
// A line starting with a class word ends the FM/TO block.
const BANNER_START = r`(?i:${core.CLASS_SOURCE})(?![A-Za-z])`;

// Security line letters per level (FL4 `ZNY CCCCC ZZH`; E = unclassified EFTO).
const ZN_LETTER = { unclassified: '[UE]', confidential: 'C', secret: 'S', topsecret: 'T' };

const MONTHS = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC';
const PRECEDENCE_WORDS = r`FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE`;
const PLAD_HEADS = r`AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USINT|USEU|USDEL|USLO|USNATO|USUN|USOSCE|USOFFICE|AMDEL|RPO|AIT|REO|CDR|SECDEF|[A-Z]+\s+RPO`;
const SUMMARY_WORD = r`(?:begin\s+)?summ?a?r?y(?:\s+and\s+(?:comment|action\s+request|action))?`;
const MARKER_FOLLOW = r`(?=\s*(?:[:.;-]|$))`;
// `while` of regions that end with their line: never matches (U+FFFF is not a character of any
// cable), and Oniguruma rejects a line with a fast literal search.
const ONE_LINE = '\uFFFF';

// ---------------------------------------------------------------------------------------------------
// Merging rules into one regex (each alternative keeps its own capture numbers, shifted)
// ---------------------------------------------------------------------------------------------------
export function countGroups(re) {
  let n = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') i++;
    else if (c === '[') {
      // skip a character class ([^]...] and []...] included)
      i++;
      if (re[i] === '^') i++;
      if (re[i] === ']') i++;
      while (i < re.length && re[i] !== ']') i += re[i] === '\\' ? 2 : 1;
    } else if (c === '(' && re[i + 1] !== '?') n++;
  }
  return n;
}
function shift(captures = {}, by) {
  return Object.fromEntries(Object.entries(captures).map(([k, v]) => [String(Number(k) + by), v]));
}
/** One regex `(?:a)|(?:b)|…` from [{re, captures}], captures renumbered. */
function alternatives(items) {
  let offset = 0;
  const res = [];
  let captures = {};
  for (const it of items) {
    res.push(`(?:${it.re})`);
    captures = { ...captures, ...shift(it.captures, offset) };
    offset += countGroups(it.re);
  }
  return { re: res.join('|'), captures };
}

// ---------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------
const inc = (name) => ({ include: `#${name}` });

// Single-line rules at the start of a line, merged into one regex (order = priority).
const headerLines = alternatives([
  {
    // Media-partner date line above the banner: Wednesday, 15 November 2006, 11:38
    re: r`${BOL}\s*((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s\d{1,2}\s(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{4},\s\d{1,2}:\d{2})\s*$`,
    captures: { 1: { name: S.artifact } },
  },
  {
    // Media-partner wrapper: ====CABLE ENDS====
    re: r`${BOL}\s*(=+\s?CABLE\s(?:ENDS|BEGINS)\s?=+)\s*$`,
    captures: { 1: { name: S.artifact } },
  },
  {
    // FL1: VZCZC + channel trigraph + sequence number
    re: r`${BOL}(VZCZC)([A-Z]{3}\d{3,4})\b`,
    captures: { 1: { name: S.kw('vzczc') }, 2: { name: S.channel } },
  },
  {
    // FL3: DE + originating station RI + #station serial[/section] + Julian day/time
    re: r`${BOL}(DE)\s+(R[A-Z0-9]{3,7})\s+(#\d{3,4})(/\d{2,3})?\s+(\d{7})\b`,
    captures: {
      1: { name: S.kw('de') },
      2: { name: S.routing },
      3: { name: S.stationSerial },
      4: { name: S.section },
      5: { name: S.julian },
    },
  },
  // FL4: ZNY CCCCC ZZH; the repeated letter is the classification
  ...Object.entries(ZN_LETTER).map(([level, L]) => ({
    re: r`${BOL}(ZN[RY])\s+(${L}{5}|${L}{3}(?=[A-Z]{2}\b))([A-Z]{2}\b)?(.*)$`,
    captures: {
      1: {
        patterns: [
          { match: 'ZNR', name: S.kw('znr') },
          { match: 'ZNY', name: S.kw('zny') },
        ],
      },
      2: { name: cls(level, 'security-line') },
      3: { name: S.releaseCode },
      4: { patterns: [{ match: r`\bZ[A-Z]{2}\b`, name: S.signal }] },
    },
  })),
  {
    // FL5: precedence letter(s) + date-time group DDHHMMZ MON YY (+ operating signals)
    re: r`${BOL}\s*([ZOPRzopr])(?:\s([ZOPRzopr]))?\s+(\d{6}[Zz]\s+(?i:${MONTHS})\s+\d{2})\b(.*)$`,
    captures: {
      1: { name: S.precedence },
      2: { name: S.precedence },
      3: { name: S.dtg },
      4: { patterns: [{ match: r`\bZ[A-Z]{2}\b`, name: S.signal }] },
    },
  },
  { re: r`${BOL}\s*(FOR\s+OFFICIAL\s+USE\s+ONLY)\b`, captures: { 1: { name: cls('sbu', 'caption') } } },
  { re: r`${BOL}\s*(NOT\s+FOR\s+INTERNET\s+DISTRIBUTION)\b`, captures: { 1: { name: S.caption('handling') } } },
  {
    re: r`${BOL}\s*(REL(?:EASABLE)?(?:\s+TO)?\s+[A-Z][A-Z ,/]{1,60})\s*$`,
    captures: { 1: { name: S.caption('release') } },
  },
  {
    re: r`${BOL}\s*(C\s?O\s?R\s?R\s?E\s?C\s?T\s?E\s?D\s+COPY)\b`,
    captures: { 1: { name: S.caption('corrected-copy') } },
  },
]);

const pageLine = alternatives([
  {
    // PAGE 02 HARARE 06677 01 OF 03 291400Z (older printouts)
    re: r`${BOL}\s*(PAGE\s\d{2,3}\s+[A-Z][A-Z .'-]{0,30}?\s\d{4,8}(?:\s+\d{2,3}\sOF\s\d{2,3})?(?:\s+\d{6}Z)?)(?=\s|$)`,
    captures: { 1: { name: S.pageLine } },
  },
  {
    // ALGIERS 00000085 002 OF 002 (merged multi-section cables)
    re: r`${BOL}\s*([A-Z][A-Z .'-]{0,30}?\s\d{8}\s+\d{3}(?:\.\d)?\sOF\s\d{3})\s*$`,
    captures: { 1: { name: S.pageLine } },
  },
]);

const banner = alternatives(bannerAlternatives);

const captionBegin = alternatives([
  {
    // SENSITIVE / SENSITIVE BUT UNCLASSIFIED: the SBU marking of the cable
    re: r`(SENSITIVE(?:\s+BUT\s+UNCLASSIFIED)?)(?=\s*(?:$|[\\,.-]|SIPDIS\b|NOFORN\b|E\.O\.))`,
    captures: { 1: { name: cls('sbu', 'caption') } },
  },
  { re: r`(?=(?i:sipdis|noforn)\b)` },
]);

const refBegin = alternatives([
  {
    re: r`((?i:ref(?:s|tels?|\(s\)|erences?)?))\s*(:)`,
    captures: { 1: { name: S.kw('ref') }, 2: { name: S.colon } },
  },
  { re: r`(REF(?:S|TELS?)?)(?=\s+(?:\([A-Z]\)|[A-Z][.)])\s)`, captures: { 1: { name: S.kw('ref') } } },
]);

const repository = {
  // --- line-start rules -----------------------------------------------------------------------------
  'header-lines': {
    comment: 'Media date line, CABLE ENDS, VZCZC, DE, ZNY/ZNR, DTG and one-line captions (one regex)',
    match: headerLines.re,
    captures: headerLines.captures,
  },
  'page-line': {
    comment: 'Page/section headers inside merged multi-section cables, dimmed',
    begin: pageLine.re,
    beginCaptures: pageLine.captures,
    while: ONE_LINE,
    patterns: [inc('inline')],
  },
  prosign: {
    comment: 'FL2: precedence prosign + routing indicators, continued on following lines of RIs',
    begin: r`${BOL}([ZOPR]{2})(?=\s+R[A-Z0-9]{3,7}\b[\sA-Z0-9]*$)`,
    beginCaptures: { 1: { name: S.precedence } },
    while: r`${BOL}(?=\s*R[A-Z0-9]{3,7}\b[\sA-Z0-9]*$)`,
    patterns: [{ match: r`\bR[A-Z0-9]{3,7}\b`, name: S.routing }],
  },
  'fm-block': {
    comment: 'FM line, then TO/INFO addressee lines up to the first blank line or banner',
    begin: r`${BOL}(FM)\s+((?:${PLAD_HEADS})\b[A-Z0-9 .,'/&()-]*?)\s*\\?\s*$`,
    beginCaptures: { 1: { name: S.kw('fm') }, 2: { name: S.plad } },
    while: r`${BOL}(?!\s*$)(?!\s*(?:${BANNER_START}|E\.?\s?O\b|TAGS\b|SUBJ|SIPDIS|SENSITIVE|\d{1,3}\.|${ART}))`,
    patterns: [
      {
        // \G: the line start, where the `while` above matched
        match: r`\G\s*(?:(TO|INFO|XMT)\s+)?(?:(R[A-Z0-9]{3,7})(/))?([A-Z0-9(][A-Z0-9 .,'/&()-]*?)(?:\s+(${PRECEDENCE_WORDS}))?(?:\s+(\d{4}(?:-\d{4})?))?\s*\\?\s*$`,
        captures: {
          1: {
            patterns: [
              { match: 'TO', name: S.kw('to') },
              { match: 'INFO', name: S.kw('info') },
              { match: 'XMT', name: S.kw('xmt') },
            ],
          },
          2: { name: S.routing },
          3: { name: S.routingSep },
          4: { name: S.plad },
          5: { name: S.precedence },
          6: { name: S.sequence },
        },
      },
      inc('inline'),
    ],
  },
  banner: {
    comment: 'Classification line (banner) and bare marking lines such as SECRET//NOFORN',
    begin: r`${BOL}\s*(?:${banner.re})`,
    beginCaptures: banner.captures,
    while: ONE_LINE,
    patterns: [
      {
        // \G: right after the class word
        match: r`\G\s+((?i:section))\s+(\d{1,3})\s+((?i:of))\s+(\d{1,3})(?:\s+(${core.POST_SOURCE})\s+(${core.SERIAL_SOURCE}))?`,
        captures: {
          1: { name: S.kw('section') },
          2: { name: S.section },
          3: { name: S.kw('section') },
          4: { name: S.section },
          5: { name: S.post },
          6: { name: S.serial },
        },
      },
      {
        match: r`\G\s+(?:${core.YEAR_SOURCE}\s+)?(${core.POST_SOURCE})\s+(${core.SERIAL_SOURCE})`,
        captures: { 1: { name: S.post }, 2: { name: S.serial } },
      },
      inc('runin'),
    ],
  },
  'caption-line': {
    comment: 'Caption lines (SENSITIVE, SIPDIS, NOFORN), which media copies run on into the header',
    begin: r`${BOL}\s*(?:${captionBegin.re})`,
    beginCaptures: captionBegin.captures,
    while: ONE_LINE,
    patterns: [inc('runin')],
  },
  'eo-line': {
    begin: r`${BOL}\s*((?i:e\.\s?[o0]\.)|(?i:e\.o)(?=\s)|EO(?=\s+\d{5}))\s*(\d{5})?\s*(:)?`,
    beginCaptures: { 1: { name: S.kw('eo') }, 2: { name: S.eoNumber }, 3: { name: S.colon } },
    while: ONE_LINE,
    patterns: [inc('eo-content')],
  },
  'tags-line': {
    begin: r`${BOL}\s*((?i:tags?)(?=\s*:)|TAS(?=\s*:)|AGS(?=\s*:)|TAGS?(?=\s+[A-Z]{2,}\b))\s*(:)?`,
    beginCaptures: { 1: { name: S.kw('tags') }, 2: { name: S.colon } },
    while: ONE_LINE,
    patterns: [inc('tags-content')],
  },
  'subject-line': {
    begin: r`${PFX}((?i:subj(?:ect)?))\s*(:)`,
    beginCaptures: { 1: { name: S.artifact }, 2: { name: S.kw('subject') }, 3: { name: S.colon } },
    while: ONE_LINE,
    contentName: S.subject,
    patterns: [inc('runin-classified-by'), inc('inline')],
  },
  'ref-block': {
    comment: 'REF line and the lettered references after it (blank lines allowed between them)',
    begin: r`${PFX}(?:${refBegin.re})`,
    beginCaptures: { 1: { name: S.artifact }, ...shift(refBegin.captures, 1) },
    while: r`${BOL}(?=\s*$|\s*(?:${ART}\s*)?(?:\([A-Za-z]\)|[A-Za-z][.)])\s)`,
    patterns: [{ match: r`(?<![^\s;,:)¶])(?:\([A-Za-z]\)|[A-Z][.)])(?=\s)`, name: S.refItem }, inc('inline')],
  },
  'classified-by': {
    begin: r`${PFX}${POSMARK}?\s*((?i:classifi?ed\s+by))\b\s*(:)?`,
    beginCaptures: {
      1: { name: S.artifact },
      ...posmarkCaptures(2),
      7: { name: S.kw('classified-by') },
      8: { name: S.colon },
    },
    while: ONE_LINE,
    patterns: [inc('reasons'), inc('inline')],
  },
  paragraph: {
    comment: 'Numbered paragraph: [¶] N. [(MARK)] [Summary:|Comment:]',
    begin: r`${PFX}(\d{1,3}\.)(?!\d)(?:\s{0,3}${POSMARK})?(?:\s{0,3}(?:-+\s?)?(?:((?i:${SUMMARY_WORD}))|((?i:comments?)))\b${MARKER_FOLLOW})?`,
    beginCaptures: {
      1: { name: S.artifact },
      2: { name: S.paragraph },
      ...posmarkCaptures(3),
      8: { name: S.marker('summary', 'begin') },
      9: { name: S.marker('comment', 'begin') },
    },
    while: ONE_LINE,
    patterns: [inc('inline')],
  },
  'line-start-items': {
    comment:
      'SUMMARY / COMMENT heading lines, and lettered sub-paragraphs (A. / a) / (a)); an upper-case (C), (S) or (U) is a marking instead',
    begin: r`${PFX}(?:(?:-+\s?)?(?:((?i:${SUMMARY_WORD}))|((?i:comments?)))\b${MARKER_FOLLOW}|(\((?![CSU]\))[A-Za-z]\)|[A-Za-z][.)])(?=\s))`,
    beginCaptures: {
      1: { name: S.artifact },
      2: { name: S.marker('summary', 'begin') },
      3: { name: S.marker('comment', 'begin') },
      4: { name: S.subparagraph },
    },
    while: ONE_LINE,
    patterns: [inc('inline')],
  },
  'body-line': {
    comment:
      'Any other line: scanned by the inline rules only (keeping the line-start rules out of that scan makes body text several times faster)',
    begin: r`${BOL}(?=.)`,
    while: ONE_LINE,
    patterns: [inc('inline')],
  },

  // --- E.O., TAGS, Classified By contents -----------------------------------------------------------
  'eo-content': {
    patterns: [
      {
        match: r`\b((?i:decl(?:assify)?(?:\s+on)?))\b\s*(:)?`,
        captures: { 1: { name: S.kw('decl') }, 2: { name: S.colon } },
      },
      { match: r`\b((?i:dng))\b\s*(:)?`, captures: { 1: { name: S.kw('dng') }, 2: { name: S.colon } } },
      {
        match: r`\b(?:\d{1,3}/\d{1,2}/\d{2,4}|\d{4}/\d{1,2}/\d{1,2}|\d{4}-\d{2}-\d{2}|\d{1,2}\s(?i:january|february|march|april|may|june|july|august|september|october|november|december)\s\d{4})\b`,
        name: S.declDate,
      },
      { match: r`(?<![\w/])(?i:n/a)(?![\w/])`, name: S.notApplicable },
      {
        match: r`\b(?i:(?:OADR|MR|X[1-8]|25X[1-9](?:-human)?|50X[1-9])\b|${eras.SCHEDULE_SOURCE})`,
        name: S.exemption,
      },
      inc('runin-tags'),
      inc('runin-subject'),
      inc('runin-classified-by'),
      inc('runin-captions'),
      inc('inline'),
    ],
  },
  'tags-content': {
    patterns: [
      inc('runin-subject'),
      inc('runin-classified-by'),
      {
        comment: 'Markdown tag links from WikiLeaks pages: [PREL](#)',
        match: r`(\[)([A-Za-z][A-Za-z0-9]{0,15})(\]\(#\))`,
        captures: { 1: { name: S.artifact }, 2: { patterns: [inc('tag-codes')] }, 3: { name: S.artifact } },
      },
      inc('tag-codes'),
      { match: '[,;]', name: S.sep },
    ],
  },
  'tag-codes': {
    comment: 'K-tags (program), subject tags (first letter = category), 2-letter geo codes, others',
    patterns: [
      { match: r`\b(?i:k[a-z]{3})\b`, name: S.tag('program') },
      { match: r`\b(?i:[abcelmopst][a-z]{3})\b`, name: S.tag('subject') },
      { match: r`\b(?i:[a-z]{2})\b`, name: S.tag('geo') },
      { match: r`\b(?i:[a-z][a-z0-9]{2,})\b`, name: S.tag('other') },
    ],
  },
  reasons: {
    comment: 'Classification reasons: 1.4 (b,d) / 1.5 (B) AND (D) / 1.4 B/D',
    begin: r`\b(1\s?\.\s?[45])(?![\d.])`,
    beginCaptures: { 1: { name: S.reasonSection } },
    end: r`(?=\.(?:\s|$)|;)|$`,
    patterns: [
      { match: r`\(\s?[a-hA-H][a-hA-H ,&/]{0,20}\)`, name: S.reasonLetter },
      { match: r`\G\s*([a-hA-H])(?![\w'.(])`, captures: { 1: { name: S.reasonLetter } } },
      { match: r`(?<=/)[a-hA-H]\b|\b[a-hA-H](?=/)`, name: S.reasonLetter },
    ],
  },

  // --- run-in header elements (lower-cased and media copies put the header on one line) -----------
  runin: {
    patterns: [inc('runin-eo'), inc('runin-tags'), inc('runin-subject'), inc('runin-classified-by'), inc('runin-captions'), inc('inline')],
  },
  'runin-eo': {
    begin: r`(?<![\w.])((?i:e\.\s?[o0]\.)|EO(?=\s+\d{5}))\s*(\d{5})?\s*(:)?`,
    beginCaptures: { 1: { name: S.kw('eo') }, 2: { name: S.eoNumber }, 3: { name: S.colon } },
    while: ONE_LINE,
    patterns: [inc('eo-content')],
  },
  'runin-tags': {
    begin: r`\b((?i:tags?))\s*(:)`,
    beginCaptures: { 1: { name: S.kw('tags') }, 2: { name: S.colon } },
    while: ONE_LINE,
    patterns: [inc('tags-content')],
  },
  'runin-subject': {
    begin: r`\b((?i:subj(?:ect)?))\s*(:)`,
    beginCaptures: { 1: { name: S.kw('subject') }, 2: { name: S.colon } },
    end: r`(?=\b(?i:classifi?ed\s+by)\b)|$`,
    contentName: S.subject,
    patterns: [inc('inline')],
  },
  'runin-classified-by': {
    begin: r`\b((?i:classifi?ed\s+by))\b\s*(:)?`,
    beginCaptures: { 1: { name: S.kw('classified-by') }, 2: { name: S.colon } },
    while: ONE_LINE,
    patterns: [inc('reasons'), inc('inline')],
  },
  'runin-captions': {
    patterns: [
      { match: r`\bSENSITIVE(?:\s+BUT\s+UNCLASSIFIED)?\b`, name: cls('sbu', 'caption') },
      { match: r`\bFOR\s+OFFICIAL\s+USE\s+ONLY\b`, name: cls('sbu', 'caption') },
    ],
  },

  // --- inline rules (anywhere in a line; few regexes on purpose, see Performance) -----------------
  inline: {
    patterns: [
      inc('artifacts'),
      inc('portion-markings'),
      {
        comment: 'A paragraph number run into the previous line, recognised by the marking after it',
        match: r`(\d{1,3}\.)(?<=\s\d\.|\s\d\d\.|\s\d\d\d\.)\s{0,2}${POSMARK}`,
        captures: { 1: { name: S.paragraph }, ...posmarkCaptures(2) },
      },
      inc('markers'),
      inc('captions'),
      inc('classification-words'),
    ],
  },
  'classification-words': {
    comment:
      'Classification words that are markings wherever they stand: a letter-spaced banner glued to other text (`Cable dated:…S E C R E T SECTION 01…`), SENSITIVE BUT UNCLASSIFIED, and CLASS//CAVEAT metadata values',
    match: r`(?<![A-Z])(?:(TOP SECRET(?=//)|T O P S E C R E T)|(SECRET(?=//)|S E C R E T)|(CONFIDENTIAL(?=//)|C O N F I D E N T I A L)|(SENSITIVE BUT UNCLASSIFIED|UNCLASSIFIED//(?:FOR OFFICIAL USE ONLY|FOUO|SBU)))`,
    captures: {
      1: { name: cls('topsecret', 'marking') },
      2: { name: cls('secret', 'marking') },
      3: { name: cls('confidential', 'marking') },
      4: { name: cls('sbu', 'marking') },
    },
  },
  artifacts: {
    comment: 'Web-copy artifacts: [1](#) paragraph anchors, [X](#) links, pilcrows',
    match: r`(\[\d{1,3}\]\(#\))|(\[)([^\[\]()\n]{1,40})(\]\(#\))|(¶)`,
    captures: { 1: { name: S.artifact }, 2: { name: S.artifact }, 4: { name: S.artifact }, 5: { name: S.artifact } },
  },
  'portion-markings': {
    comment:
      'Upper-case markings anywhere, except after a word (`Technical Secretariat (TS)`, `Security Service of Ukraine (SBU)`), classification reasons (`1.4(C)`, `(B), (C)`) and office symbols (`(S/P)`)',
    match: r`(?<![\w(/])(?<![A-Za-z]\s|1\.[45]|1\.[45]\s)(?<!\),|\),\s|\)\sAND\s|\)\sand\s|\)\s&\s)(?:${MARK_ORDER.map((l) => `(${markRe(l)})`).join('|')})`,
    captures: posmarkCaptures(1),
  },
  markers: {
    comment: 'END SUMMARY / END COMMENT / END NOTE / BEGIN TEXT / END TEXT, and Summary: / Comment: anywhere',
    patterns: [
      {
        match: r`(?<!\w)(?i:(end\s+(?:of\s+)?summ?a?r?y)|(end\s+(?:of\s+)?comments?)|(end\s+(?:of\s+)?note)|(end\s+(?:of\s+)?text)|(begin\s+text))\b`,
        captures: {
          1: { name: S.marker('summary', 'end') },
          2: { name: S.marker('comment', 'end') },
          3: { name: S.marker('note', 'end') },
          4: { name: S.marker('text', 'end') },
          5: { name: S.marker('text', 'begin') },
        },
      },
      {
        match: r`(?<!\w)(?i:(summary)|(comment))(?=\s*:)`,
        captures: { 1: { name: S.marker('summary', 'begin') }, 2: { name: S.marker('comment', 'begin') } },
      },
    ],
  },
  captions: {
    match: r`(?<!\w)(?:([Ss][Ii][Pp][Dd][Ii][Ss])|([Nn][Oo][Ff][Oo][Rr][Nn])|(EXDIS|NODIS|LIMDIS|STADIS))\b`,
    captures: {
      1: { name: S.caption('sipdis') },
      2: { name: S.caption('noforn') },
      3: { name: S.caption('distribution') },
    },
  },
};

export const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Cable',
  scopeName: 'text.cable',
  fileTypes: ['cable', 'tel'],
  comment:
    'US diplomatic telegrams (Cablegate format). GENERATED by scripts/build-grammar.mjs: edit that file and run `npm run grammar:build`.',
  patterns: [inc('lines')],
  repository: {
    lines: {
      comment: 'The whole document: makes \\G mean the start of each line (see BOL)',
      begin: '^',
      while: '^',
      // Order = priority among rules matching at the start of a line.
      patterns: [
        inc('header-lines'),
        inc('page-line'),
        inc('prosign'),
        inc('fm-block'),
        inc('banner'),
        inc('caption-line'),
        inc('eo-line'),
        inc('tags-line'),
        inc('subject-line'),
        inc('ref-block'),
        inc('classified-by'),
        inc('paragraph'),
        inc('line-start-items'),
        inc('body-line'),
      ],
    },
    ...repository,
  },
};

export function render() {
  // U+FFFF written as an escape so the file stays readable
  return JSON.stringify(grammar, null, 2).replaceAll('\uFFFF', '\\uffff') + '\n';
}

/**
 * package.json `firstLine` (a JavaScript regex without flags, so made case-insensitive with [Cc] classes):
 * a VZCZC line, or a banner by the core's recogniser.
 */
export const firstLine = `^(?:VZCZC[A-Z0-9]*\\s*$|\\s{0,8}${core.caseless(core.BANNER_SOURCE)})`;

/** package.json with its firstLine set (only that string changes; the file keeps its layout). */
function packageWithFirstLine(current) {
  return current.replace(/("firstLine": )"(?:[^"\\]|\\.)*"/, (_, key) => key + JSON.stringify(firstLine));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = render();
  const pkg = readFileSync(PACKAGE, 'utf8');
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {}
    if (current !== text || packageWithFirstLine(pkg) !== pkg) {
      console.error('syntaxes/cable.tmLanguage.json or package.json firstLine is out of date: run `npm run grammar:build`');
      process.exit(1);
    }
    console.log('grammar: syntaxes/cable.tmLanguage.json and package.json firstLine are up to date');
  } else {
    writeFileSync(OUT, text);
    writeFileSync(PACKAGE, packageWithFirstLine(pkg));
    console.log(`grammar: wrote ${OUT} and package.json firstLine`);
  }
}
