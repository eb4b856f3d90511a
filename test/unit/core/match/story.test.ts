/** Story keys: the names and numbers a report is about, and how a reader sees the shared ones. */
import { describe, expect, it } from 'vitest';
import { namePhrases, storyKeys } from '../../../../src/core/match/story.ts';
import { tokenize } from '../../../../src/core/text/text.ts';

const text = 'The United States and Russia met in Geneva. Officials of the United States said Russia’s troops stayed. ' +
  'Joe Biden spoke to Vladimir Putin. Biden said 175,000 troops were near Ukraine. The United Nations and Ukraine agreed.';

describe('story keys', () => {
  it('takes the most repeated names and numbers, leaving out months, days and titles', () => {
    const keys = storyKeys(tokenize(`${text} On Monday, Mr. Biden met Putin.`)).words;
    // Three mentions, then two (ties in alphabetical order), then one.
    expect(keys.slice(0, 6)).toEqual(['united', 'biden', 'putin', 'russia', 'states', 'ukraine']);
    expect(keys).not.toContain('monday');
    expect(keys).toContain('175,000');
  });
});

describe('names as a reader writes them', () => {
  it('keeps adjacent keys as one name, as the text writes it, first mention first', () => {
    const t = tokenize(text);
    expect(namePhrases(t, text, ['united', 'states', 'russia', 'biden', 'putin', 'vladimir', 'ukraine', '175,000']))
      .toEqual(['United States', 'Russia', 'Biden', 'Vladimir Putin', '175,000', 'Ukraine']);
  });

  it('does not join across a sentence end or punctuation', () => {
    const t = tokenize('They met Biden. Putin left, Russia stayed.');
    expect(namePhrases(t, 'They met Biden. Putin left, Russia stayed.', ['biden', 'putin', 'russia'])).toEqual(['Biden', 'Putin', 'Russia']);
  });
});
