import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

// A real JSON-RPC client for the built server (`node dist/server.js --stdio`).
// It keeps the documents it opened, answers workspace/configuration with the
// settings given, and applies workspace/applyEdit to its copies.

export const ROOT = resolve(__dirname, '../../..');
export const SERVER = join(ROOT, 'dist/server.js');
/** The browser bundle of the server; with CABLE_LSP_WEB=1 the protocol tests run it in a web-worker-like thread. */
export const WEB_SERVER = join(ROOT, 'dist/web/server.js');
export const WEB = process.env.CABLE_LSP_WEB === '1';

/** The client's side of a worker's message channel, as a JSON-RPC reader and writer. */
class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
    worker.on('error', (e) => this.fireError(e));
  }
  listen(callback: DataCallback) {
    const h = (m: Message) => callback(m);
    this.worker.on('message', h);
    return { dispose: () => void this.worker.off('message', h) };
  }
}
class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }
  write(msg: Message): Promise<void> {
    this.worker.postMessage(msg);
    return Promise.resolve();
  }
  end(): void {}
}
export const FIXTURES = join(ROOT, 'test/fixtures');

export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

export function seedText(): string {
  return readFileSync(join(ROOT, 'examples/seed.cable'), 'utf8');
}

export function uriOf(name: string): string {
  return pathToFileURL(join(ROOT, 'test/fixtures/lsp-virtual', name)).toString();
}

/** Offset to {line, character} over LF, CRLF and CR line ends (independent of the server's code). */
export function pos(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

export function offsetOf(text: string, p: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text.charCodeAt(i);
    i++;
    if (c === 13 && text.charCodeAt(i) === 10) i++;
    if (c === 10 || c === 13) line++;
  }
  return i + p.character;
}

/** Applies LSP text edits to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const abs = edits.map((e) => ({ s: offsetOf(text, e.range.start), e: offsetOf(text, e.range.end), t: e.newText }));
  abs.sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const a of abs) out = out.slice(0, a.s) + a.t + out.slice(a.e);
  return out;
}

/** The edits of a workspace edit for one document (changes or documentChanges). */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  return out;
}

export class Client {
  /** The server process (stdio); with CABLE_LSP_WEB=1, `worker` instead. */
  readonly proc!: ChildProcessWithoutNullStreams;
  readonly worker?: Worker;
  readonly conn: MessageConnection;
  readonly texts = new Map<string, string>();
  readonly versions = new Map<string, number>();
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  settings: Record<string, unknown> = {};
  stderr = '';
  private waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void; reject: (e: Error) => void }[] = [];
  exited = false;

  /** `script` defaults to the built server; tests of the `bin` pass bin/cable-language-server.js. */
  constructor(script = SERVER, opts: { web?: boolean } = {}) {
    const exit = (code: number | null) => {
      this.exited = true;
      for (const w of this.waiters)
        w.reject(new Error(`server exited (${code}) while waiting for diagnostics of ${w.uri}: ${this.stderr}`));
      this.waiters = [];
    };
    if ((opts.web ?? WEB) && script === SERVER) {
      this.worker = new Worker(join(__dirname, 'web-worker.js'), { workerData: { script: WEB_SERVER }, stderr: true });
      this.worker.stderr.on('data', (d) => (this.stderr += d.toString()));
      this.worker.on('error', (e) => (this.stderr += String(e?.stack ?? e)));
      this.worker.on('exit', exit);
      this.conn = createMessageConnection(new WorkerReader(this.worker), new WorkerWriter(this.worker));
    } else {
      this.proc = spawn(process.execPath, [script, '--stdio'], { stdio: 'pipe' });
      this.proc.stderr.on('data', (d) => (this.stderr += d.toString()));
      this.proc.on('exit', exit);
      this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    }
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.conn.onNotification('window/showMessage', (p: { message: string }) => this.logs.push(p.message));
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      for (const uri of this.texts.keys()) {
        const edits = editsFor(p.edit, uri);
        if (edits.length) this.change(uri, applyTextEdits(this.texts.get(uri)!, edits));
      }
      return { applied: true };
    });
    this.conn.listen();
  }

  /** `configuration: false` plays a client that cannot answer workspace/configuration (it pushes settings instead). */
  async initialize(
    initializationOptions?: unknown,
    opts: {
      configuration?: boolean;
      rootPath?: string;
      codeActionResolve?: boolean;
      window?: Record<string, unknown>;
      workspace?: Record<string, unknown>;
      textDocument?: Record<string, unknown>;
    } = {},
  ): Promise<InitializeResult> {
    const rootUri = opts.rootPath ? pathToFileURL(opts.rootPath).toString() : null;
    const r = (await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      // The web client names its docs/rules.md (the worker has no file system to find one).
      initializationOptions:
        this.worker && (initializationOptions === undefined || typeof initializationOptions === 'object')
          ? { rulesDocument: pathToFileURL(join(ROOT, 'docs/rules.md')).toString(), ...(initializationOptions as object) }
          : initializationOptions,
      capabilities: {
        workspace: {
          configuration: opts.configuration ?? true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: false },
          ...opts.workspace,
        },
        ...(opts.window ? { window: opts.window } : {}),
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
            ...(opts.codeActionResolve ? { resolveSupport: { properties: ['edit'] }, dataSupport: true } : {}),
          },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
          ...opts.textDocument,
        },
      },
    })) as InitializeResult;
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  /** Resolves with the next diagnostics for uri (of that version, when given). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    if (this.exited) return Promise.reject(new Error(`server exited: ${this.stderr}`));
    return new Promise((resolve, reject) => this.waiters.push({ uri, version, resolve, reject }));
  }

  /** The diagnostics of that version of uri: those already received, or the next ones. */
  diagnosticsOf(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const have = this.diagnostics.get(uri);
    if (have && have.version === version) return Promise.resolve(have);
    return this.nextDiagnostics(uri, version);
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.texts.set(uri, text);
    this.versions.set(uri, 1);
    const next = this.nextDiagnostics(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
    return (await next).diagnostics;
  }

  /** Replaces the whole text through an incremental change (one range covering the old text). */
  change(uri: string, text: string): number {
    const old = this.texts.get(uri)!;
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: pos(old, old.length) }, text }],
    });
    return version;
  }

  /** Replaces `removed` characters at an offset with `inserted`, as one incremental change; returns the new version. */
  edit(uri: string, offset: number, removed: number, inserted: string): number {
    const old = this.texts.get(uri)!;
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, old.slice(0, offset) + inserted + old.slice(offset + removed));
    const range = { start: pos(old, offset), end: pos(old, offset + removed) };
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: inserted }],
    });
    return version;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** Position of the first occurrence of `needle` (plus delta) in the open text. */
  at(uri: string, needle: string, delta = 0, from = 0): { line: number; character: number } {
    const t = this.texts.get(uri)!;
    const i = t.indexOf(needle, from);
    if (i < 0) throw new Error(`"${needle}" not in ${uri}`);
    return pos(t, i + delta);
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.worker) {
      await this.worker.terminate();
      return;
    }
    await new Promise<void>((r) => {
      if (this.proc.exitCode !== null) return r();
      const t = setTimeout(() => {
        this.proc.kill();
        r();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
}
