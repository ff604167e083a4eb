import type { Cable } from '../model';
import { renumberParagraphs } from '../rules/paragraphs';
import type { Edit } from '../rules/types';

/** Edits that number the paragraphs 1..n (the rules' own renumbering, so the quick fix and the command agree). */
export function renumberEdits(cable: Cable): Edit[] {
  return renumberParagraphs(cable);
}
