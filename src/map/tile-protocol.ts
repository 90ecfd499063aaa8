/**
 * How the WebGL map gets its place tiles from the cluster index on the main thread: a custom
 * protocol (`chronomap://places/<source>/<generation>/{z}/{x}/{y}`) registered once with
 * MapLibre. Each map registers its index under a key of its own; a new index (a new window,
 * filters or search) is a new generation, so MapLibre reloads its tiles, showing the old ones
 * until the new ones arrive. A tile costs the clusters and places in it, never the dataset.
 */
import type { MapLibre } from './maplibre';
import type { PlaceIndex } from './place-index';

const PROTOCOL = 'chronomap';
const URL_PATTERN = /^chronomap:\/\/places\/(\d+)\/(\d+)\/(\d+)\/(\d+)\/(\d+)$/;

interface Entry {
  index: PlaceIndex;
  generation: number;
  formatCount: (n: number) => string;
}

/** The current and the previous generation of each source, so tiles asked for late still come. */
const sources = new Map<number, { current: Entry; previous: Entry | null }>();
let registered = false;
let nextSource = 0;

function serve(url: string): ArrayBuffer {
  const m = URL_PATTERN.exec(url);
  const entry = m ? sources.get(Number(m[1])) : undefined;
  const generation = Number(m?.[2]);
  const found = entry?.current.generation === generation ? entry.current : entry?.previous?.generation === generation ? entry.previous : null;
  if (!m || !found) return new ArrayBuffer(0);
  const bytes = found.index.tile(Number(m[3]), Number(m[4]), Number(m[5]), generation, found.formatCount);
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

  /** Serves this index from now on; returns the tile URL template for its generation. */
  publish(index: PlaceIndex, formatCount: (n: number) => string): string {
    const current: Entry = { index, generation: ++this.generation, formatCount };
    sources.set(this.id, { current, previous: sources.get(this.id)?.current ?? null });
    return `${PROTOCOL}://places/${this.id}/${current.generation}/{z}/{x}/{y}`;
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
