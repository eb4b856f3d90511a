import { hashString } from '../text/hash.ts';
import type { Tokens } from '../text/text.ts';
import type { SourceFreeTables } from './tables.ts';

/** A tortured phrase's likely original: the collocation one synonym away. */
export interface TorturedEntry {
  /** The collocation's word that the page replaced, and which side of the pair it stood on. */
  original: number;
  side: 0 | 1;
}

/** What the tables say of each word of a text, by token. */
export interface WordFacts {
  /** The word's id, as `id` gives it. */
  ids: Int32Array;
  /** 1: a common word of another language. */
  foreign: Uint8Array;
  /** 1: English always capitalises it ("sweden" is a mistake). */
  properName: Uint8Array;
}

/** Lookups over the tables: word ids, fluency bigrams, tortured phrases. */
export interface Lexicon {
  /** The word's id, or −1 when the model does not know it. */
  id(word: string): number;
  /** Every stage reads the same text's words (a kept reference's at every check): each is looked up once. */
  facts(tokens: Tokens): WordFacts;
  word(id: number): string;
  /** log10 P(word). */
  unigram(id: number): number;
  /** log10 P(b | a) when the tables keep the bigram, else null. */
  bigram(a: number, b: number): number | null;
  tortured(a: number, b: number): TorturedEntry | null;
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
  const lookUp = (word: string): number => {
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
  const factsOf = new WeakMap<Tokens, WordFacts>();
  return {
    id: (word) => (lookUp(word) >> 2) - 1,
    facts(tokens) {
      let kept = factsOf.get(tokens);
      if (!kept) {
        const n = tokens.words.length;
        kept = { ids: new Int32Array(n), foreign: new Uint8Array(n), properName: new Uint8Array(n) };
        for (let i = 0; i < n; i++) {
          const packed = lookUp(tokens.words[i]!);
          kept.ids[i] = (packed >> 2) - 1;
          kept.foreign[i] = (packed >> 1) & 1;
          kept.properName[i] = packed & 1;
        }
        factsOf.set(tokens, kept);
      }
      return kept;
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
  };
}
