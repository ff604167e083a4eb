import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isIgnored, loadConfigFor, type LoadedConfig } from '../config';
import type { CalendarDate } from '../model';
import { decode, formatText, lintText, type OutputFinding } from './lint-file';

// cable-lint [--format text|json] [--date YYYY-MM-DD] PATH...
// Exit 0: no error-level finding; 1: at least one; 2: usage error, or a path
// that cannot be read (the other paths are still checked).

const USAGE = `usage: cable-lint [--format text|json] [--date YYYY-MM-DD] PATH...
  PATH        a cable file, or a folder (searched for *.cable, *.tel and *.txt)
  --format    text (default): file:line:col: severity rule-id message
              json: one array of {file, line, column, endLine, endColumn, severity, rule, message}
  --date      check DECL dates against this date instead of the date-time group or today
Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable path.`;

const EXTENSIONS = /\.(cable|tel|txt)$/i;

interface Args {
  format: 'text' | 'json';
  date?: CalendarDate;
  paths: string[];
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { format: 'text', paths: [] };
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
      else if (a === '--format' || a.startsWith('--format=')) {
        const f = value('--format');
        if (f !== 'text' && f !== 'json') return `--format must be text or json, not "${f}"`;
        args.format = f;
      } else if (a === '--date' || a.startsWith('--date=')) {
        const d = value('--date');
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
        const date = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
        const valid = date && new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDate() === date.day && date.month >= 1 && date.month <= 12;
        if (!date || !valid) return `--date must be a real date written YYYY-MM-DD, not "${d}"`;
        args.date = date;
      } else if (a === '--') args.paths.push(...argv.slice(i + 1)), (i = argv.length);
      else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
      else args.paths.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (args.paths.length === 0) return 'no PATH given';
  return args;
}

/** Files under `path` in a stable order: the path itself, or a folder's cable files, recursively. */
function* filesOf(path: string, problems: string[]): Generator<{ file: string; explicit: boolean }> {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    problems.push(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return;
  }
  if (st.isFile()) {
    yield { file: path, explicit: true };
    return;
  }
  if (!st.isDirectory()) {
    problems.push(`${path}: not a file or folder`);
    return;
  }
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch (e) {
    problems.push(`${path}: folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === '.git') continue;
    const p = join(path, name);
    let s;
    try {
      s = statSync(p);
    } catch (e) {
      problems.push(`${p}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    if (s.isDirectory()) yield* filesOf(p, problems);
    else if (s.isFile() && EXTENSIONS.test(name)) yield { file: p, explicit: false };
  }
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseArgs(argv);
  if (args === 'help') {
    out(USAGE);
    return 0;
  }
  if (typeof args === 'string') {
    err(`cable-lint: ${args}\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  const configs = new Map<string, LoadedConfig>();
  const reported = new Set<string>();
  let errors = 0;
  let warnings = 0;
  let files = 0;
  const json: OutputFinding[] = [];
  for (const path of args.paths) {
    for (const { file, explicit } of filesOf(path, problems)) {
      const dir = file.slice(0, Math.max(file.lastIndexOf('/'), 0));
      let cfg = configs.get(dir);
      if (!cfg) {
        cfg = loadConfigFor(file);
        configs.set(dir, cfg);
      }
      if (cfg.file && !reported.has(cfg.file)) {
        reported.add(cfg.file);
        for (const p of cfg.problems) problems.push(`${p.file}: ${p.key}: ${p.message} (the defaults apply instead)`);
      }
      if (isIgnored(cfg, file)) {
        if (explicit) err(`cable-lint: ${file}: ignored by ${cfg.file}`);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        problems.push(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        continue;
      }
      const text = decode(bytes);
      if (text === undefined) {
        problems.push(`${file}: not a text file (it contains NUL bytes); not checked`);
        continue;
      }
      files++;
      const findings = lintText(file, text, { date: args.date, rules: cfg.config.rules, extraTags: cfg.config.extraTags });
      for (const f of findings) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
        if (args.format === 'json') json.push(f);
        else out(formatText(f));
      }
    }
  }
  if (args.format === 'json') out(JSON.stringify(json, null, 1));
  for (const p of problems) err(`cable-lint: ${p}`);
  if (args.format === 'text') err(`${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  if (problems.length) return 2;
  return errors > 0 ? 1 : 0;
}

if (require.main === module || process.argv[1]?.endsWith('cable-lint.js') || process.argv[1]?.endsWith('cable-lint')) {
  const lines: string[] = [];
  const code = main(process.argv.slice(2), (s) => lines.push(s), (s) => process.stderr.write(s + '\n'));
  process.stdout.write(lines.length ? lines.join('\n') + '\n' : '', () => process.exit(code));
}
