/**
 * Where the user's references are kept: IndexedDB, as reference packs (pack-segments.ts), so that a wake
 * restores the library without fingerprinting anything and adding one reference rewrites one segment.
 * Records of earlier versions (one JSON record per reference) are packed on the first read. The store is
 * behind an interface so tests can put an in-memory one in its place.
 */
import {
  compressedTextLength, decodePack, encodePack, loadTexts, materialize, packEntry, PackError, restoreReferences, splitPack,
  type PackEntry, type Prepared, type TextSource,
} from '../../core/pack/format.ts';
import type { Reference } from '../../core/types.ts';
import { applyChanges, planDelete, planPut, type SegmentChanges, type Segments } from './pack-segments.ts';

/** A stored record as read, before anyone has checked it is a reference. */
export interface StoredRecord {
  key: IDBValidKey;
  value: unknown;
}

export interface SetAsideRecord extends StoredRecord {
  reason: string;
}

/** The user's references restored for the engine: bodies inflated when first read, fingerprints ready. */
export interface RestoredLibrary {
  references: Reference[];
  prepared: (Prepared | undefined)[];
  /** How long this worker took to read its packs from IndexedDB, and to check and decode them. */
  readMs?: number;
  decodeMs?: number;
}

export interface PutOptions {
  /** Learned references beyond this many are evicted, oldest first; the reader's own never are. */
  learnedCap?: number;
}

export interface ReferenceStore {
  all(): Promise<StoredRecord[]>;
  /** Records of the form before packs, still to be checked and packed. */
  legacy(): Promise<StoredRecord[]>;
  /** What a wake needs: the references with their fingerprints (records that cannot be read are skipped). */
  restore(): Promise<RestoredLibrary>;
  get(id: string): Promise<unknown>;
  /** One transaction: every reference is stored, or (on any error, a full disk included) none is. */
  putAll(refs: readonly Reference[], options?: PutOptions): Promise<{ evicted: string[] }>;
  /** Entries of a pack, already fingerprinted: stored as they are, in one transaction. */
  putEntries(entries: readonly PackEntry[], options?: PutOptions): Promise<{ evicted: string[] }>;
  /** The whole library as one pack. */
  exportPack(): Promise<Uint8Array>;
  delete(id: string): Promise<void>;
  /** Moves records out of the library into the set-aside store, in one transaction. */
  setAside(records: readonly SetAsideRecord[]): Promise<void>;
  setAsideCount(): Promise<number>;
  /** Set-aside records with their keys, as they were stored. */
  setAsideRecords(): Promise<StoredRecord[]>;
  /** Removes set-aside records: those keys, or all of them. */
  dropSetAside(keys?: readonly IDBValidKey[]): Promise<void>;
  /** Bytes the library takes in the store (packs and older records). */
  storedBytes(): Promise<number>;
  /** The engine's indexes kept from the last build; every write to the library drops them. */
  indexCache(): Promise<unknown>;
  saveIndexCache(value: unknown): Promise<void>;
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
/**
 * The library as pack segments keyed by segment number: each pack's index part (metadata, fingerprints,
 * offsets; what a wake reads) in PACKS, its texts in TEXTS (read when a check needs one); added in version 3.
 */
const PACKS = 'packs';
const TEXTS = 'pack-texts';
/** The engine's indexes over the whole library, kept between wakes (one record); added in version 3. */
const INDEX_CACHE = 'index-cache';
const DB_VERSION = 3;

function indexedDbStore(): ReferenceStore {
  let opening: Promise<IDBDatabase> | null = null;

  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(SET_ASIDE)) db.createObjectStore(SET_ASIDE);
        if (!db.objectStoreNames.contains(PACKS)) db.createObjectStore(PACKS);
        if (!db.objectStoreNames.contains(TEXTS)) db.createObjectStore(TEXTS);
        if (!db.objectStoreNames.contains(INDEX_CACHE)) db.createObjectStore(INDEX_CACHE);
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

  /** Segments as read on this wake, kept in step with every write this worker makes. */
  let segments: Promise<Segments> | null = null;

