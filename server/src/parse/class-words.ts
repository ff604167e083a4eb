import { type Cable, type Level, LEVEL_NAME, type Marking } from '../model';

// The one recogniser of classification lines: the class words of every era and
// the shape of a banner (`<CLASS> [SECTION n OF m] <POST> <SERIAL>`). The parser
// (classification.ts, pages.ts), the TextMate grammar (scripts/build-grammar.mjs)
// and package.json `firstLine` (written by the same script) are all built from
// these sources, so `CC O N F I D E N T I A L BAKU 000146` is a banner for all
// three or for none. Sources are for case-insensitive matching (lower-cased
// copies write `C o n f i d e n t i a l` and `Unclas nairobi 000165`).
//
// Every `\s?` is a fixed one-or-none step and every other repeat is bounded:
// no source can backtrack more than a few characters.

export interface ClassWord {
  /** What the class means, for hovers, when it is not a classification level of its own. */
  meaning?: string;
  /** The scope level in the grammar (`constant.language.classification.<scope>.banner.cable`). */
  scope: 'unclassified' | 'sbu' | 'confidential' | 'secret' | 'topsecret';
  level: Level;
  /** The class as named in messages. */
  name: string;
  /** The words as written: letter-spaced or not, with the slips observed in real cables. */
  source: string;
  /** The words letter-spaced as the telegram system writes them (what a fix writes). */
  spaced: string;
}

/** `CONFIDENTIAL` with an optional space between letters: `C\s?O\s?N...`. */
function letters(word: string): string {
  return word.split('').join('\\s?');
}

/**
 * The classification vocabulary, longest first. LIMITED OFFICIAL USE is the
 * pre-1995 administrative control (1970s-1990s cables: banner, `(LOU)` marks,
 * page markings): unclassified, handled like SBU, which replaced it.
 */
export const CLASS_WORDS: readonly ClassWord[] = [
  {
    scope: 'topsecret',
    level: 'TS',
    name: 'TOP SECRET',
    source: `${letters('TOP')}\\s{0,3}${letters('SECRET')}`,
    spaced: 'T O P  S E C R E T',
  },
  // `CC O N F I D E N T I A L` and `SS E C R E T`: a doubled first letter seen in real banners.
  {
    scope: 'confidential',
    level: 'C',
    name: 'CONFIDENTIAL',
    source: `C\\s?C?\\s?${letters('ONFIDENTIAL')}`,
    spaced: 'C O N F I D E N T I A L',
  },
  { scope: 'secret', level: 'S', name: 'SECRET', source: `S\\s?S?\\s?${letters('ECRET')}`, spaced: 'S E C R E T' },
  {
    scope: 'sbu',
    level: 'SBU',
    name: 'LIMITED OFFICIAL USE',
    source: `${letters('LIMITED')}\\s{1,3}${letters('OFFICIAL')}\\s{1,3}${letters('USE')}`,
    spaced: 'LIMITED OFFICIAL USE',
    meaning:
      "LIMITED OFFICIAL USE (LOU): the Department's administrative control for unclassified information not for public release, on telegrams of the 1970s to the mid-1990s, when SENSITIVE BUT UNCLASSIFIED (SBU) replaced it. It is not a classification: ranked with SBU, it needs no declassification date, Classified By line or portion marks (format doc §2; 1977 STATE 017976)",
  },
  {
    scope: 'unclassified',
    level: 'U',
    name: 'UNCLAS',
    source: `${letters('UNCLAS')}(?:\\s?${letters('SIFIED')})?(?:\\s{1,3}${letters('EFTO')})?`,
    spaced: 'UNCLAS',
  },
];

/** Any class words (one capture-free alternation). */
export const CLASS_SOURCE = CLASS_WORDS.map((w) => w.source).join('|');
/** `SECTION 01 OF 03` after the class. Groups: the section number, the number of sections. */
export const SECTION_SOURCE = 'SECTION\\s{1,3}(\\d{1,3})\\s{1,3}OF\\s{1,3}(\\d{1,3})';
/** The post: letters, blanks and a few marks (`THE HAGUE`, `USUN NEW YORK`, `AIT TAIPEI`). */
export const POST_SOURCE = "[A-Za-z][A-Za-z \\t.'&/-]{0,40}?";
/** The serial: 3 to 8 digits; copies that lost their line breaks glue the next line to it (`SANAA 001352SIPDIS`, `CAIRO 000326FOR NEA`). */
export const SERIAL_SOURCE = '\\d{3,8}(?=\\s|$|[A-Z]{3})';

