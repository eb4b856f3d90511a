import { decideDirection } from './direction.ts';
import type { KeyOrder } from '../match/key-order.ts';
import type { Thresholds } from './thresholds.ts';
import type { Reason } from '../reasons.ts';
import type { Alignment, BoilerplateHit, CheckResult, Match, Reference, Relation, SourceFreeReport, SpunSide, SwapFluency, Verdict } from '../types.ts';
import { boilerplateVerdict, creditLine, decidingHit, readsReworded } from './verdict-evidence.ts';
import { ROLE, VERDICT, warns } from '../vocabulary.ts';

export interface ClassifyInput {
  pageText: string;
  /** The page's own address, when known: a page that is the library's reference is not a copy of it. */
  pageUrl: string | null;
  pageWords: number;
  trusted: boolean;
  /** Whether a reference's address is on a site the user trusts. */
  trustsReference: (reference: Reference) => boolean;
  boilerplate: BoilerplateHit[];
  /** The best alignment found, if any candidate aligned at all. */
  best: { reference: Reference; alignment: Alignment } | null;
  /** A reference about the same story (shared names and numbers), when no text matched. */
  story: { reference: Reference; sharedKeys: string[] } | null;
  thresholds: Thresholds;
  /** The page's text judged on its own, when the engine has the analyser's tables. */
  sourceFree: SourceFreeReport | null;
  /** Set when the best reference's names and numbers recur on the page in order: a rewrite of it. */
  keyOrder: KeyOrder | null;
  /** The best alignment's swaps judged in context on both sides, when the engine has the analyser. */
  swapFluency: SwapFluency | null;
  /** References the page was checked against. */
  libraryReferences: number;
}

/** A reference shorter than this is too small to call a page that contains it a copy of it. */
const MIN_WORDS_FOR_CONTAINMENT = 100;

