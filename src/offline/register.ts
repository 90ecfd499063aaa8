/**
 * Registers the service worker (src/offline/service-worker.ts, built as `sw.js` beside
 * index.html) from this script file, not inline, so the page's CSP holds. Only on the
 * interactive's own pages: a newsroom page that loads the script from elsewhere is not the
 * worker's to control. Only once the interactive has drawn (or failed to) and the page has gone
 * quiet: caching the build compiles and stores every chunk, and on a two-core phone that work,
 * begun while the dataset was still being validated, held the first drawing back by a few hundred
 * ms. A page whose element never answers registers anyway, a while after its load.
 */
import { trustScriptUrl } from '../security/trusted-types';

/** Where the worker is from the code chunks, which Vite writes to `assets/`. A variable, so Vite does not try to bundle it. */
const WORKER_FROM_CHUNKS = '../sw.js';

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
  const whenQuiet = () => {
    if (started) return;
    started = true;
    removeEventListener('cm-ready', whenQuiet);
    removeEventListener('cm-error', whenQuiet);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 10_000 });
    else setTimeout(register, 2000);
  };
  addEventListener('cm-ready', whenQuiet);
  addEventListener('cm-error', whenQuiet);
  const fallback = () => setTimeout(whenQuiet, NO_ANSWER_MS);
  if (document.readyState === 'complete') fallback();
  else addEventListener('load', fallback, { once: true });
}

/** How long after its load a page whose element has neither drawn nor failed waits to register. */
const NO_ANSWER_MS = 20_000;
