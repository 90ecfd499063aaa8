/**
 * The benchmark's data: synthetic Chronomap datasets (scripts/synthetic.ts, checked with the
 * app's own validator), and the same events as a GeoJSON FeatureCollection for the bare
 * MapLibre page and as a TimelineJS 3 JSON file.
 */
import { burstsDataset, crowdedPlacesDataset, distinctPlacesDataset, longSpanDataset, syntheticDataset, WORLD_REGION } from '../../scripts/synthetic';
import type { DatasetRecord } from '../../src/model/schema';
import { validateJson } from '../../src/model/validate';
import type { ChronoEvent, Dataset } from '../../src/model/dataset';

/** The window `setWindow` moves to: June 2024 (UTC); the app opens on the whole period. */
export const WINDOW: readonly [number, number] = [Date.UTC(2024, 5, 1), Date.UTC(2024, 6, 1)];

/** The shapes of data users bring, each at the sizes it is measured at. */
export interface Shape {
  name: string;
  /** What the shape stands for, for the doc. */
  about: string;
  sizes: number[];
  make(size: number, seed: number): DatasetRecord;
  /** The window `setWindow` moves to. */
  window: readonly [number, number];
}

export const SHAPES: readonly Shape[] = [
  { name: 'cities', about: 'every event at one of 400 places round 12 cities (skewed to the first), 2022–2025; the main table', sizes: [1_000, 5_000, 10_000, 100_000], make: syntheticDataset, window: WINDOW },
  { name: 'distinct', about: 'every event at a place of its own, spread over the world, 2024–2025', sizes: [1_000, 5_000, 10_000, 100_000], make: (n, seed) => distinctPlacesDataset(n, seed, WORLD_REGION), window: WINDOW },
  { name: 'crowded', about: '5,000 places in Ukraine with Zipf-like crowding (rank r gets 1/r of the events), as conflict exports have, 2024–2025', sizes: [10_000, 100_000], make: (n, seed) => crowdedPlacesDataset(n, 5_000, seed), window: WINDOW },
  { name: 'long-span', about: '500 BCE to 2025 at 2,000 places world-wide, mostly year and month dates; window: the 11th century', sizes: [10_000], make: longSpanDataset, window: [Date.UTC(1000, 0, 1), Date.UTC(1100, 0, 1)] },
  { name: 'bursts', about: 'four fifths of the events in three dense fortnights, the rest spread thin over 2024–2025, 2,000 crowded places; window: June 2024, holding a burst', sizes: [10_000], make: burstsDataset, window: WINDOW },
];

export interface BenchDataset {
  shape: string;
  size: number;
  /** The window `setWindow` moves to. */
  window: readonly [number, number];
  text: string;
  dataset: Dataset;
  /** The event `select` picks: the placed event nearest the middle of WINDOW. */
  pick: { id: string; index: number; place: string; samePlace: number };
  /** Bounds of the placed events: west, south, east, north. */
  bbox: [number, number, number, number];
}

export function makeDataset(size: number, shape: Shape = SHAPES[0]!, seed = 1): BenchDataset {
  const text = JSON.stringify(shape.make(size, seed));
  const result = validateJson(text);
  if (!result.ok) throw new Error(`synthetic ${shape.name} dataset of ${size} did not validate: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const dataset = result.dataset;
  const window = shape.window;
  const mid = (window[0] + window[1]) / 2;
  let best: ChronoEvent | undefined;
  for (const e of dataset.events) {
    if (!e.place || e.startMs < window[0] || e.startMs >= window[1]) continue;
    if (!best || Math.abs(e.startMs - mid) < Math.abs(best.startMs - mid)) best = e;
  }
  if (!best?.place) throw new Error(`no placed event in the window for ${size} ${shape.name} events`);
  const place = best.place;
  const samePlace = dataset.events.reduce((n, e) => (e.place === place ? n + 1 : n), 0) - 1;
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of dataset.places) {
    bbox[0] = Math.min(bbox[0], p.lon);
    bbox[1] = Math.min(bbox[1], p.lat);
    bbox[2] = Math.max(bbox[2], p.lon);
    bbox[3] = Math.max(bbox[3], p.lat);
  }
  return { shape: shape.name, size, window, text, dataset, pick: { id: best.id, index: best.index, place, samePlace }, bbox };
}

/** Placed events as points: numeric feature id (the event's index), start, end and kind. */
export function toGeoJson(dataset: Dataset): string {
  const features = [];
  for (const e of dataset.events) {
    const p = e.place ? dataset.placeById.get(e.place) : undefined;
    if (!p) continue;
    features.push({ type: 'Feature', id: e.index, geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { t: e.startMs, e: e.endMs, k: e.kind } });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** TimelineJS 3 JSON: one slide per event, its start as written (date, and time when exact), headline and text; no title slide. */
export function toTimelineJs(dataset: Dataset): string {
  const events = dataset.events.map((e) => {
    const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(e.start) ?? [];
    return {
      unique_id: e.id,
      start_date: { year, month: String(Number(month)), day: String(Number(day)), ...(hour ? { hour: String(Number(hour)), minute: String(Number(minute)) } : {}) },
      text: { headline: e.title, text: e.summary },
    };
  });
  return JSON.stringify({ events });
}
