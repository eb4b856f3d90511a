/**
 * Every number the source-free analyser decides with, in one place. Measured on fluent news and real
 * rewrites by `npm run eval` (README, "Source-free evidence"); change them only with those figures.
 */
export const SOURCE_FREE_SETTINGS = {
  /** Fewer words than this: too short to judge. */
  minWords: 120,
  /** Share of words the English model must know, else the text is not English. */
  minKnownShare: 0.7,
  /** Share of common foreign words above which the text is another language, not English with leftovers. */
  maxForeignShare: 0.05,
  /** Word pairs the model must cover. */
  minCoveredPairs: 60,
  /** Marks of one kind counted at most: a long text repeating one mark is not more reworded. */
  maxCountedPerKind: 5,
  weights: { torturedPhrase: 1, foreignWord: 0.5, brokenQuote: 1.5, quotationDash: 1, twoSpellings: 1, lowerCaseName: 1 },
  /** Evidence from which the text reads as machine-reworded on its own. */
  rewordedEvidence: 3,
  /** Evidence that, with scraper boilerplate beside it, makes a page the reworded side. */
  supportingEvidence: 1.5,
  /** Mean association (log10) by which one side of a swap must read worse in its context to count. */
  swapAssociationMargin: 0.15,
  /** log10 P(word) above which a word is common (about the 500 commonest): two of them never seen together are a grammar slip. */
  commonWordLog10: -3.75,
  /** An unknown lower-case word this long with a letter English seldom uses was glued by a round trip ("depósitosnopersonales"). */
  gluedWordMinLength: 14,
} as const;
