/**
 * Search: which events have every word of a query in their title, summary, participants,
 * place or areas, in the reader's language and in the dataset's first language, ignoring case
 * and accents. Pure, and sliced: at 100,000 events a search runs in chunks between which the
 * page answers the keyboard (see `searchInSlices`).
 */
import type { ChronoEvent, Dataset } from './dataset';

/** Lower case without accents or the differences between apostrophes, for matching. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’ʼ‘`´]/g, "'")
    .toLowerCase();
}

/** The query's words, folded; empty when there is nothing to search for. */
export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean).slice(0, 12);
}

/** What a search looks through for one event, in the given language and the dataset's first. */
export function searchText(dataset: Dataset, e: ChronoEvent, lang: string): string {
  const parts: string[] = [e.title, e.summary, ...e.participants, ...(e.areas ?? [])];
  const tr = e.translations?.[lang];
  if (tr) parts.push(tr.title ?? '', tr.summary ?? '', ...(tr.participants ?? []), ...(tr.areas ?? []));
  const place = e.place ? dataset.placeById.get(e.place) : undefined;
  if (place) parts.push(place.name, place.translations?.[lang]?.name ?? '');
  for (const site of e.sites ?? []) parts.push(site.name);
  return fold(parts.join('\n'));
}

/** Folded texts per event index, built once per dataset and language, slice by slice. */
export class SearchIndex {
  private readonly texts: (string | undefined)[];
  constructor(
    readonly dataset: Dataset,
    readonly lang: string,
  ) {
    this.texts = new Array(dataset.events.length);
  }

  textOf(e: ChronoEvent): string {
    return (this.texts[e.index] ??= searchText(this.dataset, e, this.lang));
  }

  matches(e: ChronoEvent, terms: readonly string[]): boolean {
    const text = this.textOf(e);
    for (const term of terms) if (!text.includes(term)) return false;
    return true;
  }
}

/** Every event matching the query, in time order; all at once (for small datasets and tests). */
export function searchEvents(index: SearchIndex, query: string, among: readonly ChronoEvent[] = index.dataset.events): ChronoEvent[] {
  const terms = queryTerms(query);
  return terms.length ? among.filter((e) => index.matches(e, terms)) : [];
}

/**
 * The same search, cut into slices of about `budgetMs` each, yielding to the page between them
 * (`yieldTo`), so typing is never blocked; `signal` abandons a search overtaken by the next key.
 * A query that extends the previous one (`within`) only looks through its matches.
 */
export async function searchInSlices(
  index: SearchIndex,
  query: string,
  options: { within?: readonly ChronoEvent[]; signal?: AbortSignal; budgetMs?: number; yieldTo?: () => Promise<void> } = {},
): Promise<ChronoEvent[] | null> {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const among = options.within ?? index.dataset.events;
  const budget = options.budgetMs ?? 8;
  const pause = options.yieldTo ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const found: ChronoEvent[] = [];
  let start = performance.now();
  for (let i = 0; i < among.length; i++) {
    const e = among[i]!;
    if (index.matches(e, terms)) found.push(e);
    if ((i & 255) === 255 && performance.now() - start > budget) {
      await pause();
      if (options.signal?.aborted) return null;
      start = performance.now();
    }
  }
  return options.signal?.aborted ? null : found;
}

/**
 * The matches in the order Enter goes through them: those with more of the query's words in
 * their title first (a search for "Zaporizhzhia missile" means the strike titled so, before a
 * night of attacks that mentions both), then in time order.
 */
export function rankMatches(matches: readonly ChronoEvent[], query: string, lang: string): ChronoEvent[] {
  const terms = queryTerms(query);
  const score = (e: ChronoEvent) => {
    const title = fold(`${e.title} ${e.translations?.[lang]?.title ?? ''}`);
    return terms.reduce((n, term) => n + (title.includes(term) ? 1 : 0), 0);
  };
  return matches
    .map((e) => ({ e, s: score(e) }))
    .sort((a, b) => b.s - a.s || a.e.index - b.e.index)
    .map(({ e }) => e);
}
