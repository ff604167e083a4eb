// The parse digest: a hash of everything parse() returns for every cable
// fixture in the project, so that a change to the parser's output cannot pass
// unnoticed. test/parse/digest.json holds the digests of main's parser;
// `npm run digest:update` rewrites it (do that only when a change of output is
// intended, and say why in the commit).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from '../../server/src/parse';
import { ROOT } from './fixtures';

export const DIGEST_PATH = join(ROOT, 'test', 'parse', 'digest.json');
const FIXTURE_DIRS = ['examples', 'test'];
const CABLE_FILE = /\.(cable|tel|txt)$/i;

/** Cable fixtures: `.cable`, `.tel`, `.txt` files, and the extension-less files editors detect by their first line. */
export function fixturePaths(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (CABLE_FILE.test(e.name) || !e.name.includes('.')) out.push(relative(ROOT, p).split(sep).join('/'));
    }
  };
  for (const d of FIXTURE_DIRS) walk(join(ROOT, d));
  return out.sort();
}

/** JSON with keys sorted at every level; undefined properties are left out, as JSON.stringify does. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) sorted[k] = o[k];
    return sorted;
  });
}

export function digestOf(text: string): string {
  return createHash('sha256')
    .update(canonical(parse(text)))
    .digest('hex');
}

/** Fixture path -> digest of its parse, for every fixture. */
export function computeDigests(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of fixturePaths()) out[p] = digestOf(readFileSync(join(ROOT, p), 'utf8'));
  return out;
}

export function readDigests(): Record<string, string> {
  return JSON.parse(readFileSync(DIGEST_PATH, 'utf8')) as Record<string, string>;
}
