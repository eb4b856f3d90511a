import type { Sensitivity } from '../types.ts';

/** Every threshold the verdict depends on, in one place, per sensitivity. */
export interface Thresholds {
  /** Share of the page aligned to a reference for it to count as derived from it. */
  minCoverage: number;
  /** Share of aligned words swapped above which the alignment is a rewording, not a copy. */
  minSubstitutionRate: number;
  /**
   * Or this share of the reference aligned to the page: a page that holds most of a reference copies it,
   * however much else (comments, other stories) the page adds around it.
   */
  minReferenceCoverage: number;
  /** Fewest substitutions for a rewording verdict (a couple of edits is an edited copy). */
  minSubstitutions: number;
  /** Below this coverage a shared passage is "related" (a shared quote), not derivation. */
  minRelatedCoverage: number;
  /**
   * Lead (direction.ts evidence units) one side of a reworded alignment needs to be called the spun one. High
   * sensitivity keeps normal's: it warns on thinner overlap, but it never makes blaming a side easier (at 0.5
   * it blamed 3 of 28 real originals found on the web next to their rewrites).
   */
  directionMargin: number;
  /** Key names and numbers (of a reference's STORY_KEYS) a page must share to be about the same story. */
  minStoryKeys: number;
  /** Candidates from the index that get a full alignment. */
  maxCandidates: number;
  /** Fingerprints a reference must share with the page to be a candidate. */
  minSharedFingerprints: number;
}

export const THRESHOLDS: Readonly<Record<Sensitivity, Thresholds>> = {
  low: {
    minCoverage: 0.6,
    minReferenceCoverage: 0.8,
    minSubstitutionRate: 0.04,
    minSubstitutions: 5,
    minRelatedCoverage: 0.1,
    directionMargin: 1,
    minStoryKeys: 6,
    maxCandidates: 5,
    minSharedFingerprints: 4,
  },
  normal: {
    minCoverage: 0.45,
    minReferenceCoverage: 0.6,
    minSubstitutionRate: 0.02,
    minSubstitutions: 4,
    minRelatedCoverage: 0.05,
    directionMargin: 0.75,
    minStoryKeys: 5,
    maxCandidates: 6,
    minSharedFingerprints: 3,
  },
  high: {
    minCoverage: 0.3,
    minReferenceCoverage: 0.5,
    minSubstitutionRate: 0.01,
    minSubstitutions: 3,
    minRelatedCoverage: 0.03,
    directionMargin: 0.75,
    minStoryKeys: 4,
    maxCandidates: 8,
    minSharedFingerprints: 2,
  },
};
