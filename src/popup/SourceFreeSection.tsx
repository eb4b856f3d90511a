/** The page's own marks of machine rewording, each with what fluent English would say instead. */
import { artefactText, torturedText } from '../core/source-free/finding-text.ts';
import type { SourceFreeReport } from '../core/types.ts';
import { t } from '../shared/browser/i18n.ts';

/** Marks listed at most: the evidence is in the first few, more only repeat their kinds. */
const SHOWN = 8;

export function SourceFreeSection({ report }: { report: SourceFreeReport }) {
  const lines = [
    ...report.tortured.map((h) => torturedText(h, t)),
    ...report.artefacts.map((a) => artefactText(a, t)),
  ];
  const distinct = [...new Set(lines)];
  return (
    <section class="card" aria-labelledby="marks-heading" data-testid="source-free">
      <h3 id="marks-heading">{t('popupSourceFreeHeading')}</h3>
      <p class="muted small">{report.opinion === 'reworded' ? t('popupSourceFreeStrong') : t('popupSourceFreeWeak')}</p>
      <ul class="marks">
        {distinct.slice(0, SHOWN).map((line, i) => (
          <li key={i} data-testid="source-free-mark">
            <bdi>{line}</bdi>
          </li>
        ))}
      </ul>
    </section>
  );
}
