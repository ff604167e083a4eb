import { joinList } from '../words';
import { fipsForIso, isUsableTag, lookupTag, nearestTags } from '../data/index';
import { GEO_TAGS, ORG_TAGS, PROGRAM_TAGS, SUBJECT_TAGS } from '../data/reference';
import type { Cable, Tag } from '../model';
import { eolOf } from './edits';
import type { Fix, Rule, RuleContext } from './types';

// Tags: the TAGS line is present, carries a subject tag, and every code on it
// is a known code in the right system (FIPS 10-4 geographic codes, not ISO).

const SUBJECT = new Set(SUBJECT_TAGS.map((e) => e.code));
const PROGRAM = new Set(PROGRAM_TAGS.map((e) => e.code));
// Org entries seen only in corpus TAGS are fragments of names, phrases and run-together codes
// (CLINTON, GOI, VTPREL), not list entries: they do not make a code known.
const LISTED_ORG = ORG_TAGS.filter((e) => !e.source.startsWith('observed-only'));
const ORG = new Set(LISTED_ORG.map((e) => e.code));
/** Codes from a list (not only observed), offered as suggestions. */
const LISTED = new Set([...SUBJECT_TAGS, ...PROGRAM_TAGS].filter((e) => !e.source.startsWith('observed-only')).map((e) => e.code));
const GEO_BY_CODE = new Map(GEO_TAGS.map((e) => [e.code, e]));
/** Tags that must be followed by the person's name (1974 TAGS manual cable, format doc §5). */
export const PERSON_TAGS = new Set(['OVIP', 'OTRA', 'OREP', 'OEXC', 'OCON']);
/** First letters of subject categories (5 FAH-3 H-110) and K for program tags. */
const CODE_SHAPED = /^[ABCELMOPSTK][A-Z]{3}$/;
const LETTERS = /^[A-Z]+$/;

/** How a token on the TAGS line reads. */
export type TagReading =
  | { kind: 'known' }
  | { kind: 'name' }
  | { kind: 'free' }
  | { kind: 'iso'; suggest: string[] }
  | { kind: 'run-together'; parts: string[] }
  | { kind: 'unknown'; suggest: string[] };

function isKnown(code: string, extra: ReadonlySet<string>): boolean {
  if (extra.has(code) || PERSON_TAGS.has(code) || SUBJECT.has(code) || PROGRAM.has(code) || ORG.has(code)) return true;
  const info = lookupTag(code);
  return info?.kind === 'geo' && isUsableTag(info);
}

function isUsableGeo(code: string): boolean {
  const g = GEO_BY_CODE.get(code);
  return g !== undefined && (g.status.startsWith('fips10-4') || g.status.startsWith('regional'));
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
  const four = (k: string) => SUBJECT.has(k) || PROGRAM.has(k) || (extra.has(k) && k.length === 4);
  // best[i]: fewest parts for code[0, i), preferring more 4-letter parts.
  const best: ({ parts: string[]; fours: number } | undefined)[] = [{ parts: [], fours: 0 }];
  for (let i = 1; i <= code.length; i++) {
    let pick: { parts: string[]; fours: number } | undefined;
    for (const len of [4, 2]) {
      const prev = i >= len ? best[i - len] : undefined;
      if (!prev) continue;
      const part = code.slice(i - len, i);
      if (len === 4 ? !four(part) : !isUsableGeo(part)) continue;
      const cand = { parts: [...prev.parts, part], fours: prev.fours + (len === 4 ? 1 : 0) };
      if (!pick || cand.parts.length < pick.parts.length || (cand.parts.length === pick.parts.length && cand.fours > pick.fours)) pick = cand;
    }
    best.push(pick);
  }
  const r = best[code.length];
  if (!r || r.fours === 0 || r.fours < r.parts.length - r.fours) return undefined;
  return r.parts;
}

