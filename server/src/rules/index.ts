import { classificationRules } from './classification';
import { eoRules } from './eo';
import { headerRules } from './header';
import { paragraphRules } from './paragraphs';
import { structureRules } from './structure';
import { tagsRules } from './tags';
import type { Rule } from './types';

/** Every rule, in the order of docs/rules.md. Each family lives in its own module. */
export const ALL_RULES: readonly Rule[] = [...classificationRules, ...eoRules, ...headerRules, ...tagsRules, ...structureRules, ...paragraphRules];
