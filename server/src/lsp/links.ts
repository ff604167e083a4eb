// Where the rule documentation lives: docs/rules.md, shipped inside the extension
// and the npm package (no web address: drafters of classified cables work offline).
// A diagnostic's codeDescription is `<docs/rules.md URI>#L<line>` of the rule's
// `### rule-id` heading, which VS Code opens in an editor at that line. The lines are
// read from docs/rules.md when the bundles are built (scripts/build.mjs).

declare const CABLE_RULE_DOC_LINES: Record<string, number> | undefined;

/** The 1-based line of each rule's heading in docs/rules.md. */
export const RULE_DOC_LINES: Readonly<Record<string, number>> =
  typeof CABLE_RULE_DOC_LINES === 'object' && CABLE_RULE_DOC_LINES ? CABLE_RULE_DOC_LINES : {};

/** The link to a rule's section in the rules document at `rulesDocument` (a URI). */
export function ruleDocHref(rulesDocument: string, ruleId: string): string {
  const line = RULE_DOC_LINES[ruleId];
  return line ? `${rulesDocument}#L${line}` : rulesDocument;
}
