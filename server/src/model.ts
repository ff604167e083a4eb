// The cable model: what parse() returns. Every element carries exact offsets
// into the text it was parsed from (start inclusive, end exclusive, UTF-16
// code units, the same units as JavaScript strings and LSP positions).

export interface Span {
  start: number;
  end: number;
}

/** A piece of the text with its value as written. */
export interface Token extends Span {
  text: string;
}

/** Classification levels, lowest first. SBU is an administrative control, ranked between U and C. */
export type Level = 'U' | 'SBU' | 'C' | 'S' | 'TS';
export const LEVEL_RANK: Record<Level, number> = { U: 0, SBU: 1, C: 2, S: 3, TS: 4 };
export const LEVEL_NAME: Record<Level, string> = {
  U: 'UNCLASSIFIED',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

export function isClassified(level: Level | undefined): boolean {
  return level !== undefined && LEVEL_RANK[level] >= LEVEL_RANK.C;
}

export interface Line {
  /** 0-based line number. */
  n: number;
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
}

/** How much of the date the evidence gives: the day, the month or only the year. */
export type DatePrecision = 'day' | 'month' | 'year';

/**
 * Where a cable's date came from: the --date option or cable.date setting, the date-time
 * group, a printout page header's date-time group, a web copy's date line, the reference
 * id in the file name, or today (a draft: no date-time group and no reference id yet).
 */
export type DateSource = 'override' | 'dtg' | 'page-header' | 'date-line' | 'file-name' | 'today';

/** The date a cable is checked against: a range of days when only the month or the year is known. */
export interface CableDate {
  /** The earliest day the evidence allows. */
  first: CalendarDate;
  /** The latest day it allows (the same day when the day is known). */
  last: CalendarDate;
  precision: DatePrecision;
  source: DateSource;
  /** The evidence as written: `P R 221828 Z MAY 73`, `Wednesday, 29 November 2000, 13:59`, `04LIMA1046`. */
  evidence: string;
  /** Where the evidence stands in the text (none for the file name, the setting or today). */
  span?: Span;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

// ---- transmission header ------------------------------------------------

export interface Addressee extends Span {
  /** FM, TO or INFO when the line starts with it; continuation lines have none. */
  keyword?: Token;
  ri?: Token;
  plad?: Token;
  precedence?: Token;
  serial?: Token;
}

export interface DateTimeGroup extends Span {
  /** Precedence letters before the group (`O`, `O R`). */
  precedence: Token[];
  /** `151318Z FEB 08` as written. */
  group: Token;
  day: number;
  hour: number;
  minute: number;
  month: number;
  /** Four-digit year (two-digit years: 00-69 are 20xx). */
  year: number;
  /** False when the day does not exist in the month or the time is out of range. */
  valid: boolean;
  /** Anything after the group, e.g. `///ZFR////`. */
  trailer?: Token;
}

export interface Header extends Span {
  /** acp127: VZCZC lines; acp126: starts at the date-time group; printout: 1970s PAGE/ORIGIN lines. */
  kind: 'acp127' | 'acp126' | 'printout';
  vzczc?: Token & { trigraph: string; sequence: string };
  prosignLine?: Span & { prosign: Token; routing: Token[] };
  de?: Span & { keyword: Token; station: Token; serial: Token; section?: Token; julian: Token };
  security?: Span & { keyword: Token; group: Token; letter: string; trailer?: Token };
  dtg?: DateTimeGroup;
  from?: Addressee;
  to: Addressee[];
  info: Addressee[];
  /** Header lines the parser could not place (kept, never dropped). */
  other: Token[];
}

// ---- banner, captions ---------------------------------------------------

export interface Banner extends Span {
  /** The class words as written, e.g. `C O N F I D E N T I A L`. */
  classText: Token;
  /** Normalised class: UNCLASSIFIED, UNCLAS, UNCLAS EFTO, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET. */
  className: string;
  level: Level;
  efto: boolean;
  /** Written with a space between every letter. */
  spaced: boolean;
  /** Spacing that is neither plain nor one space between every letter (`CO N F I D ...`). */
  oddSpacing: boolean;
  section?: Span & { n: number; m: number; text: string };
  post?: Token;
  serial?: Token;
  /** A two-digit year written before the post (`75 LIBREVILLE 1895`), which does not belong there. */
  year?: Token;
  /** Text after the serial on the same line (run-together copies). */
  rest?: Span;
}

export interface Caption extends Token {
  /** Normalised caption, e.g. SIPDIS, NOFORN, SENSITIVE BUT UNCLASSIFIED. */
  name: string;
}

// ---- E.O. line ------------------------------------------------------------

/** gds, xgds, ngds: E.O. 11652 (and GDS, rds, xds: E.O. 12065) schedules; oadr: E.O. 12356 (eras.ts). */
export type DeclKind =
  'date' | 'na' | 'oadr' | 'gds' | 'xgds' | 'ngds' | 'rds' | 'xds' | 'exemption' | 'downgrade' | 'event' | 'other' | 'empty';

export interface Decl extends Span {
  kind: DeclKind;
  /** The `DECL:` keyword when written. */
  keyword?: Token;
  /** The instruction after the keyword as written (date, N/A, OADR, free text). */
  value: Token;
  /** For kind 'date': the date written, its form, and whether it is a real calendar date. */
  date?: CalendarDate & {
    form: 'MM/DD/YYYY' | 'YYYY/MM/DD' | 'MM/DD/YY' | 'other';
    valid: boolean;
  };
  /** A schedule of E.O. 11652 or 12065 as written (`GDS`, `XGDS 2`, `RDS-4`), and its category (`2`, `4`). */
  schedule?: Token;
  category?: Token;
  /** Where the date stands when the instruction has more than a date (`GDS 8/12/85 (NAME) OR-P`); `date` reads it. */
  dateText?: Token;
  /** E.O. 12065: the classifier named in parentheses (`TOMSETH, VICTOR L.`) and the office symbol after them (`OR-P`). */
  classifier?: Token;
  office?: Token;
}

export interface EoLine extends Span {
  /** `E.O.`, `EO`, `E.o.` as written. */
  keyword: Token;
  /** The order number as written, e.g. 12958. */
  order?: Token;
  decl: Decl;
}

// ---- TAGS, SUBJECT, REF, Classified By --------------------------------------

export interface Tag extends Token {
  /** The code, upper-cased, without any web-copy wrapper. */
  code: string;
  /** The whole `[PREL](#)` wrapper when the tag came from a web copy. */
  wrapper?: Span;
}

export interface TagsLine extends Span {
  keyword: Token;
  tags: Tag[];
  /** Parenthesised names after person tags (`OVIP (VANCE, CYRUS)`). */
  names: Token[];
  /** True when codes are separated by commas. */
  commas: boolean;
}

export interface Marking extends Token {
  /** What is inside the parentheses, upper-cased, e.g. `S//NF`. */
  value: string;
  /** Level of the first component when it is a known classification. */
  level?: Level;
  /** Components after the level (NF, NOFORN, RELNATO, FGI, ...). */
  caveats: string[];
  /** True when the whole marking is in the known vocabulary. */
  known: boolean;
}

export interface Subject extends Span {
  keyword: Token;
  /** The subject text, lines joined with single spaces. */
  text: string;
  /** Span of the subject text (first to last character, over several lines). */
  textSpan: Span;
  marking?: Marking;
  lineCount: number;
}

/** A cable cited in a REF item: `09 STATE 082572`, `BAKU 129`, `09STATE126780`. */
export interface CableCite extends Span {
  /** The year as written (`09`, `2009`), when written. */
  year?: Token;
  /** The originator as written (`STATE`, `SECSTATE`, `SAN JOSE`). */
  post: Token;
  /** The serial as written, leading zeros and all (`082572`). */
  serial: Token;
}

export interface RefItem extends Span {
  /** The marker as written (`A.`, `A)`, `(A)`), when lettered. */
  marker?: Token;
  /** The letter, upper-cased, when lettered. */
  letter?: string;
  /** What the item refers to (`STATE 14840`). */
  target: Token;
  /** The cables the target names (none for an e-mail, a telcon, a memo). Set by parse(). */
  cites?: CableCite[];
}

export interface RefBlock extends Span {
  keyword: Token;
  items: RefItem[];
}

export interface ClassifiedBy extends Span {
  keyword: Token;
  /** Everything after the keyword: authority and reasons. */
  body: Token;
  /** The classifier's name and title as written (text before the reasons). */
  authority?: Token;
  /** `1.4` or `1.5` as written. */
  section?: Token;
  /** Reason letters as written (`b`, `D`). */
  reasons: Token[];
  /** Set for derivative classification (`Derived from Multiple Sources`), which cites a source instead of reasons. */
  derived?: Token;
}

// ---- body -------------------------------------------------------------------

export interface SubParagraph extends Span {
  /** The marker as written (`A.`, `(a)`, `b)`, `2A.`). */
  marker: Token;
  /** The letter, upper-cased. */
  letter: string;
}

export interface Paragraph extends Span {
  /** The number as written, without artifacts. */
  number: Token;
  value: number;
  /** `.` normally; `)` or other for malformed numbers such as `3)`. */
  punctuation: string;
  /** Span from the number through the marking: where a marking would go. */
  head: Span;
  marking?: Marking;
  subparagraphs: SubParagraph[];
  /** The first words of the paragraph text (for outlines). */
  firstWords: string;
  /**
   * True when numbering starts again at 1 after a repeated header block (E.O., TAGS,
   * SUBJECT or banner): web and media-partner copies repeat the cable, and each copy
   * is numbered on its own.
   */
  restart?: boolean;
}

export interface Block extends Span {
  kind: 'summary' | 'comment';
  /** Missing when an END marker has no opening marker. */
  open?: Token;
  close?: Token;
  /** The opening marker is a section heading (`COMMENT` over a dashed line): the next heading ends it, no END marker is expected. */
  heading?: boolean;
  /** The opening marker follows `(` (`(Comment: ... )`): the closing parenthesis ends it. */
  parenthesized?: boolean;
}

export interface RefMention extends Token {
  /** Letters cited (`ref a` -> ['A']); empty for `reftel`. */
  letters: Token[];
}

export interface Artifact extends Token {
  kind: 'anchor' | 'tag-link' | 'pilcrow';
}

export interface Cable {
  text: string;
  lines: Line[];
  /** 1 when the text starts with a byte-order mark. */
  bom: number;
  header?: Header;
  /** Lines before the banner that are not a transmission header (wrappers, a weekday date line). */
  preamble: Token[];
  banner?: Banner;
  captions: Caption[];
  /** `DEPT FOR EUR/CARC` and other passing or handling lines between banner and E.O. line. */
  passing: Token[];
  eo?: EoLine;
  tags?: TagsLine;
  subject?: Subject;
  refs?: RefBlock;
  classifiedBy?: ClassifiedBy;
  paragraphs: Paragraph[];
  blocks: Block[];
  /** Page and section lines of long cables, and repeated banners. */
  pageLines: Token[];
  signature?: Token;
  refMentions: RefMention[];
  artifacts: Artifact[];
  /** Where the body (text after the preamble) starts. */
  bodyStart: number;
  /** The cable's overall classification, from the banner. */
  level?: Level;
  /** The cable's date from its date-time group, when it has one. */
  date?: CalendarDate;
  /**
   * The cable's date as its own text shows it (parse/dating.ts): a date-time group of any
   * era's form, a printout page header's, a web copy's date line. The file name, the --date
   * option and today are added by cable-date.ts, which gives the date rules and features read.
   */
  dated?: CableDate;
}
