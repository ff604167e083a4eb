// Shared helpers for the parser tests: where the fixtures are, and a generic
// walk over every element of a Cable that carries a range.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Cable, Span } from '../../server/src/model';

/** The project root (the folder holding package.json), found from this file (src or out/). */
function findRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'test', 'fixtures'))) return d;
    if (dirname(d) === d) throw new Error(`no project root above ${dir}`);
  }
}

export const ROOT = findRoot(__dirname);
export const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'corpus');
export const SEED_PATH = join(ROOT, 'examples', 'seed.cable');

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

/** Text of a corpus fixture, by id (`08ALGIERS85`) or file name. */
export function readCorpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name.endsWith('.txt') ? name : `${name}.txt`), 'utf8');
}

/** Every cable file in test/fixtures/corpus (other helpers add files too). */
export function corpusNames(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /\.(txt|cable)$/i.test(f))
    .sort();
}

export interface Located {
  path: string;
  span: Span & Record<string, unknown>;
}

/**
 * Every object inside the cable (except `text` and `lines`) that has numeric
 * `start` and `end`, with a path such as `header.info[2].ri`.
 */
export function spans(cable: Cable): Located[] {
  const out: Located[] = [];
  const visit = (v: unknown, path: string) => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push({ path, span: o as Span & Record<string, unknown> });
    for (const k of Object.keys(o)) if (k !== 'text' || typeof o[k] !== 'string') visit(o[k], path ? `${path}.${k}` : k);
  };
  const { text: _text, lines: _lines, ...rest } = cable;
  visit(rest, '');
  return out;
}

/** The part of the text an element covers. */
export function cut(cable: Cable, el: Span | undefined): string | undefined {
  return el ? cable.text.slice(el.start, el.end) : undefined;
}
