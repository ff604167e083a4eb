import type { Rule } from './types';

// Classification: the banner, the security line, portion markings and Classified By.

const bannerMissing: Rule = {
  id: 'banner-missing',
  family: 'classification',
  severity: 'error',
  summary: 'The cable has no classification line (banner).',
  check(ctx) {
    const { cable } = ctx;
    if (cable.banner) return;
    const first = cable.lines.find((l) => l.text.trim() !== '');
    const at = first ? first.start : 0;
    ctx.report(
      'banner-missing',
      at,
      first ? first.end : 0,
      'No classification line: the first line of a cable must be its classification (UNCLAS, C O N F I D E N T I A L, S E C R E T ...) followed by the post and serial (5 FAH-2 H-222).',
    );
  },
};

export const classificationRules: Rule[] = [bannerMissing];
