/** Adding, removing, listing, importing and exporting the user's references. */
import { buildReference } from '../../core/index.ts';
import type { Reference } from '../../core/types.ts';
import { MAX_TEXT, STORAGE_FULL, type ContentMessage } from '../../shared/protocol/messages.ts';
import { errorText } from '../../shared/protocol/messaging.ts';
import { neutralise } from '../../core/text/bidi.ts';
import { wordCount } from '../../core/text/text.ts';
import { siteKeyForUrl } from '../../shared/sites/domains.ts';
import { loadLearnedCap } from '../../shared/storage/library-limits.ts';
import { MAX_LEARN_TOTAL, type Settings } from '../../shared/storage/settings.ts';
import { addLearned, loadLearned, pageKey } from '../../shared/storage/storage.ts';
import type { ImportReport, NewReference, ReferenceList, ReferenceSummary } from '../../shared/protocol/state.ts';
import { bundledReferences, invalidateEngine } from './library.ts';
import { sourceFreeAnalyser } from './source-free.ts';
import { deleteUserReference, getUserReference, loadUserReferences, saveUserReferences, type UserReferences } from './user-references.ts';

/** `learned`: taken from a trusted site by "Learn from trusted sources", and so evictable past the cap. */
export async function addReference(doc: NewReference, learned = false): Promise<ReferenceSummary> {
  const ref = { ...(await toReference(doc)), learned };
  await saveUserReferences([ref], { learnedCap: await loadLearnedCap() });
  invalidateEngine();
  return summarize(ref);
}

async function toReference(doc: NewReference): Promise<Reference> {
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
    ...(doc.role ? { role: doc.role } : {}),
  }, await sourceFreeAnalyser());
  return { ...built, origin: 'user', date: doc.date ?? built.date, addedAt: Date.now() };
}

export async function removeReference(id: string): Promise<void> {
  await deleteUserReference(id);
  invalidateEngine();
}

/** Everything in the library, read fresh so listing needs no engine rebuild. */
export async function listReferences(): Promise<ReferenceList> {
  const user = await userReferencesOrNone();
  return { references: [...bundledReferences(), ...user.references].map(summarize), unreadable: user.unreadable };
}

async function userReferencesOrNone(): Promise<UserReferences> {
  try {
    return await loadUserReferences();
  } catch (e) {
    console.warn('Spinscope: user references unavailable', e);
    return { references: [], unreadable: 0 };
  }
}

export async function exportReferences(): Promise<NewReference[]> {
  return (await loadUserReferences()).references.map((r) => ({ title: r.title, text: r.body, source: r.source, url: r.url, date: r.date, role: r.role }));
}

/**
 * One transaction for the whole import, so a full disk leaves the library exactly as it was. Documents
 * that are not usable are listed and the rest imported.
 */
export async function importReferences(docs: NewReference[]): Promise<ImportReport> {
  const refs: Reference[] = [];
  const errors: string[] = [];
  for (const [i, doc] of docs.entries()) {
    try {
      refs.push(await toReference(doc));
    } catch (e) {
      errors.push(`${i + 1}: ${errorText(e)}`);
    }
  }
  if (!refs.length) return { added: 0, errors, storageFull: 0 };
  try {
    await saveUserReferences(refs);
  } catch (e) {
    if (errorText(e) === STORAGE_FULL) return { added: 0, errors, storageFull: refs.length };
    throw e;
  }
  invalidateEngine();
  return { added: refs.length, errors, storageFull: 0 };
}

/**
 * "Learn from trusted sources": the article read on a trusted site becomes a reference, within limits
 * a hostile page on that site cannot move. The caller has checked that the page is trusted and was
 * loaded in full at its address (not reached by pushState, which lets a page pick any address of its
 * origin). Here: https only; an existing reference is never replaced; the source is the host, not the
 * page's own claim (og:site_name); and no more than the caps per site and in all are ever learned. What
 * is learned is stored as learned, so the library's cap may evict it, never what the reader added.
 */
export async function learnFromPage(msg: Extract<ContentMessage, { type: 'page-check' }>, settings: Settings): Promise<'learned' | 'refused'> {
  const url = new URL(msg.url);
  const site = siteKeyForUrl(msg.url);
  if (url.protocol !== 'https:' || !site) return 'refused';
  url.hash = '';
  const id = 'user-' + (await pageKey(url.href));
  if (await getUserReference(id)) return 'refused';
  const learned = await loadLearned();
  if (learned.length >= settings.learnTotal || learned.filter((e) => e.site === site).length >= settings.learnPerSite) return 'refused';
  const ref = await addReference({ title: msg.title, text: msg.text, source: url.hostname, url: url.href, date: null }, true);
  await addLearned({ site, id: ref.id }, MAX_LEARN_TOTAL);
  return 'learned';
}

export function summarize(r: Reference): ReferenceSummary {
  return {
    id: r.id,
    title: neutralise(r.title),
    source: neutralise(r.source),
    date: r.date,
    url: r.url,
    origin: r.origin,
    role: r.role,
    words: wordCount(r.body),
  };
}
