/** Banner on/off, sensitivity, and learning from trusted sources. */
import type { Sensitivity } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { SENSITIVITIES, type Settings } from '../shared/settings.ts';
import type { SettingsUpdate } from './App.tsx';

export function WarningsSection({ settings, update }: { settings: Settings; update: SettingsUpdate }) {
  return (
    <section aria-labelledby="warnings-heading">
      <h2 id="warnings-heading">{t('warningsHeading')}</h2>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="banner-toggle"
          checked={settings.bannersEnabled}
          onChange={(e) => void update((s) => ({ ...s, bannersEnabled: (e.currentTarget as HTMLInputElement).checked }))}
        />
        <span>{t('bannerToggle')}</span>
      </label>
      <p class="muted small indent">{t('bannerToggleHelp')}</p>
      <div class="field-row">
        <label for="sensitivity">{t('sensitivityLabel')}</label>
        <select
          id="sensitivity"
          data-testid="sensitivity"
          value={settings.sensitivity}
          onChange={(e) => void update((s) => ({ ...s, sensitivity: (e.currentTarget as HTMLSelectElement).value as Sensitivity }))}
          aria-describedby="sensitivity-help"
        >
          {SENSITIVITIES.map((v) => (
            <option key={v} value={v}>
              {t(`sensitivity_${v}`)}
            </option>
          ))}
        </select>
      </div>
      <p id="sensitivity-help" class="muted small">
        {t('sensitivityHelp')}
      </p>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="learn-toggle"
          checked={settings.learnFromTrusted}
          onChange={(e) => void update((s) => ({ ...s, learnFromTrusted: (e.currentTarget as HTMLInputElement).checked }))}
        />
        <span>{t('learnToggle')}</span>
      </label>
      <p class="muted small indent">{t('learnHelp')}</p>
    </section>
  );
}
