import type { Cable, Span } from '../model';
import { lineIndexAt } from './context';

// Folding ranges, in 0-based lines: the header, each paragraph, SUMMARY and
// COMMENT blocks, the REF list. Single-line elements do not fold.

export interface Fold {
  startLine: number;
  endLine: number;
  kind: 'header' | 'paragraph' | 'summary' | 'comment' | 'refs';
}

export function foldingRanges(cable: Cable): Fold[] {
  const out: Fold[] = [];
  const add = (s: Span | undefined, kind: Fold['kind']) => {
    if (!s || s.end <= s.start) return;
    const a = lineIndexAt(cable, s.start);
    const b = lineIndexAt(cable, Math.max(s.start, s.end - 1));
    if (b > a) out.push({ startLine: a, endLine: b, kind });
  };
  add(cable.header, 'header');
  add(cable.refs, 'refs');
  for (const p of cable.paragraphs) add(p, 'paragraph');
  for (const b of cable.blocks) add(b, b.kind);
  // Clients expect ranges in order of their start line.
  out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
  return out;
}
