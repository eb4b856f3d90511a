/**
 * Scoring for the dev set, independent of the engine: give it the cases and a `check` function, get one row
 * per category back.
 */
import type { Verdict } from '../../src/core/types.ts';
import { warns } from '../../src/core/vocabulary.ts';
import { DEV_CATEGORIES, type DevCase, type DevCategory } from '../fixtures/dev-set.ts';

/** The part of a CheckResult that scoring looks at. */
export interface CheckOutcome {
  verdict: Verdict;
  match: { referenceId: string } | null;
}

export type Check = (devCase: DevCase) => CheckOutcome;

/** Verdicts that put a warning in front of the reader. */
export const isWarning = warns;

export interface EvalRow {
  category: DevCategory;
  n: number;
  /** Share of cases whose verdict is a warning. */
  detection: number;
  /** Share of cases with an expected reference whose match names it; null when no case has one. */
  rightReference: number | null;
  /** Share of the cases that should not warn which did warn; null when every case should warn. */
  falseWarnings: number | null;
  /** Share of cases called `related` (same story or shared passages, no warning). */
  related: number;
  /** Ids of the cases that went wrong: a missed warning, a wrong reference or a false warning. */
  failures: string[];
}

const share = (hits: number, total: number): number | null => (total === 0 ? null : hits / total);

/**
 * Run `check` once on every case and score the outcomes per category, in DEV_CATEGORIES order. Categories
 * without cases are left out.
 */
export function evaluate(cases: readonly DevCase[], check: Check): EvalRow[] {
  const tallies = new Map<DevCategory, { n: number; warned: number; related: number; withRef: number; rightRef: number; quiet: number; falseWarn: number; failures: string[] }>();
  for (const c of cases) {
    const outcome = check(c);
    let t = tallies.get(c.category);
    if (!t) {
      t = { n: 0, warned: 0, related: 0, withRef: 0, rightRef: 0, quiet: 0, falseWarn: 0, failures: [] };
      tallies.set(c.category, t);
    }
    const warned = isWarning(outcome.verdict);
    t.n++;
    if (warned) t.warned++;
    if (outcome.verdict === 'related') t.related++;
    let failed = c.shouldWarn !== warned;
    if (c.expectedReference !== null) {
      t.withRef++;
      if (outcome.match?.referenceId === c.expectedReference) t.rightRef++;
      else failed = true;
    }
    if (!c.shouldWarn) {
      t.quiet++;
      if (warned) t.falseWarn++;
    }
    if (failed) t.failures.push(c.id);
  }

  const rows: EvalRow[] = [];
  for (const category of DEV_CATEGORIES) {
    const t = tallies.get(category);
    if (!t) continue;
    rows.push({
      category,
      n: t.n,
      detection: t.warned / t.n,
      rightReference: share(t.rightRef, t.withRef),
      falseWarnings: share(t.falseWarn, t.quiet),
      related: t.related / t.n,
      failures: t.failures,
    });
  }
  return rows;
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

/** A fixed-width text table of the rows, for the console. */
export function formatTable(rows: readonly EvalRow[]): string {
  const header = ['category', 'n', 'detection', 'right reference', 'false warnings', 'related'];
  const body = rows.map((r) => [r.category, String(r.n), pct(r.detection), pct(r.rightReference), pct(r.falseWarnings), pct(r.related)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
