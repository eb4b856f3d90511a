/** The worker stopped while a page check is in flight: the content script resends it, within bounds. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { CHECK_ABANDONED_MS, settledState } from '../../../src/background/check-page.ts';
import { handlers } from '../../../src/background/handlers.ts';
import { invalidateEngine } from '../../../src/background/library/library.ts';
import { setReferenceStore } from '../../../src/background/library/reference-db.ts';
import { route } from '../../../src/background/router.ts';
import type { ContentMessage } from '../../../src/shared/protocol/messages.ts';
import { sendToWorker } from '../../../src/shared/protocol/messaging.ts';
import type { TabState } from '../../../src/shared/protocol/state.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, installFakeBrowser, type FakeBrowser } from '../support/fake-browser.ts';
import { MemoryReferenceStore } from '../support/fake-reference-store.ts';

vi.mock('virtual:spinscope/library', () => ({ default: [] }));

const PAGE = 'https://news.example.com/a';
const check = { type: 'page-check', url: PAGE, title: 'A title', text: 'Body text of the article.', fullLoad: true, partial: false } satisfies ContentMessage;
const fromTab: Runtime.MessageSender = { id: EXTENSION_ID, url: PAGE, frameId: 0, tab: { id: 7 } as Runtime.MessageSender['tab'] };
const reply = { ok: true, value: { state: { status: 'checked' }, banner: false } };

let fake: FakeBrowser;
let send: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fake = installFakeBrowser();
  send = vi.fn();
  (fake.api.runtime as { sendMessage: unknown }).sendMessage = send;
});
afterEach(() => {
  vi.useRealTimers();
  setReferenceStore(null);
});

/** Sends with the content script's own retry policy, letting its waits pass instantly. */
async function sendWithFakeTime(): Promise<unknown> {
  vi.useFakeTimers();
  const pending = sendToWorker(check);
  await vi.runAllTimersAsync();
  return pending;
}

describe("the content script's resend", () => {
  it.each([
    'Could not establish connection. Receiving end does not exist.',
    'The message port closed before a response was received.',
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  ])('resends after "%s" and returns the answer of the woken worker', async (error) => {
    send.mockRejectedValueOnce(new Error(error)).mockRejectedValueOnce(new Error(error)).mockResolvedValue(reply);
    expect(await sendWithFakeTime()).toEqual(reply);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send).toHaveBeenLastCalledWith(check);
  });

  it('resends when the channel closes without an answer', async () => {
    send.mockResolvedValueOnce(undefined).mockResolvedValue(reply);
    expect(await sendWithFakeTime()).toEqual(reply);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after three attempts, with the last error', async () => {
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await sendWithFakeTime()).toEqual({ ok: false, error: 'Could not establish connection. Receiving end does not exist.' });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('waits longer before each resend', async () => {
    vi.useFakeTimers();
    send.mockRejectedValue(new Error('The message port closed before a response was received.'));
    const pending = sendToWorker(check);
    await vi.advanceTimersByTimeAsync(499);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    expect(await pending).toMatchObject({ ok: false });
  });

  it('resends a check that got no answer within the time limit', async () => {
    vi.useFakeTimers();
    send.mockReturnValueOnce(new Promise(() => undefined)).mockResolvedValue(reply);
    const pending = sendToWorker(check);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 + 500);
    expect(send).toHaveBeenCalledTimes(2);
    expect(await pending).toEqual(reply);
  });

  it('does not resend when the extension was updated under the page, or when the worker refused the check', async () => {
    send.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    expect(await sendWithFakeTime()).toEqual({ ok: false, error: 'Extension context invalidated.' });
    send.mockResolvedValueOnce({ ok: false, error: 'page-check: text: too short' });
    expect(await sendWithFakeTime()).toEqual({ ok: false, error: 'page-check: text: too short' });
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('a worker stopped between receiving a check and storing its result', () => {
  it('leaves the tab "checking", and the resent check stores the result', async () => {
    setReferenceStore(new MemoryReferenceStore());
    invalidateEngine();
    const stored = (): TabState | undefined => fake.session.data.get('tab:7') as TabState | undefined;
    let dies = true;
    let die: () => void = () => undefined;
    const set = fake.session.set;
    fake.session.set = async (items: Record<string, unknown>) => {
      if (dies && (items['tab:7'] as TabState | undefined)?.status === 'checked') {
        dies = false;
        die(); // the worker is gone: this write never happens and the channel closes
        return new Promise<void>(() => undefined);
      }
      return set(items);
    };
    const states: string[] = [];
    send.mockImplementation(
      (message: unknown) =>
        new Promise((resolve, reject) => {
          die = () => {
            states.push(stored()?.status ?? 'none');
            reject(new Error('The message port closed before a response was received.'));
          };
          void route(message, fromTab, handlers).then(resolve, reject);
        }),
    );

    const answer = await sendToWorker(check, { attempts: 3, timeoutMs: null, backoffMs: 0 });

    expect(states).toEqual(['checking']);
    expect(send).toHaveBeenCalledTimes(2);
    expect(answer).toMatchObject({ ok: true, value: { state: { status: 'checked', url: PAGE, textLength: check.text.length } } });
    expect(stored()).toMatchObject({ status: 'checked', url: PAGE, title: 'A title' });
  });

  it('reports a "checking" left behind past the resend window as interrupted, not as still running', async () => {
    const at = Date.now() - CHECK_ABANDONED_MS - 1;
    const checking: TabState = { status: 'checking', url: PAGE, title: 'A title', at };
    expect(settledState(checking, at + CHECK_ABANDONED_MS - 1)).toBe(checking);
    await fake.session.set({ 'tab:7': checking });
    const popup: Runtime.MessageSender = { id: EXTENSION_ID, url: EXTENSION_ORIGIN + 'src/popup/index.html' };
    expect(await route({ type: 'get-tab-state', tabId: 7 }, popup, handlers)).toEqual({
      ok: true,
      value: { status: 'error', url: PAGE, title: 'A title', at, error: 'the check was interrupted; reload the page to check it again' },
    });
  });
});

describe('a session area that refuses writes', () => {
  it('still answers the page, and the popup still gets the state from the worker', async () => {
    setReferenceStore(new MemoryReferenceStore());
    invalidateEngine();
    fake.session.set = async () => {
      throw new Error('QuotaExceededError: storage.session is full');
    };
    const answer = (await route(check, fromTab, handlers)) as { ok: boolean; value: { state: TabState } };
    expect(answer.ok).toBe(true);
    expect(answer.value.state).toMatchObject({ status: 'checked', url: PAGE });
    const fromPopup: Runtime.MessageSender = { id: EXTENSION_ID, url: EXTENSION_ORIGIN + 'src/popup/index.html' };
    const asked = await route({ type: 'get-tab-state', tabId: 7 }, fromPopup, handlers);
    expect(asked).toMatchObject({ ok: true, value: { status: 'checked', url: PAGE } });
  });
});
