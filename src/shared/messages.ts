/**
 * The one message protocol between contexts. Every message is a member of `Message` and is checked
 * by `parseMessage` on receipt: a content script runs next to a hostile page, so nothing is trusted
 * because of its type annotation.
 */
import type { Span } from '../core/types.ts';
import { REFERENCE_ROLES } from '../core/vocabulary.ts';
import type { CheckedTab, ImportReport, LibraryPackAction, LibraryPackReply, NewReference, ReferenceList, ReferenceSummary, SelectionState, TabState } from './state.ts';

/** Longest article text sent for a check; the content script cuts longer ones at a paragraph. */
export const MAX_TEXT = 400_000;
export const MAX_TITLE = 1_000;
export const MAX_URL = 4_096;
export const MAX_SPANS = 2_000;
export const MAX_IMPORT_DOCS = 1_000;
/** Total characters of one reference import, well under the browsers' message size limits. */
export const MAX_IMPORT_CHARS = 20_000_000;
/** A reference pack sent as base64: under the 64 MiB a browser message may carry. */
export const MAX_PACK_CHARS = 60_000_000;

/** Sent by the content script; always about the sender's own tab, which is why no tab id is carried. */
export type ContentMessage =
  | {
      type: 'page-check';
      url: string;
      title: string;
      text: string;
      byline: string | null;
      siteName: string | null;
      /** The page was loaded in full at this address, not reached by in-page navigation: only such a page is learned. */
      fullLoad: boolean;
      /** The text is a bounded slice of a page too big or too strange to read whole. */
      partial: boolean;
    }
  | { type: 'page-status'; url: string; status: 'not-article' | 'skipped' }
  | { type: 'page-dismiss'; url: string }
  | { type: 'page-open-details' };

/** Sent by the extension's own pages (popup, options) to the worker. */
export type PageMessage =
  | { type: 'get-tab-state'; tabId: number }
  | { type: 'add-reference-from-tab'; tabId: number }
  | { type: 'add-reference'; doc: NewReference }
  | { type: 'remove-reference'; id: string }
  | { type: 'list-references' }
  | { type: 'export-references' }
  | { type: 'import-references'; docs: NewReference[] }
  | { type: 'get-selection-result' }
  | { type: 'list-checked-tabs' }
  | { type: 'library-pack'; action: LibraryPackAction; data: string | null; cap: number | null };

/** Sent to a tab's content script by the worker or the popup. */
export type TabMessage =
  | { type: 'highlight'; spans: Span[] }
  | { type: 'clear-highlights' }
  | { type: 'get-status' }
  | { type: 'get-article' };

export type Message = ContentMessage | PageMessage | TabMessage;
export type MessageType = Message['type'];

export interface PageCheckReply {
  state: TabState;
  /** Whether the content script should show the banner (warning, banners on, not dismissed). */
  banner: boolean;
}

/** The content script's own view of its page, for pages the worker never heard of. */
export interface PageStatus {
  url: string;
  status: 'idle' | 'skipped' | 'not-article' | 'checking' | 'checked' | 'failed';
  /** Not an article because its visible text is longer than any article's: said, not left silent. */
  tooLong?: boolean;
}

export interface ArticleReply {
  url: string;
  title: string;
  text: string;
  siteName: string | null;
}

/** What each message is answered with. */
export interface Replies {
  'page-check': PageCheckReply;
  'page-status': null;
  'page-dismiss': null;
  'page-open-details': null;
  'get-tab-state': TabState | null;
  'add-reference-from-tab': ReferenceSummary;
  'add-reference': ReferenceSummary;
  'remove-reference': null;
  'list-references': ReferenceList;
  'export-references': NewReference[];
  'import-references': ImportReport;
  'get-selection-result': SelectionState | null;
  'list-checked-tabs': CheckedTab[];
  'library-pack': LibraryPackReply;
  highlight: { found: number };
  'clear-highlights': null;
  'get-status': PageStatus;
  'get-article': ArticleReply | null;
}

/** The error of a reply when a reference could not be stored because storage is full; nothing was written. */
export const STORAGE_FULL = 'storage is full';

export type Reply<T extends MessageType> = { ok: true; value: Replies[T] } | { ok: false; error: string };

export const CONTENT_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'page-check',
  'page-status',
  'page-dismiss',
  'page-open-details',
]);
export const TAB_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'highlight',
  'clear-highlights',
  'get-status',
  'get-article',
]);

