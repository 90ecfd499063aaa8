import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { validateValue } from '../../src/model/validate';
import { ALL_FILTERS } from '../../src/model/select';
import { summarizePlaces, tallyPlaces } from '../../src/map/features';
import { PlaceIndex, TILE_LAYER } from '../../src/map/place-index';
import { PlaceTiles } from '../../src/map/tile-protocol';
import type { MapLibre } from '../../src/map/maplibre';
import { crowdedPlacesDataset } from '../../scripts/synthetic';

type Handler = (params: { url: string }) => Promise<{ data: ArrayBuffer }>;

/**
 * A MapLibre stand-in that keeps the protocol handler, as MapLibre's worker would call it. The
 * protocol is registered once per page, so every test shares it.
 */
let handler: Handler | null = null;
const lib = { addProtocol: (_name: string, h: Handler) => (handler = h) } as unknown as MapLibre;
const fetch = async (url: string): Promise<ArrayBuffer> => (await handler!({ url })).data;

function indexOf(events: number, seed: number): PlaceIndex {
  const result = validateValue(crowdedPlacesDataset(events, 200, seed));
  if (!result.ok) throw new Error('synthetic dataset invalid');
  const d = result.dataset;
  return new PlaceIndex(d, summarizePlaces(d, tallyPlaces(d, d.extent, ALL_FILTERS), null));
}

const generationsIn = (bytes: ArrayBuffer): Set<number> => {
  const layer = new VectorTile(new PbfReader(new Uint8Array(bytes))).layers[TILE_LAYER]!;
  return new Set(Array.from({ length: layer.length }, (_, i) => Number(layer.feature(i).properties.g)));
};

describe('place tiles through the chronomap protocol', () => {
  it('serves the newest index at one URL, and still knows the index of tiles cut before it', async () => {
    const tiles = new PlaceTiles(lib);
    const first = indexOf(500, 1);
    const second = indexOf(800, 2);
    tiles.publish(first, String);
    const url = tiles.url.replace('{z}/{x}/{y}', '0/0/0');
    expect(generationsIn(await fetch(url))).toEqual(new Set([1]));
    tiles.publish(second, String);
    // The same URL now brings the new index: MapLibre need not learn a new template.
    expect(tiles.url.replace('{z}/{x}/{y}', '0/0/0')).toBe(url);
    expect(generationsIn(await fetch(url))).toEqual(new Set([2]));
    // Tiles of the first generation may still be on screen until their refresh arrives.
    expect(tiles.indexOf(1)).toBe(first);
    expect(tiles.indexOf(2)).toBe(second);
    expect(tiles.current).toBe(second);
    tiles.publish(first, String);
    expect(tiles.indexOf(1)).toBeNull();
    tiles.release();
  });

  it('keeps each map its own index, and answers a malformed or released URL with an empty tile', async () => {
    const a = new PlaceTiles(lib);
    const b = new PlaceTiles(lib);
    a.publish(indexOf(300, 3), String);
    b.publish(indexOf(300, 4), String);
    expect(a.url).not.toBe(b.url);
    expect((await fetch(a.url.replace('{z}/{x}/{y}', '0/0/0'))).byteLength).toBeGreaterThan(0);
    expect((await fetch('chronomap://places/x/0/0/0')).byteLength).toBe(0);
    b.release();
    expect((await fetch(b.url.replace('{z}/{x}/{y}', '0/0/0'))).byteLength).toBe(0);
    expect((await fetch(a.url.replace('{z}/{x}/{y}', '0/0/0'))).byteLength).toBeGreaterThan(0);
    a.release();
  });
});
