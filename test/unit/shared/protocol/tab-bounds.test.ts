import { describe, expect, it } from 'vitest';
import type { BoilerplateHit, CheckResult } from '../../../../src/core/types.ts';
import { STORED_LIMITS, storedResult } from '../../../../src/shared/protocol/state.ts';

const hit = (rule: string, kind: BoilerplateHit['kind'], family: BoilerplateHit['family'], text: string): BoilerplateHit => ({
  rule,
  kind,
  family,
  text,
  span: { start: 0, end: text.length },
});

function flooded(): CheckResult {
  const ads = Array.from({ length: 5000 }, () => hit('advertisement', 'scraper-chrome', 'site-chrome', 'Advertisement'));
  const scraper = hit('feed-credit', 'auto-publish', 'feed-automation', 'This story was automatically published from a feed. '.repeat(40));
  return {
    verdict: 'auto-published',
    confidence: 0.8,
    summary: { code: 'summaryAuto' },
    reasons: Array.from({ length: 100 }, (_, i) => ({ code: 'telltaleLine', family: 'feed-automation', text: `reason ${i} `.repeat(100) }) as const),
    match: null,
    boilerplate: [...ads, scraper],
    substitutions: Array.from({ length: 3000 }, (_, i) => ({ reference: `a${i}`, page: `b${i}`, referenceSpan: { start: i, end: i + 1 }, pageSpan: { start: i, end: i + 1 } })),
    story: null,
    knownSpunCopy: null,
    sourceFree: null,
    pageWords: 10_000,
    libraryReferences: 5,
    relation: null,
  };
}

describe('what one tab may store', () => {
  it('caps hits, substitutions and reasons, and cuts long hit text', () => {
    const r = storedResult(flooded());
    expect(r.boilerplate).toHaveLength(STORED_LIMITS.hits);
    expect(r.substitutions).toHaveLength(STORED_LIMITS.substitutions);
    expect(r.reasons).toHaveLength(STORED_LIMITS.reasons);
    expect(Math.max(...r.boilerplate.map((h) => h.text.length))).toBeLessThanOrEqual(STORED_LIMITS.text);
    expect(r.reasons[0]).toMatchObject({ code: 'telltaleLine', family: 'feed-automation' });
    expect(Math.max(...r.reasons.map((x) => JSON.stringify(x).length))).toBeLessThanOrEqual(STORED_LIMITS.text + 100);
    // A whole flooded result stays small enough for thousands of tabs in the 10 MB session area.
    expect(JSON.stringify(r).length).toBeLessThan(60_000);
  });

  it('keeps the hits that warn ahead of plain site chrome', () => {
    const r = storedResult(flooded());
    expect(r.boilerplate[0]!.rule).toBe('feed-credit');
  });

  it('leaves a small result as it is', () => {
    const small = { ...flooded(), boilerplate: [], substitutions: [], reasons: [{ code: 'nothingMatches' as const }] };
    expect(storedResult(small)).toEqual(small);
  });
});
