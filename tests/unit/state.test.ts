import { describe, expect, it } from 'vitest';
import { validateValue } from '../../src/model/validate';
import { initialState, reduce, type AppState } from '../../src/state/state';
import { dataset, event } from '../fixtures/datasets';

function loaded(): AppState {
  const result = validateValue(dataset({ events: [event({ id: 'a' }), event({ id: 'b', start: '2025-08-20' })] }));
  if (!result.ok) throw new Error('fixture invalid');
  return reduce(initialState, { type: 'loaded', dataset: result.dataset });
}

describe('reduce', () => {
  it('opens a loaded dataset on its whole extent and stays loading until drawn', () => {
    const s = loaded();
    expect(s.status).toBe('loading');
    expect(s.window).toEqual([Date.UTC(2025, 7, 17, 21), Date.UTC(2025, 7, 20, 21)]);
    expect(reduce(s, { type: 'drawn' }).status).toBe('ready');
  });

  it('selects only ids the dataset has', () => {
    const s = loaded();
    expect(reduce(s, { type: 'select', id: 'b' }).selected).toBe('b');
    expect(reduce(s, { type: 'select', id: 'nope' }).selected).toBeNull();
  });

  it('returns the same state object when nothing changes, so views do not redraw', () => {
    const s = reduce(loaded(), { type: 'select', id: 'a' });
    expect(reduce(s, { type: 'select', id: 'a' })).toBe(s);
    expect(reduce(s, { type: 'window', window: s.window! })).toBe(s);
  });

  it('orders a reversed window and widens one too narrow to draw', () => {
    const s = loaded();
    expect(reduce(s, { type: 'window', window: [20, 10] }).window).toEqual([-29_985, 30_015]);
    expect(reduce(s, { type: 'window', window: [2_000_000, 1_000_000] }).window).toEqual([1_000_000, 2_000_000]);
  });

  it('keeps the error and drops the dataset when loading fails', () => {
    const s = reduce(loaded(), { type: 'failed', error: { message: 'bad', problems: [], omitted: 0 } });
    expect(s).toMatchObject({ status: 'error', dataset: null, error: { message: 'bad' } });
  });
});
