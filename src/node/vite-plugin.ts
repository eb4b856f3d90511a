import type { Plugin } from 'vite';
import { loadSeedLibrary, SEEDS_DIR } from './library.ts';

const LIBRARY_ID = 'virtual:spinscope/library';

/**
 * Builds the bundled reference library from `seeds/` at build time, so no seed is parsed or cleaned in
 * a browser: the worker receives ready references as one JSON literal.
 */
export function spinscopeData(seedsDir: string = SEEDS_DIR): Plugin {
  return {
    name: 'spinscope-data',
    resolveId(id) {
      return id === LIBRARY_ID ? `\0${LIBRARY_ID}` : null;
    },
    async load(id) {
      if (id !== `\0${LIBRARY_ID}`) return null;
      this.addWatchFile(seedsDir);
      const references = await loadSeedLibrary(seedsDir);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(references))});`;
    },
  };
}
