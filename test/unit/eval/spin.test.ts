import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchCase, mulberry32, spin } from '../../support/spin.ts';

const seedText = readFileSync(new URL('../../../seeds/000_75176f18231e56a2.txt', import.meta.url), 'utf8');
const shortText = readFileSync(new URL('../../../seeds/004_9f547655a2d7d0e0.txt', import.meta.url), 'utf8');

const NAMES = ['Biden', 'Putin', 'Moscow', 'Russia', 'Nato', 'NATO', 'Ukraine', 'Washington', 'Europe', 'Kremlin'];
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'and', 'of', 'to', 'in', 'that', 'would', 'was', 'is', 'he', 'not', 'with']);

const numbers = (text: string) => text.match(/\d[\d,.]*/g) ?? [];
const count = (text: string, word: string) => (text.match(new RegExp(`\\b${word}\\b`, 'g')) ?? []).length;

/** Undo the swaps on the spun text; must give back the input exactly. */
function unspin(spun: string, swaps: ReturnType<typeof spin>['swaps']): string {
  let out = spun;
  for (const s of [...swaps].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, s.offset) + s.from + out.slice(s.offset + s.to.length);
  }
  return out;
}

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});

describe('spin', () => {
  it('is deterministic for a seed and varies with the seed', () => {
    const a = spin(seedText, 0.3, 11);
    const b = spin(seedText, 0.3, 11);
    const c = spin(seedText, 0.3, 12);
    expect(a).toEqual(b);
    expect(c.text).not.toBe(a.text);
  });

  it.each([0.1, 0.2, 0.3, 0.4, 0.5])('achieves a rate within 0.05 of %s', (rate) => {
    for (const seed of [1, 2, 3]) {
      const r = spin(seedText, rate, seed);
      expect(Math.abs(r.achievedRate - rate)).toBeLessThanOrEqual(0.05);
      expect(r.achievedRate).toBeCloseTo(r.swaps.length / r.contentWords, 10);
      expect(r.swaps.length).toBeLessThanOrEqual(r.eligibleWords);
    }
  });

  it('changes nothing at rate 0 and swaps every eligible word at rate 1', () => {
    const zero = spin(seedText, 0, 5);
    expect(zero.text).toBe(seedText);
    expect(zero.swaps).toEqual([]);
    expect(zero.achievedRate).toBe(0);
    const all = spin(seedText, 1, 5);
    expect(all.swaps.length).toBe(all.eligibleWords);
    expect(all.eligibleWords).toBeGreaterThan(0.6 * all.contentWords);
  });

  it('leaves names, numbers and function words untouched', () => {
    for (const text of [seedText, shortText]) {
      const r = spin(text, 1, 9);
      expect(numbers(r.text)).toEqual(numbers(text));
      for (const name of NAMES) expect(count(r.text, name)).toBe(count(text, name));
      for (const s of r.swaps) {
        expect(s.from).toMatch(/^[A-Za-z]+$/);
        expect(FUNCTION_WORDS.has(s.from.toLowerCase())).toBe(false);
        expect(NAMES).not.toContain(s.from);
        expect(s.to.toLowerCase()).not.toBe(s.from.toLowerCase());
      }
    }
  });

  it('keeps capitalisation and the surrounding punctuation', () => {
    const r = spin('Speaking on Tuesday, the president warned of severe consequences. "Talks matter," he said.', 1, 3);
    for (const s of r.swaps) {
      const capital = s.from[0] !== s.from[0]!.toLowerCase();
      expect(s.to[0] !== s.to[0]!.toLowerCase()).toBe(capital);
    }
    expect(r.text.match(/[^\p{L}\s]/gu)).toEqual(
      'Speaking on Tuesday, the president warned of severe consequences. "Talks matter," he said.'.match(/[^\p{L}\s]/gu),
    );
    expect(r.text).toContain('Tuesday');
    expect(matchCase('accord', 'Agreement')).toBe('Accord');
    expect(matchCase('accord', 'NATO')).toBe('ACCORD');
    expect(matchCase('accord', 'agreement')).toBe('accord');
  });

  it('records every swap at its offsets in both texts', () => {
    const r = spin(seedText, 0.4, 21);
    expect(r.swaps.length).toBeGreaterThan(50);
    let last = -1;
    for (const s of r.swaps) {
      expect(r.text.slice(s.offset, s.offset + s.to.length)).toBe(s.to);
      expect(seedText.slice(s.sourceOffset, s.sourceOffset + s.from.length)).toBe(s.from);
      expect(s.offset).toBeGreaterThan(last);
      last = s.offset;
    }
    expect(unspin(r.text, r.swaps)).toBe(seedText);
  });

  it('keeps its offsets right for any rate and seed (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (rate, seed) => {
        const r = spin(shortText, rate, seed);
        for (const s of r.swaps) {
          if (r.text.slice(s.offset, s.offset + s.to.length) !== s.to) return false;
        }
        return unspin(r.text, r.swaps) === shortText && r.achievedRate <= 1;
      }),
      { numRuns: 60 },
    );
  });

  it('copes with empty and word-free input', () => {
    expect(spin('', 0.5, 1)).toMatchObject({ text: '', swaps: [], achievedRate: 0, contentWords: 0 });
    expect(spin('2021 — 175,000 | Biden & Putin', 0.5, 1).text).toBe('2021 — 175,000 | Biden & Putin');
    expect(() => spin('text', Number.NaN, 1)).toThrow(RangeError);
  });
});
