import { align } from './match/align.ts';
import { cleanText } from './boilerplate/clean.ts';
import { classify, isDerived, type ClassifyInput } from './judge/classify.ts';
import { fingerprints } from './match/fingerprint.ts';
import { compareKeyOrder, isRewrite, type KeyOrder } from './match/key-order.ts';
import { buildFingerprintIndex, fingerprintIndex, type IndexArrays } from './match/fingerprint-index.ts';
import { namePhrases, PAGE_STORY_KEYS, storyKeys } from './match/story.ts';
import { tokenize, type Tokens } from './text/text.ts';
import { THRESHOLDS } from './judge/thresholds.ts';
import { prepare, type Prepared } from './pack/format.ts';
import type { SourceFreeAnalyser } from './source-free/analyse.ts';
import type { Alignment, CheckResult, PageInput, Reference, Sensitivity } from './types.ts';

export interface CheckOptions {
  sensitivity?: Sensitivity;
}

/** A reference library with its fingerprint index, ready to check pages against. */
export interface Engine {
  readonly references: readonly Reference[];
  /** Bytes held by the fingerprint index. */
  readonly indexBytes: number;
  /** The indexes' arrays, to restore an engine over the same references without building them (EngineOptions.prebuilt). */
  readonly indexes: EngineIndexes;
  check(page: PageInput, options?: CheckOptions): CheckResult;
  /** Positions of the references whose texts a check of this page may read (so that they can be loaded first). */
  needs(page: PageInput, options?: CheckOptions): number[];
}

/** Pages longer than this are checked on their first part only: no article is longer, hostile pages are. */
export const MAX_CHECKED_CHARS = 1_000_000;

/** Candidates are aligned only while they share at least this fraction of the best candidate's fingerprints. */
const CANDIDATE_FRACTION = 0.25;

/**
 * A name held by this share of a large library (and by more than COMMON_KEY_MIN references) says nothing
 * about which story a page tells, and its postings would make every same-story lookup slow.
 */
const COMMON_KEY_SHARE = 0.01;
const COMMON_KEY_MIN = 200;

function withoutCommonKeys(keys: readonly Uint32Array[]): Uint32Array[] {
  // Counted by sorting one flat array: a Map keyed by 32-bit hashes boxes most of them and cost a wake with
  // 10,000 references about 100 ms.
  let total = 0;
  for (const list of keys) total += list.length;
  const all = new Uint32Array(total);
  let at = 0;
  for (const list of keys) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  const limit = Math.max(COMMON_KEY_MIN, keys.length * COMMON_KEY_SHARE);
  const common = new Set<number>();
  for (let i = 0; i < all.length; ) {
    let j = i + 1;
    while (j < all.length && all[j] === all[i]) j++;
    if (j - i > limit) common.add(all[i]!);
    i = j;
  }
  if (!common.size) return [...keys];
  return keys.map((list) => (list.some((k) => common.has(k)) ? list.filter((k) => !common.has(k)) : list));
}

export interface EngineOptions {
  /** Judges each page's text on its own; without it, only matches and boilerplate count. */
  analyser?: SourceFreeAnalyser | null;
  /** Fingerprints and story keys already made (a restored pack), by reference position; the rest are made here. */
  prepared?: readonly (Prepared | undefined)[];
  /** The indexes of an engine over exactly these references, kept since: nothing is indexed again. */
  prebuilt?: EngineIndexes;
}

export interface EngineIndexes {
  fingerprints: IndexArrays;
  stories: IndexArrays;
}

function buildIndexes(references: readonly Reference[], prepared: EngineOptions['prepared']) {
  const prints: Uint32Array[] = [];
  const keys: Uint32Array[] = [];
  for (let i = 0; i < references.length; i++) {
    const ready = prepared?.[i] ?? prepare(references[i]!.body);
    prints.push(ready.prints);
    keys.push(ready.keys);
  }
  return { index: buildFingerprintIndex(prints), storyIndex: buildFingerprintIndex(withoutCommonKeys(keys)) };
}

