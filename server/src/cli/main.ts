import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { parseIsoDate } from '../dates';
import { ConfigCache, isIgnored, type LoadedConfig } from '../config';
import type { CalendarDate } from '../model';
import type { LintOptions } from '../rules/engine';
import { walkPaths } from './files';
import { checkFile, type FileResult, type Format } from './lint-file';
import { guardOutput, writeErr, writeOut } from './output';
import { runPool, serveJobs, WORKER_MARK, type Job } from './pool';

// cable-lint [--format text|json] [--date YYYY-MM-DD] [--jobs N] PATH...
// Exit 0: no error-level finding; 1: at least one; 2: usage error, or a file
// or path that could not be checked (the others are still checked).

const USAGE = `usage: cable-lint [--format text|json] [--date YYYY-MM-DD] [--jobs N] [--follow-symlinks] PATH...
  PATH        a cable file, or a folder (searched for *.cable, *.tel and *.txt)
  --format    text (default): file:line:col: severity rule-id message
              json: one array of {file, line, column, endLine, endColumn, severity, rule, message}
  --date      check DECL dates against this date instead of the date-time group or today
  --jobs      files checked in parallel (default: one less than the number of processors, at most their number; 1: no worker threads)
  --follow-symlinks  follow links that lead out of the folders named (each folder and file is still checked once)
A summary goes to standard error: files checked, findings, and files not checked.
Exit status: 0 no errors, 1 errors found, 2 usage error or a path or file that could not be checked.`;

/** Set by the build from package.json (scripts/build.mjs). */
declare const CABLE_TOOLS_VERSION: string;
export const VERSION = CABLE_TOOLS_VERSION;

/** Below this many files, starting worker threads costs more than it saves. */
const WORKER_MIN_FILES = 64;
const FLUSH_BYTES = 64 * 1024;

