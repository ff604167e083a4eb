// Recall on cables of every era. The era rules keep quiet where a cable followed the conventions of
// its time (no portion marks before 1 December 1978, the DECL forms of its order, the TAGS of its
// decade); they must not also hide the defects the rules exist for. Each mutation puts one defect
// into every real fixture it applies to, the copy is linted as a user's copy (its text and its file
// name, which dates it), and the rule must fire at the place broken; the clean copy must not have
// that finding there. A decade counts only with enough cables to say something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parse } from '../../server/src/parse';
import { lint } from '../../server/src/rules/engine';
import type { Cable } from '../../server/src/model';
import { isClassified } from '../../server/src/model';
import { idFromFileName } from '../../server/src/workspace/reference-id';
import { CORPUS_DIR, corpusNames, readCorpus } from '../parse/fixtures';

interface Mutation {
  /** The rule that must fire (or one of them). */
  rule: string | string[];
  /** The decades that must have a cable to break (default: the 1970s to the 2000s). */
  decades?: number[];
  /** After the mutation the parse still finds the element (a copy that repeats its preamble): nothing was broken. */
  still?(broken: Cable, clean: Cable): boolean;
  /** The broken text and the span the finding must touch, or undefined when the cable has nothing to break. */
  apply(cable: Cable, year: number): Broken | undefined;
}

/** The text with [start, end) replaced; `at` is where the change is. */
const splice = (t: string, start: number, end: number, by = '') => ({ text: t.slice(0, start) + by + t.slice(end), at: start });

interface Broken {
  text: string;
  /** Where the finding must stand: near `at` (-1: anywhere), or inside `near` (the element's span, e.g. the E.O. line). */
  at: number;
  near?: { start: number; end: number };
}

/**
 * The text with the lines of `el` removed, when they hold nothing else the parser read (a copy that
 * runs the preamble together on one line cannot lose one element by losing a line). `at` -1: the
 * finding may stand anywhere.
 */
function dropLines(c: Cable, el: { start: number; end: number }) {
  const t = c.text;
  const from = t.lastIndexOf('\n', el.start - 1) + 1;
  const nl = t.indexOf('\n', el.end);
  const to = nl < 0 ? t.length : nl + 1;
  const others = [c.banner, c.eo, c.tags, c.subject, c.refs, c.classifiedBy, c.paragraphs[0]].filter((o) => o && o !== el);
  if (others.some((o) => o!.start < to && o!.end > from)) return undefined;
  return { text: t.slice(0, from) + t.slice(to), at: -1 };
}

/** Instructions whose value, once removed, leaves none (a downgrade `DNG: CO 03/06/2018` keeps its date). */
const BLANKABLE = new Set(['date', 'oadr', 'gds', 'xgds', 'ngds', 'rds', 'xds', 'exemption', 'event']);

/** A marking one level above the banner's. */
const ABOVE: Partial<Record<string, string>> = { U: '(C)', C: '(S)', S: '(TS)' };

