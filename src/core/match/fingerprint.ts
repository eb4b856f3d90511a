import { hashString, mixHashes } from '../text/hash.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import type { Tokens } from '../text/text.ts';

/**
 * Fingerprints that survive spinning. Two streams, both winnowed (Schleimer et al. 2003):
 * - stopword n-grams: the sequence of function words, which spinners leave in place (Stamatatos 2011);
 * - immutable n-grams: names and numbers in order, which a spinner cannot swap without changing the facts
 *   (the "immutables" of DSpin, Zhang et al. NDSS 2014).
 * Plain word shingles break as soon as one word in the shingle is swapped, which at 30 % substitution is
 * almost every shingle.
 */
export const STOPWORD_GRAM = 7;
export const IMMUTABLE_GRAM = 3;
export const WINNOW_WINDOW = 6;

const STOPWORD_SALT = 0x5bd1e995;
const IMMUTABLE_SALT = 0x27d4eb2d;

export function isImmutable(tokens: Tokens, i: number): boolean {
  const word = tokens.words[i]!;
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return true;
  return tokens.capitalised[i] === 1 && tokens.sentenceStart[i] === 0 && !STOPWORDS.has(word);
}

function grams(wordHashes: number[], n: number, salt: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + n <= wordHashes.length; i++) out.push(mixHashes(wordHashes, i, n, salt));
  return out;
}

/** Keeps the minimum of every window of `w` hashes (rightmost on ties), each selection once. */
export function winnow(hashes: readonly number[], w: number): number[] {
  if (hashes.length <= w) return [...new Set(hashes)];
  const picked: number[] = [];
  let last = -1;
  for (let start = 0; start + w <= hashes.length; start++) {
    let best = start;
    for (let i = start + 1; i < start + w; i++) if (hashes[i]! <= hashes[best]!) best = i;
    if (best !== last) {
      picked.push(hashes[best]!);
      last = best;
    }
  }
  return picked;
}

/** The distinct winnowed fingerprints of a tokenised text. */
export function fingerprints(tokens: Tokens, window = WINNOW_WINDOW): Uint32Array {
  const stopwordHashes: number[] = [];
  const immutableHashes: number[] = [];
  for (let i = 0; i < tokens.words.length; i++) {
    const word = tokens.words[i]!;
    if (STOPWORDS.has(word)) stopwordHashes.push(hashString(word));
    else if (isImmutable(tokens, i)) immutableHashes.push(hashString(word));
  }
  const selected = new Set<number>([
    ...winnow(grams(stopwordHashes, STOPWORD_GRAM, STOPWORD_SALT), window),
    ...winnow(grams(immutableHashes, IMMUTABLE_GRAM, IMMUTABLE_SALT), window),
  ]);
  return Uint32Array.from(selected);
}
