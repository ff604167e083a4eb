import type { Cable, CalendarDate, Level, Span } from '../model';
import { positionAt, type Position } from '../positions';
import { citeKey, type CiteKey, formatId, idFromCable, idFromFileName, type IdParts } from './reference-id';

// What the index keeps of a cable: enough for references, hovers, code lenses
// and symbols, never the text. Places are line/column ranges so that features
// need not reopen the file.

export interface TextRange {
  start: Position;
  end: Position;
}

export interface IndexCite extends CiteKey {
  range: TextRange;
}

export interface IndexRef {
  /** The REF item, marker to end of target: what "find all references" shows. */
  range: TextRange;
  letter?: string;
  cites: IndexCite[];
}

export interface IndexEntry {
  uri: string;
  /** Reference id (`08BAKU146`): the file name's when it is one, else the banner's; a draft has none. */
  id?: string;
  /** The id's parts. */
  idParts?: IdParts;
  /** The cable's year: from its date-time group, else its reference id. */
  year?: number;
  date?: CalendarDate;
  level?: Level;
  /** The classification as the banner writes it, normalised (CONFIDENTIAL, UNCLAS EFTO, ...). */
  className?: string;
  subject?: string;
  tags: string[];
  refs: IndexRef[];
  /** Where the cable "is": its banner, else its first line. */
  anchor: TextRange;
}

/** Subjects run to a few hundred characters; a runaway one (no blank line after it) is cut. */
const MAX_SUBJECT = 400;

export function entryOf(uri: string, cable: Cable): IndexEntry {
  const range = (s: Span): TextRange => ({ start: positionAt(cable.lines, s.start), end: positionAt(cable.lines, s.end) });
  const idParts = idFromFileName(safeDecode(uri)) ?? idFromCable(cable);
  const year = cable.date?.year ?? idParts?.year;
  const refs: IndexRef[] = [];
  for (const item of cable.refs?.items ?? []) {
    const cites: IndexCite[] = [];
    for (const c of item.cites ?? []) {
      const key = citeKey(c);
      if (key) cites.push({ ...key, range: range(c) });
    }
    refs.push({ range: range(item), letter: item.letter, cites });
  }
  const first = cable.lines[0] ?? { start: 0, end: 0 };
  return {
    uri,
    id: idParts && formatId(idParts),
    idParts,
    year,
    date: cable.date,
    level: cable.level,
    className: cable.banner && intern(cable.banner.className),
    subject: cable.subject && detach(cable.subject.text.slice(0, MAX_SUBJECT)),
    tags: cable.tags?.tags.map((t) => intern(t.code)) ?? [],
    refs,
    anchor: range(cable.banner ?? first),
  };
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

// A string cut from a cable's text can keep the whole text alive (V8 slices
// point into their parent): what the index keeps is copied out, and the few
// hundred distinct tag codes are shared.
function detach(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

const interned = new Map<string, string>();
function intern(s: string): string {
  let v = interned.get(s);
  if (v === undefined) {
    v = detach(s);
    if (interned.size < 100_000) interned.set(v, v);
  }
  return v;
}
