/** Names and numbers in order: the stage that finds rewrites the word alignment cannot follow. */
import { describe, expect, it } from 'vitest';
import { compareKeyOrder, isRewrite, keySequence } from '../../../../src/core/match/key-order.ts';
import { tokenize } from '../../../../src/core/text/text.ts';

// Brown corpus A43 and its Esperanto round trip (test/fixtures/paraphrase/apertium-en-eo.json), cut to two sentences.
const source = 'The State said on February 21 that Standard & Poor had rated the bonds. I\'m told the State will sell them in March.';
const roundTrip = 'The State said in February 21st that Standard & Poor had qualified the bonds. I\'m said the State will sell them in March.';

describe('key order', () => {
  it('keeps names and numbers in text order, reading ordinals as numbers and leaving out "I\'m"', () => {
    expect(keySequence(tokenize(source))).toEqual(['state', 'february', '21', 'standard', 'poor', 'state', 'march']);
    expect(keySequence(tokenize(roundTrip))).toEqual(keySequence(tokenize(source)));
  });

  it('measures the share in the same order, the counts and the density', () => {
    const k = compareKeyOrder(tokenize(roundTrip), tokenize(source));
    expect(k).toMatchObject({ inOrder: 1, pageKeys: 7, referenceKeys: 7 });
    expect(k.densityRatio).toBeCloseTo(1, 1);
  });

  it('calls the same names in the same order a rewrite, and another order or selection not', () => {
    const names = ['Alvarez', 'Bern', 'Chicago', 'Dublin', 'Essex', 'Fresno', 'Geneva', 'Houston', 'Irvine', 'Jakarta'];
    const text = (keys: string[]) => keys.map((n) => `Officials in ${n} met on time.`).join(' ');
    expect(isRewrite(compareKeyOrder(tokenize(text(names)), tokenize(text(names))))).toBe(true);
    const shuffled = [...names].sort((a, b) => (a.length - b.length) || b.localeCompare(a));
    expect(isRewrite(compareKeyOrder(tokenize(text(shuffled)), tokenize(text(names))))).toBe(false);
    expect(isRewrite(compareKeyOrder(tokenize(text(names.slice(0, 4))), tokenize(text(names))))).toBe(false);
  });
});
