import { describe, expect, it } from 'vitest';
// MapLibre's own tile reader (a dependency of maplibre-gl), to read the tiles as the map does.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Dataset } from '../../src/model/dataset';
import { validateValue } from '../../src/model/validate';
import { ALL_FILTERS } from '../../src/model/select';
import { summarizePlaces, tallyPlaces } from '../../src/map/features';
import { boundsContain } from '../../src/map/fit';
import { ringArcs, ringName, ringSlots, slotsOfRingName } from '../../src/map/icons';
import { CLUSTER_MAX_ZOOM, MAP_MAX_ZOOM, PlaceIndex, TILE_LAYER, type MapItem } from '../../src/map/place-index';
import { crowdedPlacesDataset } from '../../scripts/synthetic';

const WORLD = [-180, -85, 180, 85] as const;

function build(matches: ReadonlySet<string> | null = null): { d: Dataset; index: PlaceIndex } {
  const result = validateValue(crowdedPlacesDataset(3000, 800, 5));
  if (!result.ok) throw new Error('synthetic dataset invalid');
  const d = result.dataset;
  return { d, index: new PlaceIndex(d, summarizePlaces(d, tallyPlaces(d, d.extent, ALL_FILTERS), matches)) };
}

const placesIn = (items: MapItem[]) => items.reduce((s, i) => s + (i.type === 'place' ? 1 : i.places), 0);
const eventsIn = (items: MapItem[]) => items.reduce((s, i) => s + i.events, 0);

describe('PlaceIndex', () => {
  const { d, index } = build();

  it('holds every place and event at every zoom, in clusters far out and alone at the deepest zoom', () => {
    const total = index.places.reduce((s, p) => s + p.events.length, 0);
    expect(total).toBe(d.events.length);
    for (const zoom of [0, 3, 6, 9, CLUSTER_MAX_ZOOM, MAP_MAX_ZOOM]) {
      const items = index.items(WORLD, zoom);
      expect(placesIn(items)).toBe(index.places.length);
      expect(eventsIn(items)).toBe(total);
    }
    expect(index.items(WORLD, 3).length).toBeLessThan(index.places.length / 5);
    expect(index.items(WORLD, MAP_MAX_ZOOM).every((i) => i.type === 'place')).toBe(true);
  });

  it('counts what the whole world holds at a zoom without listing it', () => {
    for (const zoom of [0, 2, 4.7, 8, MAP_MAX_ZOOM]) expect(index.count(zoom)).toBe(index.items(WORLD, zoom).length);
  });

  it('knows what a cluster holds: its places, their box, kinds, busiest place and most important event', () => {
    const cluster = index.items(WORLD, 4).find((i): i is MapItem & { type: 'cluster' } => i.type === 'cluster' && i.places > 5)!;
    const places = index.leaves(cluster.id);
    expect(places).toHaveLength(cluster.places);
    expect(places.reduce((s, p) => s + p.events.length, 0)).toBe(cluster.events);
    for (const p of places) expect(boundsContain(cluster.bounds, [p.place.lon, p.place.lat])).toBe(true);
    expect(cluster.busiest.events.length).toBe(Math.max(...places.map((p) => p.events.length)));
    expect(cluster.top.topKey).toBe(Math.min(...places.map((p) => p.topKey)));
    const kinds = d.kinds.map((k) => places.reduce((s, p) => s + p.events.filter((e) => e.kind === k.id).length, 0));
    expect(cluster.kinds).toEqual(kinds);
    expect(index.expansionZoom(cluster.id)).toBeGreaterThan(4);
    expect(PlaceIndex.eventsOf(places)).toHaveLength(new Set(places.flatMap((p) => p.events.map((e) => e.id))).size);
  });

  it('cuts vector tiles with a mark per place and a ring per cluster, ids as the index knows them', () => {
    const [item] = index.items(WORLD, 5).filter((i) => i.type === 'cluster');
    const z = 5;
    const x = Math.floor(((item!.lon + 180) / 360) * 2 ** z);
    const y = Math.floor(((1 - Math.log(Math.tan(Math.PI / 4 + (item!.lat * Math.PI) / 360)) / Math.PI) / 2) * 2 ** z);
    const layer = new VectorTile(new PbfReader(index.tile(z, x, y, 7, String))).layers[TILE_LAYER]!;
    expect(layer.length).toBeGreaterThan(0);
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    const clusters = features.filter((f) => f.properties.cl);
    expect(clusters.map((f) => f.id)).toContain(item!.id);
    for (const f of clusters) {
      expect(slotsOfRingName(String(f.properties.ring))!.reduce((s, n) => s + n, 0)).toBe(12);
      expect(f.properties.label).toBe(String(f.properties.c));
      expect(f.properties.g).toBe(7);
    }
    for (const f of features.filter((f) => !f.properties.cl)) {
      const place = index.places[Number(f.id)]!;
      expect(f.properties.icon).toBe(place.icon);
      expect(f.properties.rank).toBe(-place.topKey);
    }
    expect(features.every((f) => f.properties.m === undefined)).toBe(true);
  });

  it('counts search matches in places and clusters', () => {
    const matched = new Set(d.events.filter((_, i) => i % 10 === 0).map((e) => e.id));
    const { index: searched } = build(matched);
    const items = searched.items(WORLD, 4);
    expect(items.reduce((s, i) => s + (i.matches ?? 0), 0)).toBe(searched.places.reduce((s, p) => s + p.events.filter((e) => matched.has(e.id)).length, 0));
  });
});

describe('ringSlots', () => {
  it('splits twelve slots by share, keeping a slot for every kind present', () => {
    expect(ringSlots([100, 0, 0])).toEqual([12, 0, 0]);
    expect(ringSlots([6, 6, 0])).toEqual([6, 6, 0]);
    expect(ringSlots([1000, 1, 0])).toEqual([11, 1, 0]);
    const slots = ringSlots([5, 3, 2, 1, 1, 1]);
    expect(slots.reduce((s, n) => s + n, 0)).toBe(12);
    expect(slots.every((n) => n > 0)).toBe(true);
  });

  it('names a ring by its slots and draws its arcs round the circle once', () => {
    const slots = [3, 0, 9];
    expect(slotsOfRingName(ringName(slots))).toEqual(slots);
    const arcs = ringArcs(slots);
    expect(arcs.map(([k]) => k)).toEqual([0, 2]);
    expect(arcs[1]![2]).toBeCloseTo(2 * Math.PI);
  });
});
