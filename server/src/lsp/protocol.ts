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

/** workspace/executeCommand: renumber the paragraphs 1..n. Arguments: [uri]. */
export const RENUMBER_COMMAND = 'cable.server.renumberParagraphs';
/** workspace/executeCommand: apply every preferred fix. Arguments: [uri]. */
export const FIX_ALL_COMMAND = 'cable.server.fixAll';

export const FIX_ALL_KIND = 'source.fixAll.cable';
