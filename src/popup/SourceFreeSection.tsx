/** The page's own marks of machine rewording, each with what fluent English would say instead. */
import type { RewriteArtefact, SourceFreeReport } from '../core/types.ts';
import { t } from '../shared/i18n.ts';

/** Marks listed at most: the evidence is in the first few, more only repeat their kinds. */
const SHOWN = 8;

function artefactText(a: RewriteArtefact): string {
  switch (a.kind) {
    case 'foreign-word':
      return t('artefactForeignWord', a.text);
    case 'broken-quote':
      return t('artefactBrokenQuote', a.text);
    case 'quotation-dash':
      return t('artefactQuotationDash', a.text);
    case 'two-spellings':
      return t('artefactTwoSpellings', [a.other ?? '', a.text]);
    case 'lower-case-name':
      return t('artefactLowerCaseName', a.text);
  }
}

export function SourceFreeSection({ report }: { report: SourceFreeReport }) {
  const lines = [
    ...report.tortured.map((h) => t('popupTortured', [h.text, h.likely])),
    ...report.artefacts.map(artefactText),
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
