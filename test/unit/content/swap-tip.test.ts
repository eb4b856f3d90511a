/**
 * What a highlighted word shows on hover and focus: the words on the reference's side of the swap, found by
 * the swap's place in the article; the page's highlight colour is the popup's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { MARK_COLOURS, swapTips } from '../../../src/content/highlight.ts';
import { tipText } from '../../../src/content/swap-tip.ts';
import { locateSpans, readLiveText } from '../../../src/content/text-map.ts';
import type { CheckResult, Substitution } from '../../../src/core/types.ts';
import { installFakeBrowser, plain } from '../support/fake-browser.ts';

const ROOT = join(import.meta.dirname, '../../..');

beforeAll(() => {
  installFakeBrowser();
});

function swap(text: string, page: string, reference: string): Substitution {
  const start = text.indexOf(page);
  return { page, reference, pageSpan: { start, end: start + page.length }, referenceSpan: { start: 0, end: reference.length } };
}

describe('swap tips', () => {
  const text = 'The ministers reached an accord on Tuesday.\n\nThe accord takes effect in May.';
  const subs = [swap(text, 'ministers', 'officials'), swap(text, 'accord', 'agreement')];
  const result = { substitutions: subs, match: { spunSide: 'page' } } as unknown as CheckResult;
  const { document } = parseHTML(`<html><body><p>The ministers reached an accord on Tuesday.</p><aside>Related: an accord</aside><p>The accord takes effect in May.</p></body></html>`);

  it('gives each located swap the words it replaced, looked up by its place in the article', () => {
    const second = text.lastIndexOf('accord');
    const spans = [...subs.map((s) => s.pageSpan), { start: second, end: second + 'accord'.length }];
    const located = locateSpans(text, spans, readLiveText(document.body as unknown as Node, null));
    const ranges = located.map((_, i) => ({ id: i }) as unknown as Range);
    const tips = swapTips(located, ranges, result);
    // The second "accord" is no swap of the check: it is highlighted without a tip.
    expect(tips.map((tip) => [(tip.range as unknown as { id: number }).id, tip.other])).toEqual([
      [0, 'officials'],
      [1, 'agreement'],
    ]);
    expect(swapTips(located, ranges, null)).toEqual([]);
  });

  it('says which side the words are from, and where the keyboard is', () => {
    expect(plain(tipText('agreement', false, 2, 12).main)).toBe('Original: agreement');
    expect(plain(tipText('accord', true, 0, 3).main)).toBe('The spun copy has: accord');
    expect(plain(tipText('accord', true, 0, 3).hint)).toBe('1 of 3 · arrow keys: next, previous · Esc: close');
  });

  it('paints the page in the colour the popup marks swaps with', () => {
    const css = readFileSync(join(ROOT, 'src/shared/ui/ui.css'), 'utf8');
    const value = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1]?.toLowerCase();
    expect(MARK_COLOURS).toEqual({ bg: value('--mark-bg'), fg: value('--mark-fg') });
  });
});
