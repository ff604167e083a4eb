// `process` for the browser bundle of the server (esbuild's inject): the few figures the
// document store records (CPU time: not measured in a browser) and an empty environment.
export const process = {
  env: {} as Record<string, string | undefined>,
  cpuUsage: (_since?: unknown) => ({ user: 0, system: 0 }),
  memoryUsage: () => ({ heapUsed: 0, rss: 0 }),
  cwd: () => '/',
};
