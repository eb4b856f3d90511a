/** An in-memory stand-in for the parts of the WebExtension API the extension uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueLookup, type CatalogueEntry } from '../../../src/core/reasons.ts';
import { setBrowser, type Ext } from '../../../src/shared/browser/browser.ts';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const MESSAGES = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../src/public/_locales/en/messages.json'), 'utf8'),
) as Record<string, CatalogueEntry>;

/** The text without the isolation marks t() puts around every value it inserts (they keep bidi text in its place). */
export const plain = (s: string): string => s.replace(/[\u2068\u2069]/g, '');

/** Chrome's substitution rules, as the command applies them to the same catalogue. */
const lookup = catalogueLookup(MESSAGES);

export function getMessage(key: string, subs?: string | string[]): string {
  return lookup(key, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
}

function area(name: string, listeners: Set<Listener>) {
  const data = new Map<string, unknown>();
  const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    data,
    async get(keys?: string | string[] | null) {
      const out: Record<string, unknown> = {};
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      for (const k of wanted) if (data.has(k)) out[k] = clone(data.get(k));
      return out;
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: clone(v) };
        data.set(k, clone(v));
      }
      for (const l of listeners) l(changes, name);
    },
    async remove(keys: string | string[]) {
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        if (data.has(k)) changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      for (const l of listeners) l(changes, name);
    },
  };
}

export interface FakeBrowser {
  api: Ext;
  local: ReturnType<typeof area>;
  session: ReturnType<typeof area>;
  listeners: Set<Listener>;
}

export const EXTENSION_ID = 'fake-extension-id';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

export function installFakeBrowser(): FakeBrowser {
  const listeners = new Set<Listener>();
  const local = area('local', listeners);
  const session = area('session', listeners);
  const api = {
    storage: {
      local,
      session,
      onChanged: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
        hasListener: (l: Listener) => listeners.has(l),
      },
    },
    i18n: { getMessage, getUILanguage: () => 'en' },
    runtime: { id: EXTENSION_ID, getURL: (path: string) => EXTENSION_ORIGIN + path.replace(/^\//, '') },
  } as unknown as Ext;
  setBrowser(api);
  return { api, local, session, listeners };
}
