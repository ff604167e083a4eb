/** The years a code stands on the TAGS lines of the corpus cables, and on how many. */
export interface Seen {
  from: number;
  to: number;
  cables: number;
}

/** A subject tag of an earlier era: seen on cables up to `to`, in no list from `gone` on. */
export interface Era {
  to: number;
  gone: number;
}

export interface TagEntry {
  code: string;
  description?: string;
  category?: string;
  /** How sure the description is: official, secondary, inferred-unverified, no-description-found, observed-only. */
  status: string;
  source: string;
  seen?: Seen;
  era?: Era;
}

export interface GeoEntry {
  code: string;
  name: string;
  /** fips10-4, regional-inferred, state-usage, iso-instead-of-fips, org-variant-not-geo, unknown, ... */
  status: string;
  source: string;
  /** The ISO 3166 code of the same country, when known. */
  iso?: string;
  /** The right TAGS codes for a misused code (RU -> RS). */
  suggest?: string[];
  seen?: Seen;
}

export interface OrgEntry {
  code: string;
  description?: string;
  status: string;
  source: string;
  seen?: Seen;
}

export interface PostEntry {
  /** Routing indicator, e.g. RUEHKB. */
  ri: string;
  /** Plain-language address seen in cables, e.g. AMEMBASSY BAKU. */
  plad?: string;
  /** Name in ACP 117 (2010). */
  acp117?: string;
  /** Post name as used in banners and references, e.g. BAKU. */
  shortForm?: string;
  source: string;
}
