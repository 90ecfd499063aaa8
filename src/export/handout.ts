/**
 * The printed handout as pure math: which events it lists and with which numbers, and where
 * those numbers go on its own maps (d3-geo over the shipped basemap, fitted to the places of the
 * events, with a detail map where they crowd) and on its picture of the timeline (the window's lanes). A number means the same
 * event in the list, on the map and on the timeline.
 */
import { scaleUtc, type GeoProjection } from 'd3';
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { PlaceRecord } from '../model/schema';
import type { TimeWindow } from '../model/select';
import type { Basemap } from '../map/basemap';
import { placesOf, placeName } from '../map/features';
import { boundsOf, zoomForMercatorScale } from '../map/fit';
import { DETAIL_ZOOM } from '../map/style';
import { basemapPaths, fallbackProjection } from '../map/svg-scene';
import { anchorTime } from '../timeline/layout';
import { statusStyle, type StatusStyle } from '../ui/marks';

/** A class handout needs no more; the print DOM stays small. */
export const HANDOUT_LIMIT = 500;

export interface HandoutEntry {
  number: number;
  event: ChronoEvent;
}

/**
 * The events to list: the selected one first (whether or not the window holds it), then the
 * others in time order, numbered from 1 in that order; at most `limit`.
 */
export function handoutEntries(events: readonly ChronoEvent[], selected: ChronoEvent | null, limit = HANDOUT_LIMIT): { entries: HandoutEntry[]; omitted: number } {
  const ordered = selected ? [selected, ...events.filter((e) => e !== selected)] : [...events];
  const kept = ordered.slice(0, limit);
  return { entries: kept.map((event, i) => ({ number: i + 1, event })), omitted: ordered.length - kept.length };
}

/** "1–3, 7, 9, 10": runs of three or more as ranges. */
export function compactNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(', ');
}

// ---- The map ----

export interface HandoutPlace {
  place: string;
  name: string;
  x: number;
  y: number;
  numbers: number[];
  /** The numbers as printed beside the point, a few to a line. */
  lines: string[];
  /** The label's box; null when the place is labelled on the detail map instead. */
  box: Rect | null;
}

export interface HandoutMap {
  width: number;
  height: number;
  /** Close enough (from the map view's DETAIL_ZOOM) that the 1:50m basemap is drawn when loaded. */
  close: boolean;
  land: string;
  borders: string;
  places: HandoutPlace[];
  /** On the overview, the area the detail map shows. */
  frame: Rect | null;
}

/** Rough advance of a bold 11 px digit or comma in a system sans-serif. */
const DIGIT_WIDTH = 6.6;
const LINE_HEIGHT = 13;
const LINE_CHARS = 16;
const DOT_RADIUS = 4;
const LABEL_GAP = 4;
const LABEL_PAD = 3;

