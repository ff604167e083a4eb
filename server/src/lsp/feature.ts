import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Session } from './session';

// A feature of the server: what it announces in the initialize result and the
// handlers it registers. server.ts lists the features; adding one is a module
// exporting a Feature and a line in that list (docs/architecture.md).

export interface ServerParts {
  connection: Connection;
  /** The open documents, for their open/change/close events. */
  documents: TextDocuments<TextDocument>;
  session: Session;
}

export interface Feature {
  /** A name for logs and errors. */
  name: string;
  /** Capabilities to announce; called after the session took in the client's capabilities. */
  capabilities?(session: Session): ServerCapabilities;
  /** Registers the handlers (connection.onX(session.guard(name, ...))). */
  register(parts: ServerParts): void;
  /** After the client's `initialized` notification: dynamic registrations and the like. */
  initialized?(parts: ServerParts): void | Promise<void>;
}

/** Merges the features' capabilities; the commands of executeCommandProvider add up. */
export function mergeCapabilities(parts: readonly ServerCapabilities[]): ServerCapabilities {
  const out: ServerCapabilities = {};
  const commands: string[] = [];
  for (const p of parts) {
    const { executeCommandProvider, ...rest } = p;
    if (executeCommandProvider) commands.push(...executeCommandProvider.commands);
    Object.assign(out, rest);
  }
  if (commands.length) out.executeCommandProvider = { commands };
  return out;
}
