import { joinList } from '../words';
import type { Artifact, Cable, Span } from '../model';
import { positionAt } from '../positions';
import { eolOf } from './edits';
import type { Edit, Fix, Rule } from './types';

// Structure: SUBJECT line, references between the body and the REF block,
// SUMMARY/COMMENT blocks, and text pasted from a web copy.

/** The first non-blank line, for findings about a cable that has almost nothing. */
function firstLine(cable: Cable): Span {
  const l = cable.lines.find((x) => x.text.trim() !== '');
  return l ? { start: l.start, end: l.end } : { start: 0, end: 0 };
}

const subjectMissing: Rule = {
  id: 'subject-missing',
  severity: 'warning',
  summary: 'The cable has no SUBJECT line.',
  check(ctx) {
    const { cable } = ctx;
    if (cable.subject) return;
    // Shown on the line the SUBJECT line should follow.
    const anchor: Span = cable.tags ?? cable.eo ?? cable.banner ?? firstLine(cable);
    const after = cable.tags ?? cable.eo;
    const fixes: Fix[] | undefined = after
      ? [
          {
            title: `Insert a SUBJECT line after the ${cable.tags ? 'TAGS' : 'E.O.'} line`,
            edits: [{ start: after.end, end: after.end, newText: `${eolOf(cable)}SUBJECT: ` }],
          },
        ]
      : undefined;
    ctx.report(
      anchor.start,
      anchor.end,
      'No SUBJECT line: after the TAGS line write `SUBJECT:` and a short title of what the cable is about.',
      fixes,
    );
  },
};

const list = (letters: string[]) => joinList(letters, 'and');

const refUndefined: Rule = {
  id: 'ref-undefined',
  severity: 'warning',
  summary: 'The body cites a reference ("ref C", "reftel") that the REF block does not define.',
  check(ctx) {
    const { cable } = ctx;
    const refs = cable.refs;
    const letters = (refs?.items ?? []).map((i) => i.letter).filter((l): l is string => l !== undefined);
    const defined = new Set(letters);
    for (const m of cable.refMentions) {
      if (m.letters.length === 0) {
        if (!refs)
          ctx.report(
            m.start,
            m.end,
            `"${m.text}" cites a reference, but the cable has no REF line: add \`REF:\` with the cable cited (e.g. \`REF: STATE 14840\`).`,
          );
        continue;
      }
      for (const l of m.letters) {
        const L = l.text.toUpperCase();
        let message: string | undefined;
        if (!refs) message = `Ref ${L} is cited, but the cable has no REF line: add \`REF: A. <cable>\`, one lettered item per reference.`;
        // Unlettered references (`REF: CARACAS 1374; CARACAS 1256`) are cited as A, B… in the order
        // listed, and a line can hold several: nothing to check against.
        else if (defined.size > 0 && !defined.has(L)) {
          message = `Ref ${L} is cited, but the REF block defines only ${list(letters)}: add REF ${L} or correct the letter.`;
        }
        if (message) ctx.report(l.start, l.end, message);
      }
    }
  },
};

const refLettering: Rule = {
  id: 'ref-lettering',
  severity: 'information',
  summary: 'REF items are not lettered A, B, C… in order.',
  check(ctx) {
    const items = ctx.cable.refs?.items ?? [];
    const lettered = items.filter((i) => i.letter !== undefined && i.marker !== undefined);
    if (lettered.length === 0) return;
    for (let k = 0; k < lettered.length; k++) {
      const item = lettered[k];
      const expected = String.fromCharCode(65 + k);
      if (item.letter === expected || k >= 26) continue;
      const marker = item.marker!;
      // The letter inside the marker (`B.`, `(B)`, `B)`): replace only that character.
      const at = marker.start + marker.text.search(/[A-Za-z]/);
      const letter = marker.text[at - marker.start];
      const newLetter = letter === letter.toLowerCase() ? expected.toLowerCase() : expected;
      ctx.report(
        marker.start,
        marker.end,
        `REF item ${k + 1} is lettered ${item.letter}; references are lettered A, B, C… in order, so this one should be ${expected}.`,
        [{ title: `Reletter as ${expected}`, edits: [{ start: at, end: at + 1, newText: newLetter }] }],
      );
      return; // one finding: the letters after it follow from this one
    }
  },
};

