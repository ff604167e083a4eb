import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigCache, isIgnored, type LoadedConfig } from '../config';
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

/** Reads an extra-tags file: one code per line; blank lines and `#` comments are skipped. */
export function parseTagsFile(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const t = line.replace(/#.*/, '').trim();
    if (t) out.push(...t.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()));
  }
  return out;
}

/** Caches of what is read from disk; cleared when a watched file changes. */
export class DiskCache {
  private configs = new ConfigCache();
  private tagFiles = new Map<string, { mtime: number; tags: string[] } | { error: string }>();

  clear(): void {
    this.configs.clear();
    this.tagFiles.clear();
  }

  configFor(path: string): LoadedConfig {
    return this.configs.for(path);
  }

  tagsFile(path: string): { tags: string[] } | { error: string } {
    let mtime = -1;
    try {
      mtime = statSync(path).mtimeMs;
    } catch (e) {
      return { error: `cable.extraTagsFile: cannot read ${path}: ${(e as Error).message}` };
    }
    const hit = this.tagFiles.get(path);
    if (hit && 'mtime' in hit && hit.mtime === mtime) return hit;
    try {
      const entry = { mtime, tags: parseTagsFile(readFileSync(path, 'utf8')) };
      this.tagFiles.set(path, entry);
      return entry;
    } catch (e) {
      return { error: `cable.extraTagsFile: cannot read ${path}: ${(e as Error).message}` };
    }
  }
}

/** Merges the settings and the config file that apply to a document. */
export function effectiveSettings(uri: string, s: CableSettings, disk: DiskCache, workspaceRoots: readonly string[]): Effective {
  const problems: string[] = [];
  const path = uriToPath(uri);
  const loaded = path ? disk.configFor(path) : undefined;
  for (const p of loaded?.problems ?? []) problems.push(`${p.where}: ${p.key}: ${p.message}`);
  const rules: Record<string, Severity | 'off'> = { ...(loaded?.config.rules ?? {}) };
  if (s.rules && typeof s.rules === 'object') {
    for (const [id, sev] of Object.entries(s.rules)) {
      if (!ruleById(id)) problems.push(`cable.rules: unknown rule id "${id}"`);
      else if (isSeverityOrOff(sev)) rules[id] = sev;
      else if (sev !== null && sev !== undefined && sev !== 'default') problems.push(`cable.rules.${id}: severity must be "error", "warning", "information", "hint" or "off", not ${JSON.stringify(sev)}`);
    }
  }
  const extraTags = [...(loaded?.config.extraTags ?? [])];
  if (typeof s.extraTagsFile === 'string' && s.extraTagsFile.trim()) {
    const f = s.extraTagsFile.trim();
    let abs = f;
    if (!isAbsolute(f)) {
      const root = path ? workspaceRoots.find((r) => path.startsWith(r)) : workspaceRoots[0];
      abs = resolve(root ?? (path ? dirname(path) : process.cwd()), f);
    }
    const r = disk.tagsFile(abs);
    if ('error' in r) problems.push(r.error);
    else extraTags.push(...r.tags);
  }
  const date = typeof s.date === 'string' ? parseDateSetting(s.date, problems) : undefined;
  const lint: LintOptions = { rules, extraTags, date };
  const ignored = !!(loaded && path && isIgnored(loaded, path));
  return { lint, ignored, problems, key: JSON.stringify([rules, extraTags, date, ignored]) };
}
