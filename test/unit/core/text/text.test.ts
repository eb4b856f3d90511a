/** Tokenising: the words every later stage counts, with offsets that must point back into the text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphs, tokenize } from '../../../../src/core/text/text.ts';

describe('tokenize', () => {
  it('lower-cases words and keeps their offsets in the caller\'s text', () => {
    const text = 'Mr. Putin’s aide said 175,000 troops (2.5 %) left on 24/7 duty.';
    const t = tokenize(text);
    expect(t.words).toEqual(['mr', "putin's", 'aide', 'said', '175,000', 'troops', '2.5', 'left', 'on', '24', '7', 'duty']);
    t.words.forEach((_, i) => expect(text.slice(t.starts[i], t.ends[i]).toLowerCase().replace('’', "'")).toBe(t.words[i]));
  });

  it('marks capitals and sentence starts, not after a title\'s full stop', () => {
    const t = tokenize('The talks ended. Mr. Biden left.\nnext line');
    expect(Array.from(t.capitalised)).toEqual([1, 0, 0, 1, 1, 0, 0, 0]);
    expect(Array.from(t.sentenceStart)).toEqual([1, 0, 0, 1, 0, 0, 1, 0]);
  });

  it('writes one form for one word: composed accents, no soft hyphens or joiners', () => {
    const decomposed = 'cafe\u0301 infor\u00ADmation';
    expect(tokenize(decomposed).words).toEqual(['café', 'information']);
  });

  it('lower-cases and marks capitals alike whether a word is ASCII, upper-case or neither', () => {
    // The Kelvin sign lower-cases to an ASCII "k"; Turkish "İ" to "i" with a combining dot.
    const t = tokenize('already lower NATO café Straße ÉCOLE \u212Aelvin İzmir');
    expect(t.words).toEqual(['already', 'lower', 'nato', 'café', 'straße', 'école', 'kelvin', 'i\u0307zmir']);
    expect(Array.from(t.capitalised)).toEqual([0, 0, 1, 0, 1, 1, 1, 1]);
  });

  it('skips words inside excluded spans', () => {
    const text = 'Keep this. Source link here. Keep that.';
    const start = text.indexOf('Source');
    const t = tokenize(text, [{ start, end: start + 'Source link here.'.length }]);
    expect(t.words).toEqual(['keep', 'this', 'keep', 'that']);
  });

  it('handles empty text and text with no words', () => {
    expect(tokenize('').words).toEqual([]);
    expect(tokenize(' … — !!! ').words).toEqual([]);
  });
});

describe('paragraphs', () => {
  it('splits on line breaks, trims, drops empty lines and keeps spans', () => {
    const text = '  First line.  \n\n Second.\n';
    const out = paragraphs(text);
    expect(out.map((p) => p.text)).toEqual(['First line.', 'Second.']);
    for (const p of out) expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
  });
});

describe('tokenize reads the word pattern character by character', () => {
  // The pattern the tokeniser reads forward: every word it finds must be exactly this pattern's match.
  const WORD = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD\u200C\u200D]*(?:['’\-][\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD\u200C\u200D]*)*/gu;
  const spans = (text: string) => [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
  const found = (text: string) => {
    const t = tokenize(text);
    return Array.from(t.starts, (s, i) => [s, t.ends[i]]);
  };

  it('finds the same words as the pattern on the real pages and the seeds', async () => {
    const { loadRealWeb } = await import('../../../fixtures/real-web/corpus.ts');
    const { loadSeedLibrary } = await import('../../../../src/node/library.ts');
    const texts = [...loadRealWeb().map((p) => p.text), ...(await loadSeedLibrary()).map((r) => r.body)];
    for (const text of texts) expect(found(text)).toEqual(spans(text));
  });

  it('finds the same words as the pattern in any mix of numbers, letters, marks, joiners and separators', () => {
    // Digits and letters of several scripts and planes, marks, joiners, soft hyphens, the separators the pattern
    // names, lone surrogates and capitals whose lower case is longer.
    const pieces = ['a', 'Z', '7', '٣', '𝟘', '𝐀', 'é', '\u0301', '\u0915', '\u093f', '\u00ad', '\u200c', '\u200d', "'", '’', '-', '.', ',', ' ', '\n', '/', '\ud800', '\udc00', 'İ', 'K', 'ß', 'Σ', '(', '!'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(found(text)).toEqual(spans(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
