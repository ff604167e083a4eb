// The server keeps serving: a request that fails inside, malformed JSON-RPC, bad documents, the standalone bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { Client, ROOT, SERVER, seedText, uriOf } from './harness';

const seed = seedText();

describe('one server, bad input', () => {
  let c: Client;
  const uri = uriOf('robust.cable');
  before(async () => {
    c = new Client();
    await c.initialize();
    await c.open(uri, seed);
  });
  after(async () => {
    await c.close();
  });

  const alive = async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.at(uri, 'PBTS', 1) });
    assert.match((h.contents as { value: string }).value, /PBTS/);
  };

  test('a request that throws inside is answered as an error and logged; the server goes on', async () => {
    // No position: the hover handler fails on it.
    await assert.rejects(c.request('textDocument/hover', { textDocument: { uri } }), (e: { code: number; message: string }) => {
      assert.equal(e.code, -32603);
      assert.match(e.message, /hover failed/);
      return true;
    });
    await assert.rejects(c.request('textDocument/documentSymbol', {}), /documentSymbol failed/);
    await assert.rejects(c.request('textDocument/codeAction', { textDocument: { uri } }), /codeAction failed/);
    assert.ok(
      c.logs.some((l) => /hover failed: TypeError/.test(l)),
      'the stack is in the log',
    );
    await alive();
  });

  test('malformed JSON-RPC does not stop the server', async () => {
    const raw = (body: string) => c.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    raw('{not json at all');
    raw('{"jsonrpc":"2.0","foo":1}');
    raw('[1,2,3]');
    raw(
      '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nowhere.cable","version":3},"contentChanges":[{"text":"x"}]}}',
    );
    raw('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":null}');
    c.proc.stdin.write('garbage with no header at all\r\n\r\n');
    // vscode-jsonrpc drops a header block without Content-Length and reads on only when more data
    // comes: when the hover arrives in the same chunk as the garbage (a loaded machine), a later
    // message lets it through. An unknown `$/` notification is ignored.
    const nudge = setInterval(() => raw('{"jsonrpc":"2.0","method":"$/nudge"}'), 300);
    try {
      await alive();
    } finally {
      clearInterval(nudge);
    }
    await assert.rejects(c.request('no/such/method', {}), /Unhandled method/);
    assert.equal(c.exited, false);
  });

  test('requests on a document that is not open answer null', async () => {
    const other = uriOf('never-opened.cable');
    for (const m of [
      'textDocument/hover',
      'textDocument/documentSymbol',
      'textDocument/foldingRange',
      'textDocument/completion',
      'textDocument/definition',
    ]) {
      assert.equal(await c.request(m, { textDocument: { uri: other }, position: { line: 0, character: 0 } }), null, m);
    }
  });

  test('garbage, a BOM, CRLF, tabs, positions past the end and a 10 MB document', async () => {
    const junk = uriOf('junk.cable');
    let text = '\uFEFF\t1.\r\n(S//\r\nTAGS: ,,,\rE.O. 99999: DECL: 99/99/9999\n\u0000\u0001\uFFFD' + 'x'.repeat(5000) + '\n';
    await c.open(junk, text);
    const far = { line: 10_000, character: 10_000 };
    await c.request('textDocument/hover', { textDocument: { uri: junk }, position: far });
    await c.request('textDocument/completion', { textDocument: { uri: junk }, position: far });
    await c.request('textDocument/codeAction', {
      textDocument: { uri: junk },
      range: { start: far, end: far },
      context: { diagnostics: [] },
    });
    text = ('C O N F I D E N T I A L BAKU 000146\n' + seed).repeat(1 + Math.floor(10_000_000 / (seed.length + 36)));
    const big = uriOf('big.cable');
    const diags = await c.open(big, text);
    assert.ok(Array.isArray(diags));
    await alive();
  });
});

describe('the standalone server', () => {
  test('bin/cable-language-server.js --stdio answers initialize and checks the seed', async () => {
    const c = new Client(join(ROOT, 'bin/cable-language-server.js'));
    try {
      const init = await c.initialize();
      assert.equal(init.serverInfo?.name, 'cable-language-server');
      const d = await c.open(uriOf('bin.cable'), seed);
      assert.ok(d.some((x) => x.code === 'tag-iso-code'));
    } finally {
      await c.close();
    }
  });

  test('without a transport it says how to start it and exits 2', () => {
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--stdio/);
    const h = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(h.status, 0);
    assert.match(h.stdout, /Usage: cable-language-server --stdio/);
  });

  test('shutdown then exit ends the process with status 0', async () => {
    const c = new Client();
    await c.initialize();
    const exited = new Promise<number | null>((r) => c.proc.once('exit', (code) => r(code)));
    await c.request('shutdown', null);
    await c.conn.sendNotification('exit');
    assert.equal(await exited, 0);
    c.conn.dispose();
  });
});
