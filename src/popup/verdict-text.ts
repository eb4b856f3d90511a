/** Words and tones for verdicts, shared by the popup's parts. */
import type { CheckResult, ReferenceRole, Verdict } from '../core/types.ts';
import { t } from '../shared/i18n.ts';

export type Tone = 'red' | 'amber' | 'green' | 'blue' | 'grey';

/** "clean" is no finding: grey, never the green of a positive result. */
export function verdictTone(v: Verdict): Tone {
  return v === 'spun' ? 'red' : v === 'copy' || v === 'auto-published' ? 'amber' : v === 'related' ? 'blue' : 'grey';
}

/** What the chip says: the verdict's own word, except that nothing found is "not recognised". */
export function verdictLabel(v: Verdict): string {
  return v === 'clean' ? t('labelNotRecognised') : v;
}

/** Confidence in words, for the first glance; the number waits behind "How we know". */
export function confidenceWords(confidence: number): string {
  return confidence >= 0.85 ? t('confidenceVeryLikely') : confidence >= 0.65 ? t('confidenceLikely') : t('confidencePossibly');
}

/** What the verdict means for this result; "related" covers three different findings, each said plainly. */
export function verdictMeaning(result: Pick<CheckResult, 'verdict' | 'match' | 'story' | 'knownSpunCopy' | 'libraryReferences' | 'relation'>): string {
  switch (result.verdict) {
    case 'spun':
      return result.match ? t('meaningSpun') : t('meaningSpunNoSource');
    case 'copy':
      return t('meaningCopy');
    case 'auto-published':
      return t('meaningAuto');
    case 'related':
      return relatedMeaning(result);
    case 'clean':
      return t('meaningNotRecognised', String(result.libraryReferences ?? 0));
  }
}

/** "related" is several findings: each said in its own words, the deciding credit quoted. */
function relatedMeaning(result: Pick<CheckResult, 'match' | 'knownSpunCopy' | 'relation'>): string {
  switch (result.relation?.kind) {
    case 'syndication':
      return t('meaningSyndication', result.relation.credit);
    case 'trusted-site':
      return t('meaningTrustedSite');
    case 'own-reference':
      return t('meaningOwnReference');
    case 'original-of-spun':
      return t('meaningRelatedOriginal');
    case 'undecided-rewrite':
      return t('meaningUndecidedRewrite');
    case 'shared-passages':
      return t('meaningRelatedShared');
    case 'same-story':
      return t('meaningRelated');
    case undefined:
      // A result stored before cases existed.
      return result.knownSpunCopy ? t('meaningRelatedOriginal') : result.match ? t('meaningRelatedShared') : t('meaningRelated');
  }
}

/** What the reader can do next, in one line. */
export function nextStep(result: Pick<CheckResult, 'verdict' | 'match' | 'knownSpunCopy'>): string {
  switch (result.verdict) {
    case 'spun':
      if (!result.match) return t('nextSpunNoSource');
      // The bundled references are themselves bad copies: then no original is known, only an earlier copy.
      return result.match.referenceRole === 'original' ? t('nextSpun') : t('nextSpunOriginalUnknown');
    case 'copy':
      return t('nextCopy');
    case 'auto-published':
      return t('nextAuto');
    case 'related':
      return result.knownSpunCopy ? t('nextRelatedOriginal') : t('nextRelated');
    case 'clean':
      return t('nextNotRecognised');
  }
}

export function roleText(role: ReferenceRole): string {
  switch (role) {
    case 'spun':
      return t('roleSpun');
    case 'auto-published':
      return t('roleAuto');
    case 'copy':
      return t('roleCopy');
    case 'original':
      return t('roleOriginal');
  }
}
