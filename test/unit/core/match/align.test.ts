/** Alignment: how much of a page a reference explains, in which passages, and which phrases were swapped. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align } from '../../../../src/core/match/align.ts';
import { alignWords, intern } from '../../../../src/core/match/align-words.ts';
import { tokenize } from '../../../../src/core/text/text.ts';

const run = (page: string, reference: string) => align(tokenize(page), page, tokenize(reference), reference);

// Seed 000's spinner turned "Roosevelt Room" into "Love Room" and "provoke return fire" into "incite return fire".
const reference =
  'President Biden spoke with President Putin for two hours from the Roosevelt Room on Tuesday, warning that an ' +
  'invasion of Ukraine would provoke return fire in the form of sanctions that would hurt the Russian economy badly.';
const spun =
  'President Biden spoke with President Putin for two hours from the Love Room on Tuesday, warning that an ' +
  'invasion of Ukraine would incite return fire in the form of sanctions that would hurt the Russian economy badly.';

describe('align', () => {
  it('explains a verbatim copy completely, with no swaps', () => {
    const a = run(reference, reference);
    expect(a).toMatchObject({ coverage: 1, referenceCoverage: 1, substitutionRate: 0, substitutions: [] });
  });

  it('finds the swaps with their text and offsets on both sides', () => {
    const a = run(spun, reference);
    expect(a.coverage).toBe(1);
    expect(a.substitutions.map((s) => [s.reference, s.page])).toEqual([['Roosevelt', 'Love'], ['provoke', 'incite']]);
    for (const s of a.substitutions) {
      expect(spun.slice(s.pageSpan.start, s.pageSpan.end)).toBe(s.page);
      expect(reference.slice(s.referenceSpan.start, s.referenceSpan.end)).toBe(s.reference);
    }
    expect(a.substitutionRate).toBeCloseTo(2 / a.pageWords, 5);
  });

  it('finds paragraphs a copy moved around', () => {
    const first = 'The central bank raised interest rates by half a point on Wednesday to cool prices that rose faster than expected.';
    const second = 'Markets had priced in the move after weeks of signals from the governor and several members of the board.';
    const a = run(`${second}\n${first}`, `${first}\n${second}`);
    expect(a.coverage).toBe(1);
    expect(a.passages).toHaveLength(2);
  });

  it('explains only the copied part of a page that adds its own text', () => {
    const own = 'Our correspondent adds that the weather in the capital was cold and grey, and few people were out in the streets.';
    const a = run(`${reference}\n${own}`, reference);
    expect(a.referenceCoverage).toBe(1);
    expect(a.coverage).toBeGreaterThan(0.5);
    expect(a.coverage).toBeLessThan(0.75);
  });

  it('finds nothing between unrelated texts that share only function words', () => {
    const other = 'The recipe calls for two cups of flour and a pinch of salt, which should be mixed in the bowl with the butter.';
    expect(run(other, reference)).toMatchObject({ coverage: 0, passages: [], substitutions: [] });
  });
});

describe('alignWords', () => {
  it('pairs equal words only, in increasing order on both sides, each word at most once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 60 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 60 }), (x, y) => {
        const pairs = alignWords(intern(x, y));
        expect(pairs.a.length).toBe(pairs.b.length);
        for (let k = 0; k < pairs.a.length; k++) {
          expect(x[pairs.a[k]!]).toBe(y[pairs.b[k]!]);
          if (k) expect(pairs.a[k]! > pairs.a[k - 1]! && pairs.b[k]! > pairs.b[k - 1]!).toBe(true);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('aligns a copy with one word swapped around the swap', () => {
    const pairs = alignWords(intern('the troops left the town on monday'.split(' '), 'the soldiers left the town on monday'.split(' ')));
    expect(pairs).toEqual({ a: [0, 2, 3, 4, 5, 6], b: [0, 2, 3, 4, 5, 6] });
  });
});
