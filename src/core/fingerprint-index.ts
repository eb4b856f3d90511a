/**
 * Inverted index from fingerprint to reference, in flat typed arrays.
 *
 * Postings are bucketed by the high bits of the fingerprint; each posting is one 32-bit word holding the
 * reference number in its low bits and the next bits of the fingerprint as a check in its high bits. That
 * keeps the index near 4 bytes per posting plus a small bucket directory, where a Map of arrays costs
 * kilobytes per reference (measured in `npm run bench`).
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
  postings: Uint32Array;
}

export interface Candidate {
  /** Position of the reference in the array the index was built from. */
  reference: number;
  shared: number;
}

const POSTINGS_PER_BUCKET = 16;
/**
 * A bucket this much fuller than the average holds a key that a large share of the library shares, as a
 * search engine's stop word: it is skipped, so that no key of a page costs more than this many postings.
 */
const MAX_BUCKET_POSTINGS = 64 * POSTINGS_PER_BUCKET;

/** How a posting is laid out for a library of `count` references and 2^bucketBits buckets. */
function layout(count: number, bucketBits: number) {
  const refBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  if (refBits > 24) throw new Error(`a library of ${count} references is larger than the index supports`);
  const checkBits = 32 - refBits;
  const checkShift = 32 - bucketBits - checkBits; // may be negative: then the check reuses some bucket bits
  const checkMask = checkBits >= 32 ? 0xffffffff : (1 << checkBits) - 1;
  const checkOf = (h: number) =>
    (checkShift >= 0 ? h >>> checkShift : (h << -checkShift) | (h >>> (32 + checkShift))) & checkMask;
  return { refBits, checkOf, refMask: refBits >= 32 ? 0xffffffff : (1 << refBits) - 1 };
}

export function buildFingerprintIndex(perReference: readonly ArrayLike<number>[]): FingerprintIndex {
  const count = perReference.length;
  let total = 0;
  for (const prints of perReference) total += prints.length;
  // About POSTINGS_PER_BUCKET postings share a bucket: a small directory, and a lookup scans a few words.
  const bucketBits = Math.min(24, Math.max(4, Math.ceil(Math.log2(Math.max(1, total / POSTINGS_PER_BUCKET)))));
  const { refBits, checkOf } = layout(count, bucketBits);

  const directory = new Uint32Array((1 << bucketBits) + 1);
  for (const prints of perReference) {
    for (let i = 0; i < prints.length; i++) directory[(prints[i]! >>> (32 - bucketBits)) + 1]!++;
  }
  for (let b = 1; b < directory.length; b++) directory[b]! += directory[b - 1]!;
  const postings = new Uint32Array(total);
  const fill = directory.slice(0, -1);
  perReference.forEach((prints, ref) => {
    for (let i = 0; i < prints.length; i++) {
      const h = prints[i]!;
      const bucket = h >>> (32 - bucketBits);
      postings[fill[bucket]!++] = ((checkOf(h) << refBits) | ref) >>> 0;
    }
  });
  return fingerprintIndex({ count, bucketBits, directory, postings });
}

/** An index over arrays made by buildFingerprintIndex (possibly in another process, kept since). */
export function fingerprintIndex(arrays: IndexArrays): FingerprintIndex {
  const { count, bucketBits, directory, postings } = arrays;
  const { refBits, checkOf, refMask } = layout(count, bucketBits);

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
        for (let p = directory[bucket]!; p < end; p++) {
          const posting = postings[p]!;
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
