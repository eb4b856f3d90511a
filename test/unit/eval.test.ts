/**
 * The detection floors of DESIGN.md, checked on the labelled dev set at 'normal' sensitivity.
 * `npm run eval` prints the full table for every sensitivity.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedLibrary } from '../../src/node/library.ts';
import { createNodeEngine } from '../../src/node/source-free.ts';
import { loadDevSet, type DevCategory } from '../fixtures/dev-set.ts';
import { evaluate, type EvalRow } from '../eval/evaluate.ts';

let rows: Map<DevCategory, EvalRow>;

beforeAll(async () => {
  const engine = createNodeEngine(await loadSeedLibrary());
  const result = evaluate(loadDevSet(), (c) => engine.check({ text: c.text }, { sensitivity: 'normal' }));
  rows = new Map(result.map((r) => [r.category, r]));
}, 120_000);

function row(category: DevCategory): EvalRow {
  const r = rows.get(category);
  if (!r) throw new Error(`no dev-set cases for ${category}`);
  return r;
}

describe('dev set at normal sensitivity', () => {
  it('catches verbatim copies and names their reference', () => {
    expect(row('verbatim').detection, row('verbatim').failures.join(', ')).toBeGreaterThanOrEqual(0.95);
    expect(row('verbatim').rightReference, row('verbatim').failures.join(', ')).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['spun-10', 'spun-20', 'spun-30'] as const)('catches %s copies', (category) => {
    expect(row(category).detection, row(category).failures.join(', ')).toBeGreaterThanOrEqual(0.9);
  });

  it.each(['spun-40', 'spun-50'] as const)('catches most %s copies', (category) => {
    expect(row(category).detection, row(category).failures.join(', ')).toBeGreaterThanOrEqual(0.8);
  });

  it.each(['reordered', 'partial', 'embedded'] as const)('catches and attributes most %s copies', (category) => {
    expect(row(category).detection, row(category).failures.join(', ')).toBeGreaterThanOrEqual(0.8);
    expect(row(category).rightReference, row(category).failures.join(', ')).toBeGreaterThanOrEqual(0.8);
  });

  it('catches auto-published pages', () => {
    expect(row('auto-published').detection, row('auto-published').failures.join(', ')).toBeGreaterThanOrEqual(0.9);
  });

  it.each(['independent', 'credited', 'unrelated'] as const)('never warns about %s pages', (category) => {
    expect(row(category).falseWarnings, row(category).failures.join(', ')).toBe(0);
  });
});
