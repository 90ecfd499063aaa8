/// <reference lib="webworker" />
/**
 * The service worker of the hosted build: after one visit the interactive opens with no
 * network. On install it caches every file of the build (the app shell, the code chunks,
 * MapLibre's worker, both basemaps, the dataset); the build writes their list into
 * `__CHRONOMAP_PRECACHE__` (src/offline/precache-plugin.ts), so a new build is a new worker
 * with a new cache, and the old cache is dropped once it takes over.
 *
 * Pages and data files (a newsroom may update data/events.json without rebuilding) come from
 * the network first and from the cache when it fails; the hashed code files from the cache.
 * It handles nothing outside its own directory and nothing from another host. Matches ignore
 * `Vary`: a server's `Vary: Origin` would otherwise keep the page's `crossorigin` script
 * requests from matching the files cached without an Origin header.
 */
export {};

declare const self: ServiceWorkerGlobalScope;

interface Manifest {
  version: string;
  /** Paths relative to the worker's scope; '' is the scope itself (index.html). */
  files: string[];
}

const MANIFEST = JSON.parse('__CHRONOMAP_PRECACHE__') as Manifest;
const PREFIX = 'chronomap-';
const CACHE = `${PREFIX}${MANIFEST.version}`;
const FRESH = /\.(json|html)$/;

self.addEventListener('install', (event) => {
  const scope = self.registration.scope;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(MANIFEST.files.map((f) => new URL(f, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  const page = request.mode === 'navigate';
  event.respondWith(page || FRESH.test(new URL(request.url).pathname) ? networkFirst(request, page) : cacheFirst(request));
});

async function networkFirst(request: Request, page: boolean): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && !page) {
      const copy = response.clone();
      void caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (error) {
    // A page asked for with ?lang=uk or a hash is the cached page all the same.
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: page, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: CACHE, ignoreVary: true })) ?? fetch(request);
}
