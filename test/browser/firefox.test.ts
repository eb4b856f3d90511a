/**
 * Firefox ESR with the Firefox build (dist-firefox/) installed as a temporary add-on, driven by puppeteer
 * over WebDriver BiDi: a spun seed page gets its badge, its banner and the popup's evidence.
 *
 * Errors of extension pages and content scripts do not reach the driver's console listener: Firefox
 * writes them to its own output. That output is read too, so "no console error" covers them (and the
 * "Script terminated by timeout" a slow pagehide handler causes when a tab closes).
 */
import { describe, test, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DIST_FIREFOX, FIREFOX, SCREENSHOTS, requireBuild, norm, isLocal } from './harness.ts';
import { startSite, type Site } from '../site/server.ts';

const UUID = '5b1e7d0c-6a3f-4c1e-9d2b-7f0a4e8c3d21';

let browser: Browser;
let site: Site;
let base: string;
const errors: string[] = [];
const requests: string[] = [];
/** Logged on purpose from an extension page, to show that its errors are seen. */
const PROBE = 'spinscope-output-probe';
/** Lines of Firefox's own stdout and stderr. */
const browserOutput: string[] = [];

/** An error of the extension in Firefox's output: its pages, its scripts, or a script stopped for running too long. */
function extensionErrorLine(line: string): boolean {
  if (/Script terminated by timeout/i.test(line)) return true;
  return /moz-extension:\/\/|Spinscope/i.test(line) && /error|uncaught|exception/i.test(line);
}

/** The WebExtension API object inside an extension page (functions passed to `evaluate` run there). */
type Ext = {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/** `page.goto()` to a moz-extension:// page never settles: navigate the browsing context directly. */
async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  watch(page);
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<void> } };
  await frame.browsingContext.navigate(`${base}/${path}`, 'none');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ready = await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false);
    if (ready) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`extension page ${path} did not load`);
}

