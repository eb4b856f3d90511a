/**
 * Word-level alignment of two token sequences: patience-style anchoring on words that occur once in both
 * ranges, recursing into the gaps, with an exact LCS only on small gaps. Costs close to linear time on
 * related texts and never the quadratic table of a full diff on long ones.
 */

/** Largest gap (cells of the LCS table) solved exactly; larger gaps without anchors stay unaligned. */
const MAX_DP_CELLS = 4096;

/** Matched pairs as two parallel arrays of positions, increasing in both. */
export interface WordPairs {
  a: number[];
  b: number[];
}

/** Word sequences as small integers, one number per distinct word on both sides. */
export interface InternedWords {
  a: Int32Array;
  b: Int32Array;
  vocabulary: number;
}

/** Maps the words of both sequences to small integers, so that ranges can be counted in typed arrays. */
export function intern(a: readonly string[], b: readonly string[]): InternedWords {
  const ids = new Map<string, number>();
  const map = (words: readonly string[]) => {
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let id = ids.get(words[i]!);
      if (id === undefined) ids.set(words[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const ia = map(a);
  return { a: ia, b: map(b), vocabulary: ids.size };
}

/** Aligns two interned sequences (a part of them may be given: only equal numbers count as equal words). */
export function alignWords({ a, b, vocabulary }: InternedWords): WordPairs {
  const counter = new RangeCounter(vocabulary);
  const pairs: number[] = []; // flattened (i, j)
  const stack: number[] = [0, a.length, 0, b.length];
  while (stack.length) {
    let bHi = stack.pop()!;
    let bLo = stack.pop()!;
    let aHi = stack.pop()!;
    let aLo = stack.pop()!;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) pairs.push(aLo++, bLo++);
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) pairs.push(--aHi, --bHi);
    if (aLo >= aHi || bLo >= bHi) continue;
    const anchors = counter.uniqueCommonAnchors(a, b, aLo, aHi, bLo, bHi);
    if (anchors.length) {
      let prevA = aLo;
      let prevB = bLo;
      for (let k = 0; k < anchors.length; k += 2) {
        const i = anchors[k]!;
        const j = anchors[k + 1]!;
        pairs.push(i, j);
        stack.push(prevA, i, prevB, j);
        prevA = i + 1;
        prevB = j + 1;
      }
      stack.push(prevA, aHi, prevB, bHi);
    } else if ((aHi - aLo) * (bHi - bLo) <= MAX_DP_CELLS) {
      lcs(a, b, aLo, aHi, bLo, bHi, pairs);
    }
  }
  // Each position of `a` is paired at most once: placing the pairs by it sorts them.
  const partner = new Int32Array(a.length).fill(-1);
  for (let k = 0; k < pairs.length; k += 2) partner[pairs[k]!] = pairs[k + 1]!;
  const out: WordPairs = { a: [], b: [] };
  for (let i = 0; i < a.length; i++) {
    if (partner[i]! < 0) continue;
    out.a.push(i);
    out.b.push(partner[i]!);
  }
  return out;
}

/** Counts word occurrences per range in arrays indexed by word id; a generation stamp avoids clearing them. */
class RangeCounter {
  private readonly stamp: Int32Array;
  private readonly countA: Int32Array;
  private readonly countB: Int32Array;
  private readonly posA: Int32Array;
  private readonly posB: Int32Array;
  private generation = 0;

  constructor(vocabulary: number) {
    this.stamp = new Int32Array(vocabulary);
    this.countA = new Int32Array(vocabulary);
    this.countB = new Int32Array(vocabulary);
    this.posA = new Int32Array(vocabulary);
    this.posB = new Int32Array(vocabulary);
  }

  /** Words occurring exactly once in each range, paired, reduced to their longest increasing chain. */
  uniqueCommonAnchors(a: Int32Array, b: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number): number[] {
    const g = ++this.generation;
    const { stamp, countA, countB, posA, posB } = this;
    for (let i = aLo; i < aHi; i++) {
      const w = a[i]!;
      if (stamp[w] !== g) {
        stamp[w] = g;
        countA[w] = 0;
        countB[w] = 0;
      }
      countA[w]!++;
      posA[w] = i;
    }
    for (let j = bLo; j < bHi; j++) {
      const w = b[j]!;
      if (stamp[w] !== g || countA[w] !== 1) continue;
      countB[w]!++;
      posB[w] = j;
    }
    const candidates: number[] = [];
    for (let i = aLo; i < aHi; i++) {
      const w = a[i]!;
      if (countA[w] === 1 && countB[w] === 1) candidates.push(i, posB[w]!);
    }
    return longestIncreasing(candidates);
  }
}

/** Longest chain increasing in the second coordinate (patience sorting), in O(n log n). Flattened pairs. */
function longestIncreasing(items: number[]): number[] {
  const count = items.length / 2;
  const tails: number[] = [];
  const previous = new Int32Array(count).fill(-1);
  for (let k = 0; k < count; k++) {
    const value = items[2 * k + 1]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[2 * tails[mid]! + 1]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(items[2 * k]!, items[2 * k + 1]!);
  const out: number[] = [];
  for (let k = chain.length - 2; k >= 0; k -= 2) out.push(chain[k]!, chain[k + 1]!);
  return out;
}

function lcs(a: Int32Array, b: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number, pairs: number[]): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[aLo + i] === b[bLo + j]
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[aLo + i] === b[bLo + j]) {
      pairs.push(aLo + i, bLo + j);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
}
