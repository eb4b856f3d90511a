/**
 * What the popup shows for a tab. The tab's content script is asked first, then the worker: the
 * worker stores a result before it answers the content script, so a page that says "checked" has
 * its result stored by the time the worker is asked. The worker's state wins when it is about the
 * page now in the tab; otherwise (pages that are not articles never wake the worker) the content
 * script's own status says what it made of the page. Silence from the tab means no content script:
 * still loading, a browser page, or a page opened before Spinscope was installed.
 */
import { ext } from '../shared/browser/browser.ts';
import type { PageStatus } from '../shared/protocol/messages.ts';
import { sendToTab, sendToWorker } from '../shared/protocol/messaging.ts';
import type { TabState } from '../shared/protocol/state.ts';

export type TabView =
  | TabState
  /** The tab is loading a page whose address the browser does not show us: maybe an article, maybe not. */
  | { status: 'loading' }
  /** Nothing in the tab answers: a browser page, or a page open since before Spinscope started. */
  | { status: 'no-script' }
  /** The page was read but its check never reached the worker, or the result is gone. */
  | { status: 'unfinished'; url: string };

export interface TabSnapshot {
  /** The worker's stored state for the tab. */
  stored: TabState | null;
  /** The content script's answer; null when nothing answered. */
  page: PageStatus | null;
  /** The tab as the browser shows it to us; null when the tab is gone. */
  tab: { url: string | null; loading: boolean } | null;
  now: number;
}

/**
 * Silence from a loaded tab may be a content script just being injected: ask again before saying
 * "not checked". Without the "tabs" permission the browser seldom shows us the URL, so only a URL
 * known not to be a web page skips this.
 */
const RETRIES = 2;
const RETRY_MS = 250;

export async function loadTabState(tabId: number): Promise<TabView> {
  const tab = await tabInfo(tabId);
  let page = await pageStatus(tabId);
  for (let i = 0; i < RETRIES && !page && tab && !tab.loading && (tab.url === null || isWeb(tab.url)); i++) {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    page = await pageStatus(tabId);
  }
  const reply = await sendToWorker({ type: 'get-tab-state', tabId });
  return tabView({ stored: reply.ok ? reply.value : null, page, tab, now: Date.now() });
}

/** The decision itself, kept apart from the messaging so that it can be tested. */
export function tabView({ stored, page, tab, now }: TabSnapshot): TabView {
  const url = page?.url ?? tab?.url ?? null;
  if (stored && (url === null || samePage(url, stored.url))) {
    // A check the content script gave up on (the worker stopped mid-check) is not "checking" forever.
    if (stored.status === 'checking' && page?.status === 'failed') return { status: 'unfinished', url: stored.url };
    return stored;
  }
  if (!page) {
    if (tab?.loading) return isWeb(tab.url) ? { status: 'checking', url: tab.url ?? '', title: '', at: now } : { status: 'loading' };
    return { status: 'no-script' };
  }
  switch (page.status) {
    case 'skipped':
      return { status: 'skipped', url: page.url, at: now };
    case 'not-article':
      return page.tooLong ? { status: 'not-article', url: page.url, at: now, tooLong: true } : { status: 'not-article', url: page.url, at: now };
    case 'idle':
    case 'checking':
      // Waiting for an idle moment, extracting, or waiting for the worker's verdict.
      return { status: 'checking', url: page.url, title: '', at: now };
    case 'checked':
    case 'failed':
      return { status: 'unfinished', url: page.url };
  }
}

async function pageStatus(tabId: number): Promise<PageStatus | null> {
  const reply = await sendToTab(tabId, { type: 'get-status' });
  return reply.ok && typeof reply.value?.url === 'string' ? reply.value : null;
}

/** The tab's status, and its URL where the browser shows it to us (pages the content script may run on). */
async function tabInfo(tabId: number): Promise<TabSnapshot['tab']> {
  try {
    const t = await ext().tabs.get(tabId);
    // While a navigation is pending, the page on its way is the one to describe.
    return { url: t.pendingUrl ?? t.url ?? null, loading: t.status === 'loading' };
  } catch {
    return null;
  }
}

function isWeb(url: string | null | undefined): boolean {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
