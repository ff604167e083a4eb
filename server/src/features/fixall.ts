import type { Edit, Finding, Fix } from '../rules/types';

// "Fix all": the preferred fix of every finding, as one set of edits that do
// not overlap. A fix is taken whole or not at all; an edit identical to one
// already taken (two findings offering the same change) counts as taken.

/** The fix a finding offers for fix-all: the one marked preferred, or its only fix. */
export function preferredFix(f: Finding): Fix | undefined {
  const fixes = f.fixes ?? [];
  return fixes.find((x) => x.preferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start; // two insertions at one point: order unknown
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

const same = (a: Edit, b: Edit) => a.start === b.start && a.end === b.end && a.newText === b.newText;

/** Combines the preferred fixes of all findings; the result is sorted by position and non-overlapping. */
export function fixAll(findings: readonly Finding[]): Edit[] {
  const taken: Edit[] = [];
  for (const f of findings) {
    const fix = preferredFix(f);
    if (!fix || fix.edits.length === 0) continue;
    const fresh = fix.edits.filter((e) => !taken.some((t) => same(t, e)));
    // Edits of one fix must not collide with each other either.
    const ok = fresh.every((e, i) => !taken.some((t) => overlaps(t, e)) && !fresh.some((o, j) => j < i && overlaps(o, e)));
    if (ok) taken.push(...fresh);
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Applies non-overlapping edits to a text (used by tests and the CLI). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
