// Turns the reference TSVs of ../shared/data into server/src/data/reference.ts,
// keeping each entry's description, its status (how sure it is) and its source,
// and adds what real cables show: the years each code was seen on a TAGS line,
// the subject tags of earlier eras, and State's own geographic usages.
// Run by hand when the shared data changes (needs `npm run build`: the cables are read
// with the project's own parser):
//   node scripts/gen-data.mjs [DATA_DIR] [CORPUS_DIR]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.argv[2] ?? '../shared/data';
const corpusDir = process.argv[3] ?? '../shared/corpus';
const require = createRequire(import.meta.url);
const { parse } = require('../out/server/src/parse/index.js');

function rows(file, base = dir) {
  const [head, ...lines] = readFileSync(join(base, file), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length);
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v.trim()])));
}
const opt = (v) => (v ? v : undefined);

// ---- what the cables show: each code's years on TAGS lines ---------------------------------

// Cable id -> year and originating post, from the corpus manifest (WikiLeaks metadata).
const manifest = new Map(rows('MANIFEST.tsv', corpusDir).map((r) => [r.id, { year: Number(r.created.slice(0, 4)), origin: r.origin }]));
/** code -> { from, to, cables, ids: [{ id, year, origin }] } */
const seenBy = new Map();
// The project's fixtures add cables of other archives (test/fixtures/corpus/INDEX.md gives each one's
// source); their year is the reference id's in the file name (75TEHRAN2069, 1975STATE012345).
const fixtureDir = 'test/fixtures/corpus';
function yearOfName(id) {
  const m = /^(\d{4}|\d{2})[A-Z]/.exec(id);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[1].length === 4 ? n : n >= 50 ? 1900 + n : 2000 + n;
}
const files = readdirSync(corpusDir)
  .filter((n) => n.endsWith('.txt'))
  .map((f) => join(corpusDir, f));
