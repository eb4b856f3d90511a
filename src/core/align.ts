import { alignWords } from './align-words.ts';
import { STOPWORDS } from './stopwords.ts';
import type { AlignedPassage, Alignment, Substitution } from './types.ts';
import type { Tokens } from './text.ts';

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
}

export const PASSAGE_RULES: PassageRules = {
  maxSwapWords: 4,
  maxIndelWords: 2,
  minPassageWords: 8,
  minMatchRatio: 0.5,
  minContentMatches: 3,
};

/** Aligns the page's words to the reference's and reports coverage, passages and substitutions. */
export function align(
  page: Tokens, pageText: string, reference: Tokens, referenceText: string, rules: PassageRules = PASSAGE_RULES,
): Alignment {
  const pairs = alignWords(page.words, reference.words);
  const passages: AlignedPassage[] = [];
  const substitutions: Substitution[] = [];
  let coveredPage = 0;
  let coveredReference = 0;
  let swappedTotal = 0;

  let first = 0;
  const closePassage = (last: number) => {
    if (last < first) return;
    const aStart = pairs.a[first]!;
    const aEnd = pairs.a[last]!;
    const words = aEnd - aStart + 1;
    const matched = last - first + 1;
    let contentMatches = 0;
    for (let k = first; k <= last; k++) if (!STOPWORDS.has(page.words[pairs.a[k]!]!)) contentMatches++;
    if (words < rules.minPassageWords || matched / words < rules.minMatchRatio) return;
    if (contentMatches < rules.minContentMatches) return;
    const bStart = pairs.b[first]!;
    const bEnd = pairs.b[last]!;
    passages.push({
      page: { start: page.starts[aStart]!, end: page.ends[aEnd]! },
      reference: { start: reference.starts[bStart]!, end: reference.ends[bEnd]! },
      words,
      swappedWords: words - matched,
    });
    coveredPage += words;
    coveredReference += bEnd - bStart + 1;
    swappedTotal += words - matched;
    for (let k = first; k < last; k++) {
      const gapA = pairs.a[k + 1]! - pairs.a[k]! - 1;
      const gapB = pairs.b[k + 1]! - pairs.b[k]! - 1;
      if (gapA === 0 || gapB === 0) continue;
      const a0 = pairs.a[k]! + 1;
      const a1 = pairs.a[k + 1]! - 1;
      const b0 = pairs.b[k]! + 1;
      const b1 = pairs.b[k + 1]! - 1;
      const pageSpan = { start: page.starts[a0]!, end: page.ends[a1]! };
      const referenceSpan = { start: reference.starts[b0]!, end: reference.ends[b1]! };
      substitutions.push({
        reference: referenceText.slice(referenceSpan.start, referenceSpan.end),
        page: pageText.slice(pageSpan.start, pageSpan.end),
        referenceSpan,
        pageSpan,
      });
    }
  };

  for (let k = 0; k + 1 < pairs.a.length; k++) {
    const gapA = pairs.a[k + 1]! - pairs.a[k]! - 1;
    const gapB = pairs.b[k + 1]! - pairs.b[k]! - 1;
    const continuous =
      (gapA === 0 && gapB === 0) ||
      (gapA > 0 && gapB > 0 && gapA <= rules.maxSwapWords && gapB <= rules.maxSwapWords) ||
      (Math.min(gapA, gapB) === 0 && Math.max(gapA, gapB) <= rules.maxIndelWords);
    if (!continuous) {
      closePassage(k);
      first = k + 1;
    }
  }
  if (pairs.a.length) closePassage(pairs.a.length - 1);

  const pageWords = page.words.length;
  const referenceWords = reference.words.length;
  return {
    coverage: pageWords ? coveredPage / pageWords : 0,
    substitutionRate: coveredPage ? swappedTotal / coveredPage : 0,
    referenceCoverage: referenceWords ? coveredReference / referenceWords : 0,
    passages,
    substitutions,
    pageWords,
    referenceWords,
  };
}
