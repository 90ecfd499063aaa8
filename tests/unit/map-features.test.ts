import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import { byImportance } from '../../src/model/importance';
import { ALL_FILTERS, filtersShowing } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { byImportanceKey, eventPoints, importanceKey, nextPick, placeLabel, summarizePlaces, tallyPlaces } from '../../src/map/features';
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/model/schema';
import { dataset, event, place } from '../fixtures/datasets';

function data(): Dataset {
  const result = validateValue(
    dataset({
      languages: ['en', 'uk'],
      places: [
        place({ id: 'kyiv', name: 'Kyiv', translations: { uk: { name: 'Київ' } } }),
        place({ id: 'kharkiv', name: 'Kharkiv', lat: 49.9925, lon: 36.2311 }),
        place({ id: 'lviv', name: 'Lviv', lat: 49.8425, lon: 24.0322 }),
        place({ id: 'jber', name: 'Anchorage', lat: 61.25139, lon: -149.80639 }),
      ],
      events: [
        event({ id: 'late', place: 'kharkiv', start: '2025-08-20' }),
        event({ id: 'early', place: 'kharkiv', start: '2025-08-18' }),
        event({ id: 'call', kind: 'call', status: 'held', place: undefined, geoPrecision: 'none', start: '2025-08-19' }),
        event({ id: 'night', place: 'kyiv', start: '2025-08-19', sites: [{ name: 'Kyiv', place: 'kyiv' }, { name: 'Lviv', place: 'lviv' }, { name: 'A village' }] }),
        event({ id: 'talks', kind: 'proposal', status: 'declined', place: 'kyiv', start: '2025-08-21' }),
        event({ id: 'letter', kind: 'statement', status: 'held', place: 'jber', start: '2025-08-15' }),
        event({ id: 'summit', kind: 'meeting', status: 'held', place: 'jber', start: '2025-08-15T11:00-08:00', precision: 'exact' }),
      ],
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

const AUG = (day: number) => Date.UTC(2025, 7, day);

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

describe('importanceKey', () => {
  it('orders events exactly as compareImportance does with nothing selected', () => {
    const events = EVENT_KINDS.flatMap((kind, k) =>
      EVENT_STATUSES.flatMap((status, s) =>
        [false, true].map((highlight, h) =>
          event({ id: `${kind}-${status}-${h}`, kind, status, highlight, start: `2025-0${1 + ((k + s + h) % 9)}-1${(k * s) % 10}`, ...(status === 'unverified' ? { statusNote: 'Unconfirmed.' } : {}) }),
        ),
      ),
    );
    const result = validateValue(dataset({ events }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 2)));
    const d = result.dataset;
    expect(byImportanceKey(d, d.events).map((e) => e.id)).toEqual(byImportance(d, null, d.events).map((e) => e.id));
    expect(new Set(d.events.map((e) => importanceKey(d, e))).size).toBe(d.events.length);
  });
});

describe('summarizePlaces', () => {
  const d = data();

  it('gives each place its events and the mark of its most important one, not its latest', () => {
    const places = summarizePlaces(d, tallyPlaces(d, [AUG(14), AUG(22)], ALL_FILTERS), null);
    const jber = places.find((p) => p.place.id === 'jber')!;
    expect(jber.events.map((e) => e.id)).toEqual(['letter', 'summit']);
    expect(jber.top.id).toBe('summit');
    expect(jber.icon).toBe('meeting-solid');
    const kyiv = places.find((p) => p.place.id === 'kyiv')!;
    expect(kyiv.top.id).toBe('talks');
    expect(places.map((p) => p.n)).toEqual(places.map((_, i) => i));
    expect(jber.matches).toBeNull();
  });

  it('counts the events that match a search at each place', () => {
    const places = summarizePlaces(d, tallyPlaces(d, [AUG(14), AUG(22)], ALL_FILTERS), new Set(['night', 'late']));
    expect(Object.fromEntries(places.map((p) => [p.place.id, p.matches]))).toEqual({ jber: 0, kharkiv: 1, kyiv: 1, lviv: 1 });
  });
});

describe('eventPoints', () => {
  it('puts an event’s own mark at its place and at each site’s, and nowhere without one', () => {
    const d = data();
    expect(eventPoints(d, d.eventById.get('night')!)).toEqual([
      { place: 'kyiv', lon: 30.5233, lat: 50.45, icon: 'attack-solid' },
      { place: 'lviv', lon: 24.0322, lat: 49.8425, icon: 'attack-solid' },
    ]);
    expect(eventPoints(d, d.eventById.get('call')!)).toEqual([]);
  });
});

describe('placeLabel', () => {
  it('adds the count when more than one, formatted as the interface does', () => {
    expect(placeLabel('Kyiv', 1, String)).toBe('Kyiv');
    expect(placeLabel('Kyiv', 12345, (n) => new Intl.NumberFormat('en-GB').format(n))).toBe('Kyiv · 12,345');
  });
});

describe('nextPick', () => {
  const d = data();
  const at = (...ids: string[]) => byImportanceKey(d, ids.map((id) => d.eventById.get(id)!));

  it('picks the most important when the selection is not among the events', () => {
    expect(nextPick(at('letter', 'summit'), null)?.id).toBe('summit');
    expect(nextPick(at('early', 'late'), 'talks')?.id).toBe('early');
  });

  it('moves to the next one in importance, and wraps round', () => {
    expect(nextPick(at('letter', 'summit'), 'summit')?.id).toBe('letter');
    expect(nextPick(at('letter', 'summit'), 'letter')?.id).toBe('summit');
  });

  it('picks nothing from an empty spot', () => {
    expect(nextPick([], 'early')).toBeUndefined();
  });
});
