import type { Tokens } from '../text/text.ts';

/**
 * Adjacent word pairs inside one sentence with nothing but spaces between them: where a language model's
 * bigram statistics apply. Numbers and words written with digits are left out.
 */
export function adjacentPairs(tokens: Tokens, text: string, visit: (first: number, second: number) => void): void {
  for (let i = 0; i + 1 < tokens.words.length; i++) if (isAdjacentPair(tokens, text, i)) visit(i, i + 1);
}

/** Words i and i + 1 form a pair that adjacentPairs visits. */
export function isAdjacentPair(tokens: Tokens, text: string, i: number): boolean {
  const { starts, ends, sentenceStart } = tokens;
  if (sentenceStart[i + 1] || !onlySpaces(text, ends[i]!, starts[i + 1]!)) return false;
  const digits = withDigits(tokens);
  return !digits[i] && !digits[i + 1];
}

// Every stage asks the same tokens the same question: answered once per text.
const digitsOf = new WeakMap<Tokens, Uint8Array>();

function withDigits(tokens: Tokens): Uint8Array {
  let digits = digitsOf.get(tokens);
  if (!digits) {
    digits = Uint8Array.from(tokens.words, (w) => (/\d/.test(w) ? 1 : 0));
    digitsOf.set(tokens, digits);
  }
  return digits;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/**
 * A swap with a capitalised word on either side involves a name, and names are not a spinner's word choice
 * ("Roosevelt Room" → "Love Room"): such swaps say nothing about fluency or rarity.
 */
const CAPITAL = /(?:^|[^\p{L}])\p{Lu}/u;
export const swapsAName = (s: { page: string; reference: string }): boolean => CAPITAL.test(s.page) || CAPITAL.test(s.reference);

/** A capitalised word that does not begin a sentence is a name: no spinner chose it from a thesaurus. */
export function isName(tokens: Tokens, i: number): boolean {
  return tokens.capitalised[i] === 1 && tokens.sentenceStart[i] === 0;
}
