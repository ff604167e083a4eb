// The workspace index: reference ids, entries, resolving cites, who cites whom, symbols.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parse } from '../../server/src/parse';
import { CableIndex } from '../../server/src/workspace/cable-index';
import { buildIndex } from '../../server/src/workspace/build';
import { entryOf } from '../../server/src/workspace/entry';
import { citedHover, citesAt, resolveCites, searchCables } from '../../server/src/workspace/features';
import type { CableFiles } from '../../server/src/workspace/files';
import { nodeFiles } from '../../server/src/workspace/node-files';
import { idFromCable, idFromFileName, formatId, normalisePost } from '../../server/src/workspace/reference-id';
import { ROOT } from '../parse/fixtures';

const ARCHIVE = join(ROOT, 'test', 'fixtures', 'archive');
const uriOf = (name: string) => pathToFileURL(join(ARCHIVE, name)).href;
const read = (name: string) => readFileSync(join(ARCHIVE, name), 'utf8');

function archiveIndex(): CableIndex {
  const index = new CableIndex(2026);
  for (const name of readdirSync(ARCHIVE)) index.set(entryOf(uriOf(name), parse(read(name))));
  return index;
}

const id = (p: ReturnType<typeof idFromFileName>) => p && formatId(p);

test('reference id from the file name', () => {
  assert.equal(id(idFromFileName('/a/b/08BAKU146.txt')), '08BAKU146');
  assert.equal(id(idFromFileName('1975STATE012345')), '75STATE12345');
  assert.equal(idFromFileName('1975STATE012345')?.year, 1975);
  // A corpus cable of 1972 (test/fixtures/corpus/72TEHRAN1164.txt): two-digit years run from the 1950s.
  assert.equal(idFromFileName('72TEHRAN1164.txt')?.year, 1972);
  assert.equal(id(idFromFileName('09SECSTATE5.cable')), '09STATE5');
  assert.equal(idFromFileName('seed.cable'), undefined);
  assert.equal(idFromFileName('notes 2009.txt'), undefined);
});

test('reference id from the banner and the year; a draft has none', () => {
  const text = read('08THEHAGUE680.txt');
  assert.equal(id(idFromCable(parse(text))), '08THEHAGUE680');
  const noDtg = text.slice(text.indexOf('C O N F I D E N T I A L'));
  assert.equal(idFromCable(parse(noDtg)), undefined);
  assert.equal(entryOf('untitled:Untitled-1', parse(noDtg)).id, undefined);
  assert.equal(entryOf('file:///x/draft.cable', parse(text)).id, '08THEHAGUE680');
  assert.equal(normalisePost('Secstate'), 'STATE');
  assert.equal(normalisePost('USUN NEW YORK'), 'USUNNEWYORK');
});

test('an entry keeps the facts and no text', () => {
  const e = entryOf(uriOf('08STATE85678.txt'), parse(read('08STATE85678.txt')));
  assert.equal(e.id, '08STATE85678');
  assert.equal(e.subject, 'ACTION REQUEST: U.S. PROPOSAL FOR STRONG NAC STATEMENT CONDEMINING RUSSIAN ACTIONS IN GEORGIA');
  assert.equal(e.className, 'CONFIDENTIAL');
  assert.deepEqual(e.date, { year: 2008, month: 8, day: 11 });
  assert.deepEqual(e.tags, ['NATO', 'PARM', 'KCFE', 'RU', 'GG']);
  assert.deepEqual(e.anchor.start, { line: 5, character: 0 });
  const json = JSON.stringify(e);
  assert.ok(!json.includes('Laurendeau'), 'no cable text');
});

test('cites resolve: SECSTATE, run-together, lettered A), missing year = the citing year, or the year before', () => {
  const index = archiveIndex();
  const resolved = (name: string) => {
    const e = index.get(uriOf(name))!;
    return e.refs.map((r) => r.cites.flatMap((c) => index.resolve(e, c).map((t) => t.id)).join(','));
  };
  assert.deepEqual(resolved('08THEHAGUE680.txt'), ['08STATE85678']);
  assert.deepEqual(resolved('09BOGOTA1506.txt'), ['09BOGOTA1412', '09BOGOTA569']);
  assert.deepEqual(resolved('06BRASILIA875.txt'), ['', '05BRASILIA3130', '']);
  assert.deepEqual(resolved('08NEWDELHI581.txt'), ['', '08NEWDELHI454', '']);
  // 10REYKJAVIK3 (January 2010) cites REYKJAVIK 218 with no year: 2010's 218 cannot be cited yet; 2009's is.
  assert.deepEqual(resolved('10REYKJAVIK3.txt'), ['', '09REYKJAVIK218', '']);
});

