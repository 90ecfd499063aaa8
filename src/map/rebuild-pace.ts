/**
 * When the map rebuilds its places after a change of window, filters or search. A window that
 * moves every frame (playback, a drag) would otherwise ask for a rebuild, new tiles and a redraw
 * of the canvas every frame, leaving no frame time for the timeline or for input; a single
 * change (a brush let go, a story's step, a call from the page) must not wait for a stream.
 */

/** A rebuild of the places that took d ms is not repeated within this many times d in a stream. */
export const REBUILD_SPACING = 4;
/** Nor within this many ms; and changes closer together than this make a stream. */
export const MIN_REBUILD_SPACING_MS = 200;

export interface RebuildClock {
  /** When the previous change asked for a rebuild (-Infinity before the first). */
  changedAt: number;
  /** When the last rebuild ended, and how long it took (ms). */
  builtAt: number;
  buildCost: number;
}

/**
 * How long (ms) a change made at `now` waits before its rebuild: nothing after a quiet spell,
 * however costly the last rebuild was; in a stream, until the spacing after the last rebuild.
 */
export function rebuildDelay(now: number, { changedAt, builtAt, buildCost }: RebuildClock): number {
  if (now - changedAt >= MIN_REBUILD_SPACING_MS) return 0;
  return Math.max(0, builtAt + Math.max(REBUILD_SPACING * buildCost, MIN_REBUILD_SPACING_MS) - now);
}
