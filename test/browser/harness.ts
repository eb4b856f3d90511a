/**
 * The Chromium harness for the browser tests and the demo: launches Debian's chromium with the built
 * extension (dist/) loaded, serves the fixture site, records every request and every console error of the
 * pages, extension pages and service worker, and reads what the extension shows (badge, banner, popup).
 */
import { existsSync, mkdtempSync, rmSync, statSync, readdirSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker, type CDPSession } from 'playwright-core';
import { startSite, type Site } from '../site/server.ts';
import { ROOT } from '../site/content.ts';

export const DIST = join(ROOT, 'dist');
export const DIST_FIREFOX = join(ROOT, 'dist-firefox');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

/** Throws a readable error when the build or the browser is missing; warns when the build looks stale. */
export function requireBuild(dir: string, browserPath: string, browserPackage: string): void {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(
      `The extension is not built: ${manifest} does not exist.\n` +
        `Run \`npm run build\` first (it writes dist/ for Chromium and dist-firefox/ for Firefox), then run the browser tests again.`,
    );
  }
  if (!existsSync(browserPath)) {
    throw new Error(
      `No browser at ${browserPath}. Install Debian's package with \`apt-get install -y ${browserPackage}\` ` +
        `(or point ${browserPackage === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'} at a binary).`,
    );
  }
  const built = statSync(manifest).mtimeMs;
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'manifest.json')), newestMtime(join(ROOT, 'seeds')));
  if (sources > built + 1000) {
    console.warn(`warning: ${dir} is older than the sources; run \`npm run build\` to test the current code.`);
  }
}

export interface RecordedRequest {
  url: string;
  resourceType: string;
  /** Where it came from: a page's URL, or "service-worker". */
  from: string;
}

export interface LoggedError {
  where: string;
  text: string;
}

