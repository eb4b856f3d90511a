/** Adding, removing, listing, importing and exporting the user's references. */
import { buildReference } from '../core/index.ts';
import type { Reference } from '../core/types.ts';
import { MAX_TEXT, type ContentMessage } from '../shared/messages.ts';
import { errorText } from '../shared/messaging.ts';
import { pageKey } from '../shared/storage.ts';
import type { NewReference, ReferenceSummary } from '../shared/state.ts';
import { allReferences, invalidateEngine } from './library.ts';
import { deleteUserReference, getUserReference, loadUserReferences, putUserReference } from './reference-db.ts';

export async function addReference(doc: NewReference): Promise<ReferenceSummary> {
  const text = doc.text.slice(0, MAX_TEXT).trim();
  if (!text) throw new Error('empty text');
  // Same URL (or same text when there is none) replaces the earlier copy instead of duplicating it.
  const id = 'user-' + (await pageKey(doc.url ?? text));
  const built = buildReference({
    id,
    text,
    title: doc.title.trim() || undefined,
    source: doc.source.trim() || undefined,
    url: doc.url ?? undefined,
    origin: 'user',
  });
  const ref: Reference = { ...built, origin: 'user', date: doc.date ?? built.date };
  await putUserReference(ref);
  invalidateEngine();
  return summarize(ref);
}

export async function removeReference(id: string): Promise<void> {
  await deleteUserReference(id);
  invalidateEngine();
}

export async function listReferences(): Promise<ReferenceSummary[]> {
  return (await allReferences()).map(summarize);
}

export async function exportReferences(): Promise<NewReference[]> {
  return (await loadUserReferences()).map((r) => ({ title: r.title, text: r.body, source: r.source, url: r.url, date: r.date }));
}

export async function importReferences(docs: NewReference[]): Promise<{ added: number; errors: string[] }> {
  let added = 0;
  const errors: string[] = [];
  for (const [i, doc] of docs.entries()) {
    try {
      await addReference(doc);
      added += 1;
    } catch (e) {
      errors.push(`${i + 1}: ${errorText(e)}`);
    }
  }
  return { added, errors };
}

/** "Learn from trusted sources": the article read on a trusted site becomes a reference. */
export async function learnFromPage(msg: Extract<ContentMessage, { type: 'page-check' }>): Promise<void> {
  // Re-reading the same page must not rebuild the index each time.
  const known = await getUserReference('user-' + (await pageKey(msg.url)));
  if (known && known.body.length > 0 && known.title === msg.title) return;
  await addReference({ title: msg.title, text: msg.text, source: msg.siteName ?? new URL(msg.url).hostname, url: msg.url, date: null });
}

export function summarize(r: Reference): ReferenceSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    date: r.date,
    url: r.url,
    origin: r.origin,
    role: r.role,
    words: r.body.match(/\S+/g)?.length ?? 0,
  };
}
