/**
 * Turns what the user gives the library into references: a pasted text, a .txt or .html file,
 * or a JSON export (ours: a list of { title, text, source, url, date }).
 */
import { readDocumentBytes } from '../extract/document.ts';
import { readArticle } from '../extract/index.ts';
import { MAX_IMPORT_DOCS, MAX_TEXT, MAX_TITLE } from '../shared/protocol/messages.ts';
import type { NewReference } from '../shared/protocol/state.ts';

export interface ParsedDocs {
  docs: NewReference[];
  errors: string[];
}

export function parseReferenceJson(input: string): ParsedDocs {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch {
    return { docs: [], errors: ['not JSON'] };
  }
  const items = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null && Array.isArray((data as { references?: unknown }).references)
      ? (data as { references: unknown[] }).references
      : null;
  if (!items) return { docs: [], errors: ['expected a list of references'] };
  const docs: NewReference[] = [];
  const errors: string[] = [];
  items.forEach((item, i) => {
    const doc = toDoc(item);
    if (!doc) errors.push(`${i + 1}: no text`);
    else if (docs.length >= MAX_IMPORT_DOCS) errors.push(`${i + 1}: more than ${MAX_IMPORT_DOCS} references`);
    else docs.push(doc);
  });
  return { docs, errors };
}

function toDoc(item: unknown): NewReference | null {
  if (typeof item !== 'object' || item === null) return null;
  const o = item as Record<string, unknown>;
  const text = typeof o.text === 'string' ? o.text : typeof o.body === 'string' ? o.body : '';
  if (!text.trim()) return null;
  const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');
  return {
    text: text.slice(0, MAX_TEXT),
    title: str(o.title, MAX_TITLE),
    source: str(o.source, MAX_TITLE),
    url: str(o.url, 4096) || null,
    date: /^\d{4}-\d{2}-\d{2}$/.test(str(o.date, 32)) ? str(o.date, 32) : null,
  };
}

/**
 * A plain-text or HTML file as one reference, read as the command reads files; the file name stands in for
 * a missing title. Throws DocumentError with the reason when the file is not a readable document.
 */
export function fileToDoc(name: string, bytes: Uint8Array): NewReference {
  // DOMParser documents are inert: no scripts run, nothing loads.
  const doc = readDocumentBytes(name, bytes, (html) => readArticle(new DOMParser().parseFromString(html, 'text/html')));
  return { title: (doc.title || doc.name).slice(0, MAX_TITLE), text: doc.text.slice(0, MAX_TEXT), source: (doc.source ?? '').slice(0, MAX_TITLE), url: doc.url ?? null, date: null };
}

export function exportReferencesJson(docs: NewReference[]): string {
  return JSON.stringify({ references: docs }, null, 2);
}
