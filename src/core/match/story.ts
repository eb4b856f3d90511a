import { hashString } from '../text/hash.ts';
import { isImmutable } from './fingerprint.ts';
import type { Tokens } from '../text/text.ts';

/**
 * The names and numbers an article is about: its most repeated immutables. Two reports of one event share
 * them whatever their wording, which is how independent coverage is told apart from unrelated news.
 */
export const STORY_KEYS = 12;
/** Keys taken from the page: more than a reference's, so that the two lists overlap when the story is the same. */
export const PAGE_STORY_KEYS = 20;

/** Capitalised words that say nothing about which story it is. Data, not code. */
const GENERIC = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mr', 'mrs', 'ms',
  'dr', 'the', 'but', 'and', 'in', 'on', 'a',
]);

export interface StoryKeys {
  words: string[];
  hashes: Uint32Array;
}

export function storyKeys(tokens: Tokens, max = STORY_KEYS): StoryKeys {
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.words.length; i++) {
    const word = tokens.words[i]!.replace(/'s$/, '');
    if (word.length < 3 || GENERIC.has(word) || !isImmutable(tokens, i)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([word]) => word);
  return { words, hashes: Uint32Array.from(words, (w) => hashString(w)) };
}

/**
 * Shared keys as a reader names them: keys that stand next to each other in the text are one name
 * ("United States", not "United" and "States"), written as the text writes them, in order of first mention.
 */
export function namePhrases(tokens: Tokens, text: string, keys: readonly string[]): string[] {
  const wanted = new Set(keys);
  const key = (i: number) => tokens.words[i]!.replace(/'s$/, '');
  const joined = (i: number) =>
    i + 1 < tokens.words.length && !tokens.sentenceStart[i + 1] && /^ +$/.test(text.slice(tokens.ends[i]!, tokens.starts[i + 1]!));
  // Every run of adjacent keys, first mention first; a key inside a longer name is not listed alone.
  const runs: { at: number; words: string[]; phrase: string }[] = [];
  for (let i = 0; i < tokens.words.length; i++) {
    if (!wanted.has(key(i))) continue;
    let end = i;
    while (joined(end) && wanted.has(key(end + 1))) end++;
    const words = Array.from({ length: end - i + 1 }, (_, k) => key(i + k));
    runs.push({ at: i, words, phrase: text.slice(tokens.starts[i]!, tokens.ends[end]!).replace(/['’]s$/, '') });
    i = end;
  }
  const inNames = new Set(runs.filter((r) => r.words.length > 1).flatMap((r) => r.words));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const run of runs) {
    const id = run.words.join(' ');
    if (seen.has(id) || (run.words.length === 1 && inNames.has(run.words[0]!))) continue;
    seen.add(id);
    out.push(run.phrase);
  }
  return out;
}
