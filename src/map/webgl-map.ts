/**
 * The MapLibre map behind <cm-map>: built once from the style in ./style.ts, then changed only
 * incrementally: a new cluster index (window, filters, search) becomes a new generation of the
 * place tiles; the theme goes through paint properties. The selected and hovered events' own
 * marks are MapLibre markers (an element each, at most a few dozen): moving them costs no
 * source update and no worker round trip, so a selection shows in the next frame. They let
 * the pointer through; the map tells what is under it. The element decides what to show; this
 * class only knows how to show it.
 */
import type { Point } from 'geojson';
import type { MapGeoJSONFeature, Map as MapLibreMap, MapMouseEvent, Marker, PointLike } from 'maplibre-gl';
import type { Kind } from '../model/categories';
import type { Palette } from '../ui/marks';
import { planarBasemap, type Basemap } from './basemap';
import { FIT_MAX_ZOOM, boundsContain, normalizeLongitude, type Bounds, type LonLat, type Padding } from './fit';
import { RING_RADIUS, allIcons, drawIcon, drawRing, iconParts, iconUrl, slotsOfRingName } from './icons';
import type { MapLibre } from './maplibre';
import type { PickedMark, PlaceSummary } from './features';
import { MAP_MAX_ZOOM, type PlaceIndex } from './place-index';
import type { Camera } from './svg-scene';
import { DETAIL_ZOOM, LAYER, SOURCE, detailBasemap, mapStyle, themePaint } from './style';
import { refreshTogether } from './tile-batch';
import { PlaceTiles } from './tile-protocol';

/** What is under the pointer: places (topmost first) or a cluster. */
export type Hit = { type: 'places'; places: PlaceSummary[] } | { type: 'cluster'; id: number; at: LonLat; index: PlaceIndex; events: number; top: PlaceSummary };

export interface WebGLMapInit {
  container: HTMLElement;
  /** The coarse basemap, on the sphere; made planar here. */
  basemap: Basemap;
  /** The fine basemap, asked for when the map first reaches DETAIL_ZOOM. */
  loadDetail(): Promise<Basemap>;
  index: PlaceIndex;
  formatCount(n: number): string;
  picked: readonly PickedMark[];
  palette: Palette;
  /** The dataset's kinds, each with an icon per status style; `dark` picks their theme colour. */
  kinds: readonly Kind[];
  dark: boolean;
  bounds: Bounds | null;
  /** MapLibre's own interface strings (the scroll-protection hints) in the reader's language. */
  locale: Record<string, string>;
  /** Space fits leave free at each side (the element's controls sit over the map). */
  padding(): Padding;
  /** The reader clicked or tapped a mark or a cluster. */
  onPick(hit: Hit): void;
  /** The pointer is over a mark or a cluster (with where it is drawn), or over none. */
  onHover(hit: Hit | null, point: { x: number; y: number } | null): void;
  /** The camera moved (each frame of a move). */
  onMove(): void;
  /** The map cannot draw any more (the GPU went away and did not come back); the caller should fall back. */
  onFail(reason: string): void;
}

/** Device pixels per CSS px of the icon bitmaps; 2 keeps them sharp on most screens. */
const ICON_PIXEL_RATIO = 2;
/** A click within this many px of a mark's box hits it: fingers are less exact than pointers. */
const HIT_SLOP = 4;
/**
 * A fit that would change the zoom by less than this and move the centre by less than this
 * many px is not made: the same window's story, redrawn with a few events more or less, often
 * lands a px or two away, which nobody sees.
 */
const FIT_SLACK = { zoom: 0.05, px: 4 };
/** How long a lost WebGL context may take to come back before the map gives up on it. */
const RESTORE_WAIT_MS = 2000;

