// What the browser bundle of the server (dist/web/server.js) gets for the Node modules
// that the configuration code imports (scripts/build.mjs aliases node:fs, node:path and
// node:url here). There is no file system in a web worker: reading fails as for a
// missing file, and no URI is a local path, so configuration files are never looked for.

function noFileSystem(): never {
  const e = new Error('there is no file system in a web worker') as Error & { code: string };
  e.code = 'ENOENT';
  throw e;
}

export const constants = { O_RDONLY: 0, O_NONBLOCK: 0 };
export const existsSync = (): boolean => false;
export const readFileSync = noFileSystem;
export const statSync = noFileSystem;
export const openSync = noFileSystem;
export const fstatSync = noFileSystem;
export const readSync = noFileSystem;
export const closeSync = (): void => undefined;

export const sep = '/';
export const isAbsolute = (p: string): boolean => p.startsWith('/');
export const dirname = (p: string): string => p.replace(/\/[^/]*$/, '') || '/';
export const join = (...parts: string[]): string => parts.join('/').replace(/\/{2,}/g, '/');
export const resolve = (...parts: string[]): string => join(...parts);
export const relative = (from: string, to: string): string => (to.startsWith(from + '/') ? to.slice(from.length + 1) : to);

export function fileURLToPath(): never {
  throw new TypeError('no local paths in a web worker');
}
export function pathToFileURL(): never {
  throw new TypeError('no local paths in a web worker');
}
