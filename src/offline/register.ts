/**
 * Registers the service worker (src/offline/service-worker.ts, built as `sw.js` beside
 * index.html) from this script file, not inline, so the page's CSP holds. Only on the
 * interactive's own pages: a newsroom page that loads the script from elsewhere is not the
 * worker's to control. Only a while after the interactive has drawn (or failed to), when the
 * page is idle: caching the build fetches, compiles and stores every chunk, and on a two-core
 * machine that work, begun while the dataset was still being validated, held the first drawing
 * back by a few hundred ms, and begun right after it, slowed the reader's first clicks. A page
 * whose element never answers registers anyway, a while after its load.
 */
import { trustScriptUrl } from '../security/trusted-types';

/** Where the worker is from the code chunks, which Vite writes to `assets/`. A variable, so Vite does not try to bundle it. */
const WORKER_FROM_CHUNKS = '../sw.js';
/** How long after the interactive has drawn the worker waits (then for an idle moment). */
const AFTER_DRAWN_MS = 10_000;
/** How long after its load a page whose element has neither drawn nor failed waits to register. */
const NO_ANSWER_MS = 20_000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const script = new URL(WORKER_FROM_CHUNKS, import.meta.url);
  const scope = new URL('./', script);
  if (script.origin !== location.origin || !location.href.startsWith(scope.href)) return;
  // Registering a worker is a script sink under Trusted Types: vouch for this one, of our origin.
  trustScriptUrl(script.href);
  const register = () => {
    navigator.serviceWorker.register(script, { scope: scope.href }).catch((error: unknown) => console.warn('Chronomap works online only: the service worker could not be registered.', error));
  };
  let started = false;
  const afterDrawn = () => {
    if (started) return;
    started = true;
    removeEventListener('cm-ready', afterDrawn);
    removeEventListener('cm-error', afterDrawn);
    setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(register, { timeout: 10_000 }) : register()), AFTER_DRAWN_MS);
  };
  addEventListener('cm-ready', afterDrawn);
  addEventListener('cm-error', afterDrawn);
  const fallback = () => setTimeout(afterDrawn, NO_ANSWER_MS);
  if (document.readyState === 'complete') fallback();
  else addEventListener('load', fallback, { once: true });
}
