import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/model/schema';
import { ALL_FILTERS } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { eventFeatures, labelFeatures, nextPick, placeLabel, pointCount, tallyPlaces } from '../../src/map/features';
import { dataset, event, place } from '../fixtures/datasets';

function data(): Dataset {
  const result = validateValue(
    dataset({
      languages: ['en', 'uk'],
      places: [
        place({ id: 'kyiv', name: 'Kyiv', translations: { uk: { name: 'Київ' } } }),
        place({ id: 'kharkiv', name: 'Kharkiv', lat: 49.9925, lon: 36.2311 }),
        place({ id: 'lviv', name: 'Lviv', lat: 49.8425, lon: 24.0322 }),
      ],
      events: [
        event({ id: 'late', place: 'kharkiv', start: '2025-08-20' }),
        event({ id: 'early', place: 'kharkiv', start: '2025-08-18' }),
        event({ id: 'call', kind: 'call', status: 'held', place: undefined, geoPrecision: 'none', start: '2025-08-19' }),
        event({ id: 'night', place: 'kyiv', start: '2025-08-19', sites: [{ name: 'Kyiv', place: 'kyiv' }, { name: 'Lviv', place: 'lviv' }, { name: 'A village' }] }),
        event({ id: 'talks', kind: 'proposal', status: 'declined', place: 'kyiv', start: '2025-08-21' }),
      ],
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

const AUG = (day: number) => Date.UTC(2025, 7, day);

describe('eventFeatures', () => {
  const d = data();
  const features = eventFeatures(d).features;

  it('draws placed events only, with the event index as feature id', () => {
    expect(features.some((f) => f.properties.id === 'call')).toBe(false);
    for (const f of features) expect(f.id).toBe(d.eventById.get(f.properties.id)!.index);
  });

  it('adds a point for each site with its own place, under the same id, and none for a site without one', () => {
    const night = features.filter((f) => f.properties.id === 'night');
    expect(night.map((f) => f.properties.place)).toEqual(['kyiv', 'lviv']);
    expect(new Set(night.map((f) => f.id)).size).toBe(1);
    expect(night[1]!.geometry.coordinates).toEqual([24.0322, 49.8425]);
  });

  it('carries what the filters and icons read', () => {
    const talks = features.find((f) => f.properties.id === 'talks')!;
    expect(talks.properties).toMatchObject({ kind: 'proposal', status: 'declined', style: 'crossed', place: 'kyiv' });
    expect(talks.properties.s).toBe(d.eventById.get('talks')!.startMs);
    expect(talks.properties.e).toBe(d.eventById.get('talks')!.endMs);
  });
});

describe('tallyPlaces', () => {
  const d = data();

  it('counts the events in the window that pass the filters, per place, in time order', () => {
    const tally = tallyPlaces(d, [AUG(17), AUG(22)], ALL_FILTERS);
    expect(tally.get('kharkiv')!.map((e) => e.id)).toEqual(['early', 'late']);
    expect(tally.get('kyiv')!.map((e) => e.id)).toEqual(['night', 'talks']);
    expect(tally.get('lviv')!.map((e) => e.id)).toEqual(['night']);
    expect(pointCount(tally)).toBe(5);
  });

  it('leaves out events outside the window', () => {
    const tally = tallyPlaces(d, [AUG(18), AUG(18) + 12 * 3_600_000], ALL_FILTERS);
    expect([...tally.keys()]).toEqual(['kharkiv']);
    expect(tally.get('kharkiv')!.map((e) => e.id)).toEqual(['early']);
  });

  it('leaves out events the filters hide, and places left empty', () => {
    const tally = tallyPlaces(d, [AUG(17), AUG(22)], { kinds: ['proposal'], statuses: EVENT_STATUSES });
    expect([...tally.keys()]).toEqual(['kyiv']);
    const reported = tallyPlaces(d, [AUG(17), AUG(22)], { kinds: EVENT_KINDS, statuses: ['declined'] });
    expect(reported.get('kyiv')!.map((e) => e.id)).toEqual(['talks']);
  });
});

describe('labelFeatures', () => {
  it('names each place in the reader’s language, with the count when more than one', () => {
    const d = data();
    const labels = labelFeatures(d, tallyPlaces(d, [AUG(17), AUG(22)], ALL_FILTERS), 'uk', String).features;
    const byPlace = Object.fromEntries(labels.map((f) => [f.properties.place, f.properties.label]));
    expect(byPlace).toEqual({ kharkiv: 'Kharkiv · 2', kyiv: 'Київ · 2', lviv: 'Lviv' });
  });

  it('formats big counts as the interface does', () => {
    expect(placeLabel('Kyiv', 12345, (n) => new Intl.NumberFormat('en-GB').format(n))).toBe('Kyiv · 12,345');
  });
});

describe('nextPick', () => {
  const d = data();
  const at = (...ids: string[]) => ids.map((id) => d.eventById.get(id)!);

  it('picks the earliest when the selection is not among the events', () => {
    expect(nextPick(at('early', 'late'), null)?.id).toBe('early');
    expect(nextPick(at('early', 'late'), 'talks')?.id).toBe('early');
  });

  it('moves to the next event in time order, and wraps round', () => {
    expect(nextPick(at('early', 'late'), 'early')?.id).toBe('late');
    expect(nextPick(at('early', 'late'), 'late')?.id).toBe('early');
  });

  it('picks nothing from an empty spot', () => {
    expect(nextPick([], 'early')).toBeUndefined();
  });
});
