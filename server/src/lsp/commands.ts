import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import type { Edit } from '../rules/types';
import { fixAllEdits } from './code-actions';
import { toTextEdits } from './convert';
import type { DocState } from './documents';
import type { Feature } from './feature';
import { FIX_ALL_COMMAND, RENUMBER_COMMAND, type CableCommandResult } from './protocol';
import { renumberEdits } from './renumber';
import type { Session } from './session';

// workspace/executeCommand: commands that edit one document, named in protocol.ts.
// Each computes edits; the server asks the client to apply them.

interface EditCommand {
  /** The label of the workspace edit (the client's undo history). */
  label: string;
  edits(session: Session, state: DocState): Edit[];
}

export const COMMANDS: Record<string, EditCommand> = {
  [RENUMBER_COMMAND]: { label: 'Renumber paragraphs', edits: (_, state) => renumberEdits(state.cable) },
  [FIX_ALL_COMMAND]: { label: 'Fix all', edits: fixAllEdits },
};

export async function executeCommand(session: Session, params: ExecuteCommandParams): Promise<CableCommandResult> {
  const command = Object.hasOwn(COMMANDS, params.command) ? COMMANDS[params.command] : undefined;
  const uri = params.arguments?.[0];
  if (typeof uri !== 'string')
    throw new ResponseError(ErrorCodes.InvalidParams, `${params.command} needs the document URI as its argument`);
  const s = await session.stateOf(uri);
  if (!s) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open`);
  if (!command) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
  const { doc, state } = s;
  const edits = command.edits(session, state);
  if (edits.length === 0) return { applied: false, edits: 0 };
  const r = await session.host.applyEdit({ label: command.label, edit: session.workspaceEdit(doc, toTextEdits(state.cable, edits)) });
  return { applied: r.applied, edits: edits.length };
}

export const commandsFeature: Feature = {
  name: 'commands',
  capabilities: () => ({ executeCommandProvider: { commands: Object.keys(COMMANDS) } }),
  register({ connection, session }) {
    connection.onExecuteCommand(session.guard('executeCommand', (p: ExecuteCommandParams) => executeCommand(session, p)));
  },
};
