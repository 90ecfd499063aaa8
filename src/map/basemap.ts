/**
 * The basemap shipped with the project: Natural Earth countries at 1:110m and 1:50m
 * (world-atlas), decoded with topojson-client. Nothing is fetched from another host.
 *
 * Crimea: Natural Earth's default countries follow the line of control, so world-atlas puts
 * Crimea inside Russia's polygon (checked in tests/unit/map-basemap.test.ts). This is a Ukraine
 * story and the map follows the internationally recognised border (UN GA resolution 68/262):
 * the Crimean polygon is moved from Russia's geometry to Ukraine's in the topology, before the
 * border mesh is derived, so the arc between Crimea and the mainland becomes internal to
 * Ukraine and is not drawn as a border.
 *
 * Antimeridian: d3-geo works on the sphere and needs the rings as they are. MapLibre is planar
 * and would draw a ring that jumps from 180 to -180 (Chukotka, Fiji) as a band across the world,
 * so `planarBasemap` unwraps the longitudes first.
 */
import { geoContains } from 'd3';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

export interface Basemap {
  /** One feature per country; fill them all with the land colour. */
  countries: FeatureCollection<Polygon | MultiPolygon>;
  /** Land borders between countries (coasts excluded), as one mesh. */
  borders: MultiLineString;
}

/** ISO 3166 numeric codes, as world-atlas uses them for feature ids. */
const RUSSIA = '643';
const UKRAINE = '804';
/** Simferopol: whichever polygon holds it is Crimea. */
const CRIMEA_PROBE: [number, number] = [34.1, 44.95];

type Arcs = number[][];
type CountryGeometry = GeometryObject<{ name?: string }> & { id?: string | number };

function polygonsOf(g: CountryGeometry): Arcs[] {
  if (g.type === 'Polygon') return [g.arcs];
  if (g.type === 'MultiPolygon') return g.arcs;
  return [];
}

/**
 * A copy of the topology's `countries` collection with Crimea in Ukraine. `moved` says whether
 * anything had to change (a future Natural Earth release may already draw it so).
 */
export function withCrimeaInUkraine(topology: Topology): { countries: GeometryCollection; moved: boolean } {
  const countries = topology.objects.countries as GeometryCollection<{ name?: string }>;
  const russia = countries.geometries.find((g) => String(g.id) === RUSSIA) as CountryGeometry | undefined;
  const ukraine = countries.geometries.find((g) => String(g.id) === UKRAINE) as CountryGeometry | undefined;
  if (!russia || !ukraine) return { countries, moved: false };
  const russian = polygonsOf(russia);
  const at = russian.findIndex((arcs) => geoContains(feature(topology, { type: 'Polygon', arcs }), CRIMEA_PROBE));
  if (at < 0) return { countries, moved: false };
  const crimea = russian[at]!;
  const rest = russian.filter((_, i) => i !== at);
  const geometries = countries.geometries.map((g): GeometryObject => {
    if (g === russia) return { ...russia, type: 'MultiPolygon', arcs: rest } as GeometryObject;
    if (g === ukraine) return { ...ukraine, type: 'MultiPolygon', arcs: [...polygonsOf(ukraine), crimea] } as GeometryObject;
    return g;
  });
  return { countries: { ...countries, geometries }, moved: true };
}

/** Countries and borders on the sphere, with Crimea in Ukraine; ready for d3-geo. */
export function buildBasemap(topology: Topology): Basemap {
  const { countries } = withCrimeaInUkraine(topology);
  return {
    countries: feature(topology, countries) as FeatureCollection<Polygon | MultiPolygon>,
    borders: mesh(topology, countries, (a, b) => a !== b),
  };
}

/** Web Mercator stops here; rings entirely beyond it (a cap round the pole) draw nothing. */
const MERCATOR_LIMIT = 85.0511;

