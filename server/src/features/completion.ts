import { readListed, yearsOf } from '../analysis/tags';
import { allTags, type TagInfo } from '../data/index';
import { addYears, dateInWords, formatDeclDate } from '../dates';
import { defaultDecl, inForceWords, olderInstructions, orderInForce, orderOf } from '../eras';
import { LEVEL_NAME, LEVEL_RANK, type Cable, type Level, type Span } from '../model';
import { CAPTIONS } from '../parse/captions';
import { lineIndexAt, touches, type FeatureContext } from './context';
import { CAPTION_MEANING, LEVEL_MEANING } from './glossary';

// Completion where the cable's parts call for it: tag codes on the TAGS line,
// portion markings after a paragraph number, the DECL date on the E.O. line,
// captions between the banner and the E.O. line.

export type CompletionKind = 'tag' | 'marking' | 'decl' | 'caption';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text that replaces [start, end) of the result; the label when missing. */
  insertText?: string;
  sortText?: string;
  preselect?: boolean;
}

export interface CompletionResult {
  /** The range the items replace (what has been typed of the word so far). */
  start: number;
  end: number;
  items: CompletionEntry[];
}

export function completeAt(cable: Cable, offset: number, ctx: FeatureContext): CompletionResult | undefined {
  if (offset < 0 || offset > cable.text.length) return undefined;
  return (
    completeTags(cable, offset, ctx) ?? completeMarking(cable, offset) ?? completeDecl(cable, offset, ctx) ?? completeCaption(cable, offset)
  );
}

/** True when offset lies on one of the lines the element covers, at or after `from`. */
function onLinesOf(cable: Cable, s: Span, from: number, offset: number): boolean {
  if (offset < from) return false;
  const last = lineIndexAt(cable, Math.max(s.start, s.end - 1));
  return offset <= cable.lines[last].end;
}

// ---- TAGS ----------------------------------------------------------------------

const KIND_RANK: Record<TagInfo['kind'], number> = { subject: 0, program: 1, org: 2, geo: 3 };
const KIND_NAME: Record<TagInfo['kind'], string> = {
  subject: 'subject tag',
  program: 'program tag',
  org: 'organization tag',
  geo: 'geographic tag',
};

function tagDescription(info: TagInfo): string | undefined {
  return info.kind === 'geo' ? info.entry.name : info.entry.description;
}

function completeTags(cable: Cable, offset: number, ctx: FeatureContext): CompletionResult | undefined {
  const t = cable.tags;
  if (!t || !onLinesOf(cable, t, t.keyword.end, offset)) return undefined;
  // Inside names in parentheses (OVIP (NAME)) there is nothing to complete.
  if (t.names.some((n) => n.start < offset && offset < n.end)) return { start: offset, end: offset, items: [] };
  const current = t.tags.find((tag) => touches(tag, offset));
  const start = current ? current.start : offset;
  const end = current ? current.end : offset;
  const prefix = cable.text.slice(start, offset).toUpperCase();
  const present = new Set(t.tags.filter((tag) => tag !== current).map((tag) => tag.code));
  const items: CompletionEntry[] = [];
  const years = yearsOf(ctx);
  for (const [codeName, info] of allTags()) {
    if (present.has(codeName) || !codeName.startsWith(prefix)) continue;
    // The codes the rules accept on this cable (analysis/tags.ts): no ISO misuse, no name fragment, no tag of another era.
    const r = readListed(codeName, ctx.extraTags, years);
    if (!r || r.kind === 'era' || r.kind === 'extra' || r.kind === 'iso') continue;
    const desc = tagDescription(info);
    items.push({
      label: codeName,
      kind: 'tag',
      detail: `${KIND_NAME[info.kind]}${desc ? ': ' + desc : ''}`,
      sortText: `${KIND_RANK[info.kind]}${codeName}`,
    });
  }
  const listed = new Set(items.map((i) => i.label)); // 40,000 extra tags must not compare against every item
  for (const x of ctx.extraTags) {
    if (present.has(x) || !x.startsWith(prefix) || listed.has(x)) continue;
    items.push({ label: x, kind: 'tag', detail: 'tag from your configuration (extraTags)', sortText: `1${x}` });
    listed.add(x);
  }
  return { start, end, items };
}

// ---- portion markings -------------------------------------------------------------

const ORDERED: Level[] = ['U', 'SBU', 'C', 'S', 'TS'];

