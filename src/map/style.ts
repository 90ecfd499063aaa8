/**
 * The MapLibre style, as plain objects: no glyphs URL (MapLibre draws text with the browser's
 * fonts), no sprite (event icons and cluster rings are added with `addImage`), no remote source.
 *
 * Layers, bottom to top: water, land, borders (1:110m, then 1:50m from DETAIL_ZOOM), halos of
 * places matching a search, clusters (a ring split by kind, with the count), places (the mark
 * of each place's most important event). The selected and hovered events' own marks and rings
 * go above them all as MapLibre markers (see ./webgl-map.ts), so they show even where their
 * place is in a cluster, and move with no source to rebuild.
 *
 * Places and clusters come as vector tiles cut from the cluster index on the main thread (see
 * ./place-index.ts and ./tile-protocol.ts). Marks allow overlap and ignore placement, so no
 * mark is hidden by another and none costs a collision test; at a spot shared by places the
 * most important is drawn on top (`symbol-sort-key`). Place names are not drawn here: the
 * element lays a capped set of labels out itself, so they neither overlap nor leave the map.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Palette } from '../ui/marks';
import type { Basemap } from './basemap';
import { MAP_MAX_ZOOM, TILE_LAYER } from './place-index';

/**
 * Each source's tiles arrive on their own, and in software WebGL each arrival costs a repaint
 * (20–130 ms while the map starts), so land and borders share one source.
 */
export const SOURCE = { basemap: 'basemap', basemapDetail: 'basemap-detail', places: 'places' } as const;
export const LAYER = {
  water: 'water',
  land: 'land',
  borders: 'borders',
  landDetail: 'land-detail',
  bordersDetail: 'borders-detail',
  halos: 'match-halos',
  clusters: 'clusters',
  places: 'places',
} as const;

/**
 * From this zoom on, the 1:50m basemap is drawn instead of the 1:110m one: the map opens on the
 * coarse one (the world is zoom 1–2, Ukraine with Moscow zoom 3.5–4 in a 300–460 px high map,
 * where 1:110m is still a few px per segment) and fetches the fine one only when a reader or a
 * fit goes closer.
 */
export const DETAIL_ZOOM = 4.5;

/** Tried in order by the browser; MapLibre appends sans-serif. */
const FONT_STACK = ['system-ui', 'Segoe UI', 'Roboto', 'Noto Sans', 'DejaVu Sans'];

/** Features of the basemap source: one multi-line of borders, the rest countries. */
const IS_BORDER: ExpressionSpecification = ['has', 'border'];

const IS_CLUSTER: ExpressionSpecification = ['has', 'cl'];
/** While the reader searches, tiles carry `m`, the matching events: the rest is dimmed. */
const EMPHASIS: ExpressionSpecification = ['case', ['has', 'm'], ['case', ['>', ['get', 'm'], 0], 1, 0.3], 1];

type PaintByLayer = {
  [LAYER.water]: { 'background-color': string };
  [LAYER.land]: { 'fill-color': string };
  [LAYER.borders]: { 'line-color': string };
  [LAYER.landDetail]: { 'fill-color': string };
  [LAYER.bordersDetail]: { 'line-color': string };
  [LAYER.halos]: { 'circle-color': string; 'circle-stroke-color': string };
  [LAYER.clusters]: { 'text-color': string; 'text-halo-color': string };
};

/** The paint properties that follow the theme; applied again by `setPaintProperty` on a change. */
export function themePaint(p: Palette): PaintByLayer {
  return {
    [LAYER.water]: { 'background-color': p.water },
    [LAYER.land]: { 'fill-color': p.land },
    [LAYER.borders]: { 'line-color': p.border },
    [LAYER.landDetail]: { 'fill-color': p.land },
    [LAYER.bordersDetail]: { 'line-color': p.border },
    [LAYER.halos]: { 'circle-color': p.accent, 'circle-stroke-color': p.accent },
    [LAYER.clusters]: { 'text-color': p.ink, 'text-halo-color': p.paper },
  };
}

export interface StyleInput {
  /** Planar (unwrapped) coarse basemap. */
  basemap: Basemap;
  /** Tile URL template of the places (see ./tile-protocol.ts). */
  places: string;
  palette: Palette;
}

const BORDER_WIDTH = 0.8;

/**
 * The basemap holds only fills and thin lines, which need no more than a line's width of
 * geometry past a tile's edge; MapLibre's default buffer (128 px of a 512 px tile) is sized for
 * symbols and makes every tile carry 2.25 times its own area. Its worker keeps every tile it
 * has cut for the life of the map, so that is memory a long lesson never gets back.
 */
const BASEMAP_TILE_BUFFER = 4;

/**
 * The fine basemap's source and layers, added when first needed, drawn under the events; the
 * coarse layers then stop at DETAIL_ZOOM (`setLayerZoomRange`).
 */
export function detailBasemap(basemap: Basemap, palette: Palette): { source: SourceSpecification; layers: LayerSpecification[] } {
  const paint = themePaint(palette);
  return {
    source: { type: 'geojson', data: basemapSourceData(basemap), maxzoom: 8, buffer: BASEMAP_TILE_BUFFER },
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

export function mapStyle({ basemap, places, palette }: StyleInput): StyleSpecification {
  const paint = themePaint(palette);
  const layers: LayerSpecification[] = [
    { id: LAYER.water, type: 'background', paint: paint[LAYER.water] },
    { id: LAYER.land, type: 'fill', source: SOURCE.basemap, filter: ['!', IS_BORDER], paint: paint[LAYER.land] },
    { id: LAYER.borders, type: 'line', source: SOURCE.basemap, filter: IS_BORDER, paint: { ...paint[LAYER.borders], 'line-width': BORDER_WIDTH } },
    {
      id: LAYER.halos,
      type: 'circle',
      source: SOURCE.places,
      'source-layer': TILE_LAYER,
      filter: ['>', ['coalesce', ['get', 'm'], 0], 0],
      paint: {
        ...paint[LAYER.halos],
        'circle-radius': ['case', IS_CLUSTER, ['*', ['get', 'size'], 26], 15],
        'circle-opacity': 0.25,
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.clusters,
      type: 'symbol',
      source: SOURCE.places,
      'source-layer': TILE_LAYER,
      filter: IS_CLUSTER,
      layout: {
        // Ring pictures are drawn on demand (`styleimagemissing`), one per mix of kinds.
        'icon-image': ['get', 'ring'],
        'icon-size': ['get', 'size'],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'text-field': ['get', 'label'],
        'text-font': FONT_STACK,
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { ...paint[LAYER.clusters], 'text-halo-width': 1, 'icon-opacity': EMPHASIS, 'text-opacity': EMPHASIS },
    },
    {
      id: LAYER.places,
      type: 'symbol',
      source: SOURCE.places,
      'source-layer': TILE_LAYER,
      filter: ['!', IS_CLUSTER],
      layout: {
        // The names `iconName` in ./icons.ts gives the images.
        'icon-image': ['get', 'icon'],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        // Where places overlap (the deepest zoom), the most important event's mark is on top.
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'icon-opacity': EMPHASIS },
    },
  ];
  return {
    version: 8,
    sources: {
      // Natural Earth has no detail to show past zoom 8; tiling stops there and overzooms.
      [SOURCE.basemap]: { type: 'geojson', data: basemapSourceData(basemap), maxzoom: 8, buffer: BASEMAP_TILE_BUFFER },
      [SOURCE.places]: { type: 'vector', tiles: [places], minzoom: 0, maxzoom: MAP_MAX_ZOOM },
    },
    layers,
  };
}
