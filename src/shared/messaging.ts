/** Typed send helpers. Failures (no receiver, worker restarting, bad reply) come back as `{ ok: false }`. */
import { ext } from './browser.ts';
import type { ContentMessage, MessageType, PageMessage, Reply, TabMessage } from './messages.ts';

export async function sendToWorker<M extends ContentMessage | PageMessage>(message: M): Promise<Reply<M['type']>> {
  try {
    return asReply<M['type']>(await ext().runtime.sendMessage(message));
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

export async function sendToTab<M extends TabMessage>(tabId: number, message: M): Promise<Reply<M['type']>> {
  try {
    return asReply<M['type']>(await ext().tabs.sendMessage(tabId, message));
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

function asReply<T extends MessageType>(value: unknown): Reply<T> {
  if (typeof value === 'object' && value !== null && 'ok' in value) return value as Reply<T>;
  return { ok: false, error: 'no reply' };
}

/** Used by the receivers so every answer has the same shape. */
export function okReply<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function errorReply(error: unknown): { ok: false; error: string } {
  return { ok: false, error: errorText(error) };
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : 'unknown error';
}
