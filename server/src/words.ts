// Words for messages, the one copy.

/** `a`, `a or b`, `a, b or c` (with `and` when asked). */
export function joinList(items: readonly string[], last: 'or' | 'and' = 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