function watch(page: Page) {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: uncaught ${(e as Error).message ?? e}`));
  page.on('request', (r) => {
    requests.push(r.url());
  });
}

beforeAll(async () => {
  if (process.env.SPINSCOPE_SKIP_FIREFOX === '1') return;
  requireBuild(DIST_FIREFOX, FIREFOX, 'firefox-esr');
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('dist-firefox/manifest.json has no browser_specific_settings.gecko.id');
  site = await startSite();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
      // Keep Firefox's own background traffic off so the request log shows the extension's alone.
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      // Console messages of every context, extension pages included, go to Firefox's output, read below.
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
    },
  });
  const proc = browser.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      browserOutput.push(...lines);
    });
  }
  await browser.installExtension(DIST_FIREFOX);
  base = `moz-extension://${UUID}`;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

// SPINSCOPE_SKIP_FIREFOX=1 skips this file on machines without firefox-esr.
describe.skipIf(process.env.SPINSCOPE_SKIP_FIREFOX === '1')('Firefox', () => {
  test('a spun seed page gets its badge, banner and popup evidence', async () => {
    const fixture = site.page('/spun/seed-000');
    const page = await browser.newPage();
    watch(page);
    await page.goto(site.origin + fixture.path, { waitUntil: 'load' });

    const probe = await openExtensionPage('src/options/index.html');
    const url = page.url();
    let tabId = -1;
    let badge = '';
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const r = await probe.evaluate(async (u: string) => {
        const ext = (globalThis as unknown as { browser: Ext }).browser;
        // tabs.query({ url }) does not match 127.0.0.1:<port> URLs in Firefox: list all tabs and filter.
        const tab = (await ext.tabs.query({})).find((t) => t.url === u);
        return tab?.id === undefined ? null : { id: tab.id, badge: await ext.action.getBadgeText({ tabId: tab.id }) };
      }, url);
      if (r) {
        tabId = r.id;
        badge = r.badge;
        if (badge === 'SPUN') break;
      }
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(tabId, 'the fixture tab is found').toBeGreaterThanOrEqual(0);
    expect(badge, 'toolbar badge').toBe('SPUN');

    const host = await page.waitForSelector('spinscope-banner', { timeout: 10_000 });
    // Nothing on the host tells the page what was found: no verdict attribute, only our inline style.
    expect(await host!.evaluate((e) => e.getAttributeNames()), 'attributes of the banner host').toEqual(['style']);
    // The shadow root is closed: the page sees the host and nothing inside it.
    expect(await host!.evaluate((e) => e.shadowRoot), 'shadow root closed to the page').toBeNull();
    const box = await host!.boundingBox();
    expect(box && box.width * box.height, 'banner has a size on screen').toBeGreaterThan(1000);
    await page.bringToFront();
    await new Promise((r) => setTimeout(r, 400)); // the banner fades in
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-banner.png') });

    const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="verdict"]', { timeout: 15_000 });
    const read = (id: string) => popup.$$eval(`[data-testid="${id}"]`, (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
    const verdict = await read('verdict');
    const title = await read('reference-title');
    const subs = await read('substitution');
    await popup.setViewport({ width: 420, height: 640 });
    await popup.screenshot({ path: join(SCREENSHOTS, 'firefox-popup.png'), fullPage: true });
    expect(verdict, 'popup verdict').toEqual(['spun']);
    expect(norm(title[0]), 'popup reference').toContain(norm(fixture.expect.referenceTitle));
    expect(subs.length, 'substitutions listed').toBeGreaterThanOrEqual(3);
    const swapped = (fixture.expect.swappedIn ?? []).map(norm).filter((w) => w.length > 2);
    const named = subs.filter((s) => swapped.some((w) => norm(s).includes(w))).length;
    expect(named, `substitutions naming swapped words: ${subs.slice(0, 8).join(' | ')}`).toBeGreaterThanOrEqual(Math.ceil(subs.length / 2));

    await popup.close();
    await probe.close();
    await page.close();
  });

  test('a highlighted word shows what it replaced on hover and on focus, and the page cannot read it', async () => {
    const page = await browser.newPage();
    watch(page);
    await page.goto(site.origin + '/spun/seed-002', { waitUntil: 'load' });
    await page.waitForSelector('spinscope-banner', { timeout: 15_000 });
    const probe = await openExtensionPage('src/options/index.html');
    const url = page.url();
    const tabId = await probe.evaluate(async (u: string) => {
      const ext = (globalThis as unknown as { browser: Ext }).browser;
      return (await ext.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
    }, url);
    await probe.close();
    const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="show-on-page"]', { timeout: 15_000 });
    const originals = await popup.$$eval('[data-testid="substitution"] td:first-child', (cells) => cells.map((c) => (c.textContent ?? '').trim()));
    await popup.click('[data-testid="show-on-page"]');
    await popup.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((e) => /highlighted/i.test(e.textContent ?? '')), { timeout: 10_000 });
    await popup.close();
    await page.bringToFront();

    // "Show on page" put the keyboard on the first swap: the page sees only that focus is in a host of ours.
    await page.waitForFunction(() => document.activeElement?.tagName === 'DIV', { timeout: 5000 });
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName), 'Escape gives the keyboard back').toBe('BODY');

    // A highlighted word in view (the Highlight API's ranges, or the marks where Firefox refuses our ranges).
    const word = await page.waitForFunction(
      () => {
        const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
        const boxes = [...(reg?.values() ?? [])].flatMap((hl) => [...hl].map((r) => r.getClientRects()[0]));
        boxes.push(...[...document.querySelectorAll('mark')].map((m) => m.getClientRects()[0]));
        const b = boxes.find((r) => r && r.top > 40 && r.bottom < innerHeight - 160);
        return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2, bottom: b.bottom, left: b.left, scrollY } : null;
      },
      { timeout: 5000 },
    );
    const at = (await word.jsonValue())!;
    // A clip is in the document's coordinates.
    const below = { x: Math.max(0, at.left - 10), y: at.scrollY + at.bottom + 2, width: 400, height: 60 };
    await page.mouse.move(2, 2);
    await new Promise((r) => setTimeout(r, 300));
    const before = await page.screenshot({ clip: below });
    await page.mouse.move(at.x, at.y);
    await new Promise((r) => setTimeout(r, 300));
    const after = await page.screenshot({ clip: below });
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-highlight-tip.png') });
    expect(Buffer.compare(Buffer.from(before), Buffer.from(after)), 'the tip appears below the word').not.toBe(0);

    // While it shows, the page's own scripts find none of the originals absent from its source.
    const leaks = await page.evaluate((originals: string[]) => {
      const html = document.documentElement.outerHTML.toLowerCase();
      const secret = originals.filter((o) => o.length > 3 && !html.includes(o.toLowerCase()));
      const host = [...document.documentElement.children].find((e) => e.tagName === 'DIV');
      const found = secret.filter((s) => (window as unknown as { find(s: string): boolean }).find(s));
      const all = `${document.documentElement.outerHTML}\n${document.documentElement.textContent}`.toLowerCase();
      return { secret: secret.length, found, inDocument: secret.filter((s) => all.includes(s.toLowerCase())), shadowRoot: String(host?.shadowRoot), attributes: host?.getAttributeNames() };
    }, originals);
    expect(leaks.secret, 'originals absent from the page').toBeGreaterThan(0);
    expect({ ...leaks, secret: 0 }).toEqual({ secret: 0, found: [], inDocument: [], shadowRoot: 'null', attributes: ['style'] });
    await page.close();
  });

  test('an error logged by an extension page reaches the output this file reads', async () => {
    const options = await openExtensionPage('src/options/index.html');
    await options.evaluate((probe: string) => console.error(probe), PROBE);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !browserOutput.some((l) => l.includes(PROBE))) await new Promise((r) => setTimeout(r, 100));
    await options.close();
    expect(browserOutput.filter((l) => l.includes(PROBE) && extensionErrorLine(l)).length, `Firefox's output (${browserOutput.length} lines)`).toBeGreaterThan(0);
  });

  test('closing checked tabs logs nothing (no pagehide handler of ours runs as a tab closes)', async () => {
    for (const path of ['/spun/seed-000', '/spun/seed-001', '/spun/seed-002']) {
      const page = await browser.newPage();
      watch(page);
      await page.goto(site.origin + path, { waitUntil: 'load' });
      await page.waitForSelector('spinscope-banner', { timeout: 15_000 }).catch(() => undefined);
      await page.close();
    }
    await new Promise((r) => setTimeout(r, 1500)); // what the closing tabs log arrives after they are gone
    expect(browserOutput.filter((l) => /Script terminated by timeout/i.test(l))).toEqual([]);
  });

  test('no request beyond loopback and no console error, in pages, extension pages or Firefox\'s own output', () => {
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    expect(errors.filter((e) => !e.includes(PROBE))).toEqual([]);
    expect(browserOutput.filter((l) => extensionErrorLine(l) && !l.includes(PROBE))).toEqual([]);
  });
});
