import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globMatcher } from './glob';
import { checkJson, lineColumn } from './json-check';
import { ruleById } from './rules/engine';
import { isSeverityOrOff, type Severity } from './rules/types';

// `.cablelintrc.json`, found by walking up from the checked file. The CLI and
// the language server read the same file.

export const CONFIG_NAME = '.cablelintrc.json';
/** A config file larger than this is not read (a real one is a few hundred bytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Deeper nesting is refused before parsing (the config itself needs 2 levels). */
export const MAX_CONFIG_DEPTH = 32;

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
  /** `file:line:column` of the problem (or the file alone, when it is about the whole file). */
  where: string;
  key: string;
  /** What is wrong; it never quotes the file's content at length. */
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

/** A key or value for a message: short ones quoted, long ones described (a message never carries a whole value). */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return v.length <= 40 ? JSON.stringify(v) : `a string of ${v.length} characters`;
  if (v === null || typeof v === 'boolean' || (typeof v === 'number' && String(v).length <= 20)) return String(v);
  if (Array.isArray(v)) return 'an array';
  return `${typeof v === 'object' ? 'an object' : `a ${typeof v}`}`;
}

/** A key for a message: at most 40 characters, control characters escaped. */
export function shortKey(k: string): string {
  const s = JSON.stringify(k.length > 40 ? k.slice(0, 40) : k).slice(1, -1);
  return k.length > 40 ? s + '…' : s;
}

/**
 * Reads a config file's text. Every problem names the file, the line and
 * column, and the key; the keys that are valid still apply, the others fall
 * back to the defaults. Nothing in a message quotes the file beyond a short key.
 */
export function parseConfig(text: string, file: string): LoadedConfig {
  const config = emptyConfig();
  const problems: ConfigProblem[] = [];
  text = text.replace(/^\uFEFF/, '');
  const where = (offset: number | undefined) => {
    if (offset === undefined) return file;
    const { line, column } = lineColumn(text, offset);
    return `${file}:${line}:${column}`;
  };
  const check = checkJson(text, MAX_CONFIG_DEPTH);
  if (check.error) {
    problems.push({ file, where: where(check.error.offset), key: '(file)', message: `not valid JSON: ${check.error.message}` });
    return { config, file, problems };
  }
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ file, where: where(0), key: '(file)', message: 'must be a JSON object with "rules", "extraTags" and "ignore"' });
    return { config, file, problems };
  }
  const at = (...path: string[]) => where(check.keys.get(path.join('\u0000')));
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({
          file,
          where: at(key),
          key,
          message: 'must be an object mapping rule ids to "error", "warning", "information", "hint" or "off"',
        });
        continue;
      }
      for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
        const k = `rules.${shortKey(id)}`;
        if (!ruleById(id)) problems.push({ file, where: at(key, id), key: k, message: `unknown rule id "${shortKey(id)}"` });
        else if (isSeverityOrOff(sev)) config.rules[id] = sev;
        else
          problems.push({
            file,
            where: at(key, id),
            key: k,
            message: `severity must be "error", "warning", "information", "hint" or "off", not ${describeValue(sev)}`,
          });
      }
    } else if (key === '$schema') {
      // The JSON schema's address, for editors that complete and check the file; not read here.
      if (typeof value !== 'string')
        problems.push({ file, where: at(key), key, message: 'must be a string (the address of the JSON schema)' });
    } else if (key === 'extraTags' || key === 'ignore') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
        problems.push({ file, where: at(key), key, message: 'must be an array of non-empty strings' });
        continue;
      }
      config[key] = key === 'extraTags' ? value.map((v: string) => v.trim().toUpperCase()) : value;
    } else {
      problems.push({
        file,
        where: at(key),
        key: shortKey(key),
        message: `unknown key "${shortKey(key)}" (expected "rules", "extraTags" or "ignore")`,
      });
    }
  }
  return { config, file, problems };
}

/**
 * The nearest `.cablelintrc.json` in the folder of `path` or above it. With a
 * cache (folder -> answer), each folder is looked at once in a run, so deep
 * trees cost one lookup per folder, not one per folder and ancestor.
 */
