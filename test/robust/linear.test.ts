// No regular expression or loop may blow up on long lines: parse + lint of
// pathological 1 MB inputs must finish, in time roughly proportional to the
// size. Each input runs in a worker thread, so that a blow-up fails the test
// (after a generous limit) instead of hanging it. The check is loose (1 MB may
// take up to 8 times as long as 256 KB; linear is 4) and compares two runs on
// the same machine, never an absolute time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parse } from '../../server/src/parse';
import { lint } from '../../server/src/rules/engine';

const K = 1024;
// Below this, a time is mostly noise; quadratic behaviour at 1 MB is far above it.
const NOISE_MS = 25;
// 1 MB against 256 KB: 4 is linear, 16 quadratic.
const MAX_RATIO = 8;
const rep = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
/** Distinct made-up codes, so that every one is looked up (and suggested for) anew. */
const codes = (n: number) => {
  let out = '';
  for (let i = 0; out.length < n; i++) out += 'Q' + (i % 40000).toString(36).toUpperCase().padStart(4, 'Z') + ' ';
  return out.slice(0, n);
};

/** Inputs by name: each makes a text of about `n` characters. */
const CASES: Record<string, (n: number) => string> = {
  spaces: (n) => rep(' ', n),
  digits: (n) => rep('1234567890', n),
  dots: (n) => rep('.', n),
  'open brackets': (n) => rep('[', n),
  'close brackets': (n) => rep(']', n),
  'open parentheses': (n) => rep('(', n),
  '[1](#) repeated': (n) => rep('[1](#)', n),
  '1.1.1.': (n) => rep('1.1.1.', n),
  'SUBJECT: + 1 MB': (n) => 'SUBJECT: ' + rep('A ', n),
  'TAGS: PREL repeated': (n) => 'TAGS: ' + rep('PREL ', n),
  'TAGS: unknown codes': (n) => 'TAGS: ' + codes(n),
  'Classified By + 1 MB': (n) => 'Classified By: ' + rep('Ambassador ', n),
  'Classified By, reasons repeated': (n) => 'Classified By: X, Reasons ' + rep('1.4 (b) and ', n),
  'E.O. line + 1 MB': (n) => 'E.O. 12958: DECL: ' + rep('1/', n),
  'spaced banner repeated': (n) => rep('C O N F I D E N T I A L ', n),
  'portion markings': (n) => rep('(S//NF) ', n),
  'paragraph lines': (n) => rep('1. (U) text\n', n),
  'sub-paragraph lines': (n) => rep('A. x\n', n),
  'ref a and ...': (n) => 'see ' + rep('ref a and ', n),
  'REF list lines': (n) => 'REF: ' + rep('A. STATE 1\n', n),
  'SUMMARY/END SUMMARY': (n) => rep('SUMMARY: x. END SUMMARY. ', n),
  'CR only': (n) => rep('\r', n),
  'CR/LF mix': (n) => rep('a\rb\nc\r\n', n),
  'header address lines': (n) => 'VZCZC\n' + rep('TO RUEHC/SECSTATE WASHDC 1\n', n),
  'page lines': (n) => rep('PAGE 02 HARARE 05461 01 OF 02 271458Z\n', n),
  emoji: (n) => rep('😀', n),
  words: (n) => rep('the ', n),
};

interface Timing {
  name: string;
  small: number;
  large: number;
  findings: number;
  internal: string[];
}

function run(text: string): { ms: number; findings: number; internal: string[] } {
  const t0 = performance.now();
  const f = lint(parse(text), { today: { year: 2010, month: 1, day: 1 } });
  return { ms: performance.now() - t0, findings: f.length, internal: f.filter((x) => x.rule === 'internal-error').map((x) => x.message) };
}

if (!isMainThread && workerData === 'linear-cases') {
  // One run per size: a first run that pays for compiling only makes 256 KB
  // look slower, which makes the check more lenient, never stricter.
  // A ratio over the limit is measured up to three times more, keeping the
  // fastest of each size (a collection or a busy machine can land in a run);
  // a real blow-up fails every time.
  parentPort!.on('message', (name: string) => {
    const small = run(CASES[name](256 * K));
    const large = run(CASES[name](1024 * K));
    for (let again = 0; again < 3 && large.ms / Math.max(small.ms, NOISE_MS) >= MAX_RATIO; again++) {
      small.ms = Math.min(small.ms, run(CASES[name](256 * K)).ms);
      large.ms = Math.min(large.ms, run(CASES[name](1024 * K)).ms);
    }
    parentPort!.postMessage({
      name,
      small: small.ms,
      large: large.ms,
      findings: large.findings,
      internal: [...small.internal, ...large.internal],
    } satisfies Timing);
  });
}

const LIMIT_MS = 30_000;

/**
 * Runs every case on two worker threads (the machine's cores), each case on
 * its own; a case that does not finish within LIMIT_MS is reported as such and
 * its worker replaced.
 */
function runAll(): Map<string, Promise<Timing>> {
  const names = Object.keys(CASES);
  const waiting = new Map<string, { resolve: (t: Timing) => void; reject: (e: Error) => void }>();
  const results = new Map<string, Promise<Timing>>();
  for (const name of names) results.set(name, new Promise((resolve, reject) => waiting.set(name, { resolve, reject })));
  let next = 0;
  const worker = () => {
    if (next >= names.length) return;
    const w = new Worker(__filename, { workerData: 'linear-cases' });
    let current = '';
    let timer: NodeJS.Timeout | undefined;
    const give = () => {
      if (next >= names.length) {
        void w.terminate();
        return;
      }
      current = names[next++];
      w.postMessage(current);
      timer = setTimeout(() => {
        waiting.get(current)!.reject(new Error(`${current}: parse + lint of 256 KB and 1 MB did not finish within ${LIMIT_MS / 1000} s`));
        void w.terminate();
        worker();
      }, LIMIT_MS);
    };
    w.on('message', (t: Timing) => {
      clearTimeout(timer);
      waiting.get(t.name)!.resolve(t);
      give();
    });
    w.on('error', (e) => {
      clearTimeout(timer);
      waiting.get(current)?.reject(e);
      worker();
    });
    give();
  };
  worker();
  worker();
  return results;
}

if (isMainThread) {
  const results = runAll();
  for (const [name, result] of results) {
    test(`linear on 1 MB: ${name}`, async () => {
      const t = await result;
      assert.deepEqual(t.internal, [], `${name}: a rule failed`);
      const ratio = t.large / Math.max(t.small, NOISE_MS);
      assert.ok(
        ratio < MAX_RATIO,
        `${name}: 256 KB took ${t.small.toFixed(0)} ms, 1 MB ${t.large.toFixed(0)} ms (${ratio.toFixed(1)}x; linear is 4x)`,
      );
    });
  }
}
