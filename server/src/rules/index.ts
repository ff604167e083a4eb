import { classificationRules } from './classification';
import { eoRules } from './eo';
import { headerRules } from './header';
import { paragraphRules } from './paragraphs';
import { referenceRules } from './references';
import { structureRules } from './structure';
import { tagsRules } from './tags';
import type { RegisteredRule, Rule } from './types';

function family(name: string, rules: readonly Rule[]): RegisteredRule[] {
  return rules.map((rule) => ({ ...rule, family: name }));
}

/** Every rule, in the order of docs/rules.md. Each family lives in its own module, named here once. */
export const ALL_RULES: readonly RegisteredRule[] = [
  ...family('classification', classificationRules),
  ...family('eo', eoRules),
  ...family('header', headerRules),
  ...family('tags', tagsRules),
  ...family('structure', structureRules),
  ...family('references', referenceRules),
  ...family('paragraphs', paragraphRules),
];
