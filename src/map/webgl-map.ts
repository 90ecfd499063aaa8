/**
 * The MapLibre map behind <cm-map>: built once from the style in ./style.ts, then changed only
 * incrementally. The events source gets `setData` when the dataset changes; the time window
 * and filters go through the style's global state, read by a fixed filter; selection and hover
 * through feature-state. The element
 * decides what to show; this class only knows how to show it.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { Palette } from '../ui/marks';
import { planarBasemap, type Basemap } from './basemap';
import type { EventProperties, LabelProperties } from './features';
import { FIT_MAX_ZOOM, FIT_PADDING, boundsContain, type Bounds, type LonLat } from './fit';
import { allIcons, drawIcon } from './icons';
import type { MapLibre } from './maplibre';
import { SOURCE, VIEW, iconLayerCount, iconLayerIds, iconLayers, mapStyle, themePaint, type ViewState } from './style';

export interface WebGLMapInit {
  container: HTMLElement;
  /** On the sphere; made planar here. */
  basemap: Basemap;
  events: FeatureCollection<Point, EventProperties>;
  labels: FeatureCollection<Point, LabelProperties>;
  view: ViewState;
  palette: Palette;
  bounds: Bounds | null;
  /** MapLibre's own interface strings (the scroll-protection hints) in the reader's language. */
  locale: Record<string, string>;
  /** The reader clicked or tapped markers: their feature ids (event indexes), ascending. */
  onPick(ids: number[]): void;
  /** The pointer is over this marker's feature (its event index), or over none. */
  onHover(id: number | null): void;
  /** The map cannot draw any more (the GPU went away); the caller should fall back. */
  onFail(reason: string): void;
}

/** Device pixels per CSS px of the icon bitmaps; 2 keeps them sharp on most screens. */
const ICON_PIXEL_RATIO = 2;
/** A click within this many px of a marker's box hits it: fingers are less exact than pointers. */
const HIT_SLOP = 4;

export class WebGLMap {
  /** Resolves when the style has loaded and the first frame is drawn. */
  readonly loaded: Promise<void>;
  /** The MapLibre map itself; read it, change it only through this class. */
  readonly map: MapLibreMap;
  private readonly state = { selected: null as number | null, hovered: null as number | null };
  private pointerOn: number | null = null;
  private iconLayers: string[];

  /** Throws (GPUInitializationError among others) when the map cannot be created. */
  constructor(
    lib: MapLibre,
    private readonly init: WebGLMapInit,
  ) {
    const { container, basemap, events, labels, view, palette, bounds, locale } = init;
    this.iconLayers = iconLayerIds(iconLayerCount(events.features.length));
    this.map = new lib.Map({
      container,
      locale,
      style: mapStyle({ basemap: planarBasemap(basemap), events, labels, view, palette }),
      attributionControl: false,
      ...(bounds ? { bounds: [[bounds[0], bounds[1]], [bounds[2], bounds[3]]], fitBoundsOptions: { padding: this.padding(), maxZoom: FIT_MAX_ZOOM } } : { center: [25, 35], zoom: 1 }),
      maxZoom: 12,
      // An embedded map must not trap the page's scrolling: Ctrl/⌘ + wheel zooms, two fingers pan.
      cooperativeGestures: true,
      dragRotate: false,
      touchPitch: false,
      pitchWithRotate: false,
      // Labels appear at once rather than fade, so a change is drawn (and `idle`) sooner.
      fadeDuration: 0,
    });
    this.addIcons(palette);
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.map.on('click', this.onClick);
    this.map.on('mousemove', this.onMove);
    this.map.on('mouseout', this.onOut);
    // Listening for `error` silences MapLibre's own logging, so errors that leave the map able
    // to draw are logged here as MapLibre would.
    this.map.on('error', (e) => {
      if (e.error instanceof lib.GPUInitializationError) init.onFail(`the map cannot draw: ${e.error.message}`);
      else console.error(e.error);
    });
    this.map.on('webglcontextlost', () => init.onFail('the WebGL context was lost'));
  }

  private addIcons(palette: Palette): void {
    for (const { kind, style, name } of allIcons()) {
      const image = drawIcon(kind, style, palette, ICON_PIXEL_RATIO);
      if (this.map.hasImage(name)) this.map.updateImage(name, image);
      else this.map.addImage(name, image, { pixelRatio: ICON_PIXEL_RATIO });
    }
  }