/** The page derives from the reference: most of the page aligns, or the page holds most of the reference. */
export function isDerived(a: Alignment, th: Thresholds): boolean {
  return a.coverage >= th.minCoverage || (a.referenceCoverage >= th.minReferenceCoverage && a.referenceWords >= MIN_WORDS_FOR_CONTAINMENT);
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** A copy of a bad copy is that kind of copy; a copy of an original is a copy. */
const roleVerdict = (role: Reference['role']): Verdict => (role === ROLE.original ? VERDICT.copy : role);

/** Odd word pairs quoted beside the source-free reason, and the longest boilerplate line quoted. */
const SHOWN_PHRASES = 3;
const QUOTED_LINE = 100;

/** Turns the evidence about a page into one verdict of the vocabulary (docs/design.md), with its reasons. */
export function classify(input: ClassifyInput): CheckResult {
  const { best, thresholds: th, boilerplate, trusted } = input;
  const reasons: Reason[] = [];
  let verdict: Verdict = VERDICT.clean;
  let confidence = 0.9;
  let match: Match | null = null;
  let knownSpunCopy: CheckResult['knownSpunCopy'] = null;
  let relation: Relation | null = null;
  const pageBoilerplate = boilerplateVerdict(boilerplate);

  const rewrite = input.keyOrder;
  if (best && (best.alignment.coverage >= th.minRelatedCoverage || rewrite)) {
    const { reference: ref, alignment: a } = best;
    const reworded = rewrite !== null || (a.substitutionRate >= th.minSubstitutionRate && a.substitutions.length >= th.minSubstitutions);
    const direction = decideDirection({
      substitutions: reworded ? a.substitutions : [],
      page: input.sourceFree,
      reference: ref.sourceFree ?? null,
      swapFluency: input.swapFluency,
      pageHasWarningBoilerplate: pageBoilerplate !== null,
      referenceRole: ref.role,
      referenceOrigin: ref.origin,
      pageTrusted: trusted,
      referenceTrusted: input.trustsReference(ref),
      margin: th.directionMargin,
    });
    const spunSide: SpunSide = reworded ? direction.spunSide : 'undecided';
    match = {
      referenceId: ref.id, title: ref.title, source: ref.source, date: ref.date, url: ref.url, referenceRole: ref.role,
      coverage: a.coverage, substitutionRate: a.substitutionRate, referenceCoverage: a.referenceCoverage,
      spunSide, direction, passages: a.passages,
    };
    const derived = rewrite !== null || isDerived(a, th);
    const named = { title: ref.title, source: ref.source };
    const share: Reason = rewrite ? { code: 'namesInOrder', share: rewrite.inOrder, ...named } : { code: 'textMatches', share: a.coverage, ...named };
    if (!derived) {
      verdict = VERDICT.related;
      relation = { kind: 'shared-passages' };
      confidence = clamp01(0.5 + a.coverage);
      reasons.push(share, { code: 'sharesPassagesOnly' });
    } else if (reworded && spunSide === 'page') {
      verdict = VERDICT.spun;
      confidence = clamp01(0.45 + 0.35 * a.coverage + 0.2 * Math.min(1, a.substitutions.length / 15));
      reasons.push(share, ...(rewrite ? [] : [{ code: 'wordsSwapped', share: a.substitutionRate } as const]), ...direction.reasons);
    } else if (reworded && spunSide === 'reference') {
      verdict = VERDICT.related;
      relation = { kind: 'original-of-spun' };
      confidence = clamp01(0.4 + 0.4 * a.coverage);
      knownSpunCopy = { referenceId: ref.id, title: ref.title, source: ref.source };
      reasons.push(share, { code: 'referenceIsReworded' }, ...direction.reasons);
    } else if (reworded) {
      // One text rewrites the other and the evidence does not say which: no accusation either way.
      verdict = VERDICT.related;
      relation = { kind: 'undecided-rewrite' };
      confidence = 0.5;
      reasons.push(share, { code: 'rewriteDirectionUnknown' }, ...direction.reasons);
    } else {
      // Only a credit the page added itself counts: one copied along with the text proves nothing.
      const credit = creditLine(blankOut(input.pageText, a.passages.map((p) => p.page)), ref.source);
      const ownPage = ref.role === ROLE.original && samePage(input.pageUrl, ref.url);
      if (ownPage) {
        verdict = VERDICT.related;
        relation = { kind: 'own-reference' };
        confidence = 0.95;
        reasons.push({ code: 'ownReference', ...named });
      } else if ((trusted || credit) && pageBoilerplate === null) {
        verdict = VERDICT.related;
        relation = credit ? { kind: 'syndication', credit } : { kind: 'trusted-site' };
        confidence = 0.7;
        reasons.push(share, { code: 'syndication' });
      } else {
        verdict = roleVerdict(ref.role);
        confidence = clamp01(0.5 + 0.5 * a.coverage * (1 - a.substitutionRate));
        reasons.push(share, { code: ref.role === ROLE.original ? 'nearVerbatim' : 'nearVerbatimOfBadCopy' });
      }
    }
  }

  let story: CheckResult['story'] = null;
  if (verdict === VERDICT.clean && input.story) {
    const { reference: ref, sharedKeys } = input.story;
    story = { referenceId: ref.id, title: ref.title, source: ref.source, sharedKeys };
    verdict = VERDICT.related;
    relation = { kind: 'same-story' };
    confidence = clamp01(0.4 + sharedKeys.length / 20);
    reasons.push({ code: 'sameStory', title: ref.title, source: ref.source, shared: sharedKeys });
  }

  // With no known source, the text's own marks of machine rewording may warn, when they are strong.
  let fromSourceFree = false;
  if (!warns(verdict) && !match && input.sourceFree && readsReworded(input.sourceFree, boilerplate)) {
    verdict = VERDICT.spun;
    fromSourceFree = true;
    confidence = clamp01(0.5 + input.sourceFree.evidence / 40);
    const phrases = input.sourceFree.tortured.slice(0, SHOWN_PHRASES).map((h) => ({ text: h.text, likely: h.likely }));
    reasons.unshift({ code: 'readsReworded' }, ...(phrases.length ? [{ code: 'oddPhrases', phrases } as const] : []));
  }

  let fromBoilerplate = false;
  if (pageBoilerplate && !warns(verdict)) {
    verdict = pageBoilerplate;
    fromBoilerplate = true;
    const evidence = decidingHit(boilerplate);
    confidence = evidence?.kind === 'auto-publish' ? 0.85 : 0.7;
    if (evidence) reasons.unshift({ code: 'telltaleLine', family: evidence.family, text: evidence.text.slice(0, QUOTED_LINE) });
  }

  if (trusted && warns(verdict)) {
    reasons.unshift({ code: 'trustedSite', verdict });
    verdict = match ? VERDICT.related : VERDICT.clean;
    relation = match ? { kind: 'trusted-site' } : null;
  }
  if (verdict === VERDICT.clean) {
    confidence = best ? clamp01(0.9 - best.alignment.coverage * 4) : 0.9;
    if (!reasons.length) reasons.push({ code: 'nothingMatches' });
  }

  return {
    verdict,
    confidence: Math.round(confidence * 100) / 100,
    // A warning that rests on boilerplate alone does not make the page a copy of the reference it matched.
    summary: fromSourceFree ? { code: 'summaryRewordedNoOriginal' } : summarize(verdict, fromBoilerplate ? null : match, knownSpunCopy, story),
    reasons,
    match,
    boilerplate,
    substitutions: match && best ? best.alignment.substitutions : [],
    story,
    knownSpunCopy,
    sourceFree: input.sourceFree,
    pageWords: input.pageWords,
    libraryReferences: input.libraryReferences,
    relation: verdict === VERDICT.related ? relation : null,
  };
}

/** Two addresses of one page: scheme, "www.", a trailing slash and the fragment do not count. */
function samePage(a: string | null, b: string | null): boolean {
  const key = (u: string) => {
    try {
      const url = new URL(u);
      return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`;
    } catch {
      return null;
    }
  };
  const ka = a ? key(a) : null;
  return ka !== null && b !== null && ka === key(b);
}

/** The text with the given spans replaced by spaces, so offsets elsewhere stay valid. */
function blankOut(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += text.slice(from, span.start) + ' '.repeat(span.end - span.start);
    from = span.end;
  }
  return out + text.slice(from);
}

function summarize(verdict: Verdict, match: Match | null, known: CheckResult['knownSpunCopy'], story: CheckResult['story']): Reason {
  const of = match && { title: match.title, source: match.source };
  switch (verdict) {
    case VERDICT.spun:
      return of ? { code: 'summarySpunOf', ...of } : { code: 'summarySpun' };
    case VERDICT.autoPublished:
      return of ? { code: 'summaryAutoOf', ...of } : { code: 'summaryAuto' };
    case VERDICT.copy:
      return of ? { code: 'summaryCopyOf', ...of } : { code: 'summaryCopy' };
    case VERDICT.related:
      if (known) return { code: 'summaryKnownSpunCopy', title: known.title, source: known.source };
      if (of) return { code: 'summarySharesPassages', ...of };
      return { code: 'summarySameStory', title: story?.title ?? '', source: story?.source ?? '' };
    case VERDICT.clean:
      return { code: 'summaryNothingFound' };
  }
}
