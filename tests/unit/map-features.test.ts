import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import { ALL_FILTERS, filtersShowing } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { labelFeatures, markerFeatures, markerKeysOf, nextPick, placeLabel, placeMarkers, tallyPlaces } from '../../src/map/features';
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

describe('placeMarkers', () => {
  const d = data();
  const markers = placeMarkers(tallyPlaces(d, [AUG(17), AUG(22)], ALL_FILTERS));
  const byKey = new Map(markers.map((m) => [m.key, m]));

  it('draws the events that would be identical marks on one spot once, keeping every event', () => {
    expect(markers.map((m) => [m.place, m.kind, m.style, m.events.map((e) => e.id)])).toEqual([
      ['kyiv', 'attack', 'solid', ['night']],
      ['lviv', 'attack', 'solid', ['night']],
      ['kharkiv', 'attack', 'solid', ['early', 'late']],
      ['kyiv', 'proposal', 'crossed', ['talks']],
    ]);
  });

  it('puts the marker with the newest event on top (last)', () => {
    const latest = markers.map((m) => m.events.at(-1)!.index);
    expect(latest).toEqual([...latest].sort((a, b) => a - b));
    expect(markers.at(-1)!.events.at(-1)!.id).toBe('talks');
  });

  it('finds an event’s markers by key, one per place it is drawn at, none for an event without a place', () => {
    expect(markerKeysOf(d.eventById.get('night')!).map((k) => byKey.get(k)!.place)).toEqual(['kyiv', 'lviv']);
    expect(markerKeysOf(d.eventById.get('call')!)).toEqual([]);
    for (const m of markers) for (const e of m.events) expect(markerKeysOf(e)).toContain(m.key);
  });

  it('gives each marker a point at its place, with its key, its index and what the icons read', () => {
    const features = markerFeatures(d, markers).features;
    expect(features.map((f) => f.properties.n)).toEqual(markers.map((_, i) => i));
    const talks = features[markers.findIndex((m) => m.kind === 'proposal')]!;
    expect(talks.properties).toEqual({ key: 'kyiv|proposal|crossed', n: 3, kind: 'proposal', style: 'crossed', place: 'kyiv' });
    const lviv = features[markers.findIndex((m) => m.place === 'lviv')]!;
    expect(lviv.geometry.coordinates).toEqual([24.0322, 49.8425]);
  });
});

describe('tallyPlaces', () => {
  const d = data();

  it('counts the events in the window that pass the filters, per place, in time order', () => {
    const tally = tallyPlaces(d, [AUG(17), AUG(22)], ALL_FILTERS);
    expect(tally.get('kharkiv')!.map((e) => e.id)).toEqual(['early', 'late']);
    expect(tally.get('kyiv')!.map((e) => e.id)).toEqual(['night', 'talks']);
    expect(tally.get('lviv')!.map((e) => e.id)).toEqual(['night']);
  });

  it('leaves out events outside the window', () => {
    const tally = tallyPlaces(d, [AUG(18), AUG(18) + 12 * 3_600_000], ALL_FILTERS);
    expect([...tally.keys()]).toEqual(['kharkiv']);
    expect(tally.get('kharkiv')!.map((e) => e.id)).toEqual(['early']);
  });

  it('leaves out events the filters hide, and places left empty', () => {
    const tally = tallyPlaces(d, [AUG(17), AUG(22)], filtersShowing(d, ['proposal'], undefined));
    expect([...tally.keys()]).toEqual(['kyiv']);
    const reported = tallyPlaces(d, [AUG(17), AUG(22)], filtersShowing(d, undefined, ['declined']));
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
