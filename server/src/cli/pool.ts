import { parentPort, Worker } from 'node:worker_threads';
import type { LintOptions } from '../rules/engine';
import { checkFile, emptyResult, type FileResult, type Mode } from './lint-file';
import type { FsPath } from './names';

// Worker threads that check files in parallel. The main thread hands out one
// file at a time (a few in flight per worker, so none waits) and receives
// each file's formatted output; the caller puts results back in file order.

export interface Job {
  /** Position in the order of the files, from 0; set by runPool. */
  id: number;
  file: string;
  /** The path to open, when it differs from `file` (a name that is not UTF-8; a worker receives a Uint8Array). */
  path?: FsPath;
  /** Key of the options, sent to each worker once (many files share one configuration). */
  key: string;
}

type ToWorker = { type: 'options'; key: string; options: LintOptions; mode: Mode } | { type: 'job'; job: Job };
type FromWorker = { id: number; result: FileResult };

/** Marks a worker started by runPool (workerData), so the bundle knows to serve jobs. */
export const WORKER_MARK = 'cable-lint-worker';

/** The worker side: checks each file it is sent and posts the result back. */
export function serveJobs(): void {
  const port = parentPort!;
  const options = new Map<string, { options: LintOptions; mode: Mode }>();
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'options') {
      options.set(msg.key, { options: msg.options, mode: msg.mode });
      return;
    }
    const o = options.get(msg.job.key)!;
    const reply: FromWorker = { id: msg.job.id, result: checkFile(msg.job.file, o.options, o.mode, fsPath(msg.job.path)) };
    port.postMessage(reply);
  });
}

/** A path as sent to a worker (a Buffer arrives as a plain Uint8Array). */
function fsPath(p: string | Uint8Array | undefined): FsPath | undefined {
  return p === undefined || typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength);
}

const IN_FLIGHT_PER_WORKER = 4;
// Results wait in the caller until the ones before them are in: a slow file
// may hold back at most this many, which bounds memory.
const WINDOW = 256;
const MAX_RESTARTS = 8;

interface Slot {
  worker: Worker;
  pending: Map<number, Job>;
  keys: Set<string>;
}

/**
 * Checks every job from `jobs` on `count` workers started from `script`.
 * `optionsFor(key)` gives the options a job's key stands for; `done` receives
 * each result (in completion order, with the job's id). A worker that dies
 * fails its pending files (reported as problems) and is replaced.
 */
export function runPool(
  script: string,
  count: number,
  jobs: Iterator<Omit<Job, 'id'>>,
  optionsFor: (key: string) => LintOptions,
  mode: Mode,
  done: (id: number, result: FileResult) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const slots: Slot[] = [];
    let exhausted = false;
    let finished = false;

    const retry: Job[] = [];
    let restarts = 0;
    let nextId = 0;
    let lowest = 0; // every job before this one is done
    const doneIds = new Set<number>();
    const take = (windowed = true): Job | undefined => {
      if (retry.length) return retry.shift();
      if (exhausted || (windowed && nextId - lowest >= WINDOW)) return undefined;
      const next = jobs.next();
      if (!next.done) return { ...next.value, id: nextId++ };
      exhausted = true;
      return undefined;
    };
    const finish = (id: number, result: FileResult) => {
      doneIds.add(id);
      while (doneIds.delete(lowest)) lowest++;
      done(id, result);
    };

    const feed = (slot: Slot) => {
      while (slot.pending.size < IN_FLIGHT_PER_WORKER) {
        const job = take();
        if (!job) break;
        if (!slot.keys.has(job.key)) {
          slot.keys.add(job.key);
          slot.worker.postMessage({ type: 'options', key: job.key, options: optionsFor(job.key), mode } satisfies ToWorker);
        }
        slot.pending.set(job.id, job);
        slot.worker.postMessage({ type: 'job', job } satisfies ToWorker);
      }
      checkFinished();
    };

    const checkFinished = () => {
      if (finished || !exhausted || retry.length || slots.some((s) => s.pending.size > 0)) return;
      finished = true;
      Promise.all(slots.map((s) => s.worker.terminate())).then(
        () => resolve(),
        () => resolve(),
      );
    };

    const start = (): Slot => {
      const worker = new Worker(script, { workerData: WORKER_MARK });
      const slot: Slot = { worker, pending: new Map(), keys: new Set() };
      worker.on('message', (msg: FromWorker) => {
        slot.pending.delete(msg.id);
        finish(msg.id, msg.result);
        for (const s of slots) feed(s);
      });
      const fail = (why: string) => {
        if (finished || !slots.includes(slot)) return;
        slots.splice(slots.indexOf(slot), 1);
        // A worker checks its files in order: the oldest pending one was being
        // checked when it died; the others are handed out again.
        const pending = [...slot.pending.values()];
        const broken = restarts < MAX_RESTARTS ? pending.splice(0, 1) : pending.splice(0);
        retry.unshift(...pending);
        for (const job of broken) {
          finish(job.id, emptyResult(`${job.file}: internal error while checking (${why}); please report it`));
        }
        if (restarts++ < MAX_RESTARTS) slots.push(start());
        else if (slots.length === 0) {
          // Workers keep dying: report every file left rather than loop.
          for (let job = take(false); job; job = take(false)) {
            finish(job.id, emptyResult(`${job.file}: not checked (${why})`));
          }
        }
        for (const s of slots) feed(s);
        checkFinished();
      };
      worker.on('error', (e) => fail(e.message));
      worker.on('exit', (code) => fail(`worker stopped with code ${code}`));
      return slot;
    };

    for (let i = 0; i < count; i++) slots.push(start());
    for (const s of slots) feed(s);
  });
}
