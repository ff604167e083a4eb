// A static check on every regular expression literal in server/src: a group
// that holds an unbounded quantifier (*, +, {n,}) and is itself repeated is
// the shape that backtracks catastrophically ((a+)+, (\s*x)*). Each such
// literal must be reviewed and listed below with the reason it is linear.
// (Patterns built with new RegExp from strings are covered by the 1 MB tests
// in linear.test.ts instead.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../parse/fixtures';

/** Reviewed nested quantifiers: the pattern's source, and why it cannot blow up. */
const REVIEWED: Record<string, string> = {
  '^([ZOPRY]{2})((?:[ \\t]+R[A-Z0-9]{3,7})*)[ \\t]*$':
    'each repeat starts with blanks and a literal R, which the bounded code class before it cannot take: one way to split the line',
  '^R[A-Z0-9]{3,7}(?:[ \\t]+R[A-Z0-9]{3,7})*[ \\t]*$': 'as above',
  '[\\s,;.]*(?:(?:for|per|under|E\\.?O\\.?\\s*\\d{5}|r\\s?e\\s?a\\s{0,3}s\\s{0,3}o\\s{0,3}n\\s?s?|sections?|sec\\.?)[\\s,;:.]*)*$':
    'each repeat starts with a letter the separator class cannot match; run on at most 80 characters (parseReasons)',
};

interface Quantifier {
  unbounded: boolean;
  max: number;
  length: number;
}

function quantifierAt(src: string, i: number): Quantifier | undefined {
  const c = src[i];
  let q: Quantifier | undefined;
  if (c === '*' || c === '+') q = { unbounded: true, max: Infinity, length: 1 };
  else if (c === '?') q = { unbounded: false, max: 1, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,?)(\d*)\}/.exec(src.slice(i));
    if (m) q = { unbounded: m[2] === ',' && m[3] === '', max: m[3] ? Number(m[3]) : m[2] ? Infinity : Number(m[1]), length: m[0].length };
  }
  if (q && src[i + q.length] === '?') q.length++; // lazy: the same backtracking
  return q;
}

/** Groups of a pattern that contain an unbounded quantifier and are themselves repeated. */
export function nestedQuantifiers(src: string): string[] {
  const found: string[] = [];
  const stack: { start: number; unbounded: boolean }[] = [{ start: 0, unbounded: false }];
  const quantified = (i: number): number => {
    const q = quantifierAt(src, i);
    if (q?.unbounded) stack[stack.length - 1].unbounded = true;
    return i + (q?.length ?? 0);
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      i = quantified(i + 2);
    } else if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      i = quantified(j + 1);
    } else if (c === '(') {
      stack.push({ start: i, unbounded: false });
      i++;
    } else if (c === ')' && stack.length > 1) {
      const group = stack.pop()!;
      const q = quantifierAt(src, i + 1);
      const end = i + 1 + (q?.length ?? 0);
      if (group.unbounded && q && q.max > 1) found.push(src.slice(group.start, end));
      if (group.unbounded || q?.unbounded) stack[stack.length - 1].unbounded = true;
      i = end;
    } else {
      i = quantified(i + 1);
    }
  }
  return found;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && name !== 'reference.ts') out.push(p); // reference.ts: generated data, no patterns
  }
  return out;
}

function regexLiterals(file: string): { line: number; source: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { line: number; source: string }[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, source: lit.slice(1, lit.lastIndexOf('/')) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

test('the checker finds the shapes it is meant to find', () => {
  assert.deepEqual(nestedQuantifiers('(a+)+'), ['(a+)+']);
  assert.deepEqual(nestedQuantifiers('(?:\\s*x)*y'), ['(?:\\s*x)*']);
  assert.deepEqual(nestedQuantifiers('((?:ab)+c){2,}'), ['((?:ab)+c){2,}']);
  assert.deepEqual(nestedQuantifiers('(a+)?b'), []);
  assert.deepEqual(nestedQuantifiers('(?:[A-Z]{1,12}){0,6}'), []);
  assert.deepEqual(nestedQuantifiers('[(+*]\\(+x'), []);
});

test('every regular expression in server/src with a repeated unbounded group has been reviewed', () => {
  const unreviewed: string[] = [];
  let count = 0;
  for (const file of sources(join(ROOT, 'server', 'src'))) {
    for (const { line, source } of regexLiterals(file)) {
      count++;
      if (nestedQuantifiers(source).length && !REVIEWED[source]) unreviewed.push(`${relative(ROOT, file)}:${line} /${source}/`);
    }
  }
  assert.ok(count > 50, `only ${count} regular expressions found: is the scan broken?`);
  assert.deepEqual(unreviewed, [], 'review these (linear on 1 MB lines?) and list them in REVIEWED with the reason');
});
