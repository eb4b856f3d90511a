/**
 * Hostile and huge pages in Chromium with the built extension: a 10 MB article, a page holding a subtree
 * 5,000 elements deep, 100,000 paragraphs, HTML and script fragments as article text, a page that breaks its
 * builtins, a postMessage flood, an article inside an iframe. For each page:
 * - the page keeps working: its own timer and button, its title, no error it did not cause itself;
 * - the extension adds no long task to the page's main thread: long tasks (PerformanceObserver, buffered,
 *   installed before any page script) after DOMContentLoaded are compared with the same page in a second
 *   browser without the extension, and the browser's timeline names the tasks that ran the extension's own
 *   code, none of which may last over 50 ms;
 * - the extension settles on a state in bounded time, with the right verdict where the page is an article;
 * - page text is only ever shown as text, in the banner, the popup and the options page.
 */
import { describe, test, expect, beforeAll, afterAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { addReferenceFromPopup, launchChromium, CHROMIUM, type Harness } from './harness.ts';
import { startSite } from '../site/server.ts';
import { MARKUP, type HostilePage } from '../site/hostile.ts';

const site = await startSite();
let h: Harness;
let bare: Browser;
let bareContext: BrowserContext;
const dialogs: string[] = [];

/** The extension API inside the service worker. */
declare const chrome: {
  tabs: { sendMessage(tabId: number, msg: unknown): Promise<unknown> };
};

/**
 * Installed before any page script: records every long task (buffered, so tasks before the observer
 * started count too) into a property the page cannot replace. Plain ES5 with no array method, JSON or
 * promise, so a page that breaks those breaks nothing here.
 */
const LONG_TASK_RECORDER = `(function(){
  var tasks = [];
  try { Object.defineProperty(window, '__longTasks', { value: tasks, writable: false, configurable: false }); } catch (e) { return; }
  try {
    new PerformanceObserver(function(list){
      var entries = list.getEntries();
      for (var i = 0; i < entries.length; i++) tasks[tasks.length] = { s: entries[i].startTime, d: entries[i].duration };
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
})();`;

/** Read through CDP (native serialisation): works on pages that broke JSON, arrays and promises. */
const READ_PAGE = `(function(){
  var nav = performance.getEntriesByType('navigation')[0];
  var src = window.__longTasks || [];
  var tasks = [];
  for (var i = 0; i < src.length; i++) tasks[tasks.length] = { s: src[i].s, d: src[i].d };
  return {
    dcl: nav ? nav.domContentLoadedEventEnd : 0,
    load: nav ? nav.loadEventEnd : 0,
    now: performance.now(),
    tasks: tasks,
    ticks: window.__pageTicks || 0,
    clicks: window.__pageClicks || 0,
    title: document.title
  };
})()`;

interface PageRead {
  dcl: number;
  load: number;
  now: number;
  tasks: Array<{ s: number; d: number }>;
  ticks: number;
  clicks: number;
  title: string;
}

async function readPage(page: Page, expression = READ_PAGE): Promise<PageRead> {
  const s = await page.context().newCDPSession(page);
  try {
    const r = (await s.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: PageRead }; exceptionDetails?: unknown };
    if (r.exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(r.exceptionDetails).slice(0, 300)}`);
    return r.result.value;
  } finally {
    await s.detach().catch(() => undefined);
  }
}

async function cdpValue<T>(page: Page, expression: string): Promise<T> {
  return (await readPage(page, expression)) as unknown as T;
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { data?: { url?: string } } };

/**
 * Records the browser's own timeline (tasks, script calls) while a page loads and is checked, to tell which
 * long tasks ran the extension's code. Both runs, with and without the extension, are traced alike.
 */
async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const s = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  s.on('Tracing.dataCollected', (e) => {
    for (const x of e.value) events.push(x as unknown as TraceEvent);
  });
  await s.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'], excludedCategories: ['*'] },
  });
  return async () => {
    const done = new Promise((resolve) => s.once('Tracing.tracingComplete', resolve));
    await s.send('Tracing.end');
    await done;
    await s.detach().catch(() => undefined);
    return events;
  };
}

/** Durations (ms) of the tasks that ran the extension's code (a call into or an evaluation of one of its scripts). */
function extensionTasks(events: TraceEvent[], extensionId: string): number[] {
  const prefix = `chrome-extension://${extensionId}/`;
  const tasks = events.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ph === 'X' && e.dur !== undefined);
  const ours = new Set<TraceEvent>();
  for (const c of events) {
    if ((c.name !== 'FunctionCall' && c.name !== 'EvaluateScript' && c.name !== 'v8.compile') || !c.args?.data?.url?.startsWith(prefix)) continue;
    // The outermost task around the call on the same thread.
    let outer: TraceEvent | null = null;
    for (const t of tasks) {
      if (t.pid === c.pid && t.tid === c.tid && t.ts <= c.ts && c.ts < t.ts + t.dur! && (!outer || t.dur! > outer.dur!)) outer = t;
    }
    if (outer) ours.add(outer);
  }
  return [...ours].map((t) => Math.round(t.dur! / 1000)).sort((a, b) => b - a);
}

