import type { Line } from './model';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** Converts an offset into a 0-based line and column (binary search over line starts). */
export function positionAt(lines: readonly Line[], offset: number): Position {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo];
  return { line: lo, character: Math.max(0, Math.min(offset, line.end) - line.start) };
}

/** Converts a 0-based line and column into an offset, clamped to the text. */
export function offsetAt(lines: readonly Line[], pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= lines.length) return lines[lines.length - 1].end;
  const line = lines[pos.line];
  return Math.min(line.start + Math.max(0, pos.character), line.end);
}
