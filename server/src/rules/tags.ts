import { describeDate } from '../cable-date';
import { joinList } from '../words';
import { analyzeTags, PERSON_TAGS, yearsOf, type TagReading, type TagsAnalysis } from '../analysis/tags';
import { GEO_TAGS } from '../data/reference';
import type { Cable, Tag } from '../model';
import { eolOf } from './edits';
import type { Fix, Rule, RuleContext } from './types';

// Tags: the TAGS line is present, carries a subject tag, and every code on it
// is a known code in the right system (FIPS 10-4 geographic codes, not ISO) and of
// the cable's era. How each word reads comes from analysis/tags.ts (shared with hovers).

/** The analysis of the TAGS line the rules share with the hovers (analysis/tags.ts). */
function analysis(ctx: RuleContext): TagsAnalysis {
  return analyzeTags(ctx.cable, ctx.extraTags, yearsOf(ctx));
}

/** The cable's date and where it came from, for messages. */
function dateWords(ctx: RuleContext): string {
  return `the cable's date is ${describeDate(ctx.dated)}`;
}

/** A reading that is a code of some list (not a name or free word, not unknown). */
function isCode(r: TagReading): boolean {
  return r.kind !== 'name' && r.kind !== 'free' && r.kind !== 'unknown' && r.kind !== 'run-together' && r.kind !== 'before-lists';
}

const GEO_BY_CODE = new Map(GEO_TAGS.map((e) => [e.code, e]));

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
      ? [
          {
            title: 'Insert a TAGS line after the E.O. line',
            edits: [{ start: cable.eo.end, end: cable.eo.end, newText: `${eolOf(cable)}TAGS: ` }],
          },
        ]
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
    if (analysis(ctx).hasSubject) return;
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
    for (const { tag, reading } of analysis(ctx).items) {
      if (reading.kind === 'run-together') {
        const joined = reading.parts.join(sep);
        ctx.report(
          tag.start,
          tag.end,
          `${tag.text} is not a TAGS code: it looks like ${reading.parts.join(' + ')} run together. Separate the codes.`,
          [
            {
              title: `Separate into ${reading.parts.join(' ')}`,
              edits: [{ start: tag.start, end: tag.end, newText: joined }],
              preferred: true,
            },
          ],
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
          // Spelling suggestions are guesses: offered, never applied by Fix All or --fix.
          s.map((k) => replaceFix(tag, k, false)),
        );
      } else if (reading.kind === 'era') {
        const { era, seen } = reading.entry;
        const years = seen && seen.from < era!.to ? `${seen.from}-${era!.to}` : `${era!.to}`;
        ctx.report(
          tag.start,
          tag.end,
          `${tag.text} is a subject tag of an earlier era (on cables of ${years}), in no list of tags from ${era!.gone} on; ${dateWords(ctx)}. Use a subject tag of today's lists.`,
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
    for (const { tag, reading } of analysis(ctx).items) {
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
    for (const { tag, reading } of analysis(ctx).items) {
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
      found.length > 1
        ? { title: 'Remove all repeated tags', edits: found.map((f) => ({ start: f.start, end: f.end, newText: '' })) }
        : undefined;
    for (const f of found) {
      const fixes: Fix[] = [
        { title: `Remove the second ${f.tag.code}`, edits: [{ start: f.start, end: f.end, newText: '' }], preferred: true },
      ];
      if (all) fixes.push(all);
      ctx.report(f.tag.start, f.tag.end, `${f.tag.code} is already on the TAGS line; list each code once.`, fixes);
    }
  },
};

const tagPersonName: Rule = {
  id: 'tag-person-name',
  severity: 'information',
  summary: "OVIP, OTRA, OREP, OEXC or OCON without the person's name after it.",
  check(ctx) {
    const { cable } = ctx;
    const read = analysis(ctx).items;
    const names = cable.tags?.names ?? [];
    for (let i = 0; i < read.length; i++) {
      const { tag } = read[i];
      if (!PERSON_TAGS.has(tag.code)) continue;
      const after = (tag.wrapper ?? tag).end;
      const next = read[i + 1];
      const nextStart = next ? (next.tag.wrapper ?? next.tag).start : Infinity;
      if (names.some((n) => n.start >= after && n.start < nextStart)) continue;
      // Followed by a word that is no code (a name, a free word), or its name ends the line: the name is there.
      if (next && !isCode(next.reading)) continue;
      if (read.some((x) => x.reading.kind === 'name' && x.reading.of === tag)) continue;
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
