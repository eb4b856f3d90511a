import { align } from './align.ts';
import { cleanText } from './boilerplate/clean.ts';
import { classify, type ClassifyInput } from './classify.ts';
import { fingerprints } from './fingerprint.ts';
import { buildFingerprintIndex } from './fingerprint-index.ts';
import { PAGE_STORY_KEYS, storyKeys } from './story.ts';
import { tokenize, type Tokens } from './text.ts';
import { THRESHOLDS } from './thresholds.ts';
import type { Alignment, CheckResult, PageInput, Reference, Sensitivity } from './types.ts';

export interface CheckOptions {
  sensitivity?: Sensitivity;
}

/** A reference library with its fingerprint index, ready to check pages against. */
export interface Engine {
  readonly references: readonly Reference[];
  /** Bytes held by the fingerprint index. */
  readonly indexBytes: number;
  check(page: PageInput, options?: CheckOptions): CheckResult;
}

/** Pages longer than this are checked on their first part only: no article is longer, hostile pages are. */
export const MAX_CHECKED_CHARS = 1_000_000;

/** Candidates are aligned only while they share at least this fraction of the best candidate's fingerprints. */
const CANDIDATE_FRACTION = 0.25;

export function createEngine(references: readonly Reference[]): Engine {
  const tokensOf = new Map<number, Tokens>();
  const referenceTokens = (i: number) => {
    let t = tokensOf.get(i);
    if (!t) tokensOf.set(i, (t = tokenize(references[i]!.body)));
    return t;
  };
  const index = buildFingerprintIndex(references.map((_, i) => fingerprints(referenceTokens(i))));
  const storyIndex = buildFingerprintIndex(references.map((_, i) => storyKeys(referenceTokens(i)).hashes));
  // Reference tokens are needed again only for the few candidates of a check.
  tokensOf.clear();

  return {
    references,
    indexBytes: index.bytes + storyIndex.bytes,
    check(page, options = {}) {
      const thresholds = THRESHOLDS[options.sensitivity ?? 'normal'];
      const text = page.text.length > MAX_CHECKED_CHARS ? page.text.slice(0, MAX_CHECKED_CHARS) : page.text;
      const cleaned = cleanText(text);
      const tokens = tokenize(text, cleaned.excluded);
      const candidates = index.lookup(fingerprints(tokens), thresholds.maxCandidates, thresholds.minSharedFingerprints);
      let best: { reference: Reference; alignment: Alignment } | null = null;
      // A candidate sharing a small fraction of the top one's fingerprints cannot beat it: skip its alignment.
      const enough = (candidates[0]?.shared ?? 0) * CANDIDATE_FRACTION;
      for (const candidate of candidates) {
        if (candidate.shared < enough) break;
        const reference = references[candidate.reference]!;
        const alignment = align(tokens, text, referenceTokens(candidate.reference), reference.body);
        if (!best || alignment.coverage > best.alignment.coverage) best = { reference, alignment };
      }
      let story: ClassifyInput['story'] = null;
      if (!best || best.alignment.coverage < thresholds.minCoverage) {
        const pageKeys = storyKeys(tokens, PAGE_STORY_KEYS);
        const [top] = storyIndex.lookup(pageKeys.hashes, 1, thresholds.minStoryKeys);
        if (top) {
          const referenceKeys = storyKeys(referenceTokens(top.reference)).words;
          story = { reference: references[top.reference]!, sharedKeys: referenceKeys.filter((w) => pageKeys.words.includes(w)) };
        }
      }
      if (tokensOf.size > 64) tokensOf.clear();
      return classify({
        story,
        pageText: text,
        pageWords: tokens.words.length,
        trusted: page.trusted ?? false,
        boilerplate: cleaned.hits,
        best,
        thresholds,
      });
    },
  };
}
