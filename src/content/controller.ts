/**
 * One page's life in the content script: decide whether to look at all, extract in idle time,
 * ask the worker, show the banner, answer the popup, and follow in-page navigation. Everything it
 * registers hangs off one AbortController so `detach()` stops it all.
 */
import type { Runtime } from 'webextension-polyfill';
import { wordCount } from '../core/text/text.ts';
import type { CheckResult } from '../core/types.ts';
import { MAX_DEPTH, MAX_ELEMENTS, MAX_PAGE_CHARS, MIN_ARTICLE_WORDS, copyForExtraction, extractFromCopy, isArticlePage, overLimits, type ExtractedArticle } from '../extract/index.ts';
import { PageSlice } from '../extract/slice.ts';
import { carriesMachineMarks } from './machine-marks.ts';
import { ext } from '../shared/browser/browser.ts';
import { hostUnderAny } from '../shared/sites/host-match.ts';
import { MAX_TEXT, MAX_TITLE, isTabMessage, parseMessage, type Handlers, type PageStatus, type Reply, type TabType } from '../shared/protocol/messages.ts';
import { answer, errorReply, sendToWorker } from '../shared/protocol/messaging.ts';
import type { Settings } from '../shared/storage/settings.ts';
import { loadSettings, onSettingsChanged } from '../shared/storage/storage.ts';
import { bannerHost, removeBanner, showBanner } from './banner.ts';
import { clearHighlights, highlightSpans } from './highlight.ts';
import { whenIdle } from './idle.ts';
import { RouteBudget, samePage, watchUrl } from './navigation.ts';

/** Single-page apps render the new route after the URL changes; wait a little before reading it. */
const ROUTE_SETTLE_MS = 800;
/**
 * Nodes walked per step of a slice (a millisecond or two), and the idle time that must be left for a
 * further step: an idle period is at most 50 ms, so no more than about 20 ms of it is taken, and no
 * task of ours becomes a long one.
 */
const SLICE_STEP = 1000;
const SLICE_STEP_MARGIN_MS = 30;
const SLICE_STEP_TIMEOUT_MS = 1000;

export class PageController {
  private life = new AbortController();
  /** Aborted and replaced on each check, so a stale reply or idle callback does nothing. */
  private run = new AbortController();
  private settings: Settings | null = null;
  private article: (ExtractedArticle & { url: string }) | null = null;
  private result: CheckResult | null = null;
  private unsubscribe: (() => void) | null = null;
  /** What this page is to Spinscope right now; the popup asks when the worker has nothing newer. */
  private status: PageStatus['status'] = 'idle';
  /** The page was left unchecked because its visible text is longer than any article's. */
  private tooLong = false;
  /** Whether the worker holds a result for this tab from this page's life (so a later route must clear it). */
  private reported = false;
  /** The address last checked; a change of fragment only (an in-page anchor) is not a new page. */
  private checkedUrl = '';
  /** Whether the address changed in-page since the load: such a page is checked but never learned. */
  private routed = false;
  private readonly routes = new RouteBudget();
  private readonly onMessage = (msg: unknown, sender: Runtime.MessageSender): Promise<Reply<TabType>> | undefined =>
    this.answer(msg, sender);
  /** What this page answers the worker and the popup. */
  private readonly handlers: Handlers<TabType> = {
    highlight: (msg) => ({
      found: this.article && samePage(this.article.url, location.href) ? highlightSpans(this.article.text, msg.spans, bannerHost(), this.result) : 0,
    }),
    'clear-highlights': () => {
      clearHighlights();
      return null;
    },
    'get-status': () => ({ url: location.href, status: this.status, ...(this.tooLong ? { tooLong: true } : {}) }),
    'get-article': () => {
      const a = this.article;
      return a ? { url: a.url, title: a.title, text: a.text, siteName: a.siteName?.slice(0, MAX_TITLE) ?? null } : null;
    },
  };

