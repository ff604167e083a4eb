import { cableDate, type DateOptions } from '../cable-date';
import type { Cable } from '../model';
import { FindingCollector } from './cap';
import { ALL_RULES } from './index';
import type { CitedCables, Finding, Fix, RegisteredRule, RuleContext, Severity } from './types';

/** The date options (--date, the file name, today for tests: cable-date.ts) and the rules' configuration. */
export interface LintOptions extends DateOptions {
  /** Per-rule severity or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  extraTags?: readonly string[];
  /** The other cables of the workspace (its index), for rules about the cables a REF cites. */
  cables?: CitedCables;
  /** At most this many findings are kept (then one says how many more); default MAX_FINDINGS. */
  maxFindings?: number;
}

export function ruleById(id: string): RegisteredRule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

/** Runs every enabled rule over a parsed cable. Findings come back sorted by position (at most maxFindings, see cap.ts). */
export function lint(cable: Cable, options: LintOptions = {}): Finding[] {
  const findings = new FindingCollector(options.maxFindings);
  const dated = cableDate(cable, options);
  const extraTags = new Set((options.extraTags ?? []).map((t) => t.toUpperCase()));
  for (const rule of ALL_RULES) {
    const configured = options.rules?.[rule.id];
    if (configured === 'off') continue;
    const severity = configured ?? rule.severity;
    const ctx: RuleContext = {
      cable,
      date: dated.first,
      dateSource: dated.source,
      dated,
      extraTags,
      cables: options.cables,
      report(start: number, end: number, message: string, fixes?: Fix[]) {
        findings.add({ rule: rule.id, severity, message, start, end: Math.max(start, end), fixes });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule that fails must not take the others down; say so where the user will see it.
      findings.add({
        rule: 'internal-error',
        severity: 'error',
        message: `rule ${rule.id} failed: ${(e as Error).message}`,
        start: 0,
        end: 0,
      });
    }
  }
  return findings.result();
}
