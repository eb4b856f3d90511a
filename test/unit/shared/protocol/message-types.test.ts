/**
 * The protocol's types hold both ends together. The `@ts-expect-error` lines are compiled by `tsc --noEmit`
 * (part of `npm test`): each must fail to compile, or the unused directive is itself an error.
 */
import { describe, expect, it } from 'vitest';
import type { WorkerHandlers } from '../../../../src/background/router.ts';
import type { Handlers, TabType } from '../../../../src/shared/protocol/messages.ts';
import { answer, sendToTab, sendToWorker } from '../../../../src/shared/protocol/messaging.ts';
import type { TabState } from '../../../../src/shared/protocol/state.ts';

// Never called: only compiled.
export function receiverTypes(worker: WorkerHandlers): void {
  const { 'list-references': listReferences, ...withoutListReferences } = worker;
  // @ts-expect-error a worker without the handler of one of its messages
  const missing: WorkerHandlers = withoutListReferences;

  // @ts-expect-error a handler answering with another message's reply (the highlight count for a tab's state)
  const wrongReply: WorkerHandlers = { ...worker, 'get-tab-state': async () => ({ found: 3 }) };

  // @ts-expect-error another message's handler in the place of this one's
  const wrongHandler: WorkerHandlers = { ...worker, 'get-tab-state': listReferences };

  // @ts-expect-error a handler answering a removal with something when the reply is null
  const notNull: WorkerHandlers = { ...worker, 'remove-reference': async () => 'removed' };

  const unknownType: WorkerHandlers = {
    ...worker,
    // @ts-expect-error a handler for a message that does not exist
    'run-script': async () => null,
  };

  const unsentField: WorkerHandlers = {
    ...worker,
    // @ts-expect-error a handler reading a field its message does not carry
    'page-check': async (msg, tabId) => worker['page-check']({ ...msg, url: msg.byline }, tabId),
  };

  // @ts-expect-error the content script's answers without the article
  const noArticle: Handlers<TabType> = { highlight: () => ({ found: 0 }), 'clear-highlights': () => null, 'get-status': () => ({ url: '', status: 'idle' }) };

  const wrongStatus: Handlers<TabType> = {
    highlight: () => ({ found: 0 }),
    'clear-highlights': () => null,
    // @ts-expect-error a status the popup does not know
    'get-status': () => ({ url: '', status: 'spun' }),
    'get-article': () => null,
  };

  void [missing, wrongReply, wrongHandler, notNull, unknownType, unsentField, noArticle, wrongStatus];
}

export async function senderTypes(): Promise<void> {
  const state = await sendToWorker({ type: 'get-tab-state', tabId: 1 });
  // The reply's type follows from the message's: no cast.
  const stored: TabState | null = state.ok ? state.value : null;
  // @ts-expect-error the state of a tab is not a reference list
  const refs: { references: unknown[] } | null = state.ok ? state.value : null;

  const article = await sendToTab(1, { type: 'get-article' });
  const text: string | undefined = article.ok ? article.value?.text : undefined;

  // @ts-expect-error a field no receiver reads
  void sendToWorker({ type: 'page-dismiss', url: 'https://x.org/', byline: 'By Jane Doe' });
  // @ts-expect-error a message for a tab sent to the worker
  void sendToWorker({ type: 'get-article' });
  // @ts-expect-error a message for the worker sent to a tab
  void sendToTab(1, { type: 'list-references' });
  // @ts-expect-error a field missing
  void sendToWorker({ type: 'get-tab-state' });

  void [stored, refs, text];
}

describe('answer', () => {
  const tab: Handlers<TabType> = {
    highlight: (msg) => ({ found: msg.spans.length }),
    'clear-highlights': () => null,
    'get-status': () => {
      throw new Error('page gone');
    },
    'get-article': async () => ({ url: 'https://x.org/a', title: 'T', text: 'Body.', siteName: null }),
  };

  it('hands a message to the handler of its type and wraps what it returns', async () => {
    expect(await answer(tab, { type: 'highlight', spans: [{ start: 0, end: 2 }, { start: 3, end: 5 }] }, undefined)).toEqual({ ok: true, value: { found: 2 } });
    expect(await answer(tab, { type: 'get-article' }, undefined)).toEqual({
      ok: true,
      value: { url: 'https://x.org/a', title: 'T', text: 'Body.', siteName: null },
    });
  });

  it('turns a handler that throws into an error reply', async () => {
    expect(await answer(tab, { type: 'get-status' }, undefined)).toEqual({ ok: false, error: 'page gone' });
  });
});
