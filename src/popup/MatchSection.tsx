/**
 * The reference the page derives from, with coverage and substitution rate drawn as a strip, and a way to
 * it: "Open original" when it is an original with an address; when it is itself a copy, the original is
 * unknown and it is named as the earliest known copy.
 */
import type { Match, Substitution } from '../core/types.ts';
import { ROLE } from '../core/vocabulary.ts';
import { percent, t } from '../shared/browser/i18n.ts';
import { CoverageStrip } from './CoverageStrip.tsx';
import { referenceNaming } from './verdict-text.ts';

/** `isThisPage`: the reference is this very page (already open), so there is nothing to open. */
export function MatchSection({ match, substitutions, textLength, isThisPage = false }: { match: Match; substitutions: Substitution[]; textLength: number; isThisPage?: boolean }) {
  const named = referenceNaming(match);
  return (
    <section class="card" aria-labelledby="match-heading">
      <h3 id="match-heading">{t('popupMatchHeading')}</h3>
      {match.referenceRole !== ROLE.original && <p class="small">{t('popupOriginalUnknown')}</p>}
      <p class="ref-title" data-testid="reference-title">
        {match.title}
      </p>
      <p class="muted">
        <span data-testid="reference-source">{named.who}</span>
        {match.date && <span> · {match.date}</span>}
      </p>
      {named.role && (
        <p class="muted small" data-testid="reference-role">
          {named.role}
        </p>
      )}
      {!isThisPage && webAddress(match.url) && (
        <a class="open-link" href={webAddress(match.url)!} target="_blank" rel="noopener noreferrer" data-testid="open-reference">
          {match.referenceRole === ROLE.original ? t('popupOpenOriginal') : t('popupOpenCopy')}
        </a>
      )}
      {match.spunSide !== 'undecided' && (
        <p class="muted small">{match.spunSide === 'page' ? t('popupSpunSidePage') : t('popupSpunSideReference')}</p>
      )}
      <dl class="figures">
        <div>
          <dt>{t('popupCoverage')}</dt>
          <dd>{percent(match.coverage)}</dd>
        </div>
        <div>
          <dt>{t('popupSubstitutionRate')}</dt>
          <dd>{percent(match.substitutionRate)}</dd>
        </div>
      </dl>
      <CoverageStrip textLength={textLength} passages={match.passages} substitutions={substitutions} match={match} />
    </section>
  );
}

/** Only a web address becomes a link: a stored reference could carry anything. */
export function webAddress(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
