import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigCache, describeValue, isIgnored, shortKey, readSmallFile, type LoadedConfig } from '../config';
import type { CalendarDate } from '../model';
import { parseIsoDate } from '../dates';
import { ruleById, type LintOptions } from '../rules/engine';
import { isSeverityOrOff, type Severity } from '../rules/types';

// The editor settings (section `cable`) and `.cablelintrc.json`, merged.
// The file is the project's shared configuration (cable-lint reads it too);
// the editor settings are the user's own and win: `cable.rules` overrides the
// file's severity for the rules it names, extra tags from both apply, and
// `cable.date` exists only as a setting.

export interface CableSettings {
  rules?: Record<string, unknown>;
  date?: string;
  extraTagsFile?: string;
  /** Kinds of inlay hints turned off (`{ dtg: false }`); read by lsp/inlay-hints.ts. */
  inlayHints?: unknown;
  /** Code lenses turned off (`{ banner: false }`); read by lsp/code-lens.ts. */
  codeLens?: unknown;
}

export interface Effective {
  /** Options for lint(); also the features' date and extra tags. */
  lint: LintOptions;
  /** The document is matched by the config file's `ignore`: no diagnostics. */
  ignored: boolean;
  /** Problems to tell the user about (bad settings, a bad config file). */
  problems: string[];
  /** Equal keys mean equal results: used to keep a parse's findings. */
  key: string;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** `YYYY-MM-DD` to a calendar date; undefined (with a problem) when it is not a real date. */
export function parseDateSetting(s: string, problems: string[]): CalendarDate | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const d = parseIsoDate(t);
  if (!d) {
    problems.push(`cable.date: "${s}" is not a date in the form YYYY-MM-DD; using the cable's own date`);
    return undefined;
  }
  return d;
}

/** An extra tags file larger than this is not read (200,000 codes take about 1.2 MB). */
export const MAX_TAGS_FILE_BYTES = 4 * 1024 * 1024;

/** Reads an extra-tags file: one code per line; blank lines and `#` comments are skipped. */
export function parseTagsFile(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const t = line.replace(/#.*/, '').trim();
    // One code at a time: a line of 200,000 codes spread into push() overflowed the stack.
    if (t) for (const c of t.split(/[\s,]+/)) if (c) out.push(c.toUpperCase());
  }
  return out;
}

type TagsEntry = { stamp: string; tags: string[] } | { stamp: string; error: string };

/** Caches of what is read from disk; cleared when a watched file changes. */
export class DiskCache {
  private configs = new ConfigCache();
  private tagFiles = new Map<string, TagsEntry>();

  clear(): void {
    this.configs.clear();
    this.tagFiles.clear();
  }

  configFor(path: string): LoadedConfig {
    return this.configs.for(path);
  }

  /**
   * The extra tags file's codes, or why it was not read. Only a regular file of
   * at most MAX_TAGS_FILE_BYTES is read (see readSmallFile). The answer, a
   * failure too, is kept until the file's size or time changes: a request costs
   * one stat, never a read.
   */
  tagsFile(path: string): { tags: string[] } | { error: string } {
    let stamp = 'missing';
    try {
      const st = statSync(path);
      stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      // not there (yet): readSmallFile says why; the answer is kept until it appears
    }
    const hit = this.tagFiles.get(path);
    if (hit && hit.stamp === stamp) return hit;
    const r = readSmallFile(path, MAX_TAGS_FILE_BYTES);
    const entry: TagsEntry =
      'error' in r ? { stamp, error: `cable.extraTagsFile: ${path}: ${r.error}` } : { stamp, tags: parseTagsFile(r.text) };
    this.tagFiles.set(path, entry);
    return entry;
  }
}

/** At most this many problems of one setting are reported one by one. */
export const MAX_SETTING_PROBLEMS = 5;

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A number for an object, the same while it lives (the disk cache keeps what it read until a file changes). */
function identity(o: object | undefined): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/** Merges the settings and the config file that apply to a document. */
/** The last segment of a document's URI, decoded: `04LIMA1046.txt`. */
export function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function effectiveSettings(uri: string, s: CableSettings, disk: DiskCache, workspaceRoots: readonly string[]): Effective {
  const problems: string[] = [];
  const path = uriToPath(uri);
  const loaded = path ? disk.configFor(path) : undefined;
  for (const p of loaded?.problems ?? []) problems.push(`${p.where}: ${p.key}: ${p.message}`);
  const rules: Record<string, Severity | 'off'> = { ...(loaded?.config.rules ?? {}) };
  if (s.rules && typeof s.rules === 'object') {
    let bad = 0;
    for (const [id, sev] of Object.entries(s.rules)) {
      let problem: string | undefined;
      if (!ruleById(id)) problem = `cable.rules: unknown rule id "${shortKey(id)}"`;
      else if (isSeverityOrOff(sev)) rules[id] = sev;
      else if (sev !== null && sev !== undefined && sev !== 'default')
        problem = `cable.rules.${shortKey(id)}: severity must be "error", "warning", "information", "hint" or "off", not ${describeValue(sev)}`;
      // Each problem becomes a message to the user: a setting of 100,000 bad keys gives a few and a count.
      if (problem && ++bad <= MAX_SETTING_PROBLEMS) problems.push(problem);
    }
    if (bad > MAX_SETTING_PROBLEMS) problems.push(`cable.rules: ${bad - MAX_SETTING_PROBLEMS} more unknown rule ids or bad severities`);
  }
  let extraTags: readonly string[] = loaded?.config.extraTags ?? [];
  let tagsEntry: object | undefined;
  if (typeof s.extraTagsFile === 'string' && s.extraTagsFile.trim()) {
    const f = s.extraTagsFile.trim();
    let abs = f;
    if (!isAbsolute(f)) {
      const root = path ? workspaceRoots.find((r) => path.startsWith(r)) : workspaceRoots[0];
      abs = resolve(root ?? (path ? dirname(path) : process.cwd()), f);
    }
    const r = disk.tagsFile(abs);
    tagsEntry = r;
    if ('error' in r) problems.push(r.error);
    else extraTags = extraTags.length ? extraTags.concat(r.tags) : r.tags;
  }
  const date = typeof s.date === 'string' ? parseDateSetting(s.date, problems) : undefined;
  // The file name's reference id dates an archived cable (`04LIMA1046.txt`: 2004; cable-date.ts).
  const lint: LintOptions = { rules, extraTags, date, fileName: fileNameOf(uri) };
  const ignored = !!(loaded && path && isIgnored(loaded, path));
  // The tags by the identity of what was read (200,000 of them are not serialised per request).
  return { lint, ignored, problems, key: JSON.stringify([rules, identity(loaded), identity(tagsEntry), date, ignored]) };
}
