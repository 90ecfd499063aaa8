/**
 * `npm run package`: the offline classroom file, `dist-offline/chronomap.html`. One HTML file
 * holding everything (code, styles, MapLibre's worker, both basemaps, the dataset) that opens by
 * double-click from a USB stick with no network.
 *
 * - The app is built by Vite in one bundle (no code splitting: a page opened from disk cannot
 *   fetch chunks), with every asset inlined as a `data:` URL (MapLibre's worker among them; from
 *   a page of origin `null` MapLibre starts it from a `data:` URL itself).
 * - The bundle and the page's CSS go inline into the page; the dataset goes in as
 *   `<script type="application/json" id="chronomap-data">`, which <chrono-map src="#chronomap-data">
 *   reads instead of fetching.
 * - A page from disk gets no CSP header, so the file carries its own, stricter than the hosted
 *   one: the inline script and style are allowed by their hashes, and nothing may be fetched
 *   from anywhere (`connect-src` allows only `data:`, which MapLibre reads its worker from).
 *   Trusted Types are not required: MapLibre creates its worker from a plain string.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OFFLINE_FILE = fileURLToPath(new URL('../dist-offline/chronomap.html', import.meta.url));
export const DATA_ELEMENT_ID = 'chronomap-data';

/** Size in bytes of the offline file (for `npm run bench`); it must have been built. */
export function offlinePackageSize(path = OFFLINE_FILE): number {
  return statSync(path).size;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Script text that cannot end its <script> element early, nor open a comment or a nested script
 * there. These sequences occur only inside the bundle's strings (the embed snippets, say), where
 * `\x3C` means the same "<".
 */
function inlineScript(code: string): string {
  return code.replace(/<(\/?script|!--)/gi, '\\x3C$1');
}

/** JSON that can sit in a <script type="application/json">: every "<" escaped (JSON allows \u003c in strings, the only place it occurs). */
function inlineJson(json: string): string {
  return JSON.stringify(JSON.parse(json)).replace(/</g, '\\u003c');
}

function replaceOnce(html: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(html)) throw new Error(`the built page has no ${what}`);
  return html.replace(pattern, () => replacement);
}

/** Builds the app in one bundle and writes the offline file; returns its path and size. */
export async function buildOfflinePackage(out = OFFLINE_FILE): Promise<{ path: string; bytes: number }> {
  // Read by vite.config.ts: no service worker in this build.
  process.env.CHRONOMAP_BUILD = 'offline';
  // Always a production build (Lit's development build warns in the console), even when run from a test runner.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'chronomap-package-'));
  try {
    await build({
      root,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        assetsInlineLimit: () => true,
        modulePreload: false,
        cssCodeSplit: false,
        chunkSizeWarningLimit: 10_000,
        // One page in one bundle: the other pages (embed, make) and the stable-named script are not part of it.
        rolldownOptions: { input: join(root, 'index.html'), output: { codeSplitting: false } },
      },
    });
    let html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const scriptTag = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/;
    const styleTag = /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/;
    const scriptFile = scriptTag.exec(html)?.[1];
    const styleFile = styleTag.exec(html)?.[1];
    if (!scriptFile || !styleFile) throw new Error('the built page does not have one script and one stylesheet');
    const code = inlineScript(readFileSync(join(outDir, scriptFile), 'utf8'));
    const css = readFileSync(join(outDir, styleFile), 'utf8');
    const data = inlineJson(readFileSync(join(outDir, 'data/events.json'), 'utf8'));
    const csp = [
      "default-src 'none'",
      `script-src ${sha256(code)}`,
      `style-src ${sha256(css)}`,
      'img-src data: blob:',
      'worker-src data: blob:',
      'connect-src data:',
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      // No `require-trusted-types-for 'script'` (the hosted CSP's): MapLibre hands `new Worker` a plain string.
    ].join('; ');
    html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/, `<meta http-equiv="Content-Security-Policy" content="${csp}" />`, 'CSP meta element');
    html = replaceOnce(html, scriptTag, `<script type="module">${code}</script>`, 'module script');
    html = replaceOnce(html, styleTag, `<style>${css}</style>`, 'stylesheet');
    html = replaceOnce(html, /<chrono-map src="[^"]*"/, `<chrono-map src="#${DATA_ELEMENT_ID}"`, '<chrono-map src>');
    html = replaceOnce(html, /<\/body>/, `<script type="application/json" id="${DATA_ELEMENT_ID}">${data}</script>\n  </body>`, '</body>');
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, html);
    return { path: out, bytes: offlinePackageSize(out) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { path, bytes } = await buildOfflinePackage();
  console.log(`${path}: ${(bytes / 1_000_000).toFixed(2)} MB. Open it from disk; it needs no network.`);
}
