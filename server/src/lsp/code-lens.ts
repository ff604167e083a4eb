import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { bannerSummary } from '../features/banner-summary';
import { toRange } from './convert';
import type { DocState } from './documents';
import type { Feature } from './feature';
import { SHOW_REFERENCES_COMMAND } from './protocol';
import type { Session } from './session';
import type { CableSettings } from './settings';

// Code lenses: one list of sources, each giving the lenses of a cable. A new
// lens is a LensSource added to LENS_SOURCES.

export interface LensSource {
  name: string;
  /** `settings`: the document's `cable` settings (`cable.codeLens.<name>: false` turns a lens off). */
  lenses(session: Session, uri: string, state: DocState, settings: CableSettings): CodeLens[];
}

/** Turned off by `cable.codeLens: { <name>: false }`. */
function off(settings: CableSettings, name: string): boolean {
  const s = settings.codeLens;
  return !!s && typeof s === 'object' && (s as Record<string, unknown>)[name] === false;
}

/** Over the banner: "highest portion: SECRET · 14 paragraphs · DECL in 10 y" (a label: it runs no command). */
export const bannerLens: LensSource = {
  name: 'banner',
  lenses(_session, _uri, state, settings) {
    if (off(settings, 'banner')) return [];
    const s = bannerSummary(state.cable, state.ctx);
    return s ? [{ range: toRange(state.cable, s), command: { title: s.title, command: '' } }] : [];
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Over the banner: "cited by N cables" of the workspace; a click lists them (Find All References). */
export const citedByLens: LensSource = {
  name: 'citedBy',
  lenses(session, uri, state, settings) {
    const { cable } = state;
    if (off(settings, 'citedBy') || !cable.banner) return [];
    const me = session.workspace.currentEntry(uri, cable);
    if (!me.id) return [];
    const citing = session.workspace.index.citing(me);
    const cables = new Set(citing.map((c) => c.entry.uri)).size;
    const range = toRange(cable, cable.banner);
    const title = `cited by ${plural(cables, 'cable')}${session.workspace.building ? ' (indexing…)' : ''}`;
    const locations = citing.map((c) => ({ uri: c.entry.uri, range: c.ref.range }));
    // With no citing cable the lens is a plain label (an empty command does nothing).
    const command =
      cables > 0 ? { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, range.start, locations] } : { title, command: '' };
    return [{ range, command }];
  },
};

export const LENS_SOURCES: LensSource[] = [citedByLens, bannerLens];

export async function codeLenses(session: Session, params: CodeLensParams): Promise<CodeLens[] | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const settings = await session.settings.raw(params.textDocument.uri);
  const out: CodeLens[] = [];
  for (const source of LENS_SOURCES) {
    try {
      out.push(...source.lenses(session, params.textDocument.uri, s.state, settings));
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
