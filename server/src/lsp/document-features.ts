import type {
  DefinitionParams,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  Location,
} from 'vscode-languageserver';
import { definitionAt } from '../features/definition';
import { foldingRanges } from '../features/folding';
import { hoverAt } from '../features/hover';
import { outline } from '../features/outline';
import { offsetAt } from '../positions';
import { toDocumentSymbol, toFoldingRange, toRange } from './convert';
import type { Feature } from './feature';
import type { Session } from './session';
import { citedAt, citedHoverAt, locationOf } from './workspace';

// Hover, outline, folding and go to definition: each a feature of the core on
// the document's parse, converted to the protocol.

export async function hover(session: Session, params: HoverParams): Promise<Hover | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const { cable, ctx } = s.state;
  const offset = offsetAt(cable.lines, params.position);
  const h = hoverAt(cable, offset, ctx);
  // Over a REF item whose cable the workspace has: that cable's subject, classification, date and TAGS first.
  const cited = citedHoverAt(session, params.textDocument.uri, cable, offset);
  if (cited)
    return {
      contents: { kind: 'markdown', value: h ? `${cited.markdown}\n\n---\n\n${h.markdown}` : cited.markdown },
      range: toRange(cable, cited),
    };
  return h ? { contents: { kind: 'markdown', value: h.markdown }, range: toRange(cable, h) } : null;
}

export async function documentSymbols(session: Session, params: DocumentSymbolParams): Promise<DocumentSymbol[] | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const { cable } = s.state;
  return outline(cable).map((x) => toDocumentSymbol(cable, x));
}

export async function foldingRangesOf(session: Session, params: FoldingRangeParams): Promise<FoldingRange[] | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  return foldingRanges(s.state.cable).map(toFoldingRange);
}

export async function definition(session: Session, params: DefinitionParams): Promise<Location[] | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const { cable } = s.state;
  const offset = offsetAt(cable.lines, params.position);
  // A REF item (or `ref a` / `reftel` through its item) opens the cited cable when the workspace has it.
  const cited = citedAt(session, params.textDocument.uri, cable, offset);
  if (cited.length > 0) return cited.map(locationOf);
  return definitionAt(cable, offset).map((sp) => ({ uri: params.textDocument.uri, range: toRange(cable, sp) }));
}

export const documentFeatures: Feature = {
  name: 'document features',
  capabilities: () => ({
    hoverProvider: true,
    documentSymbolProvider: { label: 'Cable' },
    foldingRangeProvider: true,
    definitionProvider: true,
  }),
  register({ connection, session }) {
    connection.onHover(session.guard('hover', (p: HoverParams) => hover(session, p)));
    connection.onDocumentSymbol(session.guard('documentSymbol', (p: DocumentSymbolParams) => documentSymbols(session, p)));
    connection.onFoldingRanges(session.guard('foldingRange', (p: FoldingRangeParams) => foldingRangesOf(session, p)));
    connection.onDefinition(session.guard('definition', (p: DefinitionParams) => definition(session, p)));
  },
};
