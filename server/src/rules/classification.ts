import { describeDate, isCertain, sinceWords } from '../cable-date';
import { compareDates } from '../dates';
import { CLASSIFIED_BY_FROM, REASONS_1_4_FROM, SIX_DIGIT_SERIALS_FROM } from '../eras';
import { type Banner, type Cable, isClassified, type Level, LEVEL_NAME, LEVEL_RANK, type Marking } from '../model';
import { cableClassName, CLASS_WORDS, classWordOf, markingClassName } from '../parse/class-words';
import { eolOf, lineAt } from './edits';
import type { Edit, Fix, Rule, RuleContext } from './types';

// Classification: the banner, the security line, portion markings and Classified By.

const bannerMissing: Rule = {
  id: 'banner-missing',
  severity: 'error',
  summary: 'The cable has no classification line (banner).',
  check(ctx) {
    const { cable } = ctx;
    if (cable.banner) return;
    const first = cable.lines.find((l) => l.text.trim() !== '');
    const at = first ? first.start : 0;
    ctx.report(
      at,
      first ? first.end : 0,
      'No classification line: the first line of a cable must be its classification (UNCLAS, C O N F I D E N T I A L, S E C R E T ...) followed by the post and serial (5 FAH-2 H-222).',
    );
  },
};

/** The class words as the telegram system writes them (format doc §2), from the one vocabulary. */
const SPACED = Object.fromEntries(CLASS_WORDS.filter((w) => w.level !== 'SBU').map((w) => [w.level, w.spaced])) as Record<
  Exclude<Level, 'SBU'>,
  string
>;

/** The class words of a misspaced banner written as the telegram system writes them (also Format Document's). */
export function bannerSpacingEdit(b: Banner): Edit | undefined {
  if (!b.oddSpacing) return undefined;
  const want = b.level === 'U' ? (b.efto ? 'UNCLAS E F T O' : b.className) : classWordOf(b.classText.text).spaced;
  return { start: b.classText.start, end: b.classText.end, newText: want };
}

const bannerMalformed: Rule = {
  id: 'banner-malformed',
  severity: 'warning',
  summary: 'The banner is not `<CLASS> [SECTION nn OF mm] <POST> <6-digit serial>`, or its class words are misspaced.',
  check(ctx) {
    const b = ctx.cable.banner;
    if (!b) return;
    const respaced = bannerSpacingEdit(b);
    if (respaced) {
      const want = respaced.newText;
      ctx.report(
        b.classText.start,
        b.classText.end,
        `The class is written \`${b.classText.text}\`; write \`${want}\` (one space between the letters, as the telegram system does).`,
        [{ title: `Change to ${want}`, edits: [respaced], preferred: true }],
      );
    }
    if (b.section && (b.section.n < 1 || b.section.m < 1 || b.section.n > b.section.m)) {
      ctx.report(
        b.section.start,
        b.section.end,
        `\`${b.section.text}\` cannot be: the section number must be between 1 and the number of sections.`,
      );
    }
    if (b.year && b.post) {
      const cut = { start: b.year.start, end: b.post.start };
      ctx.report(
        b.year.start,
        b.year.end,
        `\`${b.year.text}\` before the post is not part of a banner (class, post, serial): write \`${b.post.text}\` right after the class.`,
        [{ title: `Remove ${b.year.text}`, edits: [{ ...cut, newText: '' }], preferred: true }],
      );
    }
    if (!b.post) {
      ctx.report(
        b.start,
        b.end,
        'The banner has no post and serial: write the class, then the post and the 6-digit serial, e.g. `C O N F I D E N T I A L BAKU 000146`.',
      );
    } else if (!b.serial) {
      ctx.report(
        b.post.start,
        b.post.end,
        `The banner has no serial after the post: write \`${b.post.text} 000123\` (6 digits, zero-padded).`,
      );
    } else if (b.serial.text.length !== 6 && compareDates(ctx.date, SIX_DIGIT_SERIALS_FROM) >= 0) {
      const fixes =
        b.serial.text.length < 6
          ? [
              {
                title: `Pad to ${b.serial.text.padStart(6, '0')}`,
                edits: [{ start: b.serial.start, end: b.serial.end, newText: b.serial.text.padStart(6, '0') }],
                preferred: true,
              },
            ]
          : undefined;
      ctx.report(
        b.serial.start,
        b.serial.end,
        `The serial \`${b.serial.text}\` has ${b.serial.text.length} digits; banner serials have 6, zero-padded (6,510 of 6,570 cables).${sinceWords('Six-digit serials are the form', SIX_DIGIT_SERIALS_FROM, ctx.dated)}`,
        fixes,
      );
    }
  },
};

