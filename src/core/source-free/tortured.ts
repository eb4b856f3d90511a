import { STOPWORDS } from '../text/stopwords.ts';
import type { Tokens } from '../text/text.ts';
import type { TorturedPhrase } from '../types.ts';
import type { Lexicon } from './lexicon.ts';
import { adjacentPairs, isName } from './word-pairs.ts';

/**
 * Finds tortured phrases: word pairs that fluent English never uses while a WordNet synonym swap away lies a
 * strong collocation ("prime pastor" for "prime minister"). The table is precomputed, so a page costs one
 * lookup per word pair. Each hit says where it is and what it probably replaced.
 */
export function findTorturedPhrases(tokens: Tokens, text: string, lexicon: Lexicon): TorturedPhrase[] {
  const hits: TorturedPhrase[] = [];
  const ids = lexicon.facts(tokens).ids;
  adjacentPairs(tokens, text, (i, j) => {
    const a = ids[i]!;
    const b = a < 0 ? -1 : ids[j]!;
    if (b < 0) return;
    // The table holds few pairs: asked first, it spares most pairs the name and stop-word tests.
    const entry = lexicon.tortured(a, b);
    if (!entry || isName(tokens, i) || isName(tokens, j) || STOPWORDS.has(tokens.words[i]!) || STOPWORDS.has(tokens.words[j]!)) return;
    const span = { start: tokens.starts[i]!, end: tokens.ends[j]! };
    const original = lexicon.word(entry.original);
    hits.push({
      text: text.slice(span.start, span.end),
      span,
      likely: entry.side === 0 ? `${original} ${tokens.words[j]}` : `${tokens.words[i]} ${original}`,
    });
  });
  return hits;
}