/** A two-digit year some copies put before the post (`75 LIBREVILLE 1895`): malformed, but still a banner. */
export const YEAR_SOURCE = '\\d{2}';

/**
 * A whole banner from the start of a line: the class, an optional SECTION, the
 * post and the serial. Groups: the two of SECTION_SOURCE.
 */
export const BANNER_SOURCE = `(?:${CLASS_SOURCE})(?:\\s{1,8}${SECTION_SOURCE})?\\s{1,8}(?:${YEAR_SOURCE}\\s{1,8})?${POST_SOURCE}\\s{1,8}${SERIAL_SOURCE}`;

/**
 * Portion marking levels (`(C)`, `(LOU)`): the letters in the parentheses and the level they stand for.
 * `(LOU)` marks a LIMITED OFFICIAL USE portion, ranked with SBU.
 */
export const PORTION_LEVELS: Readonly<Record<string, Level>> = { U: 'U', SBU: 'SBU', LOU: 'SBU', C: 'C', S: 'S', TS: 'TS' };

/** The class word entry for words as written (`C O N F I D E N T I A L`, `limited official use`). */
export function classWordOf(written: string): ClassWord {
  const c = written.toUpperCase().replace(/\s+/g, '');
  if (c.startsWith('TOP')) return CLASS_WORDS[0];
  if (c.startsWith('C')) return CLASS_WORDS[1];
  if (c.startsWith('S')) return CLASS_WORDS[2];
  if (c.startsWith('L')) return CLASS_WORDS[3];
  return CLASS_WORDS[4];
}

/**
 * The source made case-insensitive with character classes (`[Cc]`), for
 * engines without an `i` flag or inline `(?i:)`: package.json `firstLine`.
 */
export function caseless(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + source[i + 1];
      i++;
    } else if (c === '[') {
      // A class: add the other case of each letter in it.
      let j = i + 1;
      let body = '';
      while (j < source.length && source[j] !== ']') {
        if (source[j] === '\\') {
          body += source[j] + source[j + 1];
          j += 2;
        } else body += source[j++];
      }
      const swap = (ch: string) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase());
      // Ranges (`A-Z`) and single letters, each with its other case unless already there.
      const parts = body.replace(/\\./g, '').match(/[A-Za-z]-[A-Za-z]|[A-Za-z]/g) ?? [];
      const extra = parts
        .map((p) =>
          p
            .split('')
            .map((ch) => (ch === '-' ? ch : swap(ch)))
            .join(''),
        )
        .filter((p) => !body.includes(p));
      out += body.startsWith('^') ? `[^${extra.join('')}${body.slice(1)}]` : `[${extra.join('')}${body}]`;
      i = j;
    } else if (/[A-Za-z]/.test(c)) {
      out += `[${c.toUpperCase()}${c.toLowerCase()}]`;
    } else out += c;
  }
  return out;
}

/** The LIMITED OFFICIAL USE entry. */
export const LOU = CLASS_WORDS[3];
/** The caption that makes an UNCLAS cable LOU, as SENSITIVE makes it SBU. */
export const LOU_CAPTION = 'LIMITED OFFICIAL USE';

/** True when the cable's control is LIMITED OFFICIAL USE (its banner, or an LOU caption under an UNCLAS banner). */
export function isLou(cable: Cable): boolean {
  return cable.banner?.className === LOU.name || (cable.level === 'SBU' && cable.captions.some((c) => c.name === LOU_CAPTION));
}

/** The name of the cable's overall class in messages: LIMITED OFFICIAL USE for an LOU cable, else its level's name. */
export function cableClassName(cable: Cable): string {
  if (!cable.level) return 'unmarked';
  return cable.level === 'SBU' && isLou(cable) ? LOU.name : LEVEL_NAME[cable.level];
}

/** The name of a portion marking's level: LIMITED OFFICIAL USE for `(LOU)`. */
export function markingClassName(m: Marking & { level: Level }): string {
  return /^LOU\b/.test(m.value) ? LOU.name : LEVEL_NAME[m.level];
}
