/**
 * A check result. First what a reader needs at a glance (the verdict in words, what it means, what to do),
 * then the evidence, strongest first, in a column that scrolls inside the popup, then the tab's actions.
 */
import { isWarningHit } from '../core/judge/verdict-evidence.ts';
import type { JSX } from 'preact';
import type { CheckResult } from '../core/types.ts';
import { VERDICT, warns } from '../core/vocabulary.ts';
import { percent, reasonText, t } from '../shared/browser/i18n.ts';
import { BoilerplateList } from './BoilerplateList.tsx';
import { MatchSection } from './MatchSection.tsx';
import { SourceFreeSection } from './SourceFreeSection.tsx';
import { StorySection } from './StorySection.tsx';
import { SubstitutionList } from './SubstitutionList.tsx';
import { TabActions, type TabInfo } from './TabActions.tsx';
import { confidenceWords, nextStep, verdictLabel, verdictMeaning, verdictTone } from './verdict-text.ts';

interface Props {
  result: CheckResult;
  textLength: number;
  /** The page's title (or the selection's first words): how the story card writes shared names. */
  pageTitle: string;
  tab: TabInfo | null;
  /** Only a bounded slice of the page was judged. */
  partial?: boolean;
}

export function ResultView({ result, textLength, pageTitle, tab, partial = false }: Props) {
  // Site chrome ("Advertisement", a comment form) is evidence only next to a warning; alone it would alarm.
  const boilerplate = warns(result.verdict) ? result.boilerplate : result.boilerplate.filter(isWarningHit);
  const recognised = result.verdict !== VERDICT.clean;
  // The engine's sentence and reasons for these say what the story card or the note below already say.
  const sameStoryOnly = result.verdict === VERDICT.related && result.story !== null && result.match === null;
  const reasons = sameStoryOnly ? [] : result.reasons.slice(0, 5);
  const evidence = rankedEvidence(result, boilerplate, textLength, pageTitle, tab);
  return (
    <>
      <section class="verdict" aria-labelledby="verdict-heading">
        <h2 id="verdict-heading" class="visually-hidden">
          {t('popupVerdictHeading')}
        </h2>
        <div class="verdict-row">
          <span class={`chip tone-${verdictTone(result.verdict)}`} data-testid="verdict" data-verdict={result.verdict}>
            {verdictLabel(result.verdict)}
          </span>
          {/* No finding has no confidence to give. */}
          {recognised && (
            <span class="confidence" data-testid="confidence-words">
              {confidenceWords(result.confidence)}
            </span>
          )}
        </div>
        <p class="meaning">{verdictMeaning(result)}</p>
        <p class="next-step" data-testid="next-step">
          {nextStep(result)}
        </p>
        {partial && (
          <p class="note tone-amber" data-testid="partial">
            {t('popupPartial')}
          </p>
        )}
        {result.knownSpunCopy && (
          <p class="note tone-blue" data-testid="known-spun-copy">
            {t('popupKnownSpunCopy', [result.knownSpunCopy.title, result.knownSpunCopy.source])}
          </p>
        )}
        {recognised && (
          <details class="how">
            <summary>{t('popupHowWeKnow')}</summary>
            <p class="small muted">
              {t('popupConfidence')} <strong data-testid="confidence">{percent(result.confidence)}</strong>
            </p>
            {!sameStoryOnly && (
              <p class="small" data-testid="summary">
                {reasonText(result.summary)}
              </p>
            )}
            {reasons.length > 0 && (
              <ul class="reasons">
                {reasons.map((r, i) => (
                  <li key={i} data-testid="reason">
                    {reasonText(r)}
                  </li>
                ))}
              </ul>
            )}
          </details>
        )}
      </section>
      {evidence.length > 0 && (
        <div class="evidence" tabIndex={0} aria-label={t('popupHowWeKnow')}>
          {evidence.map((e) => e.view)}
        </div>
      )}
      {tab && <TabActions tab={tab} inLibrary={result.relation?.kind === 'own-reference'} />}
    </>
  );
}

/**
 * The evidence cards, strongest for this verdict first: the swaps for a spun copy, the boilerplate for an
 * auto-published page, the page's own marks when no source is known; the reference and the story after.
 */
function rankedEvidence(result: CheckResult, boilerplate: CheckResult['boilerplate'], textLength: number, pageTitle: string, tab: TabInfo | null) {
  const cards: { strength: number; view: JSX.Element }[] = [];
  const { match, substitutions, sourceFree, verdict } = result;
  if (substitutions.length > 0) {
    cards.push({
      strength: match?.spunSide === 'undecided' ? 2 : 3,
      view: <SubstitutionList key="subs" substitutions={substitutions} tabId={tab?.tabId ?? null} pageIsOriginal={match?.spunSide === 'reference'} />,
    });
  }
  if (match) cards.push({ strength: 2.5, view: <MatchSection key="match" match={match} substitutions={substitutions} textLength={textLength} isThisPage={result.relation?.kind === 'own-reference'} /> });
  if (boilerplate.length > 0) cards.push({ strength: verdict === VERDICT.autoPublished ? 4 : 1.5, view: <BoilerplateList key="boilerplate" hits={boilerplate} /> });
  if (sourceFree && (sourceFree.tortured.length > 0 || sourceFree.artefacts.length > 0)) {
    cards.push({ strength: verdict === VERDICT.spun && !match ? 4 : 1, view: <SourceFreeSection key="marks" report={sourceFree} /> });
  }
  if (result.story) cards.push({ strength: 1, view: <StorySection key="story" story={result.story} pageTitle={pageTitle} /> });
  return cards.sort((a, b) => b.strength - a.strength);
}
