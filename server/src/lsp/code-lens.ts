import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { toRange } from './convert';
import type { DocState } from './documents';
import type { Feature } from './feature';
import { SHOW_REFERENCES_COMMAND } from './protocol';
import type { Session } from './session';

// Code lenses: one list of sources, each giving the lenses of a cable. A new
// lens is a LensSource added to LENS_SOURCES.

export interface LensSource {
  name: string;
  lenses(session: Session, uri: string, state: DocState): CodeLens[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Over the banner: "cited by N cables" of the workspace; a click lists them (Find All References). */
export const citedByLens: LensSource = {
  name: 'cited by',
  lenses(session, uri, state) {
    const { cable } = state;
    if (!cable.banner) return [];
    const me = session.workspace.currentEntry(uri, cable);
    if (!me.id) return [];
    const citing = session.workspace.index.citing(me);
    const cables = new Set(citing.map((c) => c.entry.uri)).size;
    const range = toRange(cable, cable.banner);
    const title = `cited by ${plural(cables, 'cable')}${session.workspace.building ? ' (indexing…)' : ''}`;
    const locations = citing.map((c) => ({ uri: c.entry.uri, range: c.ref.range }));
    // With no citing cable the lens is a plain label (an empty command does nothing).
    const command = cables > 0 ? { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, range.start, locations] } : { title, command: '' };
    return [{ range, command }];
  },
};

export const LENS_SOURCES: LensSource[] = [citedByLens];

export async function codeLenses(session: Session, params: CodeLensParams): Promise<CodeLens[] | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const out: CodeLens[] = [];
  for (const source of LENS_SOURCES) {
    try {
      out.push(...source.lenses(session, params.textDocument.uri, s.state));
    } catch (e) {
      session.host.error(`code lens ${source.name} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }
  return out;
}

export const codeLensFeature: Feature = {
  name: 'code lens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register({ connection, session }) {
    connection.onCodeLens(session.guard('codeLens', (p: CodeLensParams) => codeLenses(session, p)));
  },
};
