/**
 * The reference library: bundled and the user's own, searchable; the user's can be removed (with a moment
 * to undo it) and exported. Each entry says what it is: an original, or a known spun or auto-published copy.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ROLE, ROLE_LABELS } from '../core/vocabulary.ts';
import { t } from '../shared/browser/i18n.ts';
import type { Reply } from '../shared/protocol/messages.ts';
import { sendToWorker } from '../shared/protocol/messaging.ts';
import type { ReferenceSummary } from '../shared/protocol/state.ts';
import { AddReference } from './AddReference.tsx';
import { download, readFileText } from './download.ts';
import { importStatus, libraryErrorText, unreadableText } from './library-status.ts';
import { exportReferencesJson, parseReferenceJson } from './reference-files.ts';

const SHOWN = 200;
/** How long a removal can be undone before it is carried out. */
const UNDO_MS = 8000;

export function ReferenceLibrary() {
  const [refs, setRefs] = useState<ReferenceSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [unreadable, setUnreadable] = useState(0);
  // A removal waits, hidden from the list, until the undo time has passed or the page is left.
  const [pending, setPending] = useState<ReferenceSummary | null>(null);
  const pendingRef = useRef<{ ref: ReferenceSummary; timer: ReturnType<typeof setTimeout> } | null>(null);

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
    const shown = pending ? all.filter((r) => r.id !== pending.id) : all;
    return q ? shown.filter((r) => `${r.title} ${r.source} ${r.url ?? ''}`.toLowerCase().includes(q)) : shown;
  }, [refs, query, pending]);

  const carryOut = async (r: ReferenceSummary): Promise<void> => {
    pendingRef.current = null;
    setPending(null);
    const reply = await sendToWorker({ type: 'remove-reference', id: r.id });
    setStatus(reply.ok ? t('libraryRemoved', r.title) : libraryErrorText(reply.error));
    await reload();
  };

  const remove = (r: ReferenceSummary): void => {
    if (pendingRef.current) {
      clearTimeout(pendingRef.current.timer);
      void carryOut(pendingRef.current.ref);
    }
    pendingRef.current = { ref: r, timer: setTimeout(() => void carryOut(r), UNDO_MS) };
    setPending(r);
    setStatus('');
  };

  const undo = (): void => {
    if (pendingRef.current) clearTimeout(pendingRef.current.timer);
    pendingRef.current = null;
    setPending(null);
  };

  // Leaving the page carries out a removal still waiting.
  useEffect(() => {
    const flush = () => {
      if (pendingRef.current) void sendToWorker({ type: 'remove-reference', id: pendingRef.current.ref.id });
    };
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, []);

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
      <p>{t('libraryWhat')}</p>
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
        {pending ? (
          <>
            {t('libraryRemoving', pending.title || t('libraryUntitled'))}{' '}
            <button type="button" class="link" data-testid="undo-remove" onClick={undo}>
              {t('undo')}
            </button>
          </>
        ) : (
          status
        )}
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
              <span class={`chip ${r.role === ROLE.original ? 'tone-grey' : 'tone-amber'}`} data-testid="reference-role">
                {roleLabel(r.role)}
              </span>
              {r.origin === 'user' && (
                <button type="button" aria-label={t('siteRemoveLabel', r.title)} onClick={() => remove(r)}>
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

/** What a reference is, in a word or two: the bundled ones are known bad copies, not originals. */
function roleLabel(role: ReferenceSummary['role']): string {
  return t(ROLE_LABELS[role].name);
}