export function findConfigFile(path: string, cache?: Map<string, string | undefined>): string | undefined {
  let dir = resolve(dirname(path));
  const seen: string[] = [];
  let found: string | undefined;
  for (;;) {
    if (cache?.has(dir)) {
      found = cache.get(dir);
      break;
    }
    seen.push(dir);
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) {
      found = candidate;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (cache) for (const d of seen) cache.set(d, found);
  return found;
}

/**
 * A small file's text, or why it was not read: only a regular file of at most
 * `maxBytes` is read (a FIFO would hang the run, /dev/zero fill the memory, a
 * 2 GB file take seconds); the open does not block. Used for the config file
 * and the editor's extra tags file.
 */
export function readSmallFile(file: string, maxBytes: number): { text: string } | { error: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: `not a regular file (${st.isDirectory() ? 'a folder' : 'a FIFO, socket or device'}); not read` };
    if (st.size > maxBytes) return { error: `too large (${st.size} bytes; the limit is ${maxBytes}); not read` };
    // A file that grows while it is read is cut at the limit (one byte more tells it grew past it).
    const bytes = Buffer.alloc(Math.min(maxBytes + 1, Math.max(st.size, 4096)));
    let n = 0;
    while (n < bytes.length) {
      const r = readSync(fd, bytes, n, bytes.length - n, null);
      if (r === 0) break;
      n += r;
    }
    if (n > maxBytes) return { error: `too large (more than ${maxBytes} bytes); not read` };
    return { text: bytes.toString('utf8', 0, n) };
  } catch (e) {
    return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

/** A config file's text, or why it was not read (see readSmallFile). */
export function readConfigText(file: string): { text: string } | { error: string } {
  return readSmallFile(file, MAX_CONFIG_BYTES);
}

/** Loads the configuration that applies to `path`. */
export function loadConfigFor(path: string, cache?: Map<string, string | undefined>): LoadedConfig {
  const file = findConfigFile(path, cache);
  if (!file) return { config: emptyConfig(), problems: [] };
  const r = readConfigText(file);
  if ('error' in r) return { config: emptyConfig(), file, problems: [{ file, where: file, key: '(file)', message: r.error }] };
  return parseConfig(r.text, file);
}

/** Loads configurations, each config file read once and each folder looked up once. */
export class ConfigCache {
  private lookups = new Map<string, string | undefined>();
  private loaded = new Map<string, LoadedConfig>();
  private none: LoadedConfig = { config: emptyConfig(), problems: [] };

  /** Forgets every answer (a config file was created, changed or deleted). */
  clear(): void {
    this.lookups.clear();
    this.loaded.clear();
  }

  for(path: string): LoadedConfig {
    const file = findConfigFile(path, this.lookups);
    if (!file) return this.none;
    let c = this.loaded.get(file);
    if (!c) {
      const r = readConfigText(file);
      c =
        'error' in r
          ? { config: emptyConfig(), file, problems: [{ file, where: file, key: '(file)', message: r.error }] }
          : parseConfig(r.text, file);
      this.loaded.set(file, c);
    }
    return c;
  }
}

const matchers = new WeakMap<LoadedConfig, { negated: boolean; match: (path: string) => boolean }[]>();

/**
 * True when `path` matches the config's ignore globs (relative to the config's folder). As in
 * .gitignore, the globs apply in order and a `!glob` takes back what the ones before it ignored.
 */
export function isIgnored(loaded: LoadedConfig, path: string): boolean {
  if (!loaded.file || loaded.config.ignore.length === 0) return false;
  let globs = matchers.get(loaded);
  if (!globs) {
    // A glob without a slash matches the name in any folder as well as the whole path.
    globs = loaded.config.ignore.map((entry) => {
      const negated = entry.startsWith('!');
      const g = negated ? entry.slice(1) : entry;
      const m = globMatcher(g);
      return { negated, match: g.includes('/') ? m : (rel: string) => m(rel) || m(rel.slice(rel.lastIndexOf('/') + 1)) };
    });
    matchers.set(loaded, globs);
  }
  const rel = relative(dirname(loaded.file), resolve(path)).split(sep).join('/');
  let ignored = false;
  for (const g of globs) if (g.negated === ignored && g.match(rel)) ignored = !g.negated;
  return ignored;
}
