/**
 * Where the user's references are kept: IndexedDB (storage.local would have to load every body on
 * every read; IndexedDB reads them in one getAll on wake and handles large libraries). The store is
 * behind an interface so tests can put an in-memory one in its place.
 */
import type { Reference } from '../core/types.ts';

/** A stored record as read, before anyone has checked it is a reference. */
export interface StoredRecord {
  key: IDBValidKey;
  value: unknown;
}

export interface SetAsideRecord extends StoredRecord {
  reason: string;
}

export interface ReferenceStore {
  all(): Promise<StoredRecord[]>;
  get(id: string): Promise<unknown>;
  /** One transaction: every reference is stored, or (on any error, a full disk included) none is. */
  putAll(refs: readonly Reference[]): Promise<void>;
  delete(id: string): Promise<void>;
  /** Moves records out of the library into the set-aside store, in one transaction. */
  setAside(records: readonly SetAsideRecord[]): Promise<void>;
  setAsideCount(): Promise<number>;
}

let current: ReferenceStore | null = null;

export function referenceStore(): ReferenceStore {
  current ??= indexedDbStore();
  return current;
}

export function setReferenceStore(store: ReferenceStore | null): void {
  current = store;
}

const DB_NAME = 'spinscope';
const STORE = 'references';
/** Unreadable records, kept (under their old keys) rather than deleted; added in version 2. */
const SET_ASIDE = 'set-aside';
const DB_VERSION = 2;

function indexedDbStore(): ReferenceStore {
  let opening: Promise<IDBDatabase> | null = null;

  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(SET_ASIDE)) db.createObjectStore(SET_ASIDE);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('indexedDB open failed'));
    }).catch((e: unknown) => {
      opening = null; // let the next call try again
      throw e;
    });
    return opening;
  };

  /** Runs `work` in one transaction; resolves with its result once committed, rejects if aborted. */
  const transact = <T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => () => T): Promise<T> =>
    open().then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const tx = db.transaction(stores, mode);
          tx.onerror = (ev) => reject((ev.target as IDBRequest | null)?.error ?? tx.error ?? new Error('indexedDB request failed'));
          tx.onabort = () => reject(tx.error ?? new Error('indexedDB transaction aborted'));
          let result: () => T;
          try {
            result = work(tx);
          } catch (e) {
            // A record that cannot be cloned throws here: drop the requests already made with it.
            tx.abort();
            reject(e);
            return;
          }
          tx.oncomplete = () => resolve(result());
        }),
    );

  return {
    all: () =>
      transact([STORE], 'readonly', (tx) => {
        const s = tx.objectStore(STORE);
        const keys = s.getAllKeys();
        const values = s.getAll();
        return () => keys.result.map((key, i) => ({ key, value: values.result[i] }));
      }),
    get: (id) =>
      transact([STORE], 'readonly', (tx) => {
        const req = tx.objectStore(STORE).get(id);
        return () => req.result as unknown;
      }),
    putAll: (refs) =>
      transact([STORE], 'readwrite', (tx) => {
        const s = tx.objectStore(STORE);
        for (const ref of refs) s.put(ref);
        return () => undefined;
      }),
    delete: (id) =>
      transact([STORE], 'readwrite', (tx) => {
        tx.objectStore(STORE).delete(id);
        return () => undefined;
      }),
    setAside: (records) =>
      transact([STORE, SET_ASIDE], 'readwrite', (tx) => {
        const from = tx.objectStore(STORE);
        const to = tx.objectStore(SET_ASIDE);
        for (const r of records) {
          to.put({ value: r.value, reason: r.reason, at: Date.now() }, r.key);
          from.delete(r.key);
        }
        return () => undefined;
      }),
    setAsideCount: () =>
      transact([SET_ASIDE], 'readonly', (tx) => {
        const req = tx.objectStore(SET_ASIDE).count();
        return () => req.result;
      }),
  };
}
