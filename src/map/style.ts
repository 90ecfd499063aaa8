/**
 * The MapLibre style, as plain objects: no glyphs URL (MapLibre draws label text with the
 * browser's fonts), no sprite (event icons are added with `addImage`), no remote source.
 *
 * Layers, bottom to top: water, land, borders (1:110m, then 1:50m from DETAIL_ZOOM), place
 * labels, event icons, selection rings.
 *
 * Crowding: many strikes hit one city. The events source holds one point per marker (a place's
 * events of one kind and status style, see `placeMarkers`), rebuilt for each window and filters,
 * so the map draws distinct marks, not every event on top of the others. Icons allow overlap
 * and ignore placement, so a marker is never hidden by another symbol and costs no collision
 * test. Each place gets one label, from a small
 * source recomputed per window and filters, with its name and how many events are there
 * ("Kharkiv · 4"). Labels collide only with each other (busier places win), sit beside their
 * point, and are drawn under the icons.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Palette } from '../ui/marks';
import type { Basemap } from './basemap';
import type { LabelProperties, MarkerProperties } from './features';
import { RING_RADIUS } from './icons';

/**
 * Each source's tiles arrive on their own, and in software WebGL each arrival costs a repaint
 * (20–130 ms while the map starts), so land and borders share one source. Labels keep their
 * own: sharing the markers' source made MapLibre's queryRenderedFeatures return labels from the
 * icon layers once these were split (MapLibre 6.17), and clicks rely on that query.
 */
export const SOURCE = { basemap: 'basemap', basemapDetail: 'basemap-detail', events: 'events', labels: 'labels' } as const;
export const LAYER = {
  water: 'water',
  land: 'land',
  borders: 'borders',
  landDetail: 'land-detail',
  bordersDetail: 'borders-detail',
  rings: 'event-rings',
  labels: 'place-labels',
} as const;

/**
 * From this zoom on, the 1:50m basemap is drawn instead of the 1:110m one: the map opens on the
 * coarse one (the world, or Alaska to Ukraine, is zoom 1–2) and fetches the fine one only when a
 * reader or a fit goes closer.
 */
export const DETAIL_ZOOM = 2.5;

/** Tried in order by the browser; MapLibre appends sans-serif. */
const FONT_STACK = ['system-ui', 'Segoe UI', 'Roboto', 'Noto Sans', 'DejaVu Sans'];

/** Features of the basemap source: one multi-line of borders, the rest countries. */
const IS_BORDER: ExpressionSpecification = ['has', 'border'];

const SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const HOVERED: ExpressionSpecification = ['boolean', ['feature-state', 'hovered'], false];

/**
 * MapLibre numbers a tile's icons with signed 16-bit integers: past 32,767 icons in one tile
 * of one layer, placement throws. Event icons are therefore dealt round as many layers as
 * needed, none holding more than this many markers.
 */
export const ICONS_PER_LAYER = 30_000;

export function iconLayerCount(points: number): number {
  return Math.max(1, Math.ceil(points / ICONS_PER_LAYER));
}

export function iconLayerIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `events-${i}`);
}

/** The markers dealt to icon layer `i` of `count` by their index; null (all) for one layer. */
export function iconLayerFilter(i: number, count: number): FilterSpecification | null {
  return count === 1 ? null : ['==', ['%', ['get', 'n'], count], i];
}