/** Opens a page with its own error recorder attached, and the timeline recorded, from before navigation. */
async function load(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[]; stopTrace: () => Promise<TraceEvent[]> }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const stopTrace = await startTrace(page);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return { page, errors, stopTrace };
}

/** Waits in page time until `ms` after the load event, then reads the page. */
async function readAt(page: Page, ms: number): Promise<PageRead> {
  for (;;) {
    const r = await readPage(page);
    const left = r.load + ms - r.now;
    if (left <= 0) return r;
    await page.waitForTimeout(Math.min(left + 20, 2000));
  }
}

/** Long tasks that started after DOMContentLoaded (our content script runs at document_idle, never before) and within the window. */
function tasksInWindow(r: PageRead, windowMs: number) {
  const from = r.dcl;
  const to = r.load + windowMs;
  const tasks = r.tasks.filter((t) => t.s >= from && t.s <= to);
  return { count: tasks.length, max: tasks.reduce((m, t) => Math.max(m, Math.round(t.d)), 0), all: r.tasks.length, allMax: r.tasks.reduce((m, t) => Math.max(m, Math.round(t.d)), 0) };
}

type Status = { url: string; status: string } | null;

/** What the tab's content script made of the page (asked from the worker, as the popup does). */
async function contentStatus(tab: number): Promise<Status> {
  try {
    const w = await h.worker();
    const reply = (await w.evaluate((t: number) => chrome.tabs.sendMessage(t, { type: 'get-status' }).catch(() => null), tab)) as
      | { ok: true; value: { url: string; status: string } }
      | { ok: false }
      | null;
    return reply && reply.ok ? reply.value : null;
  } catch {
    return null;
  }
}

