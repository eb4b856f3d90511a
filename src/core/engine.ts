import { align } from './align.ts';
import { cleanText } from './boilerplate/clean.ts';
import { classify } from './classify.ts';
import { fingerprints } from './fingerprint.ts';
import { buildFingerprintIndex } from './fingerprint-index.ts';
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

export function createEngine(references: readonly Reference[]): Engine {
  const tokensOf = new Map<number, Tokens>();
  const referenceTokens = (i: number) => {
    let t = tokensOf.get(i);
    if (!t) tokensOf.set(i, (t = tokenize(references[i]!.body)));
    return t;
  };
  const index = buildFingerprintIndex(references.map((_, i) => fingerprints(referenceTokens(i))));
  // Reference tokens are needed again only for the few candidates of a check.
  tokensOf.clear();

  return {
    references,
    indexBytes: index.bytes,
    check(page, options = {}) {
      const thresholds = THRESHOLDS[options.sensitivity ?? 'normal'];
      const text = page.text.length > MAX_CHECKED_CHARS ? page.text.slice(0, MAX_CHECKED_CHARS) : page.text;
      const cleaned = cleanText(text);
      const tokens = tokenize(text, cleaned.excluded);
      const candidates = index.lookup(fingerprints(tokens), thresholds.maxCandidates, thresholds.minSharedFingerprints);
      let best: { reference: Reference; alignment: Alignment } | null = null;
      for (const candidate of candidates) {
        const reference = references[candidate.reference]!;
        const alignment = align(tokens, text, referenceTokens(candidate.reference), reference.body);
        if (!best || alignment.coverage > best.alignment.coverage) best = { reference, alignment };
      }
      if (tokensOf.size > 64) tokensOf.clear();
      return classify({
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
