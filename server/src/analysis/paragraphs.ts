import { isClassified, LEVEL_RANK, type Cable, type Marking, type Paragraph, type SubParagraph } from '../model';
import { markerStyle } from '../parse/body';

// The paragraphs' numbering, sub-paragraph lettering and portion levels as the rules judge
// them, computed once per parsed cable and read by the rules and the hovers alike
// (5 FAH-1 H-246.2; format document §9).

export interface NumberingIssue {
  paragraph: Paragraph;
  expected: number;
  /** The number of the paragraph before, in the same copy. */
  previous?: number;
  kind: 'first' | 'skip' | 'repeat' | 'backwards';
}

export interface LetteringIssue {
  sub: SubParagraph;
  expected: string;
  previous: string;
}

export interface ParagraphsAnalysis {
  numbering: NumberingIssue[];
  lettering: LetteringIssue[];
  /** Markings whose level is above the cable's classification (classified levels only). */
  above: ReadonlySet<Marking>;
  /** Position of each paragraph in its copy of the text (1-based) and the copy's count. */
  place: ReadonlyMap<Paragraph, { index: number; of: number }>;
}

/**
 * Paragraphs whose number does not follow the one before. Each copy of the text
 * (see Paragraph.restart) is numbered on its own. After a mistake the count goes
 * on from what the next paragraph shows, so one slip gives one finding:
 * `1, 2, 20, 3` (20 is a stray), `1, 2, 7, 4` (7 stands for 3) and `1, 2, 4, 5`
 * (3 is missing) each report only the odd paragraph.
 */
function numbering(cable: Cable): NumberingIssue[] {
  const out: NumberingIssue[] = [];
  const ps = cable.paragraphs;
  let expected = 1;
  let previous: number | undefined;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (p.restart) {
      expected = 1;
      previous = undefined;
    }
    if (p.value === expected) {
      expected++;
      previous = p.value;
      continue;
    }
    const kind = previous === undefined ? 'first' : p.value === previous ? 'repeat' : p.value < expected ? 'backwards' : 'skip';
    out.push({ paragraph: p, expected, previous, kind });
    const next = ps[i + 1];
    const nextValue = next && !next.restart ? next.value : undefined;
    if (nextValue === expected) {
      // a stray number: the next paragraph carries on the count
    } else if (nextValue === expected + 1) {
      expected++; // a wrong number in the right place
    } else {
      expected = p.value + 1; // the count goes on from here
    }
    previous = p.value;
  }
  return out;
}

/**
 * Sub-paragraph letters that break the sequence A, B, C… within a paragraph, per
 * marker style (`A.`, `(a)`, `a)`, `2A.` are separate lists): a letter repeated
 * (`B.`, `B.`) or one letter skipped (`H.`, `J.`). `A` starts a new list.
 */
function lettering(cable: Cable): LetteringIssue[] {
  const out: LetteringIssue[] = [];
  for (const p of cable.paragraphs) {
    const byStyle = new Map<string, SubParagraph[]>();
    for (const s of p.subparagraphs) {
      const k = markerStyle(s.marker.text);
      const list = byStyle.get(k);
      if (list) list.push(s);
      else byStyle.set(k, [s]);
    }
    for (const list of byStyle.values()) {
      if (list.length < 2) continue;
      // The first item is often on the paragraph's first line (`7. (C) PLAN: (A) ...`),
      // where it is not read as a sub-paragraph: only pairs of items are judged.
      let prev = list[0].letter; // the letter the item before stands for
      for (let k = 1; k < list.length; k++) {
        const expected = String.fromCharCode(prev.charCodeAt(0) + 1);
        const s = list[k];
        // A repeat or one skipped letter is a slip; a bigger jump or a step back is
        // lettering keyed to someone else's list (the questions of a tasking cable).
        const step = s.letter.charCodeAt(0) - prev.charCodeAt(0);
        const slip = (step === 0 || step === 2) && s.letter !== 'A';
        if (slip) out.push({ sub: s, expected, previous: list[k - 1].letter });
        // After a slip, a next item that follows the expected letter shows this one stood in for it.
        const next = list[k + 1];
        prev = slip && next && next.letter.charCodeAt(0) === expected.charCodeAt(0) + 1 ? expected : s.letter;
      }
    }
  }
  return out;
}

/** Markings classified above the banner. */
function above(cable: Cable): Set<Marking> {
  const out = new Set<Marking>();
  const level = cable.level;
  if (!level) return out;
  // A lower-case `(c)` is a list letter unless the whole copy is lower-cased (as class-mismatch reads it).
  const lowerCopy = cable.banner !== undefined && cable.banner.classText.text !== cable.banner.classText.text.toUpperCase();
  for (const p of cable.paragraphs) {
    const m = p.marking;
    // SBU is an administrative control, not a classification: an (SBU) paragraph
    // in a plain UNCLAS cable is not "above" it (see docs/rules.md).
    if (!m?.level || !isClassified(m.level) || LEVEL_RANK[m.level] <= LEVEL_RANK[level]) continue;
    if (!lowerCopy && m.text !== m.text.toUpperCase()) continue;
    out.add(m);
  }
  return out;
}

function places(cable: Cable): Map<Paragraph, { index: number; of: number }> {
  const out = new Map<Paragraph, { index: number; of: number }>();
  let copy: Paragraph[] = [];
  const flush = () => copy.forEach((p, i) => out.set(p, { index: i + 1, of: copy.length }));
  for (const p of cable.paragraphs) {
    if (p.restart && copy.length) {
      flush();
      copy = [];
    }
    copy.push(p);
  }
  flush();
  return out;
}

const cache = new WeakMap<Cable, ParagraphsAnalysis>();

/** The paragraphs' analysis, computed once per parsed cable. */
export function analyzeParagraphs(cable: Cable): ParagraphsAnalysis {
  let a = cache.get(cable);
  if (!a) {
    a = { numbering: numbering(cable), lettering: lettering(cable), above: above(cable), place: places(cable) };
    cache.set(cable, a);
  }
  return a;
}