/** Number text broken at commas into lines of at most LINE_CHARS characters. */
export function numberLines(text: string): string[] {
  const lines: string[] = [];
  for (const part of text.split(', ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 2 + part.length <= LINE_CHARS) lines[lines.length - 1] = `${last}, ${part}`;
    else lines.push(part);
  }
  return lines;
}

export type Rect = { x: number; y: number; width: number; height: number };

const overlap = (a: Rect, b: Rect) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Label boxes beside their points: right, left, above, below, then the corners, the first that
 * stays in the frame and clear of other labels and points; else the one overlapping least.
 * Every place keeps its label: a number missing from the map would break the handout.
 */
export function placeLabels(points: readonly { x: number; y: number; lines: string[] }[], width: number, height: number): Rect[] {
  const dots = points.map((p) => ({ x: p.x - DOT_RADIUS, y: p.y - DOT_RADIUS, width: 2 * DOT_RADIUS, height: 2 * DOT_RADIUS }));
  const placed: Rect[] = [];
  const order = points.map((_, i) => i).sort((a, b) => points[b]!.lines.length - points[a]!.lines.length || points[a]!.y - points[b]!.y);
  const boxes: Rect[] = new Array(points.length);
  for (const i of order) {
    const p = points[i]!;
    const w = Math.max(...p.lines.map((l) => l.length)) * DIGIT_WIDTH + 2 * LABEL_PAD;
    const h = p.lines.length * LINE_HEIGHT + 2 * LABEL_PAD - 2;
    const d = DOT_RADIUS + LABEL_GAP;
    const candidates: Rect[] = [
      { x: p.x + d, y: p.y - h / 2, width: w, height: h },
      { x: p.x - d - w, y: p.y - h / 2, width: w, height: h },
      { x: p.x - w / 2, y: p.y - d - h, width: w, height: h },
      { x: p.x - w / 2, y: p.y + d, width: w, height: h },
      { x: p.x + d, y: p.y - d - h, width: w, height: h },
      { x: p.x - d - w, y: p.y - d - h, width: w, height: h },
      { x: p.x + d, y: p.y + d, width: w, height: h },
      { x: p.x - d - w, y: p.y + d, width: w, height: h },
    ];
    const cost = (r: Rect) => {
      const outside = r.width * r.height - overlap(r, { x: 0, y: 0, width, height });
      return outside * 4 + placed.reduce((s, b) => s + overlap(r, b), 0) + dots.reduce((s, b, j) => s + (j === i ? 0 : overlap(r, b)), 0);
    };
    let best = candidates[0]!;
    let bestCost = Infinity;
    for (const c of candidates) {
      const k = cost(c);
      if (k < bestCost) [best, bestCost] = [c, k];
      if (k === 0) break;
    }
    placed.push(best);
    boxes[i] = best;
  }
  return boxes;
}

/** Points closer than this (px) on the overview are crowded enough to be one group. */
const CROWD_LINK = 36;
/** A detail map is drawn for a group of at least this many places… */
const CROWD_MIN = 4;
/** …when it would show them at least this many times larger than the overview does. */
const DETAIL_GAIN = 2.5;
const FRAME_PAD = 10;

/**
 * The largest group of points chained together by links shorter than CROWD_LINK px (indexes),
 * or null when no group has CROWD_MIN points.
 */
export function crowdedGroup(points: readonly { x: number; y: number }[]): number[] | null {
  const parent = points.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y) < CROWD_LINK) parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, number[]>();
  points.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  const largest = [...groups.values()].sort((a, b) => b.length - a.length)[0];
  return largest && largest.length >= CROWD_MIN ? largest : null;
}

interface Located {
  place: PlaceRecord;
  name: string;
  numbers: number[];
  lines: string[];
}

/** The 1:110m basemap, and the 1:50m one if it has been loaded (the map view loads it when zoomed in). */
export interface HandoutBasemaps {
  coarse: Basemap;
  fine: Basemap | null;
}

function mapOf(located: readonly Located[], labelled: (i: number) => boolean, basemaps: HandoutBasemaps, width: number, height: number): HandoutMap & { projection: GeoProjection } {
  const projection = fallbackProjection(boundsOf(located.map((l) => [l.place.lon, l.place.lat] as const)), width, height);
  const close = zoomForMercatorScale(projection.scale()) >= DETAIL_ZOOM;
  const { land, borders } = basemapPaths(close && basemaps.fine ? basemaps.fine : basemaps.coarse, projection);
  const points = located.map((l) => {
    const [x, y] = projection([l.place.lon, l.place.lat]) ?? [NaN, NaN];
    return { place: l.place.id, name: l.name, x, y, numbers: l.numbers, lines: l.lines };
  });
  const shown = points.filter((p, i) => labelled(i) && Number.isFinite(p.x) && Number.isFinite(p.y));
  const boxes = new Map(placeLabels(shown, width, height).map((box, i) => [shown[i]!.place, box]));
  return { width, height, close, land, borders, places: points.map((p) => ({ ...p, box: boxes.get(p.place) ?? null })), frame: null, projection };
}

/**
 * The handout's maps: an overview of every place an entry is drawn at, labelled with the numbers
 * of its entries, and, where places crowd together on it (Ukraine's cities beside Alaska and
 * Washington), a detail map of that group: on the overview their area is framed and their
 * numbers are given on the detail map. Each number drawn at a place appears on exactly one map.
 */
