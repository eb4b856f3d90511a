/**
 * What the reader can do about the tab: trust or untrust its site, add the article as a reference.
 * Trusting happens here, in the extension's own page, and only after a confirmation that names the
 * site and what trusting it silences: the page cannot cover or restyle this, as it could its banner.
 */
import { useEffect, useState } from 'preact/hooks';
import { hostOf, isTrustedUrl, mergeDomains, removeCovering } from '../shared/sites/domains.ts';
import { t } from '../shared/browser/i18n.ts';
import { sendToWorker } from '../shared/protocol/messaging.ts';
import { isSharedPlatform } from '../shared/sites/platforms.ts';
import { isIpOrLocal } from '../shared/sites/site-entry.ts';
import type { Settings } from '../shared/storage/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/storage/storage.ts';

export interface TabInfo {
  tabId: number;
  url: string;
  site: string | null;
}

/** `inLibrary`: the article is already one of the references, so it is not offered again. */
export function TabActions({ tab, inLibrary = false }: { tab: TabInfo; inLibrary?: boolean }) {
  const host = hostOf(tab.url);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [added, setAdded] = useState('');
  // Just trusted here: one click takes it back.
  const [justTrusted, setJustTrusted] = useState(false);

  useEffect(() => {
    if (!host) return;
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, [host]);

  const trusted = settings ? isTrustedUrl(tab.url, settings.trustedSites) : null;
  // An http page or an odd port is never trusted, so offering to trust it would be a switch that does nothing.
  const trustable = host !== null && tab.site !== null && isTrustedUrl(tab.url, [host]);

  const setTrust = async (on: boolean): Promise<void> => {
    setConfirming(false);
    if (!host || !tab.site) return;
    const site = tab.site;
    await updateSettings((s) => ({
      ...s,
      trustedSites: on ? mergeDomains(s.trustedSites, [site]) : removeCovering(s.trustedSites, host),
    }));
    setJustTrusted(on);
  };

  const addReference = async (): Promise<void> => {
    setAdded(t('popupAdding'));
    const reply = await sendToWorker({ type: 'add-reference-from-tab', tabId: tab.tabId });
    setAdded(reply.ok ? t('popupAdded') : t('popupAddFailed', reply.error));
  };

  return (
    <section class="card" aria-labelledby="site-heading">
      <h3 id="site-heading">{t('popupSiteHeading')}</h3>
      {trustable && tab.site && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="trust-toggle"
            checked={trusted === true || confirming}
            disabled={trusted === null}
            onChange={(e) => ((e.currentTarget as HTMLInputElement).checked ? setConfirming(true) : void setTrust(false))}
          />
          <span>{t('popupTrustSite', tab.site)}</span>
        </label>
      )}
      {confirming && tab.site && settings && <TrustConfirm site={tab.site} settings={settings} onAnswer={(yes) => (yes ? void setTrust(true) : setConfirming(false))} />}
      {!confirming && <p class="muted small">{trusted ? t('popupTrustedHelp') : trustable ? t('popupUntrustedHelp') : t('popupNotTrustable')}</p>}
      {justTrusted && trusted && tab.site && (
        <p class="small" role="status">
          {t('popupTrustedNow', tab.site)}{' '}
          <button type="button" class="link" data-testid="trust-undo" onClick={() => void setTrust(false)}>
            {t('undo')}
          </button>
        </p>
      )}
      {inLibrary ? (
        <p class="muted small" data-testid="already-reference">
          {t('popupAlreadyReference')}
        </p>
      ) : (
        <div class="row">
          <button type="button" data-testid="add-reference" onClick={() => void addReference()}>
            {t('popupAddReference')}
          </button>
          <span class="muted small" role="status">
            {added}
          </span>
        </div>
      )}
    </section>
  );
}

/** What trusting the site means, said before it is done; a shared platform gets a warning first. */
function TrustConfirm({ site, settings, onAnswer }: { site: string; settings: Settings; onAnswer(yes: boolean): void }) {
  const platform = isSharedPlatform(site);
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="trust-confirm-head" aria-describedby="trust-confirm-body" data-testid="trust-confirmation">
      <p id="trust-confirm-head" class="confirm-head">
        {t('trustConfirmHead', site)}
      </p>
      <div id="trust-confirm-body">
        <p class="small">{t(isIpOrLocal(site) ? 'trustConfirmSilencesLocal' : 'trustConfirmSilences', site)}</p>
        {settings.learnFromTrusted && <p class="small">{t('trustConfirmLearns', [site, String(settings.learnPerSite)])}</p>}
        {platform && (
          <p class="note tone-red small" data-testid="platform-warning">
            {t('trustPlatformWarning', site)}
          </p>
        )}
      </div>
      <div class="row">
        <button type="button" class={platform ? '' : 'primary'} data-testid="trust-confirm" onClick={() => onAnswer(true)}>
          {platform ? t('trustConfirmAnyway', site) : t('trustConfirmButton', site)}
        </button>
        <button type="button" class={platform ? 'primary' : ''} data-testid="trust-cancel" onClick={() => onAnswer(false)} ref={(el) => el?.focus()}>
          {t('trustCancel')}
        </button>
      </div>
    </div>
  );
}
