/**
 * The swaps side by side under "Original" and "On this page", the swapped words marked in the colour the
 * page's highlights use, with a button that marks them in the page. When the reference is the spun side,
 * the page holds the original words: the columns then read "On this page" (the original) and "In the spun
 * copy". The first rows show at once; "Show all" opens the rest.
 */
import { useState } from 'preact/hooks';
import type { Substitution } from '../core/types.ts';
import { t } from '../shared/browser/i18n.ts';
import { sendToTab } from '../shared/protocol/messaging.ts';

/** Rows shown before "Show all": enough to see the pattern at a glance. */
const FIRST_ROWS = 8;

interface Props {
  substitutions: Substitution[];
  tabId: number | null;
  /** The page is the original and the reference its spun copy. */
  pageIsOriginal?: boolean;
}

export function SubstitutionList({ substitutions, tabId, pageIsOriginal = false }: Props) {
  const [status, setStatus] = useState('');
  const [all, setAll] = useState(false);

  const showOnPage = async (): Promise<void> => {
    if (tabId === null) return;
    setStatus(t('popupHighlighting'));
    const reply = await sendToTab(tabId, { type: 'highlight', spans: substitutions.slice(0, 2000).map((s) => s.pageSpan) });
    setStatus(reply.ok ? t('popupHighlighted', String(reply.value.found)) : t('popupHighlightFailed'));
  };

  const [before, after] = pageIsOriginal ? [t('popupColumnPage'), t('popupColumnSpunCopy')] : [t('popupColumnOriginal'), t('popupColumnPage')];
  const rows = all ? substitutions : substitutions.slice(0, FIRST_ROWS);
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
      <table class="subs" aria-labelledby="subs-heading">
        <thead>
          <tr>
            <th scope="col">{before}</th>
            <th scope="col">{after}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s, i) => (
            <tr key={i} data-testid="substitution">
              <td class="original-phrase">
                <bdi>{pageIsOriginal ? s.page : s.reference}</bdi>
              </td>
              <td>
                <mark class="swapped-phrase">
                  <bdi>{pageIsOriginal ? s.reference : s.page}</bdi>
                </mark>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {substitutions.length > FIRST_ROWS && (
        <button type="button" class="link" data-testid="show-all-substitutions" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('popupShowFewer') : t('popupShowAll', String(substitutions.length))}
        </button>
      )}
      <p class="muted small" role="status">
        {status}
      </p>
    </section>
  );
}
