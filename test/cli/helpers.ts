// Running the built command (bin/cable-lint.js) in the cable-lint tests, and temporary folders.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../parse/fixtures';

export const CLI = join(ROOT, 'bin', 'cable-lint.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs cable-lint with the arguments; colour variables cleared unless `env` sets them. */
export function lint(args: string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}): Run {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...env, ...options.env },
  });
  assert.equal(r.error, undefined, `cable-lint did not run: ${r.error?.message}`);
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A fresh temporary folder; call the returned function to remove it. */
export function tempDir(prefix: string): [string, () => void] {
  const d = mkdtempSync(join(tmpdir(), `cable-cli-${prefix}-`));
  return [d, () => rmSync(d, { recursive: true, force: true })];
}