export class WebGLMap {
  /** Resolves when the style has loaded and the first frame is drawn. */
  readonly loaded: Promise<void>;
  /** The MapLibre map itself; read it, change it only through this class. */
  readonly map: MapLibreMap;
  private readonly tiles: PlaceTiles;
  private index: PlaceIndex;
  private formatCount: (n: number) => string;
  private picked: readonly PickedMark[] = [];
  private readonly markers = new Map<string, { marker: Marker; icon: string; element: HTMLElement }>();
  private readonly lib: MapLibre;
  private hoverKey: string | null = null;
  private palette: Palette;
  private kinds: readonly Kind[];
  private dark: boolean;
  private detail: 'none' | 'loading' | 'shown' = 'none';
  private removed = false;
  private restoreTimer = 0;
  private drawDue = false;
  private drawnAt = -Infinity;

  /** Throws (GPUInitializationError among others) when the map cannot be created. */
  constructor(
    lib: MapLibre,
    private readonly init: WebGLMapInit,
  ) {
    const { container, basemap, palette, bounds, locale } = init;
    this.lib = lib;
    this.tiles = new PlaceTiles(lib);
    this.index = init.index;
    this.formatCount = init.formatCount;
    this.palette = palette;
    this.kinds = init.kinds;
    this.dark = init.dark;
    this.tiles.publish(this.index, this.formatCount);
    const places = this.tiles.url;
    this.map = new lib.Map({
      container,
      locale,
      style: mapStyle({ basemap: planarBasemap(basemap), places, palette }),
      attributionControl: false,
      ...(bounds ? { bounds: [[bounds[0], bounds[1]], [bounds[2], bounds[3]]], fitBoundsOptions: { padding: init.padding(), maxZoom: FIT_MAX_ZOOM } } : { center: [25, 35], zoom: 1 }),
      maxZoom: MAP_MAX_ZOOM,
      // An embedded map must not trap the page's scrolling: Ctrl/⌘ + wheel zooms, two fingers pan.
      cooperativeGestures: true,
      dragRotate: false,
      touchPitch: false,
      pitchWithRotate: false,
      // Marks appear at once rather than fade in over several frames, so a change is drawn in one.
      fadeDuration: 0,
    });
    this.addIcons();
    this.setPicked(init.picked);
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    // Sources can be added once the style has loaded; the view may already be close by then.
    void this.loaded.then(() => {
      this.map.on('zoom', this.onZoom);
      this.onZoom();
    });
    this.map.setMissingStyleImageResolver(this.onImageMissing);
    this.map.on('sourcedata', (e) => {
      if (e.sourceId === SOURCE.places && e.tile) this.drawDue = true;
    });
    // After a draw, a map that has its tiles but is not idle has asked for another frame.
    this.map.on('render', () => {
      this.drawnAt = performance.now();
      this.drawDue = this.map.loaded();
    });
    this.map.on('idle', () => (this.drawDue = false));
    this.map.on('click', this.onClick);
    this.map.on('mousemove', this.onPointerMove);
    this.map.on('mouseout', this.onOut);
    this.map.on('move', init.onMove);
    // Listening for `error` silences MapLibre's own logging, so errors that leave the map able
    // to draw are logged here as MapLibre would.
    this.map.on('error', (e) => {
      if (e.error instanceof lib.GPUInitializationError) init.onFail(`the map cannot draw: ${e.error.message}`);
      else console.error(e.error);
    });
    // MapLibre keeps a snapshot of the style and rebuilds it if the browser gives the context back.
    this.map.on('webglcontextlost', () => {
      if (this.removed) return;
      clearTimeout(this.restoreTimer);
      this.restoreTimer = window.setTimeout(() => init.onFail('the WebGL context was lost and did not come back'), RESTORE_WAIT_MS);
    });
    this.map.on('webglcontextrestored', () => {
      clearTimeout(this.restoreTimer);
      this.addIcons();
    });
  }

