/**
 * The page as the adversary, in Chromium with the built extension: each attack a hostile site made on the
 * extension itself, replayed (the pages are in test/site/adversary.ts).
 * - Clickjacking: the page restyles the banner's host, or lays a `popover` with pointer-events: none over
 *   it, and the reader clicks all over the page: the site is not trusted (trusting is only in the popup).
 * - Reading the banner: window.find, a Selection over the document, the host's attributes, text and shadow
 *   root give the page nothing, though a reference matched it.
 * - Filling the per-tab state: pages with thousands of "Advertisement" lines in several tabs, then a spun
 *   copy in another tab still gets its badge.
 * - Escaping by structure: 45,000 hidden elements, 1.1 M hidden characters, the article 250 levels deep or
 *   in a shadow root: each page is still warned about, and the popup says only part was judged.
 * - Traces: a page that is not checked carries no style of ours; a page's own marks survive our highlights.
 */
import { describe, test, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREENSHOTS } from './harness.ts';
import { chromiumForFile } from './file-harness.ts';
import type { AdversaryKind } from '../site/adversary.ts';

const h = await chromiumForFile();
const { site } = h;

/** The extension API inside the service worker. */
declare const chrome: {
  storage: {
    local: { get(k: string): Promise<Record<string, { trustedSites?: string[] } | undefined>> };
    session: { get(k: null): Promise<Record<string, unknown>>; getBytesInUse(k: null): Promise<number> };
  };
  tabs: { sendMessage(tabId: number, msg: unknown): Promise<unknown> };
};

const path = (kind: AdversaryKind) => site.adversary.find((p) => p.kind === kind)!.path;

async function trustedSites(): Promise<string[]> {
  const w = await h.worker();
  return w.evaluate(async () => (await chrome.storage.local.get('settings')).settings?.trustedSites ?? []);
}

/** Clicks a grid over the whole viewport, where a reader fooled by a decoy would click. */
async function clickEverywhere(page: Page): Promise<void> {
  await page.bringToFront();
  const { width, height } = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const fx of [0.1, 0.5, 0.8, 0.95]) {
    for (const fy of [0.1, 0.5, 0.8, 0.95]) await page.mouse.click(width * fx, height * fy);
  }
}

