/**
 * Reference phrase → page phrase, side by side, with a button that marks them in the page. When the
 * reference is the spun side, the page holds the original words: the lines then read page → spun copy,
 * so the arrow still points from the original to what the spinner made of it.
 */
import { useState } from 'preact/hooks';
import type { Substitution } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { sendToTab } from '../shared/messaging.ts';

interface Props {
  substitutions: Substitution[];
  tabId: number | null;
  /** The page is the original and the reference its spun copy. */
  pageIsOriginal?: boolean;
}

export function SubstitutionList({ substitutions, tabId, pageIsOriginal = false }: Props) {
  const [status, setStatus] = useState('');

  const showOnPage = async (): Promise<void> => {
    if (tabId === null) return;
    setStatus(t('popupHighlighting'));
    const reply = await sendToTab(tabId, { type: 'highlight', spans: substitutions.slice(0, 2000).map((s) => s.pageSpan) });
    setStatus(reply.ok ? t('popupHighlighted', String(reply.value.found)) : t('popupHighlightFailed'));
  };

  return (
    <section class="card" aria-labelledby="subs-heading">
      <div class="card-head">
        <h3 id="subs-heading">{t('popupSubstitutions', String(substitutions.length))}</h3>
        {tabId !== null && (
          <button type="button" data-testid="show-on-page" onClick={() => void showOnPage()}>
            {t('popupShowOnPage')}
          </button>
        )}
      </div>
      <p class="visually-hidden">{pageIsOriginal ? t('popupSubstitutionsHelpOriginal') : t('popupSubstitutionsHelp')}</p>
      {/* Every pair is listed; a long list scrolls (and is focusable so the keyboard can scroll it). */}
      <ul class="subs" tabIndex={substitutions.length > 10 ? 0 : undefined} aria-labelledby="subs-heading">
        {substitutions.map((s, i) => (
          <li key={i} data-testid="substitution">
            <span class="original-phrase" title={pageIsOriginal ? t('popupPagePhrase') : t('popupReferencePhrase')}>
              {pageIsOriginal ? s.page : s.reference}
            </span>
            <span class="arrow" aria-label={t('popupBecame')}>
              →
            </span>
            <span class="swapped-phrase" title={pageIsOriginal ? t('popupSpunCopyPhrase') : t('popupPagePhrase')}>
              {pageIsOriginal ? s.reference : s.page}
            </span>
          </li>
        ))}
      </ul>
      <p class="muted small" role="status">
        {status}
      </p>
    </section>
  );
}
