import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/ui/marks';
import { mapStyle } from '../../src/map/style';

describe('mapStyle', () => {
  const style = mapStyle({
    basemap: { countries: { type: 'FeatureCollection', features: [] }, borders: { type: 'MultiLineString', coordinates: [] } },
    places: 'chronomap://places/0/{z}/{x}/{y}',
    palette: PALETTES.dark,
  });

  it('asks no other host for anything: no glyphs, no sprite, inline data and tiles of its own protocol', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      const s = source as { data?: unknown; tiles?: string[] };
      if (s.tiles) expect(s.tiles.every((t) => t.startsWith('chronomap://'))).toBe(true);
      else expect(typeof s.data).toBe('object');
    }
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('draws search halos under clusters, and clusters under places', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('match-halos')).toBeLessThan(ids.indexOf('clusters'));
    expect(ids.indexOf('clusters')).toBeLessThan(ids.indexOf('places'));
    expect(ids.at(-1)).toBe('places');
  });

  it('draws land and borders from one source, so they arrive as one set of tiles', () => {
    expect(Object.keys(style.sources).sort()).toEqual(['basemap', 'places']);
    const filterOf = (id: string) => (style.layers.find((l) => l.id === id) as { filter?: unknown }).filter;
    expect(filterOf('land')).toEqual(['!', ['has', 'border']]);
    expect(filterOf('borders')).toEqual(['has', 'border']);
  });

  it('puts the most important mark on top where places overlap', () => {
    const places = style.layers.find((l) => l.id === 'places') as { layout: Record<string, unknown> };
    expect(places.layout['symbol-sort-key']).toEqual(['get', 'rank']);
  });

  it('takes its colours from the theme’s palette', () => {
    const water = style.layers.find((l) => l.id === 'water') as { paint: Record<string, unknown> };
    expect(water.paint['background-color']).toBe(PALETTES.dark.water);
  });
});
