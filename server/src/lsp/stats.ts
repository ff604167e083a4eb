import type { Feature } from './feature';
import { STATS_ENV, StatsRequest, type StatsResult } from './protocol';
import type { Session } from './session';

// cable/stats, for the benchmark only (scripts/bench-lsp.mjs starts the server
// with CABLE_LSP_STATS=1 and node --expose-gc). A server started by an editor
// neither answers it nor ever forces a garbage collection.

export function statsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[STATS_ENV] === '1';
}

export function stats(session: Session): StatsResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc(); // heapUsed after a collection is what the documents keep
  const m = process.memoryUsage();
  const documents: StatsResult['documents'] = {};
  for (const d of session.documents.all()) {
    const t = session.store.timing(d.uri);
    if (t) documents[d.uri] = t;
  }
  return { heapUsed: m.heapUsed, rss: m.rss, parses: session.store.parses, documents };
}

export const statsFeature: Feature = {
  name: 'stats',
  register({ connection, session }) {
    if (statsEnabled())
      connection.onRequest(
        StatsRequest,
        session.guard('stats', () => stats(session)),
      );
  },
};
