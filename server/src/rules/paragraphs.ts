import { analyzeParagraphs, type LetteringIssue, type NumberingIssue } from '../analysis/paragraphs';
import type { Cable, Level, Marking, Paragraph } from '../model';
import { sinceWords } from '../cable-date';
import { compareDates } from '../dates';
import { editDistance } from '../edit-distance';
import { PORTION_MARKS_FROM } from '../eras';
import { isClassified, LEVEL_NAME } from '../model';
import { cableClassName, isLou } from '../parse/class-words';
import type { Edit, Fix, Rule } from './types';

// Paragraphs: numbering, portion markings and lettered sub-paragraphs
// (5 FAH-1 H-246.2; format document §9 and §14 #13-#15).

const FAH = '5 FAH-1 H-246.2';

// ---- numbering -----------------------------------------------------------------

export type { LetteringIssue, NumberingIssue };

/** Paragraphs whose number does not follow the one before (analysis/paragraphs.ts, shared with hovers). */
export function numberingIssues(cable: Cable): NumberingIssue[] {
  return analyzeParagraphs(cable).numbering;
}

/**
 * Edits that number the paragraphs 1..n (each copy of the text on its own),
 * replacing only the numbers that change. Punctuation is left alone: `3)` stays
 * `3)` (para-number-malformed has its own fix). Applying the edits and parsing
 * again gives no edits.
 */
export function renumberParagraphs(cable: Cable): Edit[] {
  const edits: Edit[] = [];
  let n = 0;
  for (const p of cable.paragraphs) {
    n = p.restart ? 1 : n + 1;
    if (p.value !== n) edits.push({ start: p.number.start, end: p.number.end, newText: String(n) });
  }
  return edits;
}

function numberingMessage(issue: NumberingIssue): string {
  const { paragraph: p, expected, previous } = issue;
  const tail = `paragraphs are numbered 1, 2, 3… without gaps or repeats (${FAH}).`;
  switch (issue.kind) {
    case 'first':
      return `Paragraph numbering starts at ${p.value}: expected 1; ${tail}`;
    case 'repeat':
      return `Paragraph number ${p.value} is repeated: expected ${expected}; ${tail}`;
    case 'backwards':
      return `Paragraph ${p.value} comes after paragraph ${previous}: expected ${expected}; ${tail}`;
    case 'skip':
      return `Paragraph ${p.value} follows paragraph ${previous}: expected ${expected}; ${tail}`;
  }
}

const paraNumbering: Rule = {
  id: 'para-numbering',
  severity: 'error',
  summary: 'Paragraphs are numbered 1, 2, 3… with no gap, repeat or reversal.',
  check(ctx) {
    const issues = numberingIssues(ctx.cable);
    if (issues.length === 0) return;
    const fix: Fix = { title: 'Renumber paragraphs 1..n', edits: renumberParagraphs(ctx.cable) };
    for (const issue of issues) {
      const n = issue.paragraph.number;
      ctx.report(n.start, n.end, numberingMessage(issue), fix.edits.length ? [fix] : undefined);
    }
  },
};

const paraNumberMalformed: Rule = {
  id: 'para-number-malformed',
  severity: 'warning',
  summary: 'A paragraph number is written `3.`, not `3)`, `3 (C)` or `3,`.',
  check(ctx) {
    for (const p of ctx.cable.paragraphs) {
      if (p.punctuation === '.') continue;
      const at = p.number.end;
      const written = p.number.text + p.punctuation;
      ctx.report(
        p.number.start,
        at + p.punctuation.length,
        `Paragraph number written \`${written}\`: expected \`${p.number.text}.\`, the number and a full stop, then the marking.`,
        [{ title: `Write \`${p.number.text}.\``, edits: [{ start: at, end: at + p.punctuation.length, newText: '.' }], preferred: true }],
      );
    }
  },
};