export type Parsed = { ok: true; message: Message } | { ok: false; reason: string };

// ---- validation -------------------------------------------------------------------------------

/** A check returns null when the value is fine, or why it is not. */
type Check = (v: unknown) => string | null;

const str =
  (max: number, min = 0): Check =>
  (v) =>
    typeof v !== 'string' ? 'not a string' : v.length > max ? `longer than ${max}` : v.length < min ? 'too short' : null;
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null ? null : c(v);
const optional =
  (c: Check): Check =>
  (v) =>
    v === undefined ? null : c(v);
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `not one of ${values.join(', ')}`;
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'not a boolean');
const tabId: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'not a tab id');
const httpUrl: Check = (v) => {
  const bad = str(MAX_URL, 1)(v);
  if (bad) return bad;
  return /^https?:\/\//i.test(v as string) ? null : 'not an http(s) URL';
};
const offset: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_TEXT ? null : 'bad offset');

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

function shape(fields: Record<string, Check>): Check {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
    // Own keys only: `in` would let "__proto__" or "constructor" through as if they were fields.
    for (const key of Object.keys(v)) if (!own(fields, key)) return `unexpected field "${key.slice(0, 40)}"`;
    for (const [key, check] of Object.entries(fields)) {
      const why = check((v as Record<string, unknown>)[key]);
      if (why) return `${key}: ${why}`;
    }
    return null;
  };
}

function list(item: Check, max: number): Check {
  return (v) => {
    if (!Array.isArray(v)) return 'not a list';
    if (v.length > max) return `more than ${max} items`;
    for (let i = 0; i < v.length; i++) {
      const why = item(v[i]);
      if (why) return `[${i}] ${why}`;
    }
    return null;
  };
}

const span: Check = (v) => {
  const why = shape({ start: offset, end: offset })(v);
  if (why) return why;
  const s = v as Span;
  return s.end > s.start ? null : 'empty span';
};

const newReference = shape({
  title: str(MAX_TITLE),
  text: str(MAX_TEXT, 1),
  source: str(MAX_TITLE),
  url: nullable(str(MAX_URL)),
  date: nullable(str(32)),
  role: optional(oneOf(...REFERENCE_ROLES)),
});

const importDocs: Check = (v) => {
  const why = list(newReference, MAX_IMPORT_DOCS)(v);
  if (why) return why;
  const total = (v as NewReference[]).reduce((n, d) => n + d.text.length, 0);
  return total > MAX_IMPORT_CHARS ? `more than ${MAX_IMPORT_CHARS} characters in all` : null;
};

const FIELDS: { [T in MessageType]: Record<string, Check> } = {
  'page-check': {
    url: httpUrl,
    title: str(MAX_TITLE),
    text: str(MAX_TEXT, 1),
    byline: nullable(str(MAX_TITLE)),
    siteName: nullable(str(MAX_TITLE)),
    fullLoad: bool,
    partial: bool,
  },
  'page-status': { url: httpUrl, status: oneOf('not-article', 'skipped') },
  'page-dismiss': { url: httpUrl },
  'page-open-details': {},
  'get-tab-state': { tabId },
  'add-reference-from-tab': { tabId },
  'add-reference': { doc: newReference },
  'remove-reference': { id: str(200, 1) },
  'list-references': {},
  'export-references': {},
  'import-references': { docs: importDocs },
  'get-selection-result': {},
  'list-checked-tabs': {},
  'library-pack': {
    action: oneOf('stats', 'export', 'import', 'set-cap', 'recover', 'clear'),
    data: nullable(str(MAX_PACK_CHARS, 1)),
    cap: nullable((v) => (Number.isSafeInteger(v) && (v as number) > 0 ? null : 'not a count')),
  },
  highlight: { spans: list(span, MAX_SPANS) },
  'clear-highlights': {},
  'get-status': {},
  'get-article': {},
};

/** Validates anything received as a message. Unknown types, extra fields and oversized values are rejected. */
export function parseMessage(value: unknown): Parsed {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'message is not an object' };
  }
  const type = own(value, 'type') ? (value as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return { ok: false, reason: 'message has no type' };
  if (!own(FIELDS, type)) return { ok: false, reason: `unknown message type "${type.slice(0, 40)}"` };
  const fields = FIELDS[type as MessageType];
  const why = shape({ type: () => null, ...fields })(value);
  if (why) return { ok: false, reason: `${type}: ${why}` };
  return { ok: true, message: value as Message };
}
