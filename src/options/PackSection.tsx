/**
 * The library as a whole: how much is stored, the cap on learned references, a reference pack exported or
 * imported, and the stored references that were set aside as unreadable.
 */
import { useEffect, useState } from 'preact/hooks';
import { base64ToBytes, bytesToBase64 } from '../shared/protocol/base64.ts';
import { t } from '../shared/browser/i18n.ts';
import { LEARNED_CAPS } from '../shared/storage/library-limits.ts';
import { MAX_PACK_CHARS, type PageMessage } from '../shared/protocol/messages.ts';
import { sendToWorker } from '../shared/protocol/messaging.ts';
import type { LibraryPackAction, LibraryStats } from '../shared/protocol/state.ts';
import { download } from './download.ts';
import { libraryErrorText } from './library-status.ts';

/** The largest pack a message can carry, as bytes before base64. */
const MAX_PACK_BYTES = Math.floor((MAX_PACK_CHARS / 4) * 3);

const megabytes = (bytes: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(bytes / 1_048_576);
const count = (n: number) => new Intl.NumberFormat().format(n);

/** What the library holds. The catalogue has no plural rules: one reference of the reader's has its own sentence. */
export function storedText(stats: Pick<LibraryStats, 'own' | 'learned' | 'storedBytes'>): string {
  const learned = count(stats.learned);
  const size = megabytes(stats.storedBytes);
  return stats.own === 1 ? t('packStatsOne', [learned, size]) : t('packStats', [count(stats.own), learned, size]);
}

export function PackSection() {
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [status, setStatus] = useState('');

  const act = async (action: LibraryPackAction, extra: Partial<Pick<PageMessage & { type: 'library-pack' }, 'data' | 'cap'>> = {}) => {
    const reply = await sendToWorker({ type: 'library-pack', action, data: extra.data ?? null, cap: extra.cap ?? null });
    if (!reply.ok) {
      setStatus(libraryErrorText(reply.error));
      return null;
    }
    setStats(reply.value.stats);
    return reply.value;
  };
  useEffect(() => void act('stats'), []);

  const exportPack = async () => {
    const reply = await act('export');
    if (reply?.data) download('spinscope-library.pack', base64ToBytes(reply.data) as Uint8Array<ArrayBuffer>, 'application/octet-stream');
  };

  const importPack = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_PACK_BYTES) {
      setStatus(t('packTooLarge', megabytes(MAX_PACK_BYTES)));
      return;
    }
    const reply = await act('import', { data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
    if (reply?.done) setStatus(t('packImported', [count(reply.done.count), count(reply.done.left)]));
  };

  const setCap = async (cap: number) => {
    const reply = await act('set-cap', { cap });
    if (reply?.done) setStatus(t('packCapSet', [count(cap), count(reply.done.count)]));
  };

  const recover = async () => {
    const reply = await act('recover');
    if (reply?.done) setStatus(t('packRecovered', [count(reply.done.count), count(reply.done.left)]));
  };

  const clear = async () => {
    const reply = await act('clear');
    if (reply?.done) setStatus(t('packCleared', count(reply.done.count)));
  };

  return (
    <section aria-labelledby="pack-heading" data-testid="pack-section">
      <h2 id="pack-heading">{t('packHeading')}</h2>
      {stats && (
        <p class="muted" data-testid="pack-stats">
          {storedText(stats)}
        </p>
      )}
      <div class="field-row">
        <label for="learned-cap">{t('packCapLabel')}</label>
        <select id="learned-cap" data-testid="learned-cap" value={String(stats?.learnedCap ?? '')} aria-describedby="learned-cap-help"
          onChange={(e) => void setCap(Number((e.currentTarget as HTMLSelectElement).value))}>
          {LEARNED_CAPS.map((cap) => (
            <option key={cap} value={String(cap)}>
              {count(cap)}
            </option>
          ))}
        </select>
      </div>
      <p id="learned-cap-help" class="muted small">
        {t('packCapHelp')}
      </p>
      <div class="row">
        <button type="button" data-testid="export-pack" disabled={!stats || stats.own + stats.learned === 0} onClick={() => void exportPack()}>
          {t('packExport')}
        </button>
        <label class="file-button">
          <span>{t('packImport')}</span>
          <input type="file" accept=".pack,application/octet-stream" data-testid="import-pack" onChange={(e) => void importPack(e)} />
        </label>
      </div>
      <p class="muted small">{t('packHelp')}</p>
      {stats && stats.setAside > 0 && (
        <div class="row set-aside" data-testid="set-aside">
          <span class="error">{t('packSetAside', count(stats.setAside))}</span>
          <button type="button" data-testid="recover-set-aside" onClick={() => void recover()}>
            {t('packRecover')}
          </button>
          <button type="button" data-testid="clear-set-aside" onClick={() => void clear()}>
            {t('packClear')}
          </button>
        </div>
      )}
      <p class="muted small" role="status" data-testid="pack-status">
        {status}
      </p>
    </section>
  );
}