const paraSingleNumbered: Rule = {
  id: 'para-single-numbered',
  severity: 'information',
  summary: 'A telegram with a single paragraph does not number it.',
  check(ctx) {
    const { cable } = ctx;
    if (cable.paragraphs.length !== 1) return;
    const p = cable.paragraphs[0];
    const end = textStart(cable, p);
    ctx.report(
      p.number.start,
      p.number.end + p.punctuation.length,
      `The only paragraph is numbered: "do not number a single paragraph" (${FAH}).`,
      [{ title: 'Remove the paragraph number', edits: [{ start: p.number.start, end, newText: '' }] }],
    );
  },
};

/** Where the marking or, with none, the paragraph text starts. */
function textStart(cable: Cable, p: Paragraph): number {
  if (p.marking) return p.marking.start;
  let i = p.number.end + p.punctuation.length;
  while (i < p.end && (cable.text[i] === ' ' || cable.text[i] === '\t')) i++;
  return i;
}

// ---- portion markings -------------------------------------------------------------

/** True when a paragraph marking says the whole text has that classification (`(C - ENTIRE TEXT)`). */
function entireText(cable: Cable): boolean {
  return cable.paragraphs.some((p) => p.marking?.caveats.includes('ENTIRE TEXT'));
}

const portionMarkMissing: Rule = {
  id: 'portion-mark-missing',
  severity: 'error',
  summary: 'Every numbered paragraph of a classified cable of 1 December 1978 or later carries a portion marking after its number.',
  check(ctx) {
    const { cable } = ctx;
    const level = cable.level;
    if (!level || !isClassified(level) || entireText(cable)) return;
    // Portions were marked from E.O. 12065 on (eras.ts); with a year or a month only, on every day of it.
    if (compareDates(ctx.dated.first, PORTION_MARKS_FROM) < 0) return;
    const since = sinceWords('Portion marks are required', PORTION_MARKS_FROM, ctx.dated);
    for (const p of cable.paragraphs) {
      // A redacted copy (`6. XXXXXXXXXXXX`, `7. (XXXXXXXXXXXX`, `11. (C XXXXXXXXXXXX`) may have lost the marking with the text.
      // So may a publisher's removal note (`7. [DETAILS REMOVED]`, 08RPODUBAI49).
      if (p.marking || p.firstWords.slice(0, 10).toUpperCase().includes('XXXXXX') || /^\[[A-Z ]{0,30}REMOVED\]/i.test(p.firstWords))
        continue;
      const at = textStart(cable, p);
      const glued = at === p.number.end + p.punctuation.length; // `3.Text`
      ctx.report(
        p.number.start,
        p.head.end,
        `Paragraph ${p.value} has no portion marking: in a ${LEVEL_NAME[level]} cable every paragraph is marked right after its number, e.g. \`${p.value}. (${level})\` (${FAH}).${since}`,
        [{ title: `Mark the paragraph (${level})`, edits: [{ start: at, end: at, newText: `${glued ? ' ' : ''}(${level}) ` }] }],
      );
    }
  },
};

// The vocabulary a suggestion is chosen from (format document §9).
const SUGGESTIONS = ['U', 'SBU', 'SBU-N', 'SBU/NF', 'U//FOUO', 'C', 'C/NF', 'C//NF', 'S', 'S/NF', 'S//NF', 'TS', 'TS//NF'];

/** The nearest known marking when one stands out (ties go to the cable's own level). */
export function nearestMarking(value: string, level: Level | undefined): string | undefined {
  if (value.length > 12) return undefined;
  let best: string[] = [];
  let bestD = 2; // one edit at most: `SE` -> `S`, `CNF` -> `C/NF`
  for (const s of SUGGESTIONS) {
    const d = editDistance(value, s);
    if (d < bestD) [best, bestD] = [[s], d];
    else if (d === bestD) best.push(s);
  }
  if (best.length === 1) return best[0];
  const own = best.filter((s) => level !== undefined && s.split(/[/-]/)[0] === level);
  return own.length === 1 ? own[0] : undefined;
}

