/** Scraper and auto-publishing boilerplate found in the page, each with its rule's explanation. */
import type { BoilerplateHit } from '../core/types.ts';
import { t } from '../shared/i18n.ts';

export function BoilerplateList({ hits }: { hits: BoilerplateHit[] }) {
  return (
    <section class="card" aria-labelledby="bp-heading">
      <h3 id="bp-heading">{t('popupBoilerplate', String(hits.length))}</h3>
      <ul class="boilerplate">
        {hits.map((h, i) => (
          <li key={i} data-testid="boilerplate">
            <q>{h.text.length > 160 ? h.text.slice(0, 159) + '…' : h.text}</q>
            <span class="muted small">{h.explanation}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
