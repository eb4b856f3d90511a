/**
 * Receives every runtime message, validates it and checks who sent it. Content scripts may only
 * send content messages, which always concern their own tab (sender.tab.id) and their own page's
 * origin; the extension's pages may send the rest. Anything else is refused with a reason.
 */
import type { Runtime } from 'webextension-polyfill';
import { ext } from '../shared/browser/browser.ts';
import { isContentMessage, isTabMessage, parseMessage, type ContentMessage, type ContentType, type Handlers, type MessageType, type PageMessage, type PageType, type Reply } from '../shared/protocol/messages.ts';
import { answer, errorReply, errorText } from '../shared/protocol/messaging.ts';

export type Sender = { role: 'content'; tabId: number; url: string } | { role: 'page'; tabId: number | null };

/** The worker's answers: one per message it receives; a content script's are given the sender's tab. */
export type WorkerHandlers = Handlers<ContentType, number> & Handlers<PageType>;

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

/**
 * Never throws: whatever arrives, the answer is a reply, and every refusal is logged with its reason
 * so a misbehaving content script shows up in the worker's console.
 */
export async function route(raw: unknown, sender: Runtime.MessageSender, handlers: WorkerHandlers): Promise<Reply<MessageType>> {
  let checked: Checked;
  try {
    checked = admit(raw, sender);
  } catch (e) {
    checked = { refused: `unreadable message: ${errorText(e)}` };
  }
  if ('refused' in checked) {
    console.warn('Spinscope: message refused:', checked.refused);
    return errorReply(checked.refused);
  }
  if (checked.role === 'content') return answer(handlers, checked.msg, checked.tabId);
  return answer(handlers, checked.msg, undefined);
}

type Checked =
  | { role: 'content'; msg: ContentMessage; tabId: number }
  | { role: 'page'; msg: PageMessage }
  | { refused: string };

function admit(raw: unknown, sender: Runtime.MessageSender): Checked {
  const runtime = ext().runtime;
  const who = classifySender(sender, runtime.id, runtime.getURL(''));
  if (!who) return { refused: 'unknown sender' };
  const parsed = parseMessage(raw);
  if (!parsed.ok) return { refused: parsed.reason };
  const msg = parsed.message;
  if (isTabMessage(msg)) return { refused: 'not a worker message' };
  if (isContentMessage(msg)) {
    if (who.role !== 'content') return { refused: 'content message from a non-content sender' };
    // The page may have changed its URL with pushState; the origin cannot change.
    if ('url' in msg && !sameOrigin(msg.url, who.url)) return { refused: 'url is not the sender page' };
    return { role: 'content', msg, tabId: who.tabId };
  }
  if (who.role !== 'page') return { refused: 'content scripts may only ask about their own tab' };
  return { role: 'page', msg };
}