  async start(): Promise<void> {
    if (!/^https?:$/.test(location.protocol)) return;
    // Listen before anything is awaited: a popup opened while the page is still being read must hear
    // "idle" (checking), not silence, which it takes for a tab without Spinscope.
    ext().runtime.onMessage.addListener(this.onMessage);
    try {
      this.settings = await loadSettings();
    } catch {
      this.status = 'failed'; // never checked: the popup must not wait for it
      return;
    }
    if (this.life.signal.aborted) return;
    this.unsubscribe = onSettingsChanged((s) => this.settingsChanged(s));
    let settle: ReturnType<typeof setTimeout> | undefined;
    watchUrl((href) => {
      if (samePage(href, this.checkedUrl)) return;
      // The last status was about the previous route; the popup must not show it for this one.
      this.status = 'idle';
      this.routed = true;
      clearTimeout(settle);
      settle = setTimeout(() => {
        this.routes.take();
        this.check();
      }, ROUTE_SETTLE_MS + this.routes.wait());
    }, this.life.signal);
    this.life.signal.addEventListener('abort', () => clearTimeout(settle), { once: true });
    this.check();
  }

  /** Before the page restored from the back/forward cache is checked afresh: everything of this visit stops. */
  detach(): void {
    this.life.abort();
    this.run.abort();
    this.unsubscribe?.();
    this.unsubscribe = null;
    ext().runtime.onMessage.removeListener(this.onMessage);
  }

  private check(): void {
    this.run.abort();
    this.run = new AbortController();
    const signal = this.run.signal;
    removeBanner();
    clearHighlights();
    this.article = null;
    this.result = null;
    this.status = 'idle';
    this.tooLong = false;
    const url = location.href;
    this.checkedUrl = url;
    if (!this.settings) return;
    if (hostUnderAny(location.hostname, this.settings.skippedSites)) {
      this.settle(url, 'skipped');
      return;
    }
    // First a walk over the visible text, a bounded step at a time: it finds what the ordinary extraction
    // would miss (hidden bulk past its limits, text nested past its depth, text in a shadow root), and such a
    // page is judged on that slice. Every other page goes the ordinary way, in three idle slices (the cheap
    // test, the copy of the page, Readability's pass over it), the page's own work running in between.
    this.readSlice(url, signal, () =>
      whenIdle(() => {
        if (!isArticlePage(document, carriesMachineMarks)) return this.settle(url, 'not-article');
        whenIdle(() => {
          const copy = copyForExtraction(document);
          if (!copy) return this.settle(url, 'not-article');
          whenIdle(() => void this.extractAndSend(url, copy, signal), signal);
        }, signal);
      }, signal),
    );
  }

  /**
   * The page's visible text, walked a step at a time in idle moments. When the ordinary extraction would
   * miss text the reader sees, the slice is judged (and the popup says only part was); a page whose
   * visible text is longer than any article's is said to be so; any other page goes on to `ordinary`.
   */
  private readSlice(url: string, signal: AbortSignal, ordinary: () => void): void {
    const body = document.body;
    if (!body) return this.settle(url, 'not-article');
    const slice = new PageSlice(body, {
      maxDepth: MAX_DEPTH,
      maxVisibleElements: MAX_ELEMENTS,
      maxVisibleChars: MAX_PAGE_CHARS,
      exclude: bannerHost(),
      isHidden: hiddenByStyle,
    });
    const step = (timeLeft: () => number): void => {
      // Steps while the browser says it is idle; at least one when the deadline forced the call.
      let done = slice.step(SLICE_STEP);
      while (!done && timeLeft() > SLICE_STEP_MARGIN_MS) done = slice.step(SLICE_STEP);
      if (!done) return whenIdle(step, signal, SLICE_STEP_TIMEOUT_MS);
      if (slice.tooBig()) return this.settle(url, 'not-article', true);
      const read = slice.result();
      if (!(read.deepText || read.shadowText || overLimits(document))) return ordinary();
      if (wordCount(read.text) < MIN_ARTICLE_WORDS) return this.settle(url, 'not-article');
      const title = (document.title || body.querySelector('h1')?.textContent || '').replace(/\s+/g, ' ').trim();
      void this.send(url, { title, text: read.text, byline: null, siteName: null, excerpt: null }, true, signal);
    };
    whenIdle(step, signal, SLICE_STEP_TIMEOUT_MS);
  }

