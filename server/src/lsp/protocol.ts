// Requests and commands the server offers beyond the standard protocol. The
// VS Code client and the protocol tests import these names.

/** `cable/classification`: the cable's overall classification, from the server's parse. */
export const CLASSIFICATION_REQUEST = 'cable/classification';

export interface ClassificationParams {
  textDocument: { uri: string };
}

export interface ClassificationResult {
  /** U, SBU, C, S or TS; missing when the cable has no banner. */
  level?: 'U' | 'SBU' | 'C' | 'S' | 'TS';
  /** UNCLASSIFIED, CONFIDENTIAL, ... */
  name?: string;
  /** The class as written in the banner. */
  banner?: string;
}

/** `cable/stats`: figures for the benchmark (scripts/bench-lsp.mjs). Runs the GC first when node has --expose-gc. */
export const STATS_REQUEST = 'cable/stats';

export interface StatsResult {
  heapUsed: number;
  rss: number;
  /** Texts parsed since start: one per document version. */
  parses: number;
  /** Per open document: parse and lint time of its current version (wall ms) and their CPU time. */
  documents: Record<string, { parseMs: number; lintMs: number; cpuMs: number }>;
}

/** workspace/executeCommand: renumber the paragraphs 1..n. Arguments: [uri]. */
export const RENUMBER_COMMAND = 'cable.server.renumberParagraphs';
/** workspace/executeCommand: apply every preferred fix. Arguments: [uri]. */
export const FIX_ALL_COMMAND = 'cable.server.fixAll';

export const FIX_ALL_KIND = 'source.fixAll.cable';
