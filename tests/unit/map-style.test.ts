import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../src/model/dataset';
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/model/schema';
import { ALL_FILTERS, overlaps, passesFilters, type Filters, type TimeWindow } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { PALETTES } from '../../src/ui/marks';
import { eventFeatures, type EventFeature } from '../../src/map/features';
import { EVENT_FILTER, ICONS_PER_LAYER, VIEW, iconLayerCount, iconLayerFilter, mapStyle, viewState, type ViewState } from '../../src/map/style';
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

/** Enough of MapLibre's expression language to run the filters this project builds. */
function evaluate(expr: unknown, f: EventFeature, state: Record<string, unknown>): unknown {
  if (!Array.isArray(expr)) return expr;
  const [op, ...args] = expr as [string, ...unknown[]];
  const arg = (i: number) => evaluate(args[i], f, state);
  switch (op) {
    case 'all':
      return args.every((_, i) => arg(i) === true);
    case 'get':
      return args.length === 2 ? (arg(1) as Record<string, unknown>)[args[0] as string] : (f.properties as unknown as Record<string, unknown>)[args[0] as string];
    case 'global-state':
      return state[args[0] as string];
    case 'id':
      return f.id;
    case 'to-number':
      return Number(arg(0));
    case '%':
      return (arg(0) as number) % (arg(1) as number);
    case '==':
      return arg(0) === arg(1);
    case '<=':
      return (arg(0) as number) <= (arg(1) as number);
    case '>=':
      return (arg(0) as number) >= (arg(1) as number);
    case 'in':
      return (arg(1) as unknown[]).includes(arg(0));
    default:
      throw new Error(`operator ${op} is not known to the test evaluator`);
  }
}

describe('EVENT_FILTER', () => {
  const d = data();
  const features = eventFeatures(d).features as EventFeature[];
  const shown = (view: ViewState, filter = EVENT_FILTER as unknown) =>
    new Set(features.filter((f) => evaluate(filter, f, { [VIEW]: view })).map((f) => f.properties.id));
  const expected = (w: TimeWindow, f: Filters) => new Set(d.events.filter((e) => overlaps(e, w) && passesFilters(e, f)).map((e) => e.id));

  it('shows an event that started before the window and ends inside it', () => {
    expect(shown(viewState([AUG(18) + 20 * 3_600_000, AUG(18) + 22 * 3_600_000], ALL_FILTERS))).toEqual(new Set(['a', 'b', 'c']));
    expect(shown(viewState([AUG(21), AUG(21) + 1], ALL_FILTERS))).toEqual(new Set(['d', 'e']));
  });

  it('hides the kinds and statuses the filters leave out', () => {
    const all: TimeWindow = [AUG(1), AUG(31)];
    expect(shown(viewState(all, { kinds: ['attack'], statuses: EVENT_STATUSES }))).toEqual(new Set(['a', 'b', 'f']));
    expect(shown(viewState(all, { kinds: EVENT_KINDS, statuses: ['proposed', 'cancelled'] }))).toEqual(new Set(['d', 'f']));
  });

  it('agrees with the model’s selectors for any window and filters', () => {
    const window = fc
      .tuple(fc.integer({ min: AUG(15), max: AUG(25) }), fc.integer({ min: 0, max: 4 * 86_400_000 }))
      .map(([from, length]): TimeWindow => [from, from + length]);
    fc.assert(
      fc.property(window, fc.subarray([...EVENT_KINDS]), fc.subarray([...EVENT_STATUSES]), (w, kinds, statuses) => {
        const f = { kinds, statuses };
        expect(shown(viewState(w, f))).toEqual(expected(w, f));
      }),
    );
  });

  it('deals the events round the icon layers, each to exactly one', () => {
    const view = viewState([AUG(1), AUG(31)], ALL_FILTERS);
    const layers = [0, 1, 2].map((i) => shown(view, iconLayerFilter(i, 3)));
    expect(layers.reduce((n, s) => n + s.size, 0)).toBe(6);
    expect(new Set(layers.flatMap((s) => [...s]))).toEqual(shown(view));
  });
});

describe('iconLayerCount', () => {
  it('keeps every icon layer under MapLibre’s 32,767 icons per tile', () => {
    expect(iconLayerCount(0)).toBe(1);
    expect(iconLayerCount(ICONS_PER_LAYER)).toBe(1);
    expect(iconLayerCount(100_000)).toBe(4);
    expect(ICONS_PER_LAYER).toBeLessThan(32_768);
  });
});

describe('mapStyle', () => {
  const d = data();
  const style = mapStyle({
    basemap: { countries: { type: 'FeatureCollection', features: [] }, borders: { type: 'MultiLineString', coordinates: [] } },
    events: eventFeatures(d),
    labels: { type: 'FeatureCollection', features: [] },
    view: viewState([AUG(1), AUG(31)], ALL_FILTERS),
    palette: PALETTES.dark,
  });

  it('asks no other host for anything: no glyphs, no sprite, only inline sources', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(typeof (source as { data?: unknown }).data).toBe('object');
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('draws the rings under the labels and the labels under the event icons', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('event-rings')).toBeLessThan(ids.indexOf('place-labels'));
    expect(ids.indexOf('place-labels')).toBeLessThan(ids.indexOf('events-0'));
  });

  it('takes its colours from the theme’s palette', () => {
    const water = style.layers.find((l) => l.id === 'water') as { paint: Record<string, unknown> };
    expect(water.paint['background-color']).toBe(PALETTES.dark.water);
  });
});
