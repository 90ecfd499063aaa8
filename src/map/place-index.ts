/**
 * The one cluster index both renderers draw from: the window's places (one point each) grouped
 * by MapLibre's own clusterer (`Supercluster` of @maplibre/geojson-vt, the code its GeoJSON
 * sources run in their worker). Built once per window, filters and search on the main thread,
 * so every question about what is drawn has a synchronous, exact answer: which places a
 * cluster holds (`leaves`), where it splits (`expansionZoom`), what is in a box at a zoom
 * (`items`, for the SVG fallback, labels and hit tests), and the vector tiles the WebGL map
 * shows (`tile`, served through a custom protocol, see ./tile-protocol.ts).
 *
 * The points are places, not the place × kind × status marks they hold: the marks of one place
 * share its coordinates, so clustering them apart would turn every place with two kinds into
 * a cluster at every zoom and hide its most important mark. A place is drawn with the mark of
 * its most important event; a cluster with a ring split by the kinds of all its events.
 * Each cluster carries (reduced from its places): the events it holds, those matching the
 * search, per-kind counts, its box, its busiest place and the place of its most important event.
 */
import { Supercluster } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Point } from 'geojson';
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { PlaceSummary } from './features';

export type { PlaceSummary };
import type { Bounds } from './fit';
import { ringName, ringScale, ringSlots } from './icons';

/**
 * Places closer than this (CSS px at a whole zoom) merge. A tile of zoom z is shown from map
 * zoom z to z + 1, so on screen the radius grows to twice this before the next zoom's clusters
 * take over: 18 px keeps merged places between most of an icon (24 px) and a little over one
 * apart, so marks rarely hide one another and clusters do not swallow distinct cities.
 */
export const CLUSTER_RADIUS = 18;
/** The last zoom with clusters; at the map's deepest zoom every place stands alone. */
export const CLUSTER_MAX_ZOOM = 11;
export const MAP_MAX_ZOOM = CLUSTER_MAX_ZOOM + 1;
/** Vector tile extent (MapLibre's own); radius is given in its units, tiles are 512 px. */
const EXTENT = 8192;
const TILE_PX = 512;
export const TILE_LAYER = 'places';

/** What a point carries; a cluster carries the same fields, reduced over its places. */
interface Tags {
  /** The place (points), or the place of the most important event (clusters). */
  n: number;
  /** Events (counted at each place they are drawn at). */
  c: number;
  /** importanceKey of the most important event; lower is more important. */
  key: number;
  /** The busiest place and its count. */
  b: number;
  bc: number;
  /** Box: west, south, east, north; longitudes continuous (east may pass 180). */
  w: number;
  s: number;
  e: number;
  nn: number;
  /** Events matching the search; -1 when nobody searches. */
  m: number;
  /** Events per kind index. */
  k: number[];
  /**
   * Whose `k` it is. The clusterer starts a cluster from a shallow copy of its first member's
   * tags, so the copy shares `k` until it takes a copy of its own, before adding to it.
   */
  owner: object;
}

export interface PlacePoint {
  type: 'place';
  /** The place's `n`, also its feature id. */
  id: number;
  lon: number;
  lat: number;
  place: PlaceSummary;
  events: number;
  matches: number | null;
}

export interface PlaceCluster {
  type: 'cluster';
  id: number;
  lon: number;
  lat: number;
  /** Events inside (each counted at every place of it inside). */
  events: number;
  places: number;
  matches: number | null;
  /** Place of its most important event. */
  top: PlaceSummary;
  busiest: PlaceSummary;
  bounds: Bounds;
  /** Events per kind index. */
  kinds: number[];
}

export type MapItem = PlacePoint | PlaceCluster;

export class PlaceIndex {
  private readonly index: InstanceType<typeof Supercluster>;
  private readonly kindCount: number;

  constructor(
    readonly dataset: Dataset,
    readonly places: readonly PlaceSummary[],
  ) {
    const kinds = (this.kindCount = dataset.kinds.length);
    this.index = new Supercluster({
      radius: (CLUSTER_RADIUS * EXTENT) / TILE_PX,
      extent: EXTENT,
      maxZoom: CLUSTER_MAX_ZOOM,
      reduce: (a: Record<string, unknown>, b: Record<string, unknown>) => {
        const x = a as unknown as Tags;
        const y = b as unknown as Tags;
        x.c += y.c;
        if (y.key < x.key) {
          x.key = y.key;
          x.n = y.n;
        }
        if (y.bc > x.bc || (y.bc === x.bc && y.b < x.b)) {
          x.bc = y.bc;
          x.b = y.b;
        }
        // Clusters are small on the globe: take the other box in the copy of the world nearest.
        const shift = 360 * Math.round((x.w + x.e - y.w - y.e) / 720);
        x.w = Math.min(x.w, y.w + shift);
        x.e = Math.max(x.e, y.e + shift);
        x.s = Math.min(x.s, y.s);
        x.nn = Math.max(x.nn, y.nn);
        if (x.m >= 0) x.m += y.m;
        if (x.owner !== x) [x.k, x.owner] = [x.k.slice(), x];
        for (let i = 0; i < kinds; i++) x.k[i]! += y.k[i]!;
      },
    });
    const points: Feature<Point>[] = places.map((p) => {
      const k = new Array<number>(kinds).fill(0);
      for (const e of p.events) {
        const kind = dataset.kindById.get(e.kind)?.index;
        if (kind !== undefined) k[kind]!++;
      }
      const tags: Tags = { n: p.n, c: p.events.length, key: p.topKey, b: p.n, bc: p.events.length, w: p.place.lon, s: p.place.lat, e: p.place.lon, nn: p.place.lat, m: p.matches ?? -1, k, owner: {} };
      tags.owner = tags;
      return { type: 'Feature', id: p.n, geometry: { type: 'Point', coordinates: [p.place.lon, p.place.lat] }, properties: tags as unknown as Record<string, unknown> };
    });
    this.index.load(points);
  }

