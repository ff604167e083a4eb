import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parse } from '../parse/index';
import { positionAt } from '../positions';
import { lint, type LintOptions } from '../rules/engine';
import type { Severity } from '../rules/types';
import type { FsPath } from './names';

export interface OutputFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

export type Format = 'text' | 'json';

/** Files larger than this are reported, not checked: no cable comes near it, and it bounds memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Decodes a file's bytes: UTF-8 when valid, otherwise Latin-1 (older copies
 * of cables are Latin-1), so that no byte is lost or replaced.
 * Returns undefined for binary data (NUL bytes).
 */
export function decode(bytes: Uint8Array): string | undefined {
  if (bytes.indexOf(0) !== -1) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** Parses and lints one cable's text; positions are 1-based, as compilers print them. */
export function lintText(file: string, text: string, options: LintOptions): OutputFinding[] {
  const cable = parse(text);
  return lint(cable, options).map((f) => {
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

export function formatText(f: OutputFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}`;
}

/** What checking one file produced: its formatted output, counts, or why it was not checked. */
export interface FileResult {
  /** Formatted findings: text lines each ending in a newline, or JSON objects joined by ",\n" (no brackets). */
  output: string;
  findings: number;
  errors: number;
  warnings: number;
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
    if (st.size > MAX_FILE_BYTES) return `too large (${(st.size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB); not checked`;
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

/** Reads, parses, lints and formats one file (`file` as printed; `path` to open it, when it differs). Never throws. */
export function checkFile(file: string, options: LintOptions, format: Format, path: FsPath = file): FileResult {
  const result: FileResult = { output: '', findings: 0, errors: 0, warnings: 0 };
  const bytes = readCableFile(path);
  if (typeof bytes === 'string') {
    result.problem = `${file}: ${bytes}`;
    return result;
  }
  const text = decode(bytes);
  if (text === undefined) {
    result.problem = `${file}: not a text file (it contains NUL bytes); not checked`;
    return result;
  }
  let findings: OutputFinding[];
  try {
    findings = lintText(file, text, options);
  } catch (e) {
    // A parser bug must not stop the run; the file is reported as not checked.
    result.problem = `${file}: internal error while checking (${(e as Error).message}); please report it`;
    return result;
  }
  const parts: string[] = [];
  for (const f of findings) {
    if (f.severity === 'error') result.errors++;
    else if (f.severity === 'warning') result.warnings++;
    parts.push(format === 'json' ? JSON.stringify(f) : formatText(f) + '\n');
  }
  result.findings = findings.length;
  result.output = parts.join(format === 'json' ? ',\n' : '');
  return result;
}
