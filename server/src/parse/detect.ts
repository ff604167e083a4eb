import { parseBanner } from './classification';
import { parse } from './index';
import { contentStart } from './lines';

// Is a file with no cable extension (a `.txt` from an archive) a cable? The
// editor asks this when a plain-text document opens. The answer comes from the
// parser's own header and banner recognition, run over the first few KB only:
// a VZCZC line, an ACP-126 or printout header (a date-time group and FM) or,
// in the first lines, a banner with its post and serial. A title or a date
// line before the cable is allowed; prose that merely mentions SECRET is not.

/** How much of the text is looked at. */
export const DETECT_BYTES = 4096;
/** A banner must be within this many non-blank lines of the top. */
const BANNER_LINES = 3;

export type CableStart = 'vzczc' | 'acp126' | 'printout' | 'banner';

/** How the text starts as a cable, or undefined when it does not look like one. */
export function cableStart(text: string): CableStart | undefined {
  let head = text;
  if (text.length > DETECT_BYTES) {
    head = text.slice(0, DETECT_BYTES);
    // Cut at the last line end, so the last line read is whole.
    const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
    if (cut > 0) head = head.slice(0, cut);
  }
  const cable = parse(head);
  const h = cable.header;
  if (h) {
    const v = h.vzczc;
    const vzczcLine = v !== undefined && cable.lines.some((l) => l.text.trim() === v.text);
    const addressed = h.dtg?.valid === true && h.from !== undefined;
    if (h.kind === 'acp127' && (vzczcLine || addressed)) return 'vzczc';
    if (h.kind !== 'acp127' && addressed) return h.kind;
    // A printout (page marking and page line or distribution block) with FM, whose date-time group OCR garbled.
    if (h.kind === 'printout' && h.from !== undefined) return 'printout';
  }
  const b = cable.banner;
  // With `SECTION n OF m`, or in capitals with post and serial, the serial padded to five or more
  // digits or followed by an E.O., TAGS or SUBJECT line (`SECRET SANTA 2023` is a list's title).
  const serial = b?.serial && b.post && b.classText.text === b.classText.text.toUpperCase() ? b.serial.text : undefined;
  if (b && (b.section || (serial && (serial.length >= 5 || cable.eo || cable.tags || cable.subject)))) {
    const before = cable.lines.filter((l) => l.end < b.start && l.text.trim() !== '').length;
    if (before < BANNER_LINES) return 'banner';
    // A partial extract that opens with a plain copy of the banner above the letter-spaced one (95ZAGREB1796).
    const top = cable.lines.find((l) => l.text.trim() !== '');
    const copy = top && parseBanner(head, contentStart(head, top, undefined), top.end, true);
    if (copy && (copy.section || copy.serial)) return 'banner';
  }
  return undefined;
}
