// Semantic tokens from the parse: what the grammar cannot know, on real cables and broken variants.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken } from '../../server/src/features/semantic-tokens';
import { corpus, corpusNames, load, off, ROOT, seed } from './util';

/** `type[.modifier...] text` for each token. */
function show(text: string, tokens: SemanticToken[]): string[] {
  return tokens.map((t) => [t.type, ...t.modifiers].join('.') + ' ' + text.slice(t.start, t.end));
}

function tokensOf(text: string): string[] {
  return show(text, semanticTokens(load(text).cable));
}

test('seed: tags by kind, the subject on both its lines, REF items and cites, the reasons, markings by level, ref a/b', () => {
  assert.deepEqual(tokensOf(seed()), [
    'type.subject PREL',
    'type.subject PBTS',
    'type.geographic GG',
    'type.geographic RU',
    'type.geographic YI',
    'type.geographic AJ',
    'string DEMARCHE DELIVERED: AZERBAIJANI REACTION TO',
    'string POSSIBLE RUSSIAN RECOGNITION OF KOSOVO',
    'enumMember.declaration A.',
    'namespace STATE',
    'number 14840',
    'enumMember.declaration B.',
    'namespace BAKU',
    'number 129',
    'number.reason b',
    'number.reason d',
    'enumMember.confidential (C)',
    'keyword ref',
    'enumMember a',
    'enumMember.confidential (C)',
    'keyword ref',
    'enumMember b',
    'enumMember.confidential (C)',
  ]);
});

test('a SUBJECT continuation line and reason letters wrapped onto their own line (09PARIS1007)', () => {
  const text = corpus('09PARIS1007.txt');
  const t = tokensOf(text);
  assert.ok(t.includes('string STEPS'), 'the continuation line of the subject');
  // `(B) AND (D).` opens a line: reasons, not sub-paragraph letters nor markings.
  const wrapped = semanticTokens(load(text).cable).filter(
    (k) => k.start >= off(text, '(B) AND (D)') && k.end <= off(text, '(B) AND (D)', 11),
  );
  assert.deepEqual(show(text, wrapped), ['number.reason (B)', 'number.reason (D)']);
});

test('wrapped TAGS lines get their tags by kind (06PARTO9, 09LONDON2622)', () => {
  const text = corpus('06PARTO9.txt');
  const t = tokensOf(text);
  assert.ok(t.includes('type.geographic SY') && t.includes('type.geographic IS'), t.join('\n'));
  assert.ok(t.includes('type.subject OVIP') && t.includes('type.program KISL'));
  const l = tokensOf(corpus('09LONDON2622.txt'));
  for (const code of ['FR', 'RS', 'CH', 'UK']) assert.ok(l.includes(`type.geographic ${code}`), code);
});

test('an (A)(B)(C) list inside a paragraph: (C) is a list letter, not a CONFIDENTIAL marking', () => {
  const text = corpus('09PARIS1007.txt').replace(
    'July 21.  According',
    'July 21.\n(A) the settlements;\n(B) the border;\n(C) the conference.\nAccording',
  );
  const tokens = semanticTokens(load(text).cable);
  const at = (needle: string) =>
    show(
      text,
      tokens.filter((k) => k.start === off(text, needle)),
    );
  assert.deepEqual([at('(A) the'), at('(B) the'), at('(C) the')], [['number (A)'], ['number (B)'], ['number (C)']]);
  // The paragraph marking `(C)` itself stays a CONFIDENTIAL marking.
  assert.deepEqual(at('(C) Summary'), ['enumMember.confidential (C)']);
});

test('markings of every level, with caveats, and unknown ones', () => {
  const text = seed().replace('1. (C)', '1. (S//NF)').replace('2. (C)', '2. (U)').replace('3. (C)', '3. (X)');
  const t = tokensOf(text);
  assert.ok(t.includes('enumMember.secret (S//NF)'));
  assert.ok(t.includes('enumMember.unclassified (U)'));
  assert.ok(!t.some((x) => x.endsWith('(X)') && x.includes('.')), 'an unknown marking has no level');
});

test('a range gives the tokens that touch it', () => {
  const { text, cable } = load(seed());
  const all = semanticTokens(cable);
  const range = { start: off(text, 'REF:'), end: off(text, 'Classified By') };
  const part = semanticTokens(cable, range);
  assert.deepEqual(
    part,
    all.filter((t) => t.end > range.start && t.start < range.end),
  );
  assert.deepEqual(show(text, part).slice(0, 2), ['enumMember.declaration A.', 'namespace STATE']);
});

test('every fixture, LF and CRLF: tokens in order, apart, on one line each, inside the text', () => {
  for (const name of corpusNames()) {
    for (const text of [corpus(name), corpus(name).replace(/\r?\n/g, '\r\n')]) {
      const tokens = semanticTokens(load(text).cable);
      let end = 0;
      for (const t of tokens) {
        assert.ok(t.start >= end && t.end > t.start && t.end <= text.length, `${name}: ${JSON.stringify(t)}`);
        assert.ok(!/[\r\n]/.test(text.slice(t.start, t.end)), `${name}: a token crosses a line end`);
        end = t.end;
      }
    }
  }
});

test('garbage, a half-typed cable and an empty text give tokens without throwing', () => {
  for (const text of ['', '\uFEFF', 'TAGS:', 'SUBJECT: (C', 'REF: A.', '1. (', '\u0000\u0001((((', 'Classified By: 1.4 (\n(b']) {
    assert.doesNotThrow(() => semanticTokens(load(text).cable), JSON.stringify(text));
  }
});

test('package.json declares every custom modifier, and its scope map names the core types and grammar scopes', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const grammar = readFileSync(join(ROOT, 'syntaxes/cable.tmLanguage.json'), 'utf8');
  const declared = pkg.contributes.semanticTokenModifiers.map((m: { id: string }) => m.id);
  assert.deepEqual(
    declared,
    TOKEN_MODIFIERS.filter((m) => m !== 'declaration'),
  );
  const [entry] = pkg.contributes.semanticTokenScopes;
  assert.equal(entry.language, 'cable');
  for (const [selector, scopes] of Object.entries(entry.scopes as Record<string, string[]>)) {
    const [type, ...mods] = selector.split('.');
    assert.ok((TOKEN_TYPES as readonly string[]).includes(type), selector);
    for (const m of mods) assert.ok((TOKEN_MODIFIERS as readonly string[]).includes(m), selector);
    for (const s of scopes) assert.ok(grammar.includes(`"${s}"`), `${selector}: ${s} is a scope of the grammar`);
  }
  assert.equal(pkg.contributes.configurationDefaults['[cable]']['editor.semanticHighlighting.enabled'], true);
});
