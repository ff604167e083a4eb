import type { Cable, Span } from '../model';
import { inside, lastStartingAtOrBefore } from './context';

// Go to definition: from "ref A" or "reftel" in the body to the REF item.

export function definitionAt(cable: Cable, offset: number): Span[] {
  const m = lastStartingAtOrBefore(cable.refMentions, offset);
  const items = cable.refs?.items ?? [];
  if (!m || !(inside(m, offset) || offset === m.end) || items.length === 0) return [];
  if (m.letters.length === 0) return items.length === 1 ? [items[0]] : items.map((i) => ({ start: i.start, end: i.end }));
  // On one of several letters ("refs a and b"): that letter; on the word itself: all of them.
  const on = m.letters.find((l) => l.start <= offset && offset <= l.end);
  const wanted = (on ? [on] : m.letters).map((l) => l.text.toUpperCase());
  return items.filter((i) => i.letter !== undefined && wanted.includes(i.letter)).map((i) => ({ start: i.start, end: i.end }));
}
