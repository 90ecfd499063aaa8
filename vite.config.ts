import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { precacheServiceWorker } from './src/offline/precache-plugin.js';

/** Chromium as installed by apt; flags from docs/SETUP notes: software WebGL, no background traffic. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

/** Ships the dataset and its JSON Schema at stable paths (`data/…`) so embedders can link them. */
function datasetFiles(): Plugin {
  return {
    name: 'chronomap-dataset-files',
    apply: 'build',
    generateBundle() {
      for (const name of ['events.json', 'schema.json']) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(`data/${name}`) });
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    datasetFiles(),
    // ---- Offline (export helper): the service worker of the hosted build, `sw.js`, caching every
    // file of the build. Not in `npm run package`'s build (mode `offline`): a file opened from disk
    // has no service worker.
    ...(process.env.CHRONOMAP_BUILD === 'offline' ? [] : [precacheServiceWorker()]),
    // ---- end offline
  ],
  // Pre-bundled up front so Vitest's browser mode never reloads mid-run to optimise them.
  optimizeDeps: { include: ['maplibre-gl', 'topojson-client', 'lit', 'd3', 'valibot'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
