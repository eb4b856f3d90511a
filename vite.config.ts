/**
 * One manifest.json, two builds: `vite build` → dist/ (Chrome), `vite build --mode firefox` →
 * dist-firefox/ with the manifest derived for Firefox below. Also holds the vitest projects.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };
import { spinscopeData } from './src/node/vite-plugin.ts';

const GECKO_ID = 'spinscope@spinscope.invalid';

type Manifest = typeof manifest;

/**
 * Firefox runs MV3 background code as an event page, not a service worker (crxjs also fails on a
 * service_worker key for Firefox), needs a gecko id, and asks add-ons to declare data collection.
 */
function firefoxManifest(m: Manifest) {
  const { background, ...rest } = m;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    // The extension build is not needed (and not wanted) when vitest loads this file for its settings.
    plugins: process.env.VITEST
      ? []
      : [
          spinscopeData(),
          preact(),
          crx({
            manifest: (firefox ? firefoxManifest(manifest) : manifest) as unknown as ManifestV3Export,
            browser: firefox ? 'firefox' : 'chrome',
            // One self-contained file: no loader, no chunks exposed as web-accessible resources that
            // pages could probe to detect the extension.
            contentScripts: { standaloneFiles: ['src/content/index.ts'] },
          }),
        ],
    // _locales lives here: copied as-is to the root of both builds.
    publicDir: 'src/public',
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      // Both browsers' current releases; no legacy transforms needed.
      target: ['chrome120', 'firefox128'],
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 650,
    },
    test: {
      reporters: ['default', './test/support/count-reporter.ts'],
      projects: [
        { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
        {
          extends: true,
          // Real Chromium and Firefox with the built extension: one file at a time in one fork (each file
          // launches its own browser), with timeouts sized for browser start-up.
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.ts'],
            pool: 'forks',
            poolOptions: { forks: { singleFork: true } },
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
            teardownTimeout: 30_000,
            globalSetup: ['test/browser/global-setup.ts'],
          },
        },
      ],
    },
  };
});
