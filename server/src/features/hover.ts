import { describeDate } from '../cable-date';
import { cableClassName, classWordOf, isLou, LOU } from '../parse/class-words';
import { analyzeParagraphs } from '../analysis/paragraphs';
import { analyzeTags, readCode, yearsOf, type CableYears, type TagReading } from '../analysis/tags';
import { allPosts, lookupRoutingIndicator, nearestTags, type PostEntry, type Seen } from '../data/index';
import { LISTS_FROM } from '../data/reference';
import { addYears, compareDates, dateInWords, yearsBetween } from '../dates';
import {
  acceptedInEra,
  AMENDING_ORDER,
  E_O_12958,
  exemptionMeaning,
  inForceWords,
  orderInForce,
  orderOf,
  ordersOfForm,
  REASONS_1_4_FROM,
  SCHEDULES,
} from '../eras';
import {
  LEVEL_NAME,
  LEVEL_RANK,
  type Addressee,
  type Cable,
  type CalendarDate,
  type Decl,
  type Marking,
  type Span,
  type Token,
} from '../model';
import { inside, lastStartingAtOrBefore, type FeatureContext } from './context';
import {
  CAPTION_MEANING,
  LEVEL_MEANING,
  OPERATING_SIGNALS,
  PRECEDENCE_LETTERS,
  PRECEDENCE_WORDS,
  REASONS,
  SECURITY_LETTERS,
  caveatMeaning,
  statusWords,
} from './glossary';

// Hover: what the code under the cursor means. Every position comes from the
// parse; this module only looks up and explains.

export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

type Found = HoverResult | undefined;

