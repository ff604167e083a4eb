// The shared utilities, each the one copy the rules, features, server and CLI use.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigCache } from '../../server/src/config';
import { daysInMonth, todayUtc } from '../../server/src/dates';
import { editDistance } from '../../server/src/edit-distance';
import { isSeverityOrOff } from '../../server/src/rules/types';
import { joinList } from '../../server/src/words';

test('editDistance: Levenshtein, neighbour swaps on request, a limit that stops early', () => {
  assert.equal(editDistance('PREL', 'PREL'), 0);
  assert.equal(editDistance('PRELL', 'PREL'), 1);
  assert.equal(editDistance('', 'ABC'), 3);
  assert.equal(editDistance('KITTEN', 'SITTING'), 3);
  assert.equal(editDistance('12598', '12958'), 2);
  assert.equal(editDistance('12598', '12958', Infinity, true), 1);
  assert.equal(editDistance('PERL', 'PREL', Infinity, true), 1);
  assert.equal(editDistance('ABCDEFGH', 'ZZZZZZZZ', 2), 3, 'past the limit: limit + 1');
  assert.equal(editDistance('A', 'ABCDE', 2), 3, 'lengths too far apart');
  // A long word after short ones (the reused rows grow).
  const long = 'X'.repeat(40);
  assert.equal(editDistance(long, long.slice(1) + 'Y'), 1);
  assert.equal(editDistance(long, 'Y' + long.slice(2) + 'Z'), 2);
});

test('daysInMonth and todayUtc', () => {
  assert.deepEqual(
    [1, 2, 4, 12].map((m) => daysInMonth(2023, m)),
    [31, 28, 30, 31],
  );
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  const t = todayUtc();
  const now = new Date();
  assert.equal(t.year, now.getUTCFullYear());
  assert.ok(t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= daysInMonth(t.year, t.month));
});

test('joinList', () => {
  assert.equal(joinList([]), '');
  assert.equal(joinList(['RS']), 'RS');
  assert.equal(joinList(['GG', 'GM']), 'GG or GM');
  assert.equal(joinList(['A', 'B', 'C'], 'and'), 'A, B and C');
});

test('isSeverityOrOff', () => {
  for (const v of ['error', 'warning', 'information', 'hint', 'off']) assert.ok(isSeverityOrOff(v), v);
  for (const v of ['fatal', 'Error', '', 1, null, undefined, {}]) assert.ok(!isSeverityOrOff(v), String(v));
});

test('ConfigCache: one read per config file; clear() reads the changed file again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-cfg-'));
  try {
    const cfg = join(dir, '.cablelintrc.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'tag-unknown': 'error' } }));
    const cache = new ConfigCache();
    const a = cache.for(join(dir, 'a.cable'));
    assert.equal(a.config.rules['tag-unknown'], 'error');
    assert.equal(cache.for(join(dir, 'b.cable')), a, 'the same folder: the same answer');
    writeFileSync(cfg, JSON.stringify({ rules: { 'tag-unknown': 'off' } }));
    assert.equal(cache.for(join(dir, 'a.cable')).config.rules['tag-unknown'], 'error', 'cached');
    cache.clear();
    assert.equal(cache.for(join(dir, 'a.cable')).config.rules['tag-unknown'], 'off');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
