/**
 * The user's references as the worker reads and writes them. A stored record that is not a valid
 * reference (a damaged disk, an old or foreign write) is set aside and counted, never silently
 * deleted, and never keeps the valid ones from loading.
 */
import type { Reference } from '../../core/types.ts';
import { REFERENCE_ROLES } from '../../core/vocabulary.ts';
import { MAX_TEXT, MAX_URL, STORAGE_FULL } from '../../shared/protocol/messages.ts';
import { referenceStore, type PutOptions, type RestoredLibrary, type RestoreOptions, type SetAsideRecord } from './reference-db.ts';

export interface UserReferences {
  references: Reference[];
  /** Records set aside, now and on earlier wakes. */
  unreadable: number;
}

const MAX_HITS = 10_000;

export async function loadUserReferences(): Promise<UserReferences> {
  const store = referenceStore();
  const { references, notMoved } = await checkRecords(await store.all());
  const setAside = await store.setAsideCount().catch(() => 0);
  return { references, unreadable: setAside + notMoved };
}

/**
 * The library as a wake needs it, restored from its packs. Records of the form before packs are checked
 * first: the valid ones are packed (once), the others set aside.
 */
export async function restoreUserLibrary(options?: RestoreOptions): Promise<RestoredLibrary> {
  const store = referenceStore();
  // Read side by side; a library that still has records of the earlier form is restored again once they are packed.
  const [legacy, restored] = await Promise.all([store.legacy(), store.restore(options)]);
  if (!legacy.length) return restored;
  const { references } = await checkRecords(legacy);
  if (references.length) await store.putAll(references);
  return store.restore(options);
}

/** Valid records become references; the others are set aside (or counted, when they cannot be moved). */
async function checkRecords(records: { key: IDBValidKey; value: unknown }[]): Promise<{ references: Reference[]; notMoved: number }> {
  const store = referenceStore();
  const references: Reference[] = [];
  const bad: SetAsideRecord[] = [];
  for (const { key, value } of records) {
    const reason = recordProblem(value, key);
    if (reason) bad.push({ key, value, reason });
    else references.push({ ...(value as Reference), origin: 'user' });
  }
  // Records that cannot be moved stay where they are, skipped on every load and counted here.
  let notMoved = 0;
  if (bad.length) {
    console.warn(`Spinscope: ${bad.length} stored reference(s) could not be read and were set aside:`, bad.map((b) => `${String(b.key).slice(0, 80)}: ${b.reason}`));
    try {
      await store.setAside(bad);
    } catch (e) {
      console.warn('Spinscope: could not set unreadable references aside', e);
      notMoved = bad.length;
    }
  }
  return { references, notMoved };
}

export async function getUserReference(id: string): Promise<Reference | null> {
  const v = await referenceStore().get(id);
  return recordProblem(v, id) ? null : (v as Reference);
}

/** Stores all or nothing; a full disk becomes the STORAGE_FULL error the pages recognise. */
export async function saveUserReferences(refs: readonly Reference[], options?: PutOptions): Promise<{ evicted: string[] }> {
  try {
    return await referenceStore().putAll(refs, options);
  } catch (e) {
    throw isQuotaError(e) ? new Error(STORAGE_FULL) : e;
  }
}

export function deleteUserReference(id: string): Promise<void> {
  return referenceStore().delete(id);
}

/** IndexedDB's and storage's ways of saying the disk or the quota is full. */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

/** Why a stored value is not a reference the engine can use, or null when it is. */
export function recordProblem(v: unknown, key: IDBValidKey): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
  const r = v as Record<string, unknown>;
  if (r.id !== key) return 'id does not match its key';
  if (!isText(r.id, 200) || r.id === '') return 'bad id';
  if (!isText(r.body, MAX_TEXT)) return typeof r.body === 'string' ? 'body too long' : 'no body';
  // A title or source the engine derived is a line of the text, so no longer than it.
  if (!isText(r.title, MAX_TEXT) || !isText(r.source, MAX_TEXT) || !isText(r.roleReason, MAX_TEXT)) return 'bad title, source or role reason';
  if (!(r.url === null || isText(r.url, MAX_URL)) || !(r.date === null || isText(r.date, 32))) return 'bad url or date';
  if (typeof r.role !== 'string' || !(REFERENCE_ROLES as readonly string[]).includes(r.role)) return 'bad role';
  if (!Array.isArray(r.boilerplate) || r.boilerplate.length > MAX_HITS || !r.boilerplate.every(isHit)) return 'bad boilerplate';
  return null;
}

function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

function isHit(v: unknown): boolean {
  const h = v as { rule?: unknown; text?: unknown };
  return typeof v === 'object' && v !== null && typeof h.rule === 'string' && typeof h.text === 'string';
}
