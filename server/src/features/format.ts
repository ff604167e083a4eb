import type { Cable, Span } from '../model';
import { bannerSpacingEdit } from '../rules/classification';
import { renumberParagraphs } from '../rules/paragraphs';
import type { Edit } from '../rules/types';

// Format Document: what is certain, without changing a word: the banner's letter
// spacing, the paragraph numbers 1..n, the spacing of the E.O. line, trailing
// white space. Edits stay inside lines, so the line ends (CRLF stays CRLF) and a
// byte-order mark are kept. The banner and the numbers are the rules' own fixes.

export interface FormatOptions {
  /** False leaves trailing white space (a client's `trimTrailingWhitespace: false`). */
  trimTrailingWhitespace?: boolean;
}

export function formatEdits(cable: Cable, opts: FormatOptions = {}): Edit[] {
  const edits: Edit[] = [];
  if (cable.banner) {
    // Spacing only: `SS E C R E T` → `S E C R E T` drops a letter, which the quick fix may do and formatting may not.
    const e = bannerSpacingEdit(cable.banner);
    if (e && letters(e.newText) === letters(cable.banner.classText.text)) edits.push(e);
  }
  edits.push(...eoSpacing(cable));
  // Numbers only where every paragraph is certainly one: each carries a portion marking. An
  // unmarked `16.` may be a line of a web copy that wrapped ("under the age of / 16. Juveniles").
  if (cable.paragraphs.every((p) => p.marking)) edits.push(...renumberParagraphs(cable));
  if (opts.trimTrailingWhitespace !== false) edits.push(...trailingWhitespace(cable));
  return apart(edits);
}

const isBlank = (c: string) => c === ' ' || c === '\t';
const letters = (s: string) => s.replace(/\s+/g, '');

/** `E.O.  12958 :DECL:  02/15/2018` → `E.O. 12958: DECL: 02/15/2018`: one space between the parts, none before a colon, one after. */
function eoSpacing(cable: Cable): Edit[] {
  const eo = cable.eo;
  if (!eo) return [];
  const { text } = cable;
  const decl = eo.decl;
  const declStart = decl.keyword ?? (decl.value.end > decl.value.start ? decl.value : undefined);
  const gaps: Span[] = [];
  if (eo.order) gaps.push({ start: eo.keyword.end, end: eo.order.start });
  if (declStart) gaps.push({ start: (eo.order ?? eo.keyword).end, end: declStart.start });
  if (decl.keyword && decl.value.end > decl.value.start) gaps.push({ start: decl.keyword.end, end: decl.value.start });
  const out: Edit[] = [];
  for (const g of gaps) {
    if (g.end < g.start) continue;
    const gap = text.slice(g.start, g.end);
    let want: string;
    // Only blanks, or blanks around one colon: anything else (a line break, a word) stays as written.
    const colon = gap.indexOf(':');
    if (colon < 0 && [...gap].every(isBlank)) want = ' ';
    else if (colon >= 0 && gap.indexOf(':', colon + 1) < 0 && [...(gap.slice(0, colon) + gap.slice(colon + 1))].every(isBlank)) want = ': ';
    else continue;
    if (gap !== want) out.push({ start: g.start, end: g.end, newText: want });
  }
  return out;
}

function trailingWhitespace(cable: Cable): Edit[] {
  const out: Edit[] = [];
  const { text } = cable;
  for (const line of cable.lines) {
    let s = line.end;
    while (s > line.start && isBlank(text[s - 1])) s--;
    if (s < line.end) out.push({ start: s, end: line.end, newText: '' });
  }
  return out;
}

/** In text order; an edit overlapping the one before is left out (they never should). */
function apart(edits: Edit[]): Edit[] {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.start < end || (e.start === end && e.start === e.end)) continue;
    out.push(e);
    end = e.end;
  }
  return out;
}
