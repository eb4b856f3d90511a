/**
 * The engine's indexes kept between wakes: a wake after which the library has not changed restores them
 * as they were (typed arrays, read whole) instead of indexing every reference again. The store drops them
 * whenever the library changes; the key also names the references in order, so that indexes made for
 * another library (an update's bundled references, a write racing the save) are never used.
 */
import type { EngineIndexes } from '../../core/index.ts';
import { hashString } from '../../core/text/hash.ts';
import { postingBytes } from '../../core/match/fingerprint-index.ts';
import { FINGERPRINT_SCHEME } from '../../core/pack/format.ts';
import type { Reference } from '../../core/types.ts';
import { referenceStore, type RestoredLibrary } from './reference-db.ts';

interface CachedIndexes {
  key: string;
  indexes: EngineIndexes;
}

/** The bundled references, then the user's: named by their ids, or the user's by the store's identity. */
export function libraryKey(bundled: readonly Reference[], user: Pick<RestoredLibrary, 'references' | 'identity'>): string {
  const ids = (references: readonly Reference[]) => {
    let h = 0x811c9dc5;
    for (const r of references) h = hashString(r.id + '\n', h);
    return h.toString(16);
  };
  return `${FINGERPRINT_SCHEME}/${bundled.length + user.references.length}/${ids(bundled)}/${user.identity ?? ids(user.references)}`;
}

/** The kept indexes as stored, read while the library itself is read (their key is checked after). */
export function readKeptIndexes(): Promise<unknown> {
  return referenceStore().indexCache().catch(() => undefined);
}

export function keptIndexesFor(kept: unknown, key: string): EngineIndexes | undefined {
  const value = kept as Partial<CachedIndexes> | undefined;
  return value?.key === key && isIndexes(value.indexes) ? value.indexes : undefined;
}

export function saveIndexes(key: string, indexes: EngineIndexes): void {
  void referenceStore().saveIndexCache({ key, indexes } satisfies CachedIndexes).catch((e: unknown) => console.warn('Spinscope: indexes not kept', e));
}

function isIndexes(v: unknown): v is EngineIndexes {
  const i = v as Partial<EngineIndexes> | undefined;
  const arrays = (a: unknown) => {
    const x = a as { count?: unknown; bucketBits?: unknown; directory?: unknown; postings?: unknown } | undefined;
    // Indexes kept by an older version (other posting widths) fail here and are built again.
    return typeof x?.count === 'number' && typeof x.bucketBits === 'number' && x.directory instanceof Uint32Array && x.postings instanceof Uint8Array &&
      x.directory.length === 2 ** x.bucketBits + 1 && postingBytes(x.count) * x.directory[x.directory.length - 1]! === x.postings.length;
  };
  return arrays(i?.fingerprints) && arrays(i?.stories);
}
