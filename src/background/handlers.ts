/** What the worker does for each message; the router has already checked the sender and the shape. */
import { ext } from '../shared/browser.ts';
import type { ArticleReply, ContentMessage, PageMessage } from '../shared/messages.ts';
import { parseMessage } from '../shared/messages.ts';
import { sendToTab } from '../shared/messaging.ts';
import { addDismissed, allTabStates, getSelectionState } from '../shared/storage.ts';
import type { CheckedTab } from '../shared/state.ts';
import { checkPage, recordStatus, settledState, tabStateOf } from './check-page.ts';
import {
  addReference,
  exportReferences,
  importReferences,
  listReferences,
  removeReference,
} from './references.ts';
import { libraryPack } from './pack-library.ts';
import type { Handlers } from './router.ts';

export const handlers: Handlers = {
  async content(msg: ContentMessage, tabId: number) {
    switch (msg.type) {
      case 'page-check':
        return checkPage(tabId, msg);
      case 'page-status':
        await recordStatus(tabId, msg.url, msg.status);
        return null;
      case 'page-dismiss':
        await addDismissed(msg.url);
        return null;
      case 'page-open-details':
        await openDetails(tabId);
        return null;
    }
  },

  async page(msg: PageMessage) {
    switch (msg.type) {
      case 'get-tab-state':
        return settledState(await tabStateOf(msg.tabId), Date.now());
      case 'add-reference-from-tab':
        return addReference(await articleFromTab(msg.tabId));
      case 'add-reference':
        return addReference(msg.doc);
      case 'remove-reference':
        if (!msg.id.startsWith('user-')) throw new Error('only your own references can be removed');
        await removeReference(msg.id);
        return null;
      case 'list-references':
        return listReferences();
      case 'export-references':
        return exportReferences();
      case 'import-references':
        return importReferences(msg.docs);
      case 'get-selection-result':
        return getSelectionState();
      case 'library-pack':
        return libraryPack(msg);
      case 'list-checked-tabs': {
        const out: CheckedTab[] = [];
        for (const [tabId, s] of await allTabStates()) {
          if (s.status === 'checked' || s.status === 'error') out.push({ tabId, title: s.title, url: s.url });
        }
        return out;
      }
    }
  },
};

/** Asks the tab's content script for the article it extracted; the reply is validated like a message. */
async function articleFromTab(tabId: number) {
  const reply = await sendToTab(tabId, { type: 'get-article' });
  if (!reply.ok || !reply.value) throw new Error(reply.ok ? 'no article on this page' : reply.error);
  const a: ArticleReply = reply.value;
  const check = parseMessage({ type: 'page-check', url: a.url, title: a.title, text: a.text, byline: null, siteName: a.siteName, fullLoad: false, partial: false });
  if (!check.ok) throw new Error(check.reason);
  return { title: a.title, text: a.text, source: a.siteName ?? new URL(a.url).hostname, url: a.url, date: null };
}

/** The banner's "Details": the real popup where the browser allows it, else the popup page in a small window. */
async function openDetails(tabId: number): Promise<void> {
  const action = ext().action;
  try {
    await action.openPopup();
    return;
  } catch {
    // Firefox requires a user gesture in the worker itself; older Chrome lacks openPopup.
  }
  await ext().windows.create({
    url: ext().runtime.getURL(`src/popup/index.html?tab=${tabId}`),
    type: 'popup',
    width: 440,
    height: 640,
  });
}
