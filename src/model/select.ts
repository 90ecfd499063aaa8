/**
 * Pure selectors over the dataset: which events a time window and the filters let through,
 * found by binary search on the time-sorted events so that a window over 100,000 events costs
 * only the events inside it.
 */
import type { ChronoEvent, Dataset } from './dataset';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from './schema';

export type TimeWindow = readonly [from: number, to: number];

export interface Filters {
  kinds: readonly EventKind[];
  statuses: readonly EventStatus[];
}

export const ALL_FILTERS: Filters = { kinds: EVENT_KINDS, statuses: EVENT_STATUSES };

export function isAllFilters(f: Filters): boolean {
  return f.kinds.length === EVENT_KINDS.length && f.statuses.length === EVENT_STATUSES.length;
}

export function passesFilters(e: ChronoEvent, f: Filters): boolean {
  return f.kinds.includes(e.kind) && f.statuses.includes(e.status);
}

/** An event is in a window when any part of its span overlaps it. */
export function overlaps(e: ChronoEvent, [from, to]: TimeWindow): boolean {
  return e.startMs <= to && e.endMs >= from;
}

/** Index of the first event whose start is >= t. */
export function lowerBound(events: readonly ChronoEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.startMs < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const longestSpans = new WeakMap<readonly ChronoEvent[], number>();
/** The longest span of any event in a list, cached per list. */
export function longestSpan(events: readonly ChronoEvent[]): number {
  let longest = longestSpans.get(events);
  if (longest === undefined) {
    longest = 0;
    for (const e of events) longest = Math.max(longest, e.endMs - e.startMs);
    longestSpans.set(events, longest);
  }
  return longest;
}

/** Calls `visit` for each event overlapping the window, in time order. */
export function forEachInWindow(events: readonly ChronoEvent[], window: TimeWindow, visit: (e: ChronoEvent) => void): void {
  const [from, to] = window;
  const end = lowerBound(events, to + 1);
  for (let i = lowerBound(events, from - longestSpan(events)); i < end; i++) {
    const e = events[i]!;
    if (e.endMs >= from) visit(e);
  }
}

/** Events in the window that pass the filters, in time order. */
export function visibleEvents(dataset: Dataset, window: TimeWindow, filters: Filters): ChronoEvent[] {
  const out: ChronoEvent[] = [];
  const all = isAllFilters(filters);
  forEachInWindow(dataset.events, window, (e) => {
    if (all || passesFilters(e, filters)) out.push(e);
  });
  return out;
}

/** The window a dataset opens with: its `view` if it has one, else all of it. */
export function initialWindow(dataset: Dataset): TimeWindow {
  if (dataset.view) {
    const from = parseInstant(dataset.view.from);
    const to = parseInstant(dataset.view.to);
    if (from < to) return [from, to];
  }
  const [first, last] = dataset.extent;
  return first < last ? [first, last] : [first - 43_200_000, first + 43_200_000];
}

/** A window bound from the URL or the dataset: a bare date is read as UTC midnight. */
export function parseInstant(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T00:00Z` : value);
}

/** Position of `e` in a list in time (index) order, such as `visibleEvents` returns; -1 if absent. */
export function positionOf(events: readonly ChronoEvent[], e: ChronoEvent): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.index < e.index) lo = mid + 1;
    else hi = mid;
  }
  return events[lo] === e ? lo : -1;
}

const byPlace = new WeakMap<Dataset, Map<string, ChronoEvent[]>>();

/** The dataset's events at each place, in time order; built once per dataset. */
export function eventsByPlace(dataset: Dataset): ReadonlyMap<string, readonly ChronoEvent[]> {
  let index = byPlace.get(dataset);
  if (!index) {
    index = new Map();
    for (const e of dataset.events) {
      if (!e.place) continue;
      const list = index.get(e.place);
      if (list) list.push(e);
      else index.set(e.place, [e]);
    }
    byPlace.set(dataset, index);
  }
  return index;
}

/**
 * Up to `limit` other events of the list nearest to `e` in it (half before, half after where
 * there are enough), in time order, and how many others were left out.
 */
export function neighbours(events: readonly ChronoEvent[], e: ChronoEvent, limit: number): { events: ChronoEvent[]; more: number } {
  const at = positionOf(events, e);
  const others = at < 0 ? events.length : events.length - 1;
  if (others <= limit) return { events: events.filter((o) => o !== e), more: 0 };
  const start = Math.max(0, Math.min(at - Math.floor(limit / 2), events.length - limit - 1));
  const slice = events.slice(start, start + limit + 1).filter((o) => o !== e).slice(0, limit);
  return { events: slice, more: others - slice.length };
}