  private addIcons(): void {
    for (const { kind, style, name } of allIcons(this.kinds)) {
      const image = drawIcon(kind, style, this.palette, this.dark, ICON_PIXEL_RATIO);
      if (this.map.hasImage(name)) this.map.updateImage(name, image);
      else this.map.addImage(name, image, { pixelRatio: ICON_PIXEL_RATIO });
    }
    // Rings exist only once drawn on demand, which needs the style loaded.
    if (!this.map.isStyleLoaded()) return;
    for (const name of this.map.listImages()) {
      const slots = slotsOfRingName(name);
      if (slots) this.map.updateImage(name, drawRing(this.kinds, slots, this.palette, this.dark, ICON_PIXEL_RATIO));
    }
  }

  /** A ring for a mix of kinds not seen before: drawn now, before the frame that needs it. */
  private readonly onImageMissing = (id: string): void => {
    const slots = slotsOfRingName(id);
    if (slots && !this.map.hasImage(id)) this.map.addImage(id, drawRing(this.kinds, slots, this.palette, this.dark, ICON_PIXEL_RATIO), { pixelRatio: ICON_PIXEL_RATIO });
  };

  /**
   * Whether MapLibre draws in the animation frame that began at `frameTime` (its callbacks'
   * timestamp): it has drawn in it already, or a place tile has arrived since its last draw, or
   * that draw asked for one more (it places new symbols again in the next frame).
   */
  drawsInFrame(frameTime: number): boolean {
    return this.drawDue || this.drawnAt >= frameTime;
  }

  /** Draws a new cluster index: its tiles replace the old ones as they arrive. */
  setIndex(index: PlaceIndex, formatCount: (n: number) => string): void {
    this.index = index;
    this.formatCount = formatCount;
    this.tiles.publish(index, formatCount);
    const source = this.map.getSource(SOURCE.places);
    if (source) refreshTogether(source, () => this.map.refreshTiles(SOURCE.places));
  }

  /** The selected and hovered events' own marks: markers kept where they stay, made or dropped where not. */
  setPicked(picked: readonly PickedMark[]): void {
    this.picked = picked;
    const keep = new Set<string>();
    for (const mark of picked) {
      const key = `${mark.role}|${mark.place}`;
      keep.add(key);
      const existing = this.markers.get(key);
      if (existing) {
        if (existing.icon !== mark.icon) this.paintMark(existing.element, (existing.icon = mark.icon));
        existing.marker.setLngLat([mark.lon, mark.lat]);
        continue;
      }
      const element = document.createElement('div');
      element.className = `picked-mark ${mark.role}`;
      element.dataset.place = mark.place;
      element.dataset.role = mark.role;
      // The selection is announced and listed elsewhere; the mark only shows it.
      element.setAttribute('aria-hidden', 'true');
      this.paintMark(element, mark.icon);
      const marker = new this.lib.Marker({ element, anchor: 'center' }).setLngLat([mark.lon, mark.lat]).addTo(this.map);
      this.markers.set(key, { marker, icon: mark.icon, element });
    }
    for (const [key, { marker }] of this.markers) {
      if (keep.has(key)) continue;
      marker.remove();
      this.markers.delete(key);
    }
  }

  /** The icon as the mark's background, set through the CSSOM (the page's CSP allows that, and `data:` images). */
  private paintMark(element: HTMLElement, icon: string): void {
    element.style.backgroundImage = `url("${this.iconSource(icon)}")`;
  }

  private readonly iconUrls = new Map<string, string>();

  private iconSource(name: string): string {
    const key = `${name}|${this.dark}`;
    let url = this.iconUrls.get(key);
    if (!url) {
      const { kind: id, style } = iconParts(name);
      const kind = this.kinds.find((k) => k.id === id);
      url = kind ? iconUrl(kind, style, this.palette, this.dark, ICON_PIXEL_RATIO) : '';
      this.iconUrls.set(key, url);
    }
    return url;
  }

  setPalette(palette: Palette, dark: boolean): void {
    this.palette = palette;
    this.dark = dark;
    for (const [layer, paint] of Object.entries(themePaint(palette))) {
      if (!this.map.getLayer(layer)) continue;
      for (const [name, value] of Object.entries(paint)) this.map.setPaintProperty(layer, name as never, value as never);
    }
    this.addIcons();
    this.iconUrls.clear();
    for (const m of this.markers.values()) this.paintMark(m.element, m.icon);
  }

