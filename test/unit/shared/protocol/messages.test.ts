import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { classifySender, route } from '../../../../src/background/router.ts';
import { MAX_IMPORT_DOCS, MAX_SPANS, MAX_TEXT, MAX_TITLE, checkTabReply, parseMessage, type MessageType, type TabType } from '../../../../src/shared/protocol/messages.ts';
import { sendToTab } from '../../../../src/shared/protocol/messaging.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, installFakeBrowser } from '../../support/fake-browser.ts';
import { handled, spyHandlers, type SpyHandlers } from '../../support/spy-handlers.ts';

const check = {
  type: 'page-check',
  url: 'https://news.example.com/a',
  title: 'A title',
  text: 'Body text.\n\nMore.',
  fullLoad: true,
  partial: false,
};

describe('parseMessage', () => {
  it('accepts each well-formed message', () => {
    const good: unknown[] = [
      check,
      { type: 'page-status', url: 'http://x.org/', status: 'not-article' },
      { type: 'page-dismiss', url: 'https://x.org/a' },
      { type: 'page-open-details' },
      { type: 'get-tab-state', tabId: 4 },
      { type: 'add-reference-from-tab', tabId: 0 },
      { type: 'add-reference', doc: { title: 't', text: 'x', source: '', url: null, date: null } },
      { type: 'remove-reference', id: 'user-1' },
      { type: 'list-references' },
      { type: 'export-references' },
      { type: 'import-references', docs: [] },
      { type: 'get-selection-result' },
      { type: 'list-checked-tabs' },
      { type: 'highlight', spans: [{ start: 0, end: 4 }] },
      { type: 'clear-highlights' },
      { type: 'get-status' },
      { type: 'get-article' },
    ];
    for (const m of good) expect(parseMessage(m), JSON.stringify(m)).toEqual({ ok: true, message: m });
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'page-check', /not an object/],
    ['an array', [check], /not an object/],
    ['null', null, /not an object/],
    ['no type', { url: 'https://x' }, /no type/],
    ['an unknown type', { type: 'eval', code: '1' }, /unknown message type/],
    ['an inherited type name', { type: 'constructor' }, /unknown message type/],
    ['an extra field', { ...check, tabId: 3 }, /unexpected field "tabId"/],
    ['a missing field', { type: 'page-check', url: 'https://x.org', title: 't', text: 'x', partial: false }, /fullLoad/],
    ['a wrong field type', { ...check, title: 5 }, /title: not a string/],
    ['an oversized text', { ...check, text: 'x'.repeat(MAX_TEXT + 1) }, /text: longer than/],
    ['an empty text', { ...check, text: '' }, /text: too short/],
    ['a non-http url', { ...check, url: 'javascript:alert(1)' }, /not an http/],
    ['a bad status', { type: 'page-status', url: 'https://x.org', status: 'spun' }, /status/],
    ['a negative tab id', { type: 'get-tab-state', tabId: -1 }, /tab id/],
    ['a fractional tab id', { type: 'get-tab-state', tabId: 1.5 }, /tab id/],
    ['an empty span', { type: 'highlight', spans: [{ start: 4, end: 4 }] }, /empty span/],
    ['too many spans', { type: 'highlight', spans: Array.from({ length: MAX_SPANS + 1 }, () => ({ start: 0, end: 1 })) }, /more than/],
    [
      'too many imported references',
      { type: 'import-references', docs: Array.from({ length: MAX_IMPORT_DOCS + 1 }, () => ({ title: '', text: 'x', source: '', url: null, date: null })) },
      /more than/,
    ],
  ])('rejects %s with a reason', (_name, value, reason) => {
    const r = parseMessage(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

/** One malformed message of every type; typed so that a new message cannot be added without one. */
const MALFORMED: { [T in MessageType]: [unknown, RegExp] } = {
  'page-check': [{ ...check, fullLoad: 'yes' }, /fullLoad: not a boolean/],
  'page-status': [{ type: 'page-status', url: 'https://x.org/', status: 'checked' }, /status: not one of/],
  'page-dismiss': [{ type: 'page-dismiss', url: 'ftp://x.org/a' }, /url: not an http/],
  'page-open-details': [{ type: 'page-open-details', tabId: 3 }, /unexpected field "tabId"/],
  'get-tab-state': [{ type: 'get-tab-state', tabId: '4' }, /tabId: not a tab id/],
  'add-reference-from-tab': [{ type: 'add-reference-from-tab' }, /tabId: not a tab id/],
  'add-reference': [{ type: 'add-reference', doc: { title: 't', text: '', source: '', url: null, date: null } }, /doc: text: too short/],
  'remove-reference': [{ type: 'remove-reference', id: '' }, /id: too short/],
  'list-references': [{ type: 'list-references', all: true }, /unexpected field "all"/],
  'export-references': [{ type: 'export-references', format: 'csv' }, /unexpected field "format"/],
  'import-references': [{ type: 'import-references', docs: [{ title: 't', text: 'x', source: '', url: 5, date: null }] }, /docs: \[0\] url: not a string/],
  'get-selection-result': [{ type: 'get-selection-result', tabId: 1 }, /unexpected field "tabId"/],
  'list-checked-tabs': [{ type: 'list-checked-tabs', limit: 5 }, /unexpected field "limit"/],
  'library-pack': [{ type: 'library-pack', action: 'set-cap', data: null, cap: 0 }, /cap: not a count/],
  highlight: [{ type: 'highlight', spans: [{ start: -1, end: 3 }] }, /spans: \[0\] start: bad offset/],
  'clear-highlights': [{ type: 'clear-highlights', spans: [] }, /unexpected field "spans"/],
  'get-status': [{ type: 'get-status', tabId: 1 }, /unexpected field "tabId"/],
  'get-article': [{ type: 'get-article', url: 'https://x.org/' }, /unexpected field "url"/],
};

describe('each message type', () => {
  it.each(Object.entries(MALFORMED))('refuses a malformed %s, naming the type and the field', (type, [value, reason]) => {
    const r = parseMessage(value);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    if (!r.ok) expect(r.reason.startsWith(`${type}: `)).toBe(true);
  });
});

const article = { url: 'https://news.example.com/a', title: 'A title', text: 'Body text.', siteName: 'Example' };

describe('checkTabReply', () => {
  it('accepts what a content script answers', () => {
    expect(checkTabReply('highlight', { found: 3 })).toBeNull();
    expect(checkTabReply('clear-highlights', null)).toBeNull();
    expect(checkTabReply('get-status', { url: 'https://x.org/', status: 'checking' })).toBeNull();
    expect(checkTabReply('get-status', { url: 'https://x.org/', status: 'not-article', tooLong: true })).toBeNull();
    expect(checkTabReply('get-article', article)).toBeNull();
    expect(checkTabReply('get-article', null)).toBeNull();
  });

  it.each<[TabType, unknown, RegExp]>([
    ['highlight', { found: -1 }, /found: not a count/],
    ['clear-highlights', {}, /not null/],
    ['get-status', { url: 'https://x.org/', status: 'spun' }, /status: not one of/],
    ['get-status', { url: 'https://x.org/', status: 'idle', tooLong: 'yes' }, /tooLong: not a boolean/],
    ['get-article', { ...article, text: '' }, /text: too short/],
    ['get-article', { ...article, url: 'javascript:alert(1)' }, /url: not an http/],
    ['get-article', { ...article, title: 'x'.repeat(MAX_TITLE + 1) }, /title: longer than/],
    ['get-article', { ...article, byline: 'By Jane Doe' }, /unexpected field "byline"/],
  ])('refuses a malformed %s reply', (type, value, reason) => {
    expect(checkTabReply(type, value)).toMatch(new RegExp(`^${type} reply: ${reason.source}`));
  });

  it('is applied to every reply a tab sends: a malformed article never reaches the worker', async () => {
    const fake = installFakeBrowser();
    let answer: unknown = { ok: true, value: { ...article, text: '' } };
    (fake.api as { tabs?: unknown }).tabs = { sendMessage: async () => answer };
    expect(await sendToTab(3, { type: 'get-article' })).toEqual({ ok: false, error: 'get-article reply: text: too short' });
    answer = { ok: true, value: article };
    expect(await sendToTab(3, { type: 'get-article' })).toEqual({ ok: true, value: article });
    answer = { ok: false, error: 'no article' };
    expect(await sendToTab(3, { type: 'get-article' })).toEqual({ ok: false, error: 'no article' });
  });
});

const ownPage = (tab?: number): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  url: EXTENSION_ORIGIN + 'src/popup/index.html',
  ...(tab !== undefined ? { tab: { id: tab } as Runtime.MessageSender['tab'] } : {}),
});
const contentIn = (tabId: number, url = 'https://news.example.com/a', frameId = 0): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  url,
  frameId,
  tab: { id: tabId } as Runtime.MessageSender['tab'],
});

