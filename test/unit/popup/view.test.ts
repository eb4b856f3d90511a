/** What the popup and the banner say: tab states, the story card's names, the verdict lines. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult, Match } from '../../../src/core/types.ts';
import { sentence } from '../../../src/content/banner.ts';
import { cssString } from '../../../src/content/closed-host.ts';
import type { PageStatus } from '../../../src/shared/protocol/messages.ts';
import type { TabState } from '../../../src/shared/protocol/state.ts';
import { displayKeys } from '../../../src/popup/story-keys.ts';
import { loadTabState, tabView, type TabSnapshot } from '../../../src/popup/tab-state.ts';
import { verdictMeaning } from '../../../src/popup/verdict-text.ts';
import { getMessage, installFakeBrowser } from '../support/fake-browser.ts';

const URL_A = 'https://news.example/a';
const NOW = 1_000_000;

function result(over: Partial<CheckResult> = {}): CheckResult {
  return {
    verdict: 'clean',
    confidence: 0.9,
    summary: { code: 'summaryNothingFound' },
    reasons: [],
    match: null,
    boilerplate: [],
    substitutions: [],
    story: null,
    knownSpunCopy: null,
    sourceFree: null,
    pageWords: 400,
    libraryReferences: 5,
    relation: null,
    ...over,
  };
}

function match(over: Partial<Match> = {}): Match {
  return {
    referenceId: 'r1',
    title: 'Biden says will announce Russia-NATO meeting by Friday',
    source: 'ANI',
    date: null,
    url: null,
    referenceRole: 'auto-published',
    coverage: 0.95,
    substitutionRate: 0,
    referenceCoverage: 0.95,
    spunSide: 'undecided',
    direction: { spunSide: 'undecided', pageRarity: 0, referenceRarity: 0, swapFluency: null, score: 0, reasons: [] },
    passages: [],
    ...over,
  };
}

const checked: TabState = {
  status: 'checked',
  url: URL_A,
  title: 'A',
  at: 1,
  result: result(),
  trusted: false,
  partial: false,
  site: 'news.example',
  textLength: 100,
};

function snap(over: Partial<TabSnapshot>): TabSnapshot {
  return { stored: null, page: null, tab: { url: URL_A, loading: false }, now: NOW, ...over };
}
const page = (status: PageStatus['status'], url = URL_A): PageStatus => ({ url, status });

describe('tabView: what the popup shows for a tab', () => {
  it('shows the worker\'s result for the page in the tab', () => {
    expect(tabView(snap({ stored: checked, page: page('checked') }))).toBe(checked);
    expect(tabView(snap({ stored: checked, page: page('checked', `${URL_A}#comments`) }))).toBe(checked);
  });

  it('says "checking" while the content script waits, extracts or waits for the worker', () => {
    for (const status of ['idle', 'checking'] as const) {
      expect(tabView(snap({ page: page(status) })).status).toBe('checking');
    }
    // The worker still holds the previous page of the tab: the new page is what counts.
    const view = tabView(snap({ stored: checked, page: page('idle', 'https://news.example/b'), tab: { url: 'https://news.example/b', loading: false } }));
    expect(view.status).toBe('checking');
  });

  it('says "checking" while an article page is still loading and its content script is not there yet', () => {
    expect(tabView(snap({ tab: { url: URL_A, loading: true } })).status).toBe('checking');
    // A loading page whose address the browser does not show: just loading, not "checking an article".
    expect(tabView(snap({ tab: { url: null, loading: true } })).status).toBe('loading');
  });

  it('keeps "not checked" for a tab with no content script at all', () => {
    expect(tabView(snap({ tab: { url: URL_A, loading: false } })).status).toBe('no-script');
    expect(tabView(snap({ tab: { url: null, loading: false } })).status).toBe('no-script');
    expect(tabView(snap({ tab: null })).status).toBe('no-script');
  });

  it('passes on "not an article" and "skipped" from the content script', () => {
    expect(tabView(snap({ page: page('not-article') })).status).toBe('not-article');
    expect(tabView(snap({ page: page('skipped') })).status).toBe('skipped');
  });

  it('says the check did not finish when the content script gave up or the result is gone', () => {
    expect(tabView(snap({ page: page('failed') })).status).toBe('unfinished');
    expect(tabView(snap({ page: page('checked') })).status).toBe('unfinished');
    const stale: TabState = { status: 'checking', url: URL_A, title: 'A', at: 1 };
    expect(tabView(snap({ stored: stale, page: page('failed') })).status).toBe('unfinished');
    expect(tabView(snap({ stored: stale, page: page('checking') }))).toBe(stale);
  });
});

describe('loadTabState', () => {
  let answers: Array<PageStatus | null>;
  let stored: TabState | null;
  let asked: number;
  /** The tab as tabs.get shows it: without the "tabs" permission Chrome hides the URL. */
  let tab: { id: number; url?: string; status: string };

  beforeEach(() => {
    const fake = installFakeBrowser();
    answers = [];
    stored = null;
    asked = 0;
    tab = { id: 7, url: URL_A, status: 'complete' };
    const api = fake.api as unknown as Record<string, unknown>;
    api.tabs = {
      get: async () => tab,
      sendMessage: async () => {
        asked++;
        const a = answers.shift();
        if (!a) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, value: a };
      },
    };
    (api.runtime as Record<string, unknown>).sendMessage = async () => ({ ok: true, value: stored });
  });

  it('asks again when a web page\'s content script is not listening yet', async () => {
    answers = [null, page('idle')];
    expect((await loadTabState(7)).status).toBe('checking');
    expect(asked).toBe(2);
  });

  it('settles on "not checked" when nothing in the tab ever answers', async () => {
    expect((await loadTabState(7)).status).toBe('no-script');
    expect(asked).toBe(3);
  });

  it('asks again also when the browser hides the tab\'s URL, but not for a page that is not a web page', async () => {
    tab = { id: 7, status: 'complete' };
    answers = [null, null, page('checking')];
    expect((await loadTabState(7)).status).toBe('checking');
    tab = { id: 7, url: 'chrome://newtab/', status: 'complete' };
    asked = 0;
    expect((await loadTabState(7)).status).toBe('no-script');
    expect(asked).toBe(1);
  });

  it('waits for a loading page instead of calling it unchecked', async () => {
    tab = { id: 7, status: 'loading' };
    expect((await loadTabState(7)).status).toBe('loading');
    expect(asked).toBe(1);
  });

  it('returns the stored result once the page reports it checked', async () => {
    answers = [page('checked')];
    stored = checked;
    expect(await loadTabState(7)).toEqual(checked);
  });
});

