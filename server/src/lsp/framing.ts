import { Transform, type TransformCallback } from 'node:stream';

// The stdio transport frames each message with a Content-Length header. The
// protocol library trusts that length: one wrong by a byte made it read the
// next message's header as body and every message after it as garbage, and the
// server stopped answering without a word. This stream sits between standard
// input and the library. It passes on each frame whose body looks like one
// JSON value and is followed by the next header; on a frame that does not, it
// logs what happened and starts again at the next `Content-Length:` in the
// bytes, so one bad message is lost (and said to be), not all that follow.

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH = Buffer.from('content-length:');
/** Every header field of the protocol starts so (Content-Length, Content-Type). */
const CONTENT = Buffer.from('content-');
/** Headers longer than this are not headers: the bytes are searched for the next one. */
const MAX_HEADER_BYTES = 8192;
/** A longer message is not waited for (a 64 MB document is about 70 MB of JSON). */
export const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;
/** A body still incomplete after this long is reported (once), in case its length was wrong. */
export const PARTIAL_REPORT_MS = 5000;

/** Index of `needle` in `hay` from `from`, ASCII letters compared without case. */
function indexOfNoCase(hay: Buffer, needle: Buffer, from: number): number {
  const first = needle[0];
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    if ((hay[i] | 0x20) !== first) continue;
    for (let k = 1; k < needle.length; k++) {
      const c = hay[i + k];
      const n = needle[k];
      if (c !== n && !(n >= 0x61 && n <= 0x7a && (c | 0x20) === n)) continue outer;
    }
    return i;
  }
  return -1;
}

/** Where a `Content-Length: N` header line ending in a blank line starts in `buf`, or -1. */
function headerIn(buf: Buffer): number {
  for (let end = buf.indexOf(HEADER_END); end >= 0; end = buf.indexOf(HEADER_END, end + 1)) {
    const from = Math.max(0, end - 40);
    const m = /content-length:[ \t]*\d{1,10}[ \t]*$/i.exec(buf.toString('latin1', from, end));
    if (m) return from + m.index;
  }
  return -1;
}

/** Bodies up to this size are parsed to check them; longer ones (documents) get the cheap check. */
const PARSE_CHECK_BYTES = 64 * 1024;

