/**
 * MapLibre and what it needs inside a shadow root, loaded on first use so the timeline paints
 * before 1 MB of map code arrives. The worker is a same-origin module file (bundled MapLibre
 * cannot find it on its own); the CSS is adopted by each map's shadow root, since document
 * styles do not cross it.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { trustScriptUrl } from '../security/trusted-types';

export type MapLibre = typeof import('maplibre-gl');

let loading: Promise<{ lib: MapLibre; sheet: CSSStyleSheet }> | undefined;

export function loadMapLibre(): Promise<{ lib: MapLibre; sheet: CSSStyleSheet }> {
  loading ??= Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl.css?inline')]).then(([lib, css]) => {
    // Under Trusted Types `new Worker()` refuses a plain string unless a policy vouches for it.
    trustScriptUrl(workerUrl);
    lib.setWorkerUrl(workerUrl);
    // The workers boot while the basemap is still being decoded, not after the map is created.
    lib.prewarm();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css.default);
    return { lib, sheet };
  });
  // A failed download (a flaky connection) may succeed on the next map.
  loading.catch(() => (loading = undefined));
  return loading;
}
