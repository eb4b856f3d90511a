import type { Span } from './types.ts';

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

// Letters and digits with inner apostrophes or hyphens ("Putin’s", "Biden-Putin", "24/7" splits on '/').
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const SENTENCE_BREAK = /[.!?:\n]/;

/** Tokenises `text`, skipping words inside `excluded` spans (sorted, non-overlapping). */
export function tokenize(text: string, excluded: readonly Span[] = []): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const capitalised: number[] = [];
  const sentenceStart: number[] = [];
  let skip = 0;
  let previousEnd = 0;
  for (const found of text.matchAll(WORD)) {
    const start = found.index;
    const end = start + found[0].length;
    while (skip < excluded.length && excluded[skip]!.end <= start) skip++;
    const span = excluded[skip];
    if (span && span.start <= start && end <= span.end) continue;
    const raw = found[0];
    words.push(raw.toLowerCase().replace(/’/g, "'"));
    starts.push(start);
    ends.push(end);
    const first = raw.charAt(0);
    capitalised.push(first !== first.toLowerCase() ? 1 : 0);
    const between = text.slice(previousEnd, start);
    sentenceStart.push(words.length === 1 || SENTENCE_BREAK.test(between) ? 1 : 0);
    previousEnd = end;
  }
  return {
    words,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    capitalised: Uint8Array.from(capitalised),
    sentenceStart: Uint8Array.from(sentenceStart),
  };
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

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}
