import { describe, expect, it } from 'vitest';
import { stripBars } from '../../../src/popup/strip.ts';

const passage = (start: number, end: number) => ({ page: { start, end }, reference: { start, end }, words: 1, swappedWords: 0 });
const sub = (start: number, end: number) => ({
  reference: 'a',
  page: 'b',
  referenceSpan: { start, end },
  pageSpan: { start, end },
});

describe('stripBars', () => {
  it('places passages and swaps as fractions of the article', () => {
    const s = stripBars(1000, [passage(0, 500), passage(600, 1000)], [sub(100, 110)]);
    expect(s.aligned).toEqual([
      { x: 0, w: 0.5 },
      { x: 0.6, w: 0.4 },
    ]);
    expect(s.swapped).toEqual([{ x: 0.1, w: 0.01 }]);
  });

  it('keeps tiny swaps visible and clamps spans outside the text', () => {
    const s = stripBars(100_000, [passage(-5, 200_000)], [sub(10, 11), sub(5, 5)]);
    expect(s.aligned).toEqual([{ x: 0, w: 1 }]);
    expect(s.swapped).toEqual([{ x: 0.0001, w: 0.002 }]);
  });

  it('draws nothing for an empty text', () => {
    expect(stripBars(0, [passage(0, 1)], [sub(0, 1)])).toEqual({ aligned: [], swapped: [] });
  });
});
