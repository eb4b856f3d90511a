/**
 * Service worker entry. Listeners are registered synchronously at the top level so an event that
 * wakes the worker is delivered; the library and engine load lazily on the first check.
 */
import type { Runtime } from 'webextension-polyfill';
import '../shared/browser/install-browser.ts';
import { ext } from '../shared/browser/browser.ts';
import { getTabState, removeTabState } from '../shared/storage/storage.ts';
import { showBadge } from './badge.ts';
import { forgetUnstored } from './check-page.ts';
import { handlers } from './handlers.ts';
import { markScriptEvaluated } from './library/library.ts';
import { route } from './router.ts';
import { createMenu, onMenuClicked } from './selection.ts';

const api = ext();

api.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender, handlers));

api.runtime.onInstalled.addListener(() => void createMenu().catch(() => undefined));
api.runtime.onStartup.addListener(() => void createMenu().catch(() => undefined));
api.contextMenus.onClicked.addListener((info, tab) => {
  void onMenuClicked(info, tab).catch((e: unknown) => console.warn('Spinscope: selection check failed', e));
});

api.tabs.onRemoved.addListener((tabId) => {
  forgetUnstored(tabId);
  void removeTabState(tabId).catch(() => undefined);
});

// Without the "tabs" permission the URL is only visible for pages the content script may run on.
// A tab that starts loading a page we cannot see (browser page, file, PDF viewer) gets no content
// script, so its old result is dropped here instead of lingering in the popup.
api.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status !== 'loading' || tab.url) return;
  void getTabState(tabId)
    .then((s) => (s ? removeTabState(tabId).then(() => showBadge(tabId, null)) : undefined))
    .catch(() => undefined);
});

markScriptEvaluated();
