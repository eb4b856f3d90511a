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

export function alignWords(a: readonly string[], b: readonly string[]): WordPairs {
  const pairs: [number, number][] = [];
  const stack: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (stack.length) {
    let [aLo, aHi, bLo, bHi] = stack.pop()!;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) pairs.push([aLo++, bLo++]);
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) pairs.push([--aHi, --bHi]);
    if (aLo >= aHi || bLo >= bHi) continue;
    const anchors = uniqueCommonAnchors(a, b, aLo, aHi, bLo, bHi);
    if (anchors.length) {
      let prevA = aLo;
      let prevB = bLo;
      for (const [i, j] of anchors) {
        pairs.push([i, j]);
        stack.push([prevA, i, prevB, j]);
        prevA = i + 1;
        prevB = j + 1;
      }
      stack.push([prevA, aHi, prevB, bHi]);
    } else if ((aHi - aLo) * (bHi - bLo) <= MAX_DP_CELLS) {
      for (const pair of lcs(a, b, aLo, aHi, bLo, bHi)) pairs.push(pair);
    }
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return { a: pairs.map((p) => p[0]), b: pairs.map((p) => p[1]) };
}

/** Words occurring exactly once in each range, paired, reduced to their longest increasing chain. */
function uniqueCommonAnchors(
  a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number,
): [number, number][] {
  const inA = new Map<string, number>();
  for (let i = aLo; i < aHi; i++) inA.set(a[i]!, inA.has(a[i]!) ? -1 : i);
  const inB = new Map<string, number>();
  for (let j = bLo; j < bHi; j++) {
    const w = b[j]!;
    if ((inA.get(w) ?? -1) >= 0) inB.set(w, inB.has(w) ? -1 : j);
  }
  const candidates: [number, number][] = [];
  for (const [w, j] of inB) if (j >= 0) candidates.push([inA.get(w)!, j]);
  candidates.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(candidates);
}

/** Longest chain increasing in the second coordinate (patience sorting), in O(n log n). */
function longestIncreasing(items: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(items.length).fill(-1);
  for (let k = 0; k < items.length; k++) {
    const value = items[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(items[k]!);
  return chain.reverse();
}

function lcs(
  a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number,
): [number, number][] {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[aLo + i] === b[bLo + j]
        ? table[(i + 1) * (m + 1) + j + 1]! + 1
        : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[aLo + i] === b[bLo + j]) {
      out.push([aLo + i, bLo + j]);
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return out;
}
