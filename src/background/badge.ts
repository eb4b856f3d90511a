/** The toolbar badge and tooltip for one tab. Only warnings get a badge; everything else clears it. */
import { VERDICT, VERDICTS, warningColours, type Verdict } from '../core/vocabulary.ts';
import { ext } from '../shared/browser/browser.ts';
import { percent, t } from '../shared/browser/i18n.ts';
import type { TabState } from '../shared/protocol/state.ts';

/** A warning's badge: its word on its tone's fill (the light scheme's: the toolbar follows no scheme). */
export function badgeFor(verdict: Verdict): { text: string; color: string; textColor: string } | undefined {
  const colours = warningColours(verdict);
  return colours ? { text: VERDICTS[verdict].badge, color: colours.fill, textColor: colours.onFill } : undefined;
}

export async function showBadge(tabId: number, state: TabState | null): Promise<void> {
  const action = ext().action;
  const badge = state?.status === 'checked' ? badgeFor(state.result.verdict) : undefined;
  try {
    await action.setBadgeText({ tabId, text: badge?.text ?? '' });
    await action.setTitle({ tabId, title: tooltip(state) });
    if (badge) {
      await action.setBadgeBackgroundColor({ tabId, color: badge.color });
      // Not in every browser version; the default text colour is acceptable there.
      await action.setBadgeTextColor?.({ tabId, color: badge.textColor }).catch(() => undefined);
    }
  } catch {
    // The tab closed while we were checking: nothing to show.
  }
}

/** One line, e.g. "Spinscope: spun copy of “Title” (82% confidence)". */
export function tooltip(state: TabState | null): string {
  if (!state) return t('extName');
  switch (state.status) {
    case 'checking':
      return t('tooltipChecking');
    case 'not-article':
      return t('tooltipNotArticle');
    case 'skipped':
      return t('tooltipSkipped');
    case 'error':
      return t('tooltipError');
    case 'checked': {
      const r = state.result;
      const title = r.match?.title ?? '';
      const key = r.verdict === VERDICT.spun && !title ? 'tooltipSpun' : VERDICTS[r.verdict].tooltip;
      return t(key, [truncate(title, 60), percent(r.confidence)]);
    }
  }
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
