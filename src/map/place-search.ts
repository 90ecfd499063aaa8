/**
 * The "Find a place" list: the window's places whose name holds every typed word (ignoring case
 * and accents, in the reader's language and the dataset's first), busiest first, at most
 * `limit` of them. Pure; names are folded once per list, on the first search.
 */
import type { Dataset } from '../model/dataset';
import { fold, queryTerms } from '../model/search';
import type { PlaceSummary } from './features';
import { placeName } from './features';

export interface PlaceOption {
  id: string;
  name: string;
  events: number;
}

export interface PlaceMatches {
  options: PlaceOption[];
  /** How many places match in all; more than `options` holds when the list was capped. */
  total: number;
}

export class PlaceSearch {
  private folded: string[] | null = null;
  private readonly names: (string | undefined)[] = [];

  constructor(
    private readonly dataset: Dataset,
    private readonly places: readonly PlaceSummary[],
    private readonly lang: string,
  ) {}

  get size(): number {
    return this.places.length;
  }

  nameOf(i: number): string {
    return (this.names[i] ??= placeName(this.dataset, this.places[i]!.place, this.lang));
  }

  private foldedNames(): string[] {
    this.folded ??= this.places.map((p, i) => fold(`${this.nameOf(i)}\n${p.place.name}`));
    return this.folded;
  }

  /** The busiest `limit` places matching the query; of equally busy ones, the one whose events came first. */
  search(query: string, limit: number): PlaceMatches {
    const terms = queryTerms(query);
    const folded = terms.length ? this.foldedNames() : null;
    // The best `limit` so far, busiest first: a bounded insertion keeps it O(places × limit) at worst.
    const best: number[] = [];
    let total = 0;
    const better = (a: number, b: number) => {
      const d = this.places[a]!.events.length - this.places[b]!.events.length;
      return d > 0 || (d === 0 && a < b);
    };
    for (let i = 0; i < this.places.length; i++) {
      if (folded && !terms.every((t) => folded[i]!.includes(t))) continue;
      total++;
      if (best.length === limit && !better(i, best[limit - 1]!)) continue;
      let at = Math.min(best.length, limit - 1);
      while (at > 0 && better(i, best[at - 1]!)) at--;
      best.splice(at, 0, i);
      if (best.length > limit) best.pop();
    }
    return { options: best.map((i) => ({ id: this.places[i]!.place.id, name: this.nameOf(i), events: this.places[i]!.events.length })), total };
  }
}