export function createEngine(references: readonly Reference[], engineOptions: EngineOptions = {}): Engine {
  const analyser = engineOptions.analyser ?? null;
  // One pass per reference keeps only what the indexes need; tokens are made again, lazily, for the few
  // candidates a check aligns (holding every reference's tokens during the build costs gigabytes at 100,000).
  const { index, storyIndex } = engineOptions.prebuilt
    ? { index: fingerprintIndex(engineOptions.prebuilt.fingerprints), storyIndex: fingerprintIndex(engineOptions.prebuilt.stories) }
    : buildIndexes(references, engineOptions.prepared);
  const tokensOf = new Map<number, Tokens>();
  const referenceTokens = (i: number) => {
    let t = tokensOf.get(i);
    if (!t) tokensOf.set(i, (t = tokenize(references[i]!.body)));
    return t;
  };

  /** What a check does before it reads any reference's text. */
  const lookUpFresh = (page: PageInput, options: CheckOptions) => {
    const thresholds = THRESHOLDS[options.sensitivity ?? 'normal'];
    const text = page.text.length > MAX_CHECKED_CHARS ? page.text.slice(0, MAX_CHECKED_CHARS) : page.text;
    const cleaned = cleanText(text, page.url ? { url: page.url } : {});
    const tokens = tokenize(text, cleaned.excluded);
    const candidates = index.lookup(fingerprints(tokens), thresholds.maxCandidates, thresholds.minSharedFingerprints);
    return { thresholds, text, cleaned, tokens, candidates };
  };
  // The worker asks `needs`, reads those texts, then `check`s the same page: the look-up is done once.
  let kept: { page: PageInput; sensitivity: CheckOptions['sensitivity']; found: ReturnType<typeof lookUpFresh> } | null = null;
  const lookUp = (page: PageInput, options: CheckOptions, keep = false) => {
    if (kept?.page === page && kept.sensitivity === options.sensitivity) {
      const { found } = kept;
      kept = null;
      return found;
    }
    const found = lookUpFresh(page, options);
    kept = keep ? { page, sensitivity: options.sensitivity, found } : null;
    return found;
  };

  return {
    references,
    indexBytes: index.bytes + storyIndex.bytes,
    indexes: { fingerprints: index.arrays, stories: storyIndex.arrays },
    needs(page, options = {}) {
      const { tokens, candidates, thresholds } = lookUp(page, options, true);
      const [top] = storyIndex.lookup(storyKeys(tokens, PAGE_STORY_KEYS).hashes, 1, thresholds.minStoryKeys);
      return [...candidates.map((c) => c.reference), ...(top ? [top.reference] : [])];
    },
    check(page, options = {}) {
      const { thresholds, text, cleaned, tokens, candidates } = lookUp(page, options);
      let best: { reference: Reference; alignment: Alignment; at: number } | null = null;
      // A candidate sharing a small fraction of the top one's fingerprints cannot beat it: skip its alignment.
      const enough = (candidates[0]?.shared ?? 0) * CANDIDATE_FRACTION;
      for (const candidate of candidates) {
        if (candidate.shared < enough) break;
        const reference = references[candidate.reference]!;
        const alignment = align(tokens, text, referenceTokens(candidate.reference), reference.body);
        // A reference the page derives from beats one that merely covers more of it.
        const rank = (a: Alignment) => (isDerived(a, thresholds) ? 1 : 0) + a.coverage;
        if (!best || rank(alignment) > rank(best.alignment)) best = { reference, alignment, at: candidate.reference };
      }
      let story: ClassifyInput['story'] = null;
      let keyOrder: KeyOrder | null = null;
      if (!best || best.alignment.coverage < thresholds.minCoverage) {
        const pageKeys = storyKeys(tokens, PAGE_STORY_KEYS);
        const [top] = storyIndex.lookup(pageKeys.hashes, 1, thresholds.minStoryKeys);
        if (top) {
          const reference = references[top.reference]!;
          const order = compareKeyOrder(tokens, referenceTokens(top.reference));
          if (isRewrite(order)) {
            // Names and numbers in the reference's order: a rewrite the word alignment could not follow.
            keyOrder = order;
            if (best?.reference !== reference) best = { reference, alignment: align(tokens, text, referenceTokens(top.reference), reference.body), at: top.reference };
          } else {
            const referenceKeys = storyKeys(referenceTokens(top.reference)).words;
            const shared = referenceKeys.filter((w) => pageKeys.words.includes(w));
            story = { reference, sharedKeys: namePhrases(referenceTokens(top.reference), reference.body, shared) };
          }
        }
      }
      const sourceFree = analyser ? analyser.analyse(text, tokens, cleaned.excluded) : null;
      const swapFluency = analyser && best?.alignment.substitutions.length
        ? analyser.compareSwaps({ text, tokens }, { text: best.reference.body, tokens: referenceTokens(best.at) }, best.alignment.substitutions)
        : null;
      if (tokensOf.size > 64) tokensOf.clear();
      return classify({
        swapFluency,
        libraryReferences: references.length,
        keyOrder,
        sourceFree,
        story,
        pageText: text,
        pageUrl: page.url ?? null,
        pageWords: tokens.words.length,
        trusted: page.trusted ?? (page.url !== undefined && (page.trustedUrl?.(page.url) ?? false)),
        // Trust as it is now: a site the reader stopped trusting no longer vouches for what was learned from it.
        trustsReference: (r) => r.url !== null && (page.trustedUrl?.(r.url) ?? false),
        boilerplate: cleaned.hits,
        best,
        thresholds,
      });
    },
  };
}
