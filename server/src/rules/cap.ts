import { SEVERITIES, type Finding, type Severity } from './types';

// A bound on the findings of one text. A 20 MB file of `1. x` lines in a
// CONFIDENTIAL cable has millions of findings: kept whole they exhausted the
// memory (cable-lint aborted, the server peaked at 4 GB). The first
// MAX_FINDINGS by position are kept, then one finding says how many more
// there are and of what severity. At most twice the cap is held at a time, and
// once the cap is full a finding after the last kept one is only counted.

export const MAX_FINDINGS = 10_000;
/** The id of the finding that says how many more there are (not a rule: it cannot be configured). */
export const TRUNCATED_RULE = 'findings-truncated';

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);

export class FindingCollector {
  private items: Finding[] = [];
  private dropped = 0;
  private droppedBy: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  private firstDropped = Infinity;
  /** The last kept finding once the cap is full: anything after it is dropped at once. */
  private last: Finding | undefined;

  constructor(private readonly max = MAX_FINDINGS) {}

  add(f: Finding): void {
    if (this.last && byPosition(f, this.last) > 0) return this.drop(f);
    this.items.push(f);
    if (this.items.length >= 2 * this.max) this.trim();
  }

  private drop(f: Finding): void {
    this.dropped++;
    this.droppedBy[f.severity]++;
    if (f.start < this.firstDropped) this.firstDropped = f.start;
  }

  /** Keeps the first `max` by position; counts the others. */
  private trim(): void {
    this.items.sort(byPosition);
    if (this.items.length <= this.max) return;
    for (const f of this.items.splice(this.max)) this.drop(f);
    this.last = this.items[this.max - 1];
  }

  /** The findings sorted by position, with one more at the end when some were left out. */
  result(): Finding[] {
    this.trim();
    if (this.dropped === 0) return this.items;
    const kinds = SEVERITIES.filter((s) => this.droppedBy[s] > 0);
    const counts = kinds.map((s) => `${this.droppedBy[s]} ${s}${s === 'information' || this.droppedBy[s] === 1 ? '' : 's'}`).join(', ');
    this.items.push({
      rule: TRUNCATED_RULE,
      severity: kinds[0],
      message: `${this.dropped} more findings in this file are not shown (${counts}); only the first ${this.max} are kept. Fix these and check again.`,
      start: this.firstDropped,
      end: this.firstDropped,
    });
    return this.items;
  }
}
