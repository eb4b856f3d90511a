/**
 * Typed access to extension storage. Settings live in storage.local under one key; per-tab results
 * in storage.session (kept while the browser runs, gone when it closes); dismissed pages in
 * storage.local as hashes so the list of pages read is not kept in clear.
 */
import { ext } from '../browser/browser.ts';
import { parseSettings, type Settings } from './settings.ts';
import type { SelectionState, TabState } from '../protocol/state.ts';

const SETTINGS_KEY = 'settings';
export const SETTINGS_SET_ASIDE_KEY = 'settings-set-aside';
const DISMISSED_KEY = 'dismissed';
const LEARNED_KEY = 'learned';
const SELECTION_KEY = 'selection';
const TAB_PREFIX = 'tab:';
/** Dismissals remembered; the oldest are forgotten first. */
const MAX_DISMISSED = 500;

export async function loadSettings(): Promise<Settings> {
  const stored = (await ext().storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = parseSettings(stored);
  if (parsed.changed) {
    // Write the repaired/migrated value back so every context reads the same thing next time; a
    // damaged value is kept beside it, so what was dropped can still be looked at.
    const items: Record<string, unknown> = { [SETTINGS_KEY]: parsed.settings };
    if (parsed.problems.length) {
      console.warn('Spinscope: stored settings repaired:', parsed.problems);
      items[SETTINGS_SET_ASIDE_KEY] = { value: stored ?? null, problems: parsed.problems, at: Date.now() };
    }
    await ext().storage.local.set(items).catch(() => undefined);
  }
  return parsed.settings;
}

/** Read-modify-write; the updater gets a valid value even if storage held garbage. */
/** How a page changes settings: a function of the current ones, applied to what is stored (see updateSettings). */
export type SettingsUpdate = (update: (current: Settings) => Settings) => Promise<void>;

export async function updateSettings(update: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(update(await loadSettings())).settings;
  await ext().storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls back with the new, validated settings whenever any context changes them. Returns an unsubscribe. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    callback(parseSettings(changes[SETTINGS_KEY]?.newValue).settings);
  };
  ext().storage.onChanged.addListener(listener);
  return () => ext().storage.onChanged.removeListener(listener);
}

// ---- per-tab state (session) ----------------------------------------------------------------

export async function getTabState(tabId: number): Promise<TabState | null> {
  const key = TAB_PREFIX + tabId;
  const v = (await ext().storage.session.get(key))[key];
  return isTabState(v) ? v : null;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await ext().storage.session.set({ [TAB_PREFIX + tabId]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  await ext().storage.session.remove(TAB_PREFIX + tabId);
}

export async function allTabStates(): Promise<Map<number, TabState>> {
  const all = await ext().storage.session.get(null);
  const out = new Map<number, TabState>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(TAB_PREFIX) || !isTabState(value)) continue;
    const id = Number(key.slice(TAB_PREFIX.length));
    if (Number.isSafeInteger(id)) out.set(id, value);
  }
  return out;
}

/** Calls back when the given tab's state changes (the popup updates from "checking" to the result). */
export function onTabStateChanged(tabId: number, callback: (state: TabState | null) => void): () => void {
  const key = TAB_PREFIX + tabId;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'session' || !(key in changes)) return;
    const v = changes[key]?.newValue;
    callback(isTabState(v) ? v : null);
  };
  ext().storage.onChanged.addListener(listener);
  return () => ext().storage.onChanged.removeListener(listener);
}

function isTabState(v: unknown): v is TabState {
  return typeof v === 'object' && v !== null && typeof (v as TabState).status === 'string' && typeof (v as TabState).url === 'string';
}

// ---- context-menu selection result (session) ----------------------------------------------

export async function getSelectionState(): Promise<SelectionState | null> {
  const v = (await ext().storage.session.get(SELECTION_KEY))[SELECTION_KEY];
  return typeof v === 'object' && v !== null ? (v as SelectionState) : null;
}

export async function setSelectionState(state: SelectionState): Promise<void> {
  await ext().storage.session.set({ [SELECTION_KEY]: state });
}

// ---- dismissed banners (local, hashed) --------------------------------------------------------

export async function isDismissed(url: string): Promise<boolean> {
  const list = await readDismissed();
  return list.includes(await pageKey(url));
}

export async function addDismissed(url: string): Promise<void> {
  const key = await pageKey(url);
  const list = (await readDismissed()).filter((k) => k !== key);
  list.push(key);
  await ext().storage.local.set({ [DISMISSED_KEY]: list.slice(-MAX_DISMISSED) });
}

async function readDismissed(): Promise<string[]> {
  const v = (await ext().storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A page is its URL without the fragment; stored as a truncated SHA-256. */
export async function pageKey(url: string): Promise<string> {
  const bare = url.split('#')[0] ?? url;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(bare));
  return Array.from(new Uint8Array(digest).slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- what was learned from trusted sites (local) ------------------------------------------------

/** One article learned: the site it was learned from and the reference it became. */
export interface LearnedEntry {
  site: string;
  id: string;
}

/** Every article learned so far, oldest first; the caps in the settings are counted against it. */
export async function loadLearned(): Promise<LearnedEntry[]> {
  const v = (await ext().storage.local.get(LEARNED_KEY))[LEARNED_KEY];
  if (!Array.isArray(v)) return [];
  return v.filter((e): e is LearnedEntry => typeof e === 'object' && e !== null && typeof e.site === 'string' && typeof e.id === 'string');
}

export async function addLearned(entry: LearnedEntry, max: number): Promise<void> {
  const list = await loadLearned();
  list.push(entry);
  await ext().storage.local.set({ [LEARNED_KEY]: list.slice(-max) });
}
