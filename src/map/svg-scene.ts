/**
 * The SVG fallback's geometry, for browsers without WebGL and for print, and the label layout
 * both renderers use: a Mercator camera like MapLibre's (centre and zoom, fitted to a box the
 * same way), paths for land and borders, and labels that neither overlap nor leave the map.
 * d3-geo only computes; Lit renders.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3';
import type { Basemap } from './basemap';
import { FIT_MAX_ZOOM, fitPadding, mercatorScaleForZoom, normalizeLongitude, type Bounds, type Box, type LonLat, type Padding } from './fit';
import { fitZoom, mercY } from './story-view';

/** With no events to fit, the inhabited world. */
const WORLD: Bounds = [-179.9, -56, 179.9, 75];

/** Where the map looks: as MapLibre's `center` and `zoom` (512 px world at zoom 0). */
export interface Camera {
  center: LonLat;
  zoom: number;
}

function unMercY(y: number): number {
  return (Math.atan(Math.exp(y * 2 * Math.PI)) * 360) / Math.PI - 90;
}

/**
 * The camera that shows the box inside the padding, never closer than `maxZoom` (MapLibre's
 * `cameraForBounds`): the box's middle goes to the middle of the padded area.
 */
export function cameraForBounds(bounds: Bounds | null, width: number, height: number, maxZoom = FIT_MAX_ZOOM, pad: Padding = fitPadding(width, height)): Camera {
  const b = bounds ?? WORLD;
  const zoom = Math.max(0, Math.min(fitZoom(b, width, height, pad), maxZoom));
  const world = 512 * 2 ** zoom;
  const dx = (pad.right - pad.left) / 2 / world;
  const dy = (pad.bottom - pad.top) / 2 / world;
  return { center: [normalizeLongitude((b[0] + b[2]) / 2 + dx * 360), unMercY((mercY(b[1]) + mercY(b[3])) / 2 - dy)], zoom };
}

/** d3's Mercator for a camera: the centre in the middle of the map, rotated so any box stays whole. */
export function projectionFor({ center: [lon, lat], zoom }: Camera, width: number, height: number): GeoProjection {
  const k = mercatorScaleForZoom(zoom);
  return geoMercator()
    .rotate([-lon, 0])
    .scale(k)
    .translate([width / 2, height / 2 + mercY(lat) * 2 * Math.PI * k])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

export function fallbackProjection(bounds: Bounds | null, width: number, height: number): GeoProjection {
  return projectionFor(cameraForBounds(bounds, width, height), width, height);
}

/** The part of the world a camera shows, `margin` px wider each side; west may be below -180. */
export function cameraBounds({ center: [lon, lat], zoom }: Camera, width: number, height: number, margin = 0): Bounds {
  const world = 512 * 2 ** zoom;
  const halfLon = ((width / 2 + margin) / world) * 360;
  if (halfLon >= 180) {
    const y = mercY(lat);
    return [-180, unMercY(y - (height / 2 + margin) / world), 180, unMercY(y + (height / 2 + margin) / world)];
  }
  const y = mercY(lat);
  return [lon - halfLon, unMercY(y - (height / 2 + margin) / world), lon + halfLon, unMercY(y + (height / 2 + margin) / world)];
}

export function basemapPaths(basemap: Basemap, projection: GeoProjection): { land: string; borders: string } {
  const path = geoPath(projection);
  return { land: path(basemap.countries) ?? '', borders: path(basemap.borders) ?? '' };
}

export interface LabelCandidate {
  /** Place id; one label per place. */
  place: string;
  /** The marker's centre, px. */
  x: number;
  y: number;
  text: string;
  count: number;
  /** Labelled whatever it costs others (the selected place). */
  keep?: boolean;
}

export interface PlacedLabel extends LabelCandidate {
  /** How the text aligns on (tx, ty): its start, its end, or its middle. */
  anchor: 'start' | 'end' | 'middle';
  tx: number;
  /** Baseline of the text. */
  ty: number;
  box: Box;
}

export interface LabelOptions {
  width: number;
  height: number;
  /** Boxes no label may cover: the controls and edge markers over the map. */
  obstacles?: readonly Box[];
  /** Boxes a label covers only where no side of its mark is free of them: the marks drawn. */
  avoid?: readonly Box[];
  /** Width of a text in px; by default a rough 6.8 px per character of 12 px sans-serif. */
  measure?: (text: string) => number;
  /** At most this many labels. */
  limit?: number;
}

export const LABEL_HEIGHT = 15;
/** From the marker's centre to the label's near edge: half an icon and a gap. */
const LABEL_OFFSET = 13;
/** The baseline sits this far below a label box's top. */
const BASELINE = 11;
/** A label's box keeps this far from the map's edge. */
const EDGE = 2;

const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Labels that overlap neither each other nor an obstacle, and lie wholly inside the map: the
 * kept ones first, then busier places, each to the right of its marker, else to the left, above
 * or below (a side clear of other marks first), or not at all. A label is never cut short; a
 * place it does not fit beside is simply not labelled.
 */
export function layoutLabels(candidates: readonly LabelCandidate[], options: LabelOptions): PlacedLabel[] {
  const { width, height, obstacles = [], avoid = [], measure = (t) => t.length * 6.8, limit = Infinity } = options;
  const placed: PlacedLabel[] = [];
  const order = [...candidates].sort((a, b) => Number(!!b.keep) - Number(!!a.keep) || b.count - a.count || a.text.localeCompare(b.text));
  const seen = new Set<string>();
  for (const c of order) {
    if (placed.length >= limit) break;
    if (seen.has(c.place) || !Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    seen.add(c.place);
    const w = measure(c.text);
    const h = LABEL_HEIGHT;
    const sides: { anchor: PlacedLabel['anchor']; box: Box; tx: number }[] = [
      { anchor: 'start', box: [c.x + LABEL_OFFSET, c.y - h / 2, c.x + LABEL_OFFSET + w, c.y + h / 2], tx: c.x + LABEL_OFFSET },
      { anchor: 'end', box: [c.x - LABEL_OFFSET - w, c.y - h / 2, c.x - LABEL_OFFSET, c.y + h / 2], tx: c.x - LABEL_OFFSET },
      { anchor: 'middle', box: [c.x - w / 2, c.y - LABEL_OFFSET - h, c.x + w / 2, c.y - LABEL_OFFSET], tx: c.x },
      { anchor: 'middle', box: [c.x - w / 2, c.y + LABEL_OFFSET, c.x + w / 2, c.y + LABEL_OFFSET + h], tx: c.x },
    ];
    const allowed = sides.filter(
      ({ box }) => box[0] >= EDGE && box[1] >= EDGE && box[2] <= width - EDGE && box[3] <= height - EDGE && !placed.some((p) => overlap(p.box, box)) && !obstacles.some((o) => overlap(o, box)),
    );
    const side = allowed.find(({ box }) => !avoid.some((o) => overlap(o, box))) ?? allowed[0];
    if (!side) continue;
    placed.push({ ...c, anchor: side.anchor, tx: side.tx, ty: side.box[1] + BASELINE, box: side.box });
  }
  return placed;
}
