import { readFileSync } from 'node:fs';
import { build, runnerImport } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { precacheServiceWorker } from './src/offline/precache-plugin.js';

/**
 * A module of src/ for the build's own plugins, loaded by Vite's module runner: importing it
 * here would make the config depend on extensionless TypeScript imports.
 */
async function load<T>(path: string): Promise<T> {
  return (await runnerImport<T>(path, { configFile: false, logLevel: 'warn' })).module;
}

/**
 * Chromium as installed by apt; flags from docs/SETUP notes: software WebGL, no background traffic.
 * The disabled features are the browser's own address-bar popup, a WebUI page that Chromium 156
 * loads in a renderer of its own for every new window, headless or not: about 2 s of CPU in the
 * first seconds of each page, which on two cores slowed whatever page was being loaded or measured.
 */
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
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
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

/**
 * The policy the built pages are served with (`npm run preview`, so every e2e test runs under
 * it) and that hosts should send; README, "Serving it". Trusted Types: Lit's `lit-html` policy
 * for its templates and the project's `default` one for MapLibre's worker URL
 * (src/security/trusted-types.ts) are the only ones the pages create.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html default',
].join('; ');

/**
 * chronomap-embed.js, the host pages' script, built on its own as one classic script (an IIFE)
 * so a CMS can include it with a plain `<script src>`; it shares no chunk with the app.
 */
function hostScript(): Plugin {
  return {
    name: 'chronomap-host-script',
    apply: 'build',
    async generateBundle() {
      const { HOST_SCRIPT } = await load<typeof import('./src/embed/snippets')>('/src/embed/snippets.ts');
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          write: false,
          target: 'es2020',
          lib: { entry: 'src/embed/host.ts', formats: ['iife'], name: 'chronomapEmbed', fileName: () => HOST_SCRIPT },
        },
      });
      const outputs = Array.isArray(result) ? result : [result];
      const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error(`${HOST_SCRIPT}: the build gave no script`);
      this.emitFile({ type: 'asset', fileName: HOST_SCRIPT, source: chunk.code });
    },
  };
}

/**
 * oEmbed needs absolute URLs, so `oembed.json` and the discovery links of the pages are written
 * only when the build knows its public address (`CHRONOMAP_PUBLIC_URL=https://…/chronomap/`);
 * without it the build says so and writes neither, rather than a file no consumer can use.
 */
function oembed(): Plugin {
  const given = process.env.CHRONOMAP_PUBLIC_URL;
  const title = (JSON.parse(readFileSync('data/events.json', 'utf8')) as { title: string }).title;
  type OEmbedModule = typeof import('./src/embed/oembed');
  let module: OEmbedModule | undefined;
  let base: string | null = null;
  return {
    name: 'chronomap-oembed',
    apply: 'build',
    async buildStart() {
      module = await load<OEmbedModule>('/src/embed/oembed.ts');
      base = module.publicBase(given);
    },
    transformIndexHtml() {
      if (!base) return [];
      return [{ tag: 'link', attrs: { rel: 'alternate', type: 'application/json+oembed', href: new URL('oembed.json', base).href, title }, injectTo: 'head' }];
    },
    generateBundle() {
      if (!base) {
        this.warn(given ? `CHRONOMAP_PUBLIC_URL is not an http(s) address (${given}): no oembed.json written` : 'CHRONOMAP_PUBLIC_URL is not set: no oembed.json written (set it to the public address of dist/)');
        return;
      }
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: `${JSON.stringify(module!.oembedDocument(base, title), null, 2)}\n` });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    datasetFiles(),
    hostScript(),
    oembed(),
    // ---- Offline (export helper): the service worker of the hosted build, `sw.js`, caching every
    // file of the build. Not in `npm run package`'s build (mode `offline`): a file opened from disk
    // has no service worker.
    ...(process.env.CHRONOMAP_BUILD === 'offline' ? [] : [precacheServiceWorker()]),
    // ---- end offline
  ],
  // Pre-bundled up front so Vitest's browser mode never reloads mid-run to optimise them.
  optimizeDeps: { include: ['maplibre-gl', 'topojson-client', 'lit', 'd3', 'valibot', '@maplibre/geojson-vt', '@maplibre/vt-pbf'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The element's script under a stable name at the root, for `<script src="…/chronomap.js">`;
      // its lazy chunks load relative to it.
      input: { index: 'index.html', embed: 'embed.html', make: 'make.html', chronomap: 'src/components/chrono-map.ts' },
      output: { entryFileNames: (chunk) => (chunk.name === 'chronomap' ? 'chronomap.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
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
