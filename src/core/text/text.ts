import type { Span } from '../types.ts';

/**
 * Words with their character offsets into the original text. Offsets stay in the caller's text so that
 * substitutions can be highlighted on the page without re-searching.
 */
export interface Tokens {
  /** Lower-cased, apostrophe-normalised word forms. */
  words: string[];
  starts: Int32Array;
  ends: Int32Array;
  /** The word as written starts with an upper-case letter. */
  capitalised: Uint8Array;
  /** The word begins a sentence (first word, or after . ! ? or a paragraph break). */
  sentenceStart: Uint8Array;
}

// A word is what this pattern matches, searched from the start of the text:
//   \p{N}+(?:[.,]\p{N}+)+ | [\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD\u200C\u200D]*(?:['’-][\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD\u200C\u200D]*)*
// Numbers with digit groups ("175,000", "2.5") are one word; so are letters and digits with inner
// apostrophes or hyphens ("Putin’s", "Biden-Putin"; "24/7" splits on '/').
// Combining marks, soft hyphens and joiners stay inside a word ("café" written as e + accent, Devanagari).
// It is read character by character below: the same words without a match object per word.

/** . ! ? : or a line break between two words starts a new sentence. */
function breaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 10) return true;
  }
  return false;
}

/** One spelling for one word: composed accents, no soft hyphens or joiners, a straight apostrophe. */
function wordForm(lower: string): string {
  return lower.normalize('NFC').replace(/[\u00AD\u200C\u200D]/g, '').replace(/’/g, "'");
}

const AS_WRITTEN = 0;
const LOWER_CASED = 1;
const NON_ASCII = 2;

/**
 * What the word from `start` to `end` needs to become its one spelling. Most words are plain ASCII, often
 * already lower-case: read from the text's codes, they need neither a lower-case copy nor a regex test.
 * (wordForm leaves ASCII as it is, so a word whose lower case is ASCII may go through it unchanged.)
 */
function spellingNeeds(text: string, start: number, end: number): number {
  let needs = AS_WRITTEN;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return NON_ASCII;
    if (c >= 65 && c <= 90) needs = LOWER_CASED;
  }
  return needs;
}

/** Titles and short forms whose full stop does not end a sentence ("Mr. Putin", "U.S. President"). Data. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt', 'rev', 'vs',
]);

/** The only thing between two words is the full stop of an abbreviation or an initial. */
function afterAbbreviation(previous: string, text: string, from: number, to: number): boolean {
  if (text.slice(from, to).trim() !== '.') return false;
  return previous.length === 1 || ABBREVIATIONS.has(previous);
}

/** What a character is to the word pattern: a number, another letter, a mark or joiner inside a word, or none of these. */
const OTHER = 1;
const NUMBER = 2;
const LETTER = 3;
const INNER = 4;
const IS_NUMBER = /^\p{N}$/u;
const IS_LETTER = /^\p{L}$/u;
const IS_INNER = /^[\p{M}\u00AD\u200C\u200D]$/u;

function classify(char: string): number {
  return IS_NUMBER.test(char) ? NUMBER : IS_LETTER.test(char) ? LETTER : IS_INNER.test(char) ? INNER : OTHER;
}

/** Classes of the UTF-16 code units read so far (0: not yet read), so that each is tested once per process. */
const unitClass = new Uint8Array(0x10000);

/** The class of the character at `i`, plus 8 when it takes two code units (outside the BMP). */
function charAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return classify(text.slice(i, i + 2)) | 8;
  }
  return unitClass[c] || (unitClass[c] = classify(text[i]!));
}

const isStart = (k: number) => (k & 7) === NUMBER || (k & 7) === LETTER;
const isInner = (k: number) => (k & 7) !== OTHER;

/** The end of the run of word characters (letters, numbers, marks, joiners) from `i`. */
function runEnd(text: string, i: number): number {
  for (let k: number; i < text.length && isInner((k = charAt(text, i))); ) i += k & 8 ? 2 : 1;
  return i;
}

