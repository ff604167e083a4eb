import { readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { ConfigCache, isIgnored, parseConfig, readConfigText, type LoadedConfig } from '../config';
import type { LintOptions } from '../rules/engine';
import { ALL_RULES } from '../rules/index';
import type { Severity } from '../rules/types';
import { parseArgs, USAGE, type Args } from './args';
import { walkPaths } from './files';
import { sarifHead, sarifTail, textSummary, wantColor } from './formats';
import { checkBytes, checkFile, errorReason, MAX_FILE_BYTES, type FileResult, type Mode } from './lint-file';
import { guardOutput, writeErr, writeOut } from './output';
import { runPool, serveJobs, WORKER_MARK, type Job } from './pool';

// cable-lint [options] PATH... (see USAGE in args.ts).
// Exit 0: no error-level finding; 1: at least one, or more warnings than
// --max-warnings; 2: usage error, or a file or path that could not be checked
// or fixed (the others are still checked).

/** Set by the build from package.json (scripts/build.mjs). */
declare const CABLE_TOOLS_VERSION: string;
export const VERSION = CABLE_TOOLS_VERSION;

/** Below this many files, starting worker threads costs more than it saves. */
const WORKER_MIN_FILES = 64;
const FLUSH_BYTES = 64 * 1024;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Runs cable-lint. `out` receives standard output in chunks (findings are
 * written as they come, never collected), `err` one line at a time.
 * `io` is the terminal test and environment (for colour) and standard input.
 */
export async function main(
  argv: string[],
  out: (chunk: string) => void,
  err: (line: string) => void,
  io: { isTty?: boolean; env?: NodeJS.ProcessEnv; readStdin?: () => Uint8Array | string } = {},
): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    out(USAGE + '\n');
    return 0;
  }
  if (parsed === 'version') {
    out(`${VERSION}\n`);
    return 0;
  }
  if ('error' in parsed) {
    err(`cable-lint: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const args: Args = parsed;
  const mode: Mode = {
    format: { name: args.format, color: args.format === 'text' && wantColor(io.env ?? process.env, io.isTty ?? false), quiet: args.quiet },
    ...(args.fix ? { fix: args.fix } : {}),
  };

  let problems = 0; // anything that makes the exit status 2
  const notices: string[] = []; // the same, for SARIF's invocation
  let unchecked = 0; // files and paths among them
  let ignored = 0;
  let linksSkipped = 0;
  const problem = (message: string) => {
    problems++;
    notices.push(message);
    err(`cable-lint: ${message}`);
  };
  const fileProblem = (message: string) => {
    unchecked++;
    problem(message);
  };

  // Configuration: --config for every file, else the nearest .cablelintrc.json (one lookup per folder);
  // options are keyed by the config file. --rule overrides both.
  let fixed: LoadedConfig | undefined;
  if (args.config !== undefined) {
    const r = readConfigText(args.config);
    if ('error' in r) {
      err(`cable-lint: --config ${args.config}: ${r.error}`);
      return 2;
    }
    fixed = parseConfig(r.text, args.config);
  }
  const configs = new Map<string, LoadedConfig>();
  const configCache = new ConfigCache();
  const options = new Map<string, LintOptions>();
  const loadedFor = (file: string): LoadedConfig => {
    const dir = dirname(file);
    let cfg = configs.get(dir);
    if (!cfg) {
      cfg = fixed ?? configCache.for(file);
      configs.set(dir, cfg);
      const key = cfg.file ?? '';
      if (!options.has(key)) {
        options.set(key, { date: args.date, rules: { ...cfg.config.rules, ...args.rules }, extraTags: cfg.config.extraTags });
        for (const p of cfg.problems) problem(`${p.where}: ${p.key}: ${p.message} (the defaults apply instead)`);
      }
    }
    return cfg;
  };
  const configOf = (file: string): string => {
    const cfg = loadedFor(file);
    if (isIgnored(cfg, file)) return '\0ignored:' + (cfg.file ?? '');
    return cfg.file ?? '';
  };

  if (args.printConfig !== undefined) {
    const cfg = loadedFor(args.printConfig);
    const o = options.get(cfg.file ?? '')!;
    const rules: Record<string, string> = {};
    for (const r of ALL_RULES) rules[r.id] = o.rules?.[r.id] ?? r.severity;
    const shown = {
      file: args.printConfig,
      config: cfg.file ?? null,
      ignored: isIgnored(cfg, args.printConfig),
      date: args.date ? `${args.date.year}-${String(args.date.month).padStart(2, '0')}-${String(args.date.day).padStart(2, '0')}` : null,
      rules,
      extraTags: cfg.config.extraTags,
      ignore: cfg.config.ignore,
    };
    out(JSON.stringify(shown, null, 2) + '\n');
    return problems ? 2 : 0;
  }

  const linkSkipped = (message: string) => {
    linksSkipped++;
    err(`cable-lint: ${message}`);
  };

  function* jobs(): Generator<Omit<Job, 'id'>> {
    for (const { file, path, explicit } of walkPaths(args.paths, {
      followSymlinks: args.followSymlinks,
      problem: fileProblem,
      skipped: linkSkipped,
    })) {
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
  const name = mode.fix === 'dry-run' ? 'diff' : args.format;
  let buffer = name === 'json' ? '[' : name === 'sarif' ? sarifHead(VERSION) : '';
  let firstItem = true;
  let checked = 0;
  let errors = 0;
  let warnings = 0;
  let filesFixed = 0;
  const byRule = new Map<string, { severity: Severity; count: number }>();
  let next = 0;
  const waiting = new Map<number, FileResult>();
  const write = (r: FileResult) => {
    if (r.problem) fileProblem(r.problem);
    else checked++;
    errors += r.errors;
    warnings += r.warnings;
    for (const [rule, { severity, count }] of Object.entries(r.byRule)) {
      const b = byRule.get(rule);
      if (b) b.count += count;
      else byRule.set(rule, { severity, count });
    }
    if (r.fixed) {
      filesFixed++;
      err(r.fixed);
    }
    if (r.output) {
      if (name === 'json' || name === 'sarif') {
        buffer += firstItem ? (name === 'json' ? '\n' : '') : ',\n';
        firstItem = false;
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

  if (args.stdin) {
    // Standard input: one cable, named by --stdin-filename for the configuration, the ignore globs and the output.
    const display = args.stdinFilename ?? '<stdin>';
    const key = configOf(args.stdinFilename ?? 'stdin.cable');
    if (key.startsWith('\0ignored:')) {
      ignored++;
      err(`cable-lint: ${display}: ignored by ${key.slice(9)}`);
    } else {
      const bytes = (io.readStdin ?? readStdin)();
      if (typeof bytes === 'string') fileProblem(`${display}: ${bytes}`);
      else done(0, checkBytes(display, bytes, options.get(key)!, mode));
    }
  } else {
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
      await runPool(__filename, Math.min(args.jobs, availableParallelism()), rest, (key) => options.get(key)!, mode, done);
    } else {
      let id = 0;
      for (let j = rest.next(); !j.done; j = rest.next())
        done(id++, checkFile(j.value.file, options.get(j.value.key)!, mode, j.value.path));
    }
  }

  if (name === 'json') buffer += firstItem ? ']\n' : '\n]\n';
  else if (name === 'sarif') buffer += sarifTail(notices);
  else if (name === 'text') buffer += textSummary(byRule, mode.format.color);
  if (buffer) out(buffer);
  const extra = [
    unchecked ? `${unchecked} not checked` : '',
    linksSkipped ? `${plural(linksSkipped, 'link')} not followed` : '',
    ignored ? `${ignored} ignored by configuration` : '',
    mode.fix ? `${plural(filesFixed, 'file')} ${mode.fix === 'write' ? 'fixed' : 'with fixes (not written: --fix-dry-run)'}` : '',
  ].filter(Boolean);
  err(
    `${plural(checked, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${extra.length ? ` (${extra.join(', ')})` : ''}`,
  );
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  if (tooManyWarnings) err(`cable-lint: ${plural(warnings, 'warning')}, more than --max-warnings ${args.maxWarnings}`);
  if (problems) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * All of standard input, or why it cannot be read. Read with readSync (a pipe
 * that was left non-blocking answers EAGAIN until data comes: wait and retry).
 */
function readStdin(): Uint8Array | string {
  const chunks: Buffer[] = [];
  let size = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      return `standard input cannot be read (${errorReason(e)}); not checked`;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    size += n;
    if (size > MAX_FILE_BYTES) return `standard input is too large (more than ${MAX_FILE_BYTES / 1048576} MB); not checked`;
  }
  return Buffer.concat(chunks);
}

/** The command: bin/cable-lint.js calls it (so that any name the bin is linked under works). */
export function run(): void {
  guardOutput();
  main(process.argv.slice(2), writeOut, writeErr, { isTty: process.stdout.isTTY === true }).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`cable-lint: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}

if (!isMainThread && workerData === WORKER_MARK) serveJobs();
else if (require.main === module) run();
