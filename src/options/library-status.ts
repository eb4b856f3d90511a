/** What the options page tells the reader after a library action, in the reader's language. */
import { t } from '../shared/browser/i18n.ts';
import { STORAGE_FULL, type Reply } from '../shared/protocol/messages.ts';

/** A worker error as a sentence; a full disk gets its own, saying nothing was changed. */
export function libraryErrorText(error: string): string {
  return error === STORAGE_FULL ? t('libraryStorageFull', '1') : t('libraryError', error);
}

/** The result of importing a file: `fileErrors` are the documents the file itself could not give. */
export function importStatus(fileErrors: string[], reply: Reply<'import-references'>): string {
  if (!reply.ok) return libraryErrorText(reply.error);
  const errors = [...fileErrors, ...reply.value.errors];
  const detail = errors.length ? ' ' + errors.slice(0, 5).join('; ') : '';
  if (reply.value.storageFull) return t('libraryStorageFull', String(reply.value.storageFull)) + detail;
  return t('libraryImported', [String(reply.value.added), String(errors.length)]) + detail;
}

/** Shown above the list when stored references had to be set aside; empty when none were. */
export function unreadableText(count: number): string {
  return count > 0 ? t('libraryUnreadable', String(count)) : '';
}
