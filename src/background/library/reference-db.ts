/**
 * Where the user's references are kept: IndexedDB, as reference packs (pack-segments.ts) each stored in three
 * records (core/pack/segment.ts), so that a wake restores the library without fingerprinting anything and
 * reads only the segments' heads when the engine's kept indexes are valid, and adding one reference rewrites
 * one segment. Records of earlier versions (one JSON record per reference) are packed on the first read;
 * segments of the earlier stored form are split when the database is upgraded. The store is behind an
 * interface so tests can put an in-memory one in its place.
 */
import { decodePack, encodePack, materialize, packEntry, PackError, restoreReferences, type PackEntry, type Prepared } from '../../core/pack/format.ts';
import { decodeSegment, loadStored, splitSegment, storedBytes, upgradeHead, type PartName, type StoredPart, type StoredSegment } from '../../core/pack/segment.ts';
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
  /**
   * Names these references in order (each segment's key and head checksum), so that the engine's kept
   * indexes can be matched to them without hashing every id; absent, the ids are hashed.
   */
  identity?: string;
  /** How long this worker took to read its packs from IndexedDB, and to check and decode them. */
  readMs?: number;
  decodeMs?: number;
}

export interface RestoreOptions {
  arrays?: boolean;
  metadata?: boolean;
}

export interface PutOptions {
  /** Learned references beyond this many are evicted, oldest first; the reader's own never are. */
  learnedCap?: number;
}

export interface ReferenceStore {
  all(): Promise<StoredRecord[]>;
  /** Records of the form before packs, still to be checked and packed. */
  legacy(): Promise<StoredRecord[]>;
  /**
   * What a wake needs: the references (records that cannot be read are skipped). With `arrays`, their
   * fingerprints and story keys are read too, for an engine that must index them again; with `metadata`,
   * their fields, for a caller that reads them all (a wake reads only those of the references a check matches).
   */
  restore(options?: RestoreOptions): Promise<RestoredLibrary>;
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
 * Version 3 kept each pack segment's index part (metadata, fingerprints, offsets) in PACKS, read whole on
 * every wake; version 4 splits it into HEADS (metadata and offsets: what a wake reads) and ARRAYS
 * (fingerprints and story keys: read when the indexes are built again). Texts stay in TEXTS (read when a
 * check needs one). Version 5 moves the metadata out of the heads into METADATA (read when a check matches
 * a reference, or the library is listed or changed), so that a wake reads the offsets alone. All keyed by
 * segment number.
 */
const PACKS = 'packs';
const HEADS = 'pack-heads';
const PART_STORES: Record<PartName, string> = { metadata: 'pack-metadata', arrays: 'pack-arrays', texts: 'pack-texts' };
const SEGMENT_STORES = [HEADS, PART_STORES.metadata, PART_STORES.arrays, PART_STORES.texts];
/** The engine's indexes over the whole library, kept between wakes (one record); added in version 3. */
const INDEX_CACHE = 'index-cache';
const DB_VERSION = 5;
/** Every record of a segment but its head: what writing it again, or exporting it, reads. */
const WHOLE: readonly PartName[] = ['metadata', 'arrays', 'texts'];

const buffers = (segment: Partial<StoredSegment>) => Object.fromEntries(Object.entries(segment).map(([k, v]) => [k, v.buffer as ArrayBuffer]));

/**
 * A segment of the version 3 form (its index part) as version 5 stores it. A segment that does not read is
 * left to be set aside, its texts with it.
 */
export function upgradeSegment(value: unknown): { head: ArrayBuffer; metadata: ArrayBuffer; arrays: ArrayBuffer } {
  if (!(value instanceof ArrayBuffer)) throw new PackError('not a pack');
  const { head, metadata, arrays } = splitSegment(new Uint8Array(value));
  return buffers({ head, metadata, arrays }) as { head: ArrayBuffer; metadata: ArrayBuffer; arrays: ArrayBuffer };
}

/** A head of version 4 as version 5 stores it: the head, and its metadata as a record of its own. */
export function upgradeStoredHead(value: unknown): { head: ArrayBuffer; metadata: ArrayBuffer } {
  if (!(value instanceof ArrayBuffer)) throw new PackError('not a stored segment');
  return buffers(upgradeHead(new Uint8Array(value))) as { head: ArrayBuffer; metadata: ArrayBuffer };
}

/** Writes the records of a segment, within the transaction `tx`. */
function putSegment(tx: IDBTransaction, key: IDBValidKey, records: Partial<Record<'head' | PartName, ArrayBuffer>>): void {
  for (const [name, value] of Object.entries(records)) tx.objectStore(name === 'head' ? HEADS : PART_STORES[name as PartName]).put(value, key);
}

/** Moves a segment's records, as they are, to the set-aside store, within the transaction `tx`. */
function setAsideSegment(tx: IDBTransaction, key: IDBValidKey, reason: string): void {
  const records = SEGMENT_STORES.map((store) => tx.objectStore(store).get(key));
  // Requests in one transaction succeed in order: once the last has, all have.
  records[records.length - 1]!.onsuccess = () => {
    const [head, metadata, arrays, texts] = records.map((r) => r.result as unknown);
    tx.objectStore(SET_ASIDE).put({ value: { head, metadata, arrays, texts }, reason, at: Date.now() }, `pack-segment-${String(key)}`);
    for (const store of SEGMENT_STORES) tx.objectStore(store).delete(key);
  };
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Version 3 to 5, in the upgrade's own transaction: every segment split, or set aside whole. */
function splitStoredPacks(db: IDBDatabase, tx: IDBTransaction): void {
  const cursor = tx.objectStore(PACKS).openCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) {
      db.deleteObjectStore(PACKS);
      return;
    }
    const key = at.key;
    try {
      putSegment(tx, key, upgradeSegment(at.value));
    } catch (e) {
      const index = at.value as unknown;
      const texts = tx.objectStore(PART_STORES.texts).get(key);
      texts.onsuccess = () => {
        // Kept as it was written: the index part and the texts joined again into one pack.
        const whole = index instanceof ArrayBuffer && texts.result instanceof ArrayBuffer ? joined(new Uint8Array(index), new Uint8Array(texts.result)) : index;
        tx.objectStore(SET_ASIDE).put({ value: whole, reason: reasonOf(e), at: Date.now() }, `pack-segment-${String(key)}`);
        tx.objectStore(PART_STORES.texts).delete(key);
      };
    }
    at.continue();
  };
}

