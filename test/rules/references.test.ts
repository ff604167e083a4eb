// ref-cited-later: a REF item citing a cable of the workspace dated after the citing cable.
// The workspace is test/fixtures/archive (corpus cables that cite each other), indexed in memory.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parse } from '../../server/src/parse';
import { CableIndex } from '../../server/src/workspace/cable-index';
import { entryOf } from '../../server/src/workspace/entry';
import { citedCables } from '../../server/src/workspace/features';
import { ROOT } from '../parse/fixtures';
import { breakText, hits } from './lint-helpers';

const ARCHIVE = join(ROOT, 'test', 'fixtures', 'archive');
const uriOf = (name: string) => pathToFileURL(join(ARCHIVE, name)).href;
const read = (name: string) => readFileSync(join(ARCHIVE, name), 'utf8');

function archiveIndex(): CableIndex {
  const index = new CableIndex(2026);
  for (const name of readdirSync(ARCHIVE)) index.set(entryOf(uriOf(name), parse(read(name))));
  return index;
}

/** The rule's findings on `text` as the cable `name` of the workspace `index`. */
function later(index: CableIndex, name: string, text: string, date?: { year: number; month: number; day: number }) {
  return hits(text, 'ref-cited-later', { cables: citedCables(index, entryOf(uriOf(name), parse(text))), date });
}

test('fires: a copy of 08THEHAGUE680 dated the day before the cable it cites by year and serial', () => {
  const text = breakText(
    breakText(read('08THEHAGUE680.txt'), '111656Z AUG 08', '101656Z AUG 08'),
    'REF: SECSTATE 85678',
    'REF: 08 SECSTATE 85678',
  );
  const [h, ...rest] = later(archiveIndex(), '08THEHAGUE680.txt', text);
  assert.equal(rest.length, 0);
  assert.equal(h.covers, '08 SECSTATE 85678');
  assert.equal(h.finding.severity, 'warning');
  assert.equal(
    h.finding.message,
    "SECSTATE 85678 is 08STATE85678, dated 2008-08-11: after this cable's date (10 August 2008, from the date-time group O 101656Z AUG 08). A cable cannot cite a later one: check the year and the serial.",
  );
});

test('fires: a mistyped year names a cable of a later year in the workspace', () => {
  const index = archiveIndex();
  // A 2009 cable STATE 85678 in the folder (the 2008 one re-dated and renamed).
  const state09 = breakText(read('08STATE85678.txt'), '110547Z AUG 08', '110547Z AUG 09');
  index.set(entryOf(uriOf('09STATE85678.txt'), parse(state09)));
  const text = breakText(read('08THEHAGUE680.txt'), 'REF: SECSTATE 85678', 'REF: 09 SECSTATE 85678');
  const found = later(index, '08THEHAGUE680.txt', text);
  assert.deepEqual(
    found.map((h) => h.covers),
    ['09 SECSTATE 85678'],
  );
  assert.match(
    found[0].finding.message,
    /is 09STATE85678, dated 2009-08-11: after this cable's date \(11 August 2008, from the date-time group/,
  );
  // Checked against an earlier date (cable.date, --date), the date checked against is named.
  assert.match(
    later(archiveIndex(), '08THEHAGUE680.txt', read('08THEHAGUE680.txt'), { year: 2008, month: 8, day: 1 })[0].finding.message,
    /after this cable's date \(1 August 2008, from the --date option or the cable.date setting\)/,
  );
});

test('does not fire: the archive as it is, a cite without a year in January, a cable checked alone', () => {
  const index = archiveIndex();
  for (const name of readdirSync(ARCHIVE)) assert.deepEqual(later(index, name, read(name)), [], name);
  // 10REYKJAVIK3 (January 2010) cites REYKJAVIK 218: 2010's 218 would be later, so it is 2009's.
  const jan = read('10REYKJAVIK3.txt');
  index.set(entryOf(uriOf('10REYKJAVIK218.txt'), parse(breakText(read('09REYKJAVIK218.txt'), 'Z DEC 09', 'Z DEC 10'))));
  assert.deepEqual(later(index, '10REYKJAVIK3.txt', jan), []);
  const alone = breakText(
    breakText(read('08THEHAGUE680.txt'), '111656Z AUG 08', '101656Z AUG 08'),
    'REF: SECSTATE 85678',
    'REF: 08 SECSTATE 85678',
  );
  assert.deepEqual(hits(alone, 'ref-cited-later'), []);
});
