import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import { ALL_FILTERS, eventsByPlace, neighbours, passesFilters, positionOf, visibleSummary } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { dataset, event, place } from '../fixtures/datasets';

function data(): Dataset {
  const days = Array.from({ length: 30 }, (_, i) => i + 1);
  const result = validateValue(
    dataset({
      places: [place({ id: 'kyiv' }), place({ id: 'lviv', name: 'Lviv', lat: 49.8425, lon: 24.0322 })],
      events: [
        ...days.map((d) => event({ id: `kyiv-${d}`, start: `2025-08-${String(d).padStart(2, '0')}` })),
        event({ id: 'lviv-1', place: 'lviv', start: '2025-08-05' }),
        event({ id: 'call', kind: 'call', status: 'held', place: undefined, geoPrecision: 'none', start: '2025-08-06' }),
      ],
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

const ids = (events: readonly { id: string }[]) => events.map((e) => e.id);

describe('positionOf', () => {
  const d = data();
  const aug = visibleSummary(d, [Date.UTC(2025, 7, 4), Date.UTC(2025, 7, 10)], ALL_FILTERS).events;

  it('finds an event in a list in time order, as the linear search did', () => {
    for (const e of d.events) expect(positionOf(aug, e)).toBe(aug.indexOf(e));
    expect(positionOf(d.events, d.eventById.get('call')!)).toBe(d.events.findIndex((e) => e.id === 'call'));
  });
});

describe('eventsByPlace', () => {
  it('lists each place’s events in time order and leaves out events without a place', () => {
    const d = data();
    const index = eventsByPlace(d);
    expect(ids(index.get('lviv')!)).toEqual(['lviv-1']);
    expect(index.get('kyiv')!).toHaveLength(30);
    expect(ids(index.get('kyiv')!)).toEqual(Array.from({ length: 30 }, (_, i) => `kyiv-${i + 1}`));
    expect(eventsByPlace(d)).toBe(index);
  });
});

describe('neighbours', () => {
  const d = data();
  const kyiv = eventsByPlace(d).get('kyiv')!;
  const at = (id: string) => d.eventById.get(id)!;

  it('lists every other event when there are few', () => {
    expect(neighbours(eventsByPlace(d).get('lviv')!, at('lviv-1'), 10)).toEqual({ events: [], more: 0 });
    expect(neighbours(kyiv.slice(0, 4), at('kyiv-2'), 10)).toEqual({ events: kyiv.filter((e) => ['kyiv-1', 'kyiv-3', 'kyiv-4'].includes(e.id)), more: 0 });
  });

  it('keeps the nearest in time, half before and half after, and counts the rest', () => {
    const { events, more } = neighbours(kyiv, at('kyiv-15'), 10);
    expect(ids(events)).toEqual(['kyiv-10', 'kyiv-11', 'kyiv-12', 'kyiv-13', 'kyiv-14', 'kyiv-16', 'kyiv-17', 'kyiv-18', 'kyiv-19', 'kyiv-20']);
    expect(more).toBe(19);
  });

  it('takes more from one side at either end of the list', () => {
    expect(ids(neighbours(kyiv, at('kyiv-1'), 10).events)).toEqual(Array.from({ length: 10 }, (_, i) => `kyiv-${i + 2}`));
    expect(ids(neighbours(kyiv, at('kyiv-30'), 10).events)).toEqual(Array.from({ length: 10 }, (_, i) => `kyiv-${i + 20}`));
  });
});

describe('visibleSummary', () => {
  // Events that start before the window but reach into it, events without a place, and filters:
  // the quick path for "nothing filtered" must list and count exactly what a plain scan does.
  function spans(): Dataset {
    const events = Array.from({ length: 120 }, (_, i) => {
      const day = 1 + ((i * 7) % 28);
      const long = i % 11 === 0;
      return event({
        id: `e${i}`,
        kind: i % 3 === 0 ? 'call' : 'meeting',
        place: i % 5 === 0 ? undefined : 'kyiv',
        geoPrecision: i % 5 === 0 ? 'none' : undefined,
        start: `2025-07-${String(day).padStart(2, '0')}`,
        end: long ? `2025-08-${String(1 + (i % 27)).padStart(2, '0')}` : undefined,
      });
    });
    const result = validateValue(dataset({ places: [place({ id: 'kyiv' })], events }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.dataset;
  }

  it('lists the events overlapping the window in time order and counts those without a place', () => {
    const d = spans();
    const windows: [number, number][] = [];
    for (let a = Date.UTC(2025, 5, 28); a < Date.UTC(2025, 7, 5); a += 2.5 * 86_400_000) windows.push([a, a + 6 * 86_400_000], [a, a + 3_600_000]);
    windows.push(d.extent as [number, number]);
    for (const filters of [ALL_FILTERS, { hiddenKinds: ['call'], hiddenStatuses: [] }]) {
      for (const w of windows) {
        const expected = d.events.filter((e) => e.startMs <= w[1] && e.endMs >= w[0] && passesFilters(e, filters));
        const got = visibleSummary(d, w, filters);
        expect(ids(got.events)).toEqual(ids(expected));
        expect(got.unplaced).toBe(expected.filter((e) => !e.place).length);
      }
    }
    expect(visibleSummary(d, d.extent, ALL_FILTERS).unplaced).toBeGreaterThan(0);
    expect(d.events.some((e) => e.endMs - e.startMs > 10 * 86_400_000)).toBe(true);
  });
});
