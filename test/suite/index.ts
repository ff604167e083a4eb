// Entry point of the extension-host test suite (VS Code calls run() when launched with
// --extensionTestsPath=out/test/suite/index). Runs every *.test.js next to this file with mocha (TDD ui),
// logs one line per test and the totals, and — when CABLE_TEST_RESULTS names a file — writes
// { passed, failed, pending, tests } there for scripts/editor/run-vscode-tests.mjs.
// Runs unchanged in VS Code desktop (@vscode/test-electron) and in code-server (scripts/editor/code-shim.mjs).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

function findTests(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

export function run(): Promise<void> {
  // Base is mocha's silent reporter (it only keeps stats); the per-test lines are logged below with
  // console.log, which both VS Code desktop and code-server forward from the extension host.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: Mocha.reporters.Base, grep: process.env.CABLE_TEST_GREP });
  for (const f of findTests(__dirname)) mocha.addFile(f);

  const results: TestResult[] = [];
  const started = Date.now();
  const write = () => {
    const count = (s: TestResult['state']) => results.filter((r) => r.state === s).length;
    const summary = {
      passed: count('passed'),
      failed: count('failed'),
      pending: count('pending'),
      ms: Date.now() - started,
      tests: results,
    };
    console.log(`suite: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending (${summary.ms} ms)`);
    const file = process.env.CABLE_TEST_RESULTS;
    if (file) fs.writeFileSync(file, JSON.stringify(summary, null, 2));
    return summary;
  };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const summary = write();
        if (summary.failed > 0) reject(new Error(`${summary.failed} test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => {
        results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
        console.log(`  PASS ${t.fullTitle()} (${t.duration ?? 0} ms)`);
      });
      runner.on('fail', (t, err: Error) => {
        // 'fail' also fires for hooks; count them as failures too (their tests never ran).
        results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) });
        console.error(`  FAIL ${t.fullTitle()}\n${String(err?.stack ?? err).replace(/^/gm, '       ')}`);
      });
      runner.on('pending', (t) => {
        results.push({ title: t.fullTitle(), state: 'pending' });
        console.log(`  SKIP ${t.fullTitle()}`);
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
