/** The root's search at scale: on a large dataset it waits for a pause in typing, then reports once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchController, TYPING_PAUSE_MS, type SearchHits } from '../../src/components/search-controller';
import { validateJson } from '../../src/model/validate';
import { syntheticDataset } from '../../scripts/synthetic';

function setup(count: number) {
  const r = validateJson(JSON.stringify(syntheticDataset(count)));
  if (!r.ok) throw new Error('synthetic dataset did not validate');
  const results: (SearchHits | null)[] = [];
  const host = { addController: () => {}, removeController: () => {}, requestUpdate: () => {}, updateComplete: Promise.resolve(true) };
  const search = new SearchController(host, (hits) => results.push(hits));
  return { dataset: r.dataset, search, results };
}

describe('SearchController', () => {
  afterEach(() => void vi.useRealTimers());

  it('on a large dataset searches once typing pauses, for what was typed last', async () => {
    const { dataset, search, results } = setup(25_000);
    vi.useFakeTimers();
    for (const q of ['st', 'str', 'stri', 'strike 12']) {
      search.update(dataset, 'en', q);
      vi.advanceTimersByTime(TYPING_PAUSE_MS - 10);
    }
    expect(search.pending).toBe(true);
    expect(results).toEqual([]);
    const settled = search.settled();
    await vi.runAllTimersAsync();
    await settled;
    expect(results).toHaveLength(1);
    expect(results[0]!.query).toBe('strike 12');
    expect(results[0]!.events.length).toBeGreaterThan(0);
    expect(results[0]!.events.every((e) => /strike/i.test(e.title) && /12/.test(`${e.title} ${e.summary}`))).toBe(true);
    expect(search.pending).toBe(false);
  });

  it('waits at least the typing pause before searching a large dataset', async () => {
    const { dataset, search, results } = setup(25_000);
    const started = performance.now();
    search.update(dataset, 'en', 'talks');
    await search.settled();
    expect(performance.now() - started).toBeGreaterThanOrEqual(TYPING_PAUSE_MS - 1);
    expect(results).toHaveLength(1);
  });

  it('answers a small dataset at once', () => {
    const { dataset, search, results } = setup(500);
    search.update(dataset, 'en', 'strike');
    expect(search.pending).toBe(false);
    expect(results).toHaveLength(1);
    expect(results[0]!.events.length).toBeGreaterThan(0);
  });

  it('runs an abandoned search again when its host reconnects', async () => {
    const { dataset, search, results } = setup(25_000);
    search.update(dataset, 'en', 'talks');
    search.hostDisconnected();
    search.update(dataset, 'en', 'talks');
    await search.settled();
    expect(results.map((h) => h?.query)).toEqual(['talks']);
  });
});
