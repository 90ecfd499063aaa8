/**
 * <cm-map>: where the events happened. Events in the time window that pass the filters are
 * drawn at their place (and at the places of their sites) with the timeline's shapes and status
 * styles, over a Natural Earth basemap shipped with the project, fitted to the events shown.
 * Each place is labelled with its name and, when crowded, how many events are there.
 *
 * MapLibre (WebGL) draws it, loaded only when the element first renders. Where WebGL is missing
 * or lost, or with `renderer = 'svg'` (print, tests), the same picture is drawn in SVG with
 * d3-geo. Under the map, a row of buttons (one per place, shown when one has focus) gives
 * keyboard and screen-reader users the same picks as clicks.
 *
 * Clicking a spot shared by several events picks the earliest; clicking again moves through
 * them in time order.
 *
 * @property data - the validated dataset (not `dataset`: HTMLElement already has one)
 * @property window - the time window [fromMs, toMs]; the dataset's whole extent when null
 * @property filters - kinds and statuses let through
 * @property selected - id of the selected event: ringed, and brought into view if off-screen
 * @property hovered - id of the event under the pointer in any view: ringed
 * @property language - language of place names and interface text
 * @property theme - `light` or `dark` colours
 * @property reducedMotion - jump instead of easing the view
 * @property renderer - `auto` (WebGL, SVG if WebGL fails) or `svg` (always the SVG fallback)
 * @property mapLibre - read-only: the MapLibre map while drawing with WebGL, else null; for tests
 *   and embedders to read (`project`, `getFeatureState`), never to change
 *
 * @attr renderer - as the property, for markup such as a print-only copy (`renderer="svg"`)
 * @attr drawn-with - reflected, read-only: `webgl` or `svg`, once the map has drawn
 *
 * @fires cm-pick - the reader picked an event on the map (click, tap, or Enter on a place)
 * @fires cm-hover - the pointer entered an event's marker (id) or left the markers (null)
 * @fires cm-view-ready - everything set so far has been drawn
 * @fires cm-map-fallback - WebGL failed and the map switched to SVG; `event.reason` says why
 *
 * @method renderedEventIds() - ids of the events drawn now, each once, in time order
 *
 * @cssprop --cm-water, --cm-land, --cm-border, --cm-ink, --cm-muted, --cm-paper, --cm-accent - set
 *   from `theme`; the map's canvas colours come from the same palette
 */
import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { GeoProjection } from 'd3';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ChronoEvent, Dataset } from '../model/dataset';
import { ALL_FILTERS, overlaps, passesFilters, type Filters, type TimeWindow } from '../model/select';
import { formatCount } from '../i18n/format';
import { eventCount, t, uiLanguage } from '../i18n/messages';
import { PALETTES, type Palette } from '../ui/marks';
import { loadBasemap, type Basemap } from '../map/basemap';
import { labelFeatures, markerFeatures, markerKeysOf, nextPick, placeLabel, placeMarkers, placeName, placePosition, placesOf, tallyPlaces, type PlaceMarker, type PlaceTally } from '../map/features';
import { boundsOf, zoomForMercatorScale, type Bounds, type LonLat } from '../map/fit';
import { MARK_STROKE, RING_RADIUS, STRIKE, markDrawing } from '../map/icons';
import { loadMapLibre, type MapLibre } from '../map/maplibre';
import { DETAIL_ZOOM } from '../map/style';
import { basemapPaths, fallbackProjection, layoutLabels, svgMarkers, type SvgLabel, type SvgMarker } from '../map/svg-scene';
import { WebGLMap } from '../map/webgl-map';
import { HoverEvent, MapFallbackEvent, PickEvent, ViewReadyEvent } from './events';
import { mapStyles } from './cm-map.styles';
import { SizeController } from './resize-controller';

type Mode = 'pending' | 'webgl' | 'svg';

/** Length of an eased view change, unless the reader asked for reduced motion. */
const EASE_MS = 400;
/**
 * The SVG is drawn at this size while the element has none (display: none, as a print-only
 * copy has on screen), so it is ready when printed; its viewBox scales it to the printed box.
 */
const UNMEASURED = { width: 800, height: 460 };

interface PlaceEntry {
  id: string;
  name: string;
  count: number;
}

interface Scene {
  width: number;
  height: number;
  bounds: Bounds | null;
  projection: GeoProjection;
  land: string;
  borders: string;
  markers: SvgMarker[];
  labels: SvgLabel[];
}

