import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ruleById } from './rules/engine';
import { SEVERITIES, type Severity } from './rules/types';

// `.cablelintrc.json`, found by walking up from the checked file. The CLI and
// the language server read the same file.

export const CONFIG_NAME = '.cablelintrc.json';

export interface CableLintConfig {
  /** Per-rule severity or 'off'. */
  rules: Record<string, Severity | 'off'>;
  /** Extra tag codes (a post's own program tags). */
  extraTags: string[];
  /** Globs, relative to the config file's folder, of files not to check. */
  ignore: string[];
}

export interface ConfigProblem {
  file: string;
  key: string;
  message: string;
}

export interface LoadedConfig {
  config: CableLintConfig;
  /** The config file used, if any. */
  file?: string;
  problems: ConfigProblem[];
}

export function emptyConfig(): CableLintConfig {
  return { rules: {}, extraTags: [], ignore: [] };
}

/**
 * Reads a config file's text. Every problem names the file and the key; the
 * keys that are valid still apply, the others fall back to the defaults.
 */
export function parseConfig(text: string, file: string): LoadedConfig {
  const config = emptyConfig();
  const problems: ConfigProblem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    problems.push({ file, key: '(file)', message: `not valid JSON: ${(e as Error).message}` });
    return { config, file, problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ file, key: '(file)', message: 'must be a JSON object with "rules", "extraTags" and "ignore"' });
    return { config, file, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ file, key, message: 'must be an object mapping rule ids to "error", "warning", "information", "hint" or "off"' });
        continue;
      }
      for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
        if (!ruleById(id)) problems.push({ file, key: `rules.${id}`, message: `unknown rule id "${id}"` });
        else if (sev === 'off' || (typeof sev === 'string' && (SEVERITIES as readonly string[]).includes(sev))) config.rules[id] = sev as Severity | 'off';
        else problems.push({ file, key: `rules.${id}`, message: `severity must be "error", "warning", "information", "hint" or "off", not ${JSON.stringify(sev)}` });
      }
    } else if (key === 'extraTags' || key === 'ignore') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
        problems.push({ file, key, message: 'must be an array of non-empty strings' });
        continue;
      }
      config[key] = key === 'extraTags' ? value.map((v: string) => v.trim().toUpperCase()) : value;
    } else {
      problems.push({ file, key, message: `unknown key "${key}" (expected "rules", "extraTags" or "ignore")` });
    }
  }
  return { config, file, problems };
}

/** The nearest `.cablelintrc.json` in the folder of `path` or above it. */
export function findConfigFile(path: string): string | undefined {
  let dir = resolve(dirname(path));
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Loads the configuration that applies to `path`. */
export function loadConfigFor(path: string): LoadedConfig {
  const file = findConfigFile(path);
  if (!file) return { config: emptyConfig(), problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { config: emptyConfig(), file, problems: [{ file, key: '(file)', message: `cannot be read: ${(e as Error).message}` }] };
  }
  return parseConfig(text, file);
}

/** Converts a glob (`*`, `**`, `?`) to a regular expression over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:[^/]*/)*';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** True when `path` matches one of the config's ignore globs (relative to the config's folder). */
export function isIgnored(loaded: LoadedConfig, path: string): boolean {
  if (!loaded.file || loaded.config.ignore.length === 0) return false;
  const rel = relative(dirname(loaded.file), resolve(path)).split(sep).join('/');
  return loaded.config.ignore.some((g) => {
    const re = globToRegExp(g);
    return re.test(rel) || (!g.includes('/') && re.test(rel.split('/').pop() ?? ''));
  });
}
