/**
 * Screenshots of what a reader sees, in light and dark colour schemes: the banner on a page, the popup with
 * its evidence, the highlights, the options page. Written to test-results/screenshots/.
 */
import { describe, test, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { launchChromium, SCREENSHOTS, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await launchChromium();
});

afterAll(async () => {
  await h?.close();
});

const shot = (name: string) => join(SCREENSHOTS, `${name}.png`);

function assertWritten(path: string) {
  expect(statSync(path).size, path).toBeGreaterThan(5000);
}

describe.each(['light', 'dark'] as const)('screenshots (%s)', (scheme) => {
  test.each([
    ['spun', '/spun/seed-002', 'SPUN'],
    ['auto', '/scraped/seed-004', 'AUTO'],
    ['copy', '/scraped/seed-003', 'COPY'],
  ])('banner and popup: %s', async (name, path, badge) => {
    const page = await h.open(h.site.origin + path, { colorScheme: scheme });
    try {
      const tab = await h.tabId(page);
      await h.waitBadge(tab, (t) => t === badge);
      const banner = await h.waitBanner(page, true);
      await page.waitForTimeout(400); // the banner fades in
      await page.screenshot({ path: shot(`banner-${name}-${scheme}`) });
      assertWritten(shot(`banner-${name}-${scheme}`));
      expect(banner, `banner on ${path}`).not.toBeNull();
      // A close-up of the banner alone, to judge its contrast against the page behind it.
      const box = await page.locator('spinscope-banner').boundingBox();
      if (box && box.width > 0) {
        const pad = 12;
        const clip = { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad };
        await page.screenshot({ path: shot(`banner-${name}-${scheme}-closeup`), clip });
      }

      const popup = await h.openPopup(tab, { colorScheme: scheme });
      await popup.waitForTimeout(200);
      await popup.screenshot({ path: shot(`popup-${name}-${scheme}`), fullPage: true });
      assertWritten(shot(`popup-${name}-${scheme}`));

      if (name === 'spun') {
        // The trust confirmation, then cancelled: trusting is done here, never from the page.
        await popup.getByTestId('trust-toggle').click();
        await popup.getByTestId('trust-confirmation').waitFor();
        await popup.screenshot({ path: shot(`popup-trust-confirm-${scheme}`), fullPage: true });
        assertWritten(shot(`popup-trust-confirm-${scheme}`));
        await popup.getByTestId('trust-cancel').click();
        const show = popup.getByTestId('show-on-page');
        if (await show.count()) {
          await show.first().click();
          await page.bringToFront();
          await page.waitForTimeout(600);
          await page.screenshot({ path: shot(`highlights-${scheme}`) });
        }
      }
      await popup.close();
    } finally {
      await page.close();
    }
  });

  test('popup on a clean page', async () => {
    const page = await h.open(h.site.origin + h.site.pages.find((p) => p.group === 'original')!.path, { colorScheme: scheme });
    try {
      const popup = await h.openPopup(await h.tabId(page), { colorScheme: scheme });
      await popup.waitForTimeout(200);
      await popup.screenshot({ path: shot(`popup-clean-${scheme}`), fullPage: true });
      assertWritten(shot(`popup-clean-${scheme}`));
      await popup.close();
    } finally {
      await page.close();
    }
  });

  test('options page', async () => {
    const options = await h.openOptions({ colorScheme: scheme });
    await options.waitForTimeout(300);
    await options.screenshot({ path: shot(`options-${scheme}`), fullPage: true });
    assertWritten(shot(`options-${scheme}`));
    // Adding a shared platform to the trusted sites asks first; cancelled, it is not added.
    await options.getByTestId('trusted-input').fill('medium.com');
    await options.getByTestId('trusted-add').click();
    const warning = options.getByTestId('trusted-warning');
    await warning.waitFor();
    await warning.scrollIntoViewIfNeeded();
    await options.screenshot({ path: shot(`options-platform-warning-${scheme}`) });
    assertWritten(shot(`options-platform-warning-${scheme}`));
    await warning.getByRole('button', { name: 'Cancel' }).click();
    expect(await options.getByTestId('trusted-item').count(), 'nothing trusted after cancelling').toBe(0);
    await options.getByTestId('learn-caps').scrollIntoViewIfNeeded();
    await options.screenshot({ path: shot(`options-learning-caps-${scheme}`) });
    await options.close();
  });
});

test('no console error while taking the screenshots', () => {
  expect(h.errors).toEqual([]);
  expect(h.offHostRequests()).toEqual([]);
});