@customElement('cm-map')
export class CmMap extends LitElement {
  static override styles = mapStyles;

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) window: TimeWindow | null = null;
  @property({ attribute: false }) filters: Filters = ALL_FILTERS;
  @property({ attribute: false }) selected: string | null = null;
  @property({ attribute: false }) hovered: string | null = null;
  @property() language = 'en';
  @property() theme: 'light' | 'dark' = 'light';
  @property({ type: Boolean }) reducedMotion = false;
  @property() renderer: 'auto' | 'svg' = 'auto';

  @state() private mode: Mode = 'pending';
  /**
   * Loaded for the SVG fallback only (the WebGL map gets its own planar copy): the coarse one at
   * once, so a print-only copy is ready when printed; the fine one too when the view is close.
   */
  @state() private basemap: Basemap | null = null;
  private fineBasemap: Basemap | null = null;

  private readonly size = new SizeController(this);
  private readonly container = createRef<HTMLDivElement>();
  private engine: WebGLMap | null = null;
  /** Bumped whenever a map being started should be abandoned (disconnect, fallback). */
  private generation = 0;
  /** Properties changed since the WebGL map was built from them; applied once it has loaded. */
  private unsynced = new Set<PropertyKey>();
  private drawPending = false;
  private lastHover: string | null = null;

  private tally: PlaceTally = new Map();
  private markers: PlaceMarker[] = [];
  private markerByKey = new Map<string, PlaceMarker>();
  private bounds: Bounds | null = null;
  private places: PlaceEntry[] = [];
  private scene: Scene | null = null;

  /** The MapLibre map while drawing with WebGL, else null. Read it; change the map through properties. */
  get mapLibre(): MapLibreMap | null {
    return this.mode === 'webgl' ? (this.engine?.map ?? null) : null;
  }

  /** Ids of the events drawn now, each once, in time order; read back from what is on screen. */
  renderedEventIds(): string[] {
    if (this.mode === 'webgl' && this.engine) return idsInTimeOrder(this.markersByKey(this.engine.renderedMarkerKeys()));
    if (this.mode !== 'svg' || !this.scene) return [];
    return idsInTimeOrder(this.markersByKey([...this.renderRoot.querySelectorAll<SVGGElement>('.marker')].map((el) => el.dataset.key ?? '')));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A map removed on disconnect is built again when the element comes back.
    if (this.hasUpdated && this.mode === 'pending') void this.startWebGL();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  override firstUpdated(): void {
    // MapLibre needs its container rendered; the SVG fallback was chosen before the first render.
    if (this.mode === 'pending') void this.startWebGL();
  }

  /** Removes the WebGL map (browsers cap live contexts); the SVG fallback, if shown, stays. */
  private stop(): void {
    this.generation++;
    this.engine?.destroy();
    this.engine = null;
    this.drawPending = false;
    this.container.value?.replaceChildren();
    if (this.mode === 'webgl') this.mode = 'pending';
  }

  private async startWebGL(): Promise<void> {
    const generation = ++this.generation;
    let lib: MapLibre | undefined;
    try {
      const [loaded, basemap] = await Promise.all([loadMapLibre(), loadBasemap('coarse')]);
      lib = loaded.lib;
      if (generation !== this.generation) return;
      const root = this.renderRoot as ShadowRoot;
      if (!root.adoptedStyleSheets.includes(loaded.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, loaded.sheet];
      this.unsynced = new Set(['selected', 'hovered']);
      this.engine = new WebGLMap(lib, {
        container: this.container.value!,
        basemap,
        loadDetail: () => loadBasemap('fine'),
        markers: this.markerFeatures(),
        labels: this.labelFeatures(),
        palette: PALETTES[this.theme],
        kinds: this.data?.kinds ?? [],
        dark: this.theme === 'dark',
        bounds: this.bounds,
        locale: {
          'CooperativeGesturesHandler.WindowsHelpText': t(uiLanguage(this.language), 'mapGestureWindows'),
          'CooperativeGesturesHandler.MacHelpText': t(uiLanguage(this.language), 'mapGestureMac'),
          'CooperativeGesturesHandler.MobileHelpText': t(uiLanguage(this.language), 'mapGestureTouch'),
        },
        onPick: (keys) => this.pickAmong(eventsInTimeOrder(this.markersByKey(keys))),
        onHover: (key) => this.reportHover(key === null ? null : (this.markersByKey([key])[0]?.events.at(-1)?.id ?? null)),
        onFail: (reason) => this.fallBack(reason),
      });
      await this.engine.loaded;
      if (generation === this.generation) this.mode = 'webgl';
    } catch (error) {
      if (generation !== this.generation) return;
      const reason = lib && error instanceof lib.GPUInitializationError ? `WebGL is unavailable (${error.message})` : `the map could not start (${String(error)})`;
      this.fallBack(reason);
    }
  }

  private fallBack(reason: string): void {
    if (this.mode === 'svg') return;
    this.stop();
    this.useSvg(reason);
  }

  /** Switches to SVG; `reason` is null when asked for (renderer = 'svg'), which is no fallback. */
  private useSvg(reason: string | null): void {
    this.mode = 'svg';
    if (reason !== null) this.dispatchEvent(new MapFallbackEvent(reason));
    void loadBasemap('coarse').then((basemap) => (this.basemap ??= basemap));
  }

  private currentWindow(): TimeWindow {
    return this.window ?? this.data?.extent ?? [0, 0];
  }

  private markerFeatures() {
    return this.data ? markerFeatures(this.data, this.markers) : { type: 'FeatureCollection' as const, features: [] };
  }

  /** Keys of the markers an event is drawn in; none when the window or filters hide it. */
  private markerKeysOf(e: ChronoEvent | undefined): string[] {
    return e ? markerKeysOf(e).filter((key) => this.markerByKey.has(key)) : [];
  }

  /**
   * The current markers with these keys. The map may still draw tiles of the previous window for
   * a moment; a key no longer shown is skipped, one still shown stands for the current window's events.
   */
  private markersByKey(keys: readonly string[]): PlaceMarker[] {
    return keys.flatMap((key) => this.markerByKey.get(key) ?? []);
  }

  private labelFeatures() {
    const ui = uiLanguage(this.language);
    return this.data ? labelFeatures(this.data, this.tally, this.language, (n) => formatCount(n, ui)) : { type: 'FeatureCollection' as const, features: [] };
  }

  private positionsOf(e: ChronoEvent): LonLat[] {
    const d = this.data!;
    return placesOf(e).flatMap((id) => {
      const place = d.placeById.get(id);
      return place ? [placePosition(place)] : [];
    });
  }

  private isDrawn(e: ChronoEvent): boolean {
    return overlaps(e, this.currentWindow()) && passesFilters(e, this.filters);
  }

  private eventById(id: string | null): ChronoEvent | undefined {
    return id === null ? undefined : this.data?.eventById.get(id);
  }

  override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated) {
      if (this.renderer === 'svg') this.useSvg(null);
    } else if (changed.has('renderer')) this.switchRenderer();
    const data = this.data;
    const counted = changed.has('data') || changed.has('window') || changed.has('filters');
    if (counted) {
      this.tally = data ? tallyPlaces(data, this.currentWindow(), this.filters) : new Map();
      this.bounds = boundsOf([...this.tally.keys()].map((id) => placePosition(data!.placeById.get(id)!)));
      this.markers = placeMarkers(this.tally);
      this.markerByKey = new Map(this.markers.map((m) => [m.key, m]));
    }
    if (data && (counted || changed.has('language'))) {
      const collator = new Intl.Collator(this.language);
      this.places = [...this.tally]
        .map(([id, events]) => ({ id, name: placeName(data, data.placeById.get(id)!, this.language), count: events.length }))
        .sort((a, b) => collator.compare(a.name, b.name));
    }
    if (this.mode === 'svg') this.scene = this.buildScene(changed);
  }

  /** The SVG picture; projection and paths are redone only when the fitted box or the size change. */
  private buildScene(changed: PropertyValues): Scene | null {
    const { data, basemap } = this;
    if (!data || !basemap || !this.size.measured) return null;
    const { width, height } = this.size.width && this.size.height ? this.size : UNMEASURED;
    const previous = this.scene;
    const refit = !previous || previous.width !== width || previous.height !== height || !sameBounds(previous.bounds, this.bounds) || changed.has('basemap');
    const projection = refit ? fallbackProjection(this.bounds, width, height) : previous.projection;
    if (refit && basemap !== this.fineBasemap && zoomForMercatorScale(projection.scale()) >= DETAIL_ZOOM) {
      void loadBasemap('fine').then((fine) => (this.basemap = this.fineBasemap = fine));
    }
    const paths = refit ? basemapPaths(basemap, projection) : previous;
    const counted = changed.has('data') || changed.has('window') || changed.has('filters');
    const markers = refit || counted ? svgMarkers(data, this.markers, projection) : previous.markers;
    const relabel = refit || counted || changed.has('language');
    const ui = uiLanguage(this.language);
    const labels = relabel
      ? layoutLabels(
          this.places.map((p) => {
            const place = data.placeById.get(p.id)!;
            const [x, y] = projection([place.lon, place.lat]) ?? [NaN, NaN];
            return { place: p.id, x, y, count: p.count, text: placeLabel(p.name, p.count, (n) => formatCount(n, ui)) };
          }),
          width,
          height,
        )
      : previous!.labels;
    return { width, height, bounds: this.bounds, projection, land: paths.land, borders: paths.borders, markers, labels };
  }

  override updated(changed: PropertyValues): void {
    if (this.mode === 'webgl' && this.engine) {
      const keys = new Set([...this.unsynced, ...changed.keys()]);
      this.unsynced.clear();
      this.sync(this.engine, keys);
      this.reportDrawn(this.engine);
    } else if (this.mode === 'pending') {
      for (const key of changed.keys()) this.unsynced.add(key);
    } else if (this.mode === 'svg' && this.scene) {
      this.setAttribute('drawn-with', 'svg');
      void this.updateComplete.then(() => this.dispatchEvent(new ViewReadyEvent('map')));
    }
  }

  private switchRenderer(): void {
    if (this.renderer === 'svg' && this.mode !== 'svg') {
      this.stop();
      this.useSvg(null);
    } else if (this.renderer === 'auto' && this.mode === 'svg') {
      this.mode = 'pending';
      this.scene = null;
      void this.startWebGL();
    }
  }

  private sync(engine: WebGLMap, keys: ReadonlySet<PropertyKey>): void {
    const has = (...names: string[]) => names.some((n) => keys.has(n));
    const duration = this.reducedMotion ? 0 : EASE_MS;
    const refit = has('data', 'window', 'filters');
    if (has('data') && this.data) engine.setKinds(this.data.kinds);
    if (refit) {
      engine.setMarkers(this.markerFeatures());
      if (this.bounds) engine.fit(this.bounds, duration);
    }
    if (refit || has('language')) engine.setLabels(this.labelFeatures());
    if (has('theme')) engine.setPalette(PALETTES[this.theme], this.theme === 'dark');
    if (refit || has('selected')) {
      const e = this.eventById(this.selected);
      engine.select(this.markerKeysOf(e));
      // A fit already shows every event drawn, and an event not drawn is not worth moving to.
      if (e && !refit && this.isDrawn(e)) engine.reveal(this.positionsOf(e), duration);
    }
    if (refit || has('hovered')) engine.hover(this.markerKeysOf(this.eventById(this.hovered)));
  }

  /** One `idle` covers every change made before it, so one listener at a time is enough. */
  private reportDrawn(engine: WebGLMap): void {
    if (this.drawPending) return;
    this.drawPending = true;
    engine.whenDrawn(() => {
      if (engine !== this.engine) return;
      this.drawPending = false;
      this.setAttribute('drawn-with', 'webgl');
      this.dispatchEvent(new ViewReadyEvent('map'));
    });
  }

  private pickAmong(events: readonly ChronoEvent[]): void {
    const next = nextPick(events, this.selected);
    if (next) this.dispatchEvent(new PickEvent(next.id));
  }

  private pickAt(placeId: string): void {
    this.pickAmong(this.tally.get(placeId) ?? []);
  }

  private reportHover(id: string | null): void {
    if (id === this.lastHover) return;
    this.lastHover = id;
    this.dispatchEvent(new HoverEvent(id));
  }

  override render() {
    const ui = uiLanguage(this.language);
    const selected = this.eventById(this.selected);
    const selectedPlaces = selected ? placesOf(selected) : [];
    return html`
      <div class="frame ${this.theme}">
        <div class="map" ${ref(this.container)} ?hidden=${this.mode === 'svg'}></div>
        ${this.mode === 'svg' && this.scene ? this.renderFallback(this.scene, PALETTES[this.theme]) : nothing}
        <div class="places" role="group" aria-label=${t(ui, 'mapPlaces')}>
          ${repeat(
            this.places,
            (p) => p.id,
            (p) =>
              html`<button type="button" class=${selectedPlaces.includes(p.id) ? 'current' : ''} @click=${() => this.pickAt(p.id)}>
                ${t(ui, 'placeButton', { name: p.name, events: eventCount(ui, p.count) })}
              </button>`,
          )}
        </div>
        <p class="attribution">Natural Earth</p>
      </div>
    `;
  }

  private renderFallback(scene: Scene, p: Palette) {
    const { selected, hovered } = this;
    const ringed = scene.markers.flatMap((m) => {
      const isSelected = selected !== null && m.events.some((e) => e.id === selected);
      const isHovered = !isSelected && hovered !== null && m.events.some((e) => e.id === hovered);
      return isSelected || isHovered ? [{ m, isSelected }] : [];
    });
    return html`<svg
      class="fallback"
      viewBox="0 0 ${scene.width} ${scene.height}"
      aria-hidden="true"
      @click=${this.onSvgClick}
      @pointerover=${this.onSvgOver}
      @pointerout=${this.onSvgOut}
    >
      <rect width=${scene.width} height=${scene.height} fill=${p.water}></rect>
      <path class="land" d=${scene.land} fill=${p.land}></path>
      <path class="borders" d=${scene.borders} fill="none" stroke=${p.border} stroke-width="0.8"></path>
      <g class="labels">
        ${scene.labels.map((l) => svg`<text x=${l.tx} y=${l.ty} text-anchor=${l.anchor} fill=${p.ink} stroke=${p.paper}>${l.text}</text>`)}
      </g>
      <g class="markers">${repeat(scene.markers, (m) => m.key, (m) => this.renderMarker(m, p))}</g>
      <g class="rings" pointer-events="none">
        ${ringed.map(
          ({ m, isSelected }) =>
            svg`<circle cx=${m.x} cy=${m.y} r=${RING_RADIUS} fill="none" stroke=${isSelected ? p.accent : p.muted} stroke-width=${isSelected ? 3 : 2.5}></circle>`,
        )}
      </g>
    </svg>`;
  }

  private renderMarker(m: SvgMarker, p: Palette) {
    const d = markDrawing(this.data!.kindById.get(m.kind)!, m.style, p, this.theme === 'dark');
    return svg`<g class="marker" data-key=${m.key} transform="translate(${m.x} ${m.y})">
      <path d=${d.path} fill=${d.fill} stroke=${d.stroke} stroke-width=${MARK_STROKE} stroke-dasharray=${d.dash ? d.dash.join(' ') : nothing}></path>
      ${d.strike ? svg`<line x1=${STRIKE.x1} y1=${STRIKE.y1} x2=${STRIKE.x2} y2=${STRIKE.y2} stroke=${d.stroke} stroke-width=${STRIKE.width}></line>` : nothing}
    </g>`;
  }

  private markerAt(target: EventTarget | null): PlaceMarker | undefined {
    const el = target instanceof Element ? target.closest<SVGGElement>('.marker') : null;
    return el ? this.markerByKey.get(el.dataset.key ?? '') : undefined;
  }

  /** Markers at one place overlap exactly, so the events under the pointer are the place's. */
  private readonly onSvgClick = (e: MouseEvent): void => {
    const marker = this.markerAt(e.target);
    if (marker) this.pickAt(marker.place);
  };

  private readonly onSvgOver = (e: PointerEvent): void => {
    const marker = this.markerAt(e.target);
    if (marker) this.reportHover(marker.events[marker.events.length - 1]!.id);
  };

  private readonly onSvgOut = (e: PointerEvent): void => {
    if (!this.markerAt(e.relatedTarget)) this.reportHover(null);
  };
}

/** Each event once, in time order. */
function eventsInTimeOrder(markers: readonly PlaceMarker[]): ChronoEvent[] {
  const byIndex = new Map<number, ChronoEvent>();
  for (const m of markers) for (const e of m.events) byIndex.set(e.index, e);
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
}

function idsInTimeOrder(markers: readonly PlaceMarker[]): string[] {
  return eventsInTimeOrder(markers).map((e) => e.id);
}

function sameBounds(a: Bounds | null, b: Bounds | null): boolean {
  return a === b || (!!a && !!b && a.every((v, i) => v === b[i]));
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-map': CmMap;
  }
}
