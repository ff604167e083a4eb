// Format Document over the protocol: the edits on a CRLF draft, idempotent, and trimTrailingWhitespace respected.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, Client, seedText, uriOf } from './harness';

let c: Client;
let init: InitializeResult;

before(async () => {
  c = new Client();
  init = await c.initialize();
});
after(async () => {
  await c.close();
});

function formatting(uri: string, options: Record<string, unknown> = {}): Promise<TextEdit[]> {
  return c.request<TextEdit[]>('textDocument/formatting', {
    textDocument: { uri },
    options: { tabSize: 4, insertSpaces: true, ...options },
  });
}

describe('format document', () => {
  test('the server announces document formatting', () => {
    assert.equal(init.capabilities.documentFormattingProvider, true);
  });

  test('a CRLF draft with a misspaced banner, E.O. line and numbers: fixed, CRLF kept; a second format has nothing to do', async () => {
    const clean = seedText()
      .replace(/[ \t]+$/gm, '')
      .replace(/\r?\n/g, '\r\n');
    const broken = clean
      .replace('C O N F I D E N T I A L BAKU', 'C O N F I D E N T I AL BAKU')
      .replace('E.O. 12958: DECL: 02/15/2018', 'E.O.  12958 :DECL:  02/15/2018')
      .replace('[1](#)2. (C)', '[1](#)5. (C)')
      .replace('KOSOVO\r\n', 'KOSOVO  \r\n');
    const uri = uriOf('format-crlf.cable');
    await c.open(uri, broken);
    const edits = await formatting(uri);
    assert.ok(edits.length >= 5, JSON.stringify(edits));
    const out = applyTextEdits(broken, edits);
    assert.equal(out, clean);
    c.change(uri, out);
    assert.deepEqual(await formatting(uri), []);
  });

  test('trimTrailingWhitespace: false keeps trailing spaces', async () => {
    const uri = uriOf('format-seed.cable');
    await c.open(uri, seedText());
    assert.deepEqual(await formatting(uri, { trimTrailingWhitespace: false }), []);
    assert.ok((await formatting(uri)).length > 0);
  });
});
