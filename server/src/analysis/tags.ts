import { fipsForIso, isUsableGeo, nearestTags } from '../data/index';
import { GEO_TAGS, LISTS_FROM, ORG_TAGS, PROGRAM_TAGS, SUBJECT_TAGS } from '../data/reference';
import type { GeoEntry, OrgEntry, TagEntry } from '../data/types';
import type { Cable, Tag } from '../model';

// What each word of the TAGS line is: computed once per parsed cable (and per extra tags
// and cable year) and read by the rules, the hovers and the outline alike, so that they
// cannot disagree. Vocabulary from server/src/data (generated, with sources).

/** The years the cable's date may fall in (a year-precise date: first === last). */
export interface CableYears {
  first: number;
  last: number;
}

/** How one word of the TAGS line reads. */
export type TagReading =
  /** A subject tag (4 letters, its first letter the category); `person`: OVIP, OTRA, OREP, OEXC, OCON. */
  | { kind: 'subject'; entry?: TagEntry; person: boolean }
  | { kind: 'program'; entry: TagEntry }
  /** A code of the configuration's `extraTags`. */
  | { kind: 'extra' }
  | { kind: 'org'; entry?: OrgEntry }
  | { kind: 'geo'; entry: GeoEntry }
  /** A word of the name of the person a person tag is about (`OVIP CLINTON HILLARY`). */
  | { kind: 'name'; of: Tag }
  /** A subject tag of an earlier era on a cable of a year when it was in no list. */
  | { kind: 'era'; entry: TagEntry; year: number }
  /**
   * A code in no list, of the shape of a subject, program or geographic tag, on a cable of a year
   * before the lists' (LISTS_FROM): a tag of its era we do not know (UR, EGEN); not judged.
   */
  | { kind: 'before-lists'; shape: 'subject' | 'program' | 'geo'; year: number }
  | { kind: 'iso'; suggest: string[]; entry?: GeoEntry }
  | { kind: 'run-together'; parts: string[] }
  /** Not a code of any list; `suggest`: codes one typo away (guesses, never certain). */
  | { kind: 'unknown'; suggest: string[] }
  /** A word that is not a code: free text, an organisation's name or acronym of an open list. */
  | { kind: 'free' };

export interface TagItem {
  tag: Tag;
  reading: TagReading;
}

export interface TagsAnalysis {
  items: TagItem[];
  /** A subject tag is on the line (or a run-together word holding one, or a likely typo of one). */
  hasSubject: boolean;
}

/** Tags that must be followed by the person's name (1974 TAGS manual cable, format doc §5). */
export const PERSON_TAGS: ReadonlySet<string> = new Set(['OVIP', 'OTRA', 'OREP', 'OEXC', 'OCON']);
/** First letters of subject categories (5 FAH-3 H-110) and K for program tags. */
const CODE_SHAPED = /^[ABCELMOPSTK][A-Z]{3}$/;
const LETTERS = /^[A-Z]+$/;

const SUBJECT = new Map(SUBJECT_TAGS.map((e) => [e.code, e]));
const PROGRAM = new Map(PROGRAM_TAGS.map((e) => [e.code, e]));
// Org entries seen only in corpus TAGS are fragments of names, phrases and run-together codes
// (CLINTON, GOI, VTPREL), not list entries: they do not make a code an organisation tag.
const LISTED_ORG = ORG_TAGS.filter((e) => !e.source.startsWith('observed-only'));
const ORG = new Map(LISTED_ORG.map((e) => [e.code, e]));
const GEO = new Map(GEO_TAGS.map((e) => [e.code, e]));
/** Codes of today's lists (not only observed, not of an earlier era): the only typo suggestions. */
const LISTED = new Set(
  [...SUBJECT_TAGS, ...PROGRAM_TAGS].filter((e) => !e.source.startsWith('observed-only') && !e.era).map((e) => e.code),
);

function usableGeo(code: string): GeoEntry | undefined {
  const g = GEO.get(code);
  return g && isUsableGeo(g) ? g : undefined;
}

/** The reading of a code that is on a list (before the context of the line is known). */
function listed(code: string, extra: ReadonlySet<string>, years: CableYears | undefined): TagReading | undefined {
  if (extra.has(code)) return { kind: 'extra' };
  const s = SUBJECT.get(code);
  if (s || PERSON_TAGS.has(code)) {
    // An era tag is out of its era only when every year the cable's date allows is after it.
    if (s?.era && years && years.first >= s.era.gone) return { kind: 'era', entry: s, year: years.first };
    return { kind: 'subject', entry: s, person: PERSON_TAGS.has(code) };
  }
  const p = PROGRAM.get(code);
  if (p) return { kind: 'program', entry: p };
  const g = usableGeo(code);
  if (g) return { kind: 'geo', entry: g };
  const o = ORG.get(code);
  if (o) return { kind: 'org', entry: o };
  return undefined;
}

