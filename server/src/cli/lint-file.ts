import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parse } from '../parse/index';
import { positionAt } from '../positions';
import { lint, type LintOptions } from '../rules/engine';
import type { Severity } from '../rules/types';
import { decodeBytes, encodeText, fixText, unifiedDiff, writeFileAtomic } from './fix';
import { formatFile, type Format, type OutputFinding } from './formats';
import type { FsPath } from './names';

export type { Format, OutputFinding } from './formats';

/** What checking a file does: the output format, and whether preferred fixes are applied (written, or shown as a diff). */
export interface Mode {
  format: Format;
  fix?: 'write' | 'dry-run';
}

/** Files larger than this are reported, not checked: no cable comes near it, and it bounds memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Parses and lints one cable's text; positions are 1-based, as compilers print them. */
export function lintText(file: string, text: string, options: LintOptions): OutputFinding[] {
  const cable = parse(text);
  // The file name's reference id dates an archived cable that has no date-time group.
  return lint(cable, { ...options, fileName: file }).map((f) => {
    const s = positionAt(cable.lines, f.start);
    const e = positionAt(cable.lines, f.end);
    return {
      file,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    };
  });
}

/** What checking one file produced: its formatted output, counts, or why it was not checked. */
export interface FileResult {
  /** Formatted findings (see formatFile), or with --fix-dry-run the unified diff. */
  output: string;
  findings: number;
  errors: number;
  warnings: number;
  /** Findings by rule (the text format's summary), with each rule's severity. */
  byRule: Record<string, { severity: Severity; count: number }>;
  /** --fix: what was fixed, as the line to print (the file was written, or the diff shows it). */
  fixed?: string;
  /** Set when the file could not be checked (the message names the file). */
  problem?: string;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the path is too long',
  ENOSPC: 'no space left on device',
  EAGAIN: 'not ready to be read',
};

/** Why a file operation failed, in words, with the system's code. */
export function errorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code) return REASONS[code] ? `${REASONS[code]}, ${code}` : code;
  return (e as Error).message;
}

/**
 * Reads a file with one open: a FIFO, a device or a path that changed kind is
 * refused, not waited on (the open does not block: O_NONBLOCK).
 */
function readCableFile(file: FsPath): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return `cannot be read (${errorReason(e)})`;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'not a regular file; not checked';
    if (st.size > MAX_FILE_BYTES)
      return `too large (${(st.size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB); not checked`;
    const bytes = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < bytes.length) {
      const r = readSync(fd, bytes, n, bytes.length - n, null);
      if (r === 0) break; // the file shrank while being read
      n += r;
    }
    return bytes.subarray(0, n);
  } catch (e) {
    return `cannot be read (${errorReason(e)})`;
  } finally {
    closeSync(fd);
  }
}

export function emptyResult(problem?: string): FileResult {
  return problem === undefined
    ? { output: '', findings: 0, errors: 0, warnings: 0, byRule: {} }
    : { output: '', findings: 0, errors: 0, warnings: 0, byRule: {}, problem };
}

/**
 * Reads, parses, lints and formats one file (`file` as printed; `path` to
 * open it, when it differs); with --fix, fixes it first. Never throws.
 */
export function checkFile(file: string, options: LintOptions, mode: Mode, path: FsPath = file): FileResult {
  const bytes = readCableFile(path);
  if (typeof bytes === 'string') return emptyResult(`${file}: ${bytes}`);
  return checkBytes(file, bytes, options, mode, path);
}

/** checkFile on bytes already read (standard input has no path to write back: `path` undefined). */
export function checkBytes(file: string, bytes: Uint8Array, options: LintOptions, mode: Mode, path?: FsPath): FileResult {
  const result = emptyResult();
  const decoded = decodeBytes(bytes);
  if (decoded === undefined) return emptyResult(`${file}: not a text file (it contains NUL bytes); not checked`);
  let text = decoded.text;
  let findings: OutputFinding[];
  try {
    if (mode.fix) {
      const fixed = fixText(text, (t) => lint(parse(t), { ...options, fileName: file }));
      if (fixed.text !== text) {
        const what = [...fixed.fixedByRule].map(([rule, n]) => `${rule} ${n}`).join(', ');
        if (mode.fix === 'dry-run') {
          result.output = unifiedDiff(file, text, fixed.text);
          result.fixed = `${file}: would fix ${what || 'findings'}`;
        } else {
          const out = encodeText(fixed.text, decoded.encoding);
          const why =
            out === undefined
              ? 'a fix needs a character that Latin-1 cannot hold; not fixed (the file is unchanged)'
              : path === undefined
                ? 'standard input cannot be written back'
                : writeFileAtomic(path, out);
          if (why) return emptyResult(`${file}: ${why}`);
          result.fixed = `${file}: fixed ${what || 'findings'}`;
        }
        text = fixed.text;
      }
    }
    findings = lintText(file, text, options);
  } catch (e) {
    // A parser bug must not stop the run; the file is reported as not checked.
    return emptyResult(`${file}: internal error while checking (${(e as Error).message}); please report it`);
  }
  for (const f of findings) {
    if (f.severity === 'error') result.errors++;
    else if (f.severity === 'warning') result.warnings++;
    if (mode.format.quiet && f.severity !== 'error') continue;
    const r = (result.byRule[f.rule] ??= { severity: f.severity, count: 0 });
    r.count++;
  }
  result.findings = findings.length;
  if (mode.fix !== 'dry-run') result.output = formatFile(file, findings, mode.format);
  return result;
}
