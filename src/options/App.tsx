/** The options page: trusted sources, warnings, the reference library, and what stays private. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/browser/i18n.ts';
import { isSharedPlatform } from '../shared/sites/platforms.ts';
import type { Settings } from '../shared/storage/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings, type SettingsUpdate } from '../shared/storage/storage.ts';
import { PackSection } from './PackSection.tsx';
import { Privacy } from './Privacy.tsx';
import { ReferenceLibrary } from './ReferenceLibrary.tsx';
import { SiteListEditor } from './SiteListEditor.tsx';
import { TrustedImport } from './TrustedImport.tsx';
import { WarningsSection } from './WarningsSection.tsx';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);

  const update: SettingsUpdate = async (fn) => {
    setSettings(await updateSettings(fn));
  };

  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>
      {!settings ? (
        <p role="status">{t('popupLoading')}</p>
      ) : (
        <>
          <section aria-labelledby="trusted-heading">
            <h2 id="trusted-heading">{t('trustedHeading')}</h2>
            <p class="muted">{t('trustedHelp')}</p>
            <SiteListEditor
              sites={settings.trustedSites}
              testid="trusted"
              label={t('trustedInputLabel')}
              onChange={(sites) => update((s) => ({ ...s, trustedSites: sites }))}
              warn={(site) => (isSharedPlatform(site) ? t('trustPlatformWarning', site) : null)}
            />
            <TrustedImport sites={settings.trustedSites} update={update} />
          </section>
          <WarningsSection settings={settings} update={update} />
          <section aria-labelledby="skipped-heading">
            <h2 id="skipped-heading">{t('skippedHeading')}</h2>
            <p class="muted">{t('skippedHelp')}</p>
            <SiteListEditor
              sites={settings.skippedSites}
              testid="skipped"
              label={t('skippedInputLabel')}
              onChange={(sites) => update((s) => ({ ...s, skippedSites: sites }))}
            />
          </section>
          <ReferenceLibrary />
          <PackSection />
          <Privacy />
        </>
      )}
    </main>
  );
}
