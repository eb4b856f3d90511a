/**
 * The engine's check, stage by stage: the same internals in the same order as `createEngine().check`
 * (src/core/engine.ts), with the time of each stage taken inline during full checks. It must follow engine.ts;
 * section 1 says so when its verdicts or its total time part from engine.check's.
 */
import { align } from '../../src/core/match/align.ts';
import { cleanText } from '../../src/core/boilerplate/clean.ts';
import { classify, type ClassifyInput } from '../../src/core/judge/classify.ts';
import { fingerprints } from '../../src/core/match/fingerprint.ts';
import { buildFingerprintIndex, type Candidate, type FingerprintIndex } from '../../src/core/match/fingerprint-index.ts';
import { PAGE_STORY_KEYS, storyKeys } from '../../src/core/match/story.ts';
import { tokenize, type Tokens } from '../../src/core/text/text.ts';
import { THRESHOLDS } from '../../src/core/judge/thresholds.ts';
import type { Alignment, CheckResult, Reference } from '../../src/core/index.ts';
import { nodeSourceFreeAnalyser } from '../../src/node/source-free.ts';
import { median, nowNs } from './timing.ts';

export interface StagedLibrary {
  references: readonly Reference[];
  tokens: Tokens[];
  index: FingerprintIndex;
  storyIndex: FingerprintIndex;
}

export function stagedLibrary(references: readonly Reference[]): StagedLibrary {
  const tokens = references.map((r) => tokenize(r.body));
  return {
    references,
    tokens,
    index: buildFingerprintIndex(tokens.map((t) => fingerprints(t))),
    storyIndex: buildFingerprintIndex(tokens.map((t) => storyKeys(t).hashes)),
  };
}

export const STAGES = ['clean', 'tokenize', 'fingerprint', 'lookup', 'align', 'story', 'analyse', 'classify'] as const;
export type Stage = (typeof STAGES)[number];
export type StageSamples = Record<Stage, number[]>;

export const emptyStageSamples = (): StageSamples =>
  ({ clean: [], tokenize: [], fingerprint: [], lookup: [], align: [], story: [], analyse: [], classify: [] });

export const stageMedians = (samples: StageSamples): Record<Stage, number> =>
  Object.fromEntries(STAGES.map((s) => [s, median(samples[s])])) as Record<Stage, number>;

const TH = THRESHOLDS.normal;
/** engine.ts: candidates sharing less than this fraction of the top candidate's fingerprints are not aligned. */
const CANDIDATE_FRACTION = 0.25;

export interface StagedCheck {
  result: CheckResult;
  candidates: Candidate[];
  /** The page went through the same-story lookup (no derived match). */
  storyLookup: boolean;
}

/** One full check, recording the time of each stage (nanoseconds) into `into` when given. */
export function stagedCheck(lib: StagedLibrary, text: string, into?: StageSamples): StagedCheck {
  const t0 = nowNs();
  const cleaned = cleanText(text);
  const tc = nowNs();
  const tokens = tokenize(text, cleaned.excluded);
  const t1 = nowNs();
  const prints = fingerprints(tokens);
  const t2 = nowNs();
  const candidates = lib.index.lookup(prints, TH.maxCandidates, TH.minSharedFingerprints);
  const t3 = nowNs();
  let best: { reference: Reference; alignment: Alignment; at: number } | null = null;
  const enough = (candidates[0]?.shared ?? 0) * CANDIDATE_FRACTION;
  for (const c of candidates) {
    if (c.shared < enough) break;
    const reference = lib.references[c.reference]!;
    const alignment = align(tokens, text, lib.tokens[c.reference]!, reference.body);
    if (!best || alignment.coverage > best.alignment.coverage) best = { reference, alignment, at: c.reference };
  }
  const t4 = nowNs();
  let story: ClassifyInput['story'] = null;
  const storyLookup = !best || best.alignment.coverage < TH.minCoverage;
  if (storyLookup) {
    const pageKeys = storyKeys(tokens, PAGE_STORY_KEYS);
    const [top] = lib.storyIndex.lookup(pageKeys.hashes, 1, TH.minStoryKeys);
    if (top) {
      const referenceKeys = storyKeys(lib.tokens[top.reference]!).words;
      story = { reference: lib.references[top.reference]!, sharedKeys: referenceKeys.filter((w) => pageKeys.words.includes(w)) };
    }
  }
  const t5 = nowNs();
  // The page judged on its own, and the best alignment's swaps judged in context on both sides.
  const analyser = nodeSourceFreeAnalyser();
  const sourceFree = analyser.analyse(text, tokens, cleaned.excluded);
  const swapFluency = best?.alignment.substitutions.length
    ? analyser.compareSwaps({ text, tokens }, { text: best.reference.body, tokens: lib.tokens[best.at]! }, best.alignment.substitutions)
    : null;
  const ta = nowNs();
  const result = classify({ story, pageText: text, pageUrl: null, pageWords: tokens.words.length, trusted: false, trustsReference: () => false, boilerplate: cleaned.hits, best, thresholds: TH, sourceFree, keyOrder: null, swapFluency, libraryReferences: lib.references.length });
  const t6 = nowNs();
  if (into) {
    into.clean.push(Number(tc - t0));
    into.tokenize.push(Number(t1 - tc));
    into.fingerprint.push(Number(t2 - t1));
    into.lookup.push(Number(t3 - t2));
    into.align.push(Number(t4 - t3));
    into.story.push(Number(t5 - t4));
    into.analyse.push(Number(ta - t5));
    into.classify.push(Number(t6 - ta));
  }
  return { result, candidates, storyLookup };
}