describe('classifySender', () => {
  it('tells our pages from content scripts and refuses others', () => {
    expect(classifySender(ownPage(), EXTENSION_ID, EXTENSION_ORIGIN)).toEqual({ role: 'page', tabId: null });
    // The popup opened as a tab is still our page.
    expect(classifySender(ownPage(9), EXTENSION_ID, EXTENSION_ORIGIN)).toEqual({ role: 'page', tabId: 9 });
    expect(classifySender(contentIn(3), EXTENSION_ID, EXTENSION_ORIGIN)).toEqual({ role: 'content', tabId: 3, url: 'https://news.example.com/a' });
    expect(classifySender({ ...contentIn(3), id: 'other-extension' }, EXTENSION_ID, EXTENSION_ORIGIN)).toBeNull();
    expect(classifySender(contentIn(3, 'https://x.org', 2), EXTENSION_ID, EXTENSION_ORIGIN)).toBeNull();
    expect(classifySender({ id: EXTENSION_ID, url: 'https://x.org' }, EXTENSION_ID, EXTENSION_ORIGIN)).toBeNull();
  });
});

describe('route', () => {
  let handlers: SpyHandlers;
  beforeEach(() => {
    installFakeBrowser();
    handlers = spyHandlers('done');
  });

  it('hands a content message to its handler with the sender tab, not a tab from the message', async () => {
    expect(await route(check, contentIn(7), handlers)).toEqual({ ok: true, value: 'done' });
    expect(handlers['page-check']).toHaveBeenCalledWith(check, 7);
    expect(handled(handlers)).toBe(1);
  });

  it('refuses a content script asking about another tab', async () => {
    const r = await route({ type: 'get-tab-state', tabId: 1 }, contentIn(7), handlers);
    expect(r).toEqual({ ok: false, error: 'content scripts may only ask about their own tab' });
    expect(handled(handlers)).toBe(0);
  });

  it('refuses a content message whose url is another origin than the sender page', async () => {
    const r = await route({ ...check, url: 'https://other.example.org/a' }, contentIn(7), handlers);
    expect(r).toMatchObject({ ok: false });
    expect(handled(handlers)).toBe(0);
  });

  it('refuses content messages from our pages, malformed messages and tab-only messages', async () => {
    expect(await route(check, ownPage(), handlers)).toMatchObject({ ok: false });
    expect(await route({ type: 'nope' }, ownPage(), handlers)).toMatchObject({ ok: false, error: expect.stringMatching(/unknown/) });
    expect(await route({ type: 'get-article' }, ownPage(), handlers)).toMatchObject({ ok: false });
    expect(handled(handlers)).toBe(0);
  });

  it('answers our pages, and turns a handler failure into an error reply instead of throwing', async () => {
    expect(await route({ type: 'list-references' }, ownPage(), handlers)).toEqual({ ok: true, value: 'done' });
    expect(handlers['list-references']).toHaveBeenCalledWith({ type: 'list-references' }, undefined);
    handlers['list-references'].mockRejectedValueOnce(new Error('engine not ready'));
    expect(await route({ type: 'list-references' }, ownPage(), handlers)).toEqual({ ok: false, error: 'engine not ready' });
  });
});
