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

export interface DocState {
  uri: string;
  version: number;
  /** The text parsed (the document's string, shared, not a copy). */
  text: string;
  cable: Cable;
  ctx: FeatureContext;
  eff: Effective;
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
      const s: DocState = { ...old, version: doc.version, eff, ctx: featureContext(old.cable, { date: eff.lint.date, extraTags: eff.lint.extraTags }), findings: undefined, timing: { ...old.timing, lintMs: 0 } };
      this.states.set(doc.uri, s);
      return s;
    }
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const cable = parse(text);
    const parseMs = performance.now() - t0;
    const cu = process.cpuUsage(c0);
    this.parses++;
    const ctx = featureContext(cable, { date: eff.lint.date, extraTags: eff.lint.extraTags });
    const s: DocState = { uri: doc.uri, version: doc.version, text, cable, eff, ctx, timing: { parseMs, lintMs: 0, cpuMs: (cu.user + cu.system) / 1000 } };
    this.states.set(doc.uri, s);
    return s;
  }

  findings(s: DocState): Finding[] {
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
