// The VS Code task's `$cable-lint` problem matcher (package.json contributes.problemMatchers) reads
// cable-lint's text output as the task runs it: every finding line gives the file, the position, a
// severity VS Code knows, the rule id and the message; headings and the summary give nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/rules/index';
import { ROOT } from '../parse/fixtures';
import { lint } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const [matcher] = pkg.contributes.problemMatchers;

test('the problem matcher and the task type are contributed, and the task runs what they expect', () => {
  assert.equal(matcher.name, 'cable-lint');
  assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
  assert.deepEqual(
    pkg.contributes.taskDefinitions.map((d: { type: string }) => d.type),
    ['cable-lint'],
  );
  // The task prints the server's findings in this format (test/lsp/workspace.test.ts: the same lines as cable-lint's).
  const tasks = readFileSync(join(ROOT, 'client/src/tasks.ts'), 'utf8');
  assert.ok(tasks.includes("'$cable-lint'") && tasks.includes('`${rel}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}`'));
});

test('every finding line of cable-lint over a folder matches, with its fields', () => {
  const cwd = join(ROOT, 'test', 'fixtures');
  const r = lint(['--format', 'text', 'archive'], { cwd, env: { NO_COLOR: '1' } });
  const re = new RegExp(matcher.pattern.regexp);
  const p = matcher.pattern;
  const ids = new Set(ALL_RULES.map((x) => x.id));
  let findings = 0;
  for (const line of r.stdout.split('\n')) {
    const m = re.exec(line);
    const isFinding = /:\d+:\d+: /.test(line);
    assert.equal(!!m, isFinding, line);
    if (!m) continue;
    findings++;
    assert.ok(existsSync(join(cwd, m[p.file])), m[p.file]);
    assert.ok(Number(m[p.line]) >= 1 && Number(m[p.column]) >= 1, line);
    // VS Code's names: error, warning, info (information), hint.
    assert.ok(['error', 'warning', 'info', 'hint'].includes(m[p.severity]), line);
    assert.ok(ids.has(m[p.code]), line);
    assert.ok(m[p.message].length > 10, line);
  }
  assert.ok(findings >= 10, `${findings} findings`);
  assert.ok(r.stdout.includes('information web-artifact'), 'an information finding is among them');
});
