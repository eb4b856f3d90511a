import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/node/source-free.ts';
import { buildReference, createEngine, type CheckResult } from '../../../src/core/index.ts';
import { loadSeedLibrary } from '../../../src/node/library.ts';

const library = await loadSeedLibrary();
const engine = createNodeEngine(library);
const RUNS = 2000;
/** Thousands of runs take seconds, more on a busy machine: a generous harness limit, not a speed check. */
const SLOW = 120_000;

/** Every offset lies inside its text and every phrase stands at its offsets. */
function assertConsistent(result: CheckResult, pageText: string) {
  for (const s of result.substitutions) {
    expect(s.pageSpan.start).toBeGreaterThanOrEqual(0);
    expect(s.pageSpan.end).toBeLessThanOrEqual(pageText.length);
    expect(pageText.slice(s.pageSpan.start, s.pageSpan.end)).toBe(s.page);
    const reference = library.find((r) => r.id === result.match?.referenceId)!;
    expect(reference.body.slice(s.referenceSpan.start, s.referenceSpan.end)).toBe(s.reference);
  }
  for (const p of result.match?.passages ?? []) {
    expect(0 <= p.page.start && p.page.start <= p.page.end && p.page.end <= pageText.length).toBe(true);
  }
  for (const b of result.boilerplate) expect(pageText.slice(b.span.start, b.span.end)).toBe(b.text);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  expect(['spun', 'auto-published', 'copy', 'related', 'clean']).toContain(result.verdict);
}

/** Strings of every kind: any code unit (lone surrogates, controls), emoji, combining marks, RTL, CJK. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom('a', 'é', '\u0301', ' ', '\n', '\u200f', 'ש', 'ع', '中', '文', '🙂', '\u0000', '\ud800', '.', '|'), maxLength: 600 }),
  // Seed text with random cuts and insertions: close to real pages, where the interesting paths are.
  fc.tuple(fc.constantFrom(...library.map((r) => r.body)), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 50 }))
    .map(([body, a, b, junk]) => {
      const from = a % body.length;
      const to = from + (b % (body.length - from + 1));
      return body.slice(0, from) + junk + body.slice(to);
    }),
);

describe('engine under arbitrary input', () => {
  it('never throws, is deterministic, and reports offsets that hold', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('low', 'normal', 'high' as const), (text, sensitivity) => {
        const first = engine.check({ text }, { sensitivity });
        const second = engine.check({ text }, { sensitivity });
        expect(second).toEqual(first);
        assertConsistent(first, text);
      }),
      { numRuns: RUNS },
    );
  }, SLOW);

  it('checks a text against itself as a copy with coverage 1', () => {
    const word = fc.oneof(
      fc.constantFrom('the', 'of', 'and', 'to', 'in', 'said', 'minister', 'council', 'harbour', 'vote', 'budget', 'road'),
      fc.stringMatching(/^[A-Z][a-z]{2,9}$/),
      fc.stringMatching(/^[a-z]{3,10}$/),
      fc.integer({ min: 1, max: 99999 }).map(String),
    );
    const sentence = fc.array(word, { minLength: 6, maxLength: 25 }).map((w) => `${w.join(' ')}.`);
    const paragraph = fc.array(sentence, { minLength: 2, maxLength: 5 }).map((s) => s.join(' '));
    const articleText = fc.array(paragraph, { minLength: 4, maxLength: 10 }).map((p) => p.join('\n\n'));
    fc.assert(
      fc.property(articleText, (text) => {
        const reference = buildReference({ id: 'self', text });
        fc.pre(reference.role === 'original' && reference.body.split(/\s+/).length >= 40);
        const result = createEngine([reference]).check({ text: reference.body });
        expect(result.verdict).toBe('copy');
        expect(result.match?.coverage).toBe(1);
        expect(result.substitutions).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, SLOW);

  it('survives a megabyte of one word', () => {
    for (const word of ['the ', 'Putin ', '中文', 'x']) {
      const text = word.repeat(Math.ceil(1_000_000 / word.length));
      const result = engine.check({ text });
      assertConsistent(result, text);
      expect(result.verdict).not.toBe('spun');
    }
  }, SLOW);
});
