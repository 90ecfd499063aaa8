import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import { PLAY_DURATION_MS, advance, playStart, stepUnit } from '../../src/model/playback';
import { stepView } from '../../src/model/story';
import { validateValue } from '../../src/model/validate';
import { initialState, reduce, type AppState } from '../../src/state/state';
import { linkify, paragraphs } from '../../src/ui/plain-text';
import { dataset, event, place } from '../fixtures/datasets';

const DAY = 86_400_000;

function data(): Dataset {
  const result = validateValue(
    dataset({
      places: [place(), place({ id: 'kharkiv', name: 'Kharkiv', lat: 49.99, lon: 36.23 })],
      events: [
        event({ id: 'a', start: '2025-08-01' }),
        event({ id: 'talks', kind: 'meeting', status: 'held', start: '2025-08-15' }),
        event({ id: 'z', start: '2025-08-31', place: 'kharkiv' }),
      ],
      stories: [
        {
          id: 'tour',
          title: 'Tour',
          steps: [
            { title: 'One', text: 'First.', event: 'talks', view: { from: '2025-08-14', to: '2025-08-17' }, places: ['kharkiv'] },
            { title: 'Two', text: 'Second.', event: 'z', kinds: ['attack'] },
          ],
        },
      ],
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

function loaded(): AppState {
  return reduce(initialState, { type: 'loaded', dataset: data() });
}

describe('story steps', () => {
  it('shows the step\'s event, window, filters and places', () => {
    const d = data();
    const view = stepView(d, d.stories[0]!, 1, null);
    expect(view).toEqual({ selected: 'talks', window: [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 17)], filters: { hiddenKinds: [], hiddenStatuses: [] }, focus: ['kharkiv'] });
  });

  it('keeps the window when it shows the step\'s event, else centres one of the same length on it', () => {
    const d = data();
    const around: [number, number] = [Date.UTC(2025, 7, 28), Date.UTC(2025, 8, 3)];
    expect(stepView(d, d.stories[0]!, 2, around).window).toEqual(around);
    const away: [number, number] = [Date.UTC(2025, 7, 1), Date.UTC(2025, 7, 5)];
    const w = stepView(d, d.stories[0]!, 2, away).window!;
    expect(w[1] - w[0]).toBe(away[1] - away[0]);
    expect(w[0]).toBeLessThan(Date.UTC(2025, 7, 31));
    expect(w[1]).toBeGreaterThan(Date.UTC(2025, 7, 31));
  });

  it('opens, steps (clamped) and closes through the reducer', () => {
    let s = reduce(loaded(), { type: 'story', id: 'tour', step: 1 });
    expect(s).toMatchObject({ story: { id: 'tour', step: 1 }, selected: 'talks', focus: ['kharkiv'] });
    s = reduce(s, { type: 'step', step: 9 });
    expect(s.story).toEqual({ id: 'tour', step: 2 });
    expect(s.selected).toBe('z');
    expect(s.filters.hiddenKinds).toEqual(['meeting', 'call', 'statement', 'proposal', 'agreement']);
    s = reduce(s, { type: 'story', id: null });
    expect(s.story).toBeNull();
    expect(s.focus).toEqual([]);
  });

  it('ignores a story the dataset does not have', () => {
    const s = loaded();
    expect(reduce(s, { type: 'story', id: 'nope' })).toBe(s);
  });
});

describe('playback', () => {
  it('starts from the current window, or from the period\'s start when the window is at its end', () => {
    const extent = [Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)] as const;
    const middle = [Date.UTC(2025, 5, 1), Date.UTC(2025, 5, 8)] as const;
    expect(playStart(middle, extent)).toEqual(middle);
    expect(playStart([Date.UTC(2025, 11, 25), extent[1]], extent)).toEqual([extent[0], extent[0] + 7 * DAY]);
  });

  it('moves the window through the whole period in the set time at speed 1, and ends exactly at its end', () => {
    const extent = [0, 100 * DAY] as const;
    const half = advance([0, 10 * DAY], extent, 1, PLAY_DURATION_MS / 2, false);
    expect(half.window[1]).toBeCloseTo(60 * DAY);
    const end = advance([80 * DAY, 90 * DAY], extent, 4, PLAY_DURATION_MS, false);
    expect(end).toEqual({ window: [90 * DAY, 100 * DAY], done: true });
  });

  it('steps a unit a reader counts in when motion is reduced', () => {
    expect(stepUnit(7 * DAY)).toBe(DAY);
    expect(advance([0, 7 * DAY], [0, 100 * DAY], 1, 1500, true).window).toEqual([DAY, 8 * DAY]);
  });

  it('stops at the end, and when the reader selects or moves the window', () => {
    let s = reduce(loaded(), { type: 'play', speed: 2 });
    expect(s.playback).toEqual({ speed: 2 });
    s = reduce(s, { type: 'tick', elapsed: 10 * PLAY_DURATION_MS, stepped: false });
    expect(s.playback).toBeNull();
    expect(s.window![1]).toBe(s.dataset!.extent[1]);
    const playing = reduce(loaded(), { type: 'play', speed: 1 });
    expect(reduce(playing, { type: 'select', id: 'a' }).playback).toBeNull();
    expect(reduce(playing, { type: 'window', window: [0, DAY] }).playback).toBeNull();
  });
});

describe('story text', () => {
  it('makes paragraphs at blank lines and links only of http(s) addresses', () => {
    expect(paragraphs('One.\n\nTwo https://example.org/a.').map((p) => p.map((x) => x.href ?? x.text))).toEqual([['One.'], ['Two ', 'https://example.org/a', '.']]);
    expect(linkify('javascript:alert(1) and www.example.org')).toEqual([{ text: 'javascript:alert(1) and www.example.org' }]);
  });
});
