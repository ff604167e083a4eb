import type { Edit, Finding, Fix } from '../rules/types';

// "Fix all": the preferred fix of every finding, as one set of edits that do
// not overlap. A fix is taken whole or not at all; an edit identical to one
// already taken (two findings offering the same change) counts as taken.
// Fixes that overlap (stripping `[RU](#)` and replacing the `RU` inside it)
// need a second pass on the fixed text: fixAllText() repeats until nothing
// is left to fix, and diffEdits() turns the result back into small edits.

/**
 * The fix a finding offers for fix-all: the one its rule marked preferred.
 * A fix that needs a judgement (which marking, a line to fill in, removing
 * text) is not preferred and is left to the drafter, even when it is the only one.
 */
export function preferredFix(f: Finding): Fix | undefined {
  return f.fixes?.find((x) => x.preferred);
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start; // two insertions at one point: order unknown
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

const same = (a: Edit, b: Edit) => a.start === b.start && a.end === b.end && a.newText === b.newText;

/** One pass: the preferred fixes of all findings; the result is sorted by position and non-overlapping. */
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

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

/**
 * Applies fix-all passes until no preferred fix is left (or `maxPasses`), and
 * returns the final text. `check` parses and lints a text.
 */
export function fixAllText(text: string, check: (text: string) => readonly Finding[], maxPasses = 5): { text: string; passes: number } {
  let current = text;
  let findings = check(current);
  let passes = 0;
  while (passes < maxPasses) {
    const edits = fixAll(findings);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    passes++;
    if (next === current) break;
    current = next;
    if (passes < maxPasses) findings = check(current);
  }
  return { text: current, passes };
}

// ---- from two texts back to edits ---------------------------------------------------

/** Splits into lines that keep their line ends, so that joining them gives the text back. */
export function linesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * Line hunks turning a into b (Myers' O((N+M)D) diff), or undefined when more
 * than maxD lines differ.
 */
export function lineHunks(a: string[], b: string[], maxD: number): { a0: number; a1: number; b0: number; b1: number }[] | undefined {
  const n = a.length;
  const m = b.length;
  const off = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= maxD && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice());
  }
  if (found < 0) return undefined;
  // Walk back from (n, m): each step is one insertion or deletion after a run of equal lines.
  const ops: ('=' | '-' | '+')[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const pv = trace[d - 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && pv[off + k - 1] < pv[off + k + 1]) ? k + 1 : k - 1;
    const px = pv[off + prevK];
    const py = px - prevK;
    while (x > px && y > py) {
      ops.push('=');
      x--;
      y--;
    }
    if (x === px) {
      ops.push('+');
      y--;
    } else {
      ops.push('-');
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x--;
    y--;
  }
  ops.reverse();
  const hunks: { a0: number; a1: number; b0: number; b1: number }[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < ops.length;) {
    if (ops[k] === '=') {
      i++;
      j++;
      k++;
      continue;
    }
    const h = { a0: i, a1: i, b0: j, b1: j };
    while (k < ops.length && ops[k] !== '=') {
      if (ops[k] === '-') h.a1 = ++i;
      else h.b1 = ++j;
      k++;
    }
    hunks.push(h);
  }
  return hunks;
}

/**
 * Small edits that turn `a` into `b`: one per changed run of lines, trimmed to
 * the characters that differ. Falls back to one edit when the texts differ in
 * too many lines.
 */
export function diffEdits(a: string, b: string, maxD = 2000): Edit[] {
  if (a === b) return [];
  const la = linesOf(a);
  const lb = linesOf(b);
  // Equal lines at both ends need no diff.
  let p = 0;
  while (p < la.length && p < lb.length && la[p] === lb[p]) p++;
  let s = 0;
  while (s < la.length - p && s < lb.length - p && la[la.length - 1 - s] === lb[lb.length - 1 - s]) s++;
  const ma = la.slice(p, la.length - s);
  const mb = lb.slice(p, lb.length - s);
  const hunks = lineHunks(ma, mb, maxD) ?? [{ a0: 0, a1: ma.length, b0: 0, b1: mb.length }];
  // Offsets of the middle lines in a.
  let base = 0;
  for (let k = 0; k < p; k++) base += la[k].length;
  const starts = [base];
  for (const l of ma) starts.push(starts[starts.length - 1] + l.length);
  const edits: Edit[] = [];
  for (const h of hunks) {
    const oldText = ma.slice(h.a0, h.a1).join('');
    const newText = mb.slice(h.b0, h.b1).join('');
    let pre = 0;
    while (pre < oldText.length && pre < newText.length && oldText[pre] === newText[pre]) pre++;
    let suf = 0;
    while (
      suf < oldText.length - pre &&
      suf < newText.length - pre &&
      oldText[oldText.length - 1 - suf] === newText[newText.length - 1 - suf]
    )
      suf++;
    const start = starts[h.a0] + pre;
    edits.push({ start, end: starts[h.a1] - suf, newText: newText.slice(pre, newText.length - suf) });
  }
  return edits;
}
