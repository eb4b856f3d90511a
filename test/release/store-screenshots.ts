/**
 * `npm run store-screenshots`: the store listing's screenshots, written to docs/store/ at 1280×800 (the
 * Chrome Web Store's size, which addons.mozilla.org accepts too), taken of the built extension (dist/) in
 * headless Chromium on the demo site:
 *
 *   1-banner.png      the warning banner on a spun copy
 *   2-popup.png       the same page with the popup's evidence open over it, where the toolbar button drops it
 *   3-highlights.png  the word swaps marked in the page, from the popup's "show on page" (banner closed)
 *   4-options.png     the options page
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type Harness } from '../browser/harness.ts';
import { ROOT } from '../site/content.ts';

const OUT = join(ROOT, 'docs', 'store');
const SIZE = { width: 1280, height: 800 };
/** A browser popup is at most 800×600; Spinscope's is 400 wide. */
const POPUP = { width: 400, height: 600 };
const SPUN_PAGE = '/spun/seed-002';
/** Sites typed into the options page's trusted list, so it shows a list in use. */
const TRUSTED = ['apnews.com', 'reuters.com'];

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** The page with the popup laid over its top right corner, as the browser shows it below its toolbar button. */
async function withPopup(h: Harness, page: Buffer, popup: Buffer): Promise<Buffer> {
  const canvas = await h.context.newPage();
  try {
    await canvas.setViewportSize(SIZE);
    await canvas.setContent(
      `<body style="margin:0;overflow:hidden">` +
        `<img src="${dataUrl(page)}" style="display:block">` +
        `<img src="${dataUrl(popup)}" style="position:absolute;top:8px;right:24px;border:1px solid #c8c8cc;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.28)">` +
        `</body>`,
    );
    await canvas.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    return await canvas.screenshot();
  } finally {
    await canvas.close();
  }
}

const written: string[] = [];

function save(name: string, png: Buffer): void {
  writeFileSync(join(OUT, name), png);
  written.push(name);
}

/**
 * Recompresses the PNGs losslessly with optipng when it is installed (about 40 % smaller), keeping them
 * 24-bit RGB without alpha, the only PNG kind the Chrome Web Store takes for screenshots.
 */
function shrink(): void {
  const r = spawnSync('optipng', ['-quiet', '-o5', '-nc', '-nb', '-strip', 'all', ...written], { cwd: OUT, stdio: 'inherit' });
  if (r.error) console.warn('optipng is not installed (apt-get install optipng): the screenshots are left as Chromium wrote them.');
  for (const name of written) console.log(`docs/store/${name}  ${(statSync(join(OUT, name)).size / 1024).toFixed(0)} KB`);
}

async function settle(page: Page, ms: number): Promise<void> {
  await page.waitForTimeout(ms); // the banner and the highlights fade in
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const h = await launchChromium();
  try {
    const page = await h.open(h.site.origin + SPUN_PAGE);
    await page.setViewportSize(SIZE);
    // Accept the demo site's cookie notice, as a reader would, so it does not sit under the banner.
    await page.locator('#cookie-notice button').dispatchEvent('click');
    const tab = await h.tabId(page);
    if ((await h.waitBadge(tab, (t) => t === 'SPUN')) !== 'SPUN') throw new Error(`${SPUN_PAGE} did not get the SPUN badge`);
    if (!(await h.waitBanner(page, true))) throw new Error(`${SPUN_PAGE} shows no banner`);
    await settle(page, 400);
    save('1-banner.png', await page.screenshot());

    // The reader has read the banner and closed it, then opens the popup from the toolbar.
    await h.clickBannerButton(page, /^Dismiss/);
    await h.waitBanner(page, false);
    const pageShot = await page.screenshot();
    const popup = await h.openPopup(tab, { viewport: POPUP });
    if (!(await h.readPopup(popup)).verdict) throw new Error('the popup shows no verdict');
    save('2-popup.png', await withPopup(h, pageShot, await popup.screenshot()));

    await popup.getByTestId('show-on-page').first().click();
    await popup.close();
    await page.bringToFront();
    await settle(page, 600);
    save('3-highlights.png', await page.screenshot());
    await page.close();

    const options = await h.openOptions();
    await options.setViewportSize(SIZE);
    for (const site of TRUSTED) {
      await options.getByTestId('trusted-input').fill(site);
      await options.getByTestId('trusted-add').click();
    }
    await options.getByTestId('trusted-item').nth(TRUSTED.length - 1).waitFor();
    await settle(options, 300);
    save('4-options.png', await options.screenshot());
    await options.close();

    if (h.errors.length) throw new Error(`errors while taking the screenshots:\n${h.errors.map((e) => `${e.where}: ${e.text}`).join('\n')}`);
  } finally {
    await h.close();
  }
  shrink();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
