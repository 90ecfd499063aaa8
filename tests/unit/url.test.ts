import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import { ALL_FILTERS, filtersShowing } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { MAX_QUERY, formatInstant, fromHash, toHash, type UrlState } from '../../src/state/url';
import { dataset, event } from '../fixtures/datasets';

function loaded(): Dataset {
  const result = validateValue(
    dataset({
      events: [
        event({ id: 'a:b' }),
        event({ id: 'talks', kind: 'meeting', status: 'held' }),
        event({ id: 'maybe', status: 'unverified', statusNote: 'One source.' }),
      ],
      stories: [{ id: 'tour', title: 'Tour', steps: [{ title: 'One', text: 'First.', event: 'talks' }, { title: 'Two', text: 'Second.', event: 'a:b' }] }],
    }),
  );
  if (!result.ok) throw new Error('fixture invalid');
  return result.dataset;
}

const plain = (over: Partial<UrlState> = {}): UrlState => ({ selected: null, window: null, filters: ALL_FILTERS, query: '', story: null, ...over });

describe('URL hash', () => {
  const d = loaded();

  it('writes a selected event and a window of whole days compactly', () => {
    const hash = toHash(plain({ selected: 'talks', window: [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 22)] }), d);
    expect(hash).toBe('#event=talks&from=2025-08-14&to=2025-08-22');
  });

  it('round-trips window, selection, filters, search and story step', () => {
    const state = plain({
      selected: 'a:b',
      window: [Date.UTC(2025, 7, 18, 5, 30), Date.UTC(2025, 7, 19, 1, 2, 3)],
      filters: filtersShowing(d, ['attack'], ['reported', 'unverified']),
      query: 'Kyiv strike',
      story: { id: 'tour', step: 2 },
    });
    const read = fromHash(toHash(state, d), d);
    expect(read).toEqual({ ...state, filters: { hiddenKinds: state.filters.hiddenKinds, hiddenStatuses: ['held'] } });
    expect(toHash(read, d)).toBe(toHash(state, d));
  });

  it('omits filters that hide nothing and gives an empty hash for the default state', () => {
    expect(toHash(plain(), d)).toBe('');
  });

  it('leaves out what the story step shows by itself', () => {
    const hash = toHash(plain({ story: { id: 'tour', step: 1 }, selected: 'talks' }), d, { selected: 'talks', window: null, filters: ALL_FILTERS });
    expect(hash).toBe('#story=tour&step=1');
  });

  it('ignores unknown kinds, ids and stories, a reversed or impossible window, and junk', () => {
    const read = fromHash('#from=2025-08-22&to=2025-08-14&kinds=attack,<script>&event=nope&story=other&junk=1', d);
    expect(read.window).toBeNull();
    expect(read.filters.hiddenKinds).toEqual(['meeting', 'call', 'statement', 'proposal', 'agreement']);
    expect(read.selected).toBeNull();
    expect(read.story).toBeNull();
    expect(fromHash('#from=2025-02-30&to=2025-03-02', d).window).toBeNull();
  });

  it('clamps a step past the end and cuts a search too long to be typed', () => {
    expect(fromHash('#story=tour&step=99', d).story).toEqual({ id: 'tour', step: 2 });
    expect(fromHash('#story=tour&step=x', d).story).toEqual({ id: 'tour', step: 1 });
    expect(fromHash(`#q=${'a'.repeat(100_000)}`, d).query).toHaveLength(MAX_QUERY);
  });

  it('formats instants at the precision they have', () => {
    expect(formatInstant(Date.UTC(2025, 7, 18))).toBe('2025-08-18');
    expect(formatInstant(Date.UTC(2025, 7, 18, 13, 15))).toBe('2025-08-18T13:15Z');
    expect(formatInstant(Date.UTC(2025, 7, 18, 13, 15, 9))).toBe('2025-08-18T13:15:09Z');
  });
});