/** The end of the run of numbers from `i`. */
function numberEnd(text: string, i: number): number {
  for (let k: number; i < text.length && ((k = charAt(text, i)) & 7) === NUMBER; ) i += k & 8 ? 2 : 1;
  return i;
}

/**
 * The end of the word that starts at `i` (whose class is `first`): the word pattern's match there. Its parts
 * are greedy and what follows each may be empty, so the first way it matches is the one read forward here.
 */
function wordEnd(text: string, i: number, first: number): number {
  if ((first & 7) === NUMBER) {
    // A number with digit groups is tried first, as in the pattern; without a group it is an ordinary word.
    let end = numberEnd(text, i);
    let groups = 0;
    for (;;) {
      const c = text.charCodeAt(end);
      if ((c !== 46 && c !== 44) || end + 1 >= text.length || (charAt(text, end + 1) & 7) !== NUMBER) break;
      end = numberEnd(text, end + 1);
      groups++;
    }
    if (groups) return end;
  }
  let end = runEnd(text, i + (first & 8 ? 2 : 1));
  for (;;) {
    const c = text.charCodeAt(end);
    if ((c !== 39 && c !== 0x2019 && c !== 45) || end + 1 >= text.length) break;
    const k = charAt(text, end + 1);
    if (!isStart(k)) break;
    end = runEnd(text, end + 1 + (k & 8 ? 2 : 1));
  }
  return end;
}

/** Tokenises `text`, skipping words inside `excluded` spans (sorted, non-overlapping). */
export function tokenize(text: string, excluded: readonly Span[] = []): Tokens {
  const words: string[] = [];
  // Typed arrays grown by doubling: no per-word boxing, no final copies of plain arrays.
  let starts = new Int32Array(256);
  let ends = new Int32Array(256);
  let capitalised = new Uint8Array(256);
  let sentenceStart = new Uint8Array(256);
  let skip = 0;
  let previousEnd = 0;
  for (let i = 0; i < text.length; ) {
    const first = charAt(text, i);
    if (!isStart(first)) {
      i += first & 8 ? 2 : 1;
      continue;
    }
    const start = i;
    const end = wordEnd(text, i, first);
    i = end;
    while (skip < excluded.length && excluded[skip]!.end <= start) skip++;
    const span = excluded[skip];
    if (span && span.start <= start && end <= span.end) continue;
    const n = words.length;
    if (n === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      capitalised = grow(capitalised);
      sentenceStart = grow(sentenceStart);
    }
    const raw = text.slice(start, end);
    const needs = spellingNeeds(text, start, end);
    const lower = needs === AS_WRITTEN ? raw : raw.toLowerCase();
    words.push(needs === NON_ASCII ? wordForm(lower) : lower);
    starts[n] = start;
    ends[n] = end;
    capitalised[n] = raw.charCodeAt(0) !== lower.charCodeAt(0) ? 1 : 0;
    sentenceStart[n] = n === 0 || (breaksSentence(text, previousEnd, start) && !afterAbbreviation(words[n - 1]!, text, previousEnd, start)) ? 1 : 0;
    previousEnd = end;
  }
  const n = words.length;
  return {
    words,
    starts: starts.subarray(0, n),
    ends: ends.subarray(0, n),
    capitalised: capitalised.subarray(0, n),
    sentenceStart: sentenceStart.subarray(0, n),
  };
}

function grow<T extends Int32Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Splits text into paragraphs (lines), keeping each one's span in the text. */
export function paragraphs(text: string): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  for (const found of text.matchAll(/[^\n]+/g)) {
    const line = found[0];
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (!trimmed) continue;
    const start = found.index + lead;
    out.push({ text: trimmed, span: { start, end: start + trimmed.length } });
  }
  return out;
}

/** The UTF-16 codes of `chars` (one unit each): tested per word, a set of codes needs no string or regex per test. */
export const charCodes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));

/** Whether a UTF-16 code unit is white space as `\s` reads it. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Runs of characters between white space: what splitting on `\s+` counts, without building the parts. */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
