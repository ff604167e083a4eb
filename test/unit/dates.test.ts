import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoDate } from '../../server/src/dates';

test('parseIsoDate takes real YYYY-MM-DD dates only (the --date option and the cable.date setting)', () => {
  assert.deepEqual(parseIsoDate('2008-02-15'), { year: 2008, month: 2, day: 15 });
  assert.deepEqual(parseIsoDate(' 2008-02-29 '), { year: 2008, month: 2, day: 29 });
  for (const bad of ['2009-02-29', '2018-02-30', '2018-13-01', '2018-00-10', '2018-2-15', '02/15/2018', '', 'today']) {
    assert.equal(parseIsoDate(bad), undefined, bad);
  }
});