/** Version 4 to 5, in the upgrade's own transaction: every head written again, or its segment set aside whole. */
function rewriteHeads(tx: IDBTransaction): void {
  const cursor = tx.objectStore(HEADS).openCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) return;
    try {
      putSegment(tx, at.key, upgradeStoredHead(at.value));
    } catch (e) {
      setAsideSegment(tx, at.key, reasonOf(e));
    }
    at.continue();
  };
}

function indexedDbStore(): ReferenceStore {
  let opening: Promise<IDBDatabase> | null = null;

  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = (ev) => {
        const db = req.result;
        for (const name of [SET_ASIDE, ...SEGMENT_STORES, INDEX_CACHE]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
        if (ev.oldVersion === 3) splitStoredPacks(db, req.transaction!);
        if (ev.oldVersion === 4) rewriteHeads(req.transaction!);
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
  /** Each held segment's head checksum, in step with `segments`. */
  const headSums = new Map<number, number>();

  /** One record of a segment kept apart, read from the store once it is needed. */
  const storedPart = (name: PartName, key: number): StoredPart => {
    const store = PART_STORES[name];
    const part: StoredPart = {
      bytes: null,
      load: async () => {
        const value = await transact([store], 'readonly', (tx) => {
          const req = tx.objectStore(store).get(key);
          return () => req.result as unknown;
        });
        if (!(value instanceof ArrayBuffer)) throw new PackError(`the ${name === 'arrays' ? 'fingerprints' : name} of pack segment ${key} are missing`);
        part.bytes = new Uint8Array(value);
      },
    };
    return part;
  };

  /** Moves unreadable segments, their records as they were, to the set-aside store. */
  const setAsideSegments = async (bad: readonly { key: number; reason: string }[]): Promise<void> => {
    if (!bad.length) return;
    console.warn('Spinscope: pack segments set aside:', bad.map((b) => `${b.key}: ${b.reason}`));
    await transact([...SEGMENT_STORES, SET_ASIDE], 'readwrite', (tx) => {
      for (const { key, reason } of bad) {
        setAsideSegment(tx, key, reason);
        headSums.delete(key);
      }
      return () => undefined;
    });
  };

  /** Reads every segment's head; one that fails its checksum is set aside whole and the others load. */
  let readMs = 0;
  let decodeMs = 0;
  const loadSegments = async (): Promise<Segments> => {
    const t0 = performance.now();
    const read = await transact([HEADS], 'readonly', (tx) => {
      const keys = tx.objectStore(HEADS).getAllKeys();
      const values = tx.objectStore(HEADS).getAll();
      return () => ({ keys: keys.result as number[], values: values.result as unknown[] });
    });
    const t1 = performance.now();
    const loaded: Segments = new Map();
    const bad: { key: number; reason: string }[] = [];
    read.keys.forEach((key, i) => {
      const value = read.values[i];
      try {
        if (!(value instanceof ArrayBuffer)) throw new PackError('not a pack');
        const decoded = decodeSegment(new Uint8Array(value), { metadata: storedPart('metadata', key), arrays: storedPart('arrays', key), texts: storedPart('texts', key) });
        loaded.set(key, decoded.entries);
        headSums.set(key, decoded.checksum);
      } catch (e) {
        bad.push({ key, reason: reasonOf(e) });
      }
    });
    readMs = t1 - t0;
    decodeMs = performance.now() - t1;
    await setAsideSegments(bad);
    return loaded;
  };

  const current = (): Promise<Segments> => {
    segments ??= loadSegments().catch((e: unknown) => {
      segments = null;
      throw e;
    });
    return segments;
  };

  /** Reads these records of every segment; a segment whose record is missing or fails its checksum is set aside. */
  const withParts = async (names: readonly PartName[]): Promise<Segments> => {
    const held = await current();
    const bad: { key: number; reason: string }[] = [];
    await Promise.all([...held].map(([key, entries]) => Promise.all(names.map((name) => loadStored(entries, name))).catch((e: unknown) => {
      if (!(e instanceof PackError)) throw e;
      bad.push({ key, reason: e.message });
    })));
    await setAsideSegments(bad);
    for (const { key } of bad) held.delete(key);
    return held;
  };
  const entriesWith = async (names: readonly PartName[]) => [...(await withParts(names)).values()].flat();

  /** Reads what is kept apart of these entries, for writing them again whole. */
  const loadWhole = async (entries: readonly PackEntry[]): Promise<void> => {
    await Promise.all(WHOLE.map((name) => loadStored(entries, name)));
  };

  /** Writes the changed segments (and deletes legacy records by id) in one transaction. */
  const commit = async (changes: SegmentChanges, legacyDeletes: readonly IDBValidKey[] = []): Promise<void> => {
    // A segment rewritten is encoded again whole: what is kept apart is read first.
    await loadWhole([...changes.write.values()].flat());
    const encoded = [...changes.write].map(([key, entries]) => [key, encodePack(entries)] as const);
    const stored = encoded.map(([key, bytes]) => [key, splitSegment(bytes)] as const);
    const held = await current();
    await transact([...SEGMENT_STORES, STORE, INDEX_CACHE], 'readwrite', (tx) => {
      for (const [key, segment] of stored) putSegment(tx, key, buffers(segment));
      for (const key of changes.remove) for (const store of SEGMENT_STORES) tx.objectStore(store).delete(key);
      for (const key of legacyDeletes) tx.objectStore(STORE).delete(key);
      // The indexes no longer describe the library: dropped in the same transaction as the change.
      tx.objectStore(INDEX_CACHE).clear();
      return () => undefined;
    });
    // The written bytes are what later writes rebuild from, as a fresh wake would read them.
    applyChanges(held, { ...changes, write: new Map(encoded.map(([key, bytes]) => [key, decodePack(bytes).entries])) });
    for (const key of changes.remove) headSums.delete(key);
    for (const [key, { head }] of stored) headSums.set(key, new DataView(head.buffer).getUint32(12, true));
  };

  const packedRecords = async (): Promise<StoredRecord[]> => {
    const out: StoredRecord[] = [];
    const entries = await entriesWith(['metadata', 'texts']);
    for (const r of restoreReferences({ entries, currentScheme: true }).references) out.push({ key: r.id, value: materialize(r) });
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
    const changes = planPut(await withParts(['metadata']), entries, options.learnedCap);
    await commit(changes, entries.map((e) => e.meta.id));
    return { evicted: changes.evicted };
  };

  return {
    all: async () => [...(await legacyRecords()), ...(await packedRecords())],
    legacy: legacyRecords,
    restore: async (options = {}) => {
      const references: Reference[] = [];
      const prepared: Prepared[] = [];
      const identity: string[] = [];
      const parts = (['arrays', 'metadata'] as const).filter((name) => options[name]);
      for (const [key, entries] of await (parts.length ? withParts(parts) : current())) {
        const restored = restoreReferences({ entries, currentScheme: true }, 'user');
        references.push(...restored.references);
        prepared.push(...restored.prepared);
        identity.push(`${key}:${headSums.get(key)!.toString(16)}`);
      }
      return { references, prepared, identity: identity.join(','), readMs, decodeMs };
    },
    get: async (id) => {
      const entry = (await entriesWith(['metadata'])).find((e) => e.meta.id === id);
      if (entry) {
        await loadStored([entry], 'texts');
        return materialize(restoreReferences({ entries: [entry], currentScheme: true }).references[0]!);
      }
      return transact([STORE], 'readonly', (tx) => {
        const req = tx.objectStore(STORE).get(id);
        return () => req.result as unknown;
      });
    },
    putAll: (refs, options) => putEntries(refs.map(packEntry), options),
    putEntries,
    exportPack: async () => encodePack(await entriesWith(WHOLE)),
    delete: async (id) => commit(planDelete(await withParts(['metadata']), id), [id]),
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
      for (const entries of (await current()).values()) for (const e of entries) bytes += storedBytes(e);
      return bytes;
    },
  };
}

function joined(a: Uint8Array, b: Uint8Array): ArrayBuffer {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out.buffer;
}
