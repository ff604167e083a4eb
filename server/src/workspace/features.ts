import { definitionAt } from '../features/definition';
import { inside, touches } from '../features/context';
import type { Cable, CableCite, RefItem, Span } from '../model';
import { LEVEL_NAME } from '../model';
import type { CableIndex } from './cable-index';
import type { IndexEntry } from './entry';
import { citeKey } from './reference-id';
import type { CitedCables } from '../rules/types';

// Features over the index for the cable being edited: the cited cables under
// the cursor, their description for a hover, and workspace symbols.

/** The cites under the cursor: the one it is on in a REF item, else all of the item's; from `ref a` / `reftel`, those of its items. */
export function citesAt(cable: Cable, offset: number): CableCite[] {
  const items = cable.refs?.items ?? [];
  const item = items.find((i) => touches(i, offset));
  if (item) {
    const cites = item.cites ?? [];
    const on = cites.find((c) => touches(c, offset));
    return on ? [on] : cites;
  }
  const spans = definitionAt(cable, offset);
  return items.filter((i) => spans.some((s) => s.start === i.start)).flatMap((i) => i.cites ?? []);
}

/** The REF item the offset is in, if any. */
export function refItemAt(cable: Cable, offset: number): RefItem | undefined {
  return cable.refs?.items.find((i) => inside(i, offset));
}

/** The workspace cables the cites name, each once, in cite order. */
export function resolveCites(index: CableIndex, citing: IndexEntry, cites: readonly CableCite[]): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const c of cites) {
    const key = citeKey(c);
    if (!key) continue;
    for (const e of index.resolve(citing, key)) if (!out.includes(e)) out.push(e);
  }
  return out;
}

function isoDate(e: IndexEntry): string | undefined {
  const d = e.date;
  return d && `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** What the rules may know of the cables a cable cites (rules/types.ts CitedCables), from the index. */
export function citedCables(index: CableIndex, citing: IndexEntry): CitedCables {
  return {
    cited(cite) {
      const key = citeKey(cite);
      if (!key) return [];
      return index.resolve(citing, key).flatMap((e) => (e.id ? [{ id: e.id, date: e.date, year: e.year }] : []));
    },
  };
}

/** Markdown for a cited cable: id, subject, classification, date and TAGS. */
export function describeCable(e: IndexEntry): string {
  const cls = e.className ?? (e.level ? LEVEL_NAME[e.level] : undefined);
  const facts = [
    cls,
    isoDate(e) ?? (e.year !== undefined ? String(e.year) : undefined),
    e.tags.length ? `TAGS ${e.tags.join(' ')}` : undefined,
  ].filter(Boolean);
  const title = `**${e.id ?? 'Cable'}**${e.subject ? `: ${e.subject}` : ''}`;
  return facts.length ? `${title}\n\n${facts.join(' · ')}` : title;
}

/** The hover over a REF item: the cited cables the workspace has. */
export function citedHover(
  index: CableIndex,
  citing: IndexEntry,
  cable: Cable,
  offset: number,
): { span: Span; markdown: string } | undefined {
  const item = refItemAt(cable, offset);
  if (!item) return undefined;
  const cited = resolveCites(index, citing, citesAt(cable, offset));
  if (cited.length === 0) return undefined;
  return { span: item, markdown: cited.map(describeCable).join('\n\n---\n\n') };
}

export interface SymbolMatch {
  entry: IndexEntry;
  /** What matched, for the symbol's detail. */
  name: string;
}

/**
 * Cables for a workspace symbol query: every word of the query must match the
 * reference id (part of it), a tag (its start) or a subject word (its start).
 * An empty query lists cables by id. At most `limit` results.
 */
export function searchCables(index: CableIndex, query: string, limit = 200): SymbolMatch[] {
  const words = query
    .toUpperCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const out: SymbolMatch[] = [];
  for (const e of index.entries()) {
    if (out.length >= limit) break;
    if (words.length === 0) {
      if (e.id) out.push({ entry: e, name: e.id });
      continue;
    }
    const subjectWords = e.subject ? e.subject.toUpperCase().split(/[^A-Z0-9]+/) : [];
    const ok = words.every(
      (w) => (e.id?.includes(w) ?? false) || e.tags.some((t) => t.startsWith(w)) || subjectWords.some((s) => s.startsWith(w)),
    );
    if (ok) out.push({ entry: e, name: e.id ?? e.uri.slice(e.uri.lastIndexOf('/') + 1) });
  }
  return out;
}
