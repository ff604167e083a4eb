import { editDistance } from '../edit-distance';
import { GEO_TAGS, ORG_TAGS, POSTS, PROGRAM_TAGS, SUBJECT_TAGS } from './reference';
import type { GeoEntry, OrgEntry, PostEntry, TagEntry } from './types';

export type { Era, GeoEntry, OrgEntry, PostEntry, Seen, TagEntry } from './types';

export type TagKind = 'subject' | 'program' | 'geo' | 'org';
export type TagInfo =
  { kind: 'subject' | 'program'; entry: TagEntry } | { kind: 'geo'; entry: GeoEntry } | { kind: 'org'; entry: OrgEntry };

const TAGS = new Map<string, TagInfo>();
// Later kinds do not overwrite earlier ones: a code that is both a geo code and an org acronym reads as geo.
for (const e of SUBJECT_TAGS) if (!TAGS.has(e.code)) TAGS.set(e.code, { kind: 'subject', entry: e });
for (const e of PROGRAM_TAGS) if (!TAGS.has(e.code)) TAGS.set(e.code, { kind: 'program', entry: e });
for (const e of GEO_TAGS) if (!TAGS.has(e.code)) TAGS.set(e.code, { kind: 'geo', entry: e });
for (const e of ORG_TAGS) if (!TAGS.has(e.code)) TAGS.set(e.code, { kind: 'org', entry: e });

const POSTS_BY_RI = new Map<string, PostEntry>(POSTS.map((p) => [p.ri, p]));
const FIPS_BY_ISO = new Map<string, string>();
for (const g of GEO_TAGS) if (g.iso && g.status.startsWith('fips10-4')) FIPS_BY_ISO.set(g.iso, g.code);

export function lookupTag(code: string): TagInfo | undefined {
  return TAGS.get(code.toUpperCase());
}

export function lookupRoutingIndicator(ri: string): PostEntry | undefined {
  return POSTS_BY_RI.get(ri.toUpperCase());
}

/** The TAGS (FIPS) code for a country given by its ISO code, e.g. AZ -> AJ. */
export function fipsForIso(iso: string): string | undefined {
  return FIPS_BY_ISO.get(iso.toUpperCase());
}

export function allTags(): Iterable<[string, TagInfo]> {
  return TAGS.entries();
}

export function allPosts(): readonly PostEntry[] {
  return POSTS;
}

/** A tag is usable on the TAGS line when it is a listed code, not a known misuse. */
export function isUsableTag(info: TagInfo | undefined): boolean {
  if (!info) return false;
  if (info.kind !== 'geo') return true;
  return isUsableGeo(info.entry);
}

/** A geographic code to write on a TAGS line: FIPS 10-4, a regional code, or State's own usage. */
export function isUsableGeo(e: GeoEntry): boolean {
  return e.status.startsWith('fips10-4') || e.status.startsWith('regional') || e.status === 'state-usage';
}

let usableCodes: string[] | undefined;
// The same unknown codes recur across cables and keystrokes; answers are cached (bounded).
const nearestCache = new Map<string, string[]>();

/** Known usable codes nearest to `code` by edit distance (at most 2), closest first, same length preferred. */
export function nearestTags(code: string, max = 3, extra: readonly string[] = []): string[] {
  const c = code.toUpperCase();
  const key = `${c}\0${max}\0${extra.join(',')}`;
  const cached = nearestCache.get(key);
  if (cached) return cached.slice();
  usableCodes ??= [...TAGS].filter(([, info]) => isUsableTag(info)).map(([k]) => k);
  const scored: { code: string; d: number }[] = [];
  const consider = (k: string) => {
    const d = editDistance(c, k, 2);
    if (d <= 2 && k !== c) scored.push({ code: k, d: d + (k.length === c.length ? 0 : 0.5) });
  };
  for (const k of usableCodes) consider(k);
  for (const k of extra) consider(k.toUpperCase());
  scored.sort((x, y) => x.d - y.d || x.code.localeCompare(y.code));
  const result = scored.slice(0, max).map((s) => s.code);
  if (nearestCache.size >= 10000) nearestCache.clear();
  nearestCache.set(key, result);
  return result.slice();
}
