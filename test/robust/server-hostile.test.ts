// The language server against hostile input over the protocol (issue 15 items
// 7, 9, 10, 12): special files as cable.extraTagsFile and as a workspace's
// .cablelintrc.json, a 20 MB document, 1,000 open documents, edits past the end
// and inside a surrogate pair, positions far past the end, the same version
// with new text, a deep cable.rules value, and a Content-Length that lies.
// Every case must end with the server still answering; the trees are built in a
// temporary folder and removed. (How fast and how much memory:
// scripts/hostile-figures.mjs; a limit here only catches a hang.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { countLines, MAX_DOCUMENT_LINES, TOO_LARGE_RULE } from '../../server/src/lsp/documents';
import { FrameChecker } from '../../server/src/lsp/framing';
import { DiskCache, MAX_TAGS_FILE_BYTES, parseTagsFile } from '../../server/src/lsp/settings';
import { Client, pos, SERVER, seedText, uriOf, WEB } from '../lsp/harness';

const seed = seedText();
const skip = (!existsSync(SERVER) && 'dist/server.js not built') || (WEB && 'the browser server reads no files and has no stdio');
const LIMIT = { timeout: 120_000 };
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cable-server-hostile-'));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The special files of the issue, made at `p`; false when this machine cannot make one. */
const SPECIAL: [string, (p: string) => boolean, RegExp][] = [
  ['a FIFO', (p) => spawnSync('mkfifo', [p]).status === 0, /not a regular file \(a FIFO, socket or device\); not read/],
  [
    'a link to /dev/zero',
    (p) => existsSync('/dev/zero') && (symlinkSync('/dev/zero', p), true),
    /not a regular file \(a FIFO, socket or device\); not read/,
  ],
  ['a folder', (p) => (mkdirSync(p), true), /not a regular file \(a folder\); not read/],
  [
    'a 2 GB sparse file',
    (p) => (writeFileSync(p, ''), truncateSync(p, 2 ** 31), true),
    /too large \(2147483648 bytes; the limit is \d+\); not read/,
  ],
];

/** Hover on PBTS in the seed answers: the server is alive and serving. */
async function alive(c: Client, uri: string): Promise<void> {
  const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.at(uri, 'PBTS', 1) });
  assert.match((h.contents as { value: string }).value, /PBTS/);
}

/** No log line is long or a stack trace (messages name the file, never quote it). */
function assertCleanLogs(c: Client): void {
  for (const l of c.logs) {
    assert.ok(l.length < 500, `a message of ${l.length} characters: ${l.slice(0, 200)}`);
    assert.doesNotMatch(l, /RangeError|Maximum call stack|\n\s+at /, l.slice(0, 300));
  }
}

describe('special files as cable.extraTagsFile and as .cablelintrc.json', { skip }, () => {
  test('each is refused in one message naming the file; the document is checked with the defaults', LIMIT, async () => {
    const c = new Client();
    try {
      await c.initialize(undefined, { rootPath: dir });
      for (const [i, [name, make, why]] of SPECIAL.entries()) {
        // As the extra tags file.
        const tags = join(dir, `tags-${i}`);
        if (!make(tags)) continue;
        c.settings = { extraTagsFile: tags };
        const uri = pathToFileURL(join(dir, `t${i}.cable`)).toString();
        const diags = await c.open(uri, seed);
        assert.ok(
          diags.some((d) => d.code === 'tag-iso-code'),
          `${name}: the seed is checked`,
        );
        await alive(c, uri);
        await alive(c, uri);
        const said = c.logs.filter((l) => l.includes(`cable.extraTagsFile: ${tags}:`));
        assert.ok(said.length >= 1 && said.every((l) => why.test(l)), `${name}: ${said.join(' | ')}`);
        // As the config file of a workspace folder.
        const folder = join(dir, `cfg-${i}`);
        mkdirSync(folder);
        if (!make(join(folder, '.cablelintrc.json'))) continue;
        c.settings = {};
        const doc = pathToFileURL(join(folder, 'a.cable')).toString();
        const d2 = await c.open(doc, seed);
        assert.ok(
          d2.some((d) => d.code === 'tag-iso-code'),
          `${name} as the config: the seed is checked`,
        );
        await alive(c, doc);
        assert.ok(
          c.logs.some((l) => l.includes(join(folder, '.cablelintrc.json')) && why.test(l)),
          `${name} as the config: ${c.logs.slice(-3).join(' | ')}`,
        );
      }
      assertCleanLogs(c);
    } finally {
      await c.close();
    }
  });

  test('a tags file is read once: its error too is kept until the file changes', () => {
    const disk = new DiskCache();
    const f = join(dir, 'big-tags');
    writeFileSync(f, '');
    truncateSync(f, MAX_TAGS_FILE_BYTES + 1);
    const first = disk.tagsFile(f);
    assert.ok('error' in first && /too large/.test(first.error));
    assert.equal(disk.tagsFile(f), first, 'the same answer, not a new read');
    writeFileSync(f, 'KPAO\n');
    const second = disk.tagsFile(f);
    assert.deepEqual('tags' in second && second.tags, ['KPAO']);
    const missing = disk.tagsFile(join(dir, 'no-such-tags'));
    assert.ok('error' in missing && /cannot be read \(ENOENT\)/.test(missing.error));
    assert.equal(disk.tagsFile(join(dir, 'no-such-tags')), missing);
  });
});

