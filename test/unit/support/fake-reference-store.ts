/**
 * An in-memory stand-in for the IndexedDB reference store. Each method behaves like one IndexedDB
 * transaction: its writes are made on a copy that replaces the data only when every write succeeded.
 * `writesLeft` simulates a disk that fills up: the write after the last allowed one throws
 * QuotaExceededError, as IndexedDB does. Records are kept as references (`records`), with no packs.
 */
import { encodePack, entryBody, packEntry, type PackEntry } from '../../../src/core/pack/format.ts';
import type { Reference } from '../../../src/core/types.ts';
import type { PutOptions, ReferenceStore, RestoredLibrary, SetAsideRecord, StoredRecord } from '../../../src/background/library/reference-db.ts';

export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

export class MemoryReferenceStore implements ReferenceStore {
  records = new Map<IDBValidKey, unknown>();
  setAsideMap = new Map<IDBValidKey, { value: unknown; reason: string }>();
  /** Writes allowed before the disk is full, counted over all transactions; null for no limit. */
  writesLeft: number | null = null;
  /** Makes the next setAside fail, as a damaged database might. */
  failSetAside = false;

  async all(): Promise<StoredRecord[]> {
    return [...this.records].map(([key, value]) => ({ key, value: structuredClone(value) }));
  }

  /** Records put directly into `records` by a test stand for the older form, until stored again through putAll. */
  async legacy(): Promise<StoredRecord[]> {
    return (await this.all()).filter((r) => !this.packed.has(r.key));
  }

  private packed = new Set<IDBValidKey>();

  /** Whether each restore asked for the fingerprints too (a wake that must index them). */
  restores: boolean[] = [];
  /** Whether each restore asked for every reference's metadata. */
  metadataRestores: boolean[] = [];

  async restore(options: { arrays?: boolean; metadata?: boolean } = {}): Promise<RestoredLibrary> {
    this.restores.push(Boolean(options.arrays));
    this.metadataRestores.push(Boolean(options.metadata));
    const references = [...this.records.values()].map((v) => structuredClone(v) as Reference);
    return { references, prepared: references.map(() => undefined) };
  }

  async get(id: string): Promise<unknown> {
    return structuredClone(this.records.get(id));
  }

  async putAll(refs: readonly Reference[], options: PutOptions = {}): Promise<{ evicted: string[] }> {
    const next = new Map(this.records);
    for (const ref of refs) {
      this.write();
      next.set(ref.id, structuredClone(ref));
    }
    const learned = [...next.values()].filter((r) => (r as Reference).learned) as Reference[];
    const evicted = learned.sort((a, b) => (a.addedAt ?? 0) - (b.addedAt ?? 0)).slice(0, Math.max(0, learned.length - (options.learnedCap ?? Infinity)));
    for (const r of evicted) next.delete(r.id);
    this.records = next;
    for (const ref of refs) this.packed.add(ref.id);
    this.cache = undefined;
    return { evicted: evicted.map((r) => r.id) };
  }

  putEntries(entries: readonly PackEntry[], options?: PutOptions): Promise<{ evicted: string[] }> {
    return this.putAll(entries.map((e) => ({ ...e.meta, body: entryBody(e) })), options);
  }

  async exportPack(): Promise<Uint8Array> {
    return encodePack([...this.records.values()].map((r) => packEntry(r as Reference)));
  }

  async delete(id: string): Promise<void> {
    this.records.delete(id);
    this.cache = undefined;
  }

  async setAside(records: readonly SetAsideRecord[]): Promise<void> {
    if (this.failSetAside) throw new Error('set-aside store unavailable');
    const from = new Map(this.records);
    const to = new Map(this.setAsideMap);
    for (const r of records) {
      this.write();
      to.set(r.key, { value: structuredClone(r.value), reason: r.reason });
      from.delete(r.key);
    }
    this.records = from;
    this.setAsideMap = to;
  }

  async setAsideCount(): Promise<number> {
    return this.setAsideMap.size;
  }

  async setAsideRecords(): Promise<StoredRecord[]> {
    return [...this.setAsideMap].map(([key, { value }]) => ({ key, value: structuredClone(value) }));
  }

  async dropSetAside(keys?: readonly IDBValidKey[]): Promise<void> {
    if (!keys) this.setAsideMap.clear();
    else for (const key of keys) this.setAsideMap.delete(key);
  }

  async storedBytes(): Promise<number> {
    return (await this.exportPack()).length;
  }

  cache: unknown = undefined;

  async indexCache(): Promise<unknown> {
    return this.cache;
  }

  async saveIndexCache(value: unknown): Promise<void> {
    this.cache = value;
  }

  private write(): void {
    if (this.writesLeft === null) return;
    if (this.writesLeft <= 0) throw quotaError();
    this.writesLeft -= 1;
  }
}
