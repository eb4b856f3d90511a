/**
 * Inverted index from fingerprint to reference, in flat typed arrays.
 *
 * Postings are bucketed by the high bits of the fingerprint; each posting holds the reference number in its
 * low bits and the next bits of the fingerprint as a check in its high bits, in 3 bytes while the library
 * leaves the check at least MIN_CHECK_BITS (up to 131,072 references), else in 4. That keeps the index near
 * 3 bytes per posting plus a small bucket directory, where a Map of arrays costs kilobytes per reference
 * (measured in `npm run bench`).
 */
export interface FingerprintIndex {
  readonly size: number;
  /** Bytes held by the index's arrays. */
  readonly bytes: number;
  /** The arrays it is made of, to keep and restore without building it again. */
  readonly arrays: IndexArrays;
  lookup(fingerprints: ArrayLike<number>, limit: number, minShared: number): Candidate[];
}

export interface IndexArrays {
  count: number;
  bucketBits: number;
  directory: Uint32Array;
  /** Little-endian postings of postingBytes(count) bytes each. */
  postings: Uint8Array;
}

export interface Candidate {
  /** Position of the reference in the array the index was built from. */
  reference: number;
  shared: number;
}

/** A lookup scans the postings of a whole bucket: about this many, and a directory word per bucket. */
const POSTINGS_PER_BUCKET = 32;
/**
 * A bucket this full holds a key that a large share of the library shares, as a search engine's stop word:
 * it is skipped, so that no key of a page costs more than this many postings.
 */
const MAX_BUCKET_POSTINGS = 1024;
/**
 * Fewest fingerprint bits a posting checks besides its bucket. A check shorter than the fingerprint's
 * remaining bits lets one posting in 2^7 of a scanned bucket vote by mistake: a few stray votes per page,
 * spread over the library, where a candidate needs several shared fingerprints.
 */
const MIN_CHECK_BITS = 7;

const refBitsFor = (count: number) => Math.max(1, Math.ceil(Math.log2(count + 1)));

/** Bytes per posting in an index of `count` references. */
export const postingBytes = (count: number): 3 | 4 => (refBitsFor(count) + MIN_CHECK_BITS <= 24 ? 3 : 4);

/** How a posting is laid out for a library of `count` references and 2^bucketBits buckets. */
function layout(count: number, bucketBits: number) {
  const refBits = refBitsFor(count);
  if (refBits > 24) throw new Error(`a library of ${count} references is larger than the index supports`);
  const width = postingBytes(count);
  const checkBits = 8 * width - refBits;
  const checkShift = 32 - bucketBits - checkBits; // may be negative: then the check reuses some bucket bits
  const checkMask = checkBits >= 32 ? 0xffffffff : (1 << checkBits) - 1;
  const checkOf = (h: number) =>
    (checkShift >= 0 ? h >>> checkShift : (h << -checkShift) | (h >>> (32 + checkShift))) & checkMask;
  return { width, refBits, checkOf, refMask: (1 << refBits) - 1 };
}

export function buildFingerprintIndex(perReference: readonly ArrayLike<number>[]): FingerprintIndex {
  const count = perReference.length;
  let total = 0;
  for (const prints of perReference) total += prints.length;
  // About POSTINGS_PER_BUCKET postings share a bucket: a small directory, and a lookup scans a few dozen bytes.
  const bucketBits = Math.min(24, Math.max(4, Math.ceil(Math.log2(Math.max(1, total / POSTINGS_PER_BUCKET)))));
  const { width, refBits, checkOf } = layout(count, bucketBits);

  const directory = new Uint32Array((1 << bucketBits) + 1);
  for (const prints of perReference) {
    for (let i = 0; i < prints.length; i++) directory[(prints[i]! >>> (32 - bucketBits)) + 1]!++;
  }
  for (let b = 1; b < directory.length; b++) directory[b]! += directory[b - 1]!;
  const postings = new Uint8Array(width * total);
  const fill = directory.slice(0, -1);
  perReference.forEach((prints, ref) => {
    for (let i = 0; i < prints.length; i++) {
      const h = prints[i]!;
      const bucket = h >>> (32 - bucketBits);
      const posting = (checkOf(h) << refBits) | ref;
      for (let b = 0, at = width * fill[bucket]!++; b < width; b++) postings[at + b] = posting >>> (8 * b);
    }
  });
  return fingerprintIndex({ count, bucketBits, directory, postings });
}

/** An index over arrays made by buildFingerprintIndex (possibly in another process, kept since). */
export function fingerprintIndex(arrays: IndexArrays): FingerprintIndex {
  const { count, bucketBits, directory, postings } = arrays;
  const { width, refBits, checkOf, refMask } = layout(count, bucketBits);

  return {
    size: count,
    bytes: directory.byteLength + postings.byteLength,
    arrays,
    lookup(fingerprints, limit, minShared) {
      const votes = new Map<number, number>();
      for (let i = 0; i < fingerprints.length; i++) {
        const h = fingerprints[i]!;
        const bucket = h >>> (32 - bucketBits);
        const check = checkOf(h);
        const end = directory[bucket + 1]!;
        if (end - directory[bucket]! > MAX_BUCKET_POSTINGS) continue;
        for (let p = width * directory[bucket]!; p < width * end; p += width) {
          const low = postings[p]! | (postings[p + 1]! << 8) | (postings[p + 2]! << 16);
          const posting = (width === 3 ? low : low | (postings[p + 3]! << 24)) >>> 0;
          if (posting >>> refBits === check) {
            const ref = posting & refMask;
            votes.set(ref, (votes.get(ref) ?? 0) + 1);
          }
        }
      }
      const candidates: Candidate[] = [];
      for (const [reference, shared] of votes) if (shared >= minShared) candidates.push({ reference, shared });
      candidates.sort((a, b) => b.shared - a.shared || a.reference - b.reference);
      return candidates.slice(0, limit);
    },
  };
}
