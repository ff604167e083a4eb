// Fixtures for the feature tests: the seed cable and corpus cables copied into test/fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { featureContext, type FeatureContext } from '../../server/src/features/context';
import type { Cable, CalendarDate } from '../../server/src/model';
import { parse } from '../../server/src/parse/index';

function findRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'test', 'fixtures'))) return d;
    if (dirname(d) === d) throw new Error(`no project root above ${dir}`);
  }
}

export const ROOT = findRoot(__dirname);
export const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

export function seed(): string {
  return readFileSync(join(ROOT, 'examples', 'seed.cable'), 'utf8');
}

export function corpus(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

export function corpusNames(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => /\.(txt|cable)$/.test(f))
    .sort();
}

export function load(
  text: string,
  opts: { date?: CalendarDate; today?: CalendarDate; extraTags?: string[] } = {},
): { text: string; cable: Cable; ctx: FeatureContext } {
  const cable = parse(text);
  return { text, cable, ctx: featureContext(cable, { today: { year: 2026, month: 1, day: 15 }, ...opts }) };
}

/** Offset of the n-th (0-based) occurrence of needle, plus delta. */
export function off(text: string, needle: string, delta = 0, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" (#${nth}) not found`);
  }
  return i + delta;
}
