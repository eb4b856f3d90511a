/** Banner on/off, sensitivity, and learning from trusted sources. */
import { useEffect, useState } from 'preact/hooks';
import { SENSITIVITIES, type Sensitivity } from '../core/vocabulary.ts';
import { loadLearned } from '../shared/storage/storage.ts';
import { t } from '../shared/browser/i18n.ts';
import type { Settings } from '../shared/storage/settings.ts';
import type { SettingsUpdate } from '../shared/storage/storage.ts';

export function WarningsSection({ settings, update }: { settings: Settings; update: SettingsUpdate }) {
  const [learned, setLearned] = useState<number | null>(null);
  useEffect(() => {
    void loadLearned().then((l) => setLearned(l.length));
  }, [settings]);
  return (
    <section aria-labelledby="warnings-heading">
      <h2 id="warnings-heading">{t('warningsHeading')}</h2>
      <SettingSwitch field="bannersEnabled" testId="banner-toggle" label={t('bannerToggle')} help={t('bannerToggleHelp')} settings={settings} update={update} />
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
      <SettingSwitch field="learnFromTrusted" testId="learn-toggle" label={t('learnToggle')} help={t('learnHelp')} settings={settings} update={update} />
      <p class="muted small indent" data-testid="learn-caps">
        {t('learnCaps', [String(settings.learnPerSite), String(settings.learnTotal), String(learned ?? '…')])}
      </p>
    </section>
  );
}

/** One on/off setting: a labelled switch with a line of help below it. */
function SettingSwitch({ field, testId, label, help, settings, update }: {
  field: 'bannersEnabled' | 'learnFromTrusted';
  testId: string;
  label: string;
  help: string;
  settings: Settings;
  update: SettingsUpdate;
}) {
  return (
    <>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid={testId}
          checked={settings[field]}
          onChange={(e) => void update((s) => ({ ...s, [field]: (e.currentTarget as HTMLInputElement).checked }))}
        />
        <span>{label}</span>
      </label>
      <p class="muted small indent">{help}</p>
    </>
  );
}