export function iconLayers(count: number): SymbolLayerSpecification[] {
  return iconLayerIds(count).map((id, i) => {
    const filter = iconLayerFilter(i, count);
    return {
      id,
      type: 'symbol',
      source: SOURCE.events,
      ...(filter ? { filter } : {}),
      layout: {
        // The names `iconName` in ./icons.ts gives the images.
        'icon-image': ['concat', ['get', 'kind'], '-', ['get', 'style']],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    };
  });
}

type PaintByLayer = {
  [LAYER.water]: { 'background-color': string };
  [LAYER.land]: { 'fill-color': string };
  [LAYER.borders]: { 'line-color': string };
  [LAYER.landDetail]: { 'fill-color': string };
  [LAYER.bordersDetail]: { 'line-color': string };
  [LAYER.rings]: { 'circle-stroke-color': ExpressionSpecification };
  [LAYER.labels]: { 'text-color': string; 'text-halo-color': string };
};

/** The paint properties that follow the theme; applied again by `setPaintProperty` on a change. */
export function themePaint(p: Palette): PaintByLayer {
  return {
    [LAYER.water]: { 'background-color': p.water },
    [LAYER.land]: { 'fill-color': p.land },
    [LAYER.borders]: { 'line-color': p.border },
    [LAYER.landDetail]: { 'fill-color': p.land },
    [LAYER.bordersDetail]: { 'line-color': p.border },
    [LAYER.rings]: { 'circle-stroke-color': ['case', SELECTED, p.accent, p.muted] },
    [LAYER.labels]: { 'text-color': p.ink, 'text-halo-color': p.paper },
  };
}

export interface StyleInput {
  /** Planar (unwrapped) coarse basemap. */
  basemap: Basemap;
  markers: FeatureCollection<Point, MarkerProperties>;
  labels: FeatureCollection<Point, LabelProperties>;
  palette: Palette;
}

const BORDER_WIDTH = 0.8;

/**
 * The fine basemap's source and layers, added when first needed, drawn under the events; the
 * coarse layers then stop at DETAIL_ZOOM (`setLayerZoomRange`).
 */
export function detailBasemap(basemap: Basemap, palette: Palette): { source: SourceSpecification; layers: LayerSpecification[] } {
  const paint = themePaint(palette);
  return {
    source: { type: 'geojson', data: basemapSourceData(basemap), maxzoom: 8 },
    layers: [
      { id: LAYER.landDetail, type: 'fill', source: SOURCE.basemapDetail, minzoom: DETAIL_ZOOM, filter: ['!', IS_BORDER], paint: paint[LAYER.landDetail] },
      { id: LAYER.bordersDetail, type: 'line', source: SOURCE.basemapDetail, minzoom: DETAIL_ZOOM, filter: IS_BORDER, paint: { ...paint[LAYER.bordersDetail], 'line-width': BORDER_WIDTH } },
    ],
  };
}

/** Countries and borders in one collection; the border mesh is the one feature with `border`. */
export function basemapSourceData({ countries, borders }: Basemap): FeatureCollection {
  return { type: 'FeatureCollection', features: [...countries.features, { type: 'Feature', properties: { border: true }, geometry: borders }] };
}

export function mapStyle({ basemap, markers, labels, palette }: StyleInput): StyleSpecification {
  const paint = themePaint(palette);
  const layers: LayerSpecification[] = [
    { id: LAYER.water, type: 'background', paint: paint[LAYER.water] },
    { id: LAYER.land, type: 'fill', source: SOURCE.basemap, filter: ['!', IS_BORDER], paint: paint[LAYER.land] },
    { id: LAYER.borders, type: 'line', source: SOURCE.basemap, filter: IS_BORDER, paint: { ...paint[LAYER.borders], 'line-width': BORDER_WIDTH } },
    {
      id: LAYER.labels,
      type: 'symbol',
      source: SOURCE.labels,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_STACK,
        'text-size': 12,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 1.1,
        'text-justify': 'auto',
        'text-max-width': 14,
        'symbol-sort-key': ['-', ['get', 'count']],
      },
      paint: { ...paint[LAYER.labels], 'text-halo-width': 1.5 },
    },
    ...iconLayers(iconLayerCount(markers.features.length)),
    // On top: at a crowded spot the selected event's ring must not hide under other icons.
    {
      id: LAYER.rings,
      type: 'circle',
      source: SOURCE.events,
      paint: {
        ...paint[LAYER.rings],
        // Radius 0 for the unmarked: a zero-size circle costs the rasterizer nothing, where a
        // transparent one is still drawn (12 ms of a 63 ms repaint in software WebGL, measured).
        'circle-radius': ['case', ['any', SELECTED, HOVERED], RING_RADIUS, 0],
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-stroke-width': ['case', SELECTED, 3, HOVERED, 2.5, 0],
      },
    },
  ];
  return {
    version: 8,
    sources: {
      // Natural Earth has no detail to show past zoom 8; tiling stops there and overzooms.
      [SOURCE.basemap]: { type: 'geojson', data: basemapSourceData(basemap), maxzoom: 8 },
      // A small buffer: icons are 24 px, and every extra px of buffer copies points into neighbours.
      [SOURCE.events]: { type: 'geojson', data: markers, buffer: 32, maxzoom: 12, promoteId: 'key' },
      [SOURCE.labels]: { type: 'geojson', data: labels, maxzoom: 12 },
    },
    layers,
  };
}
