import type { Tokens } from '../text.ts';
import type { Lexicon } from './lexicon.ts';
import { adjacentPairs } from './word-pairs.ts';

/** Log-probability charged to a pair the model does not store, on top of the second word's own. */
const BACKOFF_PENALTY = -1;
/**
 * Charged to a pair with a word the model does not know: what a translation round trip leaves untranslated
 * ("budžet") reads as badly as English can. Names are left out (capitalised words).
 */
const UNKNOWN_WORD_LOGP = -6;

export interface Fluency {
  /** Mean log10 P(second | first) over the lower-case pairs (unknown words at a fixed low value). */
  meanLogP: number;
  /** Pairs with both words known, and all pairs. */
  covered: number;
  pairs: number;
}

/** How fluent a text reads to a bigram model of fluent English: translation round trips score lower. */
export function fluency(tokens: Tokens, text: string, lexicon: Lexicon): Fluency {
  let sum = 0;
  let covered = 0;
  let pairs = 0;
  let unknown = 0;
  adjacentPairs(tokens, text, (i, j) => {
    pairs++;
    if (tokens.capitalised[i] || tokens.capitalised[j]) return;
    const a = lexicon.id(tokens.words[i]!);
    const b = lexicon.id(tokens.words[j]!);
    if (a < 0 || b < 0) {
      unknown++;
      sum += UNKNOWN_WORD_LOGP;
      return;
    }
    covered++;
    sum += lexicon.bigram(a, b) ?? lexicon.unigram(b) + BACKOFF_PENALTY;
  });
  return { meanLogP: covered + unknown ? sum / (covered + unknown) : 0, covered, pairs };
}
