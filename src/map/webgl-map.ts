/**
 * The MapLibre map behind <cm-map>: built once from the style in ./style.ts, then changed only
 * incrementally: the markers and labels sources get `setData` when the window, the filters or
 * the dataset change (a few thousand markers at most, however many events), selection and
 * hover go through feature-state. The element decides what to show; this class only knows how
 * to show it.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { Kind } from '../model/categories';
import type { Palette } from '../ui/marks';
import { planarBasemap, type Basemap } from './basemap';
import type { LabelProperties, MarkerProperties } from './features';
import { FIT_MAX_ZOOM, FIT_PADDING, boundsContain, type Bounds, type LonLat } from './fit';
import { allIcons, drawIcon } from './icons';
import type { MapLibre } from './maplibre';
import { DETAIL_ZOOM, LAYER, SOURCE, detailBasemap, iconLayerCount, iconLayerIds, iconLayers, mapStyle, themePaint } from './style';

export interface WebGLMapInit {
  container: HTMLElement;
  /** The coarse basemap, on the sphere; made planar here. */
  basemap: Basemap;
  /** The fine basemap, asked for when the map first reaches DETAIL_ZOOM. */
  loadDetail(): Promise<Basemap>;
  markers: FeatureCollection<Point, MarkerProperties>;
  labels: FeatureCollection<Point, LabelProperties>;
  palette: Palette;
  /** The dataset's kinds, each with an icon per status style; `dark` picks their theme colour. */
  kinds: readonly Kind[];
  dark: boolean;
  bounds: Bounds | null;
  /** MapLibre's own interface strings (the scroll-protection hints) in the reader's language. */
  locale: Record<string, string>;
  /** The reader clicked or tapped markers: their keys. */
  onPick(keys: string[]): void;
  /** The pointer is over this marker (its key), or over none. */
  onHover(key: string | null): void;
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
  private readonly state = { selected: [] as readonly string[], hovered: [] as readonly string[] };
  private pointerOn: string | null = null;
  private iconLayers: string[];
  private palette: Palette;
  private kinds: readonly Kind[];
  private dark: boolean;
  private detail: 'none' | 'loading' | 'shown' = 'none';
  private removed = false;

  /** Throws (GPUInitializationError among others) when the map cannot be created. */
  constructor(
    lib: MapLibre,
    private readonly init: WebGLMapInit,
  ) {
    const { container, basemap, markers, labels, palette, bounds, locale } = init;
    this.iconLayers = iconLayerIds(iconLayerCount(markers.features.length));
    this.palette = palette;
    this.kinds = init.kinds;
    this.dark = init.dark;
    this.map = new lib.Map({
      container,
      locale,
      style: mapStyle({ basemap: planarBasemap(basemap), markers, labels, palette }),
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
    this.addIcons();
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    // Sources can be added once the style has loaded; the view may already be close by then.
    void this.loaded.then(() => {
      this.map.on('zoom', this.onZoom);
      this.onZoom();
    });
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

  private addIcons(): void {
    for (const { kind, style, name } of allIcons(this.kinds)) {
      const image = drawIcon(kind, style, this.palette, this.dark, ICON_PIXEL_RATIO);
      if (this.map.hasImage(name)) this.map.updateImage(name, image);
      else this.map.addImage(name, image, { pixelRatio: ICON_PIXEL_RATIO });
    }
  }

  /** Padding for fits, smaller in a small map so the points still get most of it. */
  private padding(): number {
    const { clientWidth: w, clientHeight: h } = this.init.container;
    return Math.max(0, Math.min(FIT_PADDING, w / 4, h / 4));
  }

  /** New markers replace the old ones; feature-state stays with the keys. */
  setMarkers(markers: FeatureCollection<Point, MarkerProperties>): void {
    const count = iconLayerCount(markers.features.length);
    if (count !== this.iconLayers.length) {
      for (const id of this.iconLayers) this.map.removeLayer(id);
      for (const layer of iconLayers(count)) this.map.addLayer(layer, LAYER.rings);
      this.iconLayers = iconLayerIds(count);
    }
    void this.map.getSource<GeoJSONSource>(SOURCE.events)?.setData(markers);
  }

  setLabels(labels: FeatureCollection<Point, LabelProperties>): void {
    void this.map.getSource<GeoJSONSource>(SOURCE.labels)?.setData(labels);
  }

  setPalette(palette: Palette, dark: boolean): void {
    this.palette = palette;
    this.dark = dark;
    for (const [layer, paint] of Object.entries(themePaint(palette))) {
      if (!this.map.getLayer(layer)) continue;
      for (const [name, value] of Object.entries(paint)) this.map.setPaintProperty(layer, name as never, value as never);
    }
    this.addIcons();
  }

  /** A new dataset may bring kinds of its own: their icons are added before its markers. */
  setKinds(kinds: readonly Kind[]): void {
    if (kinds === this.kinds) return;
    this.kinds = kinds;
    this.addIcons();
  }

  /** Fits the view to the box; a fit that would not move the view is skipped, as it costs a repaint. */
  fit(bounds: Bounds, duration: number): void {
    const box: [[number, number], [number, number]] = [[bounds[0], bounds[1]], [bounds[2], bounds[3]]];
    const options = { padding: this.padding(), maxZoom: FIT_MAX_ZOOM };
    const camera = this.map.cameraForBounds(box, options);
    if (camera?.center !== undefined && camera.zoom !== undefined && Math.abs(camera.zoom - this.map.getZoom()) < 0.01) {
      const to = this.map.project(camera.center);
      const { clientWidth: w, clientHeight: h } = this.init.container;
      if (Math.hypot(to.x - w / 2, to.y - h / 2) < 1) return;
    }
    this.map.fitBounds(box, { ...options, duration });
  }

  /** Brings a place into view at the reader's zoom, unless one of the points is already in it. */
  reveal(points: readonly LonLat[], duration: number): void {
    const b = this.map.getBounds();
    const view: Bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const first = points[0];
    if (first && !points.some((p) => boundsContain(view, p))) this.map.easeTo({ center: [first[0], first[1]], duration });
  }

  /** Rings the markers holding the selected event (one per place it is drawn at). */
  select(keys: readonly string[]): void {
    this.setState('selected', keys);
  }

  hover(keys: readonly string[]): void {
    this.setState('hovered', keys);
  }

  private setState(state: 'selected' | 'hovered', keys: readonly string[]): void {
    const previous = this.state[state];
    if (previous.length === keys.length && previous.every((key, i) => key === keys[i])) return;
    for (const id of previous) this.map.setFeatureState({ source: SOURCE.events, id }, { [state]: false });
    for (const id of keys) this.map.setFeatureState({ source: SOURCE.events, id }, { [state]: true });
    this.state[state] = keys;
  }

  /** Keys of the markers whose icons are drawn now, read back from the map. */
  renderedMarkerKeys(): string[] {
    return [...new Set(this.map.queryRenderedFeatures({ layers: this.iconLayers }).map((f) => String(f.id)))];
  }

  /** Calls back once everything changed so far has been drawn. */
  whenDrawn(callback: () => void): void {
    this.map.once('idle', callback);
    this.map.triggerRepaint();
  }

  destroy(): void {
    this.removed = true;
    this.map.remove();
  }

  /** Fetches the fine basemap when the map first reaches DETAIL_ZOOM, and draws it from there on. */
  private readonly onZoom = (): void => {
    if (this.detail !== 'none' || this.map.getZoom() < DETAIL_ZOOM) return;
    this.detail = 'loading';
    this.init.loadDetail().then(
      (basemap) => {
        if (this.removed) return;
        const { source, layers } = detailBasemap(planarBasemap(basemap), this.palette);
        this.map.addSource(SOURCE.basemapDetail, source);
        for (const layer of layers) this.map.addLayer(layer, LAYER.labels);
        for (const coarse of [LAYER.land, LAYER.borders]) this.map.setLayerZoomRange(coarse, 0, DETAIL_ZOOM);
        this.detail = 'shown';
      },
      // Without the fine basemap the coarse one stays on at every zoom; a later zoom tries again.
      () => (this.detail = 'none'),
    );
  };

  /** Keys of the icons at or around a point, topmost first. */
  private keysAt(where: PointLike | [PointLike, PointLike]): string[] {
    return [...new Set(this.map.queryRenderedFeatures(where, { layers: this.iconLayers }).map((f) => String(f.id)))];
  }

  private readonly onClick = (e: MapMouseEvent): void => {
    const { x, y } = e.point;
    const keys = this.keysAt([
      [x - HIT_SLOP, y - HIT_SLOP],
      [x + HIT_SLOP, y + HIT_SLOP],
    ]);
    if (keys.length) this.init.onPick(keys);
  };

  private readonly onMove = (e: MapMouseEvent): void => {
    this.pointAt(this.keysAt(e.point)[0] ?? null);
  };

  private readonly onOut = (): void => this.pointAt(null);

  /** Cursor and hover follow the icon under the pointer; the element hears only of changes. */
  private pointAt(key: string | null): void {
    if (key === this.pointerOn) return;
    this.pointerOn = key;
    this.map.getCanvas().style.cursor = key === null ? '' : 'pointer';
    this.init.onHover(key);
  }
}
