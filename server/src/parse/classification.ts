import type { Banner, Level, Marking } from '../model';
import { CLASS_SOURCE, classWordOf, POST_SOURCE, PORTION_LEVELS, SECTION_SOURCE, SERIAL_SOURCE, YEAR_SOURCE } from './class-words';
import { token } from './lines';

// The class words, SECTION, post and serial come from class-words.ts, the one
// recogniser shared with the grammar and package.json firstLine.
const BANNER = new RegExp(`^(${CLASS_SOURCE})(?=\\s|$)`, 'i');
const SECTION = new RegExp(`^\\s+${SECTION_SOURCE}(?=\\s|$)`, 'i');
// Post then serial. Copies that lost their line breaks glue the next caption to the serial (`SANAA 001352SIPDIS`).
const POST_SERIAL = new RegExp(`^\\s+(${POST_SOURCE})\\s+(${SERIAL_SOURCE})`);
const YEAR_BEFORE_POST = new RegExp(`^\\s+(${YEAR_SOURCE})\\s`);
const POST_ONLY = new RegExp(`^\\s+(${POST_SOURCE})\\s*$`);

function className(written: string): { name: string; level: Level; efto: boolean } {
  const w = classWordOf(written);
  if (w.level !== 'U') return { name: w.name, level: w.level, efto: false };
  const c = written.toUpperCase().replace(/\s+/g, '');
  const efto = c.endsWith('EFTO');
  const name = c.startsWith('UNCLASSIFIED') ? 'UNCLASSIFIED' : efto ? 'UNCLAS EFTO' : 'UNCLAS';
  return { name, level: 'U', efto };
}

function spacing(written: string): { spaced: boolean; odd: boolean } {
  const words = written.trim().split(/\s+/);
  const single = words.filter((w) => w.length === 1).length;
  if (single === 0) return { spaced: false, odd: false }; // CONFIDENTIAL, TOP SECRET, UNCLAS EFTO
  if (single === words.length) return { spaced: true, odd: false }; // C O N F I D E N T I A L
  if (/^UNCLAS(SIFIED)?$/i.test(words[0]) && single === words.length - 1) return { spaced: false, odd: false }; // UNCLAS E F T O
  return { spaced: true, odd: true }; // CO N F I D E N T I A L
}

/**
 * Reads a classification line starting at `start`. `requireTail` demands a
 * post and serial (or SECTION) after the class, so that a body sentence
 * starting with "Secret" is not taken for a banner.
 */
export function parseBanner(text: string, start: number, end: number, requireTail: boolean): Banner | undefined {
  const line = text.slice(start, end);
  const m = BANNER.exec(line);
  if (!m) return undefined;
  const written = m[1];
  const { name, level, efto } = className(written);
  const { spaced, odd } = spacing(written);
  let i = m[0].length;
  const banner: Banner = {
    start,
    end: start + i,
    classText: token(text, start, start + written.length),
    className: name,
    level,
    efto,
    spaced,
    oddSpacing: odd,
  };
  const s = SECTION.exec(line.slice(i));
  if (s) {
    const sStart = start + i + s[0].length - s[0].trimStart().length;
    banner.section = { start: sStart, end: start + i + s[0].length, n: Number(s[1]), m: Number(s[2]), text: s[0].trim() };
    i += s[0].length;
  }
  let rest = line.slice(i);
  // A two-digit year before the post (`C O N F I D E N T I A L 75 LIBREVILLE 1895`, whence the id 7575LIBREVILLE1895).
  const y = YEAR_BEFORE_POST.exec(rest);
  if (y && POST_SERIAL.test(rest.slice(y[0].length - 1))) {
    const yStart = start + i + y[0].indexOf(y[1]);
    banner.year = token(text, yStart, yStart + 2);
    i += y[0].length - 1;
    rest = line.slice(i);
  }
  const ps = POST_SERIAL.exec(rest);
  if (ps) {
    const postStart = start + i + ps[0].indexOf(ps[1]);
    banner.post = token(text, postStart, postStart + ps[1].length);
    const serialStart = start + i + ps[0].length - ps[2].length;
    banner.serial = token(text, serialStart, serialStart + ps[2].length);
    i += ps[0].length;
  } else {
    const po = POST_ONLY.exec(rest);
    if (po && po[1].trim()) {
      const postStart = start + i + po[0].indexOf(po[1]);
      banner.post = token(text, postStart, postStart + po[1].trimEnd().length);
      i += po[0].length;
    } else if (requireTail && !banner.section && rest.trim() !== '') {
      return undefined;
    }
  }
  if (requireTail && !banner.post && !banner.section) return undefined;
  let e = start + i;
  while (e > start && /\s/.test(text[e - 1])) e--;
  banner.end = e;
  const after = start + i;
  if (text.slice(after, end).trim() !== '')
    banner.rest = { start: after + (text.slice(after, end).length - text.slice(after, end).trimStart().length), end };
  return banner;
}

// ---- portion markings ----------------------------------------------------