/** The markings a paragraph of this cable may carry: every level up to the cable's. */
export function markingsFor(cable: Cable): CompletionEntry[] {
  const top = cable.level;
  const noforn = cable.captions.some((c) => c.name === 'NOFORN' || c.name === 'NOT RELEASABLE TO FOREIGN NATIONALS');
  const out: CompletionEntry[] = [];
  for (const l of ORDERED) {
    if (top && LEVEL_RANK[l] > LEVEL_RANK[top]) continue;
    const preselect = l === top;
    out.push({
      label: `(${l})`,
      kind: 'marking',
      detail: LEVEL_NAME[l],
      documentation: LEVEL_MEANING[l],
      sortText: `${9 - LEVEL_RANK[l]}a`,
      preselect,
    });
    if (noforn && l !== 'U') {
      const nf = l === 'SBU' ? '(SBU-N)' : `(${l}//NF)`;
      out.push({
        label: nf,
        kind: 'marking',
        detail: `${LEVEL_NAME[l]}, NOFORN`,
        documentation: `${LEVEL_MEANING[l]}; not releasable to foreign nationals`,
        sortText: `${9 - LEVEL_RANK[l]}b`,
      });
    }
  }
  return out;
}

function completeMarking(cable: Cable, offset: number): CompletionResult | undefined {
  if (offset < cable.bodyStart && !cable.paragraphs.some((p) => p.start <= offset)) return undefined;
  let p = undefined;
  for (let lo = 0, hi = cable.paragraphs.length - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    if (cable.paragraphs[mid].start <= offset) {
      p = cable.paragraphs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!p) return undefined;
  const afterNumber = p.number.end + p.punctuation.length;
  if (offset < afterNumber) return undefined;
  const line = cable.lines[lineIndexAt(cable, p.start)];
  if (offset > line.end) return undefined;
  const t = cable.text;
  if (p.marking) {
    // Replace an existing marking when the cursor is in it.
    if (offset < p.marking.start || offset > p.marking.end) return undefined;
    return { start: p.marking.start, end: p.marking.end, items: markingsFor(cable) };
  }
  // Between the number and the cursor: spaces, then at most a partly typed marking.
  let i = afterNumber;
  while (i < offset && (t[i] === ' ' || t[i] === '\t')) i++;
  if (i < offset && t[i] !== '(') return undefined;
  for (let j = i + 1; j < offset; j++) if (!/[A-Za-z/-]/.test(t[j])) return undefined;
  let end = offset;
  if (t[end] === ')' && i < offset) end++;
  return { start: i, end, items: markingsFor(cable).map((m) => ({ ...m, insertText: i === afterNumber ? ' ' + m.label : m.label })) };
}

// ---- E.O. line --------------------------------------------------------------------

function completeDecl(cable: Cable, offset: number, ctx: FeatureContext): CompletionResult | undefined {
  const eo = cable.eo;
  if (!eo || !onLinesOf(cable, eo, eo.keyword.end, offset)) return undefined;
  const t = cable.text;
  const decl = defaultDecl(ctx.date);
  const classified = cable.level === undefined || LEVEL_RANK[cable.level] >= LEVEL_RANK.C;
  const unclassified = cable.level === undefined || LEVEL_RANK[cable.level] < LEVEL_RANK.C;
  const order = eo.order?.text ?? decl.order;
  // The date in the form the order written on the line uses.
  const form = order === '13526' ? 'YYYY/MM/DD' : 'MM/DD/YYYY';
  const ten = formatDeclDate(addYears(ctx.date, 10), form);
  const twentyFive = formatDeclDate(addYears(ctx.date, 25), form);
  const doc = (years: number) =>
    `Declassify on ${dateInWords(addYears(ctx.date, years))}, ${years} years after the cable's date (${dateInWords(ctx.date)}), in the form of E.O. ${order}.`;
  const d = eo.decl;
  const lineEnd = cable.lines[lineIndexAt(cable, Math.max(eo.start, eo.end - 1))].end;
  // Before E.O. 12958 each order had instructions of its own (eras.ts): those of the order on the line, else of the one in force.
  const era = orderOf(eo.order?.text) ?? orderInForce(ctx.date);
  const older = olderInstructions(era, ctx.date);
  if (older) {
    if (eo.order && offset < eo.order.end) return undefined;
    const afterKeyword = d.keyword !== undefined && offset >= d.keyword.end;
    let s = afterKeyword ? d.keyword!.end : (eo.order ?? eo.keyword).end;
    while (s < offset && (t[s] === ' ' || t[s] === '\t' || (eo.order !== undefined && t[s] === ':'))) s++;
    const prefix = eo.order ? '' : `${era.order}: `;
    const items: CompletionEntry[] = [];
    if (classified)
      older.forEach((o, i) =>
        items.push({
          label: prefix + (afterKeyword ? o.text.replace(/^DECL: /, '') : o.text),
          kind: 'decl',
          detail: o.detail,
          documentation: `A declassification instruction of E.O. ${era.order} (${inForceWords(era)}), ${eo.order ? 'the order on the line' : "in force on the cable's date"}.`,
          preselect: i === 0,
          sortText: String(i),
        }),
      );
    if (unclassified) items.push({ label: `${prefix}N/A`, kind: 'decl', detail: 'unclassified cable', sortText: '9' });
    return { start: s, end: Math.max(offset, Math.min(lineEnd, d.end)), items };
  }
  if (!eo.order && offset >= eo.keyword.end) {
    // `E.O. ` typed: offer the whole rest of the line.
    let s = eo.keyword.end;
    while (s < offset && (t[s] === ' ' || t[s] === '\t')) s++;
    const items: CompletionEntry[] = [];
    if (classified)
      items.push({
        label: `${decl.order}: DECL: ${decl.text}`,
        kind: 'decl',
        detail: `DECL ${dateInWords(decl.date)}`,
        documentation: doc(10),
        preselect: true,
        sortText: '0',
      });
    if (unclassified) items.push({ label: `${decl.order}: N/A`, kind: 'decl', detail: 'unclassified cable', sortText: '1' });
    return { start: s, end: Math.max(offset, Math.min(lineEnd, d.end)), items };
  }
  if (eo.order && offset < eo.order.end) return undefined;
  const items: CompletionEntry[] = [];
  if (d.keyword && offset >= d.keyword.end) {
    // After `DECL:`: the date alone.
    let s = d.keyword.end;
    while (s < offset && (t[s] === ' ' || t[s] === '\t' || t[s] === ':')) s++;
    items.push({
      label: ten,
      kind: 'decl',
      detail: `${dateInWords(addYears(ctx.date, 10))} (10 years)`,
      documentation: doc(10),
      preselect: true,
      sortText: '0',
    });
    items.push({
      label: twentyFive,
      kind: 'decl',
      detail: `${dateInWords(addYears(ctx.date, 25))} (25 years, the longest without an exemption)`,
      documentation: doc(25),
      sortText: '1',
    });
    return { start: s, end: Math.max(offset, Math.min(lineEnd, d.end)), items };
  }
  // After `E.O. 12958:`: the whole instruction.
  let s = eo.order ? eo.order.end : eo.keyword.end;
  while (s < offset && (t[s] === ' ' || t[s] === '\t' || t[s] === ':')) s++;
  if (classified)
    items.push({
      label: `DECL: ${ten}`,
      kind: 'decl',
      detail: `${dateInWords(addYears(ctx.date, 10))} (10 years)`,
      documentation: doc(10),
      preselect: true,
      sortText: '0',
    });
  if (unclassified) items.push({ label: 'N/A', kind: 'decl', detail: 'unclassified cable: no declassification date', sortText: '1' });
  return { start: s, end: Math.max(offset, Math.min(lineEnd, d.end)), items };
}

// ---- captions -----------------------------------------------------------------------

function completeCaption(cable: Cable, offset: number): CompletionResult | undefined {
  const b = cable.banner;
  if (!b || offset <= b.end) return undefined;
  const firstElement = Math.min(
    cable.eo?.start ?? Infinity,
    cable.tags?.start ?? Infinity,
    cable.subject?.start ?? Infinity,
    cable.refs?.start ?? Infinity,
    cable.classifiedBy?.start ?? Infinity,
    cable.paragraphs[0]?.start ?? Infinity,
    cable.bodyStart < cable.text.length ? cable.bodyStart : Infinity,
  );
  if (offset >= firstElement) return undefined;
  if (lineIndexAt(cable, offset) === lineIndexAt(cable, b.start)) return undefined;
  // The word being typed: upper-case letters back to the last space.
  const t = cable.text;
  let s = offset;
  while (s > 0 && /[A-Za-z]/.test(t[s - 1])) s--;
  let e = offset;
  while (e < t.length && /[A-Za-z]/.test(t[e])) e++;
  // Only at the start of a line or after another caption (not inside a passing line such as DEPT FOR ...).
  const line = cable.lines[lineIndexAt(cable, offset)];
  let k = s;
  while (k > line.start && (t[k - 1] === ' ' || t[k - 1] === '\t')) k--;
  if (k > line.start && !cable.captions.some((c) => c.end === k)) return undefined;
  const seen = new Set(cable.captions.map((c) => c.name));
  const items: CompletionEntry[] = [];
  for (const c of CAPTIONS) {
    const name = c === 'C O R R E C T E D COPY' ? undefined : c;
    if (!name || (seen.has(name) && name !== 'SIPDIS')) continue;
    items.push({
      label: name,
      kind: 'caption',
      detail: CAPTION_MEANING[name],
      sortText: name === 'SIPDIS' ? '0' : name === 'NOFORN' ? '1' : '2' + name,
    });
  }
  return { start: s, end: e, items };
}
