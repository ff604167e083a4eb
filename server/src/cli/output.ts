import { errorReason } from './lint-file';

// Standard output that cannot be written: a reader that went away
// (`cable-lint DIR | head`) ends the run quietly; any other failure (a full
// disk: `cable-lint DIR > /dev/full`) ends it at once with one line and exit
// status 2, instead of a stack trace or checking on for nothing.

let stopped = false;

function fail(e: NodeJS.ErrnoException): never {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  if (!stopped) {
    stopped = true;
    try {
      process.stderr.write(`cable-lint: cannot write the output (${errorReason(e)}); stopped\n`);
    } catch {
      // standard error is gone too: the status says it
    }
  }
  process.exit(2);
}

/** Writes a chunk to standard output; stops the process when it cannot be written. */
export function writeOut(chunk: string): void {
  process.stdout.write(chunk);
  // A file's write fails synchronously (the stream records it before the event).
  const e = process.stdout.errored as NodeJS.ErrnoException | null;
  if (e) fail(e);
}

/** Writes one line to standard error; a failure there ends the run with status 2. */
export function writeErr(line: string): void {
  process.stderr.write(line + '\n');
  if (process.stderr.errored) process.exit(2);
}

/** Installs the handlers for failures reported later (pipes and terminals report them as events). */
export function guardOutput(): void {
  process.stdout.on('error', fail);
  process.stderr.on('error', () => process.exit(2));
}
