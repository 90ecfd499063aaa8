/**
 * The tiles of one refresh of the places, shown together. MapLibre repaints as each reloaded
 * tile comes back from its worker, and the tiles that cover a view come back one by one, tens
 * of ms apart: every new window was drawn once per tile (half the map showing the old window,
 * half the new) and once more to place the new symbols, three draws where one picture changed;
 * in software WebGL each costs 20–40 ms. Here a refresh's tiles tell MapLibre they have loaded
 * only once all of them have, so it draws the new window once (and places it once more).
 *
 * A tile that is not back within MAX_HOLD_MS is not waited for: the others are shown.
 */

/** The part of a MapLibre source this needs: its tile loader (public, as custom sources implement it). */
export interface TileLoader {
  loadTile(tile: never): Promise<unknown>;
}

export const MAX_HOLD_MS = 400;

const held = new WeakMap<TileLoader, (refresh: () => void) => void>();

/**
 * Runs `refresh` (a call that reloads tiles of `source`, such as `map.refreshTiles`) so that
 * the loads it starts finish together: each tile's load resolves once every one of them has
 * settled or MAX_HOLD_MS has passed. Loads started outside a refresh (the camera moved) are
 * left alone. The first call wraps the source's `loadTile` for the life of the source.
 */
export function refreshTogether(source: TileLoader, refresh: () => void): void {
  let run = held.get(source);
  if (!run) {
    run = holdLoads(source);
    held.set(source, run);
  }
  run(refresh);
}

function holdLoads(source: TileLoader): (refresh: () => void) => void {
  const load = source.loadTile.bind(source);
  let round: { loads: Promise<unknown>[]; all: Promise<unknown> } | null = null;
  source.loadTile = (tile: never) => {
    const loading = load(tile);
    const joined = round;
    if (!joined) return loading;
    joined.loads.push(loading);
    // The continuation runs after the refresh has returned, when `all` covers every load it started.
    return loading.then(async (result) => {
      await joined.all;
      return result;
    });
  };
  return (refresh) => {
    const joined = { loads: [] as Promise<unknown>[], all: Promise.resolve() as Promise<unknown> };
    round = joined;
    try {
      refresh();
    } finally {
      round = null;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_HOLD_MS)));
    joined.all = Promise.race([Promise.allSettled(joined.loads), timeout]).finally(() => clearTimeout(timer));
  };
}
