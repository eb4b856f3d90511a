/** The context-menu item: check the selected text and show the result in a small popup window. */
import type { Menus, Tabs } from 'webextension-polyfill';
import { neutralise, neutraliseDeep } from '../core/text/bidi.ts';
import { ext } from '../shared/browser/browser.ts';
import { t } from '../shared/browser/i18n.ts';
import { MAX_TEXT } from '../shared/protocol/messages.ts';
import { errorText } from '../shared/protocol/messaging.ts';
import { loadSettings, setSelectionState } from '../shared/storage/storage.ts';
import type { SelectionState } from '../shared/protocol/state.ts';
import { getEngine } from './library/library.ts';

export const MENU_ID = 'spinscope-check-selection';

/** Menus persist in Chrome but not always in Firefox: recreate on install and on browser start. */
export async function createMenu(): Promise<void> {
  const menus = ext().contextMenus;
  await menus.removeAll();
  menus.create({ id: MENU_ID, title: t('menuCheckSelection'), contexts: ['selection'] });
}

export async function onMenuClicked(info: Menus.OnClickData, _tab?: Tabs.Tab): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const text = (info.selectionText ?? '').slice(0, MAX_TEXT).trim();
  if (!text) return;
  const state: SelectionState = {
    at: Date.now(),
    pageUrl: typeof info.pageUrl === 'string' ? info.pageUrl : null,
    excerpt: neutralise(text.split(/\s+/).slice(0, 24).join(' ')),
    textLength: text.length,
    result: null,
    error: null,
  };
  try {
    const settings = await loadSettings();
    const engine = await getEngine();
    const page = { text, url: state.pageUrl ?? undefined };
    await engine.prepare(page, { sensitivity: settings.sensitivity });
    state.result = neutraliseDeep(engine.check(page, { sensitivity: settings.sensitivity }));
  } catch (e) {
    state.error = errorText(e);
  }
  await setSelectionState(state);
  await ext().windows.create({
    url: ext().runtime.getURL('src/popup/index.html?view=selection'),
    type: 'popup',
    width: 440,
    height: 640,
  });
}