  /** How many items (places and clusters) the whole world holds at `zoom` (its integer part). */
  count(zoom: number): number {
    const z = Math.min(Math.max(Math.floor(zoom), 0), CLUSTER_MAX_ZOOM + 1);
    return this.index.trees[z]?.numItems ?? 0;
  }

  /** What is drawn at `zoom` (its integer part, as tiles are) in the box; the box may cross ±180. */
  items(bbox: Bounds, zoom: number): MapItem[] {
    return this.index.getClusters([bbox[0], bbox[1], bbox[2], bbox[3]], Math.floor(zoom)).map((f) => this.item(f.geometry.coordinates as [number, number], f.properties as Tags & { cluster?: true; cluster_id?: number; point_count?: number }));
  }

  private item([lon, lat]: [number, number], t: Tags & { cluster?: true; cluster_id?: number; point_count?: number }): MapItem {
    const matches = t.m < 0 ? null : t.m;
    if (!t.cluster) return { type: 'place', id: t.n, lon, lat, place: this.places[t.n]!, events: t.c, matches };
    let west = t.w;
    let east = t.e;
    if (west < -180) [west, east] = [west + 360, east + 360];
    else if (west >= 180) [west, east] = [west - 360, east - 360];
    return {
      type: 'cluster',
      id: t.cluster_id!,
      lon,
      lat,
      events: t.c,
      places: t.point_count!,
      matches,
      top: this.places[t.n]!,
      busiest: this.places[t.b]!,
      bounds: [west, t.s, east, t.nn],
      kinds: t.k.slice(0, this.kindCount),
    };
  }

  private byId: Map<string, PlaceSummary> | null = null;

  /** The window's summary of a place, if it has events in it. */
  summaryOf(placeId: string): PlaceSummary | undefined {
    this.byId ??= new Map(this.places.map((p) => [p.place.id, p]));
    return this.byId.get(placeId);
  }

  /** The places an item stands for. */
  placesOf(item: MapItem): PlaceSummary[] {
    if (item.type === 'place') return [item.place];
    return this.index.getLeaves(item.id, Infinity).map((f) => this.places[(f.properties as Tags).n]!);
  }

  /** The places inside a cluster, by its id (as tiles and `items` give it). */
  leaves(clusterId: number): PlaceSummary[] {
    return this.index.getLeaves(clusterId, Infinity).map((f) => this.places[(f.properties as Tags).n]!);
  }

  /** The zoom at which a cluster splits into more than one item. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }

  /** Events of these places, each once, in time order. */
  static eventsOf(places: Iterable<PlaceSummary>): ChronoEvent[] {
    const byIndex = new Map<number, ChronoEvent>();
    for (const p of places) for (const e of p.events) byIndex.set(e.index, e);
    return [...byIndex.values()].sort((a, b) => a.index - b.index);
  }

  /**
   * One vector tile: a point per place with the icon of its most important event, a point per
   * cluster with its ring and count. `generation` tells tiles of one index from another's;
   * `formatCount` writes the cluster counts in the reader's language.
   */
  tile(z: number, x: number, y: number, generation: number, formatCount: (n: number) => string): Uint8Array {
    const tile = this.index.getTile(z, x, y);
    const features = (tile?.features ?? []).map((f) => {
      const t = f.tags as Tags & { cluster?: true; cluster_id?: number };
      const m = t.m < 0 ? {} : { m: t.m };
      if (!t.cluster) {
        const p = this.places[t.n]!;
        return { ...f, id: t.n, tags: { g: generation, n: t.n, icon: p.icon, rank: -t.key, ...m } };
      }
      const slots = ringSlots(t.k);
      return { ...f, id: t.cluster_id!, tags: { g: generation, cl: 1, n: t.n, c: t.c, label: formatCount(t.c), ring: ringName(slots), size: ringScale(t.c), ...m } };
    });
    return fromGeojsonVt({ [TILE_LAYER]: { ...(tile ?? { x, y, z, transformed: true, source: null }), features } as never }, { version: 2, extent: EXTENT });
  }
}
