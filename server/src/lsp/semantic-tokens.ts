import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken } from '../features/semantic-tokens';
import type { Cable } from '../model';
import { offsetAt, positionAt } from '../positions';
import type { Feature } from './feature';
import type { Session } from './session';

// textDocument/semanticTokens: the core's tokens (features/semantic-tokens.ts)
// in the protocol's relative encoding.

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map<string, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/** Five integers per token: line and start relative to the token before, length, type, modifier bits. */
export function encodeTokens(cable: Cable, tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    const p = positionAt(cable.lines, t.start);
    let bits = 0;
    for (const m of t.modifiers) bits |= MODIFIER_BIT.get(m) ?? 0;
    data.push(p.line - line, p.line === line ? p.character - char : p.character, t.end - t.start, TYPE_INDEX.get(t.type) ?? 0, bits);
    line = p.line;
    char = p.character;
  }
  return data;
}

export async function semanticTokensFull(session: Session, params: SemanticTokensParams): Promise<SemanticTokens> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return { data: [] };
  const { cable } = s.state;
  return { data: encodeTokens(cable, semanticTokens(cable, undefined, s.state.ctx)) };
}

export async function semanticTokensRange(session: Session, params: SemanticTokensRangeParams): Promise<SemanticTokens> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return { data: [] };
  const { cable } = s.state;
  const range = { start: offsetAt(cable.lines, params.range.start), end: offsetAt(cable.lines, params.range.end) };
  return { data: encodeTokens(cable, semanticTokens(cable, range, s.state.ctx)) };
}

export const semanticTokensFeature: Feature = {
  name: 'semantic tokens',
  capabilities: () => ({ semanticTokensProvider: { legend: LEGEND, full: true, range: true } }),
  register({ connection, session }) {
    connection.languages.semanticTokens.on(session.guard('semanticTokens', (p: SemanticTokensParams) => semanticTokensFull(session, p)));
    connection.languages.semanticTokens.onRange(
      session.guard('semanticTokensRange', (p: SemanticTokensRangeParams) => semanticTokensRange(session, p)),
    );
  },
};
