// The cables of every decade before 2000 in test/fixtures/corpus, linted as a user's copy
// (text and file name): each parses and lints without a failure, and its error- and
// warning-level findings are the judged ones of docs/judging/<decade>.tsv. A finding judged
// right must fire; one judged wrong (listed for a fix in the judging notes) or a copy artifact
// may fire or not; any other finding fails until someone judges it and adds its row, so a
// change cannot silently bring back a false finding on an old cable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/parse';
import { positionAt } from '../../server/src/positions';
import { lint } from '../../server/src/rules/engine';
import { CORPUS_DIR, ROOT, corpusNames } from '../parse/fixtures';
import { TODAY } from './lint-helpers';

interface Judged {
  cable: string;
  rule: string;
  line: number;
  verdict: 'right' | 'artifact' | 'wrong';
}

const JUDGING = join(ROOT, 'docs', 'judging');

function judgedRows(): Judged[] {
  const rows: Judged[] = [];
  for (const f of readdirSync(JUDGING).filter((n) => n.endsWith('.tsv'))) {
    const [head, ...lines] = readFileSync(join(JUDGING, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const cols = head.split('\t');
    for (const l of lines) {
      const v = l.split('\t');
      const get = (c: string) => v[cols.indexOf(c)];
      rows.push({ cable: get('cable'), rule: get('rule'), line: Number(get('line')), verdict: get('verdict') as Judged['verdict'] });
    }
  }
  return rows;
}

/** The year of a fixture's reference id (its file name): `75TEHRAN2069`, `1975STATE133602`, `7575LIBREVILLE1895` -> 1975. */
function yearOf(name: string): number | undefined {
  const m = /^(19\d\d|20\d\d|\d{2})(?=\d*[A-Z])/.exec(name);
  if (!m) return undefined;
  const y = Number(m[1]);
  return m[1].length === 4 ? y : y >= 50 ? 1900 + y : 2000 + y;
}

const ERA_FIXTURES = corpusNames().filter((n) => (yearOf(n) ?? 2000) < 2000);

test('there are fixtures of the 1970s, 1980s and 1990s', () => {
  const decades = new Set(ERA_FIXTURES.map((n) => Math.floor((yearOf(n) ?? 0) / 10) * 10));
  for (const d of [1970, 1980, 1990]) assert.ok(decades.has(d), `no fixture of the ${d}s`);
  assert.ok(ERA_FIXTURES.length >= 20, `${ERA_FIXTURES.length} fixtures before 2000`);
});

test('every fixture before 2000 parses and lints without a failure', () => {
  for (const name of ERA_FIXTURES) {
    const path = join(CORPUS_DIR, name);
    const cable = parse(readFileSync(path, 'utf8'));
    const failures = lint(cable, { fileName: path, today: TODAY } as Parameters<typeof lint>[1]).filter((f) => f.rule === 'internal-error');
    assert.deepEqual(failures, [], name);
  }
});

test('the findings on each fixture before 2000 are the judged ones', () => {
  const rows = judgedRows();
  for (const name of ERA_FIXTURES) {
    const id = name.replace(/\.\w+$/, '');
    const path = join(CORPUS_DIR, name);
    const cable = parse(readFileSync(path, 'utf8'));
    const firing = lint(cable, { fileName: path, today: TODAY } as Parameters<typeof lint>[1])
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => `${f.rule}@${positionAt(cable.lines, f.start).line + 1}`);
    const mine = rows.filter((r) => r.cable === id);
    const judged = new Set(mine.map((r) => `${r.rule}@${r.line}`));
    const unjudged = [...new Set(firing.filter((k) => !judged.has(k)))];
    assert.deepEqual(
      unjudged,
      [],
      `${id}: findings nobody judged (judge them in docs/judging/<decade>.tsv; node scripts/judging.mjs findings --only ${id})`,
    );
    const lost = [...new Set(mine.filter((r) => r.verdict === 'right').map((r) => `${r.rule}@${r.line}`))].filter(
      (k) => !firing.includes(k),
    );
    assert.deepEqual(lost, [], `${id}: findings judged right no longer fire`);
  }
});