  /** The texts of one segment, read from TEXTS once a check needs one of them. */
  const textSource = (key: number): TextSource => {
    const source: TextSource = {
      texts: null,
      load: async () => {
        const value = await transact([TEXTS], 'readonly', (tx) => {
          const req = tx.objectStore(TEXTS).get(key);
          return () => req.result as unknown;
        });
        if (!(value instanceof ArrayBuffer)) throw new PackError(`the texts of pack segment ${key} are missing`);
        source.texts = new Uint8Array(value);
      },
    };
    return source;
  };

  /**
   * Reads every segment's index part; one that fails its checksum is set aside whole (index and texts, as one
   * pack) and the others load.
   */
  let readMs = 0;
  let decodeMs = 0;
  const loadSegments = async (): Promise<Segments> => {
    const t0 = performance.now();
    const read = await transact([PACKS], 'readonly', (tx) => {
      const keys = tx.objectStore(PACKS).getAllKeys();
      const values = tx.objectStore(PACKS).getAll();
      return () => ({ keys: keys.result as number[], values: values.result as unknown[] });
    });
    const t1 = performance.now();
    const loaded: Segments = new Map();
    const bad: SetAsideRecord[] = [];
    read.keys.forEach((key, i) => {
      const value = read.values[i];
      try {
        if (!(value instanceof ArrayBuffer)) throw new PackError('not a pack');
        loaded.set(key, decodePack(new Uint8Array(value), textSource(key)).entries);
      } catch (e) {
        bad.push({ key: `pack-segment-${key}`, value, reason: e instanceof Error ? e.message : String(e) });
      }
    });
    readMs = t1 - t0;
    decodeMs = performance.now() - t1;
    if (bad.length) {
      console.warn('Spinscope: pack segments set aside:', bad.map((b) => `${String(b.key)}: ${b.reason}`));
      const segmentOf = (b: SetAsideRecord) => Number(String(b.key).slice('pack-segment-'.length));
      const texts = await Promise.all(bad.map(async (b) => {
        const source = textSource(segmentOf(b));
        await source.load().catch(() => undefined);
        return source.texts;
      }));
      await transact([PACKS, TEXTS, SET_ASIDE], 'readwrite', (tx) => {
        bad.forEach((b, i) => {
          // Kept as it was written: the index part and the texts joined again into one pack.
          const whole = b.value instanceof ArrayBuffer && texts[i] ? joined(new Uint8Array(b.value), texts[i]!) : b.value;
          tx.objectStore(SET_ASIDE).put({ value: whole, reason: b.reason, at: Date.now() }, b.key);
          tx.objectStore(PACKS).delete(segmentOf(b));
          tx.objectStore(TEXTS).delete(segmentOf(b));
        });
        return () => undefined;
      });
    }
    return loaded;
  };

  const current = (): Promise<Segments> => {
    segments ??= loadSegments().catch((e: unknown) => {
      segments = null;
      throw e;
    });
    return segments;
  };

  /** Writes the changed segments (and deletes legacy records by id) in one transaction. */
  const commit = async (changes: SegmentChanges, legacyDeletes: readonly IDBValidKey[] = []): Promise<void> => {
    // A segment rewritten is encoded again from its texts: those kept apart are read first.
    await loadTexts([...changes.write.values()].flat());
    const encoded = [...changes.write].map(([key, entries]) => [key, encodePack(entries)] as const);
    const held = await current();
    await transact([PACKS, TEXTS, STORE, INDEX_CACHE], 'readwrite', (tx) => {
      const packs = tx.objectStore(PACKS);
      for (const [key, bytes] of encoded) {
        const { index, texts } = splitPack(bytes);
        packs.put(index.buffer, key);
        tx.objectStore(TEXTS).put(texts.buffer, key);
      }
      for (const key of changes.remove) {
        packs.delete(key);
        tx.objectStore(TEXTS).delete(key);
      }
      for (const key of legacyDeletes) tx.objectStore(STORE).delete(key);
      // The indexes no longer describe the library: dropped in the same transaction as the change.
      tx.objectStore(INDEX_CACHE).clear();
      return () => undefined;
    });
    // The written bytes are what later writes rebuild from, as a fresh wake would read them.
    applyChanges(held, { ...changes, write: new Map(encoded.map(([key, bytes]) => [key, decodePack(bytes).entries])) });
  };

