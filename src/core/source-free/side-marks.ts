import { charCodes, type Tokens } from '../text/text.ts';
import type { SideMarks } from '../types.ts';
import type { Lexicon } from './lexicon.ts';
import { SOURCE_FREE_SETTINGS as S } from './settings.ts';
import { adjacentPairs } from './word-pairs.ts';

const DOUBLE_QUOTES = charCodes('"“”„«»');
/** A hyphen joining "the" to a word: a round trip's broken compound ("counter-the parties", "two-the thirds"). */
const HYPHENED_ARTICLE = /^the-[^-]+$|^[^-]+-the$/;
/** A letter English words seldom carry; a long unknown word with one was glued together by a round trip. */
const NON_ENGLISH_LETTER = /[^\x00-\x7F’]/;
const CLOSING_PUNCTUATION = charCodes('.,;:!?)');

/**
 * Quotation marks touching a word of the text (opening before it, closing after it and its punctuation):
 * marks in boilerplate the tokens leave out are not counted, so a raw page and a cleaned reference compare.
 */
function quotationMarks(tokens: Tokens, text: string): number {
  let marks = 0;
  for (let i = 0; i < tokens.words.length; i++) {
    // Outside the text charCodeAt gives NaN, which no set holds.
    if (DOUBLE_QUOTES.has(text.charCodeAt(tokens.starts[i]! - 1))) marks++;
    let after = tokens.ends[i]!;
    while (CLOSING_PUNCTUATION.has(text.charCodeAt(after))) after++;
    if (DOUBLE_QUOTES.has(text.charCodeAt(after))) marks++;
  }
  return marks;
}

/** Compounds a round trip broke, which fluent news almost never has (10 of 12,682 articles). */
function brokenWords(tokens: Tokens, lexicon: Lexicon): number {
  const ids = lexicon.facts(tokens).ids;
  let broken = 0;
  for (let i = 0; i < tokens.words.length; i++) {
    if (ids[i]! >= 0) continue;
    const word = tokens.words[i]!;
    if (HYPHENED_ARTICLE.test(word)) broken++;
    else if (!tokens.capitalised[i] && word.length >= S.gluedWordMinLength && NON_ENGLISH_LETTER.test(word)) broken++;
  }
  return broken;
}

/** "of" less possessive "'s" (words are lower-cased, their apostrophe straightened). */
function genitives(tokens: Tokens): number {
  let count = 0;
  for (const word of tokens.words) {
    if (word === 'of') count++;
    else if (word.endsWith("'s")) count--;
  }
  return count;
}

/**
 * The marks one side of an alignment carries whatever its smoothness. Two common words the model never saw
 * together are a grammar slip ("prices beaten changing", "with idea"): round trips make several, fluent
 * writing, an original's or a neural translation's, one or two the model's bigrams miss ("the case today");
 * a rare word beside another is only unseen, so pairs with a rare word are left out. Quotations are counted
 * because copies drop them and almost never add any.
 */
export function sideMarks(tokens: Tokens, text: string, lexicon: Lexicon): SideMarks {
  // A reference's tokens are kept between checks: its marks are counted once.
  const kept = marksOf.get(tokens);
  if (kept?.lexicon === lexicon) return kept.marks;
  const marks = countMarks(tokens, text, lexicon);
  marksOf.set(tokens, { lexicon, marks });
  return marks;
}

const marksOf = new WeakMap<Tokens, { lexicon: Lexicon; marks: SideMarks }>();

function countMarks(tokens: Tokens, text: string, lexicon: Lexicon): SideMarks {
  let slips = brokenWords(tokens, lexicon);
  let pairs = 0;
  const ids = lexicon.facts(tokens).ids;
  adjacentPairs(tokens, text, (i, j) => {
    if (tokens.capitalised[i] || tokens.capitalised[j]) return;
    const a = ids[i]!;
    const b = ids[j]!;
    if (a < 0 || b < 0) return;
    pairs++;
    if (lexicon.unigram(a) > S.commonWordLog10 && lexicon.unigram(b) > S.commonWordLog10 && lexicon.bigram(a, b) === null) slips++;
  });
  return { slips, pairs, quotations: Math.floor(quotationMarks(tokens, text) / 2), genitives: genitives(tokens), words: tokens.words.length };
}