describe('200,000 extra tags', { skip }, () => {
  /** 200,000 distinct codes: Q and four letters. */
  const codes = Array.from(
    { length: 200_000 },
    (_, i) => 'Q' + [3, 2, 1, 0].map((k) => String.fromCharCode(65 + (Math.floor(i / 26 ** k) % 26))).join(''),
  );

  test('one line or one per line, they are read without a RangeError', () => {
    assert.equal(parseTagsFile(codes.join(' ')).length, 200_000);
    assert.equal(parseTagsFile(codes.join('\n')).length, 200_000);
  });

  test('the server accepts them and completes among them', LIMIT, async () => {
    const c = new Client();
    try {
      await c.initialize(undefined, { rootPath: dir });
      const f = join(dir, 'tags-200k');
      writeFileSync(f, codes.join(' ') + '\n');
      c.settings = { extraTagsFile: f };
      const uri = pathToFileURL(join(dir, 'many-tags.cable')).toString();
      const text = seed.replace(/^TAGS: (.*)$/m, 'TAGS: $1 QZZZZ QAA');
      const diags = await c.open(uri, text);
      assert.ok(!diags.some((d) => d.code === 'tag-unknown' && /QZZZZ/.test(d.message)), 'the extra tags are known');
      const at = c.at(uri, ' QAA', 4);
      const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at });
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('QAAAB') && labels.every((l) => l.startsWith('QAA')), labels.slice(0, 5).join(' '));
      assertCleanLogs(c);
    } finally {
      await c.close();
    }
  });
});

describe('big, many, and out of range', { skip }, () => {
  let c: Client;
  before(async () => {
    c = new Client();
    await c.initialize();
  });
  after(async () => {
    await c?.close();
  });

  test('a 20 MB document is checked and the server answers', LIMIT, async () => {
    const uri = uriOf('twenty.cable');
    const body = '\n' + seed.slice(seed.indexOf('1. ('));
    const text = seed + body.repeat(Math.ceil(20_000_000 / body.length));
    assert.ok(text.length >= 20_000_000);
    const diags = await c.open(uri, text);
    assert.ok(diags.length > 0);
    assert.ok(!diags.some((d) => d.code === TOO_LARGE_RULE), 'checked: 20 MB of cables is about 53,000 lines here');
    await alive(c, uri);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('a document of more than 500,000 lines gets one warning instead of a check, and is checked once it is shorter', LIMIT, async () => {
    const uri = uriOf('dense-lines.txt');
    const text = 'C O N F I D E N T I A L\n\nSUBJECT: X\n\n' + '1. x\n'.repeat(MAX_DOCUMENT_LINES);
    const diags = await c.open(uri, text);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, TOO_LARGE_RULE);
    assert.match(diags[0].message, /more than 500,000 lines: the editor does not check it .* cable-lint checks it/);
    assert.equal(diags[0].codeDescription, undefined);
    for (const m of ['textDocument/hover', 'textDocument/completion'])
      await c.request(m, { textDocument: { uri }, position: { line: 4, character: 1 } });
    await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    const v = c.change(uri, text.slice(0, 40_000));
    const after = (await c.nextDiagnostics(uri, v)).diagnostics;
    assert.ok(after.some((d) => d.code === 'para-numbering') && !after.some((d) => d.code === TOO_LARGE_RULE));
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('lines are counted up to the limit, over LF, CRLF or CR alone', () => {
    assert.equal(countLines('a', 10), 1);
    assert.equal(countLines('a\nb\r\nc', 10), 3);
    assert.equal(countLines('a\rb\rc\r', 10), 4);
    assert.equal(countLines('\n'.repeat(1000), 10), 11, 'stops at the limit + 1');
  });

  test('1,000 open documents are each checked and the server answers', LIMIT, async () => {
    const uris = Array.from({ length: 1000 }, (_, i) => uriOf(`many/${i}.cable`));
    const all = await Promise.all(uris.map((u) => c.open(u, seed)));
    assert.ok(all.every((d) => d.some((x) => x.code === 'tag-iso-code')));
    await alive(c, uris[999]);
    for (const u of uris) await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  });

  test('a change past the end appends; a change inside a surrogate pair splits it; both are checked', LIMIT, async () => {
    const uri = uriOf('ranges.cable');
    await c.open(uri, seed + '😀\n');
    // Past the end: the range is clamped to the end of the text (as the protocol's text document does).
    let version = 2;
    const far = { line: 1e6, character: 1e6 };
    let next = c.nextDiagnostics(uri, version);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: far, end: far }, text: 'X' }],
    });
    c.texts.set(uri, seed + '😀\nX');
    assertInside(c.texts.get(uri)!, (await next).diagnostics);
    // Inside the pair: its two halves are separated by the new text.
    const p = c.at(uri, '😀', 1);
    version = 3;
    next = c.nextDiagnostics(uri, version);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: p, end: p }, text: 'Y' }],
    });
    c.texts.set(uri, seed + '\uD83DY\uDE00\nX');
    assertInside(c.texts.get(uri)!, (await next).diagnostics);
    const end = pos(c.texts.get(uri)!, c.texts.get(uri)!.length);
    await c.request('textDocument/hover', { textDocument: { uri }, position: end });
    await alive(c, uri);
  });

  test('requests far past the end or at negative positions answer (null or an error) and the server goes on', LIMIT, async () => {
    const uri = uriOf('far.cable');
    await c.open(uri, seed);
    for (const position of [
      { line: 1e9, character: 1e9 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: 0, character: 1e9 },
      { line: -1, character: -5 },
    ]) {
      for (const m of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition']) {
        await c.request(m, { textDocument: { uri }, position }).catch((e: Error) => assert.match(e.message, /failed|invalid|Invalid/));
      }
      const range = { start: { line: 0, character: 0 }, end: position };
      await c
        .request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })
        .catch((e: Error) => assert.match(e.message, /failed|invalid|Invalid/));
    }
    await alive(c, uri);
    assert.equal(c.exited, false);
  });
});

