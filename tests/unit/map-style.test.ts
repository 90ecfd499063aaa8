import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import { ALL_FILTERS } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { PALETTES } from '../../src/ui/marks';
import { markerFeatures, placeMarkers, tallyPlaces } from '../../src/map/features';
import { ICONS_PER_LAYER, iconLayerCount, iconLayerFilter, mapStyle } from '../../src/map/style';
import { dataset, event, place } from '../fixtures/datasets';

const AUG = (day: number) => Date.UTC(2025, 7, day);

function data(): Dataset {
  const result = validateValue(
    dataset({
      places: [place({ id: 'kyiv' }), place({ id: 'lviv', name: 'Lviv', lat: 49.8425, lon: 24.0322 })],
      events: [
        event({ id: 'a', start: '2025-08-18' }),
        event({ id: 'b', start: '2025-08-18T22:30+03:00', end: '2025-08-19T04:00+03:00', precision: 'exact', place: 'lviv' }),
        event({ id: 'c', kind: 'meeting', status: 'held', start: '2025-08-19' }),
        event({ id: 'd', kind: 'proposal', status: 'proposed', start: '2025-08-20', end: '2025-08-22' }),
        event({ id: 'e', kind: 'statement', status: 'unverified', start: '2025-08-21' }),
        event({ id: 'f', kind: 'attack', status: 'cancelled', start: '2025-08-23', place: 'lviv' }),
      ],
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

const markers = (d: Dataset) => markerFeatures(d, placeMarkers(tallyPlaces(d, [AUG(1), AUG(31)], ALL_FILTERS)));

describe('icon layers', () => {
  it('keeps every icon layer under MapLibre’s 32,767 icons per tile', () => {
    expect(iconLayerCount(0)).toBe(1);
    expect(iconLayerCount(ICONS_PER_LAYER)).toBe(1);
    expect(iconLayerCount(100_000)).toBe(4);
    expect(ICONS_PER_LAYER).toBeLessThan(32_768);
  });

  it('deals the markers round the layers by their index, each to exactly one', () => {
    const features = markers(data()).features;
    expect(iconLayerFilter(0, 1)).toBeNull();
    // The filter is ['==', ['%', ['get', 'n'], count], i]; checked by its meaning.
    const dealt = [0, 1, 2].map((i) => {
      const [op, [mod, [get, name], count], layer] = iconLayerFilter(i, 3) as unknown as [string, [string, [string, string], number], number];
      expect([op, mod, get, name]).toEqual(['==', '%', 'get', 'n']);
      return features.filter((f) => f.properties.n % count === layer).map((f) => f.properties.key);
    });
    expect(dealt.flat().sort()).toEqual(features.map((f) => f.properties.key).sort());
    expect(dealt.every((keys) => keys.length > 0)).toBe(true);
  });
});

describe('mapStyle', () => {
  const d = data();
  const style = mapStyle({
    basemap: { countries: { type: 'FeatureCollection', features: [] }, borders: { type: 'MultiLineString', coordinates: [] } },
    markers: markers(d),
    labels: { type: 'FeatureCollection', features: [] },
    palette: PALETTES.dark,
  });

  it('asks no other host for anything: no glyphs, no sprite, only inline sources', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(typeof (source as { data?: unknown }).data).toBe('object');
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('draws the labels under the event icons, and the selection rings over both', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('place-labels')).toBeLessThan(ids.indexOf('events-0'));
    expect(ids.indexOf('events-0')).toBeLessThan(ids.indexOf('event-rings'));
    expect(ids.at(-1)).toBe('event-rings');
  });

  it('draws land and borders from one source, so they arrive as one set of tiles', () => {
    expect(Object.keys(style.sources).sort()).toEqual(['basemap', 'events', 'labels']);
    const filterOf = (id: string) => (style.layers.find((l) => l.id === id) as { filter?: unknown }).filter;
    expect(filterOf('land')).toEqual(['!', ['has', 'border']]);
    expect(filterOf('borders')).toEqual(['has', 'border']);
  });

  it('takes its colours from the theme’s palette', () => {
    const water = style.layers.find((l) => l.id === 'water') as { paint: Record<string, unknown> };
    expect(water.paint['background-color']).toBe(PALETTES.dark.water);
  });
});