describe('the page as the adversary', () => {
  for (const kind of ['clickjack-scale', 'clickjack-popover'] as const) {
    test(`${kind}: clicks on a page that hides or covers the banner never trust the site`, async () => {
      const page = await h.open(site.origin + path(kind));
      try {
        const tab = await h.tabId(page);
        expect(await h.waitBadge(tab, (t) => t !== '', 20_000), 'badge of the attacking page').toBe('SPUN');
        expect(await h.waitBanner(page, true), 'banner').not.toBeNull();
        await expect.poll(() => page.evaluate(() => (window as { __restyled?: boolean; __covered?: boolean }).__restyled ?? (window as { __covered?: boolean }).__covered ?? false)).toBe(true);
        // Every control the banner offers (a click the decoy lured), and everywhere else on the page.
        const offered = (await h.banner(page))?.buttons.map((b) => b.text) ?? [];
        // All but the close button, which would take the banner away before the rest are tried.
        for (const text of offered.filter((t) => !/dismiss|^×$/i.test(t))) {
          await h.clickBannerButton(page, new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)).catch(() => undefined);
        }
        await clickEverywhere(page);
        await page.waitForTimeout(1500); // a trust, had there been one, is written by then
        await h.closeExtraWindows();
        expect(await trustedSites(), 'trusted sites after the clicks').toEqual([]);
        expect(offered.filter((t) => /trust/i.test(t)), 'trust controls in the banner').toEqual([]);
        await page.bringToFront();
        await page.reload({ waitUntil: 'load' });
        expect(await h.waitBadge(tab, (t) => t !== '', 20_000), 'badge after reload').toBe('SPUN');
      } finally {
        await page.close();
      }
    });
  }

  test('probe: the page reads nothing of the banner, though a reference matched it', async () => {
    const page = await h.open(site.origin + path('probe'));
    try {
      const tab = await h.tabId(page);
      expect(await h.waitBadge(tab, (t) => t !== '', 20_000)).toBe('SPUN');
      const banner = await h.waitBanner(page, true);
      expect(banner, 'our banner is there').not.toBeNull();
      await expect.poll(() => page.evaluate(() => (window as { __probe?: { done: boolean } }).__probe?.done ?? false), { timeout: 10_000 }).toBe(true);
      const probe = await page.evaluate(() => (window as { __probe?: Record<string, unknown> }).__probe);
      expect(probe).toEqual({
        found: '',
        selectionHasBannerWords: false,
        hostRangeText: '',
        hostText: '',
        hostInnerText: '',
        shadowRoot: 'null',
        attributes: 'style',
        done: true,
      });
      // The reference is named in the popup, which the page cannot reach, and nowhere else.
      const popup = await h.openPopup(tab);
      const info = await h.readPopup(popup);
      await popup.close();
      expect(info.referenceTitle, 'the popup names the reference').toBeTruthy();
      expect(banner?.text ?? '', 'the banner does not').not.toContain(info.referenceTitle!);
    } finally {
      await page.close();
    }
  });

  test('a bar the page fixes to the bottom after the banner shows is not covered: the banner rises above it', async () => {
    const page = await h.open(site.origin + '/spun/seed-003');
    try {
      expect(await h.waitBadge(await h.tabId(page), (t) => t === 'SPUN', 20_000)).toBe('SPUN');
      expect(await h.waitBanner(page, true), 'banner').not.toBeNull();
      // A consent bar arriving late, as they often do, after the page's own one is gone.
      await page.evaluate(() => {
        document.getElementById('cookie-notice')?.remove();
        const bar = document.createElement('div');
        bar.id = 'late-bar';
        bar.style.cssText = 'position:fixed;left:0;right:0;bottom:0;height:90px;background:#222;z-index:10';
        bar.innerHTML = '<button style="position:absolute;right:40px;top:30px">Accept</button>';
        document.body.appendChild(bar);
      });
      const overlap = () =>
        page.evaluate(() => {
          const bar = document.getElementById('late-bar')!.getBoundingClientRect();
          return document.querySelector('spinscope-banner')!.getBoundingClientRect().bottom - bar.top;
        });
      await expect.poll(overlap, { timeout: 5000, message: 'banner bottom below the bar’s top (px)' }).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  });

  test('ad-flood: several tabs full of boilerplate hits leave room for the others, and each tab state is small', async () => {
    const flooded: Page[] = [];
    try {
      for (let i = 1; i <= 5; i++) {
        const page = await h.open(`${site.origin}${path('ad-flood')}/${i}`);
        flooded.push(page);
        const tab = await h.tabId(page);
        await h.waitBadge(tab, (t) => t !== '', 20_000);
      }
      const w = await h.worker();
      const sizes = await w.evaluate(async () => {
        const all = await chrome.storage.session.get(null);
        return Object.entries(all)
          .filter(([k]) => k.startsWith('tab:'))
          .map(([, v]) => JSON.stringify(v).length);
      });
      expect(sizes.length, 'stored tab states').toBeGreaterThanOrEqual(5);
      expect(Math.max(...sizes), `bytes of the largest tab state (${sizes.join(', ')})`).toBeLessThan(80_000);
      const spun = await h.open(site.origin + '/spun/seed-004');
      try {
        expect(await h.waitBadge(await h.tabId(spun), (t) => t !== '', 20_000), 'badge of a spun copy in another tab').toBe('SPUN');
      } finally {
        await spun.close();
      }
    } finally {
      for (const p of flooded) await p.close();
    }
  });

  for (const kind of ['hidden-elements', 'hidden-chars', 'deep-article', 'shadow-article'] as const) {
    test(`${kind}: the page does not escape the check, and the popup says only part was judged`, async () => {
      const page = await h.open(site.origin + path(kind));
      try {
        const tab = await h.tabId(page);
        expect(await h.waitBadge(tab, (t) => t !== '', 25_000), `badge of ${kind}`).toBe('SPUN');
        const popup = await h.openPopup(tab);
        const info = await h.readPopup(popup);
        const partial = await popup.getByTestId('partial').count();
        if (kind === 'shadow-article') await popup.screenshot({ path: join(SCREENSHOTS, 'popup-partial-light.png'), fullPage: true });
        await popup.close();
        expect(info.verdict, `verdict of ${kind}`).toBe('spun');
        expect(partial, 'the popup says only part was judged').toBe(1);
      } finally {
        await page.close();
      }
    });
  }

  test('no trace on a page that is not checked, and a page\'s own marks survive our highlights', async () => {
    const home = await h.open(site.origin + '/home');
    try {
      const tab = await h.tabId(home);
      const popup = await h.openPopup(tab);
      expect((await h.readPopup(popup)).verdict, 'the home page is not checked').toBeNull();
      await popup.close();
      const styles = await home.evaluate(() => ({
        sheets: Array.from(document.styleSheets).filter((s) => Array.from(s.cssRules).some((r) => /spinscope|ffd54f/i.test(r.cssText))).length,
        adopted: document.adoptedStyleSheets.length,
        ours: document.querySelectorAll('spinscope-banner').length,
      }));
      expect(styles).toEqual({ sheets: 0, adopted: 0, ours: 0 });
    } finally {
      await home.close();
    }

    const page = await h.open(site.origin + '/spun/seed-002');
    try {
      const tab = await h.tabId(page);
      expect(await h.waitBadge(tab, (t) => t === 'SPUN', 20_000)).toBe('SPUN');
      await page.evaluate(() => document.body.insertAdjacentHTML('afterbegin', '<mark data-spinscope-mark id="own-mark">the page\'s own mark</mark>'));
      const before = await page.evaluate(() => document.querySelectorAll('style').length);
      const popup = await h.openPopup(tab);
      await popup.getByTestId('show-on-page').first().click();
      await expect.poll(async () => {
        const hl = await h.highlights(page);
        return hl.ranges.length + hl.marks.length;
      }).toBeGreaterThan(0);
      await popup.close();
      expect(await page.evaluate(() => document.querySelectorAll('style').length), 'our style sheet while highlighting').toBe(before + 1);
      const w = await h.worker();
      await w.evaluate(async (id: number) => chrome.tabs.sendMessage(id, { type: 'clear-highlights' }), tab);
      expect(await page.evaluate(() => document.querySelectorAll('style').length), 'style sheets after clearing').toBe(before);
      expect(await page.evaluate(() => document.getElementById('own-mark')?.textContent ?? null), "the page's own mark").toBe("the page's own mark");
    } finally {
      await page.close();
    }
  });

  test('no console error in pages of ours, popup, options or service worker', () => {
    expect(h.errors.filter((e) => !e.where.startsWith(site.origin))).toEqual([]);
  });
});
