import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES } from '../rules/index';
import type { Severity } from '../rules/types';

// How findings are printed. Each file's findings are formatted where the file
// is checked (in a worker thread or not), so the output is the same with and
// without workers; the main thread adds what comes before the first file and
// after the last (brackets, the SARIF run, the summary by rule).

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface OutputFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

/** Everything a worker needs to format a file's findings (sent to each worker once). */
export interface Format {
  name: FormatName;
  /** Text: colour (decided once from the terminal, NO_COLOR and FORCE_COLOR). */
  color: boolean;
  /** Errors only in the output (the counts still include every finding). */
  quiet: boolean;
}

// ---- text ------------------------------------------------------------------------

const SGR = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  underline: '\x1b[4m',
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  cyan: '\x1b[36m',
};
const SEVERITY_COLOR: Record<Severity, string> = { error: SGR.red, warning: SGR.yellow, information: SGR.blue, hint: SGR.cyan };

/**
 * Colour for text output: FORCE_COLOR (other than 0 or false) turns it on, as it does for Node itself
 * (it wins over NO_COLOR); otherwise NO_COLOR (any non-empty value) turns it off; otherwise a terminal
 * on standard output has it.
 */
export function wantColor(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTty;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

const paint = (on: boolean, code: string, s: string) => (on ? code + s + SGR.reset : s);

/** One finding as compilers print it (editors and terminals jump to file:line:col). */
export function formatText(f: OutputFinding, color = false): string {
  return `${f.file}:${f.line}:${f.column}: ${paint(color, SEVERITY_COLOR[f.severity], f.severity)} ${paint(color, SGR.dim, f.rule)} ${f.message}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A file's block: a heading (the file and its counts), its findings, a blank line. */
function textBlock(file: string, findings: readonly OutputFinding[], color: boolean): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const parts = SEVERITY_ORDER.filter((s) => counts.get(s)).map((s) =>
    s === 'information' ? `${counts.get(s)} information` : plural(counts.get(s)!, s),
  );
  let out = `${paint(color, SGR.bold + SGR.underline, file)} (${parts.join(', ')})\n`;
  for (const f of findings) out += formatText(f, color) + '\n';
  return out + '\n';
}

/** The summary by rule after the last file: the count, the severity and the rule id, most frequent first. */
export function textSummary(byRule: ReadonlyMap<string, { severity: Severity; count: number }>, color: boolean): string {
  if (byRule.size === 0) return '';
  const rows = [...byRule].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const width = String(rows[0][1].count).length;
  let out = paint(color, SGR.bold, 'Findings by rule:') + '\n';
  for (const [rule, { severity, count }] of rows)
    out += `  ${String(count).padStart(width)}  ${paint(color, SEVERITY_COLOR[severity], severity.padEnd(11))} ${rule}\n`;
  return out;
}

// ---- GitHub workflow commands ------------------------------------------------------

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
// The runner's escaping: data loses %, CR and LF; properties also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`: an annotation on the line in a pull request. */
export function formatGithub(f: OutputFinding): string {
  const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(f.rule)}`;
  return `::${GITHUB_LEVEL[f.severity]} ${props}::${escapeData(f.message)}`;
}

// ---- SARIF 2.1.0 ---------------------------------------------------------------------

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RULE_INDEX = new Map(ALL_RULES.map((r, i) => [r.id, i]));

/** A file's path as a SARIF artifact URI: relative paths stay relative (to the folder cable-lint ran in), '/'-separated and percent-encoded. */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function sarifResult(f: OutputFinding): object {
  const index = RULE_INDEX.get(f.rule);
  return {
    ruleId: f.rule,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.file) },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
  };
}

/**
 * docs/rules.md as shipped beside the bundle (dist/../docs/rules.md, in the package and in a clone).
 * SARIF wants an absolute URI for helpUri, and the project has no web home: the link is to the file
 * that is there, on the machine that ran cable-lint.
 */
function rulesDoc(): string | undefined {
  for (const candidate of [join(__dirname, '..', 'docs', 'rules.md'), resolve(__dirname, '../../../../docs/rules.md')]) {
    if (existsSync(candidate)) return pathToFileURL(candidate).href;
  }
  return undefined;
}

/** Every rule of the registry, as SARIF reportingDescriptors (a result's ruleIndex points here). */
export function sarifRules(): object[] {
  const doc = rulesDoc();
  return ALL_RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    ...(doc ? { helpUri: `${doc}#${r.id}` } : {}),
    help: {
      text: `See docs/rules.md, section ${r.id}, in the cable-tools package.`,
      markdown: `See [docs/rules.md#${r.id}](docs/rules.md#${r.id}) in the cable-tools package.`,
    },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { family: r.family, severity: r.severity },
  }));
}

/** What comes before the first result: the log, its one run, the tool with every rule. */
export function sarifHead(version: string): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cable-lint', version, semanticVersion: version, rules: sarifRules() } },
        columnKind: 'utf16CodeUnits',
        results: ['\0'],
      },
    ],
  };
  const text = JSON.stringify(log, null, 2);
  return text.slice(0, text.indexOf('"\\u0000"')).trimEnd() + '\n';
}

/** What comes after the last result: the invocation (unsuccessful when a file could not be checked, with why). */
export function sarifTail(notifications: readonly string[]): string {
  const invocation = {
    executionSuccessful: notifications.length === 0,
    toolExecutionNotifications: notifications.map((text) => ({ level: 'error', message: { text } })),
  };
  const indented = JSON.stringify([invocation], null, 2).replace(/\n/g, '\n      ');
  return `\n      ],\n      "invocations": ${indented}\n    }\n  ]\n}\n`;
}

// ---- one file ----------------------------------------------------------------------

/**
 * A file's findings in the format: text lines (under the file's heading), JSON objects or SARIF results
 * joined by ",\n" (the caller adds the brackets and commas between files), or workflow commands.
 */
export function formatFile(file: string, findings: readonly OutputFinding[], format: Format): string {
  const shown = format.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  if (shown.length === 0) return '';
  switch (format.name) {
    case 'text':
      return textBlock(file, shown, format.color);
    case 'json':
      return shown.map((f) => JSON.stringify(f)).join(',\n');
    case 'sarif':
      return shown.map((f) => '        ' + JSON.stringify(sarifResult(f))).join(',\n');
    case 'github':
      return shown.map((f) => formatGithub(f) + '\n').join('');
  }
}
