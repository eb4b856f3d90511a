import type { Tokens } from '../text/text.ts';

/**
 * Adjacent word pairs inside one sentence with nothing but spaces between them: where a language model's
 * bigram statistics apply. Numbers and words written with digits are left out.
 */
export function adjacentPairs(tokens: Tokens, text: string, visit: (first: number, second: number) => void): void {
  const adjacent = adjacency(tokens, text);
  for (let i = 0; i + 1 < tokens.words.length; i++) if (adjacent[i]) visit(i, i + 1);
}

/** Whether words i and i + 1 form a pair that adjacentPairs visits (1) or not (0), by i. */
export function adjacency(tokens: Tokens, text: string): Uint8Array {
  let adjacent = adjacencyOf.get(tokens);
  if (!adjacent) {
    adjacent = readAdjacency(tokens, text);
    adjacencyOf.set(tokens, adjacent);
  }
  return adjacent;
}

// Every stage walks the same pairs of the same tokens (a kept reference's at every check): read once per text.
const adjacencyOf = new WeakMap<Tokens, Uint8Array>();

function readAdjacency(tokens: Tokens, text: string): Uint8Array {
  const { words, starts, ends, sentenceStart } = tokens;
  const adjacent = new Uint8Array(words.length);
  let digits = hasDigit(words[0] ?? '');
  for (let i = 0; i + 1 < words.length; i++) {
    const nextDigits = hasDigit(words[i + 1]!);
    adjacent[i] = !digits && !nextDigits && !sentenceStart[i + 1] && onlySpaces(text, ends[i]!, starts[i + 1]!) ? 1 : 0;
    digits = nextDigits;
  }
  return adjacent;
}

/** An ASCII digit, as /\d/ reads it. */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
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
