/**
 * Receives every runtime message, validates it and checks who sent it. Content scripts may only
 * send content messages, which always concern their own tab (sender.tab.id) and their own page's
 * origin; the extension's pages may send the rest. Anything else is refused with a reason.
 */
import type { Runtime } from 'webextension-polyfill';
import { ext } from '../shared/browser.ts';
import { CONTENT_TYPES, TAB_TYPES, parseMessage, type ContentMessage, type PageMessage } from '../shared/messages.ts';
import { errorReply, okReply } from '../shared/messaging.ts';

export type Sender = { role: 'content'; tabId: number; url: string } | { role: 'page'; tabId: number | null };

export interface Handlers {
  content(msg: ContentMessage, tabId: number): Promise<unknown>;
  page(msg: PageMessage): Promise<unknown>;
}

/** Who sent it: one of our pages, a content script in a tab's top frame, or nobody we answer. */
export function classifySender(sender: Runtime.MessageSender, ownId: string, ownOrigin: string): Sender | null {
  if (sender.id !== ownId) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(ownOrigin)) {
    return { role: 'page', tabId: sender.tab?.id ?? null };
  }
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && tabId >= 0 && (sender.frameId ?? 0) === 0 && typeof sender.url === 'string') {
    return { role: 'content', tabId, url: sender.url };
  }
  return null;
}

export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export async function route(raw: unknown, sender: Runtime.MessageSender, handlers: Handlers): Promise<unknown> {
  const runtime = ext().runtime;
  const who = classifySender(sender, runtime.id, runtime.getURL(''));
  if (!who) return errorReply('unknown sender');
  const parsed = parseMessage(raw);
  if (!parsed.ok) return errorReply(parsed.reason);
  const msg = parsed.message;
  if (TAB_TYPES.has(msg.type)) return errorReply('not a worker message');
  try {
    if (CONTENT_TYPES.has(msg.type)) {
      if (who.role !== 'content') return errorReply('content message from a non-content sender');
      const content = msg as ContentMessage;
      // The page may have changed its URL with pushState; the origin cannot change.
      if ('url' in content && !sameOrigin(content.url, who.url)) return errorReply('url is not the sender page');
      return okReply(await handlers.content(content, who.tabId));
    }
    if (who.role !== 'page') return errorReply('content scripts may only ask about their own tab');
    return okReply(await handlers.page(msg as PageMessage));
  } catch (e) {
    return errorReply(e);
  }
}