/** Each diagnostic lies inside the text (LSP lines over LF, CRLF and CR). */
function assertInside(text: string, diags: Diagnostic[]): void {
  const lens = text.split(/\r\n|\r|\n/).map((l) => l.length);
  for (const d of diags) {
    for (const p of [d.range.start, d.range.end])
      assert.ok(p.line < lens.length && p.character <= lens[p.line], `${d.code} at ${JSON.stringify(p)} is outside the text`);
  }
}

describe('the same version with new text, and a document opened twice', { skip }, () => {
  const secret = seed.replace(/C O N F I D E N T I A L/g, 'S E C R E T').replace(/\(C\)/g, '(S)');
  const unclassified = 'UNCLASSIFIED\n\nSUBJECT: A TEST\n\n1. (U) Text.\n';

  test('the status bar and fix-all read the new text', LIMIT, async () => {
    const c = new Client();
    try {
      await c.initialize();
      const uri = uriOf('same-version.cable');
      await c.open(uri, seed);
      assert.equal((await c.request<{ level?: string }>('cable/classification', { textDocument: { uri } }))?.level, 'C');
      // didChange that keeps version 1 but replaces the text.
      const next = c.nextDiagnostics(uri, 1);
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: secret }] });
      c.texts.set(uri, secret);
      await next;
      assert.equal(
        (await c.request<{ level?: string }>('cable/classification', { textDocument: { uri } }))?.level,
        'S',
        'not the stale parse',
      );
      // didOpen again (no close), same version, other text.
      const again = c.nextDiagnostics(uri, 1);
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: unclassified } });
      c.texts.set(uri, unclassified);
      const diags = (await again).diagnostics;
      assertInside(unclassified, diags);
      assert.equal((await c.request<{ level?: string }>('cable/classification', { textDocument: { uri } }))?.level, 'U');
      // Fix-all's edits are computed on the text the server has now: each lies inside it.
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: pos(unclassified, unclassified.length) },
        context: { diagnostics: diags, only: ['source.fixAll'] },
      });
      for (const a of actions ?? []) {
        for (const dc of a.edit?.documentChanges ?? []) {
          if ('edits' in dc)
            assertInside(
              unclassified,
              dc.edits.map((e) => ({ range: e.range, code: a.title }) as Diagnostic),
            );
        }
      }
    } finally {
      await c.close();
    }
  });
});