/** Inline code that cannot be broken by the text it shows. */
export function code(s: string): string {
  return '`' + s.replace(/`/g, "'").replace(/\s+/g, ' ') + '`';
}

function hit(s: Span, markdown: string): HoverResult {
  return { markdown, start: s.start, end: s.end };
}

export function hoverAt(cable: Cable, offset: number, ctx: FeatureContext): HoverResult | undefined {
  if (offset < 0 || offset > cable.text.length) return undefined;
  return (
    hoverHeader(cable, offset, ctx) ??
    hoverBanner(cable, offset, ctx) ??
    hoverCaptions(cable, offset) ??
    hoverEo(cable, offset, ctx) ??
    hoverTags(cable, offset, ctx) ??
    hoverSubject(cable, offset) ??
    hoverRefs(cable, offset) ??
    hoverClassifiedBy(cable, offset, ctx) ??
    hoverBody(cable, offset)
  );
}

// ---- transmission header -----------------------------------------------------

function hoverHeader(cable: Cable, offset: number, ctx: FeatureContext): Found {
  const h = cable.header;
  if (!h || offset < h.start || offset >= h.end) return undefined;
  if (inside(h.vzczc, offset)) {
    const v = h.vzczc!;
    return hit(
      v,
      `${code(v.text)}: transmission identifier (format line 1). \`V\` starts the transmission, \`ZCZC\` the message; ` +
        (v.trigraph ? `\`${v.trigraph}\` is the channel designator` : 'no channel designator') +
        (v.sequence
          ? `, \`${v.sequence}\` the channel sequence number${/^0+$/.test(v.sequence) ? ' (all zeros: a placeholder, inferred)' : ''}.`
          : '.'),
    );
  }
  const pl = h.prosignLine;
  if (pl) {
    if (inside(pl.prosign, offset)) return hit(pl.prosign, prosignText(pl.prosign.text));
    for (const r of pl.routing) if (inside(r, offset)) return hit(r, riText(r.text, 'routing indicator of a relay or destination station'));
  }
  const de = h.de;
  if (de && inside(de, offset)) {
    if (inside(de.keyword, offset))
      return hit(de.keyword, '`DE` ("from"): the originating station, the station serial number and the filing time (format line 3).');
    if (inside(de.station, offset)) return hit(de.station, riText(de.station.text, 'originating station'));
    if (inside(de.serial, offset))
      return hit(
        de.serial,
        `${code('#' + de.serial.text)}: station serial number; it equals the cable's number modulo 10,000 (99.9% of real cables).`,
      );
    if (de.section && inside(de.section, offset))
      return hit(de.section, `${code('/' + de.section.text)}: section number of a cable sent in several sections.`);
    if (inside(de.julian, offset)) return hit(de.julian, julianText(de.julian, cable, ctx));
  }
  const sec = h.security;
  if (sec && inside(sec, offset)) {
    if (inside(sec.keyword, offset)) {
      const k = sec.keyword.text.toUpperCase();
      const what = k === 'ZNR' ? 'unclassified traffic' : k === 'ZNY' ? 'classified or EFTO traffic' : 'security prosign';
      return hit(
        sec.keyword,
        `${code(sec.keyword.text)}: security line (format line 4), ${what}. \`ZNR\` goes with UNCLAS, \`ZNY\` with CONFIDENTIAL, SECRET and EFTO.`,
      );
    }
    if (inside(sec.group, offset)) {
      const g = sec.group.text.toUpperCase();
      const level = SECURITY_LETTERS[sec.letter.toUpperCase()] ?? 'an unknown classification letter';
      let md = `${code(sec.group.text)}: classification group: **${level}**.`;
      if (/^[A-Z]{3}[A-Z]{2}$/.test(g) && g.slice(3) !== g[0].repeat(2))
        md += ` The last two letters (\`${g.slice(3)}\`) are a transmission release code (A Australia, B Britain, C Canada, ...; cable2graph).`;
      return hit(sec.group, md);
    }
    if (sec.trailer && inside(sec.trailer, offset)) return hit(sec.trailer, signalsText(sec.trailer.text));
  }
  const dtg = h.dtg;
  if (dtg && inside(dtg, offset)) {
    for (let i = 0; i < dtg.precedence.length; i++) {
      const p = dtg.precedence[i];
      if (inside(p, offset)) {
        const role = dtg.precedence.length > 1 ? (i === 0 ? 'action precedence' : 'information precedence') : 'precedence';
        return hit(p, `${code(p.text)}: ${role}, **${PRECEDENCE_LETTERS[p.text.toUpperCase()] ?? 'unknown letter'}**.`);
      }
    }
    if (inside(dtg.group, offset)) {
      const when = dtg.valid
        ? `**${dateInWords({ year: dtg.year, month: dtg.month, day: dtg.day })}, ${pad(dtg.hour)}:${pad(dtg.minute)} UTC**`
        : '**not a valid date and time** (the day must exist in the month, hours 00-23, minutes 00-59)';
      return hit(dtg.group, `${code(dtg.group.text)}: date-time group (DDHHMMZ MON YY, Z = UTC): ${when}. This is the cable's date.`);
    }
    if (dtg.trailer && inside(dtg.trailer, offset)) return hit(dtg.trailer, signalsText(dtg.trailer.text));
  }
  for (const a of [...(h.from ? [h.from] : []), ...h.to, ...h.info]) {
    if (inside(a, offset)) return addresseeHover(a, offset, h.from === a ? 'FM' : h.to.includes(a) ? 'TO' : 'INFO');
  }
  return undefined;
}

function prosignText(p: string): string {
  const letters = p.toUpperCase().split('');
  const names = letters.map((l) => PRECEDENCE_LETTERS[l] ?? 'unknown');
  const what = letters[0] === letters[1] ? `**${names[0]}**` : names.map((n, i) => `\`${letters[i]}\` ${n}`).join(', ');
  return `${code(p)}: precedence prosign (format line 2): ${what}. The highest precedence among the addressees sets it.`;
}

function riText(ri: string, role: string): string {
  const post = lookupRoutingIndicator(ri);
  if (!post) return `${code(ri)}: ${role}; a routing indicator not in the list of posts.`;
  return `${code(ri)}: routing indicator of **${post.plad ?? post.acp117 ?? post.shortForm}**${postDetail(post)}. Here: ${role}.`;
}

function postDetail(post: PostEntry): string {
  const parts: string[] = [];
  if (post.shortForm) parts.push(`short form ${code(post.shortForm)}`);
  if (post.acp117 && post.acp117 !== post.plad) parts.push(`ACP 117: ${post.acp117}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

function signalsText(t: string): string {
  const known = t
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((w) => OPERATING_SIGNALS[w])
    .map((w) => `\`${w}\` ${OPERATING_SIGNALS[w]}`);
  return `${code(t)}: operating signals${known.length ? ': ' + known.join('; ') : ''} (meanings from cable2graph's comments, not an official text).`;
}

function julianText(j: Token, cable: Cable, ctx: FeatureContext): string {
  if (!/^\d{7}$/.test(j.text)) return `${code(j.text)}: filing time (should be DDDHHMM: day of the year, hour, minute).`;
  const day = Number(j.text.slice(0, 3));
  const hh = Number(j.text.slice(3, 5));
  const mm = Number(j.text.slice(5, 7));
  const year = cable.header?.dtg?.year ?? ctx.date.year;
  const d = new Date(Date.UTC(year, 0, day));
  let md = `${code(j.text)}: filing time, Julian DDDHHMM: day ${day} of the year, ${pad(hh)}:${pad(mm)} UTC`;
  if (day >= 1 && day <= 366 && d.getUTCFullYear() === year && hh <= 23 && mm <= 59) {
    md += ` = **${dateInWords({ year, month: d.getUTCMonth() + 1, day: d.getUTCDate() })}, ${pad(hh)}:${pad(mm)} UTC**`;
    const dtg = cable.header?.dtg;
    if (dtg?.valid) {
      const diff = (Date.UTC(year, 0, day, hh, mm) - Date.UTC(dtg.year, dtg.month - 1, dtg.day, dtg.hour, dtg.minute)) / 60000;
      md +=
        diff === 0
          ? ', the same as the date-time group'
          : `, ${Math.abs(diff)} minutes ${diff > 0 ? 'after' : 'before'} the date-time group`;
    }
    md += '.';
  } else {
    md += ': **not a valid day or time**.';
  }
  return md;
}

let postsByPlad: Map<string, PostEntry[]> | undefined;
function postsForPlad(plad: string): PostEntry[] {
  if (!postsByPlad) {
    postsByPlad = new Map();
    for (const p of allPosts()) {
      if (!p.plad) continue;
      const list = postsByPlad.get(p.plad) ?? [];
      list.push(p);
      postsByPlad.set(p.plad, list);
    }
  }
  return postsByPlad.get(plad.toUpperCase().replace(/\s+/g, ' ')) ?? [];
}

function addresseeHover(a: Addressee, offset: number, list: 'FM' | 'TO' | 'INFO'): Found {
  const role = { FM: 'originator', TO: 'action addressee', INFO: 'information addressee' }[list];
  if (a.keyword && inside(a.keyword, offset)) {
    const what = { FM: 'the originator', TO: 'the action addressees, one per line', INFO: 'the information addressees, one per line' }[
      list
    ];
    return hit(a.keyword, `${code(a.keyword.text)}: ${what} (format lines 6 to 8). Each is \`RI/PLAD [PRECEDENCE] [NNNN]\`.`);
  }
  if (a.ri && inside(a.ri, offset)) return hit(a.ri, riText(a.ri.text, role));
  if (a.plad && inside(a.plad, offset)) {
    const posts = postsForPlad(a.plad.text);
    const ris = posts.map((p) => code(p.ri)).join(', ');
    return hit(a.plad, `${code(a.plad.text)}: plain-language address (PLAD) of the ${role}${ris ? `; routing indicator ${ris}` : ''}.`);
  }
  if (a.precedence && inside(a.precedence, offset)) {
    const w = a.precedence.text.toUpperCase().replace(/\s+/g, ' ');
    return hit(a.precedence, `${code(a.precedence.text)}: precedence for this addressee: ${PRECEDENCE_WORDS[w] ?? 'unknown'}.`);
  }
  if (a.serial && inside(a.serial, offset))
    return hit(a.serial, `${code(a.serial.text)}: sequence number of the message for this addressee (MCN, inferred).`);
  return undefined;
}

// ---- banner and captions -------------------------------------------------------

function hoverBanner(cable: Cable, offset: number, ctx: FeatureContext): Found {
  const b = cable.banner;
  if (!b || offset < b.start || offset >= b.end) return undefined;
  if (inside(b.classText, offset)) {
    let md = `${code(b.classText.text)}: classification line (banner): the cable is **${b.className}**`;
    const word = classWordOf(b.classText.text);
    md += word.meaning ? ` — ${word.meaning}.` : b.level === 'U' ? ` — ${LEVEL_MEANING.U}.` : ` — ${LEVEL_MEANING[b.level]}.`;
    if (b.efto) md += ' EFTO: Encrypt For Transmission Only.';
    if (b.level === 'U' && cable.level === 'SBU') {
      md += isLou(cable)
        ? ` With its LIMITED OFFICIAL USE caption it is an **LOU** cable — ${LOU.meaning}.`
        : ' With its SENSITIVE caption it is a **SENSITIVE BUT UNCLASSIFIED** cable.';
    }
    md +=
      '\n\nThe banner must be at least the highest portion marking (ISOO); the first line of a telegram is its classification (5 FAH-2 H-222).';
    if (b.spaced && !b.oddSpacing) md += ' Written letter-spaced, as the telegram system does.';
    return hit(b.classText, md);
  }
  if (b.section && inside(b.section, offset))
    return hit(b.section, `${code(b.section.text)}: section ${b.section.n} of ${b.section.m} of a cable sent in several transmissions.`);
  if (b.post && inside(b.post, offset)) {
    const post = allPosts().find((p) => p.shortForm === b.post!.text.toUpperCase());
    return hit(
      b.post,
      `${code(b.post.text)}: the post that sent the cable${post ? ` (**${post.plad ?? post.acp117}**, routing indicator ${code(post.ri)})` : ''}.`,
    );
  }
  if (b.serial && inside(b.serial, offset)) {
    const year = (cable.date ?? ctx.date).year;
    const id = b.post
      ? `${String(year % 100).padStart(2, '0')}${b.post.text.toUpperCase().replace(/\s+/g, '')}${b.serial.text.replace(/^0+(?=\d)/, '')}`
      : undefined;
    return hit(
      b.serial,
      `${code(b.serial.text)}: the cable's serial number at its post (zero-padded to 6 digits)${id ? `; the cable ID is ${code(id)}` : ''}.`,
    );
  }
  return undefined;
}

function hoverCaptions(cable: Cable, offset: number): Found {
  for (const c of cable.captions) {
    if (inside(c, offset)) return hit(c, `${code(c.text)}: caption: ${CAPTION_MEANING[c.name] ?? 'a handling or distribution caption'}.`);
  }
  for (const p of cable.passing) {
    if (inside(p, offset)) return hit(p, `${code(p.text)}: passing line: the offices or agencies the cable is for or should be passed to.`);
  }
  return undefined;
}

// ---- E.O. line -----------------------------------------------------------------

function dateSourceWords(ctx: FeatureContext): string {
  return `the cable's date (${describeDate(ctx.dated)})`;
}

function governs(order: string, d: CalendarDate): boolean {
  return orderOf(order) === orderInForce(d);
}

function hoverEo(cable: Cable, offset: number, ctx: FeatureContext): Found {
  const eo = cable.eo;
  if (!eo || offset < eo.start || offset >= eo.end) return undefined;
  const governing = orderInForce(ctx.date).order;
  if (inside(eo.keyword, offset)) {
    return hit(
      eo.keyword,
      `${code(eo.keyword.text)}: Executive Order: the order that governs the cable's classification, then its declassification instruction.`,
    );
  }
  if (eo.order && inside(eo.order, offset)) {
    const o = orderOf(eo.order.text);
    if (!o)
      return hit(
        eo.order,
        `${code(eo.order.text)}: **not an executive order on classification**. On ${dateSourceWords(ctx)} classification was governed by E.O. ${governing}.`,
      );
    let md = `**E.O. ${o.order}**${eo.order.text === AMENDING_ORDER ? ` (E.O. ${AMENDING_ORDER} amended it)` : ''}: ${inForceWords(o)}. Declassification: ${o.decl}.`;
    if (o.order === '12958') md += ' Reasons are cited as section 1.5 before the 2003 amendment, 1.4 after it.';
    md += governs(eo.order.text, ctx.date)
      ? `\n\nIt governed classification on ${dateSourceWords(ctx)}.`
      : `\n\nOn ${dateSourceWords(ctx)} classification was governed by E.O. ${governing}, not this order.`;
    return hit(eo.order, md);
  }
  const decl = eo.decl;
  if (decl.keyword && inside(decl.keyword, offset))
    return hit(decl.keyword, `${code(decl.keyword.text)}: "declassify on": when the information may be declassified.`);
  if (offset < decl.start) return undefined;
  const span = decl.value.end > decl.value.start && inside(decl.value, offset) ? decl.value : decl;
  const order = orderOf(eo.order?.text)?.order ?? governing;
  const v = decl.value.text;
  const old = hoverOldForm(decl, offset, eo.order?.text, ctx);
  if (old) return old;
  switch (decl.kind) {
    case 'date': {
      const d = decl.date!;
      if (!d.valid) return hit(span, `${code(v)}: **not a real calendar date**. Write the date as MM/DD/YYYY (E.O. 12958) or YYYY/MM/DD.`);
      return hit(span, declDateText(v, d, d.form, ctx, order));
    }
    case 'na':
      return hit(
        span,
        `${code(v)}: not applicable: the cable is unclassified and has no declassification date.${cable.level && LEVEL_RANK[cable.level] >= LEVEL_RANK.C ? ' **This cable is classified**: it needs a DECL date.' : ''}`,
      );
    case 'oadr': {
      const o12356 = orderOf('12356')!;
      let md = `${code(v)}: Originating Agency's Determination Required, the indefinite marking of E.O. 12356 (${inForceWords(o12356)}).`;
      if (!acceptedInEra('oadr', orderOf(eo.order?.text), ctx.dated.first, ctx.dated.last))
        md += `\n\n**Not an instruction of E.O. ${order}**, which requires ${orderOf(order)!.classifiedForm}.`;
      return hit(span, md);
    }
    case 'exemption':
      return hit(span, `${code(v)}: ${exemptionMeaning(v)}.`);
    case 'downgrade':
      return hit(span, `${code(v)}: downgrade instruction (\`DNG: CO date\` = downgrade to CONFIDENTIAL on that date).`);
    case 'event':
      return hit(span, `${code(v)}: declassify on an event rather than a date.`);
    case 'empty':
      return hit(
        span,
        `No declassification instruction. A classified cable needs \`DECL: <date>\`, by default 10 years after its date; an unclassified one \`N/A\`.`,
      );
    default:
      return hit(span, `${code(v)}: not a declassification instruction in a standard form (\`DECL: MM/DD/YYYY\`, \`N/A\`).`);
  }
}

/** The parts of an E.O. 11652 or 12065 instruction (`GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P`), or undefined for today's forms. */
function hoverOldForm(decl: Decl, offset: number, cited: string | undefined, ctx: FeatureContext): Found {
  const sched = decl.schedule && SCHEDULES[/^[A-Za-z]+/.exec(decl.schedule.text)![0].toUpperCase()];
  if (!sched && !decl.classifier) return undefined;
  const era = sched ? ordersOfForm(sched.form) : 'E.O. 12065';
  if (decl.classifier && inside(decl.classifier, offset))
    return hit(decl.classifier, `${code(decl.classifier.text)}: the official who classified the cable, named on the E.O. line (${era}).`);
  if (decl.office && inside(decl.office, offset))
    return hit(decl.office, `${code(decl.office.text)}: the office symbol of the classifier's office (${era}).`);
  if (decl.dateText && decl.date && inside(decl.dateText, offset)) {
    const when = decl.date.valid ? `**${dateInWords(decl.date)}**` : '**not a real calendar date**';
    const what =
      decl.kind === 'rds'
        ? 'reviewed for declassification on'
        : decl.kind === 'xds' || decl.kind === 'date'
          ? 'the date given:'
          : 'declassified on';
    return hit(decl.dateText, `${code(decl.dateText.text)}: ${what} ${when} (${era}).`);
  }
  // The schedule word, else the whole instruction (the blanks between its parts too).
  const span = decl.schedule && inside(decl.schedule, offset) ? decl.schedule : inside(decl.value, offset) ? decl.value : decl;
  if (!sched) return hit(span, `${code(decl.value.text)}: a date with the classifier in parentheses, a form of E.O. 12065.`);
  let md = `${code(span === decl.schedule ? decl.schedule.text : decl.value.text)}: ${sched.meaning}.`;
  if (decl.category) md += ` Category ${decl.category.text}.`;
  if (decl.classifier) md += ' Under E.O. 12065 the date, the classifier and the office symbol follow.';
  // Outside its era the line needs the form of its own order (decl-missing says so on a classified cable).
  if (!acceptedInEra(sched.form, orderOf(cited), ctx.dated.first, ctx.dated.last)) {
    const era = orderOf(cited) ?? orderInForce(ctx.date);
    const why = orderOf(cited) ? 'the order on the line' : `in force on ${dateSourceWords(ctx)}`;
    md += `\n\n**Not an instruction of E.O. ${era.order}** (${why}): its form is ${era.classifiedForm}.`;
  }
  return hit(span, md);
}

function declDateText(v: string, d: CalendarDate, form: string, ctx: FeatureContext, order: string): string {
  let md = `${code(v)}: declassify on **${dateInWords(d)}**`;
  const base = ctx.date;
  const src = dateSourceWords(ctx);
  if (compareDates(d, base) <= 0) {
    md += `, **on or before** ${src}: the date has to be in the future.`;
  } else {
    const y = yearsBetween(base, d);
    const anniversary = addYears(base, y);
    const extraDays = Math.round(
      (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(anniversary.year, anniversary.month - 1, anniversary.day)) / 86400000,
    );
    const span =
      extraDays === 0
        ? `exactly ${y} year${y === 1 ? '' : 's'}`
        : y === 0
          ? `${extraDays} days`
          : `${y} year${y === 1 ? '' : 's'} and ${extraDays} day${extraDays === 1 ? '' : 's'}`;
    md += `, ${span} after ${src}, under E.O. ${order}`;
    // The 10-year default and the 25-year limit are E.O. 12958's and 13526's (eras.ts); E.O. 12356 set neither.
    const limits = order >= E_O_12958.order;
    if (limits && extraDays === 0 && y === 10) md += ' (10 years is the default duration)';
    else if (limits && extraDays === 0 && y === 25) md += ' (25 years is the longest without an exemption)';
    else if (limits && (y > 25 || (y === 25 && extraDays > 0))) md += ' (**more than 25 years**: only with an exemption)';
    md += '.';
  }
  if (form !== 'other')
    md += ` Written ${form}${form === 'MM/DD/YYYY' ? ', the form of E.O. 12958 cables' : form === 'YYYY/MM/DD' ? ', the form of the later drafting system' : ''}.`;
  return md;
}

// ---- TAGS, SUBJECT, REF, Classified By ---------------------------------------------

/** The hover text of one tag code alone (completion documentation); the TAGS line's hover reads the analysis. */
export function tagDoc(code0: string, extraTags: ReadonlySet<string> = new Set(), years?: CableYears): string {
  return readingDoc(code0, readCode(code0, extraTags, years), extraTags);
}

function seenWords(seen: Seen | undefined): string {
  if (!seen) return '';
  return ` Seen on the TAGS lines of ${seen.cables} corpus cable${seen.cables > 1 ? 's' : ''} of ${seen.from === seen.to ? seen.from : `${seen.from}-${seen.to}`}.`;
}

/** What a word of the TAGS line is, from its reading (analysis/tags.ts): the rules report from the same reading. */
function readingDoc(code0: string, r: TagReading, extraTags: ReadonlySet<string>): string {
  const c = code0.toUpperCase();
  switch (r.kind) {
    case 'extra':
      return `${code(c)}: a tag from your configuration (\`extraTags\`).`;
    case 'subject':
    case 'program':
    case 'era': {
      const e = r.entry;
      const kind = r.kind === 'program' ? 'program tag (K-tag)' : `subject tag${e?.category ? ` (${e.category})` : ''}`;
      const person =
        r.kind === 'subject' && r.person ? ' The name of the person it concerns follows it on the TAGS line (1974 TAGS manual cable).' : '';
      const era = e?.era
        ? r.kind === 'era'
          ? ` **A tag of an earlier era**: on cables up to ${e.era.to}, in no list from ${e.era.gone} on; not one for a cable of ${r.year}.`
          : ` A tag of its era: on cables up to ${e.era.to}, in no list from ${e.era.gone} on.`
        : '';
      const status = e ? `\n\n_${statusWords(e.status, e.source)}_` : '';
      return `${code(c)}: ${kind}${e?.description ? `: **${e.description}**` : ''}.${person}${era}${seenWords(e?.seen)}${status}`;
    }
    case 'geo': {
      const e = r.entry;
      const iso = e.iso && e.iso !== c ? ` (ISO ${e.iso})` : '';
      return `${code(c)}: geographic tag: **${e.name}**${iso}.${seenWords(e.seen)}\n\n_${statusWords(e.status, e.source)}_`;
    }
    case 'org': {
      const e = r.entry;
      return `${code(c)}: organization tag${e?.description ? `: **${e.description}**` : ''}.${e ? `\n\n_${statusWords(e.status, e.source)}_` : ''}`;
    }
    case 'name':
      return `${code(code0)}: part of the name of the person the ${code(r.of.code)} tag is about.`;
    case 'iso': {
      const what = r.entry ? ` (${r.entry.name.split(/[,;(]/)[0].trim()})` : '';
      return `${code(c)}: **an ISO 3166 code, not a TAGS code**${what}. TAGS uses FIPS 10-4 codes: use ${r.suggest.map(code).join(' or ')}.`;
    }
    case 'run-together':
      return `${code(code0)}: **not a TAGS code**: ${r.parts.map(code).join(' + ')} run together.`;
    case 'unknown': {
      const near = r.suggest.length ? r.suggest : nearestTags(c, 3, [...extraTags]);
      return `${code(code0)}: **not a known tag code**.${near.length ? ` Nearest known codes: ${near.map(code).join(', ')}.` : ''}`;
    }
    case 'before-lists': {
      const shape = r.shape === 'geo' ? 'a geographic code' : `a ${r.shape} tag`;
      return `${code(code0)}: in no list, with the shape of ${shape}. The lists describe the tags of ${LISTS_FROM} on; on a cable of ${r.year} it may be a tag of its era (not checked).`;
    }
    case 'free':
      return `${code(code0)}: a word that is in no list of codes: free text, or an organisation's name or acronym (organisation tags are an open list). Not checked.`;
  }
}

function hoverTags(cable: Cable, offset: number, ctx: FeatureContext): Found {
  const t = cable.tags;
  if (!t || offset < t.start || offset >= t.end) return undefined;
  if (inside(t.keyword, offset)) {
    return hit(
      t.keyword,
      `${code(t.keyword.text)}: Traffic Analysis by Geography and Subject: subject tags first (at least one), then program (K-), organization, person and geographic (FIPS 10-4) tags (5 FAH-3 H-011).`,
    );
  }
  for (const { tag, reading } of analyzeTags(cable, ctx.extraTags, yearsOf(ctx)).items) {
    if (inside(tag, offset)) return hit(tag, readingDoc(tag.code, reading, ctx.extraTags));
  }
  for (const n of t.names)
    if (inside(n, offset)) return hit(n, `${code(n.text)}: the person an OVIP, OTRA, OREP, OEXC or OCON tag is about.`);
  return undefined;
}

function hoverSubject(cable: Cable, offset: number): Found {
  const s = cable.subject;
  if (!s || offset < s.start || offset >= s.end) return undefined;
  if (inside(s.keyword, offset))
    return hit(s.keyword, `${code(s.keyword.text)}: the subject, in upper case; continuation lines follow until a blank line.`);
  if (s.marking && inside(s.marking, offset)) return hit(s.marking, markingText(s.marking, cable, 'the subject'));
  return undefined;
}

function citingParagraphs(cable: Cable, letter: string | undefined): string[] {
  const out: string[] = [];
  for (const m of cable.refMentions) {
    const cites = letter ? m.letters.some((l) => l.text.toUpperCase() === letter) : m.letters.length === 0;
    if (!cites) continue;
    const p = lastStartingAtOrBefore(cable.paragraphs, m.start);
    const label = p && m.start < p.end ? p.number.text : 'unnumbered text';
    if (!out.includes(label)) out.push(label);
  }
  return out;
}

function hoverRefs(cable: Cable, offset: number): Found {
  const r = cable.refs;
  if (!r || offset < r.start || offset >= r.end) return undefined;
  if (inside(r.keyword, offset))
    return hit(
      r.keyword,
      `${code(r.keyword.text)}: references: the messages this cable answers or cites, lettered A, B, ... when there are several.`,
    );
  for (const item of r.items) {
    if (!inside(item, offset)) continue;
    const cited = citingParagraphs(cable, item.letter);
    const name = item.letter ? `REF ${item.letter}` : 'Reference';
    const where = cited.length
      ? ` Cited in paragraph${cited.length > 1 ? 's' : ''} ${cited.join(', ')}.`
      : item.letter
        ? ' Not cited in the text.'
        : '';
    return hit(item, `**${name}**: ${code(item.target.text)}.${where}`);
  }
  return undefined;
}

function hoverClassifiedBy(cable: Cable, offset: number, ctx: FeatureContext): Found {
  const cb = cable.classifiedBy;
  if (!cb || offset < cb.start || offset >= cb.end) return undefined;
  if (inside(cb.keyword, offset)) {
    return hit(
      cb.keyword,
      `${code(cb.keyword.text)}: the officer who classified the cable (name and title) and the reasons, as letters of section 1.4 of the order (1.5 before 2003).`,
    );
  }
  if (cb.section && inside(cb.section, offset)) {
    const s = cb.section.text.replace(/\s/g, '');
    const md =
      s === '1.5'
        ? `${code(cb.section.text)}: section 1.5 of E.O. 12958 as signed in 1995: the classification categories (a) to (g). Since the 2003 amendment (E.O. 13292) they are section 1.4.`
        : `${code(cb.section.text)}: section 1.4 of E.O. 12958 as amended in 2003 (and of E.O. 13526): the classification categories (a) to (h).`;
    return hit(cb.section, md);
  }
  for (const r of cb.reasons) {
    if (!inside(r, offset)) continue;
    const l = r.text.toUpperCase();
    const cat = REASONS[l];
    if (!cat) return hit(r, `${code(r.text)}: **not a classification category**: the reasons are letters (a) to (h).`);
    let md = `${code('(' + r.text + ')')}: classification category: **${cat}**.`;
    const s = cb.section?.text.replace(/\s/g, '');
    if (l === 'H' && s === '1.5') md += ' Section 1.5 (before 2003) had no (h).';
    else if (l === 'H' && compareDates(ctx.date, REASONS_1_4_FROM) < 0) md += ' (h) exists only since 25 March 2003.';
    return hit(r, md);
  }
  if (cb.authority && inside(cb.authority, offset))
    return hit(cb.authority, `${code(cb.authority.text)}: the classifying officer's name and title.`);
  return undefined;
}

// ---- body ------------------------------------------------------------------------

function markingText(m: Marking, cable: Cable, what: string): string {
  if (!m.level)
    return `${code(m.text)}: **not a known portion marking**. Markings are (U), (SBU), (C), (S) or (TS), optionally with /NF, //NF or /REL ...`;
  const lou = /^LOU\b/.test(m.value);
  let md = `${code(m.text)}: portion marking: ${what} is **${lou ? LOU.name : LEVEL_NAME[m.level]}**: ${lou ? LOU.meaning : LEVEL_MEANING[m.level]}.`;
  const cav = m.caveats.map((c) => `\`${c}\` = ${caveatMeaning(c) ?? 'unknown caveat'}`);
  if (cav.length) md += `\n\n${cav.join('; ')}.`;
  if (!m.known) md += '\n\nNot in the usual vocabulary (U, SBU, SBU-N, C, S, TS with /NF, //NF, /REL..., //FGI...).';
  if (cable.level && analyzeParagraphs(cable).above.has(m))
    md += `\n\n**Above the cable's classification** (${cableClassName(cable)}): the banner must be at least the highest marking.`;
  return md;
}

function hoverBody(cable: Cable, offset: number): Found {
  const a = lastStartingAtOrBefore(cable.artifacts, offset);
  if (a && inside(a, offset)) {
    const what = a.kind === 'anchor' ? "WikiLeaks' paragraph anchor" : a.kind === 'tag-link' ? "WikiLeaks' tag link" : 'a pilcrow';
    return hit(a, `${code(a.text)}: web-copy artifact (${what}), not part of the telegram.`);
  }
  const mention = lastStartingAtOrBefore(cable.refMentions, offset);
  if (mention && inside(mention, offset)) return hit(mention, mentionText(cable, mention));
  const p = lastStartingAtOrBefore(cable.paragraphs, offset);
  if (p && offset < p.end) {
    const a = analyzeParagraphs(cable);
    if (inside(p.number, offset)) {
      const place = a.place.get(p);
      const issue = a.numbering.find((n) => n.paragraph === p);
      const where = place
        ? `${place.index} of ${place.of} numbered paragraphs${place.of < cable.paragraphs.length ? ' in this copy of the text' : ''}`
        : 'a numbered paragraph';
      return hit(
        p.number,
        `Paragraph ${code(p.number.text + p.punctuation)}: ${where}.${issue ? ` **Out of sequence**: expected ${issue.expected}.` : ''}`,
      );
    }
    if (p.marking && inside(p.marking, offset)) return hit(p.marking, markingText(p.marking, cable, 'this paragraph'));
    for (const s of p.subparagraphs) {
      if (!inside(s.marker, offset)) continue;
      const issue = a.lettering.find((l) => l.sub === s);
      return hit(
        s.marker,
        `${code(s.marker.text)}: sub-paragraph ${s.letter} of paragraph ${p.number.text}.${issue ? ` **Out of sequence**: expected ${issue.expected}.` : ''}`,
      );
    }
  }
  for (const b of cable.blocks) {
    const name = b.kind === 'summary' ? 'SUMMARY' : 'COMMENT';
    if (b.open && inside(b.open, offset))
      return hit(
        b.open,
        `${code(b.open.text)}: start of a ${name} block${b.close ? `, closed by ${code(b.close.text)}` : ` with no END ${name}`}.`,
      );
    if (b.close && inside(b.close, offset)) return hit(b.close, `${code(b.close.text)}: end of the ${name} block.`);
  }
  const pl = lastStartingAtOrBefore(cable.pageLines, offset);
  if (pl && inside(pl, offset)) return hit(pl, `${code(pl.text)}: page or section line of a long cable (not part of the text).`);
  if (cable.signature && inside(cable.signature, offset))
    return hit(cable.signature, `${code(cable.signature.text)}: signature: the chief of mission or the signing officer.`);
  return undefined;
}

function mentionText(cable: Cable, m: Cable['refMentions'][number]): string {
  const items = cable.refs?.items ?? [];
  if (m.letters.length === 0) {
    if (items.length === 0) return `${code(m.text)}: the referenced telegram; this cable has **no REF line**.`;
    return `${code(m.text)}: the referenced telegram: ${items.map((i) => `${i.letter ? `REF ${i.letter}: ` : ''}${code(i.target.text)}`).join('; ')}.`;
  }
  const lines = m.letters.map((l) => {
    const L = l.text.toUpperCase();
    const item = items.find((i) => i.letter === L);
    return item ? `REF ${L}: ${code(item.target.text)}` : `REF ${L}: **no such reference** in the REF line`;
  });
  return `${code(m.text)}: ${lines.join('; ')}.`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
