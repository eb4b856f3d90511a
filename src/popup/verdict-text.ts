/** Words and tones for verdicts, shared by the popup's parts; the vocabulary holds what each verdict is. */
import type { CheckResult } from '../core/types.ts';
import { ROLE, ROLE_LABELS, VERDICT, VERDICTS, type ReferenceRole, type Tone, type Verdict } from '../core/vocabulary.ts';
import { t } from '../shared/browser/i18n.ts';

export function verdictTone(v: Verdict): Tone {
  return VERDICTS[v].tone;
}

/** What the chip says: the verdict's own word, except that nothing found is "not recognised". */
export function verdictLabel(v: Verdict): string {
  return t(VERDICTS[v].label);
}

/** Confidence in words, for the first glance; the number waits behind "How we know". */
export function confidenceWords(confidence: number): string {
  return confidence >= 0.85 ? t('confidenceVeryLikely') : confidence >= 0.65 ? t('confidenceLikely') : t('confidencePossibly');
}

/** What the verdict means for this result; "related" covers three different findings, each said plainly. */
export function verdictMeaning(result: Pick<CheckResult, 'verdict' | 'match' | 'story' | 'knownSpunCopy' | 'libraryReferences' | 'relation'>): string {
  switch (result.verdict) {
    case VERDICT.spun:
      return result.match ? t('meaningSpun') : t('meaningSpunNoSource');
    case VERDICT.copy:
      return t('meaningCopy');
    case VERDICT.autoPublished:
      return t('meaningAuto');
    case VERDICT.related:
      return relatedMeaning(result);
    case VERDICT.clean:
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
    case VERDICT.spun:
      if (!result.match) return t('nextSpunNoSource');
      // The bundled references are themselves bad copies: then no original is known, only an earlier copy.
      return result.match.referenceRole === ROLE.original ? t('nextSpun') : t('nextSpunOriginalUnknown');
    case VERDICT.copy:
      return t('nextCopy');
    case VERDICT.autoPublished:
      return t('nextAuto');
    case VERDICT.related:
      return result.knownSpunCopy ? t('nextRelatedOriginal') : t('nextRelated');
    case VERDICT.clean:
      return t('nextNotRecognised');
  }
}

export function roleText(role: ReferenceRole): string {
  return t(ROLE_LABELS[role].sentence);
}
