/** The toolbar badge and tooltip for one tab. Only warnings get a badge; everything else clears it. */
import type { Verdict } from '../core/types.ts';
import { ext } from '../shared/browser.ts';
import { percent, t } from '../shared/i18n.ts';
import type { TabState } from '../shared/state.ts';

const BADGES: Partial<Record<Verdict, { text: string; color: string; textColor: string }>> = {
  spun: { text: 'SPUN', color: '#b3261e', textColor: '#ffffff' },
  'auto-published': { text: 'AUTO', color: '#f2a900', textColor: '#1f1f1f' },
  copy: { text: 'COPY', color: '#f2a900', textColor: '#1f1f1f' },
};

export async function showBadge(tabId: number, state: TabState | null): Promise<void> {
  const action = ext().action;
  const badge = state?.status === 'checked' ? BADGES[state.result.verdict] : undefined;
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
      const key =
        r.verdict === 'spun'
          ? title
            ? 'tooltipSpunOf'
            : 'tooltipSpun'
          : r.verdict === 'copy'
            ? 'tooltipCopyOf'
            : r.verdict === 'auto-published'
              ? 'tooltipAuto'
              : r.verdict === 'related'
                ? 'tooltipRelated'
                : 'tooltipClean';
      return t(key, [truncate(title, 60), percent(r.confidence)]);
    }
  }
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