/** Requests that stay on this machine: the fixture site, the extension's own files, inline data. */
export function isLocal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:', 'chrome:'].includes(u.protocol)) return true;
  return (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:') && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

export interface BannerInfo {
  verdict: string | null;
  text: string;
  buttons: Array<{ text: string; backendNodeId: number }>;
}

export interface PopupInfo {
  verdict: string | null;
  confidence: string | null;
  referenceTitle: string | null;
  referenceSource: string | null;
  substitutions: string[];
  boilerplate: string[];
  state: string | null;
}

export interface SwapTipInfo {
  main: string;
  hint: string;
  shown: boolean;
  label: string;
  box: { x: number; y: number; width: number; height: number } | null;
}

export interface Harness {
  context: BrowserContext;
  site: Site;
  extensionId: string;
  requests: RecordedRequest[];
  errors: LoggedError[];
  /** The extension's service worker (woken up again when Chrome has stopped it). */
  worker(): Promise<Worker>;
  /** Open a page and wait for it to load. */
  open(url: string, opts?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  tabId(page: Page): Promise<number>;
  badge(tabId: number): Promise<string>;
  /** Poll the badge until `pred` holds or the time runs out; returns the last value. */
  waitBadge(tabId: number, pred: (text: string) => boolean, ms?: number): Promise<string>;
  banner(page: Page): Promise<BannerInfo | null>;
  waitBanner(page: Page, present: boolean, ms?: number): Promise<BannerInfo | null>;
  /** Click a button inside the banner's closed shadow root with a real mouse click. */
  clickBannerButton(page: Page, name: RegExp): Promise<string>;
  /** Open the popup for a tab as a page and wait until it shows a verdict or a state. */
  openPopup(tabId: number, opts?: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } }): Promise<Page>;
  readPopup(popup: Page): Promise<PopupInfo>;
  openOptions(opts?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  /**
   * The tip beside a highlighted word, read through the DevTools protocol (the page itself cannot reach
   * into its closed shadow root): its painted words, whether it shows and has the keyboard, and its box.
   */
  swapTip(page: Page): Promise<SwapTipInfo | null>;
  /** Every range of CSS.highlights and every <mark> in the page. */
  highlights(page: Page): Promise<{ names: string[]; ranges: string[]; marks: string[] }>;
  /** Close every window that is not a normal browser window (extension popups opened as windows). */
  closeExtraWindows(): Promise<number>;
  /** Requests that left loopback, and errors logged, since the harness started. */
  offHostRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/** The extension API inside the service worker (functions passed to `evaluate` run there, not here). */
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  windows: { getAll(q: object): Promise<Array<{ id?: number; type?: string }>>; remove(id: number): Promise<void> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

const POPUP_PATH = 'src/popup/index.html';

/** The popup's passing states ("Loading…", "Checking…", "Not checked…"), read from the build's English messages. */
function transientStates(): string[] {
  try {
    const messages = JSON.parse(readFileSync(join(DIST, '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message?: string }>;
    return ['popupLoading', 'stateChecking', 'stateNotChecked']
      .map((k) => norm(messages[k]?.message?.split('$')[0]).replace(/[.…]+$/, ''))
      .filter((m) => m.length > 3);
  } catch {
    return [];
  }
}
const OPTIONS_PATH = 'src/options/index.html';

/** Clicks "Add this article to my references" in a popup and waits until the popup has acknowledged it. */
export async function addReferenceFromPopup(popup: Page): Promise<void> {
  const add = popup.getByTestId('add-reference');
  const already = popup.getByTestId('already-reference');
  await add.first().or(already).first().waitFor({ timeout: 10_000 });
  // A page already in the references (an earlier run of the same test) is not offered again: nothing to do.
  if (await already.count()) return;
  const row = add.first().locator('xpath=..');
  const rowBefore = (await row.textContent()) ?? '';
  await add.first().click();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const now = norm(await row.textContent());
    if (now !== norm(rowBefore) && !/adding|…$/.test(now)) return;
    if (Date.now() > deadline) throw new Error(`the popup never acknowledged "add to my references" (it reads "${now}")`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Chromium with the built extension and without the background services that try to reach the network
 * (this machine has none, and the tests assert that nothing leaves it). Shared with the demo.
 */
export const EXTENSION_FLAGS = [
  `--disable-extensions-except=${DIST}`,
  `--load-extension=${DIST}`,
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(opts: { headless?: boolean; site?: Site } = {}): Promise<Harness> {
  requireBuild(DIST, CHROMIUM, 'chromium');
  const site = opts.site ?? (await startSite());
  const transient = transientStates();
  const ownSite = !opts.site;
  const userDataDir = mkdtempSync(join(tmpdir(), 'spinscope-chromium-'));
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...EXTENSION_FLAGS,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  });

  const requests: RecordedRequest[] = [];
  const errors: LoggedError[] = [];
  context.on('request', (r) => {
    let from = 'unknown';
    try {
      from = r.serviceWorker() ? 'service-worker' : r.frame().url();
    } catch {
      from = 'service-worker';
    }
    requests.push({ url: r.url(), resourceType: r.resourceType(), from });
  });
  const watchPage = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push({ where: p.url(), text: m.text() });
    });
    p.on('pageerror', (e) => errors.push({ where: p.url(), text: `uncaught: ${e.message}` }));
  };
  const watchWorker = (w: Worker) => {
    w.on('console', (m) => {
      if (m.type() === 'error') errors.push({ where: `service worker ${w.url()}`, text: m.text() });
    });
  };
  context.on('page', watchPage);
  context.on('serviceworker', watchWorker);
  context.pages().forEach(watchPage);
  context.serviceWorkers().forEach(watchWorker);

  let sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(sw.url()).host;

  // Chrome opens a blank first tab; keep it (closing the last tab would close the context).
  const worker = async (): Promise<Worker> => {
    const find = () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    const current = find();
    if (current) return current;
    // A stopped worker starts again on any extension event: opening an extension page does it. The list is
    // polled rather than the "serviceworker" event awaited: a worker that started a moment earlier, woken by
    // a page, has already sent its event.
    const p = await context.newPage();
    try {
      await p.goto(`chrome-extension://${extensionId}/${OPTIONS_PATH}`).catch(() => undefined);
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; await p.waitForTimeout(100)) {
        const w = find();
        if (w) return w;
      }
      throw new Error("the extension's service worker did not start within 15 s");
    } finally {
      await p.close();
    }
  };

  const swEval = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    for (let attempt = 0; ; attempt++) {
      const w = await worker();
      try {
        return (await w.evaluate(fn as (a: unknown) => R | Promise<R>, arg as unknown)) as R;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
  };

  const open = async (url: string, o: { colorScheme?: 'light' | 'dark' } = {}) => {
    const page = await context.newPage();
    if (o.colorScheme) await page.emulateMedia({ colorScheme: o.colorScheme });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  const tabIds = new WeakMap<Page, number>();
  const tabId = async (page: Page): Promise<number> => {
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    const url = page.url();
    const byUrl = await swEval(
      async (u: string) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1),
      url,
    );
    let id = byUrl.length === 1 ? byUrl[0]! : -1;
    if (id < 0) {
      // Without the "tabs" permission tab URLs are hidden: bring the page to the front and take the active tab.
      await page.bringToFront();
      // Extension popups opened as windows (type "popup") have active tabs too: only normal windows count.
      const active = await swEval(async () => (await chrome.tabs.query({ active: true, windowType: 'normal' })).map((t) => t.id ?? -1), null);
      if (active.length > 1) throw new Error(`several normal windows are open; cannot tell which tab shows ${url}`);
      id = active.length === 1 ? active[0]! : -1;
    }
    if (id < 0) throw new Error(`no tab found for ${url}`);
    tabIds.set(page, id);
    return id;
  };

  const badge = (id: number) => swEval((t: number) => chrome.action.getBadgeText({ tabId: t }), id);

  const waitBadge = async (id: number, pred: (t: string) => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const t = await badge(id);
      if (pred(t) || Date.now() > deadline) return t;
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  const cdpSessions = new WeakMap<Page, CDPSession>();
  const cdp = async (page: Page) => {
    let s = cdpSessions.get(page);
    if (!s) {
      s = await context.newCDPSession(page);
      cdpSessions.set(page, s);
    }
    return s;
  };

  type DomNode = {
    nodeType: number;
    nodeName: string;
    nodeValue?: string;
    backendNodeId: number;
    attributes?: string[];
    children?: DomNode[];
    shadowRoots?: DomNode[];
  };
  const attr = (n: DomNode, name: string) => {
    const a = n.attributes ?? [];
    for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1] ?? '';
    return null;
  };
  const textOf = (n: DomNode): string => {
    if (n.nodeType === 3) return n.nodeValue ?? '';
    if (n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT') return '';
    const parts = [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf);
    return parts.join(n.nodeType === 1 && /^(DIV|P|LI|H\d|SECTION|HEADER|FOOTER|BUTTON|A|SPAN|STRONG)$/.test(n.nodeName) ? ' ' : '');
  };
  const walk = (n: DomNode, visit: (n: DomNode) => void) => {
    visit(n);
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, visit);
  };

  /** What a stylesheet paints into an element's ::before (or ::after): the banner's words live there, not in text nodes. */
  const pseudoText = async (page: Page, backendNodeId: number, pseudo = '::before'): Promise<string> => {
    const s = await cdp(page);
    const { object } = (await s.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId?: string } };
    if (!object.objectId) return '';
    const { result } = (await s.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return getComputedStyle(this, ${JSON.stringify(pseudo)}).content; }`,
      returnByValue: true,
    })) as { result: { value?: string } };
    const v = result.value ?? '';
    return v === 'none' || v === 'normal' ? '' : (JSON.parse(v) as string);
  };

  const VERDICT_OF_MARK: Record<string, string> = { SPUN: 'spun', COPY: 'copy', AUTO: 'auto-published' };

  const banner = async (page: Page): Promise<BannerInfo | null> => {
    const s = await cdp(page);
    const { root } = (await s.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeIds } = (await s.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'spinscope-banner' })) as {
      nodeIds: number[];
    };
    if (!nodeIds.length) return null;
    const { node } = (await s.send('DOM.describeNode', { nodeId: nodeIds[0]!, depth: -1, pierce: true })) as { node: DomNode };
    const buttons: BannerInfo['buttons'] = [];
    let mark: DomNode | null = null;
    let msg: DomNode | null = null;
    walk(node, (n) => {
      const cls = attr(n, 'class') ?? '';
      if (/\bmark\b/.test(cls)) mark = n;
      if (/\bmsg\b/.test(cls)) msg = n;
      if (n.nodeName === 'BUTTON' || (n.nodeName === 'A' && attr(n, 'href') !== null) || attr(n, 'role') === 'button') {
        buttons.push({ text: (textOf(n).replace(/\s+/g, ' ').trim() || attr(n, 'aria-label')) ?? '', backendNodeId: n.backendNodeId });
      }
    });
    const word = mark ? await pseudoText(page, (mark as DomNode).backendNodeId) : '';
    const sentence = msg ? await pseudoText(page, (msg as DomNode).backendNodeId) : '';
    const text = [word, sentence, textOf(node)].join(' ').replace(/\s+/g, ' ').trim();
    return { verdict: VERDICT_OF_MARK[word] ?? null, text, buttons };
  };

  const swapTip = async (page: Page): Promise<SwapTipInfo | null> => {
    const s = await cdp(page);
    const { root } = (await s.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeIds } = (await s.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'html > div' })) as { nodeIds: number[] };
    for (const nodeId of nodeIds) {
      const { node } = (await s.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as { node: DomNode };
      let tip: DomNode | null = null;
      walk(node, (n) => {
        if (n.nodeType === 1 && (attr(n, 'class') ?? '').split(' ').includes('tip')) tip = n;
      });
      if (!tip) continue;
      const t = tip as DomNode;
      const quads = (await s.send('DOM.getContentQuads', { backendNodeId: t.backendNodeId }).catch(() => ({ quads: [] }))) as { quads: number[][] };
      const q = quads.quads[0];
      const box = q ? { x: q[0]!, y: q[1]!, width: q[2]! - q[0]!, height: q[5]! - q[1]! } : null;
      return {
        main: await pseudoText(page, t.backendNodeId),
        hint: await pseudoText(page, t.backendNodeId, '::after'),
        shown: attr(t, 'data-shown') !== null,
        label: attr(t, 'aria-label') ?? '',
        box,
      };
    }
    return null;
  };

  const waitBanner = async (page: Page, present: boolean, ms = 8000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const b = await banner(page);
      if (!!b === present || Date.now() > deadline) return b;
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  const clickBannerButton = async (page: Page, name: RegExp) => {
    const b = await banner(page);
    if (!b) throw new Error('no banner on the page');
    const button = b.buttons.find((x) => name.test(x.text));
    if (!button) throw new Error(`no banner button matching ${name}; buttons: ${b.buttons.map((x) => JSON.stringify(x.text)).join(', ')}`);
    const s = await cdp(page);
    await s.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId }).catch(() => undefined);
    const { quads } = (await s.send('DOM.getContentQuads', { backendNodeId: button.backendNodeId })) as { quads: number[][] };
    const q = quads[0];
    if (!q) throw new Error(`banner button ${JSON.stringify(button.text)} is not visible`);
    const x = (q[0]! + q[2]! + q[4]! + q[6]!) / 4;
    const y = (q[1]! + q[3]! + q[5]! + q[7]!) / 4;
    await page.bringToFront();
    await page.mouse.click(x, y);
    return button.text;
  };

  // A string, not a function: tsx (used by the demo) would wrap inner functions in a helper the page lacks.
  const READ_POPUP = `(() => {
    const clean = (e) => (e ? (e.textContent || '').replace(/\\s+/g, ' ').trim() : null);
    const one = (id) => clean(document.querySelector('[data-testid="' + id + '"]'));
    const all = (id) => [...document.querySelectorAll('[data-testid="' + id + '"]')].map((e) => clean(e) || '');
    return {
      // The chip says it in words ("not recognised"); the verdict itself is on data-verdict.
      verdict: document.querySelector('[data-testid="verdict"]')?.getAttribute('data-verdict') ?? one('verdict'),
      confidence: one('confidence'),
      referenceTitle: one('reference-title'),
      referenceSource: one('reference-source'),
      substitutions: all('substitution'),
      boilerplate: all('boilerplate'),
      state: one('state'),
    };
  })()`;
  const readPopup = (popup: Page): Promise<PopupInfo> => popup.evaluate(READ_POPUP) as Promise<PopupInfo>;

  const openPopup = async (id: number, o: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}) => {
    const popup = await context.newPage();
    await popup.setViewportSize(o.viewport ?? { width: 420, height: 640 });
    if (o.colorScheme) await popup.emulateMedia({ colorScheme: o.colorScheme });
    await popup.goto(`chrome-extension://${extensionId}/${POPUP_PATH}?tab=${id}`);
    await popup
      .locator('[data-testid="verdict"], [data-testid="state"]')
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 });
    // The popup shows "loading", "checking" or "not checked" until the page's check arrives, then updates
    // itself: wait for a verdict or for a state that is none of those (e.g. "not an article").
    const deadline = Date.now() + 12_000;
    let last = '';
    let since = Date.now();
    while (Date.now() < deadline) {
      const now = await popup.evaluate(() => {
        const state = document.querySelector('[data-testid="state"]');
        return {
          verdict: document.querySelector('[data-testid="verdict"]') !== null,
          state: state?.textContent ?? '',
          busy: state ? state.getAttribute('aria-busy') === 'true' : true,
        };
      });
      if (now.verdict) break;
      const st = norm(now.state);
      if (st && !now.busy && transient.length && !transient.some((t) => st.includes(t))) break;
      if (st !== last || now.busy) {
        last = st;
        since = Date.now();
      } else if (!transient.length && st && Date.now() - since > 1500) break;
      await popup.waitForTimeout(100);
    }
    return popup;
  };

  const openOptions = async (o: { colorScheme?: 'light' | 'dark' } = {}) => {
    const p = await context.newPage();
    if (o.colorScheme) await p.emulateMedia({ colorScheme: o.colorScheme });
    await p.goto(`chrome-extension://${extensionId}/${OPTIONS_PATH}`);
    await p.getByTestId('trusted-input').waitFor({ timeout: 15_000 });
    return p;
  };

  const highlights = (page: Page) =>
    page.evaluate(() => {
      const names: string[] = [];
      const ranges: string[] = [];
      const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS?.highlights;
      if (reg) {
        for (const [name, h] of reg) {
          names.push(name);
          for (const r of h) ranges.push(r instanceof Range ? r.toString() : new Range().toString());
        }
      }
      const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent ?? '');
      return { names, ranges, marks };
    });

  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    context,
    site,
    extensionId,
    requests,
    errors,
    worker,
    open,
    tabId,
    badge,
    waitBadge,
    banner,
    waitBanner,
    clickBannerButton,
    openPopup,
    readPopup,
    openOptions,
    highlights,
    swapTip,
    offHostRequests: () => requests.filter((r) => !isLocal(r.url)),
    closeExtraWindows: () =>
      swEval(async () => {
        const extra = (await chrome.windows.getAll({})).filter((w) => w.type !== 'normal' && w.id !== undefined);
        for (const w of extra) await chrome.windows.remove(w.id!);
        return extra.length;
      }, null),
    async close() {
      await context.close().catch(() => undefined);
      if (ownSite) await site.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Normalise text for loose comparisons: curly quotes, case, spacing. */
export function norm(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