interface Args {
  format: Format;
  date?: CalendarDate;
  jobs: number;
  followSymlinks: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Args | string {
  // One processor is left to the main thread and V8's own threads (collector, compiler): on two
  // processors a second worker only competed with them (measured: slower than none).
  const args: Args = { format: 'text', jobs: Math.max(1, availableParallelism() - 1), followSymlinks: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    try {
      if (a === '--help' || a === '-h') return 'help';
      else if (a === '--version' || a === '-v') return 'version';
      else if (a === '--format' || a.startsWith('--format=')) {
        const f = value('--format');
        if (f !== 'text' && f !== 'json') return `--format must be text or json, not "${f}"`;
        args.format = f;
      } else if (a === '--date' || a.startsWith('--date=')) {
        const d = value('--date');
        const date = parseIsoDate(d);
        if (!date) return `--date must be a real date written YYYY-MM-DD, not "${d}"`;
        args.date = date;
      } else if (a === '--jobs' || a.startsWith('--jobs=')) {
        const j = value('--jobs');
        if (!/^\d{1,3}$/.test(j) || Number(j) < 1) return `--jobs must be a whole number from 1, not "${j}"`;
        args.jobs = Number(j);
      } else if (a === '--follow-symlinks') args.followSymlinks = true;
      else if (a === '--') args.paths.push(...argv.slice(i + 1)), (i = argv.length);
      else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
      else args.paths.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (args.paths.length === 0) return 'no PATH given';
  return args;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Runs cable-lint. `out` receives standard output in chunks (findings are
 * written as they come, never collected), `err` one line at a time.
 */
export async function main(argv: string[], out: (chunk: string) => void, err: (line: string) => void): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    out(USAGE + '\n');
    return 0;
  }
  if (parsed === 'version') {
    out(`${VERSION}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    err(`cable-lint: ${parsed}\n${USAGE}`);
    return 2;
  }
  const args: Args = parsed;

  let problems = 0; // anything that makes the exit status 2
  let unchecked = 0; // files and paths among them
  let ignored = 0;
  let linksSkipped = 0;
  const problem = (message: string) => {
    problems++;
    err(`cable-lint: ${message}`);
  };
  const fileProblem = (message: string) => {
    unchecked++;
    problem(message);
  };

  // Configuration: one lookup per folder; options are keyed by the config file.
  const configs = new Map<string, LoadedConfig>();
  const configCache = new ConfigCache();
  const options = new Map<string, LintOptions>();
  const configOf = (file: string): string => {
    const dir = dirname(file);
    let cfg = configs.get(dir);
    if (!cfg) {
      cfg = configCache.for(file);
      configs.set(dir, cfg);
      const key = cfg.file ?? '';
      if (!options.has(key)) {
        options.set(key, { date: args.date, rules: cfg.config.rules, extraTags: cfg.config.extraTags });
        for (const p of cfg.problems) problem(`${p.where}: ${p.key}: ${p.message} (the defaults apply instead)`);
      }
    }
    if (isIgnored(cfg, file)) return '\0ignored:' + (cfg.file ?? '');
    return cfg.file ?? '';
  };

  const linkSkipped = (message: string) => {
    linksSkipped++;
    err(`cable-lint: ${message}`);
  };

  function* jobs(): Generator<Omit<Job, 'id'>> {
    for (const { file, path, explicit } of walkPaths(args.paths, { followSymlinks: args.followSymlinks, problem: fileProblem, skipped: linkSkipped })) {
      const key = configOf(file);
      if (key.startsWith('\0ignored:')) {
        ignored++;
        if (explicit) err(`cable-lint: ${file}: ignored by ${key.slice(9)}`);
        continue;
      }
      yield path === undefined ? { file, key } : { file, path, key };
    }
  }

  // Output: results are written in file order, as soon as the ones before them are in.
  let buffer = args.format === 'json' ? '[' : '';
  let firstJson = true;
  let checked = 0;
  let errors = 0;
  let warnings = 0;
  let next = 0;
  const waiting = new Map<number, FileResult>();
  const write = (r: FileResult) => {
    if (r.problem) fileProblem(r.problem);
    else checked++;
    errors += r.errors;
    warnings += r.warnings;
    if (r.output) {
      if (args.format === 'json') {
        buffer += firstJson ? '\n' : ',\n';
        firstJson = false;
      }
      buffer += r.output;
      if (buffer.length >= FLUSH_BYTES) {
        out(buffer);
        buffer = '';
      }
    }
  };
  const done = (id: number, r: FileResult) => {
    waiting.set(id, r);
    for (let w = waiting.get(next); w; w = waiting.get(next)) {
      waiting.delete(next++);
      write(w);
    }
  };

  // A few files are checked here; many go to worker threads.
  const all = jobs();
  const head: Omit<Job, 'id'>[] = [];
  for (let j = all.next(); !j.done; j = all.next()) {
    head.push(j.value);
    if (head.length >= WORKER_MIN_FILES) break;
  }
  const rest: Iterator<Omit<Job, 'id'>> = (function* () {
    yield* head;
    yield* all;
  })();
  if (args.jobs > 1 && head.length >= WORKER_MIN_FILES) {
    await runPool(__filename, Math.min(args.jobs, availableParallelism()), rest, (key) => options.get(key)!, args.format, done);
  } else {
    let id = 0;
    for (let j = rest.next(); !j.done; j = rest.next()) done(id++, checkFile(j.value.file, options.get(j.value.key)!, args.format, j.value.path));
  }

  if (args.format === 'json') buffer += firstJson ? ']\n' : '\n]\n';
  if (buffer) out(buffer);
  const skipped = [unchecked ? `${unchecked} not checked` : '', linksSkipped ? `${plural(linksSkipped, 'link')} not followed` : '', ignored ? `${ignored} ignored by configuration` : ''].filter(Boolean);
  err(`${plural(checked, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${skipped.length ? ` (${skipped.join(', ')})` : ''}`);
  if (problems) return 2;
  return errors > 0 ? 1 : 0;
}

/** The command: bin/cable-lint.js calls it (so that any name the bin is linked under works). */
export function run(): void {
  guardOutput();
  main(process.argv.slice(2), writeOut, writeErr).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`cable-lint: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}

if (!isMainThread && workerData === WORKER_MARK) serveJobs();
else if (require.main === module) run();
