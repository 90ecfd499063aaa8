/**
 * Builds the comparison pages (bare MapLibre, TimelineJS 3) for `npm run bench`:
 * `vite build --config bench/vite.config.ts --outDir <dir>`. Not part of the app's build.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { bare: here('bare-maplibre/index.html'), timelinejs: here('timelinejs/index.html') },
    },
  },
});
