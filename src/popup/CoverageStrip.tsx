/** The article as a horizontal strip: aligned passages, swapped phrases and unmatched text. */
import type { AlignedPassage, Match, Substitution } from '../core/types.ts';
import { percent, t } from '../shared/browser/i18n.ts';
import { stripBars } from './strip.ts';

interface Props {
  textLength: number;
  passages: AlignedPassage[];
  substitutions: Substitution[];
  match: Match;
}

export function CoverageStrip({ textLength, passages, substitutions, match }: Props) {
  const { aligned, swapped } = stripBars(textLength, passages, substitutions);
  const label = t('stripLabel', [percent(match.coverage), percent(match.substitutionRate)]);
  return (
    <figure class="strip">
      <svg viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" aria-label={label} data-testid="coverage-strip">
        <rect x="0" y="0" width="1000" height="10" class="s-unmatched" />
        {aligned.map((b, i) => (
          <rect key={`a${i}`} x={b.x * 1000} y="0" width={b.w * 1000} height="10" class="s-aligned" />
        ))}
        {swapped.map((b, i) => (
          <rect key={`s${i}`} x={b.x * 1000} y="0" width={b.w * 1000} height="10" class="s-swapped" />
        ))}
      </svg>
      <figcaption class="legend" aria-hidden="true">
        <span>
          <i class="s-aligned" /> {t('stripAligned')}
        </span>
        <span>
          <i class="s-swapped" /> {t('stripSwapped')}
        </span>
        <span>
          <i class="s-unmatched" /> {t('stripUnmatched')}
        </span>
      </figcaption>
    </figure>
  );
}
