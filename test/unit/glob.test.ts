// The ignore-glob matcher (server/src/glob.ts): what each piece of syntax
// matches, and that matching is not a backtracking search (a pathological
// glob against long names answers at once; test/robust/hostile.test.ts runs
// the same through cable-lint).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandBraces, globMatcher } from '../../server/src/glob';

const yes = (g: string, ...paths: string[]) => paths.forEach((p) => assert.ok(globMatcher(g)(p), `${g} should match ${p}`));
const no = (g: string, ...paths: string[]) => paths.forEach((p) => assert.ok(!globMatcher(g)(p), `${g} should not match ${p}`));

test('* stays inside a segment; ** as a segment spans any number of them (none included)', () => {
  yes('*.txt', 'a.txt', '.hidden.txt', '.txt');
  no('*.txt', 'a/b.txt', 'a.txt.bak');
  yes('drafts/**', 'drafts/a.cable', 'drafts/x/y/z.txt', 'drafts');
  no('drafts/**', 'old/drafts/a.cable');
  yes('**/drafts/*.cable', 'drafts/a.cable', 'x/y/drafts/a.cable');
  no('**/drafts/*.cable', 'drafts/x/a.cable');
  yes('a/**/b/**/c', 'a/b/c', 'a/x/b/y/z/c', 'a/b/b/c');
  no('a/**/b/**/c', 'a/c', 'a/b/c/d', 'x/a/b/c');
  yes('**a**', 'banana', 'a'); // ** inside a segment is *
  no('**a**', 'x/a');
});

test('?, character sets, ranges, negated sets, escapes and braces', () => {
  yes('c?.txt', 'c1.txt', 'cX.txt');
  no('c?.txt', 'c.txt', 'c12.txt', 'c/.txt');
  yes('[ab]*.cable', 'a1.cable', 'b.cable');
  no('[ab]*.cable', 'c.cable');
  yes('[0-9][0-9].txt', '07.txt');
  no('[0-9][0-9].txt', '7a.txt');
  yes('[!x]*', 'a', 'y');
  no('[!x]*', 'x1');
  yes('\\*.txt', '*.txt');
  no('\\*.txt', 'a.txt');
  yes('{drafts,old}/*.{txt,cable}', 'drafts/a.txt', 'old/b.cable');
  no('{drafts,old}/*.{txt,cable}', 'new/a.txt', 'drafts/a.tel');
  assert.deepEqual(expandBraces('a{b,c{d,e}}f'), ['abf', 'acdf', 'acef']);
  assert.equal(expandBraces('{a,b}'.repeat(20)).length, 64, 'alternatives are capped');
  yes('{a', '{a'); // an unclosed brace is literal
});

test('pathological globs against long names and deep paths answer at once (no backtracking search)', () => {
  const long = 'a'.repeat(250);
  const deep = 'a/'.repeat(2000) + 'x.cable';
  const globs = [
    '**a**a**a**a**a**a**a**a**a**a**a**azz',
    '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*azz',
    '**/a/**/a/**/a/**/a/**/a/**/a/**/zz',
    '[ab]*[ab]*[ab]*[ab]*[ab]*[ab]*z',
  ];
  for (const g of globs) {
    const m = globMatcher(g);
    // Each of these would take longer than the test run with a backtracking matcher.
    assert.equal(m(long), false);
    assert.equal(m(deep), false);
  }
  assert.equal(globMatcher('**/a/**/a/**/x.cable')(deep), true);
});
