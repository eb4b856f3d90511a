import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };
import { spinscopeData } from './src/node/vite-plugin.ts';

export default defineConfig(({ mode }) => ({
  // The extension build is not needed (and not wanted) when vitest loads this file for its settings.
  plugins: process.env.VITEST ? [] : [spinscopeData(), crx({ manifest: manifest as never, browser: mode === 'firefox' ? 'firefox' : 'chrome' })],
  build: { outDir: mode === 'firefox' ? 'dist-firefox' : 'dist', emptyOutDir: true },
  test: {
    reporters: ['default', './test/support/count-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
