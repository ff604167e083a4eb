// The findings cap (issue 15 item 8): a finding-dense text keeps the first
// MAX_FINDINGS findings by position and one more that says how many were left
// out, in the core, in cable-lint and in the server. (Peak memory on 5 and 20 MB
// texts: scripts/hostile-figures.mjs.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../server/src/parse/index';
import { FindingCollector, MAX_FINDINGS, TRUNCATED_RULE } from '../../server/src/rules/cap';
import { lint } from '../../server/src/rules/engine';
import type { Finding } from '../../server/src/rules/types';
import { Client, SERVER, uriOf } from '../lsp/harness';
import { ROOT } from '../parse/fixtures';

/** A CONFIDENTIAL cable of `n` paragraphs all numbered 1 and unmarked: two findings each. */
const dense = (n: number) => 'C O N F I D E N T I A L\n\nSUBJECT: X\n\n' + '1. x\n'.repeat(n);
const TODAY = { year: 2026, month: 12, day: 5 };

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cable-cap-'));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('lint keeps the first 10,000 findings by position and says how many more, by severity', () => {
  const cable = parse(dense(30_000));
  const all = lint(cable, { today: TODAY, maxFindings: Infinity });
  assert.ok(all.length > 50_000, `${all.length} findings uncapped`);
  const capped = lint(cable, { today: TODAY });
  assert.equal(capped.length, MAX_FINDINGS + 1);
  // (Compared without fixes: para-numbering's one fix renumbers all 30,000 paragraphs.)
  const brief = (fs: Finding[]) => fs.map((f) => `${f.start} ${f.end} ${f.rule} ${f.fixes?.length ?? 0} ${f.message}`);
  assert.deepEqual(brief(capped.slice(0, MAX_FINDINGS)), brief(all.slice(0, MAX_FINDINGS)), 'the kept ones are the first by position');
  const last = capped[MAX_FINDINGS];
  assert.equal(last.rule, TRUNCATED_RULE);
  const left = all.slice(MAX_FINDINGS);
  const errors = left.filter((f) => f.severity === 'error').length;
  const warnings = left.filter((f) => f.severity === 'warning').length;
  assert.ok(errors > 0);
  assert.equal(last.severity, 'error', 'the most severe of those left out');
  assert.match(
    last.message,
    new RegExp(
      `^${left.length} more findings in this file are not shown \\(${errors} errors${warnings ? `, ${warnings} warnings` : ''}\\)`,
    ),
  );
  assert.equal(
    last.start,
    left.reduce((m, f) => Math.min(m, f.start), Infinity),
    'placed at the first finding left out',
  );
  assert.equal(last.fixes, undefined);
});

test('the collector holds at most twice the cap, takes findings in any order, and adds nothing under the cap', () => {
  const c = new FindingCollector(10);
  const mk = (start: number, severity: Finding['severity'] = 'warning'): Finding => ({
    rule: 'r',
    severity,
    message: 'm',
    start,
    end: start + 1,
  });
  // Reported backwards (a rule may walk the text from the end): the kept ones are still the first ten.
  for (let i = 999; i >= 0; i--) c.add(mk(i, i % 2 ? 'hint' : 'warning'));
  const r = c.result();
  assert.deepEqual(
    r.slice(0, 10).map((f) => f.start),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.equal(r.length, 11);
  assert.match(r[10].message, /^990 more findings .* \(495 warnings, 495 hints\); only the first 10 are kept/);
  assert.equal(r[10].severity, 'warning');
  assert.equal(r[10].start, 10);
  const under = new FindingCollector(10);
  for (let i = 0; i < 10; i++) under.add(mk(i));
  assert.equal(under.result().length, 10);
});

test('cable-lint on a finding-dense file: 10,000 findings and the one that counts the rest, exit 1', () => {
  const file = join(dir, 'dense.txt');
  writeFileSync(file, dense(100_000));
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cable-lint.js'), '--format', 'json', '--date', '2026-12-05', file], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.error, undefined);
  assert.equal(r.status, 1, r.stderr.slice(0, 500));
  const out = JSON.parse(r.stdout) as { rule: string; message: string; line: number }[];
  assert.equal(out.length, MAX_FINDINGS + 1);
  const last = out[MAX_FINDINGS];
  assert.equal(last.rule, TRUNCATED_RULE);
  assert.match(last.message, /^\d+ more findings in this file are not shown/);
  assert.match(r.stderr, /^1 file checked: /m);
});

test(
  'the server on a finding-dense document publishes 10,000 diagnostics and the count of the rest, without a rule link',
  { skip: !existsSync(SERVER) && 'dist/server.js not built' },
  async () => {
    const c = new Client();
    try {
      await c.initialize();
      const diags = await c.open(uriOf('dense.txt'), dense(100_000));
      assert.equal(diags.length, MAX_FINDINGS + 1);
      const last = diags[MAX_FINDINGS];
      assert.equal(last.code, TRUNCATED_RULE);
      assert.equal(last.codeDescription, undefined, 'not a rule: no link to docs/rules.md');
      assert.ok(diags[0].codeDescription, 'the rules keep their links');
    } finally {
      await c.close();
    }
  },
);