const MUTATIONS: Record<string, Mutation> = {
  // A printout whose banner line is gone still has its page marking line, read as a banner without post and serial.
  'the banner deleted': {
    rule: ['banner-missing', 'banner-malformed'],
    still: (b) => !!b.banner?.post,
    apply: (c) => (c.banner && c.paragraphs.length > 0 ? dropLines(c, c.banner) : undefined),
  },
  'the TAGS line deleted': {
    rule: 'tags-missing',
    still: (b) => !!b.tags,
    apply: (c) => (c.tags && c.subject ? dropLines(c, c.tags) : undefined),
  },
  'the SUBJECT line deleted': {
    rule: 'subject-missing',
    still: (b) => !!b.subject,
    apply: (c) => (c.subject && c.tags ? dropLines(c, c.subject) : undefined),
  },
  'a paragraph number skipped': {
    rule: 'para-numbering',
    // In a copy that runs its paragraphs into one line a number is a paragraph's only while the numbers
    // follow each other (else every `3.` in prose would start one): a gap there ends the paragraphs read.
    still: (b, c) => b.paragraphs.length !== c.paragraphs.length,
    apply: (c) => {
      const p = c.paragraphs.find((q, i) => i > 0 && q.value === 2 && c.paragraphs[i - 1].value === 1 && !q.restart);
      // The parser may then read the `3.` as text and report the next paragraph: anywhere will do.
      return p ? { ...splice(c.text, p.number.start, p.number.end, '3'), at: -1 } : undefined;
    },
  },
  'the E.O. line deleted': {
    rule: 'eo-missing',
    still: (b) => !!b.eo,
    apply: (c) => (c.eo && isClassified(c.level) ? dropLines(c, c.eo) : undefined),
  },
  'the declassification instruction blanked': {
    rule: 'decl-missing',
    apply: (c) => {
      const d = c.eo?.decl;
      if (!c.eo?.order || !d || !isClassified(c.level) || !BLANKABLE.has(d.kind) || d.value.end <= d.value.start) return undefined;
      return { ...splice(c.text, d.value.start, d.value.end), near: c.eo };
    },
  },
  'a portion marking removed (from 1979)': {
    rule: 'portion-mark-missing',
    decades: [1970, 1980, 1990, 2000], // 1979KABUL05926 is of December 1979
    // A copy that runs paragraphs into one line (`(d) 1. (C) In the ...`) shows a paragraph by its marking alone.
    still: (b, c) => b.paragraphs.length < c.paragraphs.length,
    apply: (c, year) => {
      if (year < 1979 || !isClassified(c.level)) return undefined;
      const p = c.paragraphs.find((q) => q.marking);
      if (!p || !p.marking) return undefined;
      return { ...splice(c.text, p.marking.start, p.marking.end), near: { start: p.number.start, end: p.marking.end } };
    },
  },
  'a paragraph marked above the banner (from 1979)': {
    rule: 'portion-mark-exceeds',
    decades: [1980, 1990, 2000],
    apply: (c, year) => {
      const above = c.level ? ABOVE[c.level] : undefined;
      const p = c.paragraphs.find((q) => q.marking);
      if (year < 1979 || !above || !p || !p.marking) return undefined;
      return { ...splice(c.text, p.marking.start, p.marking.end, above), at: p.marking.start };
    },
  },
  'the order number mistyped': {
    rule: 'eo-number-unknown',
    apply: (c) => {
      const o = c.eo?.order;
      if (!o || o.text.length !== 5) return undefined;
      // Two digits swapped: 12958 -> 12598, 11652 -> 11562, 12356 -> 12536.
      return splice(c.text, o.start, o.end, o.text.slice(0, 2) + o.text[3] + o.text[2] + o.text[4]);
    },
  },
  'the DECL date put before the cable (E.O. 12958 on)': {
    rule: 'decl-date-past',
    decades: [1990, 2000],
    apply: (c, year) => {
      const d = c.eo?.decl;
      if (!d || d.kind !== 'date' || !d.date?.valid || !isClassified(c.level) || year < 1996) return undefined;
      return { ...splice(c.text, d.value.start, d.value.end, `01/01/${year - 1}`), near: c.eo! };
    },
  },
  // Before the lists of the 2000s a subject-shaped code in no list is a tag of its era; two codes run
  // together are a mistake in every era.
  'two TAGS codes run together': {
    rule: 'tag-unknown',
    // `TAGS, AFSP` (a comma for the colon) is read only before a code of two to four letters.
    still: (b) => !b.tags?.tags.some((t) => t.code === 'PGOVPREL'),
    apply: (c) => (c.tags && c.tags.tags.length > 0 ? splice(c.text, c.tags.tags[0].start, c.tags.tags[0].start, 'PGOVPREL ') : undefined),
  },
};

/** Fixtures by decade, with the year of their reference id. */
function fixturesByDecade(): Map<number, { name: string; year: number }[]> {
  const out = new Map<number, { name: string; year: number }[]>();
  for (const name of corpusNames()) {
    const id = idFromFileName(name);
    if (!id) continue;
    const decade = Math.floor(id.year / 10) * 10;
    if (decade > 2000) continue;
    out.set(decade, [...(out.get(decade) ?? []), { name, year: id.year }]);
  }
  return out;
}

/** The finding stands where the cable was broken (a few characters of slack: a number and its marking are reported together). */
function touches(f: { start: number; end: number }, b: Broken): boolean {
  if (b.near) return f.start <= b.near.end && f.end >= b.near.start;
  return b.at < 0 || (f.start <= b.at + 8 && f.end >= b.at - 8);
}

for (const [what, m] of Object.entries(MUTATIONS)) {
  test(`recall on every decade: ${what} -> ${[m.rule].flat().join(' or ')}`, (t) => {
    const missed: string[] = [];
    const tried = new Map<number, number>();
    for (const [decade, cables] of fixturesByDecade()) {
      for (const { name, year } of cables) {
        const clean = parse(readCorpus(name));
        const broken = m.apply(clean, year);
        if (!broken) continue;
        const fileName = join(CORPUS_DIR, name);
        const rules = [m.rule].flat();
        const before = lint(clean, { fileName }).filter((f) => rules.includes(f.rule) && touches(f, broken));
        if (before.length > 0) continue; // the clean copy already has it (a defect of the cable as published)
        const brokenCable = parse(broken.text);
        if (m.still?.(brokenCable, clean)) continue;
        tried.set(decade, (tried.get(decade) ?? 0) + 1);
        const after = lint(brokenCable, { fileName }).filter((f) => rules.includes(f.rule) && touches(f, broken));
        if (after.length === 0) missed.push(`${name} (${decade}s)`);
      }
    }
    t.diagnostic(`broken: ${[...tried].map(([d, n]) => `${n} of the ${d}s`).join(', ')}`);
    assert.deepEqual(missed, [], `${[m.rule].flat().join(' or ')} missed on ${missed.length} broken fixtures`);
    for (const decade of m.decades ?? [1970, 1980, 1990, 2000]) {
      assert.ok((tried.get(decade) ?? 0) >= 1, `no fixture of the ${decade}s to break for ${m.rule}`);
    }
  });
}
