/**
 * Turns parsed corpus articles into the fluent negative set: long enough to judge, no duplicates (wire
 * stories recur across corpora and within them as corrections and repeats).
 */
import type { Article } from './corpora.ts';

export const MIN_WORDS = 150;

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Letters and digits only, lower-cased: two copies that differ in spacing or quotes share this key. */
const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Keeps articles of at least MIN_WORDS words whose text, and whose opening 40 words, were not seen before. */
export function selectFluent(articles: Iterable<Article>): Article[] {
  const seen = new Set<string>();
  const out: Article[] = [];
  for (const a of articles) {
    if (wordCount(a.text) < MIN_WORDS) continue;
    const norm = normalise(a.text);
    const opening = `^${norm.split(' ').slice(0, 40).join(' ')}`;
    if (seen.has(norm) || seen.has(opening)) continue;
    seen.add(norm);
    seen.add(opening);
    out.push(a);
  }
  return out;
}