const portionMarkUnknown: Rule = {
  id: 'portion-mark-unknown',
  severity: 'warning',
  summary: 'A portion marking is one of U, SBU, SBU-N, C, S, TS, with /NF, //NF, /REL…, //FGI… caveats.',
  check(ctx) {
    const { cable } = ctx;
    // Before E.O. 12065 telegrams had no portion marks, so no vocabulary to break (`(SECRET)`, 1977CAIRO18810).
    if (compareDates(ctx.dated.last, PORTION_MARKS_FROM) < 0) return;
    for (const p of cable.paragraphs) {
      const m = p.marking;
      if (!m || m.known) continue;
      // A spelled-out level (`(SECRET/REL IAEA)`) becomes its letters; otherwise the nearest known marking.
      const first = m.value.split(/\/{1,2}|-{1,2}/)[0];
      const spelled = m.level !== undefined && first !== m.level;
      const rest = m.value.slice(first.length);
      const near = spelled ? (rest.includes('ENTIRE') ? m.level : `${m.level}${rest}`) : nearestMarking(m.value, cable.level);
      const what = spelled
        ? `the level is spelled out in \`${m.text}\``
        : m.level
          ? `a caveat of \`${m.text}\` is not known`
          : `\`${m.text}\` is not a classification`;
      ctx.report(
        m.start,
        m.end,
        `Unknown portion marking: ${what}; expected (U), (SBU), (SBU-N), (C), (S) or (TS), optionally with /NF, //NF, /REL… or //FGI…${near ? `. Did you mean (${near})?` : ''}`,
        near
          ? [{ title: `Change to (${near})`, edits: [{ start: m.start, end: m.end, newText: `(${near})` }], preferred: true }]
          : undefined,
      );
    }
  },
};

/** The span of the level letters inside a marking: `S` in `(S//NF)`. */
function levelSpan(text: string, m: Marking): { start: number; end: number } {
  let i = m.start + 1;
  while (i < m.end && (text[i] === ' ' || text[i] === '\t')) i++;
  let e = i;
  while (e < m.end && /[A-Za-z]/.test(text[e])) e++;
  return { start: i, end: e };
}

const portionMarkExceeds: Rule = {
  id: 'portion-mark-exceeds',
  severity: 'error',
  summary: 'No paragraph is marked above the cable’s classification.',
  check(ctx) {
    const { cable } = ctx;
    const level = cable.level;
    if (!level) return;
    const { above } = analyzeParagraphs(cable);
    for (const p of cable.paragraphs) {
      const m = p.marking;
      if (!m || !above.has(m)) continue;
      const span = levelSpan(cable.text, m);
      const to = isClassified(level) ? level : isLou(cable) ? 'LOU' : 'U';
      ctx.report(
        m.start,
        m.end,
        `Paragraph ${p.value} is marked ${m.text}, above the cable's classification (${cableClassName(cable)}): no portion may be classified higher than the banner (ISOO; ${FAH}). Lower the marking or raise the banner.`,
        [{ title: `Lower the marking to (${to})`, edits: [{ start: span.start, end: span.end, newText: to }] }],
      );
    }
  },
};

// ---- lettered sub-paragraphs ----------------------------------------------------------

/** Sub-paragraph letters that break the sequence A, B, C… (analysis/paragraphs.ts, shared with hovers). */
export function letteringIssues(cable: Cable): LetteringIssue[] {
  return analyzeParagraphs(cable).lettering;
}

const subparaLettering: Rule = {
  id: 'subpara-lettering',
  severity: 'information',
  summary: 'Lettered sub-paragraphs run A, B, C… within a paragraph.',
  check(ctx) {
    for (const { sub, expected, previous } of letteringIssues(ctx.cable)) {
      const m = sub.marker;
      const what = sub.letter === previous ? 'repeats the letter before it' : `follows ${previous}`;
      ctx.report(
        m.start,
        m.end,
        `Sub-paragraph ${m.text} ${what}: expected ${expected}; lettered sub-paragraphs run A, B, C… without gaps or repeats.`,
      );
    }
  },
};

export const paragraphRules: Rule[] = [
  paraNumbering,
  paraNumberMalformed,
  paraSingleNumbered,
  portionMarkMissing,
  portionMarkUnknown,
  portionMarkExceeds,
  subparaLettering,
];
