import { hashString } from '../text/hash.ts';
import type { Tokens } from '../text/text.ts';
import type { SourceFreeTables } from './tables.ts';

/** A tortured phrase's likely original: the collocation one synonym away. */
export interface TorturedEntry {
  /** The collocation's word that the page replaced, and which side of the pair it stood on. */
  original: number;
  side: 0 | 1;
}

/** Lookups over the tables: word ids, fluency bigrams, tortured phrases. */
export interface Lexicon {
  /** The word's id, or −1 when the model does not know it. */
  id(word: string): number;
  /** Each of the tokens' words' id, as `id` gives it. */
  ids(tokens: Tokens): Int32Array;
  word(id: number): string;
  /** log10 P(word). */
  unigram(id: number): number;
  /** log10 P(b | a) when the tables keep the bigram, else null. */
  bigram(a: number, b: number): number | null;
  tortured(a: number, b: number): TorturedEntry | null;
  isForeign(word: string): boolean;
  /** English always capitalises it ("sweden" is a mistake). */
  isProperName(word: string): boolean;
}

function search(sorted: Uint32Array | Uint16Array, value: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Words remembered before the cache starts over: news reuses a few thousand words, so this is plenty. */
const CACHED_WORDS = 50_000;

export function createLexicon(t: SourceFreeTables): Lexicon {
  const decoder = new TextDecoder();
  // Every stage asks about the same words; one hash and three binary searches per word, then a Map lookup.
  const known = new Map<string, number>();
  const facts = (word: string): number => {
    let packed = known.get(word);
    if (packed === undefined) {
      const hash = hashString(word);
      const id = search(t.wordHashes, hash);
      packed = ((id + 1) << 2) | (search(t.foreignHashes, hash) >= 0 ? 2 : 0) | (search(t.properHashes, hash) >= 0 ? 1 : 0);
      if (known.size >= CACHED_WORDS) known.clear();
      known.set(word, packed);
    }
    return packed;
  };
  const id = (word: string) => (facts(word) >> 2) - 1;
  // Every stage reads the same text's words (a kept reference's at every check): their ids are looked up once.
  const idsOf = new WeakMap<Tokens, Int32Array>();
  return {
    id,
    ids(tokens) {
      let ids = idsOf.get(tokens);
      if (!ids) {
        ids = new Int32Array(tokens.words.length);
        for (let i = 0; i < ids.length; i++) ids[i] = id(tokens.words[i]!);
        idsOf.set(tokens, ids);
      }
      return ids;
    },
    word: (id) => decoder.decode(t.wordText.subarray(t.wordStarts[id]!, t.wordStarts[id + 1]!)),
    unigram: (id) => -t.unigramCost[id]! / 10,
    bigram(a, b) {
      const at = search(t.bigramSeconds, b, t.bigramStarts[a]!, t.bigramStarts[a + 1]!);
      return at < 0 ? null : -t.bigramCost[at]! / 10;
    },
    tortured(a, b) {
      const at = search(t.torturedSeconds, b, t.torturedStarts[a]!, t.torturedStarts[a + 1]!);
      if (at < 0) return null;
      return { original: t.torturedOriginal[at]!, side: t.torturedSide[at] as 0 | 1 };
    },
    isForeign: (word) => (facts(word) & 2) !== 0,
    isProperName: (word) => (facts(word) & 1) !== 0,
  };
}
