import type { Level } from '../model';

// What the codes of a cable mean, for hovers and completion. Sources are the
// format document's sections (cable-format.md §n); "inferred" marks readings
// that no source states.

/** Precedence letters, as in the FL2 prosign and the FL5 date-time group (§1.2). */
export const PRECEDENCE_LETTERS: Record<string, string> = {
  Z: 'FLASH',
  O: 'IMMEDIATE (also NIACT IMMEDIATE)',
  P: 'PRIORITY',
  R: 'ROUTINE',
  Y: 'emergency command precedence (military only)',
};

/** Precedence words on TO/INFO lines (5 FAH-2 H-421). */
export const PRECEDENCE_WORDS: Record<string, string> = {
  FLASH: 'the highest precedence',
  'NIACT IMMEDIATE': 'immediate action by the addressee at any hour, day or night; the first paragraph must justify it (5 FAH-2 H-421.2)',
  IMMEDIATE: 'to be handled ahead of PRIORITY and ROUTINE traffic',
  PRIORITY: 'to be handled ahead of ROUTINE traffic',
  ROUTINE: 'normal handling',
};

/** Security line letters (FL4, §1.4). */
export const SECURITY_LETTERS: Record<string, string> = {
  U: 'UNCLASSIFIED',
  E: 'UNCLAS EFTO (unclassified, encrypted for transmission only)',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  T: 'TOP SECRET',
};

/** Operating signals seen after the security group (cable2graph's comments, not an official text; §1.4). */
export const OPERATING_SIGNALS: Record<string, string> = {
  ZZH: 'from Department of State offices',
  ZFD: 'suspected duplicate',
  ZZK: 'NIACT',
  ZFR: 'cancel',
  ZOJ: 'correction',
  ZEL: 'correction',
  ZUI: 'your attention is invited',
};

/** What each level means (E.O. 12958 sec. 1.3, E.O. 13526 sec. 1.2). */
export const LEVEL_MEANING: Record<Level, string> = {
  U: 'not classified',
  SBU: 'unclassified but administratively controlled (Sensitive But Unclassified): not for public release',
  C: 'unauthorized disclosure could reasonably be expected to cause damage to the national security',
  S: 'unauthorized disclosure could reasonably be expected to cause serious damage to the national security',
  TS: 'unauthorized disclosure could reasonably be expected to cause exceptionally grave damage to the national security',
};

/** Caveats after the level in a portion marking (§9). */
export function caveatMeaning(c: string): string | undefined {
  switch (c) {
    case 'NF':
    case 'N':
    case 'NOFORN':
      return 'NOFORN: not releasable to foreign nationals';
    case 'FOUO':
      return 'For Official Use Only';
    case 'FGI':
      return 'Foreign Government Information';
    case 'ORCON':
    case 'OC':
      return 'ORCON: dissemination controlled by the originator';
    case 'PROPIN':
    case 'PR':
      return 'PROPIN: proprietary information';
    case 'ENTIRE TEXT':
      return 'the marking covers the entire text';
    case 'NODIS':
      return 'NODIS: no distribution beyond the addressees';
    case 'EXDIS':
      return 'EXDIS: exclusive distribution';
    case 'LIMDIS':
      return 'LIMDIS: limited distribution';
    case 'SIPDIS':
      return 'SIPDIS: SIPRNet distribution';
  }
  if (c.startsWith('REL')) {
    const to = c
      .slice(3)
      .trim()
      .replace(/^TO\s+/, '');
    return to ? `releasable to ${to}` : 'releasable to the named countries or organizations';
  }
  return undefined;
}

/** Captions between the banner and the E.O. line (§3). */
export const CAPTION_MEANING: Record<string, string> = {
  SIPDIS: 'SIPRNet distribution: may be made available to secret-cleared users of SIPRNet; may not carry NODIS or EXDIS (05 STATE 226504)',
  NOFORN: 'not releasable to foreign nationals',
  'NOT RELEASABLE TO FOREIGN NATIONALS': 'NOFORN: not releasable to foreign nationals',
  SENSITIVE: 'Sensitive But Unclassified (SBU): administratively controlled, not for public release',
  'SENSITIVE BUT UNCLASSIFIED': 'SBU: administratively controlled, not for public release',
  SBU: 'Sensitive But Unclassified: administratively controlled',
  'FOR OFFICIAL USE ONLY': 'FOUO: administratively controlled',
  FOUO: 'For Official Use Only: administratively controlled',
  'NOT FOR INTERNET DISTRIBUTION': 'not to be posted on the Internet',
  'CORRECTED COPY': 'a corrected retransmission; the note says what changed',
  'ROGER CHANNEL': 'a channel caption: distribution limited to the channel (5 FAH-2 H-442)',
  'REL NATO': 'releasable to NATO',
  'REL TO': 'releasable to the countries or organizations named',
  NODIS: 'no distribution beyond the addressees; not combinable with SIPDIS',
  EXDIS: 'exclusive distribution; not combinable with SIPDIS',
  LIMDIS: 'limited distribution',
  STADIS: 'State Department distribution only',
  NOTAL: 'not sent to all addressees of the referenced message',
  CHEROKEE: 'a channel caption for messages between the Secretary and chiefs of mission (inferred)',
  EFTO: 'Encrypt For Transmission Only (unclassified)',
};

/** The 1.4 (1.5 before 2003) reason categories (§8). */
export const REASONS: Record<string, string> = {
  A: 'military plans, weapons systems, or operations',
  B: 'foreign government information',
  C: 'intelligence activities (including covert action), intelligence sources or methods, or cryptology',
  D: 'foreign relations or foreign activities of the United States, including confidential sources',
  E: 'scientific, technological, or economic matters relating to the national security (since 2003: including defense against transnational terrorism)',
  F: 'United States Government programs for safeguarding nuclear materials or facilities',
  G: 'vulnerabilities or capabilities of systems, installations, infrastructures, projects, plans, or protection services relating to the national security',
  H: 'weapons of mass destruction (since 2003 only)',
};

/** Status of a reference entry in words. */
export function statusWords(status: string, source: string): string {
  if (status === 'official') return `official description (${source})`;
  if (status === 'secondary') return `secondary source (${source}), not an official text`;
  if (status.startsWith('fips10-4')) return 'official: a FIPS 10-4 country code';
  if (status.startsWith('regional')) return 'regional code; meaning inferred, not verified';
  if (status === 'state-usage') return source;
  if (status === 'iso-instead-of-fips') return 'an ISO 3166 code used by mistake: TAGS uses FIPS 10-4 codes';
  if (status.startsWith('inferred') || status.startsWith('unknown-inferred'))
    return `description inferred, not verified${source.startsWith('seen on') ? `; ${source}` : ''}`;
  if (status === 'no-description-found')
    return `a code seen in cables; no description found${source.startsWith('seen on') ? `; ${source}` : ''}`;
  if (status === 'self-describing name') return 'organization tag (the code is its name)';
  return `${status} (${source})`;
}
