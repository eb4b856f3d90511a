/** What the worker knows about a tab, kept in storage.session (the worker is stopped when idle). */
import type { CheckResult, Reason, Reference, ReferenceRole } from '../../core/types.ts';
import { isWarningHit } from '../../core/judge/verdict-evidence.ts';

interface Base {
  url: string;
  /** Milliseconds since epoch, when the state was written. */
  at: number;
}

export type TabState =
  | (Base & { status: 'checking'; title: string })
  | (Base & { status: 'not-article'; tooLong?: boolean })
  | (Base & { status: 'skipped' })
  | (Base & { status: 'error'; title: string; error: string })
  | (Base & {
      status: 'checked';
      title: string;
      result: CheckResult;
      trusted: boolean;
      /** Registrable domain (or host) of the page: what "trust this site" adds. */
      site: string | null;
      /** Length of the checked text; the popup's coverage strip is drawn against it. */
      textLength: number;
      /** Only a bounded slice of the page was judged (a page too big or too strange to read whole). */
      partial: boolean;
    });

/** The result of checking a selection from the context menu. */
export interface SelectionState {
  at: number;
  pageUrl: string | null;
  /** The first words of the selection, to remind the reader what was checked. */
  excerpt: string;
  textLength: number;
  result: CheckResult | null;
  error: string | null;
}

/** A reference as the options page lists it (the body stays in the worker). */
export interface ReferenceSummary {
  id: string;
  title: string;
  source: string;
  date: string | null;
  url: string | null;
  origin: Reference['origin'];
  role: ReferenceRole;
  words: number;
}

/** The library as the options page lists it. */
export interface ReferenceList {
  references: ReferenceSummary[];
  /** Stored references that failed validation and were set aside instead of loaded. */
  unreadable: number;
}

/** What the options page can do with the library as a whole: its figures, packs, the cap, set-aside records. */
export type LibraryPackAction = 'stats' | 'export' | 'import' | 'set-cap' | 'recover' | 'clear';

export interface LibraryStats {
  /** The user's references: added by hand (or imported), and learned from trusted sites. */
  own: number;
  learned: number;
  /** Bytes the user's library takes in IndexedDB. */
  storedBytes: number;
  learnedCap: number;
  /** Stored records that could not be read and were set aside. */
  setAside: number;
}

export interface LibraryPackReply {
  stats: LibraryStats;
  /** An exported pack, base64. */
  data: string | null;
  /** What the action did, for the reader (references imported, recovered, evicted…). */
  done: { count: number; left: number } | null;
}

/** The outcome of an import, which is stored all at once or not at all. */
export interface ImportReport {
  added: number;
  /** Documents that could not be turned into references, one line each. */
  errors: string[];
  /** Valid references not added because storage is full; nothing was written then. */
  storageFull: number;
}

/** A reference the user adds: pasted, from a file, from a tab or from an import. */
export interface NewReference {
  title: string;
  text: string;
  source: string;
  url: string | null;
  date: string | null;
  /** What the reader says it is; without it, an original unless its text says otherwise. */
  role?: ReferenceRole;
}

/** An open tab whose article was checked: the options page offers it as a reference. */
export interface CheckedTab {
  tabId: number;
  title: string;
  url: string;
}

/**
 * What one tab's result may hold in storage.session. The session area is shared by every tab and a
 * page controls how much evidence it yields (thousands of hidden "Advertisement" lines), so each
 * list is capped here: one page cannot fill the area and leave other tabs without their badges.
 */
export const STORED_LIMITS = { hits: 50, substitutions: 300, reasons: 12, passages: 1000, phrases: 50, text: 300 } as const;

export function storedResult(r: CheckResult): CheckResult {
  const L = STORED_LIMITS;
  const cut = (s: string) => (s.length > L.text ? s.slice(0, L.text - 1) + '…' : s);
  // Warning hits first: they are what the popup shows as evidence; plain site chrome is dropped first.
  const hits = [...r.boilerplate.filter(isWarningHit), ...r.boilerplate.filter((h) => !isWarningHit(h))].slice(0, L.hits);
  return {
    ...r,
    summary: capReason(r.summary, cut),
    reasons: r.reasons.slice(0, L.reasons).map((x) => capReason(x, cut)),
    boilerplate: hits.map((h) => ({ ...h, text: cut(h.text) })),
    substitutions: r.substitutions.slice(0, L.substitutions).map((x) => ({ ...x, reference: cut(x.reference), page: cut(x.page) })),
    match: r.match && { ...r.match, passages: r.match.passages.slice(0, L.passages) },
    sourceFree: r.sourceFree && {
      ...r.sourceFree,
      tortured: r.sourceFree.tortured.slice(0, L.phrases),
      artefacts: r.sourceFree.artefacts.slice(0, L.phrases),
    },
  };
}

/** A reason's texts cut and its lists capped: the page chose them (titles, quoted lines, swapped words). */
function capReason(reason: Reason, cut: (s: string) => string): Reason {
  const capValue = (v: unknown): unknown =>
    typeof v === 'string'
      ? cut(v)
      : Array.isArray(v)
        ? v.slice(0, STORED_LIMITS.phrases).map(capValue)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, capValue(x)]))
          : v;
  return capValue(reason) as Reason;
}
