/** What the reader can do about the tab: trust or untrust its site, add the article as a reference. */
import { useEffect, useState } from 'preact/hooks';
import { hostOf, isHostListed, mergeDomains, removeCovering } from '../shared/domains.ts';
import { t } from '../shared/i18n.ts';
import { sendToWorker } from '../shared/messaging.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/storage.ts';

export interface TabInfo {
  tabId: number;
  url: string;
  site: string | null;
}

export function TabActions({ tab }: { tab: TabInfo }) {
  const host = hostOf(tab.url);
  const [trusted, setTrusted] = useState<boolean | null>(null);
  const [added, setAdded] = useState('');

  useEffect(() => {
    if (!host) return;
    void loadSettings().then((s) => setTrusted(isHostListed(host, s.trustedSites)));
    return onSettingsChanged((s) => setTrusted(isHostListed(host, s.trustedSites)));
  }, [host]);

  const toggleTrust = async (on: boolean): Promise<void> => {
    if (!host || !tab.site) return;
    const site = tab.site;
    await updateSettings((s) => ({
      ...s,
      trustedSites: on ? mergeDomains(s.trustedSites, [site]) : removeCovering(s.trustedSites, host),
    }));
  };

  const addReference = async (): Promise<void> => {
    setAdded(t('popupAdding'));
    const reply = await sendToWorker({ type: 'add-reference-from-tab', tabId: tab.tabId });
    setAdded(reply.ok ? t('popupAdded') : t('popupAddFailed', reply.error));
  };

  return (
    <section class="card" aria-labelledby="site-heading">
      <h3 id="site-heading">{t('popupSiteHeading')}</h3>
      {host && tab.site && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="trust-toggle"
            checked={trusted === true}
            disabled={trusted === null}
            onChange={(e) => void toggleTrust((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('popupTrustSite', tab.site)}</span>
        </label>
      )}
      <p class="muted small">{trusted ? t('popupTrustedHelp') : t('popupUntrustedHelp')}</p>
      <div class="row">
        <button type="button" data-testid="add-reference" onClick={() => void addReference()}>
          {t('popupAddReference')}
        </button>
        <span class="muted small" role="status">
          {added}
        </span>
      </div>
    </section>
  );
}
