import { alignWords, intern, type InternedWords, type WordPairs } from './align-words.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import type { AlignedPassage, Alignment, Substitution } from '../types.ts';
import type { Tokens } from '../text/text.ts';

/** How matched words are grouped into passages; the same for every sensitivity. */
export interface PassageRules {
  /** A gap of at most this many words on both sides, between matched words, is one substitution. */
  maxSwapWords: number;
  /** A one-sided gap (inserted or dropped words) of at most this many words keeps a passage going. */
  maxIndelWords: number;
  minPassageWords: number;
  /** Share of a passage's page words that must match the reference exactly. */
  minMatchRatio: number;
  /** Matched words that are not function words: shared function words alone say nothing. */
  minContentMatches: number;
  /**
   * Alignment passes. Each pass aligns what earlier passes left over, so paragraphs that a copy moved
   * around are still found (one monotone alignment keeps only one order).
   */
  maxPasses: number;
}

export const PASSAGE_RULES: PassageRules = {
  maxSwapWords: 4,
  maxIndelWords: 2,
  minPassageWords: 8,
  minMatchRatio: 0.5,
  minContentMatches: 3,
  maxPasses: 8,
};

interface Side {
  tokens: Tokens;
  text: string;
  covered: Uint8Array;
}

/** Aligns the page's words to the reference's and reports coverage, passages and substitutions. */
export function align(
  page: Tokens, pageText: string, reference: Tokens, referenceText: string, rules: PassageRules = PASSAGE_RULES,
): Alignment {
  const p: Side = { tokens: page, text: pageText, covered: new Uint8Array(page.words.length) };
  const r: Side = { tokens: reference, text: referenceText, covered: new Uint8Array(reference.words.length) };
  const passages: AlignedPassage[] = [];
  const substitutions: Substitution[] = [];
  // Words are numbered once for every pass.
  const ids = intern(page.words, reference.words);
  for (let pass = 0; pass < rules.maxPasses; pass++) {
    const found = passagesOf(remainingPairs(p, r, ids), p, r, rules, passages, substitutions);
    if (!found) break;
  }
  passages.sort((a, b) => a.page.start - b.page.start);
  substitutions.sort((a, b) => a.pageSpan.start - b.pageSpan.start);

  let coveredPage = 0;
  let swapped = 0;
  for (const passage of passages) {
    coveredPage += passage.words;
    swapped += passage.swappedWords;
  }
  let coveredReference = 0;
  for (const c of r.covered) coveredReference += c;
  const pageWords = page.words.length;
  const referenceWords = reference.words.length;
  return {
    coverage: pageWords ? coveredPage / pageWords : 0,
    substitutionRate: coveredPage ? swapped / coveredPage : 0,
    referenceCoverage: referenceWords ? coveredReference / referenceWords : 0,
    passages,
    substitutions,
    pageWords,
    referenceWords,
  };
}

/** Aligns the words no passage holds yet, and maps the pairs back to positions in the full texts. */
function remainingPairs(p: Side, r: Side, ids: InternedWords): WordPairs {
  const page = uncovered(p.covered, ids.a);
  const reference = uncovered(r.covered, ids.b);
  const pairs = alignWords({ a: page.ids, b: reference.ids, vocabulary: ids.vocabulary });
  for (let k = 0; k < pairs.a.length; k++) {
    pairs.a[k] = page.at[pairs.a[k]!]!;
    pairs.b[k] = reference.at[pairs.b[k]!]!;
  }
  return pairs;
}

/** The words no passage holds, as numbers, with their positions in the full text. */
function uncovered(covered: Uint8Array, all: Int32Array): { ids: Int32Array; at: Int32Array } {
  let n = 0;
  for (let i = 0; i < covered.length; i++) if (!covered[i]) n++;
  const ids = new Int32Array(n);
  const at = new Int32Array(n);
  for (let i = 0, k = 0; i < covered.length; i++) {
    if (covered[i]) continue;
    ids[k] = all[i]!;
    at[k++] = i;
  }
  return { ids, at };
}