const blockUnclosed: Rule = {
  id: 'block-unclosed',
  severity: 'information',
  summary: 'A SUMMARY or COMMENT has no END marker, or an END marker has no opening.',
  check(ctx) {
    const { cable } = ctx;
    for (const b of cable.blocks) {
      const word = b.kind === 'summary' ? 'SUMMARY' : 'COMMENT';
      if (!b.open && b.close) {
        ctx.report(
          b.close.start,
          b.close.end,
          `"${b.close.text}" closes a ${word.toLowerCase()} that was never opened: start it with \`${word}:\` or remove the END marker.`,
        );
        continue;
      }
      if (!b.open || b.close || b.heading || b.parenthesized) continue;
      // A block opened in the last paragraph runs to the end of the text: nothing can be mistaken for it.
      const open = b.open;
      if (!cable.paragraphs.some((p) => p.start > open.start)) continue;
      ctx.report(
        open.start,
        open.end,
        `"${open.text}" opens a ${word.toLowerCase()} with no END ${word}: close it with \`END ${word}.\` so the reader knows where it stops.`,
      );
    }
  },
};

const ARTIFACT_NAME: Record<Artifact['kind'], string> = { anchor: 'paragraph anchor', 'tag-link': 'tag link', pilcrow: 'pilcrow' };

/** What an artifact becomes in a plain cable: nothing, or the tag code inside `[PREL](#)`. */
function stripEdit(cable: Cable, a: Artifact): Edit {
  if (a.kind === 'tag-link') {
    const tag = cable.tags?.tags.find((t) => t.wrapper && t.wrapper.start === a.start);
    const code = tag ? tag.text : a.text.slice(1, a.text.indexOf(']'));
    return { start: a.start, end: a.end, newText: code };
  }
  return { start: a.start, end: a.end, newText: '' };
}

const webArtifact: Rule = {
  id: 'web-artifact',
  severity: 'information',
  summary: 'Text pasted from a web copy: `[1](#)` anchors, `[PREL](#)` tag links, pilcrows.',
  check(ctx) {
    const { cable } = ctx;
    if (cable.artifacts.length === 0) return;
    const all: Fix = { title: 'Strip all web-copy artifacts', edits: cable.artifacts.map((a) => stripEdit(cable, a)) };
    // One finding per line: a line of six tag links is one problem, not six.
    const byLine = new Map<number, Artifact[]>();
    for (const a of cable.artifacts) {
      const n = positionAt(cable.lines, a.start).line;
      const group = byLine.get(n);
      if (group) group.push(a);
      else byLine.set(n, [a]);
    }
    for (const group of byLine.values()) {
      const first = group[0];
      const last = group[group.length - 1];
      const kinds = [...new Set(group.map((a) => a.kind))];
      const what = kinds.map((k) => `${ARTIFACT_NAME[k]}${group.filter((a) => a.kind === k).length > 1 ? 's' : ''}`).join(' and ');
      const example = first.kind === 'tag-link' ? `\`${first.text}\` for ${stripEdit(cable, first).newText}` : `\`${first.text}\``;
      const fixes: Fix[] = [
        { title: 'Strip the web-copy artifacts on this line', edits: group.map((a) => stripEdit(cable, a)), preferred: true },
      ];
      if (byLine.size > 1) fixes.push(all);
      ctx.report(first.start, last.end, `Web-copy ${what} (${example}): a cable is plain text; remove them.`, fixes);
    }
  },
};

export const structureRules: Rule[] = [subjectMissing, refUndefined, refLettering, blockUnclosed, webArtifact];
