import { telegramYear } from '../dates';
import type { Cable, CableCite } from '../model';
import { splitRunTogether } from '../parse/ref-cites';

// Reference ids (cable-format.md §13): two-digit year + post without spaces +
// serial without leading zeros, `08BAKU146`. The key every index lookup uses.

/** Other names of an originator in references: SECSTATE is the Department, STATE. */
const POST_ALIASES: Record<string, string> = { SECSTATE: 'STATE' };

/** The post as it appears in reference ids: upper case, letters only, aliases resolved. */
export function normalisePost(written: string): string {
  let out = '';
  for (const c of written.toUpperCase()) if (c >= 'A' && c <= 'Z') out += c;
  return POST_ALIASES[out] ?? out;
}

export function referenceId(year: number, post: string, serial: number): string {
  return String(year % 100).padStart(2, '0') + post + String(serial);
}

/** A reference id in parts: four-digit year, post as in ids, serial. */
export interface IdParts {
  year: number;
  post: string;
  serial: number;
}

export function formatId(p: IdParts): string {
  return referenceId(p.year, p.post, p.serial);
}

const CABLE_NAME = /\.(?:txt|cable|tel)$/i;

/** A path's last name without a cable extension: `/a/04LIMA1046.txt` -> `04LIMA1046`. */
export function fileStem(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const m = CABLE_NAME.exec(base);
  return m ? base.slice(0, m.index) : base;
}

/** The reference id a file name gives (`08BAKU146.txt`, `1975STATE012345.cable`), if it is one. */
export function idFromFileName(path: string): IdParts | undefined {
  const stem = fileStem(path);
  const parts = splitRunTogether(stem, 0, stem.length);
  if (!parts) return undefined;
  const post = normalisePost(stem.slice(parts.postStart, parts.serialStart));
  const serial = Number(stem.slice(parts.serialStart));
  return serial > 0 ? { year: telegramYear(stem.slice(0, parts.postStart)), post, serial } : undefined;
}

/** The reference id from the banner's post and serial and the cable's year; a draft (no date-time group) has none. */
export function idFromCable(cable: Cable): IdParts | undefined {
  const b = cable.banner;
  if (!b?.post || !b.serial || !cable.date) return undefined;
  const serial = Number(b.serial.text);
  if (!Number.isSafeInteger(serial) || serial === 0) return undefined;
  const post = normalisePost(b.post.text);
  return post.length >= 2 ? { year: cable.date.year, post, serial } : undefined;
}

/** A cite in normal form: the written year (full), the post and the serial as numbers. */
export interface CiteKey {
  /** Four-digit year when written; otherwise the citing cable's year applies. */
  year?: number;
  post: string;
  serial: number;
}

export function citeKey(cite: CableCite): CiteKey | undefined {
  const serial = Number(cite.serial.text);
  if (!Number.isSafeInteger(serial) || serial === 0) return undefined;
  const post = normalisePost(cite.post.text);
  if (post.length < 2) return undefined;
  return { year: cite.year ? telegramYear(cite.year.text) : undefined, post, serial };
}
