/**
 * Registers the service worker (src/offline/service-worker.ts, built as `sw.js` beside
 * index.html) from this script file, not inline, so the page's CSP holds. Only on the
 * interactive's own pages: a newsroom page that loads the script from elsewhere is not the
 * worker's to control. Only once the page has loaded and gone quiet: caching the build must not
 * compete with the first paint.
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
  const whenQuiet = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(register, { timeout: 10_000 }) : setTimeout(register, 2000));
  if (document.readyState === 'complete') whenQuiet();
  else addEventListener('load', whenQuiet, { once: true });
}
