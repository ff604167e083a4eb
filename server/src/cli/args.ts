import { availableParallelism } from 'node:os';
import { parseArgs as parseArgv } from 'node:util';
import { parseIsoDate } from '../dates';
import type { CalendarDate } from '../model';
import { ruleById } from '../rules/engine';
import { isSeverityOrOff, type Severity } from '../rules/types';
import { FORMATS, type FormatName } from './formats';

// The command line, read by node:util parseArgs (`--name value`, `--name=value`,
// `--` ends the options; `-` is standard input). Every value is checked here,
// so a mistake is a usage error (exit 2) before any file is read.

export const USAGE = `usage: cable-lint [options] PATH...
       cable-lint [options] - [--stdin-filename NAME] < cable.txt
  PATH                 a cable file, or a folder (searched for *.cable, *.tel and *.txt); - reads standard input
  -f, --format FORMAT  text (default): a heading per file, file:line:col: severity rule-id message, a summary by rule
                       json: one array of {file, line, column, endLine, endColumn, severity, rule, message}
                       sarif: SARIF 2.1.0 (every rule in tool.driver.rules), for code scanning
                       github: GitHub Actions workflow commands (annotations on the lines)
  --fix                apply every preferred fix, re-check and repeat; write the files back (encoding, BOM, line ends, mode kept)
  --fix-dry-run        print the fixes as a unified diff; write nothing
  --stdin-filename NAME  the name of the cable on standard input (configuration, ignore globs and output use it)
  --max-warnings N     exit 1 when there are more than N warnings
  -q, --quiet          print errors only (the counts still include everything)
  --rule ID=SEVERITY   set a rule's severity (error, warning, information, hint, off); repeatable; overrides the configuration
  -c, --config FILE    use this configuration file for every cable (instead of the nearest .cablelintrc.json)
  --print-config FILE  print the configuration that applies to FILE (as JSON) and exit
  --date YYYY-MM-DD    check DECL dates against this date instead of the date-time group or today
  --jobs N             files checked in parallel (default: one less than the number of processors; 1: no worker threads)
  --follow-symlinks    follow links that lead out of the folders named (each folder and file is still checked once)
  -v, --version        print the version
  -h, --help           print this help
A summary goes to standard error: files checked, findings, files fixed and files not checked.
Colour: on when standard output is a terminal; NO_COLOR turns it off, FORCE_COLOR on (FORCE_COLOR=0 off).
Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage error or a path or file that could not be checked or fixed.`;

export interface Args {
  format: FormatName;
  date?: CalendarDate;
  jobs: number;
  followSymlinks: boolean;
  fix?: 'write' | 'dry-run';
  /** `-` was given: the cable is read from standard input. */
  stdin: boolean;
  stdinFilename?: string;
  maxWarnings?: number;
  quiet: boolean;
  /** --rule overrides, in the order given (a later one wins). */
  rules: Record<string, Severity | 'off'>;
  config?: string;
  printConfig?: string;
  paths: string[];
}

export const OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'print-config': { type: 'string' },
  date: { type: 'string' },
  jobs: { type: 'string' },
  'follow-symlinks': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The arguments, 'help', 'version', or a usage error's message. */
export function parseArgs(argv: string[]): Args | 'help' | 'version' | { error: string } {
  // Not strict: each option token is checked here, so that the message names what was typed.
  const { tokens } = parseArgv({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  // One processor is left to the main thread and V8's own threads (collector, compiler): on two
  // processors a second worker only competed with them (measured: slower than none).
  const args: Args = {
    format: 'text',
    jobs: Math.max(1, availableParallelism() - 1),
    followSymlinks: false,
    stdin: false,
    quiet: false,
    rules: {},
    paths: [],
  };
  let fix = false;
  let dryRun = false;
  let help = false;
  let version = false;
  for (const t of tokens) {
    if (t.kind === 'positional') {
      if (t.value === '-') args.stdin = true;
      else args.paths.push(t.value);
      continue;
    }
    if (t.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[t.name];
    if (!spec) return { error: `unknown option ${t.rawName}` };
    if (spec.type === 'boolean') {
      if (t.value !== undefined) return { error: `${t.rawName} takes no value` };
    } else if (t.value === undefined) return { error: `${t.rawName} needs a value` };
    const v = t.value ?? '';
    switch (t.name) {
      case 'help':
        help = true;
        break;
      case 'version':
        version = true;
        break;
      case 'format':
        if (!(FORMATS as readonly string[]).includes(v)) return { error: `--format must be ${FORMATS.join(', ')}, not "${v}"` };
        args.format = v as FormatName;
        break;
      case 'fix':
        fix = true;
        break;
      case 'fix-dry-run':
        dryRun = true;
        break;
      case 'stdin-filename':
        if (v === '') return { error: '--stdin-filename needs a name' };
        args.stdinFilename = v;
        break;
      case 'max-warnings':
        if (!/^\d{1,9}$/.test(v)) return { error: `--max-warnings must be a whole number from 0, not "${v}"` };
        args.maxWarnings = Number(v);
        break;
      case 'quiet':
        args.quiet = true;
        break;
      case 'rule': {
        const eq = v.indexOf('=');
        const id = eq < 0 ? v : v.slice(0, eq);
        const sev = eq < 0 ? '' : v.slice(eq + 1);
        if (eq < 0) return { error: `--rule takes ID=SEVERITY, not "${v}"` };
        if (!ruleById(id)) return { error: `--rule: unknown rule id "${id}" (the rules are listed in docs/rules.md)` };
        if (!isSeverityOrOff(sev))
          return { error: `--rule ${id}: the severity must be error, warning, information, hint or off, not "${sev}"` };
        args.rules[id] = sev as Severity | 'off';
        break;
      }
      case 'config':
        args.config = v;
        break;
      case 'print-config':
        args.printConfig = v;
        break;
      case 'date': {
        const date = parseIsoDate(v);
        if (!date) return { error: `--date must be a real date written YYYY-MM-DD, not "${v}"` };
        args.date = date;
        break;
      }
      case 'jobs':
        if (!/^\d{1,3}$/.test(v) || Number(v) < 1) return { error: `--jobs must be a whole number from 1, not "${v}"` };
        args.jobs = Number(v);
        break;
      case 'follow-symlinks':
        args.followSymlinks = true;
        break;
    }
  }
  if (help) return 'help';
  if (version) return 'version';
  if (fix && dryRun) return { error: 'choose one of --fix and --fix-dry-run' };
  if (fix) args.fix = 'write';
  if (dryRun) args.fix = 'dry-run';
  if (args.printConfig !== undefined) return args;
  if (args.stdin) {
    if (args.paths.length > 0) return { error: '- (standard input) cannot be combined with other paths' };
    if (args.fix === 'write') return { error: '--fix cannot write standard input back (--fix-dry-run prints the fixes as a diff)' };
  } else {
    if (args.stdinFilename !== undefined) return { error: '--stdin-filename is for - (standard input)' };
    if (args.paths.length === 0) return { error: 'no PATH given' };
  }
  return args;
}
