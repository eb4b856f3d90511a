import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../../src/background/handlers.ts';
import { setTabState } from '../../../src/shared/storage/storage.ts';
import { installFakeBrowser } from '../support/fake-browser.ts';

vi.mock('virtual:spinscope/library', () => ({ default: [] }));

describe('list-checked-tabs', () => {
  let openTabs: number[];
  beforeEach(() => {
    const fake = installFakeBrowser();
    openTabs = [];
    (fake.api as unknown as { tabs: unknown }).tabs = { query: async () => openTabs.map((id) => ({ id })) };
  });

  // A closed tab's state is removed on another event; until then options offered an article that was gone.
  it('offers only tabs that are still open', async () => {
    const state = (title: string) => ({ status: 'error' as const, url: `https://news.example/${title}`, at: 1, title, error: 'x' });
    await setTabState(1, state('open'));
    await setTabState(2, state('closed'));
    await setTabState(3, { status: 'checking', url: 'https://news.example/c', at: 1, title: 'checking' });
    openTabs = [1, 3];
    const list = await handlers['list-checked-tabs']({ type: 'list-checked-tabs' }, undefined as never);
    expect(list.map((t) => t.tabId)).toEqual([1]);
  });
});
