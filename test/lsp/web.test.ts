// The web extension's server (dist/web/server.js, package.json "browser") in a browser-style web
// worker (test/lsp/web-worker.ts: no require, process or file system; self.postMessage/onmessage).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Client, ROOT, seedText, SERVER } from './harness';

test('the protocol tests (features, fixes) pass against the browser bundle in a web worker', () => {
  const files = ['features.test.js', 'fixes.test.js'].map((f) => join(__dirname, f));
  // A run of its own (not a subtest of this one: without the parent runner's NODE_TEST_CONTEXT).
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', ...files], {
    env: { ...env, CABLE_LSP_WEB: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const count = (what: string) => Number(new RegExp(`^# ${what} (\\d+)$`, 'm').exec(r.stdout)?.[1]);
  assert.equal(
    r.status,
    0,
    r.stdout
      .split('\n')
      .filter((l) => /not ok|Error|expected|actual/.test(l))
      .slice(0, 20)
      .join('\n') + r.stderr,
  );
  assert.equal(count('fail'), 0);
  assert.ok(count('pass') >= 25, `${count('pass')} passed`);
});

test('in the worker there is no file system: a workspace setting naming a file is not read, the cable is still checked', async () => {
  const c = new Client(SERVER, { web: true });
  try {
    assert.ok(c.worker, 'the web worker transport');
    c.settings = { extraTagsFile: join(ROOT, 'package.json'), rules: { 'tag-iso-code': 'error' } };
    const init = await c.initialize(undefined, { rootPath: ROOT });
    assert.equal(init.serverInfo?.name, 'cable-language-server');
    const uri = pathToFileURL(join(ROOT, 'examples/seed.cable')).toString();
    const ds = await c.open(uri, seedText());
    const ru = ds.find((d) => d.code === 'tag-iso-code');
    assert.equal(ru?.severity, 1, 'the setting applies');
    assert.match(ru?.codeDescription?.href ?? '', /docs\/rules\.md#L\d+$/, 'the rule link the client named');
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: c.at(uri, 'PBTS', 1),
    });
    assert.match(hover?.contents.value ?? '', /National Boundaries/);
    assert.equal(c.exited, false);
    assert.doesNotMatch(c.stderr, /Error/);
  } finally {
    await c.close();
  }
});
