// Where the rule documentation lives. Diagnostics link to `${RULES_DOC_URL}#<rule-id>`
// (docs/rules.md has one `### rule-id` heading per rule, so the anchor is the id).
export const REPOSITORY_URL = 'https://github.com/cable-tools/cable-tools';
export const RULES_DOC_URL = `${REPOSITORY_URL}/blob/main/docs/rules.md`;

export function ruleDocUrl(ruleId: string): string {
  return `${RULES_DOC_URL}#${ruleId}`;
}
