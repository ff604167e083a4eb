import type { CalendarDate } from '../model';
import { defaultDecl } from '../eras';

// The "New Cable" template: banner, captions, E.O. line with the default DECL
// date, TAGS, SUBJECT, Classified By and paragraph 1. As a snippet, the
// placeholders are tab stops.

export interface TemplateOptions {
  /** Tab stops `${n:...}` for an editor snippet; plain text otherwise. */
  snippet?: boolean;
  post?: string;
}

export function newCableTemplate(date: CalendarDate, opts: TemplateOptions = {}): string {
  const decl = defaultDecl(date);
  let n = 0;
  // Snippet syntax needs $, } and \ escaped inside placeholders.
  const esc = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const ph = (s: string) => (opts.snippet ? `\${${++n}:${esc(s)}}` : s);
  const post = opts.post ?? 'POST';
  return [
    `C O N F I D E N T I A L ${ph(post)} ${ph('000000')}`,
    '',
    'SIPDIS',
    '',
    `E.O. ${decl.order}: DECL: ${ph(decl.text)}`,
    `TAGS: ${ph('PREL')}`,
    `SUBJECT: ${ph('SUBJECT IN UPPER CASE')}`,
    '',
    `Classified By: ${ph('Name, Title')}, for reasons 1.4 ${ph('(b) and (d)')}.`,
    '',
    `1. (C) ${ph('Text.')}`,
    '',
    ph('SIGNATURE'),
    '',
  ].join('\n');
}
