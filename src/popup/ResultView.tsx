/** A check result: verdict, the matched reference, the evidence, and the actions on the tab. */
import { isWarningHit, warns } from '../core/verdict-evidence.ts';
import type { CheckResult } from '../core/types.ts';
import { percent, t } from '../shared/i18n.ts';
import { BoilerplateList } from './BoilerplateList.tsx';
import { MatchSection } from './MatchSection.tsx';
import { StorySection } from './StorySection.tsx';
import { SubstitutionList } from './SubstitutionList.tsx';
import { TabActions, type TabInfo } from './TabActions.tsx';
import { verdictMeaning, verdictTone } from './verdict-text.ts';

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
  // The engine's sentence and reasons for these say what the story card or the note below already say.
  const sameStoryOnly = result.verdict === 'related' && result.story !== null && result.match === null;
  const showSummary = !!result.summary && !sameStoryOnly && !result.knownSpunCopy;
  const reasons = sameStoryOnly ? [] : result.reasons.slice(0, 5);
  return (
    <>
      <section class="verdict" aria-labelledby="verdict-heading">
        <h2 id="verdict-heading" class="visually-hidden">
          {t('popupVerdictHeading')}
        </h2>
        <div class="verdict-row">
          <span class={`chip tone-${verdictTone(result.verdict)}`} data-testid="verdict">
            {result.verdict}
          </span>
          <span class="confidence">
            {t('popupConfidence')} <strong data-testid="confidence">{percent(result.confidence)}</strong>
          </span>
        </div>
        {/* For "clean" the engine's summary already says it; the general meaning would only repeat it. */}
        {result.verdict !== 'clean' && <p class="meaning">{verdictMeaning(result)}</p>}
        {partial && (
          <p class="note tone-amber" data-testid="partial">
            {t('popupPartial')}
          </p>
        )}
        {showSummary && <p class="summary">{result.summary}</p>}
        {reasons.length > 0 && (
          <ul class="reasons">
            {reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        )}
        {result.knownSpunCopy && (
          <p class="note tone-blue" data-testid="known-spun-copy">
            {t('popupKnownSpunCopy', [result.knownSpunCopy.title, result.knownSpunCopy.source])}
          </p>
        )}
      </section>
      {result.story && <StorySection story={result.story} pageTitle={pageTitle} />}
      {result.match && <MatchSection match={result.match} substitutions={result.substitutions} textLength={textLength} />}
      {result.substitutions.length > 0 && (
        <SubstitutionList
          substitutions={result.substitutions}
          tabId={tab?.tabId ?? null}
          pageIsOriginal={result.match?.spunSide === 'reference'}
        />
      )}
      {boilerplate.length > 0 && <BoilerplateList hits={boilerplate} />}
      {tab && <TabActions tab={tab} />}
    </>
  );
}
