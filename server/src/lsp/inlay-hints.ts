import type { Connection, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { HINT_KINDS, inlayHints, type HintOptions } from '../features/inlay-hints';
import { offsetAt, positionAt } from '../positions';
import type { Feature } from './feature';
import type { Session } from './session';

// textDocument/inlayHint: the core's hints (features/inlay-hints.ts), each kind
// behind its setting `cable.inlayHints.<kind>` (on unless set to false).

/** The kinds the settings turn off: `cable.inlayHints: { dtg: false }`. */
export function hintOptions(setting: unknown): HintOptions {
  const out: HintOptions = {};
  if (!setting || typeof setting !== 'object') return out;
  for (const k of HINT_KINDS) if ((setting as Record<string, unknown>)[k] === false) out[k] = false;
  return out;
}

export async function inlayHintsOf(session: Session, params: InlayHintParams): Promise<InlayHint[] | null> {
  const uri = params.textDocument.uri;
  const s = await session.stateOf(uri);
  if (!s) return null;
  const { cable, ctx } = s.state;
  const opts = hintOptions((await session.settings.raw(uri)).inlayHints);
  const range = { start: offsetAt(cable.lines, params.range.start), end: offsetAt(cable.lines, params.range.end) };
  return inlayHints(cable, ctx, opts, range).map((h) => ({
    position: positionAt(cable.lines, h.offset),
    label: h.label,
    tooltip: h.tooltip,
    paddingLeft: true,
  }));
}

/** After a settings change: clients that can be told to ask again for hints and lenses are told. */
export function refreshViews(connection: Connection, session: Session): void {
  const caps = session.capabilities.workspace;
  if (caps?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (caps?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

export const inlayHintsFeature: Feature = {
  name: 'inlay hints',
  capabilities: () => ({ inlayHintProvider: true }),
  register({ connection, session }) {
    connection.languages.inlayHint.on(session.guard('inlayHint', (p: InlayHintParams) => inlayHintsOf(session, p)));
  },
};
