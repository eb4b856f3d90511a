/** Words and tones for verdicts, shared by the popup's parts; the vocabulary holds what each verdict is. */
import type { CheckResult, Match } from '../core/types.ts';
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

/** "A … copy, credited on its page to $1", for each kind of known copy. */
const COPY_OF_STORY: Readonly<Record<Exclude<ReferenceRole, typeof ROLE.original>, string>> = {
  [ROLE.spun]: 'referenceSpunCopyOf',
  [ROLE.autoPublished]: 'referenceAutoCopyOf',
  [ROLE.copy]: 'referenceCopyOf',
};

/**
 * How the matched reference is named. An original by its source. A known copy by the site it was found on:
 * its source is the credit its page carries (a byline, "By ANI", or a masthead), and naming the copy by it
 * would make the agency the culprit. The credit is quoted as the page's, not said to be the story's author.
 */
export function referenceNaming(match: Pick<Match, 'source' | 'url' | 'referenceRole'>): { who: string; role: string | null } {
  const role = match.referenceRole;
  if (role === ROLE.original) return { who: match.source, role: null };
  const host = siteOf(match.url);
  // A reference with no credit is given its host (or "unknown source") as its source: nothing to quote then.
  const byline = match.source && match.source !== host && match.source !== 'unknown source' ? match.source : null;
  return { who: host ?? t('referenceSiteUnknown'), role: byline ? t(COPY_OF_STORY[role], byline) : roleText(role) };
}

function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}
