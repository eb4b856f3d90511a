import { t } from '../shared/browser/i18n.ts';

export function Privacy() {
  return (
    <section aria-labelledby="privacy-heading" class="privacy">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <p>{t('privacyText')}</p>
    </section>
  );
}
