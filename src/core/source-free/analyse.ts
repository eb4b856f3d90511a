import { tokenize, type Tokens } from '../text/text.ts';
import type { Abstention, RewriteArtefact as Artefact, SourceFreeReport, Span, Substitution, SwapFluency, TorturedPhrase } from '../types.ts';
import { brokenQuotes, quotationDashes, twoSpellings, wordArtefacts } from './artefacts.ts';
import { fluency } from './fluency.ts';
import { createLexicon, type Lexicon } from './lexicon.ts';
import type { SourceFreeTables } from './tables.ts';
import { SOURCE_FREE_SETTINGS as S } from './settings.ts';
import { compareSwapFluency, type AlignedSide } from './swap-fluency.ts';
import { findTorturedPhrases } from './tortured.ts';

export interface SourceFreeAnalyser {
  analyse(text: string, tokens?: Tokens, excluded?: readonly Span[]): SourceFreeReport;
  /** Which side of an alignment's swaps reads worse in context. */
  compareSwaps(page: AlignedSide, reference: AlignedSide, substitutions: readonly Substitution[]): SwapFluency;
}

const outside = (spans: readonly Span[]) => (s: { span: Span }) => !spans.some((x) => x.start <= s.span.start && s.span.end <= x.end);

export function createSourceFreeAnalyser(tables: SourceFreeTables): SourceFreeAnalyser {
  const lexicon: Lexicon = createLexicon(tables);
  return {
    analyse(text, tokens = undefined, excluded = []) {
      const t = tokens ?? tokenize(text, excluded);
      const flow = fluency(t, text, lexicon);
      const base = { fluency: Math.round(flow.meanAssociation * 100) / 100, coveredPairs: flow.covered };
      const abstain = (abstention: Abstention): SourceFreeReport =>
        ({ opinion: 'no-opinion', abstention, evidence: 0, tortured: [], artefacts: [], ...base });
      if (t.words.length < S.minWords) return abstain('too-short');
      const known = lexicon.facts(t).ids.reduce((n, id) => n + (id >= 0 ? 1 : 0), 0);
      const words = wordArtefacts(t, text, lexicon);
      const foreign = words.filter((a) => a.kind === 'foreign-word').length;
      if (known / t.words.length < S.minKnownShare || foreign / t.words.length > S.maxForeignShare) return abstain('not-english');
      if (flow.covered < S.minCoveredPairs) return abstain('not-covered');

      const tortured = findTorturedPhrases(t, text, lexicon);
      const artefacts = [
        ...words,
        ...[...brokenQuotes(text), ...quotationDashes(text)].filter(outside(excluded)),
        ...twoSpellings(t, lexicon),
      ];
      const evidence = rewordingEvidence(new Set(tortured.map((h) => h.text.toLowerCase())).size, artefacts);
      return {
        opinion: evidence >= S.rewordedEvidence ? 'reworded' : 'fluent',
        abstention: null,
        evidence: Math.round(evidence * 100) / 100,
        tortured,
        artefacts,
        ...base,
      };
    },
    compareSwaps: (page, reference, substitutions) => compareSwapFluency(page, reference, substitutions, lexicon),
  };
}

/**
 * Adds the signals up, each weighted by how rarely fluent news shows it and capped, so that no single kind
 * of mark decides alone (settings.ts, measured by `npm run eval`).
 */
export function rewordingEvidence(distinctTorturedPhrases: number, artefacts: readonly Artefact[]): number {
  // Distinct marks: one word written the same odd way throughout is one habit, not many marks.
  const count = (kind: Artefact['kind']) => new Set(artefacts.filter((a) => a.kind === kind).map((a) => a.text.toLowerCase())).size;
  const capped = (n: number) => Math.min(n, S.maxCountedPerKind);
  return (
    S.weights.torturedPhrase * capped(distinctTorturedPhrases) +
    S.weights.foreignWord * capped(count('foreign-word')) +
    S.weights.brokenQuote * capped(count('broken-quote')) +
    S.weights.quotationDash * capped(count('quotation-dash')) +
    S.weights.twoSpellings * capped(count('two-spellings')) +
    S.weights.lowerCaseName * capped(count('lower-case-name'))
  );
}
