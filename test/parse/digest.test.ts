import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonical, computeDigests, fixturePaths, readDigests } from './digest';

describe('parse digest', () => {
  it('every fixture parses to the committed digest (npm run digest:update after an intended change)', () => {
    const committed = readDigests();
    const now = computeDigests();
    const changed = Object.keys(now).filter((p) => committed[p] !== now[p]);
    const gone = Object.keys(committed).filter((p) => !(p in now));
    assert.deepEqual({ changed, gone }, { changed: [], gone: [] });
  });

  it('covers the corpus fixtures, the seed and the grammar fixtures', () => {
    const paths = fixturePaths();
    assert.ok(paths.includes('examples/seed.cable'));
    assert.ok(paths.filter((p) => p.startsWith('test/fixtures/corpus/')).length >= 150);
    assert.ok(paths.some((p) => p.startsWith('test/fixtures/grammar/')));
  });

  it('serializes with sorted keys and without undefined properties', () => {
    assert.equal(canonical({ b: 1, a: { d: undefined, c: [2, { f: 1, e: 0 }] } }), '{"a":{"c":[2,{"e":0,"f":1}]},"b":1}');
  });
});
