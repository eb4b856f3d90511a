/**
 * An in-memory stand-in for the IndexedDB reference store. Each method behaves like one IndexedDB
 * transaction: its writes are made on a copy that replaces the data only when every write succeeded.
 * `writesLeft` simulates a disk that fills up: the write after the last allowed one throws
 * QuotaExceededError, as IndexedDB does.
 */
import type { Reference } from '../../../src/core/types.ts';
import type { ReferenceStore, SetAsideRecord, StoredRecord } from '../../../src/background/reference-db.ts';

export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

export class MemoryReferenceStore implements ReferenceStore {
  records = new Map<IDBValidKey, unknown>();
  setAsideRecords = new Map<IDBValidKey, { value: unknown; reason: string }>();
  /** Writes allowed before the disk is full, counted over all transactions; null for no limit. */
  writesLeft: number | null = null;
  /** Makes the next setAside fail, as a damaged database might. */
  failSetAside = false;

  async all(): Promise<StoredRecord[]> {
    return [...this.records].map(([key, value]) => ({ key, value: structuredClone(value) }));
  }

  async get(id: string): Promise<unknown> {
    return structuredClone(this.records.get(id));
  }

  async putAll(refs: readonly Reference[]): Promise<void> {
    const next = new Map(this.records);
    for (const ref of refs) {
      this.write();
      next.set(ref.id, structuredClone(ref));
    }
    this.records = next;
  }

  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }

  async setAside(records: readonly SetAsideRecord[]): Promise<void> {
    if (this.failSetAside) throw new Error('set-aside store unavailable');
    const from = new Map(this.records);
    const to = new Map(this.setAsideRecords);
    for (const r of records) {
      this.write();
      to.set(r.key, { value: structuredClone(r.value), reason: r.reason });
      from.delete(r.key);
    }
    this.records = from;
    this.setAsideRecords = to;
  }

  async setAsideCount(): Promise<number> {
    return this.setAsideRecords.size;
  }

  private write(): void {
    if (this.writesLeft === null) return;
    if (this.writesLeft <= 0) throw quotaError();
    this.writesLeft -= 1;
  }
}
