import type { CableCite, CableDate, CalendarDate, Cable, DateSource } from '../model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A text edit in offsets of the parsed text (end exclusive). */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix: a title and the edits it makes. Fixes change only what they name. */
export interface Fix {
  title: string;
  edits: Edit[];
  /** True for the fix a client may apply without asking (the obvious one). */
  preferred?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes?: Fix[];
}

/** A cable of the workspace that a REF item cites (what the index knows of it). */
export interface CitedCable {
  /** Its reference id (`08STATE85678`). */
  id: string;
  /** Its date (the date-time group), when known. */
  date?: CalendarDate;
  /** Its year, from its date or its reference id. */
  year?: number;
}

/** The other cables, as the language server's workspace index knows them (cable-lint checks each file alone and gives none). */
export interface CitedCables {
  /** The cables of the workspace this cite names (none when it has no such cable). */
  cited(cite: CableCite): readonly CitedCable[];
}

export interface RuleContext {
  cable: Cable;
  /** The date the cable is checked against: the first day its evidence allows (cable-date.ts). */
  date: CalendarDate;
  /** Where `date` came from: the --date option or setting, the cable's text, its file name, or today (a draft). */
  dateSource: DateSource;
  /** The date with its precision and evidence: with a year only, a rule fires when it holds on every day of it. */
  dated: CableDate;
  /** Extra tag codes from the configuration (a post's own program tags), upper case. */
  extraTags: ReadonlySet<string>;
  /** The workspace's cables, when the caller knows them; rules about other cables do nothing without it. */
  cables?: CitedCables;
  /** Reports a finding over [start, end). The engine adds the rule's id and its configured severity. */
  report(start: number, end: number, message: string, fixes?: Fix[]): void;
}

export interface Rule {
  /** Stable id, used in configuration, output and docs/rules.md. */
  id: string;
  /** Default severity. */
  severity: Severity;
  /** One line: what the rule checks. */
  summary: string;
  /** Reports this rule's findings through ctx.report. */
  check(ctx: RuleContext): void;
}

/** A rule as registered in rules/index.ts: its family is the module that holds it. */
export interface RegisteredRule extends Rule {
  family: string;
}

/** A rule's configured level: a severity or 'off' (config file, settings, --rule). */
export function isSeverityOrOff(v: unknown): v is Severity | 'off' {
  return v === 'off' || (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v));
}
