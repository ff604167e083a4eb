import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diffEdits, fixAll, fixAllText } from '../features/fixall';
import { parse } from '../parse/index';
import { offsetAt } from '../positions';
import { lint } from '../rules/engine';
import type { Edit } from '../rules/types';
import { toDiagnostic, toTextEdits } from './convert';
import type { DocState } from './documents';
import type { Feature } from './feature';
import { FIX_ALL_KIND } from './protocol';
import type { Session } from './session';

// Code actions: the quick fixes of the findings in a range, and "fix all".

/** What the fix-all action carries to its resolve. */
interface FixAllData {
  uri?: string;
  version?: number;
}

/** Whether a kind is among those the client asked for (`only`: a kind and its sub-kinds). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** Every preferred fix, repeated on the fixed text while fixes remain, as edits on the current text. */
export function fixAllEdits(session: Session, state: DocState): Edit[] {
  if (state.eff.ignored) return [];
  const text = state.cable.text;
  const check = (t: string) => (t === text ? session.store.findings(state) : lint(parse(t), state.eff.lint));
  return diffEdits(text, fixAllText(text, check).text);
}

/** The quick fixes of the findings that touch the range, and fix-all when some fix is preferred. */
export function actionsFor(session: Session, doc: TextDocument, state: DocState, params: CodeActionParams): CodeAction[] {
  const { cable } = state;
  const findings = state.eff.ignored ? [] : session.store.findings(state);
  const from = offsetAt(cable.lines, params.range.start);
  const to = offsetAt(cable.lines, params.range.end);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (kindWanted(CodeActionKind.QuickFix, only)) {
    for (const f of findings) {
      if (!f.fixes?.length || f.end < from || f.start > to) continue;
      const diagnostic = toDiagnostic(cable, f, session.rulesDocument);
      for (const fix of f.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred || undefined,
          edit: session.workspaceEdit(doc, toTextEdits(cable, fix.edits)),
        });
      }
    }
  }
  if (kindWanted(FIX_ALL_KIND, only) && fixAll(findings).length > 0) {
    const data: FixAllData = { uri: doc.uri, version: doc.version };
    const action: CodeAction = { title: 'Fix all auto-fixable cable problems', kind: FIX_ALL_KIND, data };
    // Fixing all takes a few parses; clients that can resolve get it when they pick the action.
    if (!session.client.resolveEdits) action.edit = session.workspaceEdit(doc, toTextEdits(cable, fixAllEdits(session, state)));
    actions.push(action);
  }
  return actions;
}

export async function codeActions(session: Session, params: CodeActionParams): Promise<CodeAction[] | null> {
  const s = await session.stateOf(params.textDocument.uri);
  return s ? actionsFor(session, s.doc, s.state, params) : null;
}

/** codeAction/resolve: the edit of fix-all, computed on the current text. */
export async function resolveCodeAction(session: Session, action: CodeAction): Promise<CodeAction> {
  const data = action.data as FixAllData | undefined;
  if (action.kind !== FIX_ALL_KIND || !data?.uri || action.edit) return action;
  const s = await session.stateOf(data.uri);
  if (!s) return action;
  action.edit = session.workspaceEdit(s.doc, toTextEdits(s.state.cable, fixAllEdits(session, s.state)));
  return action;
}

export const codeActionsFeature: Feature = {
  name: 'code actions',
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true } }),
  register({ connection, session }) {
    connection.onCodeAction(session.guard('codeAction', (p: CodeActionParams) => codeActions(session, p)));
    connection.onCodeActionResolve(session.guard('codeAction/resolve', (a: CodeAction) => resolveCodeAction(session, a)));
  },
};
