import { phraseRarity } from './rarity.ts';
import type { DirectionEvidence, ReferenceRole, Substitution } from './types.ts';

export interface DirectionInput {
  substitutions: readonly Substitution[];
  /** The page carries boilerplate that marks a scraped, auto-published or spun page. */
  pageHasWarningBoilerplate: boolean;
  referenceRole: ReferenceRole;
  pageTrusted: boolean;
  rarityMargin: number;
}

const CAPITALISED = /(?:^|[^\p{L}])\p{Lu}/u;

/** Weight of one piece of non-lexical evidence, in rarity units. */
const EVIDENCE_WEIGHT = 0.3;

/**
 * Decides which side of a reworded alignment is the spun one. The spun side uses rarer words (measured on
 * the swapped phrases only, where the two texts differ); scraper boilerplate and a reference already known
 * to be a bad copy tilt the decision, and a page on a trusted site is the original.
 */
export function decideDirection(input: DirectionInput): DirectionEvidence {
  // Names are not a spinner's word choice ("Roosevelt Room" → "Love Room" says nothing about which word
  // is rarer English), so swaps involving a capitalised word are left out of the comparison.
  const substitutions = input.substitutions.filter((s) => !CAPITALISED.test(s.page) && !CAPITALISED.test(s.reference));
  let pageRarity = 0;
  let referenceRarity = 0;
  for (const s of substitutions) {
    pageRarity += phraseRarity(s.page);
    referenceRarity += phraseRarity(s.reference);
  }
  if (substitutions.length) {
    pageRarity /= substitutions.length;
    referenceRarity /= substitutions.length;
  }
  const reasons: string[] = [];
  let score = pageRarity - referenceRarity;
  if (substitutions.length) {
    reasons.push(
      `swapped words on the page are ${score >= 0 ? 'rarer' : 'more common'} than the reference's ` +
        `(rarity ${pageRarity.toFixed(2)} vs ${referenceRarity.toFixed(2)})`,
    );
  }
  if (input.pageHasWarningBoilerplate) {
    score += EVIDENCE_WEIGHT;
    reasons.push('the page carries scraper or auto-publishing boilerplate');
  }
  if (input.referenceRole === 'spun') {
    score -= EVIDENCE_WEIGHT;
    reasons.push('the reference is itself a known spun copy');
  } else if (input.referenceRole === 'auto-published') {
    // Scrapers are the ones that spin: a reference that carries scraper boilerplate leans to being the copy.
    score -= EVIDENCE_WEIGHT / 2;
    reasons.push('the reference carries scraper or auto-publishing boilerplate');
  }
  if (input.pageTrusted) {
    // The reader vouches for this site: it is the original, whatever the words say.
    reasons.push('the page is on a site you trust, so it is taken as the original');
    return { spunSide: 'reference', pageRarity, referenceRarity, score: -Infinity, reasons };
  }
  const spunSide = score > input.rarityMargin ? 'page' : score < -input.rarityMargin ? 'reference' : 'undecided';
  return { spunSide, pageRarity, referenceRarity, score, reasons };
}
