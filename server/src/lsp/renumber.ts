import type { Cable } from '../model';
import type { Edit } from '../rules/types';

// Placeholder until rules/paragraphs.ts exports renumberParagraphs.
export function renumberEdits(_cable: Cable): Edit[] {
  return [];
}
