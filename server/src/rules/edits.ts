import type { Cable, Line } from '../model';
import { positionAt } from '../positions';

// Small helpers for rules that build fixes: where lines start and end, and
// which line break the cable uses (a fix must not mix LF into a CRLF file).

export function lineAt(cable: Cable, offset: number): Line {
  return cable.lines[positionAt(cable.lines, offset).line];
}

/** The cable's own line break: CRLF, CR or LF (LF for a one-line text). */
export function eolOf(cable: Cable): string {
  const first = cable.lines.length > 1 ? cable.lines[0] : undefined;
  if (!first) return '\n';
  const brk = cable.text.slice(first.end, cable.lines[1].start);
  return brk === '\r\n' || brk === '\r' ? brk : '\n';
}
