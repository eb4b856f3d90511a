/**
 * Typed sending and answering. A send's reply type follows from the message type; failures (no
 * receiver, worker restarting, bad reply) come back as `{ ok: false }`.
 */
import { ext } from '../browser/browser.ts';
import { SENDERS, checkTabReply, type ContentType, type Handlers, type Message, type MessageType, type PageType, type Reply, type TabType } from './messages.ts';

/** How hard to try before a message to the worker counts as failed. */
export interface RetryPolicy {
  attempts: number;
  /** An attempt with no answer after this long is abandoned and tried again; null waits forever. */
  timeoutMs: number | null;
  /** Wait before the second attempt; doubled before each later one. */
  backoffMs: number;
}

/**
 * The worker can be stopped at any time, also while it handles a message: the sender then sees the
 * channel close, or no answer at all. Every worker message is idempotent (a check is recomputed, an
 * add replaces by id), so such a message is simply sent again, which wakes a fresh worker.
 */
const CONTENT_RETRY: RetryPolicy = { attempts: 3, timeoutMs: 60_000, backoffMs: 500 };
/** Our own pages wait as long as an import takes; only a broken channel is retried. */
const PAGE_RETRY: RetryPolicy = { attempts: 3, timeoutMs: null, backoffMs: 500 };

/** Failures of the channel, not of the work: "Extension context invalidated" (an update) is final. */
const TRANSIENT = /could not establish connection|receiving end does not exist|message port closed|message channel closed|no reply|timed out/i;

export async function sendToWorker<T extends ContentType | PageType>(
  message: Message<T>,
  policy: RetryPolicy = SENDERS[message.type] === 'content' ? CONTENT_RETRY : PAGE_RETRY,
): Promise<Reply<T>> {
  let reply: Reply<T> = { ok: false, error: 'not sent' };
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    if (attempt > 0) await sleep(policy.backoffMs * 2 ** (attempt - 1));
    try {
      return asReply<T>(await withTimeout(ext().runtime.sendMessage(message), policy.timeoutMs));
    } catch (e) {
      reply = { ok: false, error: errorText(e) };
      if (!TRANSIENT.test(reply.error)) return reply;
    }
  }
  return reply;
}

/** The content script's reply is checked for its message type: what a page's script answers is not trusted. */
export async function sendToTab<T extends TabType>(tabId: number, message: Message<T>): Promise<Reply<T>> {
  try {
    const reply = asReply<T>(await ext().tabs.sendMessage(tabId, message));
    const bad = reply.ok ? checkTabReply(message.type, reply.value) : null;
    return bad ? { ok: false, error: bad } : reply;
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

/** A worker reply; anything else (undefined when the worker went away) is a failure of the channel. */
function asReply<T extends MessageType>(value: unknown): Reply<T> {
  if (typeof value === 'object' && value !== null && 'ok' in value) return value as Reply<T>;
  throw new Error('no reply');
}

function withTimeout<T>(work: Promise<T>, ms: number | null): Promise<T> {
  if (ms === null) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Hands a validated message to its one handler; whatever the handler does, the answer is a reply. */
export async function answer<T extends MessageType, C>(handlers: Handlers<T, C>, message: Message<T>, context: C): Promise<Reply<T>> {
  try {
    return { ok: true, value: await handlers[message.type](message, context) };
  } catch (e) {
    return errorReply(e);
  }
}

export function errorReply(error: unknown): { ok: false; error: string } {
  return { ok: false, error: errorText(error) };
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : 'unknown error';
}
