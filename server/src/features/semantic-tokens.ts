import { analyzeTags, yearsOf, type TagReading } from '../analysis/tags';
import type { Cable, Level, Marking, Span } from '../model';
import { positionAt } from '../positions';
import { featureContext, type FeatureContext } from './context';

// Semantic tokens: what the grammar, reading one line at a time, cannot know and
// the parser does: SUBJECT and TAGS lines that wrap, reason letters wrapped onto
// a line of their own, lettered lists (`(C)` is a list letter there, not a
// marking), REF items and the `ref a` mentions of them, and each portion marking's
// level. Types are standard ones, so any theme colours them; the modifiers name
// what a theme or the extension's scope map (package.json semanticTokenScopes)
// can tell apart.

export const TOKEN_TYPES = ['string', 'type', 'number', 'enumMember', 'namespace', 'keyword'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export const TOKEN_MODIFIERS = [
  'declaration',
  // tag kinds
  'subject',
  'program',
  'geographic',
  'organization',
  // a classification reason letter
  'reason',
  // portion levels
  'unclassified',
  'sbu',
  'confidential',
  'secret',
  'topSecret',
] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

/** A token on one line: [start, end) in the parsed text. */
export interface SemanticToken extends Span {
  type: TokenType;
  modifiers: TokenModifier[];
}

const LEVEL_MODIFIER: Record<Level, TokenModifier> = { U: 'unclassified', SBU: 'sbu', C: 'confidential', S: 'secret', TS: 'topSecret' };

/** The modifier of a word of the TAGS line, from the reading the rules and hovers share (analysis/tags.ts). */
function tagModifier(r: TagReading): TokenModifier | undefined {
  switch (r.kind) {
    case 'subject':
    case 'era':
      return 'subject';
    case 'program':
    case 'extra':
      return 'program';
    case 'geo':
    case 'iso': // a country's code written the ISO way (the diagnostic says so)
      return 'geographic';
    case 'org':
      return 'organization';
    case 'before-lists':
      return r.shape === 'geo' ? 'geographic' : r.shape;
    default:
      return undefined;
  }
}

/** The tokens of the cable, in text order, none overlapping, none crossing a line end; only those touching `range` when given. */
export function semanticTokens(cable: Cable, range?: Span, ctx: FeatureContext = featureContext(cable)): SemanticToken[] {
  const out: SemanticToken[] = [];
  const { text } = cable;
  const add = (s: Span, type: TokenType, modifiers: TokenModifier[] = []) => {
    if (s.end <= s.start) return;
    if (!crossesLine(text, s)) out.push({ start: s.start, end: s.end, type, modifiers });
    else for (const piece of onLines(cable, s)) out.push({ ...piece, type, modifiers });
  };

  const marking = (m: Marking | undefined) => {
    if (m) add(m, 'enumMember', m.level ? [LEVEL_MODIFIER[m.level]] : []);
  };

  if (cable.tags) {
    for (const { tag, reading } of analyzeTags(cable, ctx.extraTags, yearsOf(ctx)).items) {
      const m = tagModifier(reading);
      add(tag, 'type', m ? [m] : []);
    }
  }

  const subject = cable.subject;
  if (subject) {
    // The subject text on each of its lines, around its marking.
    const m = subject.marking;
    const t = subject.textSpan;
    const pieces = m
      ? [
          { start: t.start, end: Math.min(t.end, m.start) },
          { start: Math.max(t.start, m.end), end: t.end },
        ]
      : [t];
    for (const piece of pieces) add(piece, 'string');
    marking(m);
  }

  if (cable.refs) {
    for (const item of cable.refs.items) {
      if (item.marker) add(item.marker, 'enumMember', ['declaration']);
      for (const cite of item.cites ?? []) {
        if (cite.year) add(cite.year, 'number');
        add(cite.post, 'namespace');
        add(cite.serial, 'number');
      }
    }
  }

  for (const r of cable.classifiedBy?.reasons ?? []) {
    // `(b)` whole, as the grammar shows a reason; `b,d` letter by letter.
    const paren = text[r.start - 1] === '(' && text[r.end] === ')';
    add(paren ? { start: r.start - 1, end: r.end + 1 } : r, 'number', ['reason']);
  }

  for (const p of cable.paragraphs) {
    marking(p.marking);
    for (const sub of p.subparagraphs) add(sub.marker, 'number');
  }

  for (const mention of cable.refMentions) {
    const first = mention.letters[0];
    const word = first ? trimmed(text, mention.start, first.start) : mention;
    add(word, 'keyword');
    for (const l of mention.letters) add(l, 'enumMember');
  }

  return settle(out, range);
}

/** Sorted by start; a token overlapping the one before is dropped (the parse keeps them apart; this holds it). */
function settle(tokens: SemanticToken[], range: Span | undefined): SemanticToken[] {
  tokens.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: SemanticToken[] = [];
  let end = -1;
  for (const t of tokens) {
    if (t.start < end) continue;
    if (range && (t.end <= range.start || t.start >= range.end)) continue;
    out.push(t);
    end = t.end;
  }
  return out;
}

/** The parts of a span on each line it covers, without the leading and trailing white space of a line. */
export function onLines(cable: Cable, s: Span): Span[] {
  const out: Span[] = [];
  for (let i = positionAt(cable.lines, s.start).line; i < cable.lines.length; i++) {
    const line = cable.lines[i];
    if (line.start >= s.end) break;
    const piece = trimmed(cable.text, Math.max(s.start, line.start), Math.min(s.end, line.end));
    if (piece.end > piece.start) out.push(piece);
  }
  return out;
}

function crossesLine(text: string, s: Span): boolean {
  for (let i = s.start; i < s.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0';
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isBlank(text[s])) s++;
  while (e > s && isBlank(text[e - 1])) e--;
  return { start: s, end: e };
}
