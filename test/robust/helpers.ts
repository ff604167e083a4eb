// Shared pieces of the robustness tests: the cables they start from, random
// text and mutations for fast-check, and applying edits.
import fc from 'fast-check';
import type { Edit } from '../../server/src/rules/types';
import { readCorpus, readSeed } from '../parse/fixtures';

/** Varied real cables (header kinds, CRLF, web copies, lower case, page lines, REF lists, SBU). */
export const BASE_NAMES = [
  '00HARARE5461',
  '02BOGOTA3281',
  '03ABUDHABI2641',
  '04ANKARA348',
  '05BRASILIA2146',
  '05KABUL5181',
  '05MINSK851',
  '05PARIS1699',
  '08ALGIERS85.crlf',
  '09STATE52767',
];

export function baseCables(): [string, string][] {
  return [['seed.cable', readSeed()], ...BASE_NAMES.map((n): [string, string] => [n, readCorpus(n)])];
}

/** Pieces that steer random text toward what the parser looks for. */
const PIECES = [
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  '¶',
  '(',
  ')',
  '[',
  ']',
  '(#)',
  '[1](#)',
  '[PREL](#)',
  '.',
  ',',
  ':',
  ';',
  '/',
  '//',
  '-',
  '1',
  '2',
  '9',
  '10',
  '1.',
  '2.',
  '3)',
  '1.4',
  '1.5',
  'A.',
  '(a)',
  'b)',
  '2A.',
  '(U)',
  '(C)',
  '(S//NF)',
  '(SBU)',
  '(TS)',
  '(S/REL UK)',
  'U',
  'C',
  'S',
  'UNCLAS',
  'C O N F I D E N T I A L',
  'S E C R E T',
  'SECRET',
  'CONFIDENTIAL',
  'SECTION 01 OF 02',
  'BAKU 000123',
  'SIPDIS',
  'NOFORN',
  'SENSITIVE',
  'DEPT FOR EUR/CARC',
  'E.O. 12958: DECL: 02/15/2018',
  'E.O. 13526: DECL: ',
  'DECL:',
  'N/A',
  'OADR',
  '12958',
  'TAGS: ',
  'PREL',
  'PGOV',
  'RU',
  'AJ',
  'KDEM',
  'OVIP (VANCE, CYRUS)',
  'SUBJECT: ',
  'SUBJ: ',
  'REF: ',
  'REFS: A. STATE 14840',
  'B. BAKU 99',
  'Classified By: Ambassador Anne E. Derse, Reasons 1.4 (b) and (d)',
  'REASONS',
  '(b)',
  '(d)',
  'SUMMARY',
  'END SUMMARY',
  'COMMENT:',
  'END COMMENT.',
  'ref a',
  'reftel',
  'REF B',
  'and',
  'VZCZC',
  'VZCZCXRO1234',
  'OO RUEHWEB',
  'DE RUEHKB #0123/01 0461318',
  'ZNY CCCCC ZZH',
  'O 151318Z FEB 08',
  'FM AMEMBASSY BAKU',
  'TO RUEHC/SECSTATE WASHDC IMMEDIATE 4821',
  'INFO',
  'BT',
  'NNNN',
  'PAGE 02 HARARE 05461 01 OF 02 271458Z',
  'DERSE',
];

/** Random text: arbitrary code points (lone surrogates included) mixed with cable pieces. */
export const textArb = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'upper' | 'lower' | 'cr' | 'truncate'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'insert'; at: number; garbage: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'upper' as const, 'lower' as const, 'cr' as const, 'truncate' as const),
    at: fc.nat(),
  }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), garbage: textArb }),
);

/**
 * Applies one mutation to a cable: delete, duplicate or swap lines, insert
 * garbage (inside a line or as lines), change a line's case, put a CR inside
 * a line, or cut the text in the middle of a line.
 */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split(/(?<=\n)/); // keeps each line's own ending
  const i = m.at % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'duplicate':
      lines.splice(i, 0, lines[i]);
      break;
    case 'swap': {
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      break;
    }
    case 'upper':
      lines[i] = lines[i].toUpperCase();
      break;
    case 'lower':
      lines[i] = lines[i].toLowerCase();
      break;
    case 'cr': {
      const at = m.at % (lines[i].length + 1);
      lines[i] = lines[i].slice(0, at) + '\r' + lines[i].slice(at);
      break;
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.garbage + text.slice(at);
    }
  }
  return lines.join('');
}

/** A real cable with one to four random mutations. */
export const mutatedCableArb = fc
  .tuple(fc.constantFrom(...baseCables().map(([, t]) => t)), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([text, ms]) => ms.reduce(mutate, text));

// The core's own (a copy here once differed on overlapping edits).
export { applyEdits } from '../../server/src/features/fixall';

/**
 * Where offset `p` of the old text lands after the edits (sorted by start).
 * An insertion exactly at `p` goes before it when `after` is true, else after;
 * inside a replaced range, `p` lands at that edit's start or end.
 */
export function mapOffset(p: number, edits: readonly Edit[], after: boolean): number {
  let shift = 0;
  for (const e of edits) {
    const delta = e.newText.length - (e.end - e.start);
    if (e.end < p || (e.end === p && (e.start < p || after))) shift += delta;
    else if (e.start < p) return (after ? e.start + e.newText.length : e.start) + shift;
    else break;
  }
  return p + shift;
}

/** Fixed seed: failures reproduce; change it locally to explore. */
export const SEED = 20240607;
