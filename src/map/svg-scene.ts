/**
 * The SVG fallback's geometry, for browsers without WebGL and for print: a Mercator projection
 * fitted like the WebGL view, paths for land and borders, marker positions and labels that do
 * not overlap. d3-geo only computes; Lit renders.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3';
import type { Dataset } from '../model/dataset';
import type { Basemap } from './basemap';
import type { PlaceMarker } from './features';
import { FIT_MAX_ZOOM, FIT_PADDING, mercatorScaleForZoom, type Bounds } from './fit';

/** With no events to fit, the inhabited world. */
const WORLD: Bounds = [-179.9, -56, 179.9, 75];

/**
 * Mercator centred on the middle of the box (so a box across the antimeridian stays whole),
 * scaled to fit it with padding, never closer than the WebGL map's fit zoom.
 */
export function fallbackProjection(bounds: Bounds | null, width: number, height: number): GeoProjection {
  const [west, south, east, north] = bounds ?? WORLD;
  const pad = Math.max(0, Math.min(FIT_PADDING, width / 4, height / 4));
  const p = geoMercator()
    .rotate([-(west + east) / 2, 0])
    .scale(1)
    .translate([0, 0]);
  const [x0, y0] = p([west, north])!;
  const [x1, y1] = p([east, south])!;
  const k = Math.max(1e-3, Math.min((width - 2 * pad) / Math.abs(x1 - x0), (height - 2 * pad) / Math.abs(y1 - y0), mercatorScaleForZoom(FIT_MAX_ZOOM)));
  return p
    .scale(k)
    .translate([width / 2 - ((x0 + x1) / 2) * k, height / 2 - ((y0 + y1) / 2) * k])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

export function basemapPaths(basemap: Basemap, projection: GeoProjection): { land: string; borders: string } {
  const path = geoPath(projection);
  return { land: path(basemap.countries) ?? '', borders: path(basemap.borders) ?? '' };
}

export interface SvgMarker extends PlaceMarker {
  x: number;
  y: number;
}

/** The markers where the projection puts them, in the same order (newest on top). */
export function svgMarkers(dataset: Dataset, markers: readonly PlaceMarker[], projection: GeoProjection): SvgMarker[] {
  return markers.flatMap((m) => {
    const place = dataset.placeById.get(m.place)!;
    const [x, y] = projection([place.lon, place.lat]) ?? [NaN, NaN];
    return Number.isFinite(x) && Number.isFinite(y) ? [{ ...m, x, y }] : [];
  });
}

export interface LabelCandidate {
  place: string;
  x: number;
  y: number;
  text: string;
  count: number;
}

export interface SvgLabel extends LabelCandidate {
  anchor: 'start' | 'end';
  /** Text position: beside the marker, not on it. */
  tx: number;
  ty: number;
}

/** Rough advance of a 12 px system sans-serif character; enough to keep labels apart. */
const CHAR_WIDTH = 6.8;
const LABEL_HEIGHT = 14;
const LABEL_OFFSET = 13;

/**
 * Labels that do not overlap each other: busier places first, each to the right of its point
 * or else to the left, or not at all (as MapLibre's collision does). A side where the label
 * fits inside the map is preferred; a name too long for either side goes where more of it shows.
 */
export function layoutLabels(candidates: readonly LabelCandidate[], width: number, height: number): SvgLabel[] {
  const placed: SvgLabel[] = [];
  const boxes: [number, number, number, number][] = [];
  const order = [...candidates].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  for (const c of order) {
    const w = c.text.length * CHAR_WIDTH;
    const sides = (['start', 'end'] as const).map((anchor) => {
      const x0 = anchor === 'start' ? c.x + LABEL_OFFSET : c.x - LABEL_OFFSET - w;
      const box: [number, number, number, number] = [x0, c.y - LABEL_HEIGHT / 2, x0 + w, c.y + LABEL_HEIGHT / 2];
      return {
        anchor,
        box,
        shown: Math.min(box[2], width) - Math.max(box[0], 0),
        free: box[1] >= 0 && box[3] <= height && !boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]),
      };
    });
    const side = sides.find((s) => s.free && s.shown >= w) ?? sides.filter((s) => s.free).sort((a, b) => b.shown - a.shown)[0];
    if (!side || side.shown <= 0) continue;
    boxes.push(side.box);
    placed.push({ ...c, anchor: side.anchor, tx: side.anchor === 'start' ? c.x + LABEL_OFFSET : c.x - LABEL_OFFSET, ty: c.y + 4 });
  }
  return placed;
}
