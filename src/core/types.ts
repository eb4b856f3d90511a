/** The engine's public vocabulary, shared by every context (worker, content script, popup, CLI, tests). */

import type { Reason } from './reasons.ts';
import type { ReferenceRole, RuleFamily, Sensitivity, Verdict } from './vocabulary.ts';

/** The verdicts (docs/design.md), the roles of a reference and the sensitivities: one set of words everywhere. */
export type { ReferenceRole, Sensitivity, Verdict };
export type { Reason };

/** A half-open character range [start, end) into a text. */
export interface Span {
  start: number;
  end: number;
}

export type RuleKind = 'auto-publish' | 'scraper-footer' | 'scraper-chrome' | 'spinner-artefact' | 'photo-credit';

/**
 * What a boilerplate hit betrays, in the reader's terms: a feed disclaimer, feed-to-post automation, a
 * scraper theme's leftovers, a language model's leftovers, or the ordinary chrome and credits of a site.
 */
export type { RuleFamily };

/** One boilerplate rule hit: which rule, the text it matched and where (offsets into the text it was found in). */
export interface BoilerplateHit {
  rule: string;
  kind: RuleKind;
  family: RuleFamily;
  text: string;
  span: Span;
}

/** A reference text in the library, precomputed at build time or when the user adds one. */
export interface Reference {
  id: string;
  title: string;
  source: string;
  /** ISO date (yyyy-mm-dd) when the text gives one. */
  date: string | null;
  url: string | null;
  /** The cleaned article body: what fingerprints and alignments are computed on. */
  body: string;
  boilerplate: BoilerplateHit[];
  role: ReferenceRole;
  /** Why the role was given, one line for a reader. */
  roleReason: string;
  origin: 'bundled' | 'user';
  /** For the user's own: added by "Learn from trusted sources" (these alone may be evicted), and when (ms since 1970). */
  learned?: boolean;
  addedAt?: number;
  /** What its own text says about rewording (null when built without the analyser's tables). */
  sourceFree?: SourceFreeSummary | null;
}

/** One page phrase that replaces a reference phrase, with offsets into both texts. */
export interface Substitution {
  reference: string;
  page: string;
  referenceSpan: Span;
  pageSpan: Span;
}

/** A run of the page aligned to a run of the reference (matches plus substitutions). */
export interface AlignedPassage {
  page: Span;
  reference: Span;
  /** Page words in the passage, and how many of them were swapped. */
  words: number;
  swappedWords: number;
}

export interface Alignment {
  /** Share of the page's words inside aligned passages (0–1). */
  coverage: number;
  /** Share of aligned page words that were swapped (0–1). */
  substitutionRate: number;
  /** Share of the reference's words inside aligned passages (0–1). */
  referenceCoverage: number;
  passages: AlignedPassage[];
  substitutions: Substitution[];
  pageWords: number;
  referenceWords: number;
}

/** A word pair improbable in fluent English next to a strong collocation one thesaurus swap away. */
export interface TorturedPhrase {
  text: string;
  span: Span;
  /** What it probably said ("criminal syndicates" for "prison syndicates"). */
  likely: string;
}

/** A mark that a translation round trip or a rewriting tool leaves, whatever the languages involved. */
export interface RewriteArtefact {
  kind: 'foreign-word' | 'broken-quote' | 'quotation-dash' | 'two-spellings' | 'lower-case-name';
  text: string;
  span: Span;
  /** For two spellings: the other spelling. */
  other?: string;
}

/** Why the source-free analyser has no opinion on a text. */
export type Abstention = 'too-short' | 'not-english' | 'not-covered';

/** What a text, on its own, says about having been machine-reworded. */
export interface SourceFreeReport {
  /** 'reworded' is strong evidence; 'fluent' found too little; 'no-opinion' when the models cannot judge. */
  opinion: 'reworded' | 'fluent' | 'no-opinion';
  abstention: Abstention | null;
  /** Evidence of rewording in one number (0 = none), in units of how unusual it is on fluent news. */
  evidence: number;
  /** Mean association of adjacent words (log10 P(b | a) / P(b)): lower reads less like fluent English. */
  fluency: number;
  tortured: TorturedPhrase[];
  artefacts: RewriteArtefact[];
  /** Word pairs the model covers: what rates are measured over. */
  coveredPairs: number;
}