function parses(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** The body starts with { or [ and ends with the matching } or ] (ignoring white space): a cheap check that its length was right. */
function looksWhole(body: Buffer): boolean {
  let a = 0;
  let b = body.length - 1;
  while (a <= b && isSpace(body[a])) a++;
  while (b >= a && isSpace(body[b])) b--;
  if (a >= b) return false;
  return (body[a] === 0x7b && body[b] === 0x7d) || (body[a] === 0x5b && body[b] === 0x5d);
}

export class FrameChecker extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The body length announced by the header just read; -1 while reading a header. */
  private need = -1;
  private header = Buffer.alloc(0);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Body bytes already searched for a header (headerInBody), and the last few of them. */
  private scanned = 0;
  private tail = Buffer.alloc(0);
  /** Bytes are being skipped up to the next header (already said). */
  private skipping = false;

  /** `log` tells the client (window/logMessage); it is set once the connection exists. */
  constructor(public log: (message: string) => void = () => {}) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    try {
      this.drain();
    } catch (e) {
      this.log(`reading the client's messages failed: ${(e as Error).message}`);
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.size > 0) this.log(`the client closed the stream with ${this.size} bytes of an incomplete message`);
    done();
  }

  private all(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0];
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length ? [rest] : [];
    this.size = rest.length;
    this.scanned = 0;
    this.tail = Buffer.alloc(0);
  }

  /**
   * Where a whole header starts in the body bytes received so far, or -1. A
   * header's raw CR LF cannot be inside a JSON body: a body still short of its
   * length that holds one was given too long a length. Each byte is scanned
   * once (with a short overlap), so a 20 MB body arriving in pieces costs one pass.
   */
  private headerInBody(): number {
    let offset = 0;
    for (const chunk of this.chunks) {
      const end = offset + chunk.length;
      if (end > this.scanned) {
        const piece = chunk.subarray(Math.max(0, this.scanned - offset));
        const window = this.tail.length ? Buffer.concat([this.tail, piece]) : piece;
        const at = headerIn(window);
        if (at >= 0) return end - window.length + at;
        this.tail = Buffer.from(window.subarray(Math.max(0, window.length - 64)));
        this.scanned = end;
      }
      offset = end;
    }
    return -1;
  }

  private drain(): void {
    for (;;) {
      if (this.need < 0) {
        const buf = this.all();
        if (!buf || buf.length === 0) return;
        if (this.skipping) {
          this.resync(buf, 0, '');
          if (this.skipping) return;
          continue;
        }
        const end = buf.indexOf(HEADER_END);
        if (end < 0) {
          if (buf.length > MAX_HEADER_BYTES) this.resync(buf, 1, `${buf.length} bytes without a message header`);
          return;
        }
        const header = buf.subarray(0, end + HEADER_END.length);
        const lines = header.toString('latin1', 0, end).split('\r\n');
        const length = lines.map((l) => /^content-length:[ \t]*(\d{1,10})[ \t]*$/i.exec(l)).find(Boolean);
        // Every line a header field, one of them the length: otherwise these are not the start of a message.
        if (!length || !lines.every((l) => /^[A-Za-z0-9-]+:/.test(l))) {
          this.resync(buf, 1, 'bytes that are not a message header');
          continue;
        }
        if (Number(length[1]) > MAX_MESSAGE_BYTES) {
          this.resync(buf, 1, `a message header announcing ${length[1]} bytes (the limit is ${MAX_MESSAGE_BYTES})`);
          continue;
        }
        this.need = Number(length[1]);
        this.header = Buffer.from(header);
        this.keep(buf.subarray(header.length));
      }
      if (this.size < this.need) {
        const at = this.headerInBody();
        if (at < 0) {
          this.waitReport();
          return;
        }
        const need = this.need;
        this.need = -1;
        this.stopWaiting();
        this.resync(this.all(), at, `a message whose Content-Length (${need}) is longer than its body`);
        continue;
      }
      this.stopWaiting();
      const buf = this.all();
      const body = buf.subarray(0, this.need);
      const after = buf.subarray(this.need);
      // A small body must parse; a large one (a document) must look whole and be followed by
      // the next header when more bytes are there.
      const n = Math.min(after.length, CONTENT.length);
      const ok =
        body.length <= PARSE_CHECK_BYTES
          ? parses(body)
          : looksWhole(body) && (n === 0 || indexOfNoCase(after.subarray(0, n), CONTENT.subarray(0, n), 0) === 0);
      if (!ok) {
        const need = this.need;
        this.need = -1;
        this.resync(buf, 0, `a message whose Content-Length (${need}) does not match its body`);
        continue;
      }
      this.push(Buffer.concat([this.header, body]));
      this.need = -1;
      this.keep(after);
    }
  }

  /**
   * Drops the bytes before the next `Content-Length:` at or after `from`; says
   * so once for each stretch of bytes skipped (more may come before the header).
   */
  private resync(buf: Buffer, from: number, what: string): void {
    if (!this.skipping)
      this.log(
        `a message from the client was lost: ${what}; reading on from the next message header (a request in it gets no answer; if it changed a document, close and reopen the document)`,
      );
    let cut = indexOfNoCase(buf, LENGTH, from);
    this.skipping = cut < 0;
    if (cut < 0) {
      // Keep a tail that may be the start of the next header.
      cut = buf.length;
      for (let k = Math.min(LENGTH.length - 1, buf.length); k > 0; k--) {
        if (indexOfNoCase(buf.subarray(buf.length - k), LENGTH.subarray(0, k), 0) === 0) {
          cut = buf.length - k;
          break;
        }
      }
    }
    this.keep(buf.subarray(cut));
  }

  private waitReport(): void {
    if (this.timer) return;
    const need = this.need;
    this.timer = setTimeout(() => {
      this.log(
        `waiting for ${need - this.size} more bytes of a message of Content-Length ${need}: if the length is wrong, the next messages will show it`,
      );
    }, PARTIAL_REPORT_MS);
    this.timer.unref?.();
  }

  private stopWaiting(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
