/** Words and tones for verdicts, shared by the popup's parts. */
import type { CheckResult, ReferenceRole, Verdict } from '../core/types.ts';
import { t } from '../shared/i18n.ts';

export function verdictTone(v: Verdict): 'red' | 'amber' | 'green' | 'blue' {
  return v === 'spun' ? 'red' : v === 'copy' || v === 'auto-published' ? 'amber' : v === 'related' ? 'blue' : 'green';
}

/** What the verdict means for this result; "related" covers three different findings, each said plainly. */
export function verdictMeaning(result: Pick<CheckResult, 'verdict' | 'match' | 'story' | 'knownSpunCopy'>): string {
  switch (result.verdict) {
    case 'spun':
      return t('meaningSpun');
    case 'copy':
      return t('meaningCopy');
    case 'auto-published':
      return t('meaningAuto');
    case 'related':
      if (result.knownSpunCopy) return t('meaningRelatedOriginal');
      if (result.match) return t('meaningRelatedShared');
      return t('meaningRelated');
    case 'clean':
      return t('meaningClean');
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
