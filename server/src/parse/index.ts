import type { Cable, Level } from '../model';
import { parseBannerZone } from './banner-zone';
import { parseBody } from './body';
import { findDateEvidence } from './dating';
import { parseHeaderZone } from './header-zone';
import { skipBlankLines, splitLines } from './lines';
import { classifiedByInParagraph, readLatePreamble, readPreamble } from './preamble-reader';
import { readCites } from './ref-cites';

// parse(): the one parser. The text is read top down, zone by zone: the
// transmission header, the banner, the preamble (captions, E.O., TAGS, SUBJECT,
// REF, Classified By), then the body (paragraphs, blocks, page lines, signature).

const SBU_CAPTION = /^(SENSITIVE|SBU|FOR OFFICIAL USE ONLY|FOUO|LIMITED OFFICIAL USE)/;

/**
 * Parses a cable. Never throws: a line it does not understand stays body or
 * passing text, and every element keeps exact offsets into `text`.
 */
export function parse(text: string): Cable {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = splitLines(text, bom);
  const cable: Cable = {
    text,
    lines,
    bom,
    captions: [],
    passing: [],
    preamble: [],
    paragraphs: [],
    blocks: [],
    pageLines: [],
    refMentions: [],
    artifacts: [],
    bodyStart: text.length,
    // Every field present from the start, in one order: every Cable then has one shape, which keeps
    // the code that reads cables (rules, features) optimized instead of recompiled for each new shape.
    header: undefined,
    banner: undefined,
    eo: undefined,
    tags: undefined,
    subject: undefined,
    refs: undefined,
    classifiedBy: undefined,
    signature: undefined,
    level: undefined,
    date: undefined,
    dated: undefined,
  };
  let n = parseHeaderZone(text, lines, skipBlankLines(lines, 0), cable);
  n = parseBannerZone(text, lines, n, cable);
  const bodyStart = readPreamble(text, lines, n, cable);
  n = bodyStart.line;
  cable.bodyStart = bodyStart.offset >= 0 ? bodyStart.offset : n < lines.length ? lines[n].start : text.length;
  const body = parseBody(text, lines, n, cable.artifacts, cable.bodyStart);
  cable.paragraphs = body.paragraphs;
  cable.blocks = body.blocks;
  cable.pageLines.push(...body.pageLines); // after those the preamble met
  cable.signature = body.signature;
  cable.refMentions = body.refMentions;
  readLatePreamble(text, lines, cable);
  if (!cable.classifiedBy) classifiedByInParagraph(text, cable);
  // Items grow while the preamble is read (wrapped lines): their cites are read once they are whole.
  for (const item of cable.refs?.items ?? []) item.cites = readCites(text, item.target);
  cable.level = cableLevel(cable);
  const dtg = cable.header?.dtg;
  if (dtg && dtg.valid) cable.date = { year: dtg.year, month: dtg.month, day: dtg.day };
  cable.dated = findDateEvidence(cable);
  cable.date ??= cable.dated?.first;
  // The preamble and the body both read the first paragraph line: keep each artifact once.
  cable.artifacts.sort((a, b) => a.start - b.start);
  cable.artifacts = cable.artifacts.filter((a, i, all) => i === 0 || a.start !== all[i - 1].start);
  return cable;
}

function cableLevel(cable: Cable): Level | undefined {
  const b = cable.banner;
  if (!b) return undefined;
  if (b.level !== 'U') return b.level;
  // An UNCLAS banner with a SENSITIVE (BUT UNCLASSIFIED) or LIMITED OFFICIAL USE caption is an SBU (LOU) cable.
  if (cable.captions.some((c) => SBU_CAPTION.test(c.name))) return 'SBU';
  return 'U';
}

export type { Token } from '../model';
