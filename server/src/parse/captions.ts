import type { Caption } from '../model';
import { token } from './lines';

// Distribution, handling and channel captions seen between the banner and the
// E.O. line. Longer phrases first so that SENSITIVE BUT UNCLASSIFIED wins over SENSITIVE.
export const CAPTIONS = [
  'SENSITIVE BUT UNCLASSIFIED',
  'NOT FOR INTERNET DISTRIBUTION',
  'FOR OFFICIAL USE ONLY',
  'NOT RELEASABLE TO FOREIGN NATIONALS',
  'LIMITED OFFICIAL USE', // the pre-1995 control under an UNCLAS banner, as SENSITIVE later
  'C O R R E C T E D COPY',
  'CORRECTED COPY',
  'ROGER CHANNEL',
  'REL NATO',
  'SENSITIVE',
  'SIPDIS',
  'NOFORN',
  'NODIS',
  'EXDIS',
  'LIMDIS',
  'STADIS',
  'NOTAL',
  'CHEROKEE',
  'EFTO',
  'SBU',
  'FOUO',
];

const CORRECTED = /^C ?O ?R ?R ?E ?C ?T ?E ?D\s+C ?O ?P ?Y\b/;

/**
 * Reads a line made only of captions (`SIPDIS`, `NOFORN SIPDIS`), or returns
 * undefined when anything else is on it (then it is a passing line).
 * `CORRECTED COPY (...)` and `REL TO ...` keep their trailing text.
 */
export function parseCaptionLine(text: string, start: number, end: number): Caption[] | undefined {
  const out: Caption[] = [];
  let i = start;
  const upper = text.slice(start, end).toUpperCase();
  while (i < end) {
    while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === ',')) i++;
    if (i >= end) break;
    const rest = upper.slice(i - start);
    const rel = /^REL(?:EASABLE)? TO\b/.exec(rest);
    if (rel) {
      out.push(Object.assign(token(text, i, end), { name: 'REL TO' }));
      return out;
    }
    // `C O R R E C T E D C O P Y (...)`, spaced or not: a correction note follows.
    if (CORRECTED.test(rest)) {
      out.push(Object.assign(token(text, i, end), { name: 'CORRECTED COPY' }));
      return out;
    }
    const c = CAPTIONS.find(
      (p) =>
        rest.startsWith(p) && (rest.length === p.length || /[\s,(]/.test(rest[p.length]) || (p === 'REL NATO' && rest[p.length] === '/')),
    );
    if (!c) return undefined;
    let e = i + c.length;
    if (c.includes('CORRECTED')) e = end; // a correction note follows
    if (c === 'REL NATO' && text[e] === '/') e = end; // `REL NATO/AUST/NZ/ISAF`: the list goes on
    out.push(Object.assign(token(text, i, e), { name: c === 'C O R R E C T E D COPY' ? 'CORRECTED COPY' : c }));
    i = e;
  }
  return out.length ? out : undefined;
}
