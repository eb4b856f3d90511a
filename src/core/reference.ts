import { cleanText, keptText } from './boilerplate/clean.ts';
import type { SourceFreeAnalyser } from './source-free/analyse.ts';
import { tokenize } from './text/text.ts';
import type { Reference, SourceFreeSummary } from './types.ts';
import { roleFromEvidence } from './judge/verdict-evidence.ts';
import { ROLE } from './vocabulary.ts';

/** A document as read from a file, a page or the user's paste, before cleaning. */
export interface RawDocument {
  id: string;
  /** Plain text with paragraphs separated by line breaks (HTML is extracted to this first). */
  text: string;
  title?: string;
  source?: string;
  url?: string;
  origin?: Reference['origin'];
  /** What the reader says it is. A known copy is taken at their word; an original only if its text agrees. */
  role?: Reference['role'];
}

/**
 * Cleans a document into a reference: body without chrome, boilerplate evidence, metadata and role. With
 * the source-free analyser, its own text is judged too (a reference can itself be the spun copy).
 */
export function buildReference(doc: RawDocument, analyser: SourceFreeAnalyser | null = null): Reference {
  const cleaned = cleanText(doc.text, { url: doc.url ?? null });
  const body = keptText(doc.text, cleaned.excluded);
  let sourceFree: SourceFreeSummary | null = null;
  if (analyser) {
    const { opinion, evidence, fluency, coveredPairs } = analyser.analyse(doc.text, tokenize(doc.text, cleaned.excluded), cleaned.excluded);
    sourceFree = { opinion, evidence, fluency, coveredPairs };
  }
  const evidence = roleFromEvidence(cleaned.hits, sourceFree);
  const { role, reason } = doc.role && doc.role !== ROLE.original
    ? { role: doc.role, reason: doc.role === ROLE.copy ? 'Added as a known copy.' : `Added as a known ${doc.role} copy.` }
    : evidence;
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
    sourceFree,
  };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
