/** Checks one page's article for its tab: engine verdict, stored state, badge, and learning. */
import type { CheckResult } from '../core/types.ts';
import { neutralise, neutraliseDeep } from '../core/text/bidi.ts';
import { warns } from '../core/vocabulary.ts';
import { isTrustedUrl, siteKeyForUrl } from '../shared/sites/domains.ts';
import type { ContentMessage, PageCheckReply } from '../shared/protocol/messages.ts';
import { errorText } from '../shared/protocol/messaging.ts';
import { getTabState, isDismissed, loadSettings, setTabState } from '../shared/storage/storage.ts';
import { storedResult, type TabState } from '../shared/protocol/state.ts';
import { showBadge } from './badge.ts';
import { getEngine } from './library/library.ts';
import { learnFromPage } from './library/references.ts';

type PageCheck = Extract<ContentMessage, { type: 'page-check' }>;

/** Longer than a content script keeps resending a check (3 attempts of at most a minute each). */
export const CHECK_ABANDONED_MS = 5 * 60_000;

export async function checkPage(tabId: number, msg: PageCheck): Promise<PageCheckReply> {
  const settings = await loadSettings();
  // The title is shown in the popup's sentences too: no bidi control of the page's may turn them around.
  const title = neutralise(msg.title);
  const trusted = isTrustedUrl(msg.url, settings.trustedSites);
  const checking: TabState = { status: 'checking', url: msg.url, title, at: Date.now() };
  await store(tabId, checking);

  let state: TabState;
  try {
    const engine = await getEngine();
    const page = { text: msg.text, title: msg.title, url: msg.url, trusted, trustedUrl: (url: string) => isTrustedUrl(url, settings.trustedSites) };
    await engine.prepare(page, { sensitivity: settings.sensitivity });
    // Page and reference text reaches the popup's sentences: no bidi control in it may turn them around.
    const result: CheckResult = storedResult(neutraliseDeep(engine.check(page, { sensitivity: settings.sensitivity })));
    state = {
      status: 'checked',
      url: msg.url,
      title,
      at: Date.now(),
      result,
      trusted,
      site: siteKeyForUrl(msg.url),
      textLength: msg.text.length,
      partial: msg.partial,
    };
  } catch (e) {
    // The engine failing (or not being there yet) is reported, never thrown out of the worker.
    state = { status: 'error', url: msg.url, title, at: Date.now(), error: errorText(e) };
  }
  await store(tabId, state);
  await showBadge(tabId, state);

  if (trusted && settings.learnFromTrusted && msg.fullLoad && state.status === 'checked') {
    await learnFromPage(msg, settings).catch((e: unknown) => console.warn('Spinscope: could not learn from page', e));
  }

  const banner =
    state.status === 'checked' &&
    warns(state.result.verdict) &&
    settings.bannersEnabled &&
    !(await isDismissed(msg.url));
  return { state, banner };
}

export async function recordStatus(tabId: number, url: string, status: 'not-article' | 'skipped'): Promise<void> {
  const state: TabState = { status, url, at: Date.now() };
  await store(tabId, state);
  await showBadge(tabId, state);
}

/** States whose write failed, kept while this worker lives so the popup still gets them. */
const unstored = new Map<number, TabState>();

/**
 * A write that fails (the session area full) must not cost the page its answer or the tab its badge:
 * the state is kept in memory instead, and what the popup asks for is looked up there too.
 */
async function store(tabId: number, state: TabState): Promise<void> {
  try {
    await setTabState(tabId, state);
    unstored.delete(tabId);
  } catch (e) {
    unstored.set(tabId, state);
    console.warn('Spinscope: could not store the state of tab', tabId, errorText(e));
  }
}

export function forgetUnstored(tabId: number): void {
  unstored.delete(tabId);
}

export async function tabStateOf(tabId: number): Promise<TabState | null> {
  return unstored.get(tabId) ?? (await getTabState(tabId));
}

/**
 * A "checking" state outlives its check when the worker was stopped before storing the result and no
 * resend finished it; past the resend window it is reported as interrupted instead of pending forever.
 */
export function settledState(state: TabState | null, now: number): TabState | null {
  if (state?.status !== 'checking' || now - state.at < CHECK_ABANDONED_MS) return state;
  return { status: 'error', url: state.url, title: state.title, at: state.at, error: 'the check was interrupted; reload the page to check it again' };
}