/**
 * A ring or line with continuous longitudes: every step of more than 180° is taken the short
 * way round, so a ring crossing ±180 continues past it instead of jumping back. The result is
 * then moved by whole turns so that its middle lies in [-180, 180].
 */
export function unwrapLongitudes(points: readonly Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  let previous: number | undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const [lon, lat] of points) {
    if (previous !== undefined) {
      const step = lon! + shift - previous;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    const x = lon! + shift;
    out.push([x, lat!]);
    previous = x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return shiftBy(out, -360 * Math.round((min + max) / 2 / 360));
}

function shiftBy(points: Position[], dx: number): Position[] {
  return dx === 0 ? points : points.map(([x, y]) => [x! + dx, y!]);
}

/**
 * Rings of one polygon made planar. A ring that goes once round a pole (Antarctica's coast)
 * ends 360° from where it starts; it is closed along the pole. A ring lying wholly beyond
 * Mercator's limit is dropped; if that was the exterior, the rings it held become polygons
 * of their own.
 */
export function planarPolygon(rings: readonly Position[][]): Position[][][] {
  const out: Position[][] = [];
  let dropped = false;
  rings.forEach((ring, i) => {
    if (ring.every(([, lat]) => Math.abs(lat!) >= MERCATOR_LIMIT)) {
      if (i === 0) dropped = true;
      return;
    }
    let r = unwrapLongitudes(ring);
    const first = r[0]!;
    const last = r[r.length - 1]!;
    if (Math.abs(last[0]! - first[0]!) > 180) {
      const pole = r.reduce((sum, [, lat]) => sum + lat!, 0) < 0 ? -90 : 90;
      r = [...r, [last[0]!, pole], [first[0]!, pole], first];
    }
    const exterior = out[0];
    if (i > 0 && exterior && !dropped) r = alignWith(r, exterior);
    out.push(r);
  });
  return dropped ? out.map((r) => [r]) : out.length ? [out] : [];
}

/** A hole moved by whole turns to sit in the same copy of the world as its exterior. */
function alignWith(hole: Position[], exterior: Position[]): Position[] {
  const centre = (ring: Position[]) => ring.reduce((s, [x]) => s + x!, 0) / ring.length;
  return shiftBy(hole, -360 * Math.round((centre(hole) - centre(exterior)) / 360));
}

/** The basemap with every ring and line unwrapped, for MapLibre. */
export function planarBasemap(basemap: Basemap): Basemap {
  const features = basemap.countries.features.map((f): Feature<Polygon | MultiPolygon> => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return { ...f, geometry: { type: 'MultiPolygon', coordinates: polygons.flatMap(planarPolygon) } };
  });
  return {
    countries: { type: 'FeatureCollection', features },
    borders: { type: 'MultiLineString', coordinates: basemap.borders.coordinates.map(unwrapLongitudes) },
  };
}

/**
 * `coarse` is Natural Earth 1:110m (39 kB gzip), enough for the world and continent views a map
 * of this story opens on; `fine` is 1:50m (229 kB gzip, and about 100 ms to decode and 100 ms to
 * tile on a slow machine), needed once the map is zoomed in to a country. Each is its own chunk.
 */
export type BasemapDetail = 'coarse' | 'fine';

const ATLASES: Record<BasemapDetail, () => Promise<{ default: unknown }>> = {
  coarse: () => import('world-atlas/countries-110m.json'),
  fine: () => import('world-atlas/countries-50m.json'),
};

const loading = new Map<BasemapDetail, Promise<Basemap>>();

/** The basemap at that detail, decoded once. */
export function loadBasemap(detail: BasemapDetail): Promise<Basemap> {
  let basemap = loading.get(detail);
  if (!basemap) {
    basemap = ATLASES[detail]().then((m) => buildBasemap(m.default as Topology));
    // A failed download (a flaky connection) may succeed on the next try.
    basemap.catch(() => loading.delete(detail));
    loading.set(detail, basemap);
  }
  return basemap;
}
