/**
 * What a highlighted word replaced, in Chromium with the built extension: after "Show on page", resting the
 * pointer on a highlighted word shows the original beside it, the keyboard lands on the first swap and moves
 * from swap to swap, light and dark. The replaced words are reference text: the page's own scripts, which can
 * see which of its words are highlighted, cannot read what they replaced while the tip shows it.
 */
import { describe, test, expect } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from './harness.ts';
import { chromiumForFile } from './file-harness.ts';

const h = await chromiumForFile();
const { site } = h;

/** The extension API inside the service worker. */
declare const chrome: { tabs: { sendMessage(tabId: number, msg: unknown): Promise<unknown> } };
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** The swaps the popup lists, original and page side, all rows. */
async function popupSwaps(popup: Page): Promise<Array<{ original: string; page: string }>> {
  const all = popup.getByTestId('show-all-substitutions');
  if (await all.count()) await all.click();
  return popup.$$eval('[data-testid="substitution"]', (rows) =>
    rows.map((r) => ({
      original: (r.querySelector('td:first-child')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      page: (r.querySelector('td:last-child')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}

/** Each highlighted range as the page sees it (the registry is the page's): its words and the middle of its first box. */
function highlightedWords(page: Page): Promise<Array<{ text: string; x: number; y: number }>> {
  return page.evaluate(() => {
    const reg = (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;
    const out: Array<{ text: string; x: number; y: number }> = [];
    for (const [, hl] of reg) {
      for (const r of hl) {
        const b = r.getClientRects()[0];
        if (b) out.push({ text: r.toString().replace(/\s+/g, ' ').trim(), x: b.left + b.width / 2, y: b.top + b.height / 2 });
      }
    }
    return out;
  });
}

/** Opens a spun seed page, asks the popup to highlight, and returns the page, its swaps and its visible text. */
async function highlighted(path: string, colorScheme: 'light' | 'dark') {
  const page = await h.open(site.origin + path, { colorScheme });
  const tab = await h.tabId(page);
  expect(await h.waitBadge(tab, (t) => t === 'SPUN', 20_000)).toBe('SPUN');
  const popup = await h.openPopup(tab, { colorScheme });
  const swaps = await popupSwaps(popup);
  await popup.getByTestId('show-on-page').first().click();
  await expect.poll(async () => (await h.highlights(page)).ranges.length, { timeout: 5000 }).toBeGreaterThan(2);
  await popup.close();
  await page.bringToFront();
  // The page scrolls to the first swap, smoothly: wait until the words stand still.
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await highlightedWords(page));
    if (now === last) break;
    last = now;
    await page.waitForTimeout(150);
  }
  return { page, swaps };
}

describe('what a highlighted word replaced', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${scheme}: hovering a highlighted word shows the original beside it`, async () => {
      const { page, swaps } = await highlighted('/spun/seed-002', scheme);
      try {
        // "Show on page" put the keyboard in the tip; a mouse reader leaves it (here by Escape) and points.
        await page.keyboard.press('Escape');
        // A word in view, whose swap the popup lists once (a phrase swapped twice differently is ambiguous).
        const words = await highlightedWords(page);
        const viewport = page.viewportSize()!;
        const target = words.find((w) => w.y > 40 && w.y < viewport.height - 120 && swaps.filter((s) => s.page === w.text).length === 1);
        expect(target, `a highlighted word in view among ${JSON.stringify(words.slice(0, 5))}, swaps ${JSON.stringify(swaps.slice(0, 5))} (${swaps.length})`).toBeTruthy();
        const original = swaps.find((s) => s.page === target!.text)!.original;
        await page.mouse.move(target!.x, target!.y);
        await expect.poll(async () => plain((await h.swapTip(page))?.main ?? ''), { timeout: 3000 }).toBe(`Original: ${original}`);
        const tip = (await h.swapTip(page))!;
        expect(tip.shown, 'the tip shows').toBe(true);
        // Beside the word: just below it (or above when there is no room), overlapping it horizontally.
        expect(Math.abs(tip.box!.y - target!.y), 'tip next to the word').toBeLessThan(80);
        expect(tip.box!.x, 'tip starts left of the word’s middle').toBeLessThanOrEqual(target!.x);
        await page.screenshot({ path: join(SCREENSHOTS, `highlight-tip-${scheme}.png`), clip: { x: 0, y: Math.max(0, target!.y - 120), width: viewport.width, height: 240 } });

        // Away from every highlighted word the tip goes.
        await page.mouse.move(4, viewport.height - 4);
        await expect.poll(async () => (await h.swapTip(page))?.shown, { timeout: 3000 }).toBe(false);
      } finally {
        await page.close();
      }
    });
  }

  test('the keyboard reaches every swap: focus lands on the first, arrow keys move, Escape leaves', async () => {
    const { page, swaps } = await highlighted('/spun/seed-002', 'light');
    try {
      const originals = new Set(swaps.map((s) => `Original: ${s.original}`));
      // "Show on page" put the keyboard on the first swap; the page sees only that focus is in our host.
      expect(await page.evaluate(() => document.activeElement?.tagName), 'focused element, as the page sees it').toBe('DIV');
      await expect.poll(async () => (await h.swapTip(page))?.shown, { timeout: 3000 }).toBe(true);
      const first = (await h.swapTip(page))!;
      expect(originals.has(plain(first.main)), `first tip "${first.main}" is one of the popup's originals`).toBe(true);
      expect(plain(first.hint)).toMatch(/^1 of \d+ · arrow keys: next, previous · Esc: close$/);
      expect(plain(first.label), 'its accessible name says it all').toBe(`${plain(first.main)}. ${plain(first.hint)}`);

      await page.keyboard.press('ArrowRight');
      const second = (await h.swapTip(page))!;
      expect(plain(second.hint)).toMatch(/^2 of \d+/);
      expect(originals.has(plain(second.main)), `second tip "${second.main}"`).toBe(true);
      await page.keyboard.press('ArrowLeft');
      expect(plain((await h.swapTip(page))!.hint)).toMatch(/^1 of \d+/);
      await page.keyboard.press('ArrowLeft');
      const total = Number(/of (\d+)/.exec(plain(first.hint))![1]);
      expect(plain((await h.swapTip(page))!.hint), 'from the first, back to the last').toMatch(new RegExp(`^${total} of ${total}`));

      await page.keyboard.press('Escape');
      expect((await h.swapTip(page))!.shown, 'Escape hides the tip').toBe(false);
      expect(await page.evaluate(() => document.activeElement?.tagName), 'and gives the keyboard back').toBe('BODY');
    } finally {
      await page.close();
    }
  });

  test('hostile page: its scripts see which words are highlighted, never what they replaced', async () => {
    const { page, swaps } = await highlighted('/spun/seed-002', 'light');
    try {
      // The page watches everything added to its document from before the tip appears.
      await page.evaluate(() => {
        const w = window as unknown as { __added: string[] };
        w.__added = [];
        new MutationObserver((list) => {
          for (const m of list) for (const n of m.addedNodes) w.__added.push(`${n.nodeName}:${n.textContent ?? ''}`);
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const text = await page.evaluate(() => document.documentElement.outerHTML);
      // Originals that are nowhere in the page's own source: finding one would be finding the tip.
      const secret = swaps.map((s) => s.original).filter((o) => o.length > 3 && !text.toLowerCase().includes(o.toLowerCase()));
      expect(secret.length, 'originals absent from the page').toBeGreaterThan(0);
      const words = await highlightedWords(page);
      const viewport = page.viewportSize()!;
      const swap = swaps.find((s) => secret.includes(s.original) && words.some((w) => w.text === s.page && w.y > 40 && w.y < viewport.height - 120));
      expect(swap, 'a highlighted word in view whose original is not in the page').toBeTruthy();
      const word = words.find((w) => w.text === swap!.page && w.y > 40 && w.y < viewport.height - 120)!;
      await page.mouse.move(word.x, word.y);
      await expect.poll(async () => plain((await h.swapTip(page))?.main ?? ''), { timeout: 3000 }).toBe(`Original: ${swap!.original}`);
      const tip = (await h.swapTip(page))!;

      const probe = await page.evaluate(
        ({ secret, at }) => {
          const w = window as unknown as { __added: string[] };
          const lower = secret.map((s) => s.toLowerCase());
          const leaks = (s: string | null | undefined) => lower.filter((x) => (s ?? '').toLowerCase().includes(x));
          const host = [...document.documentElement.children].find((e) => e.tagName === 'DIV') as HTMLElement | undefined;
          const found = secret.filter((s) => {
            getSelection()?.removeAllRanges();
            return (window as unknown as { find(s: string): boolean }).find(s);
          });
          const sel = getSelection()!;
          sel.selectAllChildren(document.documentElement);
          const selected = sel.toString();
          sel.removeAllRanges();
          const box = host?.getBoundingClientRect();
          const hit = document.elementsFromPoint(at.x, at.y).filter((e) => e === host).length;
          const styles = [...document.styleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n');
          const pseudo = host ? `${getComputedStyle(host, '::before').content} ${getComputedStyle(host, '::after').content}` : '';
          return {
            host: !!host,
            found,
            selection: leaks(selected),
            text: leaks(document.documentElement.textContent),
            innerText: leaks(document.documentElement.innerText),
            html: leaks(document.documentElement.outerHTML),
            styles: leaks(styles),
            pseudo: leaks(pseudo),
            mutations: leaks(w.__added.join('\n')),
            title: leaks(document.title),
            attributes: host ? host.getAttributeNames() : [],
            shadowRoot: host ? String(host.shadowRoot) : '',
            size: box ? [box.width, box.height] : [],
            hit,
          };
        },
        { secret, at: { x: tip.box!.x + tip.box!.width / 2, y: tip.box!.y + tip.box!.height / 2 } },
      );
      expect(probe).toEqual({
        host: true,
        found: [],
        selection: [],
        text: [],
        innerText: [],
        html: [],
        styles: [],
        pseudo: [],
        mutations: [],
        title: [],
        attributes: ['style'],
        shadowRoot: 'null',
        size: [0, 0],
        hit: 0,
      });
      // What the page may see: that these of its own words are highlighted.
      expect((await h.highlights(page)).ranges, 'the highlighted words are visible to the page').toContain(swap!.page);
      // The tip still shows the word to the reader after all that probing.
      expect(plain((await h.swapTip(page))?.main ?? '')).toBe(`Original: ${swap!.original}`);
      // Cleared, the highlights leave no host of ours behind.
      const w = await h.worker();
      await w.evaluate(async (id: number) => chrome.tabs.sendMessage(id, { type: 'clear-highlights' }), await h.tabId(page));
      expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => e.tagName === 'DIV').length), 'tip hosts after clearing').toBe(0);
      expect(await h.swapTip(page)).toBeNull();
    } finally {
      await page.close();
    }
  });

  test('no console error in pages of ours, popup or service worker', () => {
    expect(h.errors.filter((e) => !e.where.startsWith(site.origin))).toEqual([]);
  });
});
