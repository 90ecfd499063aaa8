import { describe, expect, it } from 'vitest';
import { ALL_FILTERS } from '../../src/model/select';
import { formatInstant, fromHash, toHash } from '../../src/state/url';

describe('URL hash', () => {
  it('writes a selected event and a window of whole days compactly', () => {
    const hash = toHash({ selected: 'alaska-summit-trump-putin', window: [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 22)], filters: ALL_FILTERS });
    expect(hash).toBe('#event=alaska-summit-trump-putin&from=2025-08-14&to=2025-08-22');
  });

  it('round-trips window, selection and filters', () => {
    const state = { selected: 'a:b', window: [Date.UTC(2025, 7, 18, 5, 30), Date.UTC(2025, 7, 19, 1, 2, 3)] as const, filters: { kinds: ['attack'] as const, statuses: ['reported', 'unverified'] as const } };
    expect(fromHash(toHash(state))).toEqual(state);
  });

  it('omits filters that hide nothing and gives an empty hash for the default state', () => {
    expect(toHash({ selected: null, window: null, filters: ALL_FILTERS })).toBe('');
  });

  it('ignores unknown kinds, a reversed window and junk', () => {
    const read = fromHash('#from=2025-08-22&to=2025-08-14&kinds=attack,<script>&junk=1');
    expect(read.window).toBeNull();
    expect(read.filters.kinds).toEqual(['attack']);
    expect(read.selected).toBeNull();
  });

  it('formats instants at the precision they have', () => {
    expect(formatInstant(Date.UTC(2025, 7, 18))).toBe('2025-08-18');
    expect(formatInstant(Date.UTC(2025, 7, 18, 13, 15))).toBe('2025-08-18T13:15Z');
    expect(formatInstant(Date.UTC(2025, 7, 18, 13, 15, 9))).toBe('2025-08-18T13:15:09Z');
  });
});
