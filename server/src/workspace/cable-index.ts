import type { CalendarDate } from '../model';
import type { IndexCite, IndexEntry, IndexRef } from './entry';
import type { CiteKey } from './reference-id';
import { referenceId } from './reference-id';

// The cables of a workspace, by uri and by reference id, and who may cite
// whom. A cite without a year is the citing cable's year (cable-format.md §7);
// a cable cannot cite one written after it, so when that year's cable is
// later (a January cable citing December's), the year before is taken.

export interface Citation {
  entry: IndexEntry;
  ref: IndexRef;
  cite: IndexCite;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** True when `cited` was certainly written after `citing`: by dates, else by years, else by serials of one post and year. */
export function isAfter(cited: IndexEntry, citing: IndexEntry): boolean {
  if (cited.date && citing.date) return compareDates(cited.date, citing.date) > 0;
  if (cited.year !== undefined && citing.year !== undefined && cited.year !== citing.year) return cited.year > citing.year;
  return false;
}

export class CableIndex {
  private byUri = new Map<string, IndexEntry>();
  private byId = new Map<string, Set<string>>();
  /** Reference id -> uris of cables with a cite that may resolve to it (both candidate years for a cite without a year). */
  private citers = new Map<string, Set<string>>();

  constructor(private readonly currentYear: number = new Date().getUTCFullYear()) {}

  get size(): number {
    return this.byUri.size;
  }

  get(uri: string): IndexEntry | undefined {
    return this.byUri.get(uri);
  }

  entries(): IterableIterator<IndexEntry> {
    return this.byUri.values();
  }

  set(entry: IndexEntry): void {
    this.delete(entry.uri);
    this.byUri.set(entry.uri, entry);
    if (entry.id) add(this.byId, entry.id, entry.uri);
    for (const ref of entry.refs)
      for (const cite of ref.cites) for (const id of this.candidates(entry, cite)) add(this.citers, id, entry.uri);
  }

  delete(uri: string): void {
    const old = this.byUri.get(uri);
    if (!old) return;
    this.byUri.delete(uri);
    if (old.id) remove(this.byId, old.id, uri);
    for (const ref of old.refs) for (const cite of ref.cites) for (const id of this.candidates(old, cite)) remove(this.citers, id, uri);
  }

  clear(): void {
    this.byUri.clear();
    this.byId.clear();
    this.citers.clear();
  }

  /** Cables with this reference id (a copy of a cable may be in the folder twice). */
  withId(id: string): IndexEntry[] {
    return [...(this.byId.get(id) ?? [])].map((u) => this.byUri.get(u)!).sort((a, b) => a.uri.localeCompare(b.uri));
  }

  /** The year a cite without one takes: the citing cable's, or this year's for a draft. */
  citingYear(entry: IndexEntry): number {
    return entry.year ?? this.currentYear;
  }

  private candidates(entry: IndexEntry, cite: CiteKey): string[] {
    if (cite.year !== undefined) return [referenceId(cite.year, cite.post, cite.serial)];
    const y = this.citingYear(entry);
    return [referenceId(y, cite.post, cite.serial), referenceId(y - 1, cite.post, cite.serial)];
  }

  /** The cables a cite names, when the workspace has them. */
  resolve(citing: IndexEntry, cite: CiteKey): IndexEntry[] {
    const others = (year: number) => this.withId(referenceId(year, cite.post, cite.serial)).filter((e) => e.uri !== citing.uri);
    if (cite.year !== undefined) return others(cite.year);
    const y = this.citingYear(citing);
    // Serials count up through a year: a higher serial of the citing cable's own post is last year's.
    const own = citing.idParts;
    const lastYears = own !== undefined && own.year === y && own.post === cite.post && cite.serial > own.serial;
    if (!lastYears) {
      const same = others(y).filter((e) => !isAfter(e, citing));
      if (same.length > 0) return same;
    }
    return others(y - 1);
  }

  /** The cables that cite `target`, each with the REF item and cite that names it. */
  citing(target: IndexEntry): Citation[] {
    if (!target.id) return [];
    const out: Citation[] = [];
    for (const uri of this.citers.get(target.id) ?? []) {
      const entry = this.byUri.get(uri);
      if (!entry || uri === target.uri) continue;
      for (const ref of entry.refs) {
        const cite = ref.cites.find((c) => this.resolve(entry, c).some((e) => e.uri === target.uri));
        if (cite) out.push({ entry, ref, cite });
      }
    }
    return out.sort((a, b) => a.entry.uri.localeCompare(b.entry.uri) || a.ref.range.start.line - b.ref.range.start.line);
  }

  /** How many cables cite `target` (each counted once). */
  citedByCount(target: IndexEntry): number {
    return new Set(this.citing(target).map((c) => c.entry.uri)).size;
  }
}

function add(map: Map<string, Set<string>>, key: string, uri: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(uri);
}

function remove(map: Map<string, Set<string>>, key: string, uri: string): void {
  const s = map.get(key);
  if (!s) return;
  s.delete(uri);
  if (s.size === 0) map.delete(key);
}