/** Paragraph and subject markings with a classification level, in text order. */
function portions(cable: Cable): { marking: Marking & { level: Level }; where: string }[] {
  // A lower-case `(c)` in an upper-case cable is a list letter, not a marking.
  const lowerCopy = cable.banner !== undefined && /[a-z]/.test(cable.banner.classText.text);
  const out: { marking: Marking & { level: Level }; where: string }[] = [];
  const add = (m: Marking | undefined, where: string) => {
    if (m?.level && (lowerCopy || m.text === m.text.toUpperCase())) out.push({ marking: m as Marking & { level: Level }, where });
  };
  add(cable.subject?.marking, 'the subject');
  // A copy that repeats the cable (or quotes another one) restarts at paragraph 1: its markings are not this cable's.
  for (const p of cable.paragraphs) {
    if (p.restart) break;
    add(p.marking, `paragraph ${p.number.text}`);
  }
  return out;
}

const classMismatch: Rule = {
  id: 'class-mismatch',
  severity: 'error',
  summary: 'A portion marking (paragraph or subject) is above the banner: the banner must be at least the highest marking.',
  check(ctx) {
    const { cable } = ctx;
    const b = cable.banner;
    if (!b || !cable.level) return;
    const above = portions(cable).filter(
      (p) => LEVEL_RANK[p.marking.level] >= LEVEL_RANK.C && LEVEL_RANK[p.marking.level] > LEVEL_RANK[cable.level!],
    );
    if (above.length === 0) return;
    const top = above.reduce((a, p) => (LEVEL_RANK[p.marking.level] > LEVEL_RANK[a.marking.level] ? p : a));
    const line = lineAt(cable, top.marking.start).n + 1;
    const more = above.length > 1 ? ` (${above.length} portions are above the banner)` : '';
    const want = SPACED[top.marking.level as Exclude<Level, 'SBU'>];
    ctx.report(
      b.classText.start,
      b.classText.end,
      `The banner says ${cableClassName(cable)} but ${top.where} (line ${line}) is marked ${top.marking.text}${more}: the banner must be at least the highest portion marking, ${markingClassName(top.marking)} (ISOO marking rules).`,
      // Not preferred: lowering the marking (portion-mark-exceeds) may be the right fix instead.
      [{ title: `Raise the banner to ${want}`, edits: [{ start: b.classText.start, end: b.classText.end, newText: want }] }],
    );
  },
};

const bannerAbovePortions: Rule = {
  id: 'banner-above-portions',
  severity: 'warning',
  summary: 'Every paragraph is marked and none reaches the banner: the cable may be over-classified.',
  check(ctx) {
    const { cable } = ctx;
    const b = cable.banner;
    if (!b || !isClassified(cable.level)) return;
    // Only when the whole text is marked: two or more paragraphs, every one with a level.
    const first = cable.paragraphs.findIndex((p) => p.restart);
    const paras = first < 0 ? cable.paragraphs : cable.paragraphs.slice(0, first);
    if (paras.length < 2 || !paras.every((p) => p.marking?.level)) return;
    const marked = portions(cable);
    if (marked.length < paras.length) return;
    const top = marked.reduce((a, p) => (LEVEL_RANK[p.marking.level] > LEVEL_RANK[a.marking.level] ? p : a));
    if (LEVEL_RANK[top.marking.level] >= LEVEL_RANK[cable.level!]) return;
    const want = top.marking.level === 'U' || top.marking.level === 'SBU' ? undefined : SPACED[top.marking.level];
    ctx.report(
      b.classText.start,
      b.classText.end,
      `The banner says ${LEVEL_NAME[cable.level!]} but no portion is marked above ${top.marking.text} (${markingClassName(top.marking)}): the overall classification is the highest portion's (ISOO). Lower the banner or mark the ${LEVEL_NAME[cable.level!]} portions.`,
      want
        ? [{ title: `Lower the banner to ${want}`, edits: [{ start: b.classText.start, end: b.classText.end, newText: want }] }]
        : undefined,
    );
  },
};

