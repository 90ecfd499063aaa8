/**
 * What the comparison pages in bench/ expose on `window.__bench`, for bench/harness to drive.
 * Types only: imported by the pages (built by Vite with bench/vite.config.ts) and by the
 * Node scripts that call them through Playwright.
 */

/** Times are `performance.now()` values (ms since navigation start) or durations in ms. */
export interface BareMapBench {
  /** The map's first `idle`, or null until then. */
  firstIdle: number | null;
  /** Set when the map could not start or the data did not load. */
  error: string | null;
  /** Size of the map canvas in CSS px. */
  canvas: { width: number; height: number };
  /** The page draws MapLibre's own clusters (`cluster=1` in the query). */
  clustered: boolean;
  /**
   * Time-window update by `map.setFilter` with literal bounds, until `idle`. Clustered: by
   * `setData` with the events in the window, since a layer filter cannot reach inside clusters.
   */
  setFilterWindow(from: number, to: number): Promise<number>;
  /** Time-window update by `setGlobalStateProperty` on a `global-state` filter, until `idle`. Clustered: as `setFilterWindow`. */
  globalStateWindow(from: number, to: number): Promise<number>;
  /** Back to the whole period (global-state filter, open bounds), until `idle`; not timed. */
  resetWindow(): Promise<void>;
  /** Marks one feature as selected by `setFeatureState` (clearing the previous one), until `idle`. */
  selectFeature(id: number): Promise<number>;
}

export interface TimelineJsBench {
  /** `performance.now()` of TimelineJS's `loaded` and `ready` events. */
  loadedAt: number | null;
  readyAt: number | null;
  /** When both have fired, style and layout are forced at once; this is when that ended. */
  laidOutAt: number | null;
  error: string | null;
  /**
   * `goToNext()`: `frame` is the call until the frame after the one that paints it (as Chronomap's
   * selection is timed); `shown` lasts until the slider has
   * reached the next slide (TimelineJS animates it, by default over 1 s) and a frame is painted.
   */
  next(): Promise<{ frame: number; shown: number }>;
}

declare global {
  interface Window {
    __bench?: BareMapBench | TimelineJsBench;
  }
}
