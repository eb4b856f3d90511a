/** The reference library: bundled and the user's own, searchable; the user's can be removed and exported. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { Reply } from '../shared/messages.ts';
import { sendToWorker } from '../shared/messaging.ts';
import type { ReferenceSummary } from '../shared/state.ts';
import { AddReference } from './AddReference.tsx';
import { download, readFileText } from './download.ts';
import { importStatus, libraryErrorText, unreadableText } from './library-status.ts';
import { exportReferencesJson, parseReferenceJson } from './reference-files.ts';

const SHOWN = 200;

export function ReferenceLibrary() {
  const [refs, setRefs] = useState<ReferenceSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [unreadable, setUnreadable] = useState(0);

  const reload = async (): Promise<void> => {
    const reply = await sendToWorker({ type: 'list-references' });
    if (reply.ok) {
      setRefs(reply.value.references);
      setUnreadable(reply.value.unreadable);
    } else setStatus(libraryErrorText(reply.error));
  };
  useEffect(() => void reload(), []);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = refs ?? [];
    return q ? all.filter((r) => `${r.title} ${r.source} ${r.url ?? ''}`.toLowerCase().includes(q)) : all;
  }, [refs, query]);

  const remove = async (r: ReferenceSummary): Promise<void> => {
    const reply = await sendToWorker({ type: 'remove-reference', id: r.id });
    setStatus(reply.ok ? t('libraryRemoved', r.title) : libraryErrorText(reply.error));
    await reload();
  };

  const exportAll = async (): Promise<void> => {
    const reply = await sendToWorker({ type: 'export-references' });
    if (reply.ok) download('spinscope-references.json', exportReferencesJson(reply.value), 'application/json');
    else setStatus(libraryErrorText(reply.error));
  };

  const importFile = async (e: Event): Promise<void> => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const parsed = parseReferenceJson(await readFileText(file));
      const reply: Reply<'import-references'> = parsed.docs.length
        ? await sendToWorker({ type: 'import-references', docs: parsed.docs })
        : { ok: true, value: { added: 0, errors: [], storageFull: 0 } };
      setStatus(importStatus(parsed.errors, reply));
    } catch (err) {
      setStatus(t('libraryError', err instanceof Error ? err.message : String(err)));
    }
    await reload();
  };

  const userCount = refs?.filter((r) => r.origin === 'user').length ?? 0;

  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading">{t('libraryHeading')}</h2>
      <p class="muted">{t('libraryHelp', [String(refs ? refs.length - userCount : 0), String(userCount)])}</p>
      {unreadable > 0 && (
        <p class="error" role="alert" data-testid="library-unreadable">
          {unreadableText(unreadable)}
        </p>
      )}
      <AddReference onAdded={(msg) => void reload().then(() => setStatus(msg))} />
      <div class="row">
        <label for="reference-search" class="visually-hidden">
          {t('librarySearch')}
        </label>
        <input
          id="reference-search"
          type="search"
          data-testid="reference-search"
          placeholder={t('librarySearch')}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="button" disabled={!userCount} onClick={() => void exportAll()}>
          {t('libraryExport')}
        </button>
        <label class="file-button">
          <span>{t('libraryImport')}</span>
          <input type="file" accept=".json,application/json" data-testid="import-references" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      <p class="muted small" role="status">
        {status}
      </p>
      {refs === null ? (
        <p class="muted">{t('popupLoading')}</p>
      ) : filtered.length === 0 ? (
        <p class="muted">{t('libraryEmpty')}</p>
      ) : (
        <ul class="references" aria-label={t('libraryHeading')}>
          {filtered.slice(0, SHOWN).map((r) => (
            <li key={r.id} data-testid="reference-item">
              <div class="ref-main">
                <span class="ref-title">{r.title || t('libraryUntitled')}</span>
                <span class="muted small">
                  {[r.source, r.date, t('libraryWords', String(r.words))].filter(Boolean).join(' · ')}
                </span>
              </div>
              <span class={`chip ${r.origin === 'user' ? 'tone-blue' : 'tone-grey'}`}>
                {r.origin === 'user' ? t('libraryYours') : t('libraryBundled')}
              </span>
              {r.origin === 'user' && (
                <button type="button" aria-label={t('siteRemoveLabel', r.title)} onClick={() => void remove(r)}>
                  {t('siteRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {filtered.length > SHOWN && <p class="muted small">{t('libraryMore', String(filtered.length - SHOWN))}</p>}
    </section>
  );
}
