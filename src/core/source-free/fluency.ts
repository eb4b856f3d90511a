import type { Tokens } from '../text/text.ts';
import type { Lexicon } from './lexicon.ts';
import { adjacency, adjacentPairs } from './word-pairs.ts';

/**
 * Association charged to a pair the model does not store. Stored pairs are the language's collocations; a
 * round trip or a thesaurus swap breaks them, so the share of pairs left unstored is itself the signal.
 */
const UNSTORED_PAIR = -0.5;
/**
 * Charged to a pair with a word the model does not know: what a translation round trip leaves untranslated
 * ("budžet") reads as badly as English can. Names are left out (capitalised words).
 */
export const UNKNOWN_WORD = -6;

/**
 * How strongly two adjacent words go together in fluent English: log10 P(b | a) − log10 P(b). Plain
 * probability would reward common words, and paraphrasers and round trips choose common words ("way in
 * what" for "manner in which"); association rewards the collocations that fluent writing keeps. Null when
 * the model does not know one of the words.
 */
export function pairAssociation(lexicon: Lexicon, first: string, second: string): number | null {
  return association(lexicon, partId(lexicon, lexicon.id(first), first, 'last'), partId(lexicon, lexicon.id(second), second, 'first'));
}

function association(lexicon: Lexicon, a: number, b: number): number | null {
  if (a < 0 || b < 0) return null;
  const logP = lexicon.bigram(a, b);
  return logP === null ? UNSTORED_PAIR : logP - lexicon.unigram(b);
}

/**
 * pairAssociation of each adjacent pair of the tokens, by its first word; NaN where the words make no pair or
 * the model does not know one of them. Fluency and swap fluency read the same pairs: computed once per text.
 */
export function pairAssociations(tokens: Tokens, text: string, lexicon: Lexicon): Float64Array {
  const kept = associationsOf.get(tokens);
  if (kept?.lexicon === lexicon) return kept.values;
  const { words } = tokens;
  const ids = lexicon.facts(tokens).ids;
  const adjacent = adjacency(tokens, text);
  const values = new Float64Array(words.length).fill(NaN);
  for (let i = 0; i + 1 < words.length; i++) {
    if (adjacent[i]) values[i] = association(lexicon, partId(lexicon, ids[i]!, words[i]!, 'last'), partId(lexicon, ids[i + 1]!, words[i + 1]!, 'first')) ?? NaN;
  }
  associationsOf.set(tokens, { lexicon, values });
  return values;
}

const associationsOf = new WeakMap<Tokens, { lexicon: Lexicon; values: Float64Array }>();

/**
 * The word's id; for a hyphenated compound the model does not store ("non-personal deposits"), the id of
 * the part that touches the neighbouring word, as the model's own tokeniser would have split it.
 */
function partId(lexicon: Lexicon, id: number, word: string, part: 'first' | 'last'): number {
  if (id >= 0 || !word.includes('-')) return id;
  const parts = word.split('-');
  return lexicon.id(part === 'first' ? parts[0]! : parts[parts.length - 1]!);
}

export interface Fluency {
  /** Mean association over the lower-case pairs (unknown words at a fixed low value). */
  meanAssociation: number;
  /** Pairs with both words known, and all pairs. */
  covered: number;
  pairs: number;
}

/** How fluent a text reads to a bigram model of fluent English: translation round trips score lower. */
export function fluency(tokens: Tokens, text: string, lexicon: Lexicon): Fluency {
  let sum = 0;
  let covered = 0;
  let judged = 0;
  let pairs = 0;
  const associations = pairAssociations(tokens, text, lexicon);
  adjacentPairs(tokens, text, (i, j) => {
    pairs++;
    if (tokens.capitalised[i] || tokens.capitalised[j]) return;
    const value = associations[i]!;
    judged++;
    if (Number.isNaN(value)) sum += UNKNOWN_WORD;
    else {
      covered++;
      sum += value;
    }
  });
  return { meanAssociation: judged ? sum / judged : 0, covered, pairs };
}
