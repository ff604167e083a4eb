import {
  CompletionItemKind,
  DiagnosticSeverity,
  FoldingRangeKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { CompletionKind } from '../features/completion';
import type { Fold } from '../features/folding';
import type { OutlineKind, OutlineSymbol } from '../features/outline';
import type { Cable, Span } from '../model';
import { positionAt } from '../positions';
import { ruleById } from '../rules/engine';
import type { Edit, Finding, Severity } from '../rules/types';
import { ruleDocHref } from './links';

// Model to protocol: offsets to positions, findings to diagnostics, and so on.

export function toRange(cable: Cable, s: Span): Range {
  return { start: positionAt(cable.lines, s.start), end: positionAt(cable.lines, s.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as a diagnostic; with `rulesDocument` (the URI of docs/rules.md) its rule id links to the rule's section. */
export function toDiagnostic(cable: Cable, f: Finding, rulesDocument?: string): Diagnostic {
  const d: Diagnostic = {
    range: toRange(cable, f),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.rule,
    source: 'cable',
    message: f.message,
  };
  // Only a rule has a section to link to (not internal-error, findings-truncated, document-too-large).
  if (rulesDocument && ruleById(f.rule)) d.codeDescription = { href: ruleDocHref(rulesDocument, f.rule) };
  return d;
}

export function toTextEdits(cable: Cable, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(cable, e), newText: e.newText }));
}

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  header: SymbolKind.Module,
  'header-line': SymbolKind.Field,
  banner: SymbolKind.Constant,
  eo: SymbolKind.Property,
  tags: SymbolKind.Enum,
  subject: SymbolKind.String,
  refs: SymbolKind.Namespace,
  ref: SymbolKind.Field,
  'classified-by': SymbolKind.Property,
  paragraph: SymbolKind.Number,
  subparagraph: SymbolKind.EnumMember,
  summary: SymbolKind.Object,
  comment: SymbolKind.Object,
  signature: SymbolKind.Key,
};

export function toDocumentSymbol(cable: Cable, s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: toRange(cable, s),
    selectionRange: toRange(cable, { start: s.selectionStart, end: s.selectionEnd }),
    children: s.children.map((c) => toDocumentSymbol(cable, c)),
  };
}

export function toFoldingRange(f: Fold): FoldingRange {
  const kind = f.kind === 'header' ? FoldingRangeKind.Imports : f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region;
  return { startLine: f.startLine, endLine: f.endLine, kind };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  tag: CompletionItemKind.Value,
  marking: CompletionItemKind.EnumMember,
  decl: CompletionItemKind.Constant,
  caption: CompletionItemKind.Keyword,
};

export function completionKind(k: CompletionKind): CompletionItemKind {
  return COMPLETION_KIND[k];
}

export type { CompletionItem };
