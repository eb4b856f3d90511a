/**
 * Short pages count: a 47-word feed excerpt that carries its feed-to-post line is checked although it is no
 * article by Readability's measure, gets the AUTO badge, and the popup names the evidence in plain words and
 * quotes it. The same excerpt without the line is left alone.
 */
import { describe, test, expect } from 'vitest';
import { norm } from './harness.ts';
import { chromiumForFile } from './file-harness.ts';

const h = await chromiumForFile();
const { site } = h;

describe('short feed excerpts in Chromium', () => {
  test('an excerpt with an automation mark gets AUTO, and the popup names and quotes the mark', async () => {
    const page = await h.open(site.origin + '/feed/nagpur-grandmother');
    const tab = await h.tabId(page);
    const popup = await h.openPopup(tab);
    try {
      expect(await h.waitBadge(tab, (t) => t === 'AUTO', 10_000)).toBe('AUTO');
      const info = await h.readPopup(popup);
      expect(info.verdict).not.toBeNull();
      const line = info.boilerplate.find((b) => b.includes('ift.tt/dgwE8aF'));
      expect(line, JSON.stringify(info.boilerplate)).toBeDefined();
      expect(norm(line)).toContain(norm('Posted by feed automation: from NDTV News- Special https://ift.tt/dgwE8aF'));
      const family = await popup.getByTestId('boilerplate').first().getAttribute('data-family');
      expect(family).toBe('feed-automation');
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test('the same excerpt without the mark is not checked and gets no badge', async () => {
    const page = await h.open(site.origin + '/feed/nagpur-grandmother-plain');
    const tab = await h.tabId(page);
    const popup = await h.openPopup(tab);
    try {
      const info = await h.readPopup(popup);
      expect(info.verdict, JSON.stringify(info)).toBeNull();
      expect(info.state).not.toBeNull();
      expect(await h.badge(tab)).toBe('');
    } finally {
      await popup.close();
      await page.close();
    }
  });
});
