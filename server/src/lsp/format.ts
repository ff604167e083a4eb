import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../features/format';
import { toTextEdits } from './convert';
import type { Feature } from './feature';
import type { Session } from './session';

// textDocument/formatting: the core's edits (features/format.ts). A client that
// says `trimTrailingWhitespace: false` keeps its trailing white space.

export async function formatDocument(session: Session, params: DocumentFormattingParams): Promise<TextEdit[] | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const { cable } = s.state;
  return toTextEdits(cable, formatEdits(cable, { trimTrailingWhitespace: params.options?.trimTrailingWhitespace }));
}

export const formatFeature: Feature = {
  name: 'format',
  capabilities: () => ({ documentFormattingProvider: true }),
  register({ connection, session }) {
    connection.onDocumentFormatting(session.guard('formatting', (p: DocumentFormattingParams) => formatDocument(session, p)));
  },
};