const classifiedByMissing: Rule = {
  id: 'classified-by-missing',
  severity: 'error',
  summary: 'A classified cable has no `Classified By` line.',
  check(ctx) {
    const { cable } = ctx;
    if (cable.classifiedBy || !isClassified(cable.level) || !cable.banner) return;
    // The line comes with E.O. 12958 (1995); E.O. 12065 cables name the classifier on the E.O. line.
    if (compareDates(ctx.date, CLASSIFIED_BY_FROM) < 0) return;
    const section = compareDates(ctx.date, REASONS_1_4_FROM) < 0 ? '1.5' : '1.4';
    const template = `Classified By: [NAME, TITLE], reasons ${section} ([a-h])`;
    const eol = eolOf(cable);
    const first = cable.paragraphs[0];
    let at: { start: number; end: number };
    let edit: { start: number; end: number; newText: string };
    if (first) {
      const l = lineAt(cable, first.start);
      at = first.head;
      edit = { start: l.start, end: l.start, newText: template + eol + eol };
    } else {
      const last = [cable.refs, cable.subject, cable.tags, cable.eo, cable.banner].find((e) => e !== undefined)!;
      at = { start: cable.banner.classText.start, end: cable.banner.classText.end };
      const l = lineAt(cable, last.end);
      edit = { start: l.end, end: l.end, newText: eol + eol + template };
    }
    ctx.report(
      at.start,
      at.end,
      `No \`Classified By\` line: a ${LEVEL_NAME[cable.level!]} cable names, before paragraph 1, the officer who classified it and the reasons (${section} (a)-(h)) (5 FAH-1 H-24x).${sinceWords('The line is required', CLASSIFIED_BY_FROM, ctx.dated)}`,
      [{ title: 'Insert a Classified By line to fill in', edits: [edit] }],
    );
  },
};

const classifiedByReason: Rule = {
  id: 'classified-by-reason',
  severity: 'error',
  summary: 'The Classified By line gives no reason letters, or a letter outside (a)-(h) (1.4) or (a)-(g) (1.5).',
  check(ctx) {
    const cb = ctx.cable.classifiedBy;
    if (!cb || cb.derived) return;
    const sec15 = cb.section !== undefined && /5\s*$/.test(cb.section.text);
    if (cb.reasons.length === 0) {
      // A web copy cut short (`Classified By: Ambass...`) lost the reasons; there is nothing to judge.
      if (cb.body.text.trimEnd().endsWith('...')) return;
      const end = lineAt(ctx.cable, cb.start).end;
      ctx.report(
        cb.keyword.start,
        Math.max(cb.keyword.end, Math.min(end, cb.end)),
        `\`Classified By\` gives no reason: cite the classification reasons as letters, e.g. \`reasons ${cb.section?.text.trim() ?? '1.4'} (b) and (d)\` (E.O. 12958 as amended, sec. 1.4 (a)-(h)).`,
      );
      return;
    }
    const last = sec15 ? 'G' : 'H';
    for (const r of cb.reasons) {
      const up = r.text.toUpperCase();
      if (up >= 'A' && up <= last) continue;
      const why = sec15 && up === 'H' ? '(h) exists only in section 1.4, added in 2003' : `the reasons are (a) to (${last.toLowerCase()})`;
      ctx.report(
        r.start,
        r.end,
        `\`${r.text}\` is not a classification reason: ${why} (E.O. 12958${sec15 ? ' sec. 1.5' : ' as amended, sec. 1.4'}).`,
      );
    }
  },
};

/** A fix that depends on the cable's date is preferred (applied by fix-all) only when the date is certain. */
function certain(ctx: RuleContext, fixes: Fix[]): Fix[] {
  return fixes.map((f) => ({ ...f, preferred: f.preferred && isCertain(ctx.dated) }));
}