export function handoutMaps(dataset: Dataset, entries: readonly HandoutEntry[], basemaps: HandoutBasemaps, size: { width: number; height: number; detailHeight: number }, lang: string): { overview: HandoutMap; detail: HandoutMap | null } {
  const numbersAt = new Map<string, number[]>();
  for (const { number, event } of entries) {
    for (const id of placesOf(event)) {
      if (!dataset.placeById.has(id)) continue;
      const list = numbersAt.get(id);
      if (list) list.push(number);
      else numbersAt.set(id, [number]);
    }
  }
  const located: Located[] = [...numbersAt].map(([id, numbers]) => {
    const place = dataset.placeById.get(id)!;
    return { place, name: placeName(dataset, place, lang), numbers, lines: numberLines(compactNumbers(numbers)) };
  });
  const { width, height } = size;
  const whole = mapOf(located, () => true, basemaps, width, height);
  const group = crowdedGroup(whole.places);
  if (!group) return { overview: strip(whole), detail: null };
  const detail = mapOf(
    group.map((i) => located[i]!),
    () => true,
    basemaps,
    width,
    size.detailHeight,
  );
  if (detail.projection.scale() < whole.projection.scale() * DETAIL_GAIN) return { overview: strip(whole), detail: null };
  const inGroup = new Set(group);
  const overview = mapOf(located, (i) => !inGroup.has(i), basemaps, width, height);
  const xs = group.map((i) => overview.places[i]!.x);
  const ys = group.map((i) => overview.places[i]!.y);
  const frame = { x: Math.min(...xs) - FRAME_PAD, y: Math.min(...ys) - FRAME_PAD, width: Math.max(...xs) - Math.min(...xs) + 2 * FRAME_PAD, height: Math.max(...ys) - Math.min(...ys) + 2 * FRAME_PAD };
  return { overview: { ...strip(overview), frame }, detail: strip(detail) };
}

function strip({ projection: _projection, ...map }: HandoutMap & { projection: GeoProjection }): HandoutMap {
  return map;
}

// ---- The timeline ----

export interface HandoutMark {
  number: number;
  x: number;
  y: number;
  kind: string;
  style: StatusStyle;
}

export interface HandoutLane {
  id: string;
  y: number;
  height: number;
}

export interface HandoutTimeline {
  width: number;
  height: number;
  lanes: HandoutLane[];
  marks: HandoutMark[];
  ticks: { x: number; ms: number }[];
  axisY: number;
}

const ROW_HEIGHT = 30;
const LANE_TOP = 18;
const LANE_GAP = 8;
const AXIS_HEIGHT = 22;
const SIDE = 16;
const MAX_ROWS = 12;

/**
 * The window's lanes (those its entries use, in the dataset's order) with a mark per entry at
 * its time, rows stacked so that the numbers above the marks do not overlap; an entry outside
 * the window (the selected event) is drawn at the window's edge.
 */
export function handoutTimeline(dataset: Dataset, entries: readonly HandoutEntry[], window: TimeWindow, width: number): HandoutTimeline {
  const x = scaleUtc().domain([window[0], window[1]]).range([SIDE, width - SIDE]).clamp(true);
  const used = new Set(entries.map((e) => e.event.lane));
  const lanes: HandoutLane[] = [];
  const marks: HandoutMark[] = [];
  let top = 0;
  for (const lane of dataset.lanes) {
    if (!used.has(lane.id)) continue;
    const items = entries
      .filter((e) => e.event.lane === lane.id)
      .map((e) => ({ entry: e, x: x(anchorTime(e.event)), half: Math.max(9, (String(e.number).length * DIGIT_WIDTH) / 2 + 3) }))
      .sort((a, b) => a.x - b.x || a.entry.number - b.entry.number);
    const rowEnds: number[] = [];
    for (const item of items) {
      let row = rowEnds.findIndex((end) => end <= item.x - item.half);
      if (row < 0) row = rowEnds.length < MAX_ROWS ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = item.x + item.half + 2;
      marks.push({ number: item.entry.number, x: item.x, y: top + LANE_TOP + row * ROW_HEIGHT + ROW_HEIGHT - 8, kind: item.entry.event.kind, style: statusStyle(item.entry.event.status) });
    }
    const height = LANE_TOP + Math.max(1, rowEnds.length) * ROW_HEIGHT;
    lanes.push({ id: lane.id, y: top, height });
    top += height + LANE_GAP;
  }
  const axisY = Math.max(0, top - LANE_GAP) + 4;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 120))).map((d) => ({ x: x(d), ms: +d }));
  return { width, height: axisY + AXIS_HEIGHT, lanes, marks, ticks, axisY };
}

const DAY = 86_400_000;

/** How the timeline's ticks are written for a window of this length (UTC, as on screen). */
export function tickOptions([from, to]: TimeWindow): Intl.DateTimeFormatOptions {
  const span = to - from;
  if (span <= 2 * DAY) return { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (span <= 120 * DAY) return { day: 'numeric', month: 'short' };
  if (span <= 6 * 365 * DAY) return { month: 'short', year: 'numeric' };
  return { year: 'numeric' };
}
