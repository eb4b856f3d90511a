/**
 * What the popup shows for a tab. The worker's stored state comes first; when it has none for the
 * page now in the tab (pages that are not articles never wake the worker), the tab's content
 * script says what it made of the page. No answer at all means no content script: a browser page.
 */
import { ext } from '../shared/browser.ts';
import { sendToTab, sendToWorker } from '../shared/messaging.ts';
import type { TabState } from '../shared/state.ts';

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const reply = await sendToWorker({ type: 'get-tab-state', tabId });
  const stored = reply.ok ? reply.value : null;
  const url = await tabUrl(tabId);
  if (stored && (url === null || samePage(url, stored.url))) return stored;

  const page = await sendToTab(tabId, { type: 'get-status' });
  if (!page.ok) return null;
  const { status, url: pageUrl } = page.value;
  const at = Date.now();
  switch (status) {
    case 'skipped':
      return { status: 'skipped', url: pageUrl, at };
    case 'not-article':
      return { status: 'not-article', url: pageUrl, at };
    case 'idle':
    case 'checking':
      return { status: 'checking', url: pageUrl, title: '', at };
    default:
      // The page was checked but the result is gone (the browser dropped session data): not checked.
      return stored && samePage(stored.url, pageUrl) ? stored : null;
  }
}

/** The tab's URL where the browser shows it to us (pages the content script may run on), else null. */
async function tabUrl(tabId: number): Promise<string | null> {
  try {
    return (await ext().tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
