// Edit distance, the one copy: suggestions for tags, portion markings and executive orders.

// Three rows of the table, reused: tag suggestions run for every unknown code on every keystroke.
let rows = [new Int32Array(16), new Int32Array(16), new Int32Array(16)];

/**
 * Levenshtein distance from a to b. With `swaps`, a swap of two neighbouring characters counts as
 * one edit (optimal string alignment: 12598 -> 12958 is 1). Past `limit` the answer is `limit + 1`
 * (the search stops early).
 */
export function editDistance(a: string, b: string, limit = Infinity, swaps = false): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0].length <= b.length) rows = [0, 1, 2].map(() => new Int32Array(b.length + 1));
  let [before, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const ca = a.charCodeAt(i - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      if (swaps && i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    // Without swaps a row's minimum never decreases further down the table.
    if (!swaps && best > limit) return limit + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  const d = prev[b.length];
  return d > limit ? limit + 1 : d;
}
