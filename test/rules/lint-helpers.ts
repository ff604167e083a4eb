// Helpers for rule tests: lint a text, pick one rule's findings with their
// 1-based lines, break a real cable the way a drafter would, apply a fix.
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/features/fixall';
import { parse } from '../../server/src/parse';
import { positionAt } from '../../server/src/positions';
import { lint, type LintOptions } from '../../server/src/rules/engine';
import type { Finding, Fix } from '../../server/src/rules/types';

export interface Hit {
  /** 1-based line of the finding's start. */
  line: number;
  finding: Finding;
  /** The text the finding covers. */
  covers: string;
}

/** A fixed "today" so that drafts without a date-time group give the same results every day. */
export const TODAY = { year: 2009, month: 6, day: 1 };

export function hits(text: string, rule: string, options: LintOptions = {}): Hit[] {
  const cable = parse(text);
  return lint(cable, { today: TODAY, ...options })
    .filter((f) => f.rule === rule)
    .map((f) => ({ line: positionAt(cable.lines, f.start).line + 1, finding: f, covers: text.slice(f.start, f.end) }));
}

export function allFindings(text: string, options: LintOptions = {}): Finding[] {
  return lint(parse(text), { today: TODAY, ...options });
}

/** 1-based line of the first occurrence of `needle` (which must occur). */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" is not in the text`);
  return text.slice(0, i).split(/\r\n|\r|\n/).length;
}

/** Replaces the first occurrence of `from` (which must occur): one drafter's mistake. */
export function breakText(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  assert.ok(i >= 0, `"${from}" is not in the text`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** Deletes the whole line holding `needle`, with its line break. */
export function deleteLine(text: string, needle: string): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" is not in the text`);
  const s = text.lastIndexOf('\n', i) + 1;
  const e = text.indexOf('\n', i);
  return text.slice(0, s) + (e < 0 ? '' : text.slice(e + 1));
}

/** Applies a fix's edits (offsets into `text`), last edit first. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The one finding of `rule`, asserting there is exactly one. */
export function only(text: string, rule: string, options: LintOptions = {}): Hit {
  const h = hits(text, rule, options);
  assert.equal(
    h.length,
    1,
    `${rule}: expected one finding, got ${h.length}: ${h.map((x) => `${x.line}: ${x.finding.message}`).join(' | ')}`,
  );
  return h[0];
}
