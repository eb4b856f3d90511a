import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_ELEMENTS, MAX_PAGE_CHARS, overLimits } from '../../../src/extract/index.ts';
import { PageSlice, SLICE_CHARS, type SliceResult } from '../../../src/extract/slice.ts';

const ARTICLE = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the council budget story, told in plain words for the reader.</p>`).join('');

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).document as unknown as Document;
}

/** Walks a whole page in steps, as the content script does; returns the result and the number of steps. */
function read(d: Document, step = 2000): { r: SliceResult; steps: number; tooBig: boolean } {
  const slice = new PageSlice(d.body, { maxDepth: MAX_DEPTH, maxVisibleElements: MAX_ELEMENTS, maxVisibleChars: MAX_PAGE_CHARS });
  let steps = 1;
  while (!slice.step(step)) steps++;
  return { r: slice.result(), steps, tooBig: slice.tooBig() };
}

describe('the slice of a page the ordinary extraction gives up on', () => {
  it('skips more than 40,000 hidden elements at their roots and reads the article', () => {
    const hidden = '<span hidden>Advertisement</span>'.repeat(MAX_ELEMENTS + 5000);
    const d = doc(`<article>${ARTICLE}</article><div>${hidden}</div>`);
    expect(overLimits(d)).toBe(true);
    const { r, tooBig } = read(d);
    expect(tooBig).toBe(false);
    expect(r.text).toContain('Paragraph 5 of the council budget story');
    expect(r.text).not.toContain('Advertisement');
    expect(r.visibleElements).toBeLessThan(20);
  });

  it('skips more than a million hidden characters', () => {
    const d = doc(`<div style="display: none">${'hidden filler '.repeat(80_000)}</div><article>${ARTICLE}</article>`);
    expect(overLimits(d)).toBe(true);
    const { r } = read(d);
    expect(r.text).toContain('Paragraph 0 of the council');
    expect(r.text).not.toContain('filler');
    expect(r.visibleChars).toBeLessThan(1000);
  });

  it('flattens an article nested deeper than the depth the copy is cut to, and says it was deep', () => {
    const depth = 250;
    const d = doc(`${'<div>'.repeat(depth)}<article>${ARTICLE}</article>${'</div>'.repeat(depth)}`);
    const { r } = read(d);
    expect(r.deepText).toBe(true);
    expect(r.text.split('\n\n')).toHaveLength(6);
  });

  it('says a page with more visible text than any article is too big, without reading all of it', () => {
    const d = doc(`<article>${'<p>word word word word word word word word word word</p>'.repeat(30_000)}</article>`);
    const { r, tooBig } = read(d);
    expect(tooBig).toBe(true);
    expect(r.cut).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(SLICE_CHARS);
  });

  it('walks a page a bounded step at a time', () => {
    const d = doc(`<div>${'<i hidden></i>'.repeat(5000)}</div>`);
    const { r, steps } = read(d, 1000);
    expect(r.cut).toBe(false);
    expect(steps).toBe(6); // 5,000 hidden roots and the few nodes around them, 1,000 per step
  });

  it('leaves our own banner out', () => {
    const d = doc(`<article>${ARTICLE}</article><spinscope-banner><p>Spinscope says</p></spinscope-banner>`);
    const slice = new PageSlice(d.body, { maxDepth: MAX_DEPTH, maxVisibleElements: MAX_ELEMENTS, maxVisibleChars: MAX_PAGE_CHARS, exclude: d.querySelector('spinscope-banner') });
    while (!slice.step(100));
    expect(slice.result().text).not.toContain('Spinscope says');
  });
});

describe('the words of a slice', () => {
  it('keeps links and buttons run together in the markup apart', () => {
    const d = doc('<div><a href="#">Facebook</a><a href="#">Twitter</a><button>Email</button></div><p>Story</p>');
    const slice = new PageSlice(d.body, { maxDepth: MAX_DEPTH, maxVisibleElements: MAX_ELEMENTS, maxVisibleChars: MAX_PAGE_CHARS });
    while (!slice.step(100));
    expect(slice.result().text).toBe('Facebook Twitter Email\n\nStory');
  });
});