for (const f of existsSync(fixtureDir) ? readdirSync(fixtureDir) : []) {
  if (f.endsWith('.txt') && !manifest.has(f.slice(0, -4))) files.push(join(fixtureDir, f));
}
for (const path of files.sort()) {
  const id = path.replace(/^.*\//, '').slice(0, -4);
  const m = manifest.get(id) ?? { year: yearOfName(id), origin: undefined };
  if (!(m.year > 1900)) continue;
  const cable = parse(readFileSync(path, 'utf8'));
  const codes = new Set((cable.tags?.tags ?? []).map((t) => t.code));
  for (const code of codes) {
    let s = seenBy.get(code);
    if (!s) seenBy.set(code, (s = { from: m.year, to: m.year, cables: 0, ids: [] }));
    s.from = Math.min(s.from, m.year);
    s.to = Math.max(s.to, m.year);
    s.cables++;
    s.ids.push({ id, year: m.year, origin: m.origin });
  }
}
/** The years a code was seen, for the data (the cable ids stay in the sources they are cited in). */
const seen = (code) => {
  const s = seenBy.get(code);
  return s ? { from: s.from, to: s.to, cables: s.cables } : undefined;
};

// ---- subject tags of earlier eras ----------------------------------------------------------

// The subject and program lists (cablemap/cable2graph from cabletags, FAH-3 2022) describe the tags
// of the 2000s on. A subject-shaped code that is in none of them and that real cables carry only
// before this year is a tag of its era: read as a subject tag on cables of its time, reported on
// cables from this year on. The lists' cables (and the corpus's) are 97% from 2000-2010.
const LISTS_FROM = 2000;
// Readings of era tags: general knowledge of the 1970s TAGS, not quoted from a source.
const ERA_HINTS = {
  PFOR: 'Foreign policy and relations (the 1970s counterpart of PREL; inferred)',
  PINT: 'Internal political affairs (the 1970s counterpart of PGOV; inferred)',
  PEPR: 'Political and economic relations (inferred)',
};
const CATEGORY = {
  A: 'Administration',
  B: 'Business Services',
  C: 'Consular Affairs',
  E: 'Economic Affairs',
  L: 'Legal',
  M: 'Military and Defense',
  O: 'Operations',
  P: 'Political Affairs',
  S: 'Social Affairs',
  T: 'Technology and Science',
};

// ---- State's own geographic usages ---------------------------------------------------------

// Two-letter codes outside FIPS 10-4 that State writes for a country on its cables: the usage is
// kept where the corpus shows it on at least two cables of State's own post in the country, or on
// the cables of at least five posts (cited per code). NA (Netherlands Antilles) has one Curacao
// cable and three posts: not enough, NA stays unknown.
const STATE_USAGE = {
  SR: { name: 'Serbia', posts: ['Embassy Belgrade'], fips: 'RI (earlier RB; YI Serbia and Montenegro)' },
  TC: { name: 'United Arab Emirates', posts: ['Embassy Abu Dhabi', 'Consulate Dubai'], fips: 'AE' },
  NA: { name: 'Netherlands Antilles', posts: ['Consulate Curacao'], fips: 'NT' },
  VZ: { name: 'Venezuela', posts: ['Embassy Caracas'], fips: 'VE' },
};

// ---- the lists --------------------------------------------------------------------------------

const subject = rows('tags-subject.tsv').map((r) => ({
  code: r.code,
  description: opt(r.description) ?? opt(r.plusd_label),
  category: opt(r.category),
  status: r.description_status,
  source: opt(r.description_source) ?? r.listed_in,
  seen: seen(r.code),
}));
const program = rows('tags-program.tsv').map((r) => ({
  code: r.code,
  description: opt(r.description),
  status: r.description_status,
  source: opt(r.description_source) ?? r.listed_in,
  seen: seen(r.code),
}));
const org = rows('tags-org.tsv').map((r) => ({
  code: r.code,
  description: opt(r.expansion),
  status: opt(r.expansion_status) ?? 'no-description-found',
  source: r.listed_in,
  seen: seen(r.code),
}));
// Organisation tags that real cables carry but the cablemap list lacks, with the cables that carry
// them: the corpus (computed below) or, for APEC and SADC, the issue that reported them on TAGS lines
// of real cables from public archives (read as misspelt subject tags). Expansions: general knowledge.
const ORG_EXTRA = [
  { code: 'APEC', description: 'Asia-Pacific Economic Cooperation', where: 'issue 10' },
  { code: 'SADC', description: 'Southern African Development Community', where: 'issue 10' },
  { code: 'OPCW', description: 'Organisation for the Prohibition of Chemical Weapons' },
  { code: 'LTTE', description: 'Liberation Tigers of Tamil Eelam' },
  { code: 'MTCR', description: 'Missile Technology Control Regime' },
  { code: 'MEPI', description: 'Middle East Partnership Initiative' },
];
for (const e of ORG_EXTRA) {
  if (org.some((o) => o.code === e.code)) continue;
  const ids = seenBy.get(e.code)?.ids.map((c) => c.id) ?? [];
  const where = e.where
    ? `seen on TAGS lines of real cables outside the corpus (${e.where})`
    : `seen on the TAGS lines of ${ids.length} corpus cable${ids.length > 1 ? 's' : ''} (${ids.join(', ')}), in no list`;
  if (!e.where && !ids.length) throw new Error(`${e.code}: no cable carries it`);
  org.push({ code: e.code, description: e.description, status: 'inferred-unverified', source: where, seen: seen(e.code) });
}
const listed = new Set([...subject, ...program, ...org].map((e) => e.code));
for (const [code, s] of [...seenBy].sort(([a], [b]) => a.localeCompare(b))) {
  const early = s.ids.filter((c) => c.year < LISTS_FROM);
  if (listed.has(code) || !/^[ABCELMOPST][A-Z]{3}$/.test(code) || !early.length) continue;
  const [from, to] = [Math.min(...early.map((c) => c.year)), Math.max(...early.map((c) => c.year))];
  const later = s.cables - early.length;
  subject.push({
    code,
    description: ERA_HINTS[code],
    category: CATEGORY[code[0]],
    status: ERA_HINTS[code] ? 'inferred-unverified' : 'no-description-found',
    source: `seen on the TAGS lines of cables of ${from === to ? from : `${from}-${to}`} (${early.map((c) => c.id).join(', ')})${later ? ` and of ${later} later cable${later > 1 ? 's' : ''}` : ''}, in no list of the 2000s`,
    seen: seen(code),
    era: { to, gone: LISTS_FROM },
  });
}

const geo = rows('tags-geo.tsv').map((r) => {
  const iso = /\(ISO ([A-Z]{2})\)/.exec(r.source)?.[1];
  const suggest = [...r.country_or_area.matchAll(/TAGS code (?:is )?([A-Z]{2})/g)].map((m) => m[1]);
  const entry = {
    code: r.code,
    name: r.country_or_area,
    status: r.status,
    source: r.source,
    iso,
    suggest: suggest.length ? suggest : undefined,
    seen: seen(r.code),
  };
  const usage = STATE_USAGE[r.code];
  const all = (usage && seenBy.get(r.code)?.ids) || [];
  const own = all.filter((c) => usage.posts.includes(c.origin));
  const posts = [...new Set(all.map((c) => c.origin).filter(Boolean))];
  if (own.length >= 2 || posts.length >= 5) {
    const cited = own.length >= 2 ? own : all;
    const years = cited.map((c) => c.year);
    const [from, to] = [Math.min(...years), Math.max(...years)];
    const who = own.length >= 2 ? usage.posts.join(' and ') : `${posts.length} posts (${posts.join(', ')})`;
    Object.assign(entry, {
      name: usage.name,
      status: 'state-usage',
      source: `State usage, not FIPS 10-4 (FIPS: ${usage.fips}): written for ${usage.name} by ${who} on ${cited.length} cable${cited.length > 1 ? 's' : ''} of ${from === to ? from : `${from}-${to}`} (${cited.map((c) => c.id).join(', ')})`,
      suggest: undefined,
    });
  }
  return entry;
});
const posts = rows('posts.tsv').map((r) => ({
  ri: r.routing_indicator,
  plad: opt(r.plad),
  acp117: opt(r.acp117_name),
  shortForm: opt(r.cable_number_short_form),
  source: r.sources,
}));

const clean = (a) => JSON.stringify(a, null, 0).replace(/},{"(code|ri)"/g, '},\n  {"$1"');
const out = `// Generated by scripts/gen-data.mjs from the project's reference TSVs and the corpus cables' TAGS lines. Do not edit by hand.
// Sources and statuses are kept per entry: 'official' descriptions are quoted from the FAH;
// 'inferred-unverified' ones are hints, not authority. \`seen\`: the years the code stands on the
// TAGS lines of the corpus cables (WikiLeaks dates); \`era\`: a subject tag of an earlier era.
import type { GeoEntry, OrgEntry, PostEntry, TagEntry } from './types';

/** The first year the lists describe: the tags of cables before it are known only where cables show them. */
export const LISTS_FROM = ${LISTS_FROM};

export const SUBJECT_TAGS: TagEntry[] = ${clean(subject)};

export const PROGRAM_TAGS: TagEntry[] = ${clean(program)};

export const GEO_TAGS: GeoEntry[] = ${clean(geo)};

export const ORG_TAGS: OrgEntry[] = ${clean(org)};

export const POSTS: PostEntry[] = ${clean(posts)};
`;
if (!existsSync('server/src/data')) throw new Error('run from the repository root');
writeFileSync('server/src/data/reference.ts', out);
const era = subject.filter((e) => e.era).map((e) => e.code);
const usage = geo.filter((e) => e.status === 'state-usage').map((e) => e.code);
console.log(
  `subject ${subject.length} (era tags: ${era.join(' ')}), program ${program.length}, geo ${geo.length} (State usages: ${usage.join(' ')}), org ${org.length}, posts ${posts.length}`,
);
