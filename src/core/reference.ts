import { cleanText, keptText } from './boilerplate/clean.ts';
import type { Reference } from './types.ts';
import { roleFromEvidence } from './verdict-evidence.ts';

/** A document as read from a file, a page or the user's paste, before cleaning. */
export interface RawDocument {
  id: string;
  /** Plain text with paragraphs separated by line breaks (HTML is extracted to this first). */
  text: string;
  title?: string;
  source?: string;
  url?: string;
  origin?: Reference['origin'];
}

/** Cleans a document into a reference: body without chrome, boilerplate evidence, metadata and role. */
export function buildReference(doc: RawDocument): Reference {
  const cleaned = cleanText(doc.text, { url: doc.url ?? null });
  const body = keptText(doc.text, cleaned.excluded);
  const { role, reason } = roleFromEvidence(cleaned.hits);
  const host = doc.url ? safeHost(doc.url) : null;
  return {
    id: doc.id,
    title: doc.title?.trim() || cleaned.title || body.slice(0, 80),
    source: doc.source?.trim() || cleaned.source || host || 'unknown source',
    date: cleaned.date,
    url: doc.url ?? null,
    body,
    boilerplate: cleaned.hits,
    role,
    roleReason: reason,
    origin: doc.origin ?? 'user',
  };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
