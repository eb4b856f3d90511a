/** 32-bit FNV-1a over a string: fast, stable across runs and contexts (fingerprints are stored at build time). */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a sequence of 32-bit values into one (used for n-grams of word hashes). */
export function mixHashes(values: ArrayLike<number>, from: number, count: number, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = from; i < from + count; i++) {
    h ^= values[i]!;
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 15;
  }
  // Final avalanche so that nearby inputs spread over the whole range (the index buckets by high bits).
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