/** Groups matched pairs into passages; adds the valid ones (and their substitutions). Returns how many. */
function passagesOf(
  pairs: WordPairs, p: Side, r: Side, rules: PassageRules, passages: AlignedPassage[], substitutions: Substitution[],
): number {
  let added = 0;
  let first = 0;
  const close = (last: number) => {
    if (addPassage(pairs, first, last, p, r, rules, passages, substitutions)) added++;
  };
  for (let k = 0; k + 1 < pairs.a.length; k++) {
    const gapA = pairs.a[k + 1]! - pairs.a[k]! - 1;
    const gapB = pairs.b[k + 1]! - pairs.b[k]! - 1;
    // Words an earlier pass placed elsewhere sit inside a gap: the passage cannot run across them.
    const continuous =
      !coveredBetween(p.covered, pairs.a[k]!, pairs.a[k + 1]!) &&
      !coveredBetween(r.covered, pairs.b[k]!, pairs.b[k + 1]!) &&
      ((gapA === 0 && gapB === 0) ||
        (gapA > 0 && gapB > 0 && gapA <= rules.maxSwapWords && gapB <= rules.maxSwapWords) ||
        (Math.min(gapA, gapB) === 0 && Math.max(gapA, gapB) <= rules.maxIndelWords));
    if (!continuous) {
      close(k);
      first = k + 1;
    }
  }
  if (pairs.a.length) close(pairs.a.length - 1);
  return added;
}

/**
 * Unaligned words next to position `from` in direction `step`, when at most `max` of them lie between it and
 * the text's edge or an aligned word; 0 when the gap is longer (then it is not one swap).
 */
function boundedGap(covered: Uint8Array, from: number, step: 1 | -1, max: number): number {
  for (let n = 0, i = from + step; n <= max; n++, i += step) {
    if (i < 0 || i >= covered.length || covered[i]) return n;
  }
  return 0;
}

function coveredBetween(covered: Uint8Array, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (covered[i]) return true;
  return false;
}

function addPassage(
  pairs: WordPairs, first: number, last: number, p: Side, r: Side, rules: PassageRules,
  passages: AlignedPassage[], substitutions: Substitution[],
): boolean {
  if (last < first) return false;
  const matched = last - first + 1;
  let contentMatches = 0;
  for (let k = first; k <= last; k++) if (!STOPWORDS.has(p.tokens.words[pairs.a[k]!]!)) contentMatches++;
  const span = pairs.a[last]! - pairs.a[first]! + 1;
  if (span < rules.minPassageWords || matched / span < rules.minMatchRatio || contentMatches < rules.minContentMatches) {
    return false;
  }
  // A swap at the very edge of a passage (the article's first word, or the words up to an earlier passage)
  // has no matched word on its outer side: take it in when it is bounded on both texts.
  const leadA = boundedGap(p.covered, pairs.a[first]!, -1, rules.maxSwapWords);
  const leadB = boundedGap(r.covered, pairs.b[first]!, -1, rules.maxSwapWords);
  const lead = leadA > 0 && leadB > 0;
  const tailA = boundedGap(p.covered, pairs.a[last]!, 1, rules.maxSwapWords);
  const tailB = boundedGap(r.covered, pairs.b[last]!, 1, rules.maxSwapWords);
  const tail = tailA > 0 && tailB > 0;
  const aStart = pairs.a[first]! - (lead ? leadA : 0);
  const aEnd = pairs.a[last]! + (tail ? tailA : 0);
  const bStart = pairs.b[first]! - (lead ? leadB : 0);
  const bEnd = pairs.b[last]! + (tail ? tailB : 0);
  const words = aEnd - aStart + 1;
  p.covered.fill(1, aStart, aEnd + 1);
  r.covered.fill(1, bStart, bEnd + 1);
  passages.push({
    page: { start: p.tokens.starts[aStart]!, end: p.tokens.ends[aEnd]! },
    reference: { start: r.tokens.starts[bStart]!, end: r.tokens.ends[bEnd]! },
    words,
    swappedWords: words - matched,
  });
  const swap = (a0: number, a1: number, b0: number, b1: number) => {
    const pageSpan = { start: p.tokens.starts[a0]!, end: p.tokens.ends[a1]! };
    const referenceSpan = { start: r.tokens.starts[b0]!, end: r.tokens.ends[b1]! };
    substitutions.push({
      reference: r.text.slice(referenceSpan.start, referenceSpan.end),
      page: p.text.slice(pageSpan.start, pageSpan.end),
      referenceSpan,
      pageSpan,
    });
  };
  if (lead) swap(aStart, pairs.a[first]! - 1, bStart, pairs.b[first]! - 1);
  for (let k = first; k < last; k++) {
    const a0 = pairs.a[k]! + 1;
    const a1 = pairs.a[k + 1]! - 1;
    const b0 = pairs.b[k]! + 1;
    const b1 = pairs.b[k + 1]! - 1;
    if (a0 <= a1 && b0 <= b1) swap(a0, a1, b0, b1);
  }
  if (tail) swap(pairs.a[last]! + 1, aEnd, pairs.b[last]! + 1, bEnd);
  return true;
}