test('who cites a cable, with the citing REF item', () => {
  const index = archiveIndex();
  const state = index.get(uriOf('08STATE85678.txt'))!;
  const citing = index.citing(state);
  assert.deepEqual(
    citing.map((c) => c.entry.id),
    ['08BUDAPEST807', '08THEHAGUE680'],
  );
  const hague = citing[1];
  assert.equal(read('08THEHAGUE680.txt').split('\n')[hague.ref.range.start.line].trim(), 'REF: SECSTATE 85678');
  assert.equal(index.citedByCount(state), 2);
  assert.equal(index.citedByCount(index.get(uriOf('08THEHAGUE680.txt'))!), 0);
  // Removing a citing cable updates the count.
  index.delete(uriOf('08BUDAPEST807.txt'));
  assert.equal(index.citedByCount(state), 1);
});

test('definition and hover from the citing cable: REF item, ref A, reftels B and C', () => {
  const index = archiveIndex();
  const text = read('08NEWDELHI581.txt');
  const cable = parse(text);
  const me = entryOf(uriOf('08NEWDELHI581.txt'), cable);
  const at = (s: string, k = 0) => text.indexOf(s) + k;
  assert.deepEqual(
    resolveCites(index, me, citesAt(cable, at('NEW DELHI 454', 3))).map((e) => e.id),
    ['08NEWDELHI454'],
  );
  assert.deepEqual(
    resolveCites(index, me, citesAt(cable, at('reftels B and C', 8))).map((e) => e.id),
    ['08NEWDELHI454'],
  );
  assert.deepEqual(
    resolveCites(index, me, citesAt(cable, at('Ref A demarche', 4))).map((e) => e.id),
    [],
  );
  const h = citedHover(index, me, cable, at('NEW DELHI 454', 3))!;
  assert.match(h.markdown, /^\*\*08NEWDELHI454\*\*: INDIA UNDECIDED ON KOSOVO INDEPENDENCE\n/);
  assert.match(h.markdown, /CONFIDENTIAL · 2008-02-12 · TAGS PREL UN UNMIK PGOV YI EU IN$/);
  assert.equal(citedHover(index, me, cable, at('SECSTATE 16319', 2)), undefined);
});

test('workspace symbols: by id, subject words and tag', () => {
  const index = archiveIndex();
  assert.deepEqual(
    searchCables(index, '08state').map((m) => m.name),
    ['08STATE85678'],
  );
  assert.deepEqual(
    searchCables(index, 'nac statem')
      .map((m) => m.name)
      .sort(),
    ['08BUDAPEST807', '08STATE85678', '08THEHAGUE680'],
  );
  assert.ok(searchCables(index, 'KCFE').some((m) => m.name === '08BUDAPEST807'));
  assert.deepEqual(searchCables(index, 'zzzz'), []);
  assert.equal(searchCables(index, '', 3).length, 3);
});

test('the index builds from a folder through the files interface, and skips what it is told to', async () => {
  const index = new CableIndex(2026);
  const progress: number[] = [];
  const n = await buildIndex(index, nodeFiles, [pathToFileURL(ARCHIVE).href], {
    skip: (u) => u.endsWith('09BOGOTA569.txt'),
    isOpen: () => false,
    cancelled: () => false,
    progress: (done) => progress.push(done),
  });
  assert.equal(n, readdirSync(ARCHIVE).length - 1);
  assert.equal(index.size, n);
  assert.equal(index.withId('09BOGOTA569').length, 0);
  assert.equal(progress[progress.length - 1], n);
  // A file system with nothing (a web build) gives an empty index; cancelling stops at once.
  const none: CableFiles = { async *list() {}, read: async () => undefined };
  assert.equal(
    await buildIndex(new CableIndex(), none, ['file:///x'], { skip: () => false, isOpen: () => false, cancelled: () => false }),
    0,
  );
  assert.equal(
    await buildIndex(new CableIndex(), nodeFiles, [pathToFileURL(ARCHIVE).href], {
      skip: () => false,
      isOpen: () => false,
      cancelled: () => true,
    }),
    undefined,
  );
});

test('a .txt that does not start like a cable (a shopping list) is not indexed; a .txt cable is', async () => {
  const { mkdtempSync, copyFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'cable-index-txt-'));
  try {
    copyFileSync(join(ROOT, 'test', 'workspace', 'txt', 'shopping-list.txt'), join(dir, 'shopping-list.txt'));
    copyFileSync(join(ARCHIVE, '08STATE85678.txt'), join(dir, '08STATE85678.txt'));
    copyFileSync(join(ARCHIVE, '08STATE85678.txt'), join(dir, 'draft.cable'));
    const index = new CableIndex(2026);
    await buildIndex(index, nodeFiles, [pathToFileURL(dir).href], { skip: () => false, isOpen: () => false, cancelled: () => false });
    assert.deepEqual([...index.entries()].map((e) => e.uri.slice(e.uri.lastIndexOf('/') + 1)).sort(), ['08STATE85678.txt', 'draft.cable']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
