/** What the worker does for each message; the router has already checked the sender and the shape. */
import { ext } from '../shared/browser/browser.ts';
import { sendToTab } from '../shared/protocol/messaging.ts';
import { addDismissed, allTabStates, getSelectionState } from '../shared/storage/storage.ts';
import type { CheckedTab, NewReference } from '../shared/protocol/state.ts';
import { checkPage, recordStatus, settledState, tabStateOf } from './check-page.ts';
import {
  addReference,
  exportReferences,
  importReferences,
  listReferences,
  removeReference,
} from './library/references.ts';
import { libraryPack } from './library/pack-library.ts';
import type { WorkerHandlers } from './router.ts';

export const handlers: WorkerHandlers = {
  'page-check': (msg, tabId) => checkPage(tabId, msg),
  'page-status': async (msg, tabId) => {
    await recordStatus(tabId, msg.url, msg.status);
    return null;
  },
  'page-dismiss': async (msg) => {
    await addDismissed(msg.url);
    return null;
  },
  'page-open-details': async (_msg, tabId) => {
    await openDetails(tabId);
    return null;
  },

  'get-tab-state': async (msg) => settledState(await tabStateOf(msg.tabId), Date.now()),
  'add-reference-from-tab': async (msg) => addReference(await articleFromTab(msg.tabId)),
  'add-reference': (msg) => addReference(msg.doc),
  'remove-reference': async (msg) => {
    if (!msg.id.startsWith('user-')) throw new Error('only your own references can be removed');
    await removeReference(msg.id);
    return null;
  },
  'list-references': () => listReferences(),
  'export-references': () => exportReferences(),
  'import-references': (msg) => importReferences(msg.docs),
  'get-selection-result': () => getSelectionState(),
  'library-pack': (msg) => libraryPack(msg),
  'list-checked-tabs': async () => {
    // A tab's state can outlive the tab for a moment (its removal is handled on another event): only open tabs count.
    const open = new Set((await ext().tabs.query({})).map((tab) => tab.id));
    const out: CheckedTab[] = [];
    for (const [tabId, s] of await allTabStates()) {
      if (open.has(tabId) && (s.status === 'checked' || s.status === 'error')) out.push({ tabId, title: s.title, url: s.url });
    }
    return out;
  },
};

/** Asks the tab's content script for the article it extracted (the reply is checked on receipt, see sendToTab). */
async function articleFromTab(tabId: number): Promise<NewReference> {
  const reply = await sendToTab(tabId, { type: 'get-article' });
  if (!reply.ok) throw new Error(reply.error);
  const a = reply.value;
  if (!a) throw new Error('no article on this page');
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
