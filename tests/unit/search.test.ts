import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import { SearchIndex, fold, rankMatches, searchEvents, searchInSlices } from '../../src/model/search';
import { validateValue } from '../../src/model/validate';
import { dataset, event, place } from '../fixtures/datasets';

function data(): Dataset {
  const result = validateValue(
    dataset({
      languages: ['en', 'uk'],
      places: [place({ id: 'kharkiv', name: 'Kharkiv', translations: { uk: { name: 'Харків' } } }), place()],
      events: [
        event({ id: 'k', title: 'Strike on an apartment block', place: 'kharkiv', translations: { uk: { title: 'Удар по будинку' } } }),
        event({ id: 'm', title: 'Macron and Merz in Washington', kind: 'meeting', status: 'held', participants: ['Emmanuel Macron', 'Friedrich Merz'] }),
        event({ id: 'z', title: 'Shelling in Zaporizhzhia', areas: ['Zaporizhzhia region'] }),
      ],
    }),
  );
  if (!result.ok) throw new Error('fixture invalid');
  return result.dataset;
}

const ids = (events: readonly { id: string }[]) => events.map((e) => e.id);

describe('search', () => {
  const d = data();

  it('finds events by title, participants, place and areas, ignoring case and accents', () => {
    const index = new SearchIndex(d, 'en');
    expect(ids(searchEvents(index, 'KHARKIV'))).toEqual(['k']);
    expect(ids(searchEvents(index, 'merz macron'))).toEqual(['m']);
    expect(ids(searchEvents(index, 'zaporizhzhia region'))).toEqual(['z']);
    expect(ids(searchEvents(index, 'Zápòrizhzhia'))).toEqual(['z']);
    expect(searchEvents(index, '   ')).toEqual([]);
  });

  it('finds events in the reader\'s language as well as in the dataset\'s first', () => {
    const index = new SearchIndex(d, 'uk');
    expect(ids(searchEvents(index, 'харків'))).toEqual(['k']);
    expect(ids(searchEvents(index, 'будинку'))).toEqual(['k']);
    expect(ids(searchEvents(index, 'apartment'))).toEqual(['k']);
  });

  it('puts first, for Enter, the matches with more of the words in their title', () => {
    const index = new SearchIndex(d, 'en');
    const found = searchEvents(index, 'shelling zaporizhzhia');
    expect(ids(rankMatches(found, 'shelling zaporizhzhia', 'en'))).toEqual(['z']);
    const both = searchEvents(index, 'in');
    expect(ids(rankMatches(both, 'washington', 'en'))[0]).toBe('m');
  });

  it('treats apostrophes alike', () => {
    expect(fold('Пов’язані')).toBe(fold("пов'язані"));
  });

  it('searches in slices, yielding between them, and gives up when overtaken', async () => {
    const index = new SearchIndex(d, 'en');
    let yields = 0;
    const found = await searchInSlices(index, 'shelling', { budgetMs: -1, yieldTo: async () => void yields++ });
    expect(ids(found!)).toEqual(['z']);
    const abort = new AbortController();
    abort.abort();
    const many = { ...index, dataset: { ...d, events: Array.from({ length: 1000 }, () => d.events[0]!) } } as unknown as SearchIndex;
    Object.setPrototypeOf(many, SearchIndex.prototype);
    expect(await searchInSlices(many, 'x', { budgetMs: -1, signal: abort.signal, yieldTo: async () => undefined })).toBeNull();
    expect(yields).toBe(0);
  });
});
