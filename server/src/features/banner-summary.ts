import { LEVEL_NAME, LEVEL_RANK, type Cable, type Level, type Span } from '../model';
import type { FeatureContext } from './context';
import { declSpan } from './inlay-hints';

// The line over the banner (a code lens): the highest portion marking, the number
// of paragraphs and when the cable is declassified, e.g.
// "highest portion: SECRET · 14 paragraphs · DECL in 10 y".

export interface BannerSummary extends Span {
  title: string;
}

export function bannerSummary(cable: Cable, ctx: FeatureContext): BannerSummary | undefined {
  const b = cable.banner;
  if (!b) return undefined;
  // A copy that repeats the cable restarts at paragraph 1: count the first copy only.
  const restart = cable.paragraphs.findIndex((p) => p.restart);
  const paragraphs = restart < 0 ? cable.paragraphs : cable.paragraphs.slice(0, restart);
  let highest: Level | undefined;
  for (const m of [cable.subject?.marking, ...paragraphs.map((p) => p.marking)]) {
    if (m?.level && (!highest || LEVEL_RANK[m.level] > LEVEL_RANK[highest])) highest = m.level;
  }
  const parts = [
    highest ? `highest portion: ${LEVEL_NAME[highest]}` : 'no portion markings',
    `${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'}`,
  ];
  const decl = cable.eo?.decl;
  // An E.O. 12065 instruction without its classifier and office: `GDS 8/12/85`.
  const written = decl && ([decl.schedule?.text, decl.dateText?.text].filter((t) => t).join(' ') || decl.value.text);
  if (!cable.eo) parts.push('no E.O. line');
  else if (decl?.kind === 'date') {
    const span = declSpan(cable, ctx);
    parts.push(span ? (span.years !== undefined ? `DECL in ${span.label}` : `DECL ${span.label}`) : `DECL ${written}`);
  } else if (decl && decl.kind !== 'empty') parts.push(`DECL: ${written}`);
  else parts.push('no DECL instruction');
  return { start: b.start, end: b.end, title: parts.join(' · ') };
}