/** Until the content script has settled (checked, not an article, failed, skipped) or the time is up. */
async function waitSettled(tab: number, ms: number): Promise<Status> {
  const deadline = Date.now() + ms;
  let last: Status = null;
  while (Date.now() < deadline) {
    last = await contentStatus(tab);
    if (last && !['idle', 'checking'].includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  return last;
}

/** Clicks the page's own counter with the real mouse and returns the page's click count. */
async function clickCounter(page: Page): Promise<number> {
  await page.bringToFront();
  const box = await cdpValue<{ x: number; y: number } | null>(
    page,
    `(function(){ var b = document.getElementById('page-counter'); if (!b) return null; var r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
  );
  if (!box) return -1;
  await page.mouse.click(box.x, box.y);
  for (let i = 0; i < 20; i++) {
    const n = await cdpValue<number>(page, 'window.__pageClicks || 0');
    if (n > 0) return n;
    await page.waitForTimeout(100);
  }
  return 0;
}

/** Elements in one of our pages (popup, options) that could only have come from page text parsed as HTML. */
const INJECTED = `document.querySelectorAll('img[src="x"], svg[onload], iframe, script:not([src]), [onerror], [onload]').length`;
/** The same on a fixture page, whose own inline scripts are not counted. */
const INJECTED_IN_PAGE = `document.querySelectorAll('img[src="x"], svg, iframe[src^="javascript:"], [onerror], [onload]').length`;

interface Row {
  page: string;
  withCount: number;
  withMax: number;
  withoutCount: number;
  withoutMax: number;
  withAll: string;
  withoutAll: string;
  settledMs: number;
  outcome: string;
  attempts: number;
  /** The longest task that ran the extension's code on the page (from the timeline), in ms. */
  ownLongest: number;
  /** Each measurement: the long tasks (start+duration, ms) after DOMContentLoaded, with and without. */
  detail?: string[];
}
const rows: Row[] = [];

beforeAll(async () => {
  h = await launchChromium({ site });
  await h.context.addInitScript(LONG_TASK_RECORDER);
  h.context.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  // The same pages without the extension: the baseline the long tasks are compared with.
  bare = await chromium.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  bareContext = await bare.newContext({ viewport: { width: 1280, height: 900 } });
  await bareContext.addInitScript(LONG_TASK_RECORDER);
  bareContext.on('dialog', (d) => {
    dialogs.push(`without extension: ${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
});

afterAll(async () => {
  if (rows.length) {
    const lines = rows.map(
      (r) =>
        `${r.page.padEnd(28)} with: ${String(r.withCount).padStart(2)} long task(s), longest ${String(r.withMax).padStart(4)} ms | ` +
        `without: ${String(r.withoutCount).padStart(2)}, longest ${String(r.withoutMax).padStart(4)} ms | ` +
        `whole load with/without: ${r.withAll} / ${r.withoutAll} | our longest task ${r.ownLongest} ms | settled in ${r.settledMs} ms: ${r.outcome}\n${' '.repeat(30)}${(r.detail ?? []).join(`\n${' '.repeat(30)}`)}`,
    );
    console.log(`Long tasks on the page's main thread after DOMContentLoaded (count, longest), with and without the extension:\n${lines.join('\n')}`);
  }
  await bare?.close().catch(() => undefined);
  await h?.close();
  await site.close();
});

const SETTLE_MS = 20_000;

async function hostileCheck(p: HostilePage) {
  const url = site.origin + p.path;
  const errorsBefore = h.errors.length;
  const dialogsBefore = dialogs.length;

  // With the extension: load, wait until the content script has decided, measure; then the same page
  // without the extension over the same window. Measured again (up to three loads) while the extension's
  // run shows more long tasks, or a task of its own over 50 ms: a repeatable cost fails every load, a one-off
  // hiccup of a busy machine (a cold compile in a fresh tab) does not. The best load is the figure.
  let excess = Infinity;
  let ownLongest = Infinity;
  let row: Row | null = null;
  const detail: string[] = [];
  let first: { page: Page; errors: string[]; tab: number; status: Status; read: PageRead } | null = null;
  let baselineErrors: string[] = [];
  let baselineTitle = '';
  for (let attempt = 1; attempt <= 3 && (excess > 0 || ownLongest > 50); attempt++) {
    const t0 = Date.now();
    const withRun = await load(h.context, url);
    const tab = await h.tabId(withRun.page);
    const status = await waitSettled(tab, SETTLE_MS);
    if (status?.status === 'checked') await h.waitBadge(tab, (t) => t !== '', p.expect === 'spun' ? 5000 : 300);
    const settledMs = Date.now() - t0;
    const atSettle = await readPage(withRun.page);
    // Observe as long after the load event as it took to settle, plus a margin for what follows a reply.
    const windowMs = Math.max(600, Math.round(atSettle.now - atSettle.load) + 300);
    const withRead = await readAt(withRun.page, windowMs);
    const ownTasks = extensionTasks(await withRun.stopTrace(), h.extensionId);
    ownLongest = Math.min(ownLongest, ownTasks[0] ?? 0);

    const bareRun = await load(bareContext, url);
    const bareRead = await readAt(bareRun.page, windowMs);
    await bareRun.stopTrace();
    baselineErrors = bareRun.errors;
    baselineTitle = bareRead.title;
    await bareRun.page.close();

    const w = tasksInWindow(withRead, windowMs);
    const b = tasksInWindow(bareRead, windowMs);
    const list = (r: PageRead) => r.tasks.filter((t) => t.s >= r.dcl && t.s <= r.load + windowMs).map((t) => `${Math.round(t.s)}+${Math.round(t.d)}`).join(' ') || '-';
    detail.push(
      `#${attempt}: with [${list(withRead)}] without [${list(bareRead)}] (load ${Math.round(withRead.load)}/${Math.round(bareRead.load)} ms, window ${windowMs} ms); ` +
        `the extension's own tasks on the page: ${ownTasks.length ? ownTasks.join(', ') + ' ms' : 'none'}`,
    );
    if (w.count - b.count < excess) {
      excess = w.count - b.count;
      row = {
        page: p.path,
        withCount: w.count,
        withMax: w.max,
        withoutCount: b.count,
        withoutMax: b.max,
        withAll: `${w.all}/${w.allMax} ms`,
        withoutAll: `${b.all}/${b.allMax} ms`,
        settledMs,
        outcome: status ? status.status : 'no answer',
        attempts: attempt,
        ownLongest: 0,
      };
    }
    if (first) await first.page.close();
    first = { page: withRun.page, errors: withRun.errors, tab, status, read: withRead };
  }
  row!.attempts = detail.length;
  row!.detail = detail;
  row!.ownLongest = ownLongest;
  rows.push(row!);
  const { page, errors, tab, status, read: measured } = first!;
  try {
    expect.soft(excess, `long tasks added by the extension on ${p.path}: ${detail.join('; ')}`).toBeLessThanOrEqual(0);
    expect.soft(ownLongest, `the longest task running the extension's code on ${p.path}: ${detail.join('; ')}`).toBeLessThanOrEqual(50);
    expect(status, `the content script settled on ${p.path} within ${SETTLE_MS} ms`).not.toBeNull();
    expect(['checked', 'not-article', 'failed', 'skipped']).toContain(status!.status);

    // What the extension shows.
    const banner = await h.waitBanner(page, p.expect === 'spun', p.expect === 'spun' && status!.status === 'checked' ? 8000 : 300);
    const badge = await h.badge(tab);
    const popup = await h.openPopup(tab);
    try {
      const info = await h.readPopup(popup);
      const label = `${p.path} (status ${status!.status}, popup ${JSON.stringify(info).slice(0, 300)})`;
      expect.soft(info.verdict !== null || info.state !== null, `the popup shows a verdict or a state for ${label}`).toBe(true);
      expect.soft(await popup.evaluate(INJECTED), `elements made from page text in the popup for ${p.path}`).toBe(0);
      if (p.expect === 'spun') {
        expect.soft(info.verdict, `verdict of ${label}`).toBe('spun');
        expect.soft(badge, `badge of ${label}`).toBe('SPUN');
        expect.soft(banner?.verdict, `banner on ${label}`).toBe('spun');
      } else if (p.expect === 'not-article') {
        expect.soft(status!.status, `content script status on ${p.path}`).toBe('not-article');
        expect.soft(info.verdict, `verdict of ${label}`).toBeNull();
        expect.soft(badge, `badge of ${label}`).toBe('');
        expect.soft(banner, `banner on ${label}`).toBeNull();
      } else {
        // Whatever it decides: a warning comes with its badge and banner, anything else with neither.
        const warns = ['spun', 'copy', 'auto-published'].includes(info.verdict ?? '');
        expect.soft(!!badge, `badge agrees with the verdict on ${label}`).toBe(warns);
        expect.soft(!!banner, `banner agrees with the verdict on ${label}`).toBe(warns);
      }
    } finally {
      await popup.close();
    }
    expect.soft(await cdpValue<number>(page, INJECTED_IN_PAGE), `elements made from page text in ${p.path}`).toBe(0);

    // The page still works after all that: its timer ticked on, its button counts, its title is its own.
    const after = await readPage(page);
    expect.soft(after.ticks, `the page's own timer on ${p.path}`).toBeGreaterThan(measured.ticks);
    expect.soft(await clickCounter(page), `the page's own button on ${p.path}`).toBe(1);
    expect.soft(after.title, `document.title on ${p.path}`).toBe(baselineTitle);
    expect.soft(errors, `page errors on ${p.path} beyond the page's own (${JSON.stringify(baselineErrors)})`).toEqual(baselineErrors);
    expect.soft(dialogs.slice(dialogsBefore), `dialogs while checking ${p.path}`).toEqual([]);
    expect.soft(h.errors.slice(errorsBefore).filter((e) => !e.where.startsWith(site.origin)), `extension errors while checking ${p.path}`).toEqual([]);
    return { page, tab };
  } catch (e) {
    await page.close();
    throw e;
  }
}

describe('hostile and huge pages in Chromium', () => {
  test('the hostile pages are served', () => {
    const kinds = site.hostile.map((p) => p.kind);
    for (const k of ['huge', 'deep', 'paragraphs', 'markup', 'broken-builtins', 'postmessage', 'frame-outer', 'framed-article'] as const) expect(kinds).toContain(k);
  });

  for (const kind of ['huge', 'paragraphs', 'deep', 'broken-builtins', 'postmessage', 'framed-article'] as const) {
    const p = site.hostile.find((x) => x.kind === kind)!;
    test(`${p.path}: keeps working, no long task added, ${p.expect === 'any' ? 'settles' : p.expect}`, async () => {
      const { page } = await hostileCheck(p);
      if (kind === 'huge' || kind === 'paragraphs') {
        // Still responsive after the check: round trips to the page stay short.
        const gaps: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = Date.now();
          await readPage(page, 'document.childElementCount');
          gaps.push(Date.now() - t);
        }
        expect(Math.max(...gaps), `round trips to ${p.path} (ms): ${gaps.join(', ')}`).toBeLessThan(1000);
      }
      if (kind === 'deep') {
        expect(await cdpValue<number>(page, 'window.__deepDepth'), 'the page built its deep subtree').toBe(5000);
      }
      if (kind === 'broken-builtins') {
        expect(await cdpValue<boolean>(page, 'window.__builtinsBroken === true'), 'the page broke its builtins').toBe(true);
      }
      if (kind === 'postmessage') {
        const n = await cdpValue<number>(page, 'window.__pmReceived');
        expect(n, 'the page kept receiving its own messages').toBeGreaterThan(1000);
      }
      await page.close();
    });
  }

  test('/hostile/frame-outer: the framing page is no article (all_frames is false): no badge, no banner anywhere, nothing breaks', async () => {
    const p = site.hostile.find((x) => x.kind === 'frame-outer')!;
    const { page, tab } = await hostileCheck(p);
    try {
      const frame = page.frames().find((f) => f.url().endsWith('/hostile/framed-article'));
      expect(frame, 'the iframe loaded the article').toBeTruthy();
      expect(await frame!.evaluate('document.querySelectorAll("[data-spinscope]").length'), 'banner inside the iframe').toBe(0);
      expect(await frame!.evaluate('document.querySelectorAll("article p").length'), 'the framed article is intact').toBeGreaterThan(3);
      const ticks = await frame!.evaluate('window.__pageTicks');
      expect(ticks, 'the framed page’s own timer').toBeGreaterThan(0);
      expect(await page.evaluate('document.querySelectorAll("[data-spinscope]").length'), 'banner on the top page').toBe(0);
      expect(await h.badge(tab)).toBe('');
    } finally {
      await page.close();
    }
  });

  test('page text with HTML and script fragments is shown as text only: popup, options, banner', async () => {
    const dialogsBefore = dialogs.length;
    const p = site.hostile.find((x) => x.kind === 'markup')!;
    const { page, tab } = await hostileCheck(p);
    try {
      // The popup lists the page's mangled photo credit and tag line: literal markup, as text.
      const popup = await h.openPopup(tab);
      const info = await h.readPopup(popup);
      const popupText = await popup.evaluate('document.body.textContent');
      expect(info.boilerplate.join(' | '), 'boilerplate hits quote the page').toContain(MARKUP.img);
      expect(popupText).toContain(MARKUP.svg);
      expect(await popup.evaluate(INJECTED), 'elements made from page text in the popup').toBe(0);

      // Add the page as a reference: its title (with markup) becomes page-controlled text in our UI.
      await addReferenceFromPopup(popup);
      await popup.close();

      const options = await h.openOptions();
      try {
        const refs = options.getByTestId('reference-item');
        await expect.poll(async () => (await refs.allTextContents()).join(' | '), { timeout: 10_000 }).toContain(MARKUP.img);
        expect(await options.evaluate(INJECTED), 'elements made from page text in the options page').toBe(0);
      } finally {
        await options.close();
      }
    } finally {
      await page.close();
    }

    // The same text on another host now matches that reference: the popup names it, markup and all; the
    // banner, which the page could read, never names a reference.
    const mirror = await h.open(site.altOrigin + '/hostile/markup-mirror');
    try {
      const mtab = await h.tabId(mirror);
      expect(await h.waitBadge(mtab, (t) => t !== ''), 'badge of the mirror').toBe('SPUN');
      const banner = await h.waitBanner(mirror, true);
      expect(banner?.verdict, 'the banner of the mirror').toBe('spun');
      expect(banner?.text ?? '', 'the banner names no reference').not.toContain(MARKUP.img);
      const cdp = await h.context.newCDPSession(mirror);
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      await cdp.detach();
      const names = new Set<string>();
      walk(root, (n) => {
        if (n.nodeType === 1) names.add(n.nodeName.toLowerCase());
      });
      for (const tag of ['img', 'svg', 'iframe']) expect(names.has(tag), `a <${tag}> element on the mirror page or in the banner`).toBe(false);
      const popup = await h.openPopup(mtab);
      const info = await h.readPopup(popup);
      expect(info.referenceTitle ?? '', 'reference title in the popup').toContain(MARKUP.img);
      expect(await popup.evaluate(INJECTED), 'elements made from page text in the popup').toBe(0);
      await popup.close();
      expect(await cdpValue<number>(mirror, INJECTED_IN_PAGE), 'elements made from page text on the mirror page').toBe(0);
    } finally {
      await mirror.close();
    }

    expect(dialogs.slice(dialogsBefore), 'no alert fired').toEqual([]);
    // An <img src=x> made anywhere would have requested ".../x"; the <noscript> probe must stay inert when read.
    expect(h.requests.filter((r) => /\/x(\?|$)/.test(r.url) || r.url.includes('probe.png')).map((r) => r.url)).toEqual([]);
    expect(site.log.filter((l) => /\/x(\?|$)/.test(l) || l.includes('probe.png'))).toEqual([]);
  });

  test('no dialog opened and no extension error logged on any hostile page', () => {
    expect(dialogs).toEqual([]);
    expect(h.errors.filter((e) => !e.where.startsWith(site.origin) && !e.where.startsWith(site.altOrigin))).toEqual([]);
  });
});

type DomNode = { nodeType: number; nodeName: string; children?: DomNode[]; shadowRoots?: DomNode[]; contentDocument?: DomNode };

function walk(n: DomNode, visit: (n: DomNode) => void): void {
  visit(n);
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) walk(c, visit);
}
