import { describe, expect, it } from 'vitest';
import type { DevCase } from '../../fixtures/dev-set.ts';
import { evaluate, formatTable, isWarning, type CheckOutcome } from '../../eval/evaluate.ts';

const c = (id: string, category: DevCase['category'], expectedReference: string | null, shouldWarn: boolean): DevCase => ({
  id,
  category,
  text: id,
  expectedReference,
  shouldWarn,
});

const cases: DevCase[] = [
  c('v1', 'verbatim', 'ref-a', true),
  c('v2', 'verbatim', 'ref-b', true),
  c('s1', 'spun-30', 'ref-a', true),
  c('s2', 'spun-30', 'ref-a', true),
  c('s3', 'spun-30', 'ref-b', true),
  c('s4', 'spun-30', 'ref-b', true),
  c('a1', 'auto-published', null, true),
  c('i1', 'independent', null, false),
  c('i2', 'independent', null, false),
  c('k1', 'credited', 'ref-a', false),
  c('u1', 'unrelated', null, false),
];

/** A fake engine: the outcome for each case id. */
const outcomes: Record<string, CheckOutcome> = {
  v1: { verdict: 'copy', match: { referenceId: 'ref-a' } },
  v2: { verdict: 'spun', match: { referenceId: 'ref-a' } }, // warned, wrong reference
  s1: { verdict: 'spun', match: { referenceId: 'ref-a' } },
  s2: { verdict: 'related', match: { referenceId: 'ref-a' } }, // right reference, no warning
  s3: { verdict: 'auto-published', match: null }, // warned, no reference
  s4: { verdict: 'clean', match: null },
  a1: { verdict: 'auto-published', match: null },
  i1: { verdict: 'related', match: { referenceId: 'ref-a' } },
  i2: { verdict: 'copy', match: { referenceId: 'ref-b' } }, // false warning
  k1: { verdict: 'related', match: { referenceId: 'ref-a' } },
  u1: { verdict: 'clean', match: null },
};

const byCategory = (rows: ReturnType<typeof evaluate>) => Object.fromEntries(rows.map((r) => [r.category, r]));

describe('evaluate', () => {
  it('counts warnings, right references and false warnings per category', () => {
    const rows = byCategory(evaluate(cases, (x) => outcomes[x.id]!));
    expect(rows['verbatim']).toMatchObject({ n: 2, detection: 1, rightReference: 0.5, falseWarnings: null, failures: ['v2'] });
    expect(rows['spun-30']).toMatchObject({ n: 4, detection: 0.5, rightReference: 0.5, falseWarnings: null });
    expect(rows['spun-30']!.failures).toEqual(['s2', 's3', 's4']);
    expect(rows['auto-published']).toMatchObject({ n: 1, detection: 1, rightReference: null, falseWarnings: null, failures: [] });
    expect(rows['independent']).toMatchObject({ n: 2, detection: 0.5, rightReference: null, falseWarnings: 0.5, failures: ['i2'] });
    expect(rows['credited']).toMatchObject({ n: 1, detection: 0, rightReference: 1, falseWarnings: 0, failures: [] });
    expect(rows['unrelated']).toMatchObject({ n: 1, detection: 0, falseWarnings: 0, failures: [] });
  });

  it('lists categories in a fixed order and leaves out empty ones', () => {
    const rows = evaluate([...cases].reverse(), (x) => outcomes[x.id]!);
    expect(rows.map((r) => r.category)).toEqual(['verbatim', 'spun-30', 'auto-published', 'independent', 'credited', 'unrelated']);
  });

  it('calls check exactly once per case', () => {
    const seen: string[] = [];
    evaluate(cases, (x) => {
      seen.push(x.id);
      return { verdict: 'clean', match: null };
    });
    expect(seen.sort()).toEqual(cases.map((x) => x.id).sort());
  });

  it('counts a credited page that warns as a false warning and a failure', () => {
    const [row] = evaluate([c('k', 'credited', 'ref-a', false)], () => ({ verdict: 'copy', match: { referenceId: 'ref-a' } }));
    expect(row).toMatchObject({ detection: 1, rightReference: 1, falseWarnings: 1, failures: ['k'] });
  });

  it('returns no rows for no cases', () => {
    expect(evaluate([], () => ({ verdict: 'clean', match: null }))).toEqual([]);
  });

  it('treats exactly spun, auto-published and copy as warnings', () => {
    expect(['spun', 'auto-published', 'copy', 'related', 'clean'].map((v) => isWarning(v as CheckOutcome['verdict']))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('formats a table with one line per row', () => {
    const text = formatTable(evaluate(cases, (x) => outcomes[x.id]!));
    const lines = text.split('\n');
    expect(lines).toHaveLength(2 + 6);
    expect(lines[0]).toMatch(/category\s+n\s+detection\s+right reference\s+false warnings/);
    expect(text).toMatch(/verbatim\s+2\s+100\.0%\s+50\.0%\s+—/);
    expect(text).toMatch(/independent\s+2\s+50\.0%\s+—\s+50\.0%/);
  });
});