const classifiedBySection: Rule = {
  id: 'classified-by-section',
  severity: 'warning',
  summary: "The section cited for the reasons does not fit the cable's date (1.5 before 25 March 2003, 1.4 after), or none is cited.",
  check(ctx) {
    const cb = ctx.cable.classifiedBy;
    if (!cb || cb.derived || cb.reasons.length === 0) return;
    const before = compareDates(ctx.dated.first, REASONS_1_4_FROM) < 0;
    // A year or month that spans 25 March 2003 cannot say which section was right.
    if (before !== compareDates(ctx.dated.last, REASONS_1_4_FROM) < 0) return;
    const when = describeDate(ctx.dated);
    if (!cb.section) {
      const first = cb.reasons[0];
      ctx.report(
        first.start,
        first.end,
        `The reasons cite no section: write \`${before ? '1.5' : '1.4'} (${cb.reasons.map((r) => r.text.toLowerCase()).join(', ')})\` (E.O. 12958${before ? '' : ' as amended'}).`,
      );
      return;
    }
    const sec = cb.section;
    const five = /5\s*$/.test(sec.text);
    const fix = (n: string) => [{ title: `Cite section ${n}`, edits: [{ start: sec.start, end: sec.end, newText: n }], preferred: true }];
    if (five && !before) {
      ctx.report(
        sec.start,
        sec.end,
        `Section 1.5 was renumbered 1.4 by E.O. 13292 (25 March 2003): cite 1.4 (the cable's date is ${when}).`,
        certain(ctx, fix('1.4')),
      );
    } else if (!five && before) {
      ctx.report(
        sec.start,
        sec.end,
        `Before E.O. 13292 (25 March 2003) the reasons were section 1.5 of E.O. 12958: cite 1.5 (the cable's date is ${when}).`,
        certain(ctx, fix('1.5')),
      );
    }
    const h = cb.reasons.find((r) => r.text.toUpperCase() === 'H');
    if (h && before && !five) {
      ctx.report(
        h.start,
        h.end,
        `Reason (h), weapons of mass destruction, was added by E.O. 13292 (25 March 2003): a cable before it cannot cite it (the cable's date is ${when}).`,
      );
    }
  },
};

const classifiedByOnUnclassified: Rule = {
  id: 'classified-by-on-unclassified',
  severity: 'warning',
  summary: 'An unclassified cable has a `Classified By` line.',
  check(ctx) {
    const { cable } = ctx;
    const cb = cable.classifiedBy;
    if (!cb || !cable.level || isClassified(cable.level)) return;
    const first = lineAt(cable, cb.start);
    const last = lineAt(cable, cb.end);
    const next = cable.lines[last.n + 1];
    // Only a line of its own is removed whole; inside a paragraph just the words go.
    const whole = cable.text.slice(first.start, cb.start).trim() === '' && cable.text.slice(cb.end, last.end).trim() === '';
    const edit = whole
      ? { start: first.start, end: next ? next.start : last.end, newText: '' }
      : { start: cb.start, end: cb.end, newText: '' };
    ctx.report(
      cb.keyword.start,
      cb.keyword.end,
      `The banner says ${cableClassName(cable)} but the cable has a \`Classified By\` line: either the cable is classified (fix the banner) or the line goes.`,
      [{ title: 'Remove the Classified By line', edits: [edit] }],
    );
  },
};

const captionConflict: Rule = {
  id: 'caption-conflict',
  severity: 'error',
  summary: 'SIPDIS together with NODIS or EXDIS.',
  check(ctx) {
    const caps = ctx.cable.captions;
    if (!caps.some((c) => c.name === 'SIPDIS')) return;
    for (const c of caps) {
      if (c.name !== 'NODIS' && c.name !== 'EXDIS') continue;
      ctx.report(
        c.start,
        c.end,
        `${c.name} cannot go with SIPDIS: "SIPDIS messages may not carry other restrictive captions or caveats, such as NODIS or EXDIS" (05 STATE 226504). Drop one of them.`,
      );
    }
  },
};

export const classificationRules: Rule[] = [
  bannerMissing,
  bannerMalformed,
  classMismatch,
  bannerAbovePortions,
  classifiedByMissing,
  classifiedByReason,
  classifiedBySection,
  classifiedByOnUnclassified,
  captionConflict,
];
