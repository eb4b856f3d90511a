/**
 * Import and export of trusted sites. Imported sites are added to the stored ones (nothing stored is
 * lost); each invalid line is listed with its reason and the valid lines are kept. Shared platforms in an
 * import wait for the reader's confirmation, as when one is typed in: a file must not trust them silently.
 */
import { useState } from 'preact/hooks';
import { mergeDomains } from '../shared/sites/domains.ts';
import { isSharedPlatform } from '../shared/sites/platforms.ts';
import { t } from '../shared/browser/i18n.ts';
import { exportSitesJson, exportSitesText, parseSiteImport, type ImportError } from '../shared/sites/site-import.ts';
import type { SettingsUpdate } from '../shared/storage/storage.ts';
import { download, readFileText } from './download.ts';
import { PlatformConfirm } from './PlatformConfirm.tsx';
import { domainErrorText } from './SiteListEditor.tsx';

export function TrustedImport({ sites, update }: { sites: string[]; update: SettingsUpdate }) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<{ added: number; errors: ImportError[] } | null>(null);
  const [platforms, setPlatforms] = useState<string[]>([]);

  const trust = async (list: readonly string[]): Promise<number> => {
    let added = 0;
    await update((s) => {
      const merged = mergeDomains(s.trustedSites, list);
      added = merged.length - s.trustedSites.length;
      return { ...s, trustedSites: merged };
    });
    return added;
  };

  const importText = async (input: string): Promise<void> => {
    const parsed = parseSiteImport(input);
    const held = parsed.sites.filter((site) => isSharedPlatform(site) && !sites.includes(site));
    const added = await trust(parsed.sites.filter((site) => !held.includes(site)));
    setPlatforms(held);
    setReport({ added, errors: parsed.errors });
  };

  const answer = async (yes: boolean): Promise<void> => {
    const added = yes ? await trust(platforms) : 0;
    setPlatforms([]);
    setReport((r) => (r ? { ...r, added: r.added + added } : r));
  };

  const onFile = async (e: Event): Promise<void> => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      await importText(await readFileText(file, 2_000_000));
    } catch {
      setReport({ added: 0, errors: [{ line: 0, text: file.name, reason: 'not-text' }] });
    }
    input.value = '';
  };

  return (
    <div class="import">
      <h3>{t('trustedImportExport')}</h3>
      <div class="import-body">
        <label class="field">
          <span>{t('trustedImportFile')}</span>
          <input type="file" accept=".txt,.json,text/plain,application/json" data-testid="import-trusted" onChange={(e) => void onFile(e)} />
        </label>
        <label class="field" for="import-trusted-text">
          <span>{t('trustedImportPaste')}</span>
        </label>
        <textarea
          id="import-trusted-text"
          data-testid="import-trusted-text"
          rows={4}
          value={text}
          placeholder={'example.com\nnews.example.org'}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="row">
          <button type="button" data-testid="import-trusted-button" disabled={!text.trim()} onClick={() => void importText(text).then(() => setText(''))}>
            {t('trustedImportButton')}
          </button>
          <button type="button" disabled={!sites.length} onClick={() => download('spinscope-trusted-sites.txt', exportSitesText(sites), 'text/plain')}>
            {t('exportText')}
          </button>
          <button type="button" disabled={!sites.length} onClick={() => download('spinscope-trusted-sites.json', exportSitesJson(sites), 'application/json')}>
            {t('exportJson')}
          </button>
        </div>
        {platforms.length > 0 && (
          <PlatformConfirm
            name="import-platform"
            warning={t('trustPlatformWarning', platforms.join(', '))}
            sites={platforms.join(', ')}
            onAnswer={(yes) => void answer(yes)}
          />
        )}
        {report && (
          <div role="status">
            <p>{t('trustedImportResult', [String(report.added), String(report.errors.length)])}</p>
            {report.errors.length > 0 && (
              <ul class="import-report" data-testid="import-report">
                {report.errors.map((err, i) => (
                  <li key={i}>{t('importLineError', [String(err.line), err.text, domainErrorText(err.reason)])}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