/** Reads one code that is not a listed tag. */
function readUnknown(code: string, extra: ReadonlySet<string>): TagReading {
  if (!LETTERS.test(code) || code.length < 2) return { kind: 'free' };
  if (code.length === 2) {
    const g = GEO_BY_CODE.get(code);
    if (g?.status === 'iso-instead-of-fips' && g.suggest?.length) return { kind: 'iso', suggest: g.suggest };
    if (g?.suggest?.length) return { kind: 'unknown', suggest: g.suggest };
    const fips = fipsForIso(code);
    if (fips && !g) return { kind: 'iso', suggest: [fips] };
    // EU for EUN: a longer listed code that starts with the two letters.
    if (g?.status.startsWith('org')) return { kind: 'unknown', suggest: LISTED_ORG.filter((o) => o.code.length === 3 && o.code.startsWith(code) && o.description).map((o) => o.code) };
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

/**
 * Reads every token of the TAGS line. Unlisted words right after a person tag
 * (OVIP CLINTON HILLARY) are the person's name.
 */
export function readTagsLine(cable: Cable, extra: ReadonlySet<string>): { tag: Tag; reading: TagReading }[] {
  const out: { tag: Tag; reading: TagReading }[] = [];
  let inName = false;
  let nameWords = 0;
  for (const tag of cable.tags?.tags ?? []) {
    const code = tag.code;
    if (isKnown(code, extra)) {
      out.push({ tag, reading: { kind: 'known' } });
      inName = PERSON_TAGS.has(code);
      nameWords = 0;
      continue;
    }
    // The first word is the name whatever it looks like (OVIP BUSH); a later word that is one typo
    // away from a subject or program code (OVIP STEINBERG JAMES PRLE) ends the name.
    const typo = nameWords > 0 && CODE_SHAPED.test(code) && codeSuggestions(code, extra).length > 0;
    if (inName && !typo && LETTERS.test(code.replace(/[.'-]/g, ''))) {
      out.push({ tag, reading: { kind: 'name' } });
      nameWords++;
      continue;
    }
    inName = false;
    out.push({ tag, reading: readUnknown(code, extra) });
  }
  return out;
}

function replaceFix(tag: Tag, code: string, preferred: boolean): Fix {
  return { title: `Replace ${tag.text} with ${code}`, edits: [{ start: tag.start, end: tag.end, newText: code }], preferred };
}

const tagsMissing: Rule = {
  id: 'tags-missing',
  severity: 'error',
  summary: 'The cable has no TAGS line.',
  check(ctx) {
    const { cable } = ctx;
    if (cable.tags) return;
    // Shown on the line the TAGS line should follow: the E.O. line, else the banner, else the first line.
    const anchor = cable.eo ?? cable.banner ?? cable.lines.find((l) => l.text.trim() !== '');
    const fixes: Fix[] | undefined = cable.eo
      ? [{ title: 'Insert a TAGS line after the E.O. line', edits: [{ start: cable.eo.end, end: cable.eo.end, newText: `${eolOf(cable)}TAGS: ` }] }]
      : undefined;
    ctx.report(
      anchor?.start ?? 0,
      anchor?.end ?? 0,
      'No TAGS line: after the E.O. line write `TAGS:` with at least one subject tag (e.g. PREL) and the geographic codes (5 FAH-3 H-011).',
      fixes,
    );
  },
};

const tagsNoSubject: Rule = {
  id: 'tags-no-subject',
  severity: 'warning',
  summary: 'The TAGS line has no subject tag.',
  check(ctx) {
    const tags = ctx.cable.tags;
    if (!tags) return;
    for (const { tag, reading } of readTagsLine(ctx.cable, ctx.extraTags)) {
      if (reading.kind === 'known' && SUBJECT.has(tag.code)) return;
      if (reading.kind === 'run-together' && reading.parts.some((p) => SUBJECT.has(p))) return;
      // A likely typo of a subject tag is reported by tag-unknown; do not report twice.
      if (reading.kind === 'unknown' && reading.suggest.some((p) => SUBJECT.has(p))) return;
    }
    ctx.report(
      tags.keyword.start,
      tags.end,
      'No subject tag on the TAGS line: every cable needs at least one four-letter subject tag (PREL, PGOV, ECON, ...) whose first letter is its category (5 FAH-3 H-011; cabledrum).',
    );
  },
};

const tagUnknown: Rule = {
  id: 'tag-unknown',
  severity: 'warning',
  summary: 'A code on the TAGS line is in no list of tags.',
  check(ctx) {
    const sep = ctx.cable.tags?.commas ? ', ' : ' ';
    for (const { tag, reading } of readTagsLine(ctx.cable, ctx.extraTags)) {
      if (reading.kind === 'run-together') {
        const joined = reading.parts.join(sep);
        ctx.report(
          tag.start,
          tag.end,
          `${tag.text} is not a TAGS code: it looks like ${reading.parts.join(' + ')} run together. Separate the codes.`,
          [{ title: `Separate into ${reading.parts.join(' ')}`, edits: [{ start: tag.start, end: tag.end, newText: joined }], preferred: true }],
        );
      } else if (reading.kind === 'unknown') {
        const s = reading.suggest;
        const what = tag.code.length === 2 ? 'geographic TAGS code' : 'TAGS code';
        const hint = s.length
          ? ` Did you mean ${joinList(s)}?`
          : tag.code.length === 2
            ? ' Geographic tags are FIPS 10-4 codes (RS Russia, GM Germany, UK United Kingdom).'
            : ' If it is your post\'s own program tag, add it to "extraTags" in .cablelintrc.json.';
        ctx.report(
          tag.start,
          tag.end,
          `${tag.text} is not a known ${what}.${hint}`,
          s.map((k, i) => replaceFix(tag, k, i === 0 && s.length === 1)),
        );
      }
    }
  },
};

function countryName(code: string): string | undefined {
  const g = GEO_BY_CODE.get(code);
  return g && g.name ? g.name : undefined;
}

const tagIsoCode: Rule = {
  id: 'tag-iso-code',
  severity: 'warning',
  summary: 'A geographic tag is an ISO country code; TAGS uses FIPS 10-4 codes.',
  check(ctx) {
    for (const { tag, reading } of readTagsLine(ctx.cable, ctx.extraTags)) {
      if (reading.kind !== 'iso') continue;
      const options = reading.suggest.map((k) => (countryName(k) ? `${k} (${countryName(k)})` : k));
      const expected = joinList(options);
      ctx.report(
        tag.start,
        tag.end,
        `${tag.text} is an ISO country code; geographic TAGS are FIPS 10-4 codes: use ${expected}.`,
        reading.suggest.map((k) => replaceFix(tag, k, reading.suggest.length === 1)),
      );
    }
  },
};

/** Ends of everything on the TAGS line (codes with their wrappers, names in parentheses), ascending. */
function itemEnds(cable: Cable): number[] {
  const ends = (cable.tags?.tags ?? []).map((t) => (t.wrapper ? t.wrapper.end : t.end));
  for (const n of cable.tags?.names ?? []) ends.push(n.end);
  return ends.sort((x, y) => x - y);
}

/** End of whatever stands on the TAGS line before `tag`, or -1 (binary search: a pasted line can hold thousands of codes). */
function previousEnd(ends: readonly number[], tag: Tag): number {
  const start = (tag.wrapper ?? tag).start;
  let lo = 0;
  let hi = ends.length; // ends[lo..hi) not yet decided; answer is the last end <= start
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? ends[lo - 1] : -1;
}

const tagDuplicate: Rule = {
  id: 'tag-duplicate',
  severity: 'warning',
  summary: 'A code appears twice on the TAGS line.',
  check(ctx) {
    const { cable } = ctx;
    const seen = new Map<string, Tag>();
    const found: { tag: Tag; first: Tag; start: number; end: number }[] = [];
    let ends: number[] | undefined;
    for (const { tag, reading } of readTagsLine(cable, ctx.extraTags)) {
      // A person tag may come back with another person's name; names are not codes.
      if (reading.kind === 'name' || reading.kind === 'free' || PERSON_TAGS.has(tag.code)) continue;
      const first = seen.get(tag.code);
      if (!first) {
        seen.set(tag.code, tag);
        continue;
      }
      ends ??= itemEnds(cable);
      const start = previousEnd(ends, tag);
      const end = tag.wrapper ? tag.wrapper.end : tag.end;
      found.push({ tag, first, start: start >= 0 ? start : (tag.wrapper ?? tag).start, end });
    }
    const all: Fix | undefined =
      found.length > 1 ? { title: 'Remove all repeated tags', edits: found.map((f) => ({ start: f.start, end: f.end, newText: '' })) } : undefined;
    for (const f of found) {
      const fixes: Fix[] = [{ title: `Remove the second ${f.tag.code}`, edits: [{ start: f.start, end: f.end, newText: '' }], preferred: true }];
      if (all) fixes.push(all);
      ctx.report(f.tag.start, f.tag.end, `${f.tag.code} is already on the TAGS line; list each code once.`, fixes);
    }
  },
};

const tagPersonName: Rule = {
  id: 'tag-person-name',
  severity: 'information',
  summary: 'OVIP, OTRA, OREP, OEXC or OCON without the person\'s name after it.',
  check(ctx) {
    const { cable } = ctx;
    const read = readTagsLine(cable, ctx.extraTags);
    const names = cable.tags?.names ?? [];
    for (let i = 0; i < read.length; i++) {
      const { tag } = read[i];
      if (!PERSON_TAGS.has(tag.code)) continue;
      const after = (tag.wrapper ?? tag).end;
      const next = read[i + 1];
      const nextStart = next ? (next.tag.wrapper ?? next.tag).start : Infinity;
      if (names.some((n) => n.start >= after && n.start < nextStart)) continue;
      if (next && next.reading.kind !== 'known' && !(next.reading.kind === 'iso')) continue;
      ctx.report(
        tag.start,
        tag.end,
        `${tag.code} must be followed by the name of the person it concerns (e.g. \`${tag.code} CLINTON HILLARY\` or \`${tag.code} (VANCE, CYRUS)\`) (1974 TAGS manual cable).`,
      );
    }
  },
};

export const tagsRules: Rule[] = [tagsMissing, tagsNoSubject, tagUnknown, tagIsoCode, tagDuplicate, tagPersonName];

export type { RuleContext };
