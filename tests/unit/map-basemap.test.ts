import { describe, expect, it } from 'vitest';
import { geoArea, geoContains } from 'd3';
import { feature, mesh } from 'topojson-client';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-50m.json';
import { buildBasemap, loadBasemap, planarBasemap, planarPolygon, unwrapLongitudes, withCrimeaInUkraine } from '../../src/map/basemap';

const topology = atlas as unknown as Topology;
const SIMFEROPOL: [number, number] = [34.1, 44.95];
const SEVASTOPOL: [number, number] = [33.52, 44.6];
const KERCH: [number, number] = [36.47, 45.35];
const KYIV: [number, number] = [30.52, 50.45];
const MOSCOW: [number, number] = [37.62, 55.75];

type Country = Feature<Polygon | MultiPolygon, { name: string }>;
const country = (features: Country[], name: string) => features.find((f) => f.properties.name === name)!;

/** Border vertices inside Crimea's box: the peninsula has land borders only with mainland Ukraine. */
const verticesInCrimea = (borders: MultiLineString) =>
  borders.coordinates.flat().filter(([lon, lat]) => lon! > 32.4 && lon! < 36.7 && lat! > 44.3 && lat! < 46.3);

const largestStep = (points: Position[]) => points.slice(1).reduce((m, [x], i) => Math.max(m, Math.abs(x! - points[i]![0]!)), 0);

describe('world-atlas as shipped (the reason for the fix)', () => {
  it('puts Crimea inside Russia and draws a border across the isthmus', () => {
    const raw = feature(topology, topology.objects.countries as GeometryCollection).features as Country[];
    expect(geoContains(country(raw, 'Russia'), SIMFEROPOL)).toBe(true);
    expect(geoContains(country(raw, 'Ukraine'), SIMFEROPOL)).toBe(false);
    expect(verticesInCrimea(mesh(topology, topology.objects.countries as GeometryCollection, (a, b) => a !== b)).length).toBeGreaterThan(0);
  });
});

describe('buildBasemap', () => {
  const basemap = buildBasemap(topology);
  const countries = basemap.countries.features as Country[];

  it('puts Crimea in Ukraine, following the internationally recognised border', () => {
    for (const city of [SIMFEROPOL, SEVASTOPOL, KERCH]) {
      expect(geoContains(country(countries, 'Ukraine'), city)).toBe(true);
      expect(geoContains(country(countries, 'Russia'), city)).toBe(false);
    }
    expect(geoContains(country(countries, 'Ukraine'), KYIV)).toBe(true);
    expect(geoContains(country(countries, 'Russia'), MOSCOW)).toBe(true);
  });

  it('draws no border between Crimea and mainland Ukraine', () => {
    expect(verticesInCrimea(basemap.borders)).toEqual([]);
  });

  it('keeps both countries wound the way d3-geo reads them (areas of the right size)', () => {
    const km2 = (f: Country) => geoArea(f) * 6371 ** 2;
    expect(km2(country(countries, 'Ukraine'))).toBeGreaterThan(590_000);
    expect(km2(country(countries, 'Ukraine'))).toBeLessThan(620_000);
    expect(km2(country(countries, 'Russia'))).toBeGreaterThan(16_000_000);
    expect(km2(country(countries, 'Russia'))).toBeLessThan(17_500_000);
  });

  it('leaves a topology without Crimea in Russia alone', () => {
    const fixed = withCrimeaInUkraine(topology);
    expect(fixed.moved).toBe(true);
    const again = withCrimeaInUkraine({ ...topology, objects: { countries: fixed.countries } });
    expect(again.moved).toBe(false);
  });

  it('loads both shipped atlases, 1:110m and 1:50m, with the fix applied', async () => {
    for (const detail of ['coarse', 'fine'] as const) {
      const loaded = await loadBasemap(detail);
      expect(geoContains(country(loaded.countries.features as Country[], 'Ukraine'), SIMFEROPOL)).toBe(true);
      expect(geoContains(country(loaded.countries.features as Country[], 'Russia'), SIMFEROPOL)).toBe(false);
      expect(verticesInCrimea(loaded.borders)).toEqual([]);
    }
    expect((await loadBasemap('coarse')).borders.coordinates.flat().length).toBeLessThan((await loadBasemap('fine')).borders.coordinates.flat().length / 3);
  });
});

describe('unwrapLongitudes', () => {
  it('makes a ring crossing ±180 continuous', () => {
    const ring = [[179, -16], [-179, -16], [-179, -17], [179, -17], [179, -16]];
    const out = unwrapLongitudes(ring);
    expect(largestStep(out)).toBeLessThanOrEqual(2);
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(out.map(([, lat]) => lat)).toEqual(ring.map(([, lat]) => lat));
  });

  it('keeps the middle of the shape within [-180, 180]', () => {
    const out = unwrapLongitudes([[-180, 60], [179, 61], [170, 62], [-170, 62], [-180, 60]]);
    const xs = out.map(([x]) => x!);
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeGreaterThanOrEqual(-180);
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeLessThanOrEqual(180);
    expect(largestStep(out)).toBeLessThanOrEqual(20);
  });

  it('leaves a ring that does not cross alone', () => {
    const ring = [[30, 50], [31, 50], [31, 51], [30, 50]];
    expect(unwrapLongitudes(ring)).toEqual(ring);
  });
});

describe('planarPolygon', () => {
  it('closes a ring that goes round the pole along the pole', () => {
    const coast = [[-180, -70], [-90, -72], [0, -70], [90, -68], [180, -70]];
    const [polygon] = planarPolygon([coast]);
    const ring = polygon![0]!;
    expect(ring.slice(-3, -1).map(([, lat]) => lat)).toEqual([-90, -90]);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(largestStep(ring)).toBeLessThanOrEqual(360);
  });

  it('drops a cap beyond the Mercator limit and keeps what it held', () => {
    const cap = [[-180, -89.999], [0, -89.999], [180, -89.999]];
    const coast = [[-180, -70], [0, -70], [180, -70]];
    expect(planarPolygon([cap, coast])).toHaveLength(1);
  });
});

describe('planarBasemap', () => {
  const planar = planarBasemap(buildBasemap(topology));

  it('leaves no step across the antimeridian in any ring or border', () => {
    for (const f of planar.countries.features) {
      for (const polygon of (f.geometry as MultiPolygon).coordinates) {
        for (const ring of polygon) {
          const closing = Math.abs(ring[0]![0]! - ring[ring.length - 1]![0]!);
          expect(closing).toBe(0);
          // Pole closures step by up to 360° along the pole; everything else is short.
          const away = ring.slice(1).map(([x, lat], i) => (Math.abs(lat!) < 89 ? Math.abs(x! - ring[i]![0]!) : 0));
          expect(Math.max(...away)).toBeLessThan(180);
        }
      }
    }
    for (const line of planar.borders.coordinates) expect(largestStep(line)).toBeLessThan(180);
  });

  it('keeps Russia in one copy of the world, Chukotka past 180', () => {
    const russia = country(planar.countries.features as Country[], 'Russia').geometry as MultiPolygon;
    const mainland = russia.coordinates.reduce((a, b) => (b[0]!.length > a[0]!.length ? b : a));
    const xs = mainland[0]!.map(([x]) => x!);
    expect(Math.min(...xs)).toBeGreaterThan(19);
    expect(Math.max(...xs)).toBeGreaterThan(180);
  });
});