  /** Padding for fits, smaller in a small map so the points still get most of it. */
  private padding(): number {
    const { clientWidth: w, clientHeight: h } = this.init.container;
    return Math.max(0, Math.min(FIT_PADDING, w / 4, h / 4));
  }

  /** A new dataset: its points replace the old ones, and old feature-state goes with them. */
  setEvents(events: FeatureCollection<Point, EventProperties>): void {
    const count = iconLayerCount(events.features.length);
    if (count !== this.iconLayers.length) {
      for (const id of this.iconLayers) this.map.removeLayer(id);
      for (const layer of iconLayers(count)) this.map.addLayer(layer);
      this.iconLayers = iconLayerIds(count);
    }
    void this.map.getSource<GeoJSONSource>(SOURCE.events)?.setData(events);
    this.map.removeFeatureState({ source: SOURCE.events });
    this.state.selected = this.state.hovered = null;
  }

  /** A new window or filters: the event layers' filter reads them from the global state. */
  setView(view: ViewState): void {
    this.map.setGlobalStateProperty(VIEW, view);
  }

  setLabels(labels: FeatureCollection<Point, LabelProperties>): void {
    void this.map.getSource<GeoJSONSource>(SOURCE.labels)?.setData(labels);
  }

  setPalette(palette: Palette): void {
    for (const [layer, paint] of Object.entries(themePaint(palette))) {
      for (const [name, value] of Object.entries(paint)) this.map.setPaintProperty(layer, name as never, value as never);
    }
    this.addIcons(palette);
  }

  fit(bounds: Bounds, duration: number): void {
    this.map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: this.padding(), maxZoom: FIT_MAX_ZOOM, duration });
  }

  /** Brings a place into view at the reader's zoom, unless one of the points is already in it. */
  reveal(points: readonly LonLat[], duration: number): void {
    const b = this.map.getBounds();
    const view: Bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const first = points[0];
    if (first && !points.some((p) => boundsContain(view, p))) this.map.easeTo({ center: [first[0], first[1]], duration });
  }

  select(id: number | null): void {
    this.setState('selected', id);
  }

  hover(id: number | null): void {
    this.setState('hovered', id);
  }

  private setState(key: 'selected' | 'hovered', id: number | null): void {
    const previous = this.state[key];
    if (previous === id) return;
    if (previous !== null) this.map.setFeatureState({ source: SOURCE.events, id: previous }, { [key]: false });
    if (id !== null) this.map.setFeatureState({ source: SOURCE.events, id }, { [key]: true });
    this.state[key] = id;
  }

  /** Event ids whose icons are drawn now, read back from the map, in time (feature id) order. */
  renderedEventIds(): string[] {
    const byIndex = new Map<number, string>();
    for (const f of this.map.queryRenderedFeatures({ layers: this.iconLayers })) {
      byIndex.set(Number(f.id), String(f.properties.id));
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  }

  /** Calls back once everything changed so far has been drawn. */
  whenDrawn(callback: () => void): void {
    this.map.once('idle', callback);
    this.map.triggerRepaint();
  }

  destroy(): void {
    this.map.remove();
  }

  /** Feature ids of the icons at or around a point, topmost first. */
  private idsAt(where: PointLike | [PointLike, PointLike]): number[] {
    return [...new Set(this.map.queryRenderedFeatures(where, { layers: this.iconLayers }).map((f) => Number(f.id)))];
  }

  private readonly onClick = (e: MapMouseEvent): void => {
    const { x, y } = e.point;
    const ids = this.idsAt([
      [x - HIT_SLOP, y - HIT_SLOP],
      [x + HIT_SLOP, y + HIT_SLOP],
    ]).sort((a, b) => a - b);
    if (ids.length) this.init.onPick(ids);
  };

  private readonly onMove = (e: MapMouseEvent): void => {
    this.pointAt(this.idsAt(e.point)[0] ?? null);
  };

  private readonly onOut = (): void => this.pointAt(null);

  /** Cursor and hover follow the icon under the pointer; the element hears only of changes. */
  private pointAt(id: number | null): void {
    if (id === this.pointerOn) return;
    this.pointerOn = id;
    this.map.getCanvas().style.cursor = id === null ? '' : 'pointer';
    this.init.onHover(id);
  }
}
