/**
 * What the map shows for a time window and filters: which places have events and how many, the
 * markers drawn there (one per place, kind and status style) as map features, and which event
 * a click on a crowded spot picks. Pure; shared by
 * the WebGL map and its SVG fallback so both draw the same thing.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { PlaceRecord } from '../model/schema';
import { forEachInWindow, isAllFilters, passesFilters, type Filters, type TimeWindow } from '../model/select';
import { localize } from '../i18n/localize';
import { statusStyle, type StatusStyle } from '../ui/marks';
import type { LonLat } from './fit';

/**
 * What the map draws at one spot: the window's events at one place with one kind and one status
 * style, which would be drawn as identical icons on top of one another. Drawing them once keeps
 * the map's cost to the number of distinct marks, not of events (100,000 events on 400 places).
 */
export interface PlaceMarker {
  key: string;
  place: string;
  kind: string;
  style: StatusStyle;
  /** In time order. */
  events: readonly ChronoEvent[];
}

/**
 * `key` names the marker across windows (the map's feature-state and queries use it, so a click
 * on tiles not yet redrawn for a new window still finds the right place, kind and status); `n`,
 * its index in the list, deals the markers round the icon layers.
 */
export interface MarkerProperties {
  key: string;
  n: number;
  kind: string;
  style: StatusStyle;
  place: string;
}

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

export function markerKey(place: string, kind: string, style: StatusStyle): string {
  return `${place}|${kind}|${style}`;
}

/** The keys of the markers an event is drawn in, one per place it is drawn at. */
export function markerKeysOf(e: ChronoEvent): string[] {
  return placesOf(e).map((place) => markerKey(place, e.kind, statusStyle(e.status)));
}

/** The tally's markers, ordered by their latest event: the newest mark at a spot is on top. */
export function placeMarkers(tally: PlaceTally): PlaceMarker[] {
  const markers = new Map<string, { key: string; place: string; kind: string; style: StatusStyle; events: ChronoEvent[] }>();
  for (const [place, events] of tally) {
    for (const e of events) {
      const style = statusStyle(e.status);
      const key = markerKey(place, e.kind, style);
      const marker = markers.get(key);
      if (marker) marker.events.push(e);
      else markers.set(key, { key, place, kind: e.kind, style, events: [e] });
    }
  }
  return [...markers.values()].sort((a, b) => a.events[a.events.length - 1]!.index - b.events[b.events.length - 1]!.index);
}

export function markerFeatures(dataset: Dataset, markers: readonly PlaceMarker[]): FeatureCollection<Point, MarkerProperties> {
  return {
    type: 'FeatureCollection',
    features: markers.map(({ key, place, kind, style }, n): Feature<Point, MarkerProperties> => {
      const { lon, lat } = dataset.placeById.get(place)!;
      return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { key, n, kind, style, place } };
    }),
  };
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
