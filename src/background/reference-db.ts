/**
 * The user's references in IndexedDB (storage.local would have to load every body on every read;
 * IndexedDB reads them in one getAll on wake and handles large libraries).
 */
import type { Reference } from '../core/types.ts';

const DB_NAME = 'spinscope';
const STORE = 'references';
const DB_VERSION = 1;

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB open failed'));
  }).catch((e: unknown) => {
    opening = null; // let the next call try again
    throw e;
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? new Error('indexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('indexedDB transaction aborted'));
      }),
  );
}

/** Every stored reference that still has the fields the engine needs; damaged records are skipped. */
export async function loadUserReferences(): Promise<Reference[]> {
  const all = await run<unknown[]>('readonly', (s) => s.getAll());
  return all.filter(isReference).map((r) => ({ ...r, origin: 'user' as const }));
}

export async function getUserReference(id: string): Promise<Reference | null> {
  const v = await run<unknown>('readonly', (s) => s.get(id));
  return isReference(v) ? v : null;
}

export function putUserReference(ref: Reference): Promise<unknown> {
  return run('readwrite', (s) => s.put(ref));
}

export function deleteUserReference(id: string): Promise<unknown> {
  return run('readwrite', (s) => s.delete(id));
}

function isReference(v: unknown): v is Reference {
  const r = v as Reference;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof r.id === 'string' &&
    typeof r.body === 'string' &&
    typeof r.title === 'string' &&
    typeof r.source === 'string' &&
    Array.isArray(r.boilerplate)
  );
}
