/**
 * Pure selectors over the dataset: which events a time window and the filters let through,
 * found by binary search on the time-sorted events so that a window over 100,000 events costs
 * only the events inside it.
 */
import type { ChronoEvent, Dataset } from './dataset';
import { WHEN_PATTERN } from './vocabulary';
import { instantOf } from './time';
export type TimeWindow = readonly [from: number, to: number];

/**
 * What the reader has hidden, so "nothing hidden" means the same for every dataset, whatever
 * kinds it declares. An event without a status is never hidden by a status.
 */
export interface Filters {
  hiddenKinds: readonly string[];
  hiddenStatuses: readonly string[];
}

export const ALL_FILTERS: Filters = { hiddenKinds: [], hiddenStatuses: [] };

export function isAllFilters(f: Filters): boolean {
  return f.hiddenKinds.length === 0 && f.hiddenStatuses.length === 0;
}

export function passesFilters(e: ChronoEvent, f: Filters): boolean {
  return !f.hiddenKinds.includes(e.kind) && !(e.status !== undefined && f.hiddenStatuses.includes(e.status));
}

/** Filters that show exactly these kinds and statuses of the dataset (a story step, a link). */
export function filtersShowing(dataset: Dataset, kinds: readonly string[] | undefined, statuses: readonly string[] | undefined): Filters {
  return {
    hiddenKinds: kinds ? dataset.kinds.map((k) => k.id).filter((k) => !kinds.includes(k)) : [],
    hiddenStatuses: statuses ? dataset.statuses.filter((s) => !statuses.includes(s)) : [],
  };
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

const unplacedPrefixes = new WeakMap<readonly ChronoEvent[], Uint32Array>();
/** For each position, how many events before it have no place; cached per list. */
function unplacedBefore(events: readonly ChronoEvent[]): Uint32Array {
  let prefix = unplacedPrefixes.get(events);
  if (!prefix) {
    prefix = new Uint32Array(events.length + 1);
    for (let i = 0; i < events.length; i++) prefix[i + 1] = prefix[i]! + (events[i]!.place ? 0 : 1);
    unplacedPrefixes.set(events, prefix);
  }
  return prefix;
}

/**
 * The events in the window that pass the filters, in time order, and how many of them have no
 * place. With nothing filtered, every event starting inside the window is in it (an end is never
 * before its start), so those are one slice and their count of unplaced events a difference of
 * prefix counts: playback asks for this every frame, and the cost is the events that started
 * before the window, not all in it.
 */
export function visibleSummary(dataset: Dataset, window: TimeWindow, filters: Filters): { events: ChronoEvent[]; unplaced: number } {
  const events = dataset.events;
  const [from, to] = window;
  const all = isAllFilters(filters);
  const first = lowerBound(events, from - longestSpan(events));
  const end = lowerBound(events, to + 1);
  const inside = all ? Math.max(first, Math.min(lowerBound(events, from), end)) : end;
  const out: ChronoEvent[] = [];
  let unplaced = 0;
  for (let i = first; i < inside; i++) {
    const e = events[i]!;
    if (e.endMs < from || !(all || passesFilters(e, filters))) continue;
    out.push(e);
    if (!e.place) unplaced++;
  }
  if (inside === end) return { events: out, unplaced };
  const prefix = unplacedBefore(events);
  const tail = events.slice(inside, end);
  return { events: out.length ? out.concat(tail) : tail, unplaced: unplaced + prefix[end]! - prefix[inside]! };
}

/** The window a dataset opens with: its `view` if it has one, else all of it. */
export function initialWindow(dataset: Dataset): TimeWindow {
  const view = dataset.view ? windowOf(dataset.view) : null;
  if (view) return view;
  const [first, last] = dataset.extent;
  return first < last ? [first, last] : [first - 43_200_000, first + 43_200_000];
}

/** A `{from, to}` of the dataset (its view, a story step's) as instants, or null if it is empty. */
export function windowOf(view: { from: string; to: string }): TimeWindow | null {
  const from = parseInstant(view.from);
  const to = parseInstant(view.to);
  return from < to ? [from, to] : null;
}

/**
 * A window bound from the URL, an attribute or the dataset: a year, month or date is read as
 * UTC midnight of its first day; a date-time as itself. NaN for anything else.
 */
export function parseInstant(value: string): number {
  return WHEN_PATTERN.test(value) ? instantOf(value, 'UTC') : NaN;
}

/** Position of `e` in a list in time (index) order, such as `visibleSummary` returns; -1 if absent. */
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
