// A browser-style web worker for the server's browser bundle (dist/web/server.js), in a Node worker
// thread: the bundle runs in a fresh context with only what a browser worker has (no require, process,
// Buffer or file system) and talks through `self.postMessage` / `self.onmessage`, as in vscode.dev.
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

type Listener = (event: { data: unknown }) => void;
const port = parentPort!;
const on = (fn: Listener) => port.on('message', (data) => fn({ data }));

const self = {
  postMessage: (message: unknown) => port.postMessage(message),
  addEventListener: (type: string, fn: Listener) => {
    if (type === 'message') on(fn);
  },
  set onmessage(fn: Listener) {
    on(fn);
  },
};

const script = String((workerData as { script: string }).script);
const context = createContext({
  self,
  console,
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  queueMicrotask,
  TextEncoder,
  TextDecoder,
  performance,
  URL,
});
runInContext(readFileSync(script, 'utf8'), context, { filename: script });