describe('a deep cable.rules value', { skip }, () => {
  test('is described, not serialised: the documents are still checked', LIMIT, async () => {
    const c = new Client();
    try {
      await c.initialize(undefined, { configuration: false });
      // 100,000 levels: JSON.stringify overflows on it, so the client writes the message itself.
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const body = `{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"cable":{"rules":{"para-numbering":${deep},"tag-iso-code":"off"}}}}}`;
      c.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const uri = uriOf('deep-rules.cable');
      const diags = await c.open(uri, seed);
      assert.ok(!diags.some((d) => d.code === 'tag-iso-code'), 'the valid part of the setting applies');
      assert.ok(diags.length > 0);
      assert.ok(
        c.logs.some((l) => /cable\.rules\.para-numbering: severity must be .* not an array/.test(l)),
        c.logs.join(' | '),
      );
      assertCleanLogs(c);
      await alive(c, uri);
    } finally {
      await c.close();
    }
  });
});

describe('a Content-Length that does not match the body', () => {
  const frame = (body: string, delta = 0) => `Content-Length: ${Buffer.byteLength(body) + delta}\r\n\r\n${body}`;
  const msg = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'm', params: { text: 'é😀\\r\\n{}' } });

  /** The frames the checker passes on, the bytes given in pieces of `step`. */
  function run(input: string, step: number): { out: string; logs: string[] } {
    const logs: string[] = [];
    const f = new FrameChecker((m) => logs.push(m));
    let out = '';
    f.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const bytes = Buffer.from(input);
    for (let i = 0; i < bytes.length; i += step) f.write(bytes.subarray(i, i + step));
    f.end();
    return { out, logs };
  }

  test('good frames pass unchanged, whatever the pieces they come in', () => {
    const input = frame(msg(1)) + `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n` + frame(msg(2)) + frame(msg(3));
    for (const step of [1, 2, 7, 64, 1e6]) {
      const r = run(input, step);
      assert.equal(r.out, input, `pieces of ${step}`);
      assert.deepEqual(r.logs, []);
    }
  });

  test('a length too long, too short or far too long loses that message only, and says so once', () => {
    for (const delta of [10, -10, 1000, -1]) {
      for (const step of [1, 5, 1e6]) {
        const r = run(frame(msg(1)) + frame(msg(2), delta) + frame(msg(3)) + frame(msg(4)), step);
        assert.equal(r.out, frame(msg(1)) + frame(msg(3)) + frame(msg(4)), `delta ${delta}, pieces of ${step}`);
        assert.equal(r.logs.length, 1, r.logs.join(' | '));
        assert.match(
          r.logs[0],
          /^a message from the client was lost: a message whose Content-Length \(\d+\) (does not match|is longer than) its body; reading on from the next message header/,
        );
      }
    }
  });

  test('a document-sized message (over 64 KB, checked by its shape, not parsed) with a wrong length is lost alone too', () => {
    const big = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'x'.repeat(100_000) } });
    for (const delta of [10, -10, 1000]) {
      for (const step of [1000, 65536, 1e6]) {
        const r = run(frame(msg(1)) + frame(big, delta) + frame(msg(3)) + frame(big), step);
        assert.equal(r.out, frame(msg(1)) + frame(msg(3)) + frame(big), `delta ${delta}, pieces of ${step}`);
        assert.equal(r.logs.length, 1, r.logs.join(' | '));
      }
    }
  });

  test('garbage between messages and a header without a length are skipped with one line each', () => {
    const r = run(frame(msg(1)) + 'garbage with no header at all\r\n\r\n' + frame(msg(2)) + 'X-Other: 1\r\n\r\n{}' + frame(msg(3)), 3);
    assert.equal(r.out, frame(msg(1)) + frame(msg(2)) + frame(msg(3)));
    assert.equal(r.logs.length, 2, r.logs.join(' | '));
  });

  test('over stdio the server logs the lost message and answers the ones after it', { skip, ...LIMIT }, async () => {
    const c = new Client();
    try {
      await c.initialize();
      const uri = uriOf('content-length.cable');
      await c.open(uri, seed);
      const note = JSON.stringify({ jsonrpc: '2.0', method: 'workspace/didChangeWatchedFiles', params: { changes: [] } });
      for (const delta of [10, -10, 1000]) {
        c.proc.stdin.write(frame(note, delta));
        await alive(c, uri);
        await alive(c, uri);
      }
      const said = c.logs.filter((l) => /^a message from the client was lost/.test(l));
      assert.equal(said.length, 3, c.logs.join(' | '));
    } finally {
      await c.close();
    }
  });
});
