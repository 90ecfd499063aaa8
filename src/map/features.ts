/**
 * The dataset as map features, and what the map shows for a time window and filters: which
 * places have events, how many, and which event a click on a crowded spot picks. Pure; shared by
 * the WebGL map and its SVG fallback so both draw the same thing.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { EventKind, EventStatus, PlaceRecord } from '../model/schema';
import { forEachInWindow, isAllFilters, passesFilters, type Filters, type TimeWindow } from '../model/select';
import { localize } from '../i18n/localize';
import { STATUS_STYLES, type StatusStyle } from '../ui/marks';
import type { LonLat } from './fit';

export interface EventProperties {
  id: string;
  /** Start and end, epoch ms: what the time-window filter reads. */
  s: number;
  e: number;
  kind: EventKind;
  status: EventStatus;
  style: StatusStyle;
  place: string;
}

/** Feature `id` is the event's index: numeric and stable, as feature-state needs. */
export type EventFeature = Feature<Point, EventProperties> & { id: number };

export interface LabelProperties {
  place: string;
  label: string;
  count: number;
}

/** Where an event is drawn: its own place, then the places of its sites, each once. */
export function placesOf(e: ChronoEvent): string[] {
  const ids = e.place ? [e.place] : [];
  for (const site of e.sites ?? []) if (site.place && !ids.includes(site.place)) ids.push(site.place);
  return ids;
}

/** One point per event and place it is drawn at; events without a place are left out. */
export function eventFeatures(dataset: Dataset): FeatureCollection<Point, EventProperties> {
  const features: EventFeature[] = [];
  for (const e of dataset.events) {
    for (const placeId of placesOf(e)) {
      const place = dataset.placeById.get(placeId);
      if (!place) continue;
      features.push({
        type: 'Feature',
        id: e.index,
        geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
        properties: { id: e.id, s: e.startMs, e: e.endMs, kind: e.kind, status: e.status, style: STATUS_STYLES[e.status], place: placeId },
      });
    }
  }
  return { type: 'FeatureCollection', features };
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

/** Number of points a tally draws (an event at two sites counts twice). */
export function pointCount(tally: PlaceTally): number {
  let n = 0;
  for (const events of tally.values()) n += events.length;
  return n;
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

/** One label point per place with events in the tally. */
export function labelFeatures(
  dataset: Dataset,
  tally: PlaceTally,
  lang: string,
  formatCount: (n: number) => string,
): FeatureCollection<Point, LabelProperties> {
  const features: Feature<Point, LabelProperties>[] = [];
  for (const [placeId, events] of tally) {
    const place = dataset.placeById.get(placeId)!;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: { place: placeId, label: placeLabel(placeName(dataset, place, lang), events.length, formatCount), count: events.length },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * What a click on a spot shared by several events picks: the one after the current selection
 * (in time order, wrapping round) when the selection is among them, else the earliest.
 */
export function nextPick(under: readonly ChronoEvent[], selected: string | null): ChronoEvent | undefined {
  const at = selected === null ? -1 : under.findIndex((e) => e.id === selected);
  return at < 0 ? under[0] : under[(at + 1) % under.length];
}