/** True when `a` and `b` (same length) differ in one letter or by two adjacent letters swapped. */
function oneEdit(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length < 3; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** Subject or program codes one typo away from `code` (nearest known codes, same length). */
function codeSuggestions(code: string, extra: ReadonlySet<string>): string[] {
  return nearestTags(code, 12, [...extra])
    .filter((k) => oneEdit(code, k) && (LISTED.has(k) || extra.has(k)))
    .slice(0, 3);
}

/** Subject/program codes obtained by dropping one letter (`PRELL`) or adding one (`PRL`). */
function oneLetterOff(code: string, extra: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const isCode = (k: string) => k.length === 4 && (LISTED.has(k) || extra.has(k));
  if (code.length === 5) {
    for (let i = 0; i < 5; i++) {
      const k = code.slice(0, i) + code.slice(i + 1);
      if (isCode(k)) out.add(k);
    }
  } else if (code.length === 3) {
    for (const k of [...LISTED, ...extra]) {
      if (k.length !== 4) continue;
      // Not a dropped first letter: `INR` is a bureau, not PINR; the category letter is rarely the one left out.
      for (let i = 1; i < 4; i++) if (k.slice(0, i) + k.slice(i + 1) === code) out.add(k);
    }
  }
  return [...out].sort().slice(0, 3);
}

/**
 * Splits run-together codes (`ECONEFIN`, `IZPREL`, `PGOVLO`) into subject or
 * program codes and geographic codes. At least as many 4-letter codes as
 * 2-letter ones are required, so that a word such as ECONOMIC (ECON OM IC) is
 * not taken apart.
 */
export function splitRunTogether(code: string, extra: ReadonlySet<string>): string[] | undefined {
  if (code.length < 6 || code.length > 60) return undefined;
  const four = (k: string) => LISTED.has(k) || SUBJECT.has(k) || PROGRAM.has(k) || (extra.has(k) && k.length === 4);
  // best[i]: fewest parts for code[0, i), preferring more 4-letter parts.
  const best: ({ parts: string[]; fours: number } | undefined)[] = [{ parts: [], fours: 0 }];
  for (let i = 1; i <= code.length; i++) {
    let pick: { parts: string[]; fours: number } | undefined;
    for (const len of [4, 2]) {
      const prev = i >= len ? best[i - len] : undefined;
      if (!prev) continue;
      const part = code.slice(i - len, i);
      if (len === 4 ? !four(part) : !usableGeo(part)) continue;
      const cand = { parts: [...prev.parts, part], fours: prev.fours + (len === 4 ? 1 : 0) };
      if (!pick || cand.parts.length < pick.parts.length || (cand.parts.length === pick.parts.length && cand.fours > pick.fours))
        pick = cand;
    }
    best.push(pick);
  }
  const r = best[code.length];
  if (!r || r.fours === 0 || r.fours < r.parts.length - r.fours) return undefined;
  return r.parts;
}

/**
 * The lists (2000s) cannot judge a code of a cable from before them: a subject-, program- or
 * geographic-shaped code in no list is a tag of its era (1970s subject tags such as EGEN, FIPS codes
 * since changed such as UR). Only when every year the cable's date allows is before the lists.
 */
function beforeLists(code: string, years: CableYears | undefined): TagReading | undefined {
  if (!years || years.last >= LISTS_FROM || !LETTERS.test(code)) return undefined;
  if (code.length === 4 && CODE_SHAPED.test(code))
    return { kind: 'before-lists', shape: code[0] === 'K' ? 'program' : 'subject', year: years.last };
  // A two-letter code the table knows (an ISO misuse, an org variant) keeps its reading.
  if (code.length === 2 && !GEO.has(code)) return { kind: 'before-lists', shape: 'geo', year: years.last };
  return undefined;
}

/** Reads one code that is on no list. */
function readUnlisted(code: string, extra: ReadonlySet<string>): TagReading {
  if (!LETTERS.test(code) || code.length < 2) return { kind: 'free' };
  if (code.length === 2) {
    const g = GEO.get(code);
    if (g?.status === 'iso-instead-of-fips' && g.suggest?.length) return { kind: 'iso', suggest: g.suggest, entry: g };
    if (g?.suggest?.length) return { kind: 'unknown', suggest: g.suggest };
    const fips = fipsForIso(code);
    if (fips && !g) return { kind: 'iso', suggest: [fips] };
    // EU for EUN: a longer listed code that starts with the two letters.
    if (g?.status.startsWith('org'))
      return {
        kind: 'unknown',
        suggest: LISTED_ORG.filter((o) => o.code.length === 3 && o.code.startsWith(code) && o.description).map((o) => o.code),
      };
    return { kind: 'unknown', suggest: [] };
  }
  if (code.length === 3) {
    // Three letters is the shape of an organization acronym (open list); report only a likely typo.
    const s = oneLetterOff(code, extra);
    return s.length ? { kind: 'unknown', suggest: s } : { kind: 'free' };
  }
  if (code.length === 4) {
    // Subject and program tags are closed lists; other 4-letter words are organization acronyms.
    return CODE_SHAPED.test(code) ? { kind: 'unknown', suggest: codeSuggestions(code, extra) } : { kind: 'free' };
  }
  const parts = splitRunTogether(code, extra);
  if (parts) return { kind: 'run-together', parts };
  const s = code.length === 5 ? oneLetterOff(code, extra) : [];
  // Longer words are free text, names or organization names: not codes, not reported.
  return s.length ? { kind: 'unknown', suggest: s } : { kind: 'free' };
}

function read(cable: Cable, extra: ReadonlySet<string>, years: CableYears | undefined): TagsAnalysis {
  const items: TagItem[] = [];
  let person: Tag | undefined;
  let nameWords = 0;
  for (const tag of cable.tags?.tags ?? []) {
    const code = tag.code;
    const known = listed(code, extra, years);
    if (known) {
      items.push({ tag, reading: known });
      person = known.kind === 'subject' && known.person ? tag : undefined;
      nameWords = 0;
      continue;
    }
    // The first word is the name whatever it looks like (OVIP BUSH); a later word that is one typo
    // away from a subject or program code (OVIP STEINBERG JAMES PRLE) ends the name.
    const typo = nameWords > 0 && CODE_SHAPED.test(code) && codeSuggestions(code, extra).length > 0;
    if (person && !typo && LETTERS.test(code.replace(/[.'-]/g, ''))) {
      items.push({ tag, reading: { kind: 'name', of: person } });
      nameWords++;
      continue;
    }
    person = undefined;
    items.push({ tag, reading: beforeLists(code, years) ?? readUnlisted(code, extra) });
  }
  nameAtTheEnd(items, cable.tags?.commas === true);
  const hasSubject = items.some(({ reading: r }) => {
    if (r.kind === 'subject' || r.kind === 'era' || (r.kind === 'before-lists' && r.shape === 'subject')) return true;
    if (r.kind === 'run-together') return r.parts.some((p) => SUBJECT.has(p));
    // A likely typo of a subject tag is reported by tag-unknown; it is not reported twice.
    return r.kind === 'unknown' && r.suggest.some((p) => SUBJECT.has(p));
  });
  return { items, hasSubject };
}

/**
 * A person tag with no name right after it may have the name at the end of a comma-separated line,
 * after the other tags (1973STATE252376: `TAGS: OTRA, OGEN, SCOTES, THOMAS J.`): two or more words
 * that are no code ending the line are that person's name. (Space-separated lines end with free
 * words that are no names: `OVIP AR CODEL`, `OREP ... KU COUNTRY CLEARANCE`.)
 */
function nameAtTheEnd(items: TagItem[], commas: boolean): void {
  if (!commas) return;
  let person: Tag | undefined;
  for (let i = 0; i < items.length; i++) {
    const r = items[i].reading;
    if (r.kind === 'subject' && r.person && items[i + 1]?.reading.kind !== 'name') person = items[i].tag;
  }
  if (!person) return;
  let k = items.length;
  while (k > 0 && items[k - 1].reading.kind === 'free' && items[k - 1].tag.start > person.end) k--;
  if (items.length - k < 2) return;
  for (let j = k; j < items.length; j++) items[j] = { tag: items[j].tag, reading: { kind: 'name', of: person } };
}

const cache = new WeakMap<Cable, { key: string; analysis: TagsAnalysis }>();

/**
 * The reading of every word of the cable's TAGS line, computed once per cable, extra tags and
 * cable years (the last one asked for is kept).
 */
export function analyzeTags(cable: Cable, extraTags: ReadonlySet<string>, years: CableYears | undefined): TagsAnalysis {
  const key = `${[...extraTags].join(',')}|${years ? `${years.first}-${years.last}` : ''}`;
  const hit = cache.get(cable);
  if (hit && hit.key === key) return hit.analysis;
  const analysis = read(cable, extraTags, years);
  cache.set(cable, { key, analysis });
  return analysis;
}

/**
 * How a listed code reads for a cable of these years (undefined for a code on no list, or seen
 * only as a fragment): completion offers exactly the codes the rules accept.
 */
export function readListed(code: string, extraTags: ReadonlySet<string>, years: CableYears | undefined): TagReading | undefined {
  return listed(code.toUpperCase(), extraTags, years);
}

/** The years the date a rule or feature reads the cable against allows (a year from the file name: that year). */
export function yearsOf(ctx: { dated: { first: { year: number }; last: { year: number } } }): CableYears {
  return { first: ctx.dated.first.year, last: ctx.dated.last.year };
}

/** How a code reads alone, without a TAGS line around it (completion documentation). */
export function readCode(code0: string, extraTags: ReadonlySet<string>, years: CableYears | undefined): TagReading {
  const code = code0.toUpperCase();
  return listed(code, extraTags, years) ?? beforeLists(code, years) ?? readUnlisted(code, extraTags);
}
