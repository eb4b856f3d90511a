/**
 * Screenshots of what a reader sees, in light and dark colour schemes: the banner on a page, the popup with
 * its evidence, the highlights, the options page. Written to test-results/screenshots/, and compared with the
 * reviewed baselines (visual.ts). Every popup state is also held to the browser's popup size: all of it
 * within 600 px, the verdict, its meaning and the next step within the first 300.
 */
import { describe, test, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { addReferenceFromPopup, DIST, launchChromium, norm, SCREENSHOTS, type Harness } from './harness.ts';
import { baselineEnvironment, compareWithBaseline, isCompared, screenshotEnvironment, type VisualDiff } from './visual.ts';

let h: Harness;

let environment = '';

beforeAll(async () => {
  h = await launchChromium();
  // A persistent context has no Browser object to ask: the version comes from the page's user agent.
  const probe = await h.context.newPage();
  environment = screenshotEnvironment(/Chrome\/([\d.]+)/.exec(await probe.evaluate(() => navigator.userAgent))?.[1] ?? 'unknown');
  await probe.close();
  writeFileSync(join(SCREENSHOTS, 'environment.txt'), `${environment}\n`);
});

afterAll(async () => {
  await h?.close();
});

const shot = (name: string) => join(SCREENSHOTS, `${name}.png`);

/** A sentence of the built extension's English catalogue, up to its first placeholder. */
function said(key: string): string {
  const messages = JSON.parse(readFileSync(join(DIST, '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  return norm(messages[key]!.message.split('$')[0]);
}

/** What the popup says: its meaning line, or its state when it has no verdict. */
const popupWords = async (popup: Page) =>
  norm(await popup.locator('.meaning, [data-testid="state"]').first().textContent());
const visual: VisualDiff[] = [];

function assertWritten(path: string) {
  expect(statSync(path).size, path).toBeGreaterThan(5000);
  const name = path.replace(/^.*[\\/]/, '').replace(/\.png$/, '');
  if (isCompared(name)) visual.push(compareWithBaseline(name));
}

/** The banner on its page, then a close-up of it alone, to judge its contrast against the page behind it. */
async function shootBanner(page: Page, name: string) {
  await page.waitForTimeout(400); // the banner fades in
  await page.screenshot({ path: shot(`banner-${name}`) });
  assertWritten(shot(`banner-${name}`));
  const box = await page.locator('spinscope-banner').boundingBox();
  if (box && box.width > 0) {
    const pad = 12;
    const clip = { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad };
    await page.screenshot({ path: shot(`banner-${name}-closeup`), clip });
    assertWritten(shot(`banner-${name}-closeup`));
  }
}

/** The popup of a tab at the browser's popup size, shot and held to that size; left open for more. */
async function shootPopup(tab: number, name: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const popup = await h.openPopup(tab, { colorScheme, viewport: { width: 420, height: 600 } });
  await popup.waitForTimeout(200);
  await popup.screenshot({ path: shot(`popup-${name}`), fullPage: true });
  assertWritten(shot(`popup-${name}`));
  await assertFitsPopup(popup, `popup-${name}`);
  return popup;
}

/**
 * "How we know", opened: the engine's reason codes said by the browser's own i18n, every placeholder
 * filled, in the reader's words. Shot for review, not compared.
 */
async function assertReasonsSaid(popup: Page, scheme: string) {
  await popup.locator('details.how summary').click();
  const said = await popup.evaluate(() => ({
    summary: document.querySelector('[data-testid="summary"]')?.textContent ?? '',
    reasons: [...document.querySelectorAll('[data-testid="reason"]')].map((li) => li.textContent ?? ''),
  }));
  await popup.screenshot({ path: shot(`popup-how-we-know-${scheme}`), fullPage: true });
  expect(said.summary).toMatch(/auto-published copy of|published automatically/);
  expect(said.reasons.length).toBeGreaterThan(0);
  // What matched and how much of it, the reference named: no figure but the share.
  expect(said.reasons[0]).toMatch(/^\S*100%\S* of the article’s text matches “/);
  for (const line of [said.summary, ...said.reasons]) expect(line).not.toMatch(/\$|reason_|summary[A-Z]|boilerplate|rarity|fluency/);
}

/**
 * The highlighted page once it stands still (it scrolls smoothly to the first swap), and a close-up of the
 * tip on the first highlighted word: what it replaced, beside it.
 */
async function shootSwapTip(page: Page, scheme: string) {
  let box = '';
  for (let i = 0; i < 40; i++) {
    const tip = await h.swapTip(page);
    const now = JSON.stringify(tip?.shown ? tip.box : null);
    if (tip?.shown && now === box) break;
    box = now;
    await page.waitForTimeout(150);
  }
  const tip = await h.swapTip(page);
  expect(tip?.shown, 'the tip of the first highlighted word shows').toBe(true);
  expect(norm(tip!.main)).toMatch(/^original: \S/);
  await page.screenshot({ path: shot(`highlights-${scheme}`) });
  const b = tip!.box!;
  // The tip with the word above it and the lines around: the page's text is the demo site's, fixed.
  const clip = { x: Math.max(0, b.x - 160), y: Math.max(0, b.y - 70), width: Math.max(b.width, 200) + 320, height: b.height + 110 };
  await page.screenshot({ path: shot(`highlight-tip-${scheme}-closeup`), clip });
  assertWritten(shot(`highlight-tip-${scheme}-closeup`));
}

/** The popup at the size browsers give it: everything within 600 px, the first glance within 300. */
async function assertFitsPopup(popup: Page, state: string) {
  const size = await popup.evaluate(() => {
    const bottom = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().bottom ?? null;
    return { height: document.documentElement.scrollHeight, verdict: bottom('verdict'), nextStep: bottom('next-step') };
  });
  expect(size.height, `${state}: popup height`).toBeLessThanOrEqual(600);
  if (size.verdict !== null) expect(size.nextStep, `${state}: verdict, meaning and next step in the first 300 px`).toBeLessThanOrEqual(300);
}

describe.each(['light', 'dark'] as const)('screenshots (%s)', (scheme) => {
  /** Opens a page, adds it to the references from its popup and closes both. */
  async function addAsReference(url: string): Promise<void> {
    const source = await h.open(url, { colorScheme: scheme });
    const adding = await h.openPopup(await h.tabId(source), { colorScheme: scheme });
    await addReferenceFromPopup(adding);
    await adding.close();
    await source.close();
  }

  /** Opens a page, shoots its popup and checks the popup's first words; `more` checks the open popup further. */
  async function popupSays(url: string, name: string, key: string, more?: (popup: Page) => Promise<void>): Promise<void> {
    const page = await h.open(url, { colorScheme: scheme });
    try {
      const popup = await shootPopup(await h.tabId(page), `${name}-${scheme}`, scheme);
      expect(await popupWords(popup)).toBe(said(key));
      await more?.(popup);
      await popup.close();
    } finally {
      await page.close();
    }
  }

  test.each([
    ['spun', '/spun/seed-002', 'SPUN'],
    ['auto', '/scraped/seed-004', 'AUTO'],
  ])('banner and popup: %s', async (name, path, badge) => {
    const page = await h.open(h.site.origin + path, { colorScheme: scheme });
    try {
      const tab = await h.tabId(page);
      await h.waitBadge(tab, (t) => t === badge);
      const banner = await h.waitBanner(page, true);
      expect(banner, `banner on ${path}`).not.toBeNull();
      await shootBanner(page, `${name}-${scheme}`);
      // The page's cookie bar, fixed to the bottom, stays clickable: the banner sits above it.
      const overlap = await page.evaluate(() => {
        const bar = document.getElementById('cookie-notice')?.getBoundingClientRect();
        const ours = document.querySelector('spinscope-banner')?.getBoundingClientRect();
        return bar && ours && bar.height > 0 ? ours.bottom - bar.top : null;
      });
      if (overlap !== null) expect(overlap, `banner over the page's bottom bar on ${path}`).toBeLessThanOrEqual(0);
      const popup = await shootPopup(tab, `${name}-${scheme}`, scheme);

      if (name === 'spun') {
        // The trust confirmation, then cancelled: trusting is done here, never from the page.
        await popup.getByTestId('trust-toggle').click();
        await popup.getByTestId('trust-confirmation').waitFor();
        await popup.screenshot({ path: shot(`popup-trust-confirm-${scheme}`), fullPage: true });
        assertWritten(shot(`popup-trust-confirm-${scheme}`));
        await assertFitsPopup(popup, `popup-trust-confirm-${scheme}`);
        await popup.getByTestId('trust-cancel').click();
        // The coverage strip, scrolled to inside the evidence, with its figures: swaps in the page's mark colour.
        const strip = popup.locator('figure.strip');
        await strip.scrollIntoViewIfNeeded();
        const box = (await strip.boundingBox())!;
        await popup.screenshot({ path: shot(`popup-strip-${scheme}`), clip: { x: 0, y: box.y - 80, width: 420, height: box.height + 88 } });
        assertWritten(shot(`popup-strip-${scheme}`));
        // "Show on page": the words highlighted, the keyboard on the first, its tip saying what it replaced.
        await popup.getByTestId('show-on-page').first().click();
        await page.bringToFront();
        await shootSwapTip(page, scheme);
      }
      if (name === 'auto') await assertReasonsSaid(popup, scheme);
      await popup.close();
    } finally {
      await page.close();
    }
  });

  test('banner and popup: copy', async () => {
    // A verbatim copy needs an original in the library: one of the site's own articles, added from its popup
    // (the last one: the first one's spun copy is added below), then read on another host.
    const original = h.site.pages.filter((p) => p.group === 'original').at(-1)!;
    await addAsReference(h.site.origin + original.path);
    const page = await h.open(h.site.altOrigin + original.path, { colorScheme: scheme });
    try {
      const tab = await h.tabId(page);
      expect(await h.waitBadge(tab, (t) => t === 'COPY'), 'badge of a verbatim copy').toBe('COPY');
      await h.waitBanner(page, true);
      await shootBanner(page, `copy-${scheme}`);
      await (await shootPopup(tab, `copy-${scheme}`, scheme)).close();
    } finally {
      await page.close();
    }
    // The original itself, now a reference: it says so, and accuses no one.
    await popupSays(h.site.origin + original.path, 'own-reference', 'meaningOwnReference', async (popup) => {
      // Neither offered again as a reference nor linked to itself.
      expect(await popup.getByTestId('already-reference').count()).toBe(1);
      expect(await popup.getByTestId('add-reference').count()).toBe(0);
      expect(await popup.getByTestId('open-reference').count()).toBe(0);
    });
  });

  test('popup: the original of a known spun copy', async () => {
    // The first original's spun copy, added from its popup as a reference, then the original read.
    const copy = h.site.pages.find((p) => p.group === 'reworded')!;
    await addAsReference(h.site.altOrigin + copy.path);
    await popupSays(h.site.origin + copy.path.replace('/reworded/', '/original/'), 'original-of-spun', 'meaningRelatedOriginal');
  });

  test('popup: an undecided rewrite', async () => {
    // A real original from the web added as a reference, then its real rewrite read on another host: the two
    // match, but no evidence says which is the reworded one, so no one is accused.
    await addAsReference(h.site.origin + '/real-pair/original');
    await popupSays(h.site.altOrigin + '/real-pair/copy', 'undecided-rewrite', 'meaningUndecidedRewrite');
  });

  test('popup: a shared passage', async () => {
    // Independent coverage that quotes one paragraph of a bundled reference: related, no one accused.
    await popupSays(h.site.origin + '/special/shared-quote', 'shared-passage', 'meaningRelatedShared');
  });

  test('banner and popup: spun, no original known', async () => {
    // A spun copy of an article in no library: the warning rests on the text's own marks, said as such.
    const page = await h.open(h.site.altOrigin + '/special/spun-no-source', { colorScheme: scheme });
    const tab = await h.tabId(page);
    try {
      expect(await h.waitBadge(tab, (t) => t === 'SPUN'), 'badge of a spun copy with no source').toBe('SPUN');
      const popup = await shootPopup(tab, `spun-no-source-${scheme}`, scheme);
      expect(await popupWords(popup)).toBe(said('meaningSpunNoSource'));
      await popup.close();
    } finally {
      await page.close();
    }
  });

  test('popup: a trusted site', async () => {
    // A spun copy on a site trusted from its popup, after the confirmation: information, not a warning.
    // The trust is taken back at the end, so that nothing after this test runs on a trusted site.
    const page = await h.open(h.site.altOrigin + '/spun/seed-002', { colorScheme: scheme });
    const tab = await h.tabId(page);
    try {
      expect(await h.waitBadge(tab, (t) => t === 'SPUN'), 'badge before trusting').toBe('SPUN');
      const trusting = await h.openPopup(tab, { colorScheme: scheme });
      await trusting.getByTestId('trust-toggle').click();
      await trusting.getByTestId('trust-confirm').click();
      await trusting.getByTestId('trust-undo').waitFor();
      await trusting.close();
      await page.reload({ waitUntil: 'load' });
      expect(await h.waitBadge(tab, (t) => t === ''), 'no badge on a trusted site').toBe('');
      const popup = await shootPopup(tab, `trusted-site-${scheme}`, scheme);
      expect(await popupWords(popup)).toBe(said('meaningTrustedSite'));
      await popup.getByTestId('trust-toggle').click();
      await expect.poll(() => popup.getByTestId('trust-toggle').isChecked()).toBe(false);
      await popup.close();
    } finally {
      await page.close();
    }
  });

  // Pages with no verdict: not an article, a browser page, a page still being read.
  test('popup with no verdict: not an article', async () => {
    await popupSays(h.site.origin + '/home', 'not-article', 'stateNotArticle');
  });

  test('popup with no verdict: not checked', async () => {
    // A browser's own page: no content script runs there.
    await popupSays('about:blank', 'not-checked', 'stateNotChecked');
  });

  test('popup with no verdict: checking', async () => {
    // An article read on a processor slowed a hundredfold: for a few seconds after it loads, it is being checked.
    // The popup is opened by hand: the harness's opener waits for the check to end.
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    try {
      await page.emulateMedia({ colorScheme: scheme });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 100 });
      await page.goto(h.site.origin + h.site.pages.find((p) => p.group === 'unrelated' && p.expect.article)!.path, { waitUntil: 'load', timeout: 60_000 });
      const popup = await h.context.newPage();
      await popup.setViewportSize({ width: 420, height: 600 });
      // The spinner stands still for the picture.
      await popup.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await popup.goto(`chrome-extension://${h.extensionId}/src/popup/index.html?tab=${await h.tabId(page)}`);
      await expect.poll(() => popupWords(popup), { timeout: 20_000, interval: 100 }).toBe(said('stateChecking'));
      await popup.screenshot({ path: shot(`popup-checking-${scheme}`), fullPage: true });
      assertWritten(shot(`popup-checking-${scheme}`));
      await assertFitsPopup(popup, `popup-checking-${scheme}`);
      await popup.close();
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => undefined);
      await page.close();
    }
  });

  test('popup: only part of the page judged', async () => {
    // Article text in a shadow root, past what the ordinary extraction reads: the slice is judged, and said so.
    // (Not named popup-partial-*: the adversary tests write popup-partial-light.png, a popup of another size.)
    const page = await h.open(h.site.origin + h.site.adversary.find((p) => p.kind === 'shadow-article')!.path, { colorScheme: scheme });
    try {
      const tab = await h.tabId(page);
      expect(await h.waitBadge(tab, (t) => t !== '', 25_000), 'badge of a partly judged page').toBe('SPUN');
      const popup = await shootPopup(tab, `part-judged-${scheme}`, scheme);
      expect(await popup.getByTestId('partial').count(), 'the popup says only part was judged').toBe(1);
      await popup.close();
    } finally {
      await page.close();
    }
  });

  // Pages with no warning: nothing recognised, the same story told independently, credited syndication.
  // The not-recognised page is an article on another subject: the site's own originals become references here.
  test.each([
    ['clean', 'unrelated'],
    ['story', 'independent'],
    ['credited', 'credited'],
  ] as const)('popup with no warning: %s', async (name, group) => {
    const page = await h.open(h.site.origin + h.site.pages.find((p) => p.group === group && p.expect.article)!.path, { colorScheme: scheme });
    try {
      await (await shootPopup(await h.tabId(page), `${name}-${scheme}`, scheme)).close();
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

test('every compared screenshot matches its reviewed baseline', (context) => {
  expect(visual.length).toBeGreaterThanOrEqual(42);
  // What `npm run screenshots:accept` may take as baselines: exactly what was compared here.
  writeFileSync(join(SCREENSHOTS, 'compared.txt'), visual.map((v) => v.name).join('\n') + '\n');
  const reviewedIn = baselineEnvironment();
  if (reviewedIn !== null && reviewedIn !== environment) {
    console.warn(`Screenshot baselines were taken with ${reviewedIn}; this run has ${environment}: pixels are not comparable, so the comparison is skipped.`);
    context.skip();
  }
  expect(visual.filter((v) => v.problem).map((v) => `${v.name}: ${v.problem}`)).toEqual([]);
});

test('no console error while taking the screenshots', () => {
  expect(h.errors).toEqual([]);
  expect(h.offHostRequests()).toEqual([]);
});
