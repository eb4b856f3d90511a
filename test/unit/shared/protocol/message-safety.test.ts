/** The worker's message door under hostile input: every bad message is refused, logged, and survived. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { route } from '../../../../src/background/router.ts';
import { MAX_TEXT } from '../../../../src/shared/protocol/messages.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, installFakeBrowser } from '../../support/fake-browser.ts';
import { handled, spyHandlers, type SpyHandlers } from '../../support/spy-handlers.ts';

const PAGE = 'https://news.example.com/a';
const check = { type: 'page-check', url: PAGE, title: 'A title', text: 'Body text.', fullLoad: true, partial: false };
const content = (tab?: Partial<NonNullable<Runtime.MessageSender['tab']>>, frameId = 0): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  url: PAGE,
  frameId,
  ...(tab ? { tab: tab as Runtime.MessageSender['tab'] } : {}),
});
const options: Runtime.MessageSender = { id: EXTENSION_ID, url: EXTENSION_ORIGIN + 'src/options/index.html' };

let handlers: SpyHandlers;
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  installFakeBrowser();
  handlers = spyHandlers('done');
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** Routes and checks the message was refused with `reason`, logged with it, and reached no handler. */
async function expectRefused(raw: unknown, sender: Runtime.MessageSender, reason: RegExp): Promise<void> {
  const reply = (await route(raw, sender, handlers)) as { ok: boolean; error: string };
  expect(reply.ok).toBe(false);
  expect(reply.error).toMatch(reason);
  expect(warn).toHaveBeenCalledWith('Spinscope: message refused:', reply.error);
  expect(handled(handlers)).toBe(0);
}

describe('malformed messages from a content script', () => {
  it.each<[string, unknown, RegExp]>([
    ['a string', 'page-check', /not an object/],
    ['a number', 42, /not an object/],
    ['null', null, /not an object/],
    ['undefined', undefined, /not an object/],
    ['an array', [check], /not an object/],
    ['a boolean', true, /not an object/],
    ['no type', { url: PAGE }, /no type/],
    ['a type that is not a string', { ...check, type: 7 }, /no type/],
    ['an unknown type', { type: 'run-script', code: 'alert(1)' }, /unknown message type "run-script"/],
    ['"__proto__" as the type', { type: '__proto__' }, /unknown message type/],
    ['"toString" as the type', { type: 'toString' }, /unknown message type/],
    ['a text over the size limit', { ...check, text: 'x'.repeat(MAX_TEXT + 1) }, /text: longer than 400000/],
    ['a number as the url', { ...check, url: 5 }, /url: not a string/],
    ['a list as the text', { ...check, text: ['a'] }, /text: not a string/],
    ['an object as the title', { ...check, title: { toString: 'x' } }, /title: not a string/],
    ['a byline, which the worker does not read', { ...check, byline: 'By Jane Doe' }, /unexpected field "byline"/],
    ['a "constructor" field', { ...check, constructor: 'x' }, /unexpected field "constructor"/],
    ['a "__proto__" field', JSON.parse(`{"type":"page-dismiss","url":"${PAGE}","__proto__":{"polluted":true}}`), /unexpected field "__proto__"/],
    ['a long field name, cut in the reason', { ...check, ['k'.repeat(10_000)]: 1 }, /^page-check: unexpected field "k{40}"$/],
  ])('refuses %s', async (_name, raw, reason) => {
    await expectRefused(raw, content({ id: 7 }), reason);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a type that is only inherited, not the message’s own', async () => {
    await expectRefused(Object.create({ type: 'page-open-details' }), content({ id: 7 }), /no type/);
  });

  it('refuses a "__proto__" key inside a nested document', async () => {
    const raw = JSON.parse('{"type":"add-reference","doc":{"title":"t","text":"x","source":"","url":null,"date":null,"__proto__":{"polluted":true}}}');
    await expectRefused(raw, options, /doc: unexpected field "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives a message that throws when read, and keeps answering good messages after all the bad ones', async () => {
    const trap = (): never => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { getOwnPropertyDescriptor: trap, ownKeys: trap, get: trap, has: trap });
    await expectRefused(hostile, content({ id: 7 }), /unreadable message: trap/);
    expect(await route(check, content({ id: 7 }), handlers)).toEqual({ ok: true, value: 'done' });
    expect(handlers['page-check']).toHaveBeenCalledWith(check, 7);
  });
});

describe('a content script asking about something other than its own tab', () => {
  it.each<[string, unknown]>([
    ['the state of another tab', { type: 'get-tab-state', tabId: 3 }],
    ['the article of another tab', { type: 'add-reference-from-tab', tabId: 3 }],
    ['the references', { type: 'list-references' }],
  ])('is refused for %s', async (_name, raw) => {
    await expectRefused(raw, content({ id: 7 }), /content scripts may only ask about their own tab/);
  });

  it('cannot name a tab in a check', async () => {
    await expectRefused({ ...check, tabId: 3 }, content({ id: 7 }), /unexpected field "tabId"/);
  });

  it.each<[string, Runtime.MessageSender]>([
    ['without a tab', content()],
    ['with a tab that has no id', content({})],
    ['with the "no tab" id', content({ id: -1 })],
    ['in a subframe', content({ id: 7 }, 3)],
    ['from another extension', { ...content({ id: 7 }), id: 'other-extension' }],
  ])('is refused when it comes %s', async (_name, sender) => {
    await expectRefused(check, sender, /unknown sender/);
  });

  it('is refused when the check names another site than the sender page', async () => {
    await expectRefused({ ...check, url: 'https://bank.example.org/' }, content({ id: 7 }), /url is not the sender page/);
  });
});
