import { decideDirection } from './direction.ts';
import type { KeyOrder } from './key-order.ts';
import type { Thresholds } from './thresholds.ts';
import type { Alignment, BoilerplateHit, CheckResult, Match, Reference, Relation, SourceFreeReport, SpunSide, SwapFluency, Verdict } from './types.ts';
import { boilerplateVerdict, creditLine, readsReworded, warns } from './verdict-evidence.ts';

export interface ClassifyInput {
  pageText: string;
  /** The page's own address, when known: a page that is the library's reference is not a copy of it. */
  pageUrl: string | null;
  pageWords: number;
  trusted: boolean;
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
const percent = (x: number) => `${Math.round(x * 100)} %`;

const ROLE_VERDICT: Record<Reference['role'], Verdict> = {
  spun: 'spun',
  'auto-published': 'auto-published',
  copy: 'copy',
  original: 'copy',
};

/** Turns the evidence about a page into one verdict of the vocabulary (docs/design.md), with its reasons. */
export function classify(input: ClassifyInput): CheckResult {
  const { best, thresholds: th, boilerplate, trusted } = input;
  const reasons: string[] = [];
  let verdict: Verdict = 'clean';
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
      margin: th.directionMargin,
    });
    const spunSide: SpunSide = reworded ? direction.spunSide : 'undecided';
    match = {
      referenceId: ref.id, title: ref.title, source: ref.source, date: ref.date, url: ref.url, referenceRole: ref.role,
      coverage: a.coverage, substitutionRate: a.substitutionRate, referenceCoverage: a.referenceCoverage,
      spunSide, direction, passages: a.passages,
    };
    const derived = rewrite !== null || isDerived(a, th);
    const share = rewrite
      ? `${percent(rewrite.inOrder)} of the article's names and numbers follow "${ref.title}" (${ref.source}) in the same order`
      : `${percent(a.coverage)} of the article aligns with "${ref.title}" (${ref.source})`;
    if (!derived) {
      verdict = 'related';
      relation = { kind: 'shared-passages' };
      confidence = clamp01(0.5 + a.coverage);
      reasons.push(`${share}: it shares passages, not the whole text.`);
    } else if (reworded && spunSide === 'page') {
      verdict = 'spun';
      confidence = clamp01(0.45 + 0.35 * a.coverage + 0.2 * Math.min(1, a.substitutions.length / 15));
      reasons.push(rewrite ? `${share}: a rewrite of it.` : `${share}, with ${percent(a.substitutionRate)} of its words swapped for others.`, ...direction.reasons);
    } else if (reworded && spunSide === 'reference') {
      verdict = 'related';
      relation = { kind: 'original-of-spun' };
      confidence = clamp01(0.4 + 0.4 * a.coverage);
      knownSpunCopy = { referenceId: ref.id, title: ref.title, source: ref.source };
      reasons.push(`${share}, and the reference is the reworded side: a spun copy of this article is known.`, ...direction.reasons);
    } else if (reworded) {
      // One text rewrites the other and the evidence does not say which: no accusation either way.
      verdict = 'related';
      relation = { kind: 'undecided-rewrite' };
      confidence = 0.5;
      reasons.push(`${share}: one of the two is a rewrite of the other, and the evidence does not tell which.`, ...direction.reasons);
    } else {
      // Only a credit the page added itself counts: one copied along with the text proves nothing.
      const credit = creditLine(blankOut(input.pageText, a.passages.map((p) => p.page)), ref.source);
      const ownPage = ref.role === 'original' && samePage(input.pageUrl, ref.url);
      if (ownPage) {
        verdict = 'related';
        relation = { kind: 'own-reference' };
        confidence = 0.95;
        reasons.push(`This page is the library's reference "${ref.title}" (${ref.source}).`);
      } else if ((trusted || credit) && pageBoilerplate === null) {
        verdict = 'related';
        relation = credit ? { kind: 'syndication', credit } : { kind: 'trusted-site' };
        confidence = 0.7;
        reasons.push(`${share} near-verbatim, and the page credits or is the source: syndication, not a scrape.`);
      } else {
        verdict = ROLE_VERDICT[ref.role];
        confidence = clamp01(0.5 + 0.5 * a.coverage * (1 - a.substitutionRate));
        reasons.push(
          ref.role === 'original'
            ? `${share} near-verbatim.`
            : `${share} near-verbatim, and that text is itself a known ${ref.role} copy: ${ref.roleReason}`,
        );
      }
    }
  }

  let story: CheckResult['story'] = null;
  if (verdict === 'clean' && input.story) {
    const { reference: ref, sharedKeys } = input.story;
    story = { referenceId: ref.id, title: ref.title, source: ref.source, sharedKeys };
    verdict = 'related';
    relation = { kind: 'same-story' };
    confidence = clamp01(0.4 + sharedKeys.length / 20);
    reasons.push(`Same story as "${ref.title}" (${ref.source}), told in other words: it shares ${sharedKeys.join(', ')}.`);
  }

  // With no known source, the text's own marks of machine rewording may warn, when they are strong.
  let fromSourceFree = false;
  if (!warns(verdict) && !match && input.sourceFree && readsReworded(input.sourceFree, boilerplate)) {
    verdict = 'spun';
    fromSourceFree = true;
    confidence = clamp01(0.5 + input.sourceFree.evidence / 40);
    const sample = input.sourceFree.tortured.slice(0, 3).map((h) => `"${h.text}" (usually "${h.likely}")`);
    reasons.unshift(`The text reads as machine-reworded, though no original is known${sample.length ? `: ${sample.join(', ')}` : ''}.`);
  }

  let fromBoilerplate = false;
  if (pageBoilerplate && !warns(verdict)) {
    verdict = pageBoilerplate;
    fromBoilerplate = true;
    const evidence = boilerplate.find((h) =>
      pageBoilerplate === 'spun' ? h.kind === 'spinner-artefact' : h.kind === 'auto-publish' || h.kind === 'scraper-footer');
    confidence = evidence?.kind === 'auto-publish' ? 0.85 : 0.7;
    if (evidence) reasons.unshift(`${evidence.explanation} ("${evidence.text.slice(0, 100)}")`);
  }

  if (trusted && warns(verdict)) {
    reasons.unshift(`You trust this site, so the ${verdict} evidence is shown without a warning.`);
    verdict = match ? 'related' : 'clean';
    relation = match ? { kind: 'trusted-site' } : null;
  }
  if (verdict === 'clean') {
    confidence = best ? clamp01(0.9 - best.alignment.coverage * 4) : 0.9;
    if (!reasons.length) reasons.push('No reference in the library matches this article and it carries no warning boilerplate.');
  }

  return {
    verdict,
    confidence: Math.round(confidence * 100) / 100,
    // A warning that rests on boilerplate alone does not make the page a copy of the reference it matched.
    summary: fromSourceFree ? 'This article looks machine-reworded; no original is known.' : summarize(verdict, fromBoilerplate ? null : match, knownSpunCopy, story),
    reasons,
    match,
    boilerplate,
    substitutions: match && best ? best.alignment.substitutions : [],
    story,
    knownSpunCopy,
    sourceFree: input.sourceFree,
    pageWords: input.pageWords,
    libraryReferences: input.libraryReferences,
    relation: verdict === 'related' ? relation : null,
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

function summarize(
  verdict: Verdict, match: Match | null, known: CheckResult['knownSpunCopy'], story: CheckResult['story'],
): string {
  const from = match ? ` of "${match.title}" (${match.source})` : '';
  switch (verdict) {
    case 'spun':
      return match ? `This article is a reworded (spun) copy${from}.` : 'This article carries the marks of an article spinner.';
    case 'auto-published':
      return match ? `This article is an auto-published copy${from}.` : 'This article was published automatically from a feed or scraped.';
    case 'copy':
      return `This article copies${from.replace(/^ of/, '')} near-verbatim.`;
    case 'related':
      if (known) return `A spun copy of this article is known: "${known.title}" (${known.source}).`;
      if (match) return `This article shares passages with "${match.title}" (${match.source}).`;
      return `This article covers the same story as "${story?.title}" (${story?.source}), in its own words.`;
    case 'clean':
      return 'Nothing found: no known copy, spin or auto-publishing boilerplate.';
  }
}
