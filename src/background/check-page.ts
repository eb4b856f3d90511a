/** Checks one page's article for its tab: engine verdict, stored state, badge, and learning. */
import type { CheckResult } from '../core/types.ts';
import { neutraliseDeep } from '../shared/bidi.ts';
import { isTrustedUrl, siteKeyForUrl } from '../shared/domains.ts';
import type { ContentMessage, PageCheckReply } from '../shared/messages.ts';
import { errorText } from '../shared/messaging.ts';
import { isDismissed, loadSettings, setTabState } from '../shared/storage.ts';
import { isWarning, type TabState } from '../shared/state.ts';
import { showBadge } from './badge.ts';
import { getEngine } from './library.ts';
import { learnFromPage } from './references.ts';

type PageCheck = Extract<ContentMessage, { type: 'page-check' }>;

/** Longer than a content script keeps resending a check (3 attempts of at most a minute each). */
export const CHECK_ABANDONED_MS = 5 * 60_000;

export async function checkPage(tabId: number, msg: PageCheck): Promise<PageCheckReply> {
  const settings = await loadSettings();
  const trusted = isTrustedUrl(msg.url, settings.trustedSites);
  const checking: TabState = { status: 'checking', url: msg.url, title: msg.title, at: Date.now() };
  await setTabState(tabId, checking);

  let state: TabState;
  try {
    const engine = await getEngine();
    // Page and reference text reaches the popup's sentences: no bidi control in it may turn them around.
    const result: CheckResult = neutraliseDeep(
      engine.check({ text: msg.text, title: msg.title, url: msg.url, trusted }, { sensitivity: settings.sensitivity }),
    );
    state = {
      status: 'checked',
      url: msg.url,
      title: msg.title,
      at: Date.now(),
      result,
      trusted,
      site: siteKeyForUrl(msg.url),
      textLength: msg.text.length,
    };
  } catch (e) {
    // The engine failing (or not being there yet) is reported, never thrown out of the worker.
    state = { status: 'error', url: msg.url, title: msg.title, at: Date.now(), error: errorText(e) };
  }
  await setTabState(tabId, state);
  await showBadge(tabId, state);

  if (trusted && settings.learnFromTrusted && msg.fullLoad && state.status === 'checked') {
    await learnFromPage(msg, settings).catch((e: unknown) => console.warn('Spinscope: could not learn from page', e));
  }

  const banner =
    state.status === 'checked' &&
    isWarning(state.result.verdict) &&
    settings.bannersEnabled &&
    !(await isDismissed(msg.url));
  return { state, banner };
}

export async function recordStatus(tabId: number, url: string, status: 'not-article' | 'skipped'): Promise<void> {
  const state: TabState = { status, url, at: Date.now() };
  await setTabState(tabId, state);
  await showBadge(tabId, state);
}

/**
 * A "checking" state outlives its check when the worker was stopped before storing the result and no
 * resend finished it; past the resend window it is reported as interrupted instead of pending forever.
 */
export function settledState(state: TabState | null, now: number): TabState | null {
  if (state?.status !== 'checking' || now - state.at < CHECK_ABANDONED_MS) return state;
  return { status: 'error', url: state.url, title: state.title, at: state.at, error: 'the check was interrupted; reload the page to check it again' };
}