const LEVELS = PORTION_LEVELS;
// Spelled out (`(SECRET/REL IAEA)`): the level is clear, but the marking is not in the vocabulary.
const SPELLED: Record<string, Level> = { UNCLASSIFIED: 'U', UNCLAS: 'U', CONFIDENTIAL: 'C', SECRET: 'S' };
// Abbreviations that open a paragraph in parentheses as prose (`3. (UN) Climate Conference`).
const NOT_MARKINGS = /^(UN|EU|AU|US|USG|UK|OAS|IMF|WTO|WHO|NATO|OSCE|IAEA|ICRC|NGO)$/;
const KNOWN_CAVEATS = /^(NF|NOFORN|N|FOUO|FGI|ORCON|OC|PROPIN|PR|REL(?:[A-Z ,]{0,160})?|ENTIRE TEXT|NODIS|EXDIS|LIMDIS|SIPDIS)$/;

// A level (`C`, or spelled out: `SECRET`), then components joined by `/`, `//` or `-` (a REL list may
// have commas: `S/REL to UK, PAKISTAN`). Every repeat starts with a separator, and bounded
// repetitions keep matching linear. A trailing `//` is tolerated (`(C//REL TO USA, KEN//)`), and a
// full stop before the parenthesis closes (`(C - ENTIRE TEXT.)`, 1979STATE241927).
const MARK =
  /^\(\s{0,2}([A-Za-z]{1,12}(?:\s{0,2}(?:\/{1,2}|-{1,2})\s{0,2}[A-Za-z]{1,12}(?:,?[ \t][A-Za-z]{1,12}|,[A-Za-z]{1,12}){0,12}){0,6})(?:\/{1,2})?\.?\s{0,2}\)/;

/**
 * Reads a portion marking at `start` (`(C)`, `(S//NF)`, `(SBU-N)`), or returns
 * undefined when the parentheses hold something else (`(a)`, `(Text ...)`).
 */
export function parseMarking(text: string, start: number, end: number): Marking | undefined {
  if (text.charCodeAt(start) !== 40) return undefined;
  let m = MARK.exec(text.slice(start, Math.min(end, start + 120)));
  if (!m) {
    // A REL TO list that wraps onto the next line: `2. (S//REL AFGHANISTAN, KYRGYZSTAN, TAJIKISTAN,` /
    // `TURKMENISTAN, UZBEKISTAN): ...` (08STATE79112). The line break counts as a blank.
    const head = text.slice(start, Math.min(end, start + 120));
    if (!WRAPPED_REL.test(head)) return undefined;
    let e = end;
    while (e < end + 20 && (text[e] === ' ' || text[e] === '\t')) e++;
    const brk = text.startsWith('\r\n', e) ? 2 : text[e] === '\n' || text[e] === '\r' ? 1 : 0;
    if (!brk) return undefined;
    const next = e + brk;
    const joined = head + ' ' + text.slice(next, next + 120);
    m = MARK.exec(joined);
    if (!m || m[0].length <= head.length + 1) return undefined;
    const close = next + (m[0].length - head.length - 1);
    const inner = m[1].replace(/\s+/g, ' ');
    return markingOf(text, start, close, inner);
  }
  return markingOf(text, start, start + m[0].length, m[1]);
}

// `(S//REL AFGHANISTAN, KYRGYZSTAN,` with the list going on at the next line.
const WRAPPED_REL = /^\(\s{0,2}[A-Za-z]{1,5}\s{0,2}\/{1,2}\s{0,2}REL\b[A-Za-z \t,/]{0,100},\s*$/;

/** The marking over [start, end) with `inner`, what its parentheses hold. */
function markingOf(text: string, start: number, end: number, inner: string): Marking | undefined {
  const value = inner
    .toUpperCase()
    .replace(/\s*(\/{1,2}|-{1,2})\s*/g, '$1')
    .replace(/\s+/g, ' ');
  const parts = value.split(/\/{1,2}|-{1,2}/);
  const first = parts[0];
  const level: Level | undefined = LEVELS[first] ?? SPELLED[first];
  const caveats = parts.slice(1).map((p) => p.trim());
  // A REL list can go on after slashes: `S/REL TO NATO/AUS/NZL`.
  let inRel = false;
  // `(SECRET-ENTIRE TEXT)`: the E.O. 12065-era whole-text marking spells the level out (1979 STATE 294974).
  const entireText = caveats.length === 1 && caveats[0] === 'ENTIRE TEXT';
  const known =
    (SPELLED[first] !== undefined && entireText) ||
    (LEVELS[first] !== undefined &&
      caveats.every((c) => {
        const ok = KNOWN_CAVEATS.test(c) || (inRel && /^[A-Z]{2,5}$/.test(c));
        inRel = ok && (inRel || c.startsWith('REL'));
        return ok;
      }));
  const upper = inner === inner.toUpperCase();
  // A lone letter other than U, C, S is a list item, not a marking; lower-case
  // copies only count when the marking is known.
  if (!level && (!upper || first.length < 2 || first.length > 4 || NOT_MARKINGS.test(first))) return undefined;
  return Object.assign(token(text, start, end), { value, level, caveats, known });
}
