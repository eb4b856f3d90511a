import type { Tokens } from '../text/text.ts';
import type { Span, Substitution, SwapFluency } from '../types.ts';
import { pairAssociations, UNKNOWN_WORD } from './fluency.ts';
import type { Lexicon } from './lexicon.ts';
import { SOURCE_FREE_SETTINGS as S } from './settings.ts';
import { sideMarks } from './side-marks.ts';
import { adjacency, swapsAName } from './word-pairs.ts';

export interface AlignedSide {
  text: string;
  tokens: Tokens;
}


/** The first token starting at or after `offset`. */
function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One side's mean association of the pairs from the word before a span to the word after it; null without pairs. */
function windowAssociation(side: AlignedSide, lexicon: Lexicon): (span: Span) => number | null {
  const { tokens, text } = side;
  // Asked once per side, not per swap: a spun page has a swap every few words.
  const adjacent = adjacency(tokens, text);
  const associations = pairAssociations(tokens, text, lexicon);
  return (span) => {
    const first = tokenAt(tokens, span.start);
    let last = first;
    while (last + 1 < tokens.words.length && tokens.starts[last + 1]! < span.end) last++;
    let sum = 0;
    let pairs = 0;
    for (let i = Math.max(0, first - 1); i <= last && i + 1 < tokens.words.length; i++) {
      if (!adjacent[i]) continue;
      const value = associations[i]!;
      sum += Number.isNaN(value) ? UNKNOWN_WORD : value;
      pairs++;
    }
    return pairs ? sum / pairs : null;
  };
}

/**
 * Compares each swap in its context on both sides: which side's wording goes together less well with the
 * words around it. Counting swaps (a sign test) rather than summing makes one odd word unable to decide.
 * Each side's own marks come with it, for direction to weigh against fluency.
 */
export function compareSwapFluency(page: AlignedSide, reference: AlignedSide, substitutions: readonly Substitution[], lexicon: Lexicon): SwapFluency {
  let pageWorse = 0;
  let referenceWorse = 0;
  const pageWindow = windowAssociation(page, lexicon);
  const referenceWindow = windowAssociation(reference, lexicon);
  for (const s of substitutions) {
    if (swapsAName(s)) continue;
    const onPage = pageWindow(s.pageSpan);
    const onReference = referenceWindow(s.referenceSpan);
    if (onPage === null || onReference === null) continue;
    if (onReference - onPage > S.swapAssociationMargin) pageWorse++;
    else if (onPage - onReference > S.swapAssociationMargin) referenceWorse++;
  }
  const decided = pageWorse + referenceWorse;
  const z = decided ? (pageWorse - referenceWorse) / Math.sqrt(decided) : 0;
  return {
    pageWorse, referenceWorse, z: Math.round(z * 100) / 100,
    page: sideMarks(page.tokens, page.text, lexicon),
    reference: sideMarks(reference.tokens, reference.text, lexicon),
  };
}
