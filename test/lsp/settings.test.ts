// Settings (workspace/configuration, section `cable`) and `.cablelintrc.json`, over the protocol.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { Client, seedText } from './harness';

const seed = seedText();

describe('settings from workspace/configuration and the config file', () => {
  let c: Client;
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).toString();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cable-lsp-'));
    c = new Client();
    await c.initialize(undefined, { rootPath: dir });
  });
  after(async () => {
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Sets the settings the client answers with, tells the server, and waits for the new diagnostics of `u`. */
  async function reconfigure(settings: Record<string, unknown>, u: string): Promise<Diagnostic[]> {
    c.settings = settings;
    const next = c.nextDiagnostics(u);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await next;
    // A check already under way (the workspace index re-checks open documents when it is built) may
    // publish the old findings first: take the last publication once the server is quiet.
    for (;;) {
      const more = await Promise.race([
        c.nextDiagnostics(u).then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 300)),
      ]);
      if (!more) break;
    }
    return c.diagnostics.get(u)!.diagnostics;
  }

  const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

  test('cable.rules turns a rule off or changes its severity', async () => {
    const u = uri('rules.cable');
    assert.ok(codes(await c.open(u, seed)).includes('tag-iso-code'));
    assert.ok(!codes(await reconfigure({ rules: { 'tag-iso-code': 'off' } }, u)).includes('tag-iso-code'));
    const err = (await reconfigure({ rules: { 'tag-iso-code': 'error' } }, u)).find((d) => d.code === 'tag-iso-code');
    assert.equal(err?.severity, 1);
    await reconfigure({}, u);
  });

  test('cable.date checks the cable against another date; a bad date is reported and ignored', async () => {
    const u = uri('date.cable');
    await c.open(u, seed);
    const ds = await reconfigure({ date: '2030-01-01' }, u);
    assert.ok(codes(ds).includes('decl-date-past'), JSON.stringify(codes(ds)));
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: c.at(u, '02/15/2018', 2) });
    assert.match(
      (h.contents as { value: string }).value,
      /on or before\*\* the cable's date \(1 January 2030, from the --date option or the cable.date setting\)/,
    );
    const bad = await reconfigure({ date: 'tomorrow' }, u);
    assert.ok(!codes(bad).includes('decl-date-past'));
    assert.ok(c.logs.some((l) => /cable\.date: "tomorrow" is not a date/.test(l)));
    await reconfigure({}, u);
  });

  test('cable.extraTagsFile: codes from a file (relative to the workspace folder) are known tags', async () => {
    writeFileSync(join(dir, 'post-tags.txt'), '# our program tags\nKXYZ\n\nKQQQ # and another\n');
    const u = uri('extra.cable');
    const text = seed.replace('[PBTS](#)', 'KXYZ');
    assert.ok(codes(await c.open(u, text)).includes('tag-unknown'));
    assert.ok(!codes(await reconfigure({ extraTagsFile: 'post-tags.txt' }, u)).includes('tag-unknown'));
    await reconfigure({ extraTagsFile: 'missing.txt' }, u);
    assert.ok(c.logs.some((l) => /cable\.extraTagsFile: .*missing\.txt: cannot be read \(ENOENT\)/.test(l)));
    await reconfigure({}, u);
  });

  test('.cablelintrc.json applies; cable.rules wins for the rules it names; ignore globs silence a file', async () => {
    const sub = join(dir, 'project');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, '.cablelintrc.json'), JSON.stringify({ rules: { 'tag-iso-code': 'off' }, ignore: ['drafts/**'] }));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(sub, '.cablelintrc.json')).toString(), type: 1 }],
    });
    const u = pathToFileURL(join(sub, 'a.cable')).toString();
    assert.ok(!codes(await c.open(u, seed)).includes('tag-iso-code'), 'off in the config file');
    const hint = (await reconfigure({ rules: { 'tag-iso-code': 'hint' } }, u)).find((d) => d.code === 'tag-iso-code');
    assert.equal(hint?.severity, 4, 'the setting overrides the file');
    await reconfigure({}, u);
    const ignored = pathToFileURL(join(sub, 'drafts', 'b.cable')).toString();
    assert.deepEqual(await c.open(ignored, seed.replace('[1](#)2.', '[1](#)5.')), []);
    // The file changes: the server reads it again when told.
    writeFileSync(join(sub, '.cablelintrc.json'), JSON.stringify({ rules: { nope: 'error', 'tag-iso-code': 'loud' } }));
    const next = c.nextDiagnostics(u);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(sub, '.cablelintrc.json')).toString(), type: 2 }],
    });
    assert.ok(codes((await next).diagnostics).includes('tag-iso-code'), 'back on: the bad value falls back to the default');
    assert.ok(
      c.logs.some((l) => /\.cablelintrc\.json:1:11: rules\.nope: unknown rule id/.test(l)),
      'the problem names the file and the key',
    );
  });
});

describe('a client that pushes settings instead of answering workspace/configuration', () => {
  test('initializationOptions and didChangeConfiguration carry the settings', async () => {
    const c = new Client();
    try {
      await c.initialize({ cable: { rules: { 'tag-iso-code': 'off' } } }, { configuration: false });
      const u = pathToFileURL(join(tmpdir(), 'pushed.cable')).toString();
      assert.ok(!(await c.open(u, seed)).some((d) => d.code === 'tag-iso-code'));
      const next = c.nextDiagnostics(u);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { rules: { 'tag-iso-code': 'error' } } } });
      assert.equal((await next).diagnostics.find((d) => d.code === 'tag-iso-code')?.severity, 1);
    } finally {
      await c.close();
    }
  });
});