describe('story card names', () => {
  it('writes shared names as the headlines do, and capitalises the rest', () => {
    const keys = ['nato', 'biden', 'russia', '175,000', 'united', 'states', 'nato', 'putin'];
    expect(displayKeys(keys, ['Biden says will announce Russia-NATO meeting by Friday', 'Putin’s 175,000 troops'])).toEqual([
      'NATO',
      'Biden',
      'Russia',
      '175,000',
      'United',
      'States',
      'Putin',
    ]);
    expect(displayKeys(['putin', 'ukraine'], [''])).toEqual(['Putin', 'Ukraine']);
  });
});

describe('verdict lines', () => {
  beforeEach(() => void installFakeBrowser());

  it('tells the three kinds of "related" apart', () => {
    const story = { referenceId: 'r1', title: 'T', source: 'S', sharedKeys: ['biden'] };
    expect(verdictMeaning(result({ verdict: 'related', story }))).toBe(getMessage('meaningRelated'));
    expect(verdictMeaning(result({ verdict: 'related', match: match() }))).toBe(getMessage('meaningRelatedShared'));
    const known = { referenceId: 'r1', title: 'T', source: 'S' };
    expect(verdictMeaning(result({ verdict: 'related', match: match({ referenceRole: 'spun' }), knownSpunCopy: known }))).toBe(
      getMessage('meaningRelatedOriginal'),
    );
  });

  it('the banner says only what the page could know: the kind of warning, never the reference', () => {
    for (const verdict of ['spun', 'copy', 'auto-published'] as const) {
      const said = sentence(result({ verdict, match: match() }).verdict);
      expect(said).not.toContain('Biden');
      expect(said).not.toContain('ANI');
    }
    expect(sentence('auto-published')).toBe(getMessage('bannerAuto'));
    expect(sentence('spun')).toBe(getMessage('bannerSpun'));
  });

  it('writes banner words as CSS strings nothing in them can end', () => {
    expect(cssString('Details')).toBe('"Details"');
    expect(cssString('a"b\\c')).toBe('"a\\22 b\\5c c"');
    expect(cssString('"}</style>').slice(1, -1)).not.toMatch(/[}<>"]/);
  });
});
