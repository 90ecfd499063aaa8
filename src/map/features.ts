/**
 * What the map shows for a time window and filters: which places have events, how many, which
 * of them is the most important (drawn on top and picked first), and which event a click on a
 * crowded spot picks next. Pure; shared by the WebGL map and its SVG fallback so both draw the
 * same thing.
 */
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { PlaceRecord } from '../model/schema';
import { forEachInWindow, isAllFilters, passesFilters, type Filters, type TimeWindow } from '../model/select';
import { localize } from '../i18n/localize';
import { statusStyle } from '../ui/marks';
import { iconName } from './icons';
import type { LonLat } from './fit';

/** Where an event is drawn: its own place, then the places of its sites, each once. */
export function placesOf(e: ChronoEvent): string[] {
  const ids = e.place ? [e.place] : [];
  for (const site of e.sites ?? []) if (site.place && !ids.includes(site.place)) ids.push(site.place);
  return ids;
}

/** Events in the window that pass the filters, per place they are drawn at, in time order. */
export type PlaceTally = ReadonlyMap<string, readonly ChronoEvent[]>;

export function tallyPlaces(dataset: Dataset, window: TimeWindow, filters: Filters): PlaceTally {
  const tally = new Map<string, ChronoEvent[]>();
  const all = isAllFilters(filters);
  forEachInWindow(dataset.events, window, (e) => {
    if (!all && !passesFilters(e, filters)) return;
    for (const placeId of placesOf(e)) {
      if (!dataset.placeById.has(placeId)) continue;
      const list = tally.get(placeId);
      if (list) list.push(e);
      else tally.set(placeId, [e]);
    }
  });
  return tally;
}

/** Status ranks of `compareImportance` (src/model/importance.ts): what happened before what did not. */
const STATUS_RANK: Record<string, number> = { held: 0, reported: 0, proposed: 1, declined: 2, cancelled: 2, unverified: 3 };
/** Event indices stay below 2^21 (see src/model/dataset.ts), so the key is an exact integer. */
const INDEX_SPAN = 2 ** 21;

/**
 * `compareImportance` with no selection, as one number (lower is more important): highlight,
 * then the kind's position, then status, then time. A number lets clusters of 100,000 places
 * keep their most important event with a `min`, where comparing events would cost a lookup
 * per step; tests/unit/map-features.test.ts holds it to the same order.
 */
export function importanceKey(dataset: Dataset, e: ChronoEvent): number {
  const kind = dataset.kindById.get(e.kind)?.index ?? 99;
  const status = STATUS_RANK[e.status ?? 'held'] ?? 0;
  return ((Number(!e.highlight) * 100 + kind) * 4 + status) * INDEX_SPAN + e.index;
}

/** One place with events in the window: what the map draws there. */
export interface PlaceSummary {
  /** Position in the window's list of places; the id of its point in the cluster index. */
  n: number;
  place: PlaceRecord;
  /** In time order. */
  events: readonly ChronoEvent[];
  /** The most important of them, selection aside: its mark is the place's, its date the tooltip's. */
  top: ChronoEvent;
  topKey: number;
  /** Icon of the top event (kind and status style). */
  icon: string;
  /** How many of its events match the reader's search; null when nobody searches. */
  matches: number | null;
}

export function summarizePlaces(dataset: Dataset, tally: PlaceTally, matches: ReadonlySet<string> | null): PlaceSummary[] {
  const out: PlaceSummary[] = [];
  for (const [id, events] of tally) {
    let top = events[0]!;
    let topKey = importanceKey(dataset, top);
    let matched = 0;
    for (const e of events) {
      const key = importanceKey(dataset, e);
      if (key < topKey) {
        top = e;
        topKey = key;
      }
      if (matches?.has(e.id)) matched++;
    }
    out.push({ n: out.length, place: dataset.placeById.get(id)!, events, top, topKey, icon: iconName(top.kind, statusStyle(top.status)), matches: matches ? matched : null });
  }
  return out;
}

/** Events most important first (selection aside): the order clicks and picks step through. */
export function byImportanceKey(dataset: Dataset, events: readonly ChronoEvent[]): ChronoEvent[] {
  return events
    .map((e) => [importanceKey(dataset, e), e] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, e]) => e);
}

/**
 * What a click on a spot shared by several events picks, given them most important first: the
 * one after the current selection (wrapping round) when the selection is among them, else the
 * most important.
 */
export function nextPick(ordered: readonly ChronoEvent[], selected: string | null): ChronoEvent | undefined {
  const at = selected === null ? -1 : ordered.findIndex((e) => e.id === selected);
  return at < 0 ? ordered[0] : ordered[(at + 1) % ordered.length];
}

export function placePosition(place: PlaceRecord): LonLat {
  return [place.lon, place.lat];
}

export function placeName(dataset: Dataset, place: PlaceRecord, lang: string): string {
  return localize(place, 'name', lang, dataset.languages[0] ?? lang).text;
}

/** "Kharkiv · 4"; a lone event's place is just its name. */
export function placeLabel(name: string, count: number, formatCount: (n: number) => string): string {
  return count > 1 ? `${name} · ${formatCount(count)}` : name;
}

/** Where an event's own mark goes (the selected and hovered marks, drawn above every cluster). */
export interface EventPoint {
  place: string;
  lon: number;
  lat: number;
  icon: string;
}

/** The selected or the hovered event's mark at one of its places. */
export interface PickedMark extends EventPoint {
  role: 'selected' | 'hovered';
}

export function eventPoints(dataset: Dataset, e: ChronoEvent): EventPoint[] {
  const icon = iconName(e.kind, statusStyle(e.status));
  return placesOf(e).flatMap((id) => {
    const place = dataset.placeById.get(id);
    return place ? [{ place: id, lon: place.lon, lat: place.lat, icon }] : [];
  });
}
