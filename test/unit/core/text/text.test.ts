/** Tokenising: the words every later stage counts, with offsets that must point back into the text. */
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