  /** A new dataset may bring kinds of its own: their icons are added before its marks. */
  setKinds(kinds: readonly Kind[]): void {
    if (kinds === this.kinds) return;
    this.kinds = kinds;
    this.iconUrls.clear();
    this.addIcons();
  }

  camera(): Camera {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom() };
  }

  /** Where a point is drawn, in px from the map's top left, in the copy of the world nearest the centre. */
  project([lon, lat]: LonLat): { x: number; y: number } {
    const centre = this.map.getCenter().lng;
    const { x, y } = this.map.project([centre + normalizeLongitude(lon - centre), lat]);
    return { x, y };
  }

  /** The part of the world in view; west may be below -180 when the view crosses the antimeridian. */
  viewBounds(): Bounds {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  /**
   * Fits the view to the box. A fit the reader would not see (FIT_SLACK) is skipped: it costs
   * two redraws (the move, then MapLibre's placement of the marks for it), and a new
   * window's tiles would wait behind them.
   */
  fit(bounds: Bounds, duration: number, maxZoom = FIT_MAX_ZOOM): void {
    const box: [[number, number], [number, number]] = [[bounds[0], bounds[1]], [bounds[2], bounds[3]]];
    const options = { padding: this.init.padding(), maxZoom };
    const camera = this.map.cameraForBounds(box, options);
    if (camera?.center !== undefined && camera.zoom !== undefined && Math.abs(camera.zoom - this.map.getZoom()) < FIT_SLACK.zoom) {
      const to = this.map.project(camera.center);
      const now = this.map.project(this.map.getCenter());
      if (Math.hypot(to.x - now.x, to.y - now.y) < FIT_SLACK.px) return;
    }
    this.map.fitBounds(box, { ...options, duration });
  }

  /** Brings a place into view at the reader's zoom, unless one of the points is already in it. */
  /** True when the view moves. */
  reveal(points: readonly LonLat[], duration: number): boolean {
    const first = points[0];
    if (!first || points.some((p) => boundsContain(this.viewBounds(), p))) return false;
    this.map.easeTo({ center: [first[0], first[1]], duration });
    return true;
  }

  easeTo(center: LonLat, zoom: number, duration: number): void {
    this.map.easeTo({ center: [center[0], center[1]], zoom, duration });
  }

  /** Zooms by steps from where the last step is going, so quick presses add up. */
  zoomBy(delta: number, duration: number): void {
    const from = this.zoomTarget !== null && this.map.isMoving() ? this.zoomTarget : this.map.getZoom();
    this.zoomTarget = Math.max(this.map.getMinZoom(), Math.min(this.map.getMaxZoom(), from + delta));
    this.map.easeTo({ zoom: this.zoomTarget, duration });
  }

  private zoomTarget: number | null = null;

  /**
   * The places and clusters drawn now, read back from the tiles MapLibre has rendered in the
   * view (each with the index it was cut from: tiles of the previous generation count until
   * they are replaced).
   */
  renderedItems(): { index: PlaceIndex; places: number[]; clusters: number[] }[] {
    const byGeneration = new Map<number, { places: Set<number>; clusters: Set<number> }>();
    for (const f of this.map.queryRenderedFeatures({ layers: [LAYER.places, LAYER.clusters] })) {
      const g = Number(f.properties.g);
      let entry = byGeneration.get(g);
      if (!entry) byGeneration.set(g, (entry = { places: new Set(), clusters: new Set() }));
      (f.properties.cl ? entry.clusters : entry.places).add(Number(f.id));
    }
    return [...byGeneration].flatMap(([g, { places, clusters }]) => {
      const index = this.tiles.indexOf(g);
      return index ? [{ index, places: [...places], clusters: [...clusters] }] : [];
    });
  }

  /**
   * Calls back in the first frame that draws everything changed so far: the camera still and
   * every tile there. MapLibre's `idle` comes a frame later whenever symbol tiles changed (it
   * marks the placement it has just made stale and places them again); every mark here is drawn
   * whatever it overlaps, so that frame draws the same picture, at 20–90 ms in software WebGL.
   * A map with nothing left to draw (as in the frame of `load`, or when a change moved nothing)
   * has drawn it already: it calls back at once rather than draw the same frame again.
   */
  whenDrawn(callback: () => void): void {
    const drawn = (): boolean => this.map.loaded() && !this.map.isMoving();
    if (drawn()) {
      queueMicrotask(callback);
      return;
    }
    const onRender = (): void => {
      if (!drawn()) return;
      this.map.off('render', onRender);
      callback();
    };
    this.map.on('render', onRender);
  }

  destroy(): void {
    this.removed = true;
    for (const { marker } of this.markers.values()) marker.remove();
    this.markers.clear();
    clearTimeout(this.restoreTimer);
    this.tiles.release();
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
        for (const layer of layers) this.map.addLayer(layer, LAYER.halos);
        for (const coarse of [LAYER.land, LAYER.borders]) this.map.setLayerZoomRange(coarse, 0, DETAIL_ZOOM);
        this.detail = 'shown';
      },
      // Without the fine basemap the coarse one stays on at every zoom; a later zoom tries again.
      () => (this.detail = 'none'),
    );
  };

  /** What is at or around a point: the picked marks' places and the topmost mark's, or the topmost cluster. */
  private hitAt(where: PointLike | [PointLike, PointLike], at: { x: number; y: number }, slop: number): Hit | null {
    const places: PlaceSummary[] = [];
    // The picked marks are drawn above everything, so they come first.
    for (const mark of this.picked) {
      const p = this.project([mark.lon, mark.lat]);
      const place = Math.hypot(p.x - at.x, p.y - at.y) <= RING_RADIUS + slop ? this.index.summaryOf(mark.place) : undefined;
      if (place && !places.includes(place)) places.push(place);
    }
    const features = this.map.queryRenderedFeatures(where, { layers: [LAYER.places, LAYER.clusters] });
    const fromTiles = (f: MapGeoJSONFeature) => this.tiles.indexOf(Number(f.properties.g));
    for (const f of features) {
      if (f.layer.id !== LAYER.places) continue;
      const place = fromTiles(f)?.places[Number(f.id)];
      if (place && !places.includes(place)) places.push(place);
    }
    if (places.length) return { type: 'places', places };
    const cluster = features.find((f) => f.layer.id === LAYER.clusters);
    const index = cluster && fromTiles(cluster);
    if (!cluster || !index) return null;
    const [lon, lat] = (cluster.geometry as Point).coordinates as [number, number];
    const top = index.places[Number(cluster.properties.n)];
    return top ? { type: 'cluster', id: Number(cluster.id), at: [lon, lat], index, events: Number(cluster.properties.c), top } : null;
  }

  private readonly onClick = (e: MapMouseEvent): void => {
    const { x, y } = e.point;
    const hit = this.hitAt(
      [
        [x - HIT_SLOP, y - HIT_SLOP],
        [x + HIT_SLOP, y + HIT_SLOP],
      ],
      e.point,
      HIT_SLOP,
    );
    if (hit) this.init.onPick(hit);
  };

  private readonly onPointerMove = (e: MapMouseEvent): void => {
    const hit = this.hitAt(e.point, e.point, 0);
    const key = hit === null ? null : hit.type === 'cluster' ? `c${hit.id}` : `p${hit.places.map((p) => p.n).join(',')}`;
    if (key === this.hoverKey) return;
    this.hoverKey = key;
    this.map.getCanvas().style.cursor = key === null ? '' : 'pointer';
    this.init.onHover(hit, hit ? e.point : null);
  };

  private readonly onOut = (): void => {
    if (this.hoverKey === null) return;
    this.hoverKey = null;
    this.map.getCanvas().style.cursor = '';
    this.init.onHover(null, null);
  };
}
