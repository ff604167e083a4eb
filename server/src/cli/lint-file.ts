import { parse } from '../parse/index';
import { positionAt } from '../positions';
import { lint, type LintOptions } from '../rules/engine';
import type { Severity } from '../rules/types';

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

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Decodes a file's bytes: UTF-8 when valid, otherwise Latin-1 (older copies
 * of cables are Latin-1), so that no byte is lost or replaced.
 * Returns undefined for binary data (NUL bytes).
 */
export function decode(bytes: Buffer): string | undefined {
  if (bytes.indexOf(0) !== -1) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** Parses and lints one cable's text; positions are 1-based, as compilers print them. */
export function lintText(file: string, text: string, options: LintOptions): OutputFinding[] {
  const cable = parse(text);
  return lint(cable, options).map((f) => {
    const s = positionAt(cable.lines, f.start);
    const e = positionAt(cable.lines, f.end);
    return {
      file,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    };
  });
}

export function formatText(f: OutputFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}`;
}
