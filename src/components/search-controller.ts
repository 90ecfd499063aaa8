/**
 * The events matching the reader's search, kept for the root and recomputed when the query,
 * the dataset or the language changes. Small datasets are searched at once; large ones after a
 * pause in typing and in slices, so the page answers every key, a new key abandoning the search
 * it overtakes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChronoEvent, Dataset } from '../model/dataset';
import { SearchIndex, queryTerms, searchEvents, searchInSlices } from '../model/search';

/** Up to this many events, a search runs in one go: it takes well under a frame. */
const AT_ONCE = 20_000;
/**
 * Past AT_ONCE, a search starts after this long without a key: drawing the matches of each key
 * ("s" matches most of a large dataset) would make the next key wait (134 ms at 100,000 events
 * in `npm run bench`, against a limit of 100 ms).
 */
export const TYPING_PAUSE_MS = 150;

export interface SearchHits {
  query: string;
  /** In time order. */
  events: readonly ChronoEvent[];
  ids: ReadonlySet<string>;
}

export class SearchController implements ReactiveController {
  /** The last finished search, or null without a query. */
  hits: SearchHits | null = null;
  /** True while a sliced search is running. */
  pending = false;
  private index: SearchIndex | null = null;
  private abort: AbortController | null = null;
  private key = '';
  private pause: ReturnType<typeof setTimeout> | undefined;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onResult: (hits: SearchHits | null) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.pause);
    this.abort?.abort();
    // The abandoned search must run again when the host comes back.
    this.key = '';
  }

  /** Resolves once no search is running, at once when none is. */
  settled(): Promise<void> {
    return this.pending ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  /** Searches for `query` unless that search is already done or running. */
  update(dataset: Dataset | null, lang: string, query: string): void {
    const key = `${lang}\u0000${query}`;
    if (key === this.key && this.index?.dataset === dataset) return;
    this.key = key;
    clearTimeout(this.pause);
    this.abort?.abort();
    this.abort = null;
    if (!dataset || queryTerms(query).length === 0) {
      this.finish(null);
      return;
    }
    if (this.index?.dataset !== dataset || this.index.lang !== lang) this.index = new SearchIndex(dataset, lang);
    const index = this.index;
    // A query that extends the last one can only match among the last one's matches.
    const previous = this.hits;
    const within = previous && query.startsWith(previous.query) && queryTerms(previous.query).length ? previous.events : undefined;
    if (dataset.events.length <= AT_ONCE || (within && within.length <= AT_ONCE)) {
      this.finish(toHits(query, searchEvents(index, query, within)));
      return;
    }
    const abort = (this.abort = new AbortController());
    this.pending = true;
    this.host.requestUpdate();
    this.pause = setTimeout(() => {
      void searchInSlices(index, query, { within, signal: abort.signal }).then((events) => {
        if (events && !abort.signal.aborted) this.finish(toHits(query, events));
      });
    }, TYPING_PAUSE_MS);
  }

  private finish(hits: SearchHits | null): void {
    this.pending = false;
    this.hits = hits;
    this.onResult(hits);
    this.host.requestUpdate();
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

function toHits(query: string, events: ChronoEvent[]): SearchHits {
  return { query, events, ids: new Set(events.map((e) => e.id)) };
}
