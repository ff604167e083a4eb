import type { TextDocument } from 'vscode-languageserver-textdocument';
import { featureContext, type FeatureContext } from '../features/context';
import type { Cable } from '../model';
import { parse } from '../parse/index';
import { lint } from '../rules/engine';
import type { CitedCables, Finding } from '../rules/types';
import type { Effective } from './settings';

// One parse per document text. The findings are computed from that parse when
// first asked for, and kept while the text and the settings stay. The parse is
// keyed on the text itself, not only the version: a client may send the same
// version with new text, or open a document twice, and the status bar and
// fix-all must never read a parse of text that is no longer there. (The text
// is the document's own string: comparing it is a pointer check unless it
// changed.)

/**
 * A document of more lines than this is not parsed in the editor. Memory
 * follows the number of lines and paragraphs: a 20 MB text of `1. x` lines (4
 * million paragraphs) took the server past 3.5 GB and minutes; real cables have
 * a few hundred lines, and 20 MB of them about 450,000. cable-lint checks such
 * files (up to 64 MB).
 */
export const MAX_DOCUMENT_LINES = 500_000;
/** The id of the one finding such a document gets (not a rule: no link, no setting). */
export const TOO_LARGE_RULE = 'document-too-large';

/** The number of lines of `text`, counted up to `max + 1` (LF, or CR alone in a file without LF). */
export function countLines(text: string, max: number): number {
  const eol = text.includes('\n') ? '\n' : '\r';
  let n = 1;
  for (let i = text.indexOf(eol); i >= 0 && n <= max; i = text.indexOf(eol, i + 1)) n++;
  return n;
}

export interface DocState {
  uri: string;
  version: number;
  /** The text parsed (the document's string, shared, not a copy). */
  text: string;
  cable: Cable;
  ctx: FeatureContext;
  eff: Effective;
  /** Set when the document has more than MAX_DOCUMENT_LINES lines: `cable` is then an empty parse. */
  tooLarge?: boolean;
  findings?: Finding[];
  /** Time spent parsing this version and linting it, in ms (wall and CPU), for the benchmark. */
  timing: { parseMs: number; lintMs: number; cpuMs: number };
}

export class DocumentStore {
  private states = new Map<string, DocState>();
  /** How many times a text was parsed (tests and the benchmark read it). */
  parses = 0;
  /** The workspace's cables for a document's rules about the cables it cites (the session's index). */
  cables?: (s: DocState) => CitedCables | undefined;

  get(doc: TextDocument, eff: Effective): DocState {
    const text = doc.getText();
    const old = this.states.get(doc.uri);
    if (old && old.text === text) {
      if (old.eff.key === eff.key && old.version === doc.version) return old;
      if (old.eff.key === eff.key) {
        // Same text under a new version (an edit undone, a document opened again): same parse and findings.
        const s: DocState = { ...old, version: doc.version };
        this.states.set(doc.uri, s);
        return s;
      }
      // Same text, other settings: keep the parse, drop the findings.
      const s: DocState = {
        ...old,
        version: doc.version,
        eff,
        ctx: featureContext(old.cable, eff.lint),
        findings: undefined,
        timing: { ...old.timing, lintMs: 0 },
      };
      this.states.set(doc.uri, s);
      return s;
    }
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const tooLarge = countLines(text, MAX_DOCUMENT_LINES) > MAX_DOCUMENT_LINES;
    const cable = parse(tooLarge ? '' : text);
    const parseMs = performance.now() - t0;
    const cu = process.cpuUsage(c0);
    this.parses++;
    const ctx = featureContext(cable, eff.lint);
    const s: DocState = {
      uri: doc.uri,
      version: doc.version,
      text,
      cable,
      eff,
      ctx,
      tooLarge,
      timing: { parseMs, lintMs: 0, cpuMs: (cu.user + cu.system) / 1000 },
    };
    this.states.set(doc.uri, s);
    return s;
  }

  findings(s: DocState): Finding[] {
    if (!s.findings && s.tooLarge) {
      const message = `This document has more than ${MAX_DOCUMENT_LINES.toLocaleString('en-US')} lines: the editor does not check it (a cable has a few hundred). cable-lint checks it.`;
      s.findings = [{ rule: TOO_LARGE_RULE, severity: 'warning', message, start: 0, end: 0 }];
    }
    if (!s.findings) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      s.findings = lint(s.cable, this.cables ? { ...s.eff.lint, cables: this.cables(s) } : s.eff.lint);
      s.timing.lintMs = performance.now() - t0;
      const cu = process.cpuUsage(c0);
      s.timing.cpuMs += (cu.user + cu.system) / 1000;
    }
    return s.findings;
  }

  clearFindings(): void {
    for (const s of this.states.values()) s.findings = undefined;
  }

  timing(uri: string): DocState['timing'] | undefined {
    return this.states.get(uri)?.timing;
  }

  delete(uri: string): void {
    this.states.delete(uri);
  }
}