/** The part of a reference's own source-free report that is kept with it, for deciding direction. */
export type SourceFreeSummary = Pick<SourceFreeReport, 'opinion' | 'evidence' | 'fluency' | 'coveredPairs'>;

export type SpunSide = 'page' | 'reference' | 'undecided';

/**
 * What one side of an alignment carries that a rewrite gains or loses, however smooth it reads: the marks
 * that tell a copy from its original when fluency cannot (a neural translation reads smoother than its source).
 */
export interface SideMarks {
  /**
   * Grammar a rewrite broke: pairs of common words fluent English never writes together ("prices beaten
   * changing"), and compounds a round trip broke ("counter-the parties", "depósitosnopersonales").
   */
  slips: number;
  /** Word pairs judged: the scale for slips. */
  pairs: number;
  /** Pairs of double quotation marks: a copy drops quotations, it rarely adds any. */
  quotations: number;
  /**
   * "of" phrases less possessives ("of the company" − "company's"): a copy that went through a language
   * without English's possessive and noun compounds comes back with "of" in their place.
   */
  genitives: number;
  /** Words of the side: the scale for genitives. */
  words: number;
}

/** Swaps of an alignment judged in their context: on which side each reads worse; and each side's marks. */
export interface SwapFluency {
  pageWorse: number;
  referenceWorse: number;
  /** (pageWorse − referenceWorse) / √(pageWorse + referenceWorse): a sign test's z, positive when the page reads worse. */
  z: number;
  page: SideMarks;
  reference: SideMarks;
}

export interface DirectionEvidence {
  spunSide: SpunSide;
  /** Mean rarity (negative log frequency) of the swapped phrases on each side, when it was weighed. */
  pageRarity: number | null;
  referenceRarity: number | null;
  /** The swaps judged in context on both sides, when the analyser's tables were there. */
  swapFluency: SwapFluency | null;
  /** All the evidence weighed in rarity units: positive leans to the page being spun. */
  score: number;
  reasons: Reason[];
}

export interface Match {
  referenceId: string;
  title: string;
  source: string;
  date: string | null;
  /** The reference's own address, when it has one. */
  url: string | null;
  referenceRole: ReferenceRole;
  coverage: number;
  substitutionRate: number;
  referenceCoverage: number;
  spunSide: SpunSide;
  direction: DirectionEvidence;
  passages: AlignedPassage[];
}

export interface CheckResult {
  verdict: Verdict;
  confidence: number;
  /** What was found, in one sentence (rendered through the message catalogue). */
  summary: Reason;
  /** Reasons behind the verdict, most important first. */
  reasons: Reason[];
  match: Match | null;
  boilerplate: BoilerplateHit[];
  substitutions: Substitution[];
  /** When no reference's text matches but one covers the same story: it, and the names and numbers shared. */
  story: { referenceId: string; title: string; source: string; sharedKeys: string[] } | null;
  /** When the page is the fluent side of a known spun copy: that copy. */
  knownSpunCopy: { referenceId: string; title: string; source: string } | null;
  /** The page's text judged on its own (null when the engine runs without the analyser's tables). */
  sourceFree: SourceFreeReport | null;
  pageWords: number;
  /** References the page was checked against: what "not recognised" is measured over. */
  libraryReferences: number;
  /** For a `related` verdict, which case it is; the credit quoted when a credit decided it. */
  relation: Relation | null;
}

/**
 * The cases a `related` verdict covers: licensed republication that credits the source, a page on a site the
 * reader trusts, the page being the library's own reference, the original of a known spun copy, a rewrite
 * whose direction the evidence does not tell, shared passages only, or the same event told independently.
 */
export type Relation =
  | { kind: 'syndication'; credit: string }
  | { kind: 'trusted-site' }
  | { kind: 'own-reference' }
  | { kind: 'original-of-spun' }
  | { kind: 'undecided-rewrite' }
  | { kind: 'shared-passages' }
  | { kind: 'same-story' };

/** What the engine needs to know about the page besides its text. */
export interface PageInput {
  text: string;
  title?: string;
  url?: string;
  /** The user trusts this page's site (when not given, `trustedUrl` of the page's address says). */
  trusted?: boolean;
  /** Whether an address is on a site the user trusts: a reference from one is taken as the original. */
  trustedUrl?: (url: string) => boolean;
}
