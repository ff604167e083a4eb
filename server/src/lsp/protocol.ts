import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import { RULE_DOC_LINES } from './links';

// What the client and the server agree on beyond the standard protocol: typed
// requests, command names and the rule documentation address. The VS Code
// client imports this module and nothing else of the server (test/lsp/layers.test.ts).

export { RULE_DOC_LINES };

/** initializationOptions the VS Code client sends besides settings. */
export interface CableInitializationOptions {
  /** The URI of the extension's docs/rules.md, which diagnostics link to. */
  rulesDocument: string;
}

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
  /** The date the cable is checked against and where it came from: `2004, from the file name 04LIMA1046`. */
  date?: string;
}

/** `cable/classification`: the cable's overall classification, from the server's parse (null: not open). */
export const ClassificationRequest = new RequestType<ClassificationParams, ClassificationResult | null, void>('cable/classification');

export interface NewCableParams {
  /** A workspace folder or file whose settings apply (`cable.date`); none: the window's settings. */
  scopeUri?: string;
}

export interface NewCableResult {
  /** The template as a snippet (tab stops for the fields to fill in). */
  snippet: string;
}

/** `cable/newCable`: the text of a new cable, dated by the `cable.date` setting or today. */
export const NewCableRequest = new RequestType<NewCableParams, NewCableResult, void>('cable/newCable');

export interface DetectParams {
  /** The start of a plain-text document: the first DETECT_CHARS characters are enough. */
  text: string;
}

export interface DetectResult {
  /** How the text starts as a cable (`vzczc`, `acp126`, `printout`, `banner`), or null when it does not. */
  start: 'vzczc' | 'acp126' | 'printout' | 'banner' | null;
}

/** `cable/detect`: is this plain text a cable? The editor asks when a `.txt` file opens (the `cable.detect` setting). */
export const DetectRequest = new RequestType<DetectParams, DetectResult, void>('cable/detect');
/** How much of a document the client sends with cable/detect (the server reads no more than 4096). */
export const DETECT_CHARS = 4097;

export interface StatsResult {
  heapUsed: number;
  rss: number;
  /** Texts parsed since start: one per document version. */
  parses: number;
  /** Per open document: parse and lint time of its current version (wall ms) and their CPU time. */
  documents: Record<string, { parseMs: number; lintMs: number; cpuMs: number }>;
}

/**
 * `cable/stats`: figures for the benchmark (scripts/bench-lsp.mjs). The server answers it only when
 * started with CABLE_LSP_STATS=1; it collects garbage first when node runs with --expose-gc.
 */
export const StatsRequest = new RequestType0<StatsResult, void>('cable/stats');
export const STATS_ENV = 'CABLE_LSP_STATS';

/** workspace/executeCommand: renumber the paragraphs 1..n. Arguments: [uri]. */
export const RENUMBER_COMMAND = 'cable.server.renumberParagraphs';
/** workspace/executeCommand: apply every preferred fix. Arguments: [uri]. */
export const FIX_ALL_COMMAND = 'cable.server.fixAll';

export interface CableCommandParams {
  command: string;
  /** The document's URI. */
  arguments: [string];
}

export interface CableCommandResult {
  /** Whether the client applied the edits (false when there were none). */
  applied: boolean;
  /** How many edits the command made. */
  edits: number;
}

/** workspace/executeCommand for the commands above, typed. */
export const CableCommandRequest = new RequestType<CableCommandParams, CableCommandResult, void>('workspace/executeCommand');

export const FIX_ALL_KIND = 'source.fixAll.cable';

/**
 * A client command the "cited by N cables" code lens runs: arguments [uri, position, locations] (LSP
 * shapes), the citing REF items to list. The VS Code client shows them in the references view.
 */
export const SHOW_REFERENCES_COMMAND = 'cable.showReferences';

export interface CheckWorkspaceResult {
  /** How many cables are (being) checked. */
  cables: number;
  /** `pull`: reported through the client's workspace diagnostics request; `push`: published one by one (done when this answers). */
  mode: 'pull' | 'push';
}

/**
 * `cable/checkWorkspace`: problems for every cable of the workspace folders, not only the open ones
 * ("Cable: Check All Cables in Workspace"), with progress; they stay current as files change.
 */
export const CheckWorkspaceRequest = new RequestType0<CheckWorkspaceResult, void>('cable/checkWorkspace');

export interface WorkspaceCablesParams {
  /** A workspace folder's URI: only its cables; none: every folder's. */
  folder?: string;
}

/** `cable/workspaceCables`: the cable files of the workspace index, once it is built, sorted (the VS Code task lints them one by one). */
export const WorkspaceCablesRequest = new RequestType<WorkspaceCablesParams, { uris: string[] }, void>('cable/workspaceCables');

export interface LintFileParams {
  uri: string;
}

/** A finding of cable/lintFile: 1-based line and column, as cable-lint prints them. */
export interface FileFinding {
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  rule: string;
  message: string;
}

/** `cable/lintFile`: the findings of a cable file as it is on disk (null when it cannot be read), with the workspace's settings and index. */
export const LintFileRequest = new RequestType<LintFileParams, { findings: FileFinding[] } | null, void>('cable/lintFile');
