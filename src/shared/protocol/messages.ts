/**
 * The one message protocol between contexts: what each message carries (`Requests`) and what it is
 * answered with (`Replies`); senders and receivers are typed from these two maps. Every message is
 * checked by `parseMessage` on receipt, and a tab's reply by `checkTabReply`: a content script runs
 * next to a hostile page, so nothing is trusted because of its type annotation.
 */
import type { Span } from '../../core/types.ts';
import { REFERENCE_ROLES } from '../../core/vocabulary.ts';
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

/**
 * What each message carries besides its type. Content messages are always about the sender's own
 * tab, which is why none carries a tab id; every field is one its receiver reads.
 */
export interface Requests {
  // From a content script to the worker.
  'page-check': {
    url: string;
    title: string;
    text: string;
    /** The page was loaded in full at this address, not reached by in-page navigation: only such a page is learned. */
    fullLoad: boolean;
    /** The text is a bounded slice of a page too big or too strange to read whole. */
    partial: boolean;
  };
  'page-status': { url: string; status: 'not-article' | 'skipped' };
  'page-dismiss': { url: string };
  'page-open-details': NoFields;
  // From the extension's own pages (popup, options) to the worker.
  'get-tab-state': { tabId: number };
  'add-reference-from-tab': { tabId: number };
  'add-reference': { doc: NewReference };
  'remove-reference': { id: string };
  'list-references': NoFields;
  'export-references': NoFields;
  'import-references': { docs: NewReference[] };
  'get-selection-result': NoFields;
  'list-checked-tabs': NoFields;
  'library-pack': { action: LibraryPackAction; data: string | null; cap: number | null };
  // From the worker or the popup to a tab's content script.
  highlight: { spans: Span[] };
  'clear-highlights': NoFields;
  'get-status': NoFields;
  'get-article': NoFields;
}

type NoFields = Record<never, never>;

export type MessageType = keyof Requests;

/** The message of type `T` (of any of the types in `T`, as a union discriminated by `type`). */
export type Message<T extends MessageType = MessageType> = { [K in T]: { type: K } & Requests[K] }[T];

/** Who may send each message, and so who answers it: the worker (content, page) or a tab's content script. */
export const SENDERS = {
  'page-check': 'content',
  'page-status': 'content',
  'page-dismiss': 'content',
  'page-open-details': 'content',
  'get-tab-state': 'page',
  'add-reference-from-tab': 'page',
  'add-reference': 'page',
  'remove-reference': 'page',
  'list-references': 'page',
  'export-references': 'page',
  'import-references': 'page',
  'get-selection-result': 'page',
  'list-checked-tabs': 'page',
  'library-pack': 'page',
  highlight: 'tab',
  'clear-highlights': 'tab',
  'get-status': 'tab',
  'get-article': 'tab',
} as const satisfies Record<MessageType, 'content' | 'page' | 'tab'>;

type TypesSentBy<S> = { [T in MessageType]: (typeof SENDERS)[T] extends S ? T : never }[MessageType];
export type ContentType = TypesSentBy<'content'>;
export type PageType = TypesSentBy<'page'>;
export type TabType = TypesSentBy<'tab'>;
export type ContentMessage = Message<ContentType>;
export type PageMessage = Message<PageType>;
export type TabMessage = Message<TabType>;

export function isContentMessage(m: Message): m is ContentMessage {
  return SENDERS[m.type] === 'content';
}
export function isTabMessage(m: Message): m is TabMessage {
  return SENDERS[m.type] === 'tab';
}

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

/**
 * A receiver: exactly one function per message of `T`, each answering with that message's reply, so a
 * missing handler or a wrong answer does not compile. `Context` is what the receiver knows of the
 * sender beyond the message (the worker gives a content script's handlers its tab).
 */
export type Handlers<T extends MessageType, Context = void> = {
  [K in T]: (message: Message<K>, context: Context) => Replies[K] | Promise<Replies[K]>;
};

export type Parsed = { ok: true; message: Message } | { ok: false; reason: string };

// ---- validation -------------------------------------------------------------------------------

/** A check returns null when the value is fine, or why it is not. */
type Check = (v: unknown) => string | null;
/** One check for each field of `T`, no more and no fewer: a field added to a message must be checked. */
type Fields<T> = { [F in keyof T]-?: Check };

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

function shape<T>(fields: Fields<T>): Check {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
    // Own keys only: `in` would let "__proto__" or "constructor" through as if they were fields.
    for (const key of Object.keys(v)) if (!own(fields, key)) return `unexpected field "${key.slice(0, 40)}"`;
    for (const [key, check] of Object.entries<Check>(fields)) {
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
  const why = shape<Span>({ start: offset, end: offset })(v);
  if (why) return why;
  const s = v as Span;
  return s.end > s.start ? null : 'empty span';
};

const newReference = shape<NewReference>({
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

const FIELDS: { [T in MessageType]: Fields<Requests[T]> } = {
  'page-check': { url: httpUrl, title: str(MAX_TITLE), text: str(MAX_TEXT, 1), fullLoad: bool, partial: bool },
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
  const fields: Fields<Record<string, unknown>> = { type: () => null, ...FIELDS[type as MessageType] };
  const why = shape(fields)(value);
  if (why) return { ok: false, reason: `${type}: ${why}` };
  return { ok: true, message: value as Message };
}

const ARTICLE: Fields<ArticleReply> = { url: httpUrl, title: str(MAX_TITLE), text: str(MAX_TEXT, 1), siteName: nullable(str(MAX_TITLE)) };

/**
 * A content script's answers are made from its page, and the article one is stored as a reference: each
 * is checked for its message type before anyone reads it, as a message would be.
 */
const TAB_REPLIES: { [T in TabType]: Check } = {
  highlight: shape<Replies['highlight']>({ found: (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'not a count') }),
  'clear-highlights': (v) => (v === null ? null : 'not null'),
  'get-status': shape<PageStatus>({
    url: str(Number.MAX_SAFE_INTEGER, 1),
    status: oneOf('idle', 'skipped', 'not-article', 'checking', 'checked', 'failed'),
    tooLong: optional(bool),
  }),
  'get-article': nullable(shape(ARTICLE)),
};

/** Why a tab's reply to a message of `type` is not what that message is answered with; null when it is. */
export function checkTabReply(type: TabType, value: unknown): string | null {
  const why = TAB_REPLIES[type](value);
  return why && `${type} reply: ${why}`;
}
