// Glob matching without regular expressions, in time bounded by the glob's
// size times the path's: a glob such as `**a**a**a**a**a**a**azz` makes any
// backtracking regex (the hand-made converter this replaces, and picomatch's
// `[^/]*?a[^/]*?a...`) take exponential time on a long name.
//
// Syntax: `*` any run of characters within a path segment, `**` as a whole
// segment any number of segments (elsewhere it is `*`), `?` one character,
// `[abc]`, `[a-z]`, `[!abc]` or `[^abc]` one character of (or not of) a set,
// `{a,b}` alternatives (at most MAX_ALTERNATIVES after expansion), `\` quotes
// the next character. Dot files are matched like any other name.

const MAX_ALTERNATIVES = 64;

type Token =
  | { kind: 'char'; c: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'set'; negated: boolean; items: (string | [string, string])[] };
type Segment = Token[] | 'globstar';

/** A matcher for '/'-separated paths. */
export function globMatcher(glob: string): (path: string) => boolean {
  const alternatives = expandBraces(glob).map(compile);
  return (path: string) => {
    const segments = path.split('/');
    return alternatives.some((a) => matchSegments(a, segments));
  };
}

/** `a{b,c}d` -> [abd, acd]; nested braces; an unclosed brace is literal. Stops at MAX_ALTERNATIVES. */
export function expandBraces(glob: string): string[] {
  let out = [''];
  let i = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) {
      out = out.map((o) => o + glob.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (c === '{') {
      const close = matchingBrace(glob, i);
      if (close > 0) {
        const options = splitTop(glob.slice(i + 1, close)).flatMap(expandBraces);
        const next: string[] = [];
        for (const o of out) for (const p of options) if (next.length < MAX_ALTERNATIVES) next.push(o + p);
        out = next;
        i = close + 1;
        continue;
      }
    }
    out = out.map((o) => o + c);
    i++;
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits on the commas that are not inside nested braces. */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

function compile(glob: string): Segment[] {
  const out: Segment[] = [];
  for (const seg of glob.split('/')) {
    if (seg === '**') {
      if (out[out.length - 1] !== 'globstar') out.push('globstar');
      continue;
    }
    const tokens: Token[] = [];
    for (let i = 0; i < seg.length; i++) {
      const c = seg[i];
      if (c === '\\' && i + 1 < seg.length) tokens.push({ kind: 'char', c: seg[++i] });
      else if (c === '*') {
        if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
      } else if (c === '?') tokens.push({ kind: 'any' });
      else if (c === '[') {
        const set = readSet(seg, i);
        if (set) {
          tokens.push(set.token);
          i = set.end;
        } else tokens.push({ kind: 'char', c });
      } else tokens.push({ kind: 'char', c });
    }
    out.push(tokens);
  }
  return out;
}

function readSet(seg: string, open: number): { token: Token; end: number } | undefined {
  let i = open + 1;
  const negated = seg[i] === '!' || seg[i] === '^';
  if (negated) i++;
  const items: (string | [string, string])[] = [];
  let first = true;
  for (; i < seg.length; i++) {
    let c = seg[i];
    if (c === ']' && !first) return { token: { kind: 'set', negated, items }, end: i };
    first = false;
    if (c === '\\' && i + 1 < seg.length) c = seg[++i];
    if (seg[i + 1] === '-' && i + 2 < seg.length && seg[i + 2] !== ']') {
      items.push([c, seg[i + 2]]);
      i += 2;
    } else items.push(c);
  }
  return undefined;
}

function matchOne(t: Token, c: string): boolean {
  if (t.kind === 'char') return t.c === c;
  if (t.kind === 'any') return true;
  if (t.kind === 'set') return t.negated !== t.items.some((x) => (typeof x === 'string' ? x === c : c >= x[0] && c <= x[1]));
  return false;
}

/**
 * One segment against one name: the usual two-pointer wildcard match, where a
 * mismatch returns only to the last star (earlier stars never need to move),
 * so the work is at most the name's length times the pattern's.
 */
function matchSegment(p: Token[], s: string): boolean {
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < s.length) {
    const t = p[pi];
    if (t && t.kind === 'star') {
      starP = pi++;
      starS = si;
    } else if (t && matchOne(t, s[si])) {
      pi++;
      si++;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else return false;
  }
  while (p[pi]?.kind === 'star') pi++;
  return pi === p.length;
}

/**
 * Segments against the path's segments. Between two globstars, a run of
 * segment patterns is placed at its first fit: a later fit leaves the rest of
 * the glob fewer segments, never more, so no other placement is tried.
 */
function matchSegments(glob: Segment[], path: string[]): boolean {
  // Runs of segment patterns separated by globstars.
  const runs: Token[][][] = [[]];
  for (const g of glob) {
    if (g === 'globstar') runs.push([]);
    else runs[runs.length - 1].push(g);
  }
  const fits = (run: Token[][], at: number) => run.every((p, k) => matchSegment(p, path[at + k]));
  if (runs.length === 1) return runs[0].length === path.length && fits(runs[0], 0);
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (first.length + last.length > path.length) return false;
  if (!fits(first, 0) || !fits(last, path.length - last.length)) return false;
  let at = first.length;
  const end = path.length - last.length;
  for (let r = 1; r < runs.length - 1; r++) {
    const run = runs[r];
    while (at + run.length <= end && !fits(run, at)) at++;
    if (at + run.length > end) return false;
    at += run.length;
  }
  return true;
}
