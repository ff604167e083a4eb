// Checks a JSON text before JSON.parse sees it, in one pass without recursion:
// the first syntax error and where it is, nesting deeper than a limit (a
// config nested 100,000 levels must not blow the stack later), and where each
// key of the first two levels starts, so that a message can name a line and a
// column instead of quoting the file (which may be anything: /etc/passwd).

export interface JsonCheck {
  /** The first problem: what is wrong (never the text itself) and its offset. */
  error?: { offset: number; message: string };
  /** Offsets of keys: 'rules' for a top-level key, 'rules\u0000tag-unknown' for one below it. */
  keys: Map<string, number>;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function checkJson(text: string, maxDepth: number): JsonCheck {
  const keys = new Map<string, number>();
  // Each open container: '{' or '[', and for objects the key being read (for the key map).
  const stack: { kind: number; key?: string }[] = [];
  let i = 0;
  const n = text.length;
  const fail = (offset: number, message: string): JsonCheck => ({ error: { offset, message }, keys });
  const skipWs = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  /** Reads a string at i (at its quote); returns its value when `keep`, or an error message. */
  const readString = (keep: boolean): { value?: string } | string => {
    const start = i++;
    let value = '';
    let from = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        if (keep) value += text.slice(from, i);
        i++;
        return { value: keep ? value : undefined };
      }
      if (c < 0x20) return 'a control character inside a string';
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return 'a bad \\u escape';
          if (keep) value += text.slice(from, i) + String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          if (keep) value += text.slice(from, i) + JSON.parse(`"\\${e}"`);
          i += 2;
        } else return 'a bad escape';
        from = i;
        continue;
      }
      i++;
    }
    i = start;
    return 'a string that is not closed';
  };

  /** Reads `"key":` inside the object on top of the stack and records where it is; returns what is wrong, if anything. */
  const readKey = (): string | undefined => {
    if (text[i] !== '"') return 'a key (in double quotes) was expected';
    const at = i;
    const depth = stack.length;
    const r = readString(depth <= 2);
    if (typeof r === 'string') return r;
    if (depth === 1) keys.set(r.value!, at);
    else if (depth === 2 && stack[0].key !== undefined) keys.set(`${stack[0].key}\u0000${r.value}`, at);
    stack[depth - 1].key = r.value;
    skipWs();
    if (text[i] !== ':') return 'a colon was expected after the key';
    i++;
    return undefined;
  };

  // After a value comes a separator (inside a container) or the end; otherwise a value.
  let wantValue = true;
  for (;;) {
    skipWs();
    if (wantValue) {
      if (i >= n) return fail(i, 'the text ends where a value was expected');
      const c = text[i];
      if (c === '{' || c === '[') {
        if (stack.length >= maxDepth) return fail(i, `nested more than ${maxDepth} levels deep`);
        stack.push({ kind: c.charCodeAt(0) });
        i++;
        skipWs();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          wantValue = false;
          continue;
        }
        if (c === '{') {
          const e = readKey();
          if (e) return fail(i, e);
        }
        continue;
      }
      if (c === '"') {
        const r = readString(false);
        if (typeof r === 'string') return fail(i, r);
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
        m.lastIndex = i;
        if (!m.test(text)) return fail(i, 'a bad number');
        i = m.lastIndex;
      } else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else return fail(i, 'a value was expected');
      wantValue = false;
      continue;
    }
    // After a value.
    const top = stack[stack.length - 1];
    if (!top) {
      if (i < n) return fail(i, 'more text after the end of the value');
      return { keys };
    }
    const c = text[i];
    if (c === ',') {
      i++;
      if (top.kind === 0x7b) {
        skipWs();
        const e = readKey();
        if (e) return fail(i, e);
      }
      wantValue = true;
    } else if ((c === '}' && top.kind === 0x7b) || (c === ']' && top.kind === 0x5b)) {
      stack.pop();
      i++;
    } else
      return fail(
        i,
        i >= n ? 'the text ends inside an object or array' : top.kind === 0x7b ? 'a comma or } was expected' : 'a comma or ] was expected',
      );
  }
}

/** 1-based line and column of an offset (lines end at \n, \r\n or \r). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let j = 0; j < offset && j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(j + 1) !== 0x0a)) {
      line++;
      start = j + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
