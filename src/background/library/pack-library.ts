/**
 * The library as a whole, for the options page: its figures, a pack exported or imported (a newsroom can
 * hand its readers one), the cap on learned references, and the records set aside as unreadable.
 */
import { buildReference } from '../../core/index.ts';
import { decodePack, entryBody, materialize, packEntry, PackError, prepare, restoreReferences, type PackEntry } from '../../core/pack/format.ts';
import { joinSegment } from '../../core/pack/segment.ts';
import type { Reference } from '../../core/types.ts';
import { base64ToBytes, bytesToBase64 } from '../../shared/protocol/base64.ts';
import { loadLearnedCap, saveLearnedCap } from '../../shared/storage/library-limits.ts';
import { STORAGE_FULL, type PageMessage } from '../../shared/protocol/messages.ts';
import type { LibraryPackReply, LibraryStats } from '../../shared/protocol/state.ts';
import { invalidateEngine } from './library.ts';
import { referenceStore, type StoredRecord } from './reference-db.ts';
import { sourceFreeAnalyser } from './source-free.ts';
import { isQuotaError, recordProblem, restoreUserLibrary } from './user-references.ts';

type LibraryPackMessage = Extract<PageMessage, { type: 'library-pack' }>;

export async function libraryPack(msg: LibraryPackMessage): Promise<LibraryPackReply> {
  let data: string | null = null;
  let done: LibraryPackReply['done'] = null;
  switch (msg.action) {
    case 'stats':
      break;
    case 'export':
      data = bytesToBase64(await referenceStore().exportPack());
      break;
    case 'import':
      done = await importPack(msg.data ?? '');
      break;
    case 'set-cap': {
      await saveLearnedCap(msg.cap ?? 0);
      // A lower cap applies at once: the oldest learned references beyond it go now.
      const { evicted } = await referenceStore().putEntries([], { learnedCap: msg.cap ?? undefined });
      if (evicted.length) invalidateEngine();
      done = { count: evicted.length, left: 0 };
      break;
    }
    case 'recover':
      done = await recoverSetAside();
      break;
    case 'clear': {
      const count = await referenceStore().setAsideCount();
      await referenceStore().dropSetAside();
      done = { count, left: 0 };
      break;
    }
  }
  return { stats: await libraryStats(), data, done };
}

async function libraryStats(): Promise<LibraryStats> {
  const store = referenceStore();
  const { references } = await restoreUserLibrary({ metadata: true });
  const learned = references.filter((r) => r.learned).length;
  return {
    own: references.length - learned,
    learned,
    storedBytes: await store.storedBytes(),
    learnedCap: await loadLearnedCap(),
    setAside: await store.setAsideCount(),
  };
}

/**
 * A pack is read whole before anything is written: a foreign or damaged file is refused with its reason
 * and the library stays as it was. Imported references count as the reader's own (never evicted).
 */
async function importPack(base64: string): Promise<{ count: number; left: number }> {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    throw new Error('not a Spinscope reference pack');
  }
  let decoded;
  try {
    decoded = decodePack(bytes);
  } catch (e) {
    throw new Error(e instanceof PackError ? e.message : 'not a Spinscope reference pack');
  }
  const now = Date.now();
  const entries: PackEntry[] = [];
  let left = 0;
  for (const entry of decoded.entries) {
    // Ids of the user's references start with "user-": a pack made by the command is renamed into that space.
    const id = entry.meta.id.startsWith('user-') ? entry.meta.id : `user-${entry.meta.id}`;
    const meta = { ...entry.meta, id, origin: 'user' as const, learned: false, addedAt: now };
    let body: string;
    try {
      body = entryBody(entry);
    } catch (e) {
      // A damaged text refuses the whole pack, before anything is written.
      throw new Error((e as Error).message);
    }
    if (recordProblem({ ...meta, body }, id)) {
      left++;
      continue;
    }
    entries.push({ ...entry, ...(decoded.currentScheme ? {} : prepare(body)), meta });
  }
  try {
    await referenceStore().putEntries(entries, { learnedCap: await loadLearnedCap() });
  } catch (e) {
    throw isQuotaError(e) ? new Error(STORAGE_FULL) : e;
  }
  invalidateEngine();
  return { count: entries.length, left };
}

/**
 * Tries each set-aside record again: a record of an older form whose text survives is rebuilt from that
 * text; a pack segment that now reads is restored. What still cannot be read stays set aside.
 */
async function recoverSetAside(): Promise<{ count: number; left: number }> {
  const store = referenceStore();
  const records = await store.setAsideRecords();
  const recovered: PackEntry[] = [];
  const keys: IDBValidKey[] = [];
  const analyser = await sourceFreeAnalyser();
  for (const record of records) {
    const refs = recoverRecord(record, analyser);
    if (!refs) continue;
    recovered.push(...refs.map((r) => packEntry(r)));
    keys.push(record.key);
  }
  if (recovered.length) await store.putEntries(recovered);
  await store.dropSetAside(keys);
  if (recovered.length) invalidateEngine();
  return { count: recovered.length, left: records.length - keys.length };
}

/** A pack set aside whole, or a stored segment set aside as its records (before version 5, its head held the metadata). */
function packOf(v: unknown): (() => Uint8Array) | null {
  if (v instanceof ArrayBuffer) return () => new Uint8Array(v);
  const { head, metadata, arrays, texts } = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (!(head instanceof ArrayBuffer)) return null;
  const bytes = (b: unknown) => (b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(0));
  return () => joinSegment({ head: bytes(head), metadata: bytes(metadata), arrays: bytes(arrays), texts: bytes(texts) });
}

function recoverRecord(record: StoredRecord, analyser: Awaited<ReturnType<typeof sourceFreeAnalyser>>): Reference[] | null {
  const v = record.value;
  const pack = packOf(v);
  if (pack) {
    try {
      return restoreReferences(decodePack(pack()), 'user').references.map(materialize);
    } catch {
      return null;
    }
  }
  if (!recordProblem(v, record.key)) return [{ ...(v as Reference), origin: 'user' }];
  const r = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const text = typeof r.body === 'string' ? r.body : typeof r.text === 'string' ? r.text : null;
  if (!text?.trim() || typeof record.key !== 'string' || !record.key.startsWith('user-')) return null;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const rebuilt = buildReference({ id: record.key, text, title: str(r.title), source: str(r.source), url: str(r.url), origin: 'user' }, analyser);
  return recordProblem(rebuilt, record.key) ? null : [rebuilt];
}