  const allEntries = async (): Promise<PackEntry[]> => {
    const entries = [...(await current()).values()].flat();
    await loadTexts(entries);
    return entries;
  };

  const packedRecords = async (): Promise<StoredRecord[]> => {
    const out: StoredRecord[] = [];
    await allEntries();
    for (const entries of (await current()).values()) {
      for (const r of restoreReferences({ entries, currentScheme: true }).references) out.push({ key: r.id, value: materialize(r) });
    }
    return out;
  };

  const legacyRecords = (): Promise<StoredRecord[]> =>
    transact([STORE], 'readonly', (tx) => {
      const s = tx.objectStore(STORE);
      const keys = s.getAllKeys();
      const values = s.getAll();
      return () => keys.result.map((key, i) => ({ key, value: values.result[i] }));
    });

  const putEntries = async (entries: readonly PackEntry[], options: PutOptions = {}) => {
    const changes = planPut(await current(), entries, options.learnedCap);
    await commit(changes, entries.map((e) => e.meta.id));
    return { evicted: changes.evicted };
  };

  return {
    all: async () => [...(await legacyRecords()), ...(await packedRecords())],
    legacy: legacyRecords,
    restore: async () => {
      const references: Reference[] = [];
      const prepared: Prepared[] = [];
      for (const entries of (await current()).values()) {
        const restored = restoreReferences({ entries, currentScheme: true }, 'user');
        references.push(...restored.references);
        prepared.push(...restored.prepared);
      }
      return { references, prepared, readMs, decodeMs };
    },
    get: async (id) => {
      for (const entries of (await current()).values()) {
        const entry = entries.find((e) => e.meta.id === id);
        if (!entry) continue;
        await loadTexts([entry]);
        return materialize(restoreReferences({ entries: [entry], currentScheme: true }).references[0]!);
      }
      return transact([STORE], 'readonly', (tx) => {
        const req = tx.objectStore(STORE).get(id);
        return () => req.result as unknown;
      });
    },
    putAll: (refs, options) => putEntries(refs.map(packEntry), options),
    putEntries,
    exportPack: async () => encodePack(await allEntries()),
    delete: async (id) => commit(planDelete(await current(), id), [id]),
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
    setAsideRecords: () =>
      transact([SET_ASIDE], 'readonly', (tx) => {
        const s = tx.objectStore(SET_ASIDE);
        const keys = s.getAllKeys();
        const values = s.getAll();
        return () => keys.result.map((key, i) => ({ key, value: (values.result[i] as { value?: unknown } | undefined)?.value }));
      }),
    dropSetAside: (keys) =>
      transact([SET_ASIDE], 'readwrite', (tx) => {
        const s = tx.objectStore(SET_ASIDE);
        if (keys) for (const key of keys) s.delete(key);
        else s.clear();
        return () => undefined;
      }),
    indexCache: () =>
      transact([INDEX_CACHE], 'readonly', (tx) => {
        const req = tx.objectStore(INDEX_CACHE).get(INDEX_CACHE);
        return () => req.result as unknown;
      }),
    saveIndexCache: (value) =>
      transact([INDEX_CACHE], 'readwrite', (tx) => {
        tx.objectStore(INDEX_CACHE).put(value, INDEX_CACHE);
        return () => undefined;
      }),
    storedBytes: async () => {
      let bytes = 0;
      for (const entries of (await current()).values()) bytes += encodedSize(entries);
      return bytes;
    },
  };
}

/** Size of a segment as stored, near enough, without encoding it again (the small deflated metadata left out). */
function encodedSize(entries: readonly PackEntry[]): number {
  let n = 0;
  for (const e of entries) n += 12 + 4 * (e.prints.length + e.keys.length) + compressedTextLength(e);
  return n;
}

function joined(a: Uint8Array, b: Uint8Array): ArrayBuffer {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out.buffer;
}