  /**
   * A page that is not checked costs no message: the worker is not woken for it. Only when an
   * earlier route of this page was reported does the worker hear of it, to clear the old badge.
   */
  private settle(url: string, status: 'not-article' | 'skipped', tooLong = false): void {
    this.status = status;
    this.tooLong = tooLong;
    if (this.reported) void sendToWorker({ type: 'page-status', url, status });
  }

  private async extractAndSend(url: string, copy: Document, signal: AbortSignal): Promise<void> {
    const article = safeExtract(copy);
    if (signal.aborted) return;
    if (!article) return this.settle(url, 'not-article');
    await this.send(url, article, false, signal);
  }

  private async send(url: string, article: ExtractedArticle, partial: boolean, signal: AbortSignal): Promise<void> {
    this.status = 'checking';
    this.reported = true;
    const text = cutText(article.text);
    const title = article.title.slice(0, MAX_TITLE) || document.title.slice(0, MAX_TITLE);
    this.article = { ...article, title, text, url };
    const reply = await sendToWorker({ type: 'page-check', url, title, text, fullLoad: !this.routed && loadedHere(url), partial });
    if (signal.aborted) return;
    if (!reply.ok) {
      this.status = 'failed';
      return;
    }
    this.status = 'checked';
    const state = reply.value.state;
    this.result = state.status === 'checked' ? state.result : null;
    if (reply.value.banner && this.result && this.settings?.bannersEnabled) this.banner(this.result, url);
  }

  private banner(result: CheckResult, url: string): void {
    showBanner(result, {
      details: () => void sendToWorker({ type: 'page-open-details' }),
      dismiss: () => {
        removeBanner();
        void sendToWorker({ type: 'page-dismiss', url });
      },
    });
  }

  private settingsChanged(next: Settings): void {
    const prev = this.settings;
    this.settings = next;
    if (!next.bannersEnabled) removeBanner();
    const relevant =
      !prev ||
      prev.sensitivity !== next.sensitivity ||
      prev.trustedSites.join('\n') !== next.trustedSites.join('\n') ||
      prev.skippedSites.join('\n') !== next.skippedSites.join('\n') ||
      (!prev.bannersEnabled && next.bannersEnabled);
    if (relevant) this.check();
  }

  /** Messages from the worker or our pages (never from the page itself, which cannot reach this listener). */
  private answer(raw: unknown, sender: Runtime.MessageSender): Promise<Reply<TabType>> | undefined {
    const runtime = ext().runtime;
    if (sender.id !== runtime.id || (sender.url !== undefined && !sender.url.startsWith(runtime.getURL('')))) return undefined;
    const parsed = parseMessage(raw);
    if (!parsed.ok) return Promise.resolve(errorReply(parsed.reason));
    if (!isTabMessage(parsed.message)) return Promise.resolve(errorReply('not a tab message'));
    return answer(this.handlers, parsed.message, undefined);
  }
}

/**
 * Whether the document was loaded from this address. A script can pushState to any address of its
 * origin before we run; the navigation entry keeps the address the browser actually fetched.
 */
function loadedHere(url: string): boolean {
  const entry = performance.getEntriesByType('navigation')[0];
  return !!entry && samePage(entry.name, url);
}

/** Hidden by the page's style sheets, which attributes do not show: the browser's own answer. */
function hiddenByStyle(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check === 'function' && !check.call(el, { visibilityProperty: true, contentVisibilityAuto: false });
}

function safeExtract(copy: Document): ExtractedArticle | null {
  try {
    return extractFromCopy(copy, document);
  } catch {
    return null; // a page Readability cannot read is treated as not an article
  }
}

/** Very long texts are cut at a paragraph boundary under the message limit. */
function cutText(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.lastIndexOf('\n\n', MAX_TEXT);
  return text.slice(0, cut > 0 ? cut : MAX_TEXT);
}
