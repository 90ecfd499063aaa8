/**
 * How the WebGL map gets its place tiles from the cluster index on the main thread: a custom
 * protocol (`chronomap://places/<source>/{z}/{x}/{y}`) registered once with MapLibre. Each map
 * registers its index under a key of its own and always serves its newest index; a new index (a
 * new window, filters or search) is a new generation, which the map asks MapLibre to fetch again
 * (`refreshTiles`), showing the old tiles until the new ones arrive. The URL stays the same, so
 * MapLibre does not reload the source's metadata first, which cost a redraw of its own on every
 * index. Each tile's features carry their generation, which tells which index cut them. A tile
 * costs the clusters and places in it, never the dataset.
 */
import type { MapLibre } from './maplibre';
import type { PlaceIndex } from './place-index';

const PROTOCOL = 'chronomap';
const URL_PATTERN = /^chronomap:\/\/places\/(\d+)\/(\d+)\/(\d+)\/(\d+)$/;

interface Entry {
  index: PlaceIndex;
  generation: number;
  formatCount: (n: number) => string;
}

/** The current and the previous index of each source: tiles of both may be on screen at once. */
const sources = new Map<number, { current: Entry; previous: Entry | null }>();
let registered = false;
let nextSource = 0;

function serve(url: string): ArrayBuffer {
  const m = URL_PATTERN.exec(url);
  const found = m ? sources.get(Number(m[1]))?.current : undefined;
  if (!m || !found) return new ArrayBuffer(0);
  const bytes = found.index.tile(Number(m[2]), Number(m[3]), Number(m[4]), found.generation, found.formatCount);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export class PlaceTiles {
  readonly id = nextSource++;
  private generation = 0;

  constructor(lib: MapLibre) {
    if (!registered) {
      lib.addProtocol(PROTOCOL, async (params) => ({ data: serve(params.url) }));
      registered = true;
    }
  }

  /** The tile URL template of this source, whichever index it serves. */
  get url(): string {
    return `${PROTOCOL}://places/${this.id}/{z}/{x}/{y}`;
  }

  /** Serves this index from now on: tiles fetched after this call are cut from it. */
  publish(index: PlaceIndex, formatCount: (n: number) => string): void {
    const current: Entry = { index, generation: ++this.generation, formatCount };
    sources.set(this.id, { current, previous: sources.get(this.id)?.current ?? null });
  }

  /** The index whose tiles carry this generation, if it is still served. */
  indexOf(generation: number): PlaceIndex | null {
    const entry = sources.get(this.id);
    if (entry?.current.generation === generation) return entry.current.index;
    return entry?.previous?.generation === generation ? entry.previous.index : null;
  }

  get current(): PlaceIndex | null {
    return sources.get(this.id)?.current.index ?? null;
  }

  release(): void {
    sources.delete(this.id);
  }
}
