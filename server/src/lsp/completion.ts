import type { CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import { completeAt, type CompletionResult } from '../features/completion';
import { yearsOf } from '../analysis/tags';
import { tagDoc } from '../features/hover';
import type { Cable } from '../model';
import { offsetAt } from '../positions';
import { completionKind, toRange } from './convert';
import type { Feature } from './feature';
import type { Session } from './session';

// Completion: the core's entries as protocol items. A tag's documentation is
// left to completionItem/resolve (the list of tags is long).

/** What a tag item carries to its resolve. */
interface TagData {
  tag?: string;
  uri?: string;
}

export function toCompletionList(cable: Cable, r: CompletionResult, uri: string): CompletionList {
  const range = toRange(cable, r);
  const items: CompletionItem[] = r.items.map((i) => ({
    label: i.label,
    kind: completionKind(i.kind),
    detail: i.detail,
    documentation: i.documentation ? { kind: 'markdown', value: i.documentation } : undefined,
    sortText: i.sortText,
    preselect: i.preselect || undefined,
    filterText: i.kind === 'marking' ? i.label : undefined,
    textEdit: { range, newText: i.insertText ?? i.label },
    data: i.kind === 'tag' ? ({ tag: i.label, uri } satisfies TagData) : undefined,
  }));
  return { isIncomplete: false, items };
}

export async function completion(session: Session, params: CompletionParams): Promise<CompletionList | null> {
  const s = await session.stateOf(params.textDocument.uri);
  if (!s) return null;
  const { cable, ctx } = s.state;
  const r = completeAt(cable, offsetAt(cable.lines, params.position), ctx);
  return r ? toCompletionList(cable, r, params.textDocument.uri) : null;
}

export async function resolveCompletion(session: Session, item: CompletionItem): Promise<CompletionItem> {
  const data = item.data as TagData | undefined;
  if (data?.tag && !item.documentation) {
    const ctx = data.uri ? (await session.stateOf(data.uri))?.state.ctx : undefined;
    item.documentation = { kind: 'markdown', value: tagDoc(data.tag, ctx?.extraTags, ctx && yearsOf(ctx)) };
  }
  return item;
}

export const completionFeature: Feature = {
  name: 'completion',
  capabilities: () => ({ completionProvider: { triggerCharacters: ['(', ' ', ':'], resolveProvider: true } }),
  register({ connection, session }) {
    connection.onCompletion(session.guard('completion', (p: CompletionParams) => completion(session, p)));
    connection.onCompletionResolve(session.guard('completionItem/resolve', (item: CompletionItem) => resolveCompletion(session, item)));
  },
};
