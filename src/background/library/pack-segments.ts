/**
 * The user's library as IndexedDB holds it: reference packs of at most SEGMENT_SIZE references each. Adding
 * or removing a reference rewrites the one or two segments it touches, never the whole library, and a wake
 * reads a handful of binary records instead of one record per reference.
 */
import type { PackEntry } from '../../core/pack/format.ts';

export const SEGMENT_SIZE = 1000;

/** Segment key → its entries; the highest key is the one new references are appended to. */
export type Segments = Map<number, PackEntry[]>;

export interface SegmentChanges {
  /** Segments to write (their whole new content). */
  write: Map<number, PackEntry[]>;
  /** Segments left empty, to delete. */
  remove: number[];
  /** Ids of learned references evicted to stay within the cap. */
  evicted: string[];
}

/**
 * Adds (or replaces, by id) entries, then evicts the oldest learned references beyond `learnedCap`. What the
 * reader added by hand is never evicted, nor is anything added in this same call.
 */
export function planPut(segments: Segments, added: readonly PackEntry[], learnedCap = Infinity): SegmentChanges {
  const next = withoutIds(segments, new Set(added.map((e) => e.meta.id)));
  const learned: { key: number; entry: PackEntry }[] = [];
  for (const [key, entries] of segments) {
    for (const entry of next.get(key) ?? entries) if (entry.meta.learned) learned.push({ key, entry });
  }
  const over = learned.length + added.filter((e) => e.meta.learned).length - learnedCap;
  const evicted: string[] = [];
  if (over > 0) {
    learned.sort((a, b) => (a.entry.meta.addedAt ?? 0) - (b.entry.meta.addedAt ?? 0));
    for (const { key, entry } of learned.slice(0, over)) {
      next.set(key, (next.get(key) ?? segments.get(key)!).filter((e) => e !== entry));
      evicted.push(entry.meta.id);
    }
  }
  let last = Math.max(-1, ...segments.keys());
  let tail = [...(next.get(last) ?? segments.get(last) ?? [])];
  let tailChanged = next.has(last);
  for (const entry of added) {
    if (last < 0 || tail.length >= SEGMENT_SIZE) {
      if (tailChanged) next.set(last, tail);
      last += 1;
      tail = [];
    }
    tail.push(entry);
    tailChanged = true;
  }
  if (tailChanged) next.set(last, tail);
  return settle(next, evicted);
}

export function planDelete(segments: Segments, id: string): SegmentChanges {
  return settle(withoutIds(segments, new Set([id])), []);
}

/** The segments that hold one of `ids`, each without them. */
function withoutIds(segments: Segments, ids: ReadonlySet<string>): Map<number, PackEntry[]> {
  const next = new Map<number, PackEntry[]>();
  for (const [key, entries] of segments) {
    const kept = entries.filter((e) => !ids.has(e.meta.id));
    if (kept.length !== entries.length) next.set(key, kept);
  }
  return next;
}

function settle(next: Map<number, PackEntry[]>, evicted: string[]): SegmentChanges {
  const write = new Map<number, PackEntry[]>();
  const remove: number[] = [];
  for (const [key, entries] of next) {
    if (entries.length) write.set(key, entries);
    else remove.push(key);
  }
  return { write, remove, evicted };
}

/** Applies changes to the in-memory copy once they are committed. */
export function applyChanges(segments: Segments, changes: SegmentChanges): void {
  for (const key of changes.remove) segments.delete(key);
  for (const [key, entries] of changes.write) segments.set(key, entries);
}
