import type { RefMention, Token } from '../model';
import { skipSpace, token } from './lines';

// Mentions of REF items in the body: `ref a`, `refs A, B and C`, `(REF. A)`, `reftel`.

const REF_WORD = /\bREF(?:TEL)?S?\b/gi;

export function scanRefs(text: string, cs: number, ce: number, mentions: RefMention[]): void {
  const s = text.slice(cs, ce);
  REF_WORD.lastIndex = 0;
  for (let m = REF_WORD.exec(s); m; m = REF_WORD.exec(s)) {
    const at = cs + m.index;
    const word = m[0].toUpperCase();
    const letters: Token[] = [];
    let i = at + m[0].length;
    // `(REF. A)`: a full stop after the word, taken only when the letter is followed by `)`, `,`, `;` or the line end
    // ("as reported reftel. A new law" is a sentence).
    const dot = text[i] === '.';
    if (dot) i++;
    let lastEnd = i;
    for (;;) {
      let j = skipSpace(text, i, ce);
      const paren = text[j] === '(';
      if (paren) j++;
      const c = text[j];
      if (!c || !/[A-Za-z]/.test(c) || /[A-Za-z0-9]/.test(text[j + 1] ?? '')) break;
      if (dot && letters.length === 0 && j + 1 < ce && !/[),;]/.test(text[j + 1])) break;
      // A lower-case "a" after "ref" can be the article; only take it when a
      // marker-like context follows (end, punctuation, "and", another letter).
      letters.push(token(text, j, j + 1));
      i = j + 1;
      if (paren && text[i] === ')') i++;
      lastEnd = i;
      // `refs A, B and C`, `refs A/B`, and ranges `refs a-d` (both ends are kept).
      const sep = /^\s*(,|and\b|&|\/|-|\u2013|through\b|thru\b)\s*/i.exec(text.slice(i, Math.min(ce, i + 10)));
      if (!sep) break;
      i += sep[0].length;
    }
    if (letters.length === 0 && word !== 'REFTEL' && word !== 'REFTELS') continue;
    mentions.push(Object.assign(token(text, at, letters.length ? lastEnd : at + m[0].length), { letters }));
    REF_WORD.lastIndex = i - cs;
  }
}
