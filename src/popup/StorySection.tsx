/** A reference that covers the same story in other words: the names and numbers both texts share. */
import type { CheckResult } from '../core/types.ts';
import { t } from '../shared/browser/i18n.ts';
import { displayKeys } from './story-keys.ts';

type Story = NonNullable<CheckResult['story']>;

export function StorySection({ story, pageTitle }: { story: Story; pageTitle: string }) {
  const keys = displayKeys(story.sharedKeys, [story.title, pageTitle]);
  return (
    <section class="card" aria-labelledby="story-heading" data-testid="story">
      <h3 id="story-heading">{t('popupStoryHeading')}</h3>
      <p class="ref-title" data-testid="story-title">
        {story.title}
      </p>
      <p class="muted" data-testid="story-source">
        {story.source}
      </p>
      <p class="story-note">{t('popupStoryExplain')}</p>
      {keys.length > 0 && (
        <>
          <h4 id="story-keys-heading" class="subhead">
            {t('popupStoryKeys', String(keys.length))}
          </h4>
          <ul class="keys" aria-labelledby="story-keys-heading">
            {keys.map((k) => (
              <li key={k} class="key" data-testid="story-key">
                {k}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
