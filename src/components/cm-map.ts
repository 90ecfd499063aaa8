/**
 * <cm-map>: where the events happened. Events in the time window that pass the filters are
 * drawn at their place (and at the places of their sites) over a Natural Earth basemap shipped
 * with the project. Each place shows the mark of its most important event (see
 * src/model/importance.ts); places too close to tell apart merge into clusters, drawn as a
 * ring split by kind with the number of events inside. Clicking a cluster zooms to where it
 * splits; clicking a place picks its most important event, and again its next one.
 *
 * The view opens where most events are (src/map/story-view.ts), with the places of a story step
 * (`focusPlaces`) and the selected event inside it; places left out far away are edge markers (name,
 * direction, count) that bring them into view. Labels name as many places as fit without
 * overlapping, wholly inside the map, the selected place always. A tooltip gives the date and
 * headline of the event under the pointer or the place under the keyboard.
 *
 * MapLibre (WebGL) draws it, loaded only when the element first renders. Where WebGL is missing
 * or lost for good, or with `renderer = 'svg'` (print, tests), the same picture is drawn in SVG
 * with d3-geo, from the same cluster index (src/map/place-index.ts). "Find a place", a
 * combobox over the map (<cm-places>), gives keyboard and screen-reader users the same picks.
 * The element's DOM does not grow with the data: labels, edge markers and the places list are
 * capped, marks and clusters are on the canvas (or merged paths of the SVG).
 *
 * @property data - the validated dataset (not `dataset`: HTMLElement already has one)
 * @property window - the time window [fromMs, toMs]; the dataset's whole extent when null
 * @property filters - kinds and statuses let through
 * @property selected - id of the selected event: drawn above any cluster, ringed, labelled, and brought into view if off-screen
 * @property hovered - id of the event under the pointer in any view: drawn above any cluster and ringed
 * @property searchMatches - ids of the events matching the reader's search, or null: marks and clusters holding matches get a halo, the others are dimmed
 * @property focusPlaces - ids of places a story step wants in view: every fit includes them
 * @property language - language of place names and interface text
 * @property theme - `light` or `dark` colours
 * @property reducedMotion - jump instead of easing the view
 * @property playing - playback is moving the window: the view holds the whole period's story instead of following each window
 * @property renderer - `auto` (WebGL, SVG if WebGL fails) or `svg` (always the SVG fallback)
 * @property mapLibre - read-only: the MapLibre map while drawing with WebGL, else null; for tests
 *   and embedders to read (`project`, `queryRenderedFeatures`), never to change
 *
 * @attr renderer - as the property, for markup such as a print-only copy (`renderer="svg"`)
 * @attr drawn-with - reflected, read-only: `webgl` or `svg`, once the map has drawn
 *
 * @fires cm-pick - the reader picked an event on the map (click, tap, or a place found with the keyboard)
 * @fires cm-hover - the pointer entered a mark or a cluster (the id of its most important event) or left them (null)
 * @fires cm-view-ready - everything set so far has been drawn
 * @fires cm-map-fallback - WebGL failed and the map switched to SVG; `event.reason` says why
 *
 * @method renderedEventIds() - the events the map draws now, each once, in time order: those of
 *   every place mark and every cluster drawn in view (read back from MapLibre's rendered
 *   features, or from the SVG's place and cluster elements, and mapped to places through the
 *   cluster index the tiles were cut from), and those of the places each edge marker shown
 *   stands for
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
import { formatCount, formatEventWhen } from '../i18n/format';
import { eventCount, t, uiLanguage, type MessageKey, type UiLanguage } from '../i18n/messages';
import { eventTitle } from '../i18n/sentence';
import { PALETTES, kindColor, type Palette } from '../ui/marks';
import { loadBasemap, type Basemap } from '../map/basemap';
import { byImportanceKey, eventPoints, nextPick, placeLabel, placeName, placePosition, placesOf, summarizePlaces, tallyPlaces, type PickedMark, type PlaceSummary } from '../map/features';
import { boundsContain, boundsOf, fitPadding, normalizeLongitude, zoomForMercatorScale, type Bounds, type Box, type LonLat, type Padding } from '../map/fit';
import { ICON_SIZE, MARK_STROKE, RING_OUTER, RING_RADIUS, RING_WIDTH, STRIKE, discPath, iconParts, markDrawing, ringArcs, ringScale, ringSlots, sectorPath } from '../map/icons';
import { loadMapLibre, type MapLibre } from '../map/maplibre';
import { MAP_MAX_ZOOM, PlaceIndex, type MapItem } from '../map/place-index';
import { PlaceSearch } from '../map/place-search';
import { rebuildDelay, type RebuildClock } from '../map/rebuild-pace';
import { edgePlacements, farParts, storyView, unionBounds, type StoryGroup } from '../map/story-view';
import { DETAIL_ZOOM } from '../map/style';
import { basemapPaths, cameraBounds, cameraForBounds, layoutLabels, projectionFor, type Camera, type PlacedLabel } from '../map/svg-scene';
import { WebGLMap, type Hit } from '../map/webgl-map';
import { HoverEvent, MapFallbackEvent, PickEvent, ViewReadyEvent } from './events';
import { mapStyles } from './cm-map.styles';
import { guardedUpdate } from './view-guard';
import { SizeController } from './resize-controller';
import type { PlaceActiveEvent, PlacePickEvent } from './cm-places';
import './cm-places';

type Mode = 'pending' | 'webgl' | 'svg';
/** What the WebGL map has to be told of: a new index, a fit, kinds, theme, picked marks, a reveal, count language. */
type Dirty = 'index' | 'fit' | 'kinds' | 'palette' | 'picked' | 'reveal' | 'counts';
/** State that only moves the overlays: changing it redraws nothing on the map. */
const OVERLAY_STATE = new Set<PropertyKey>(['labels', 'edges', 'tip']);
/** State the cluster index is built from. */
const INDEX_STATE = new Set<PropertyKey>(['data', 'window', 'filters', 'searchMatches']);

/** Length of an eased view change, unless the reader asked for reduced motion. */
const EASE_MS = 400;
/**
 * The SVG is drawn at this size while the element has none (display: none, as a print-only
 * copy has on screen), so it is ready when printed; its viewBox scales it to the printed box.
 */
const UNMEASURED = { width: 800, height: 460 };
/** Caps on what grows with the data: labels, edge markers, SVG marks, label candidates. */
const MAX_LABELS = 24;
const MAX_EDGES = 6;
/** An edge marker takes at most this share of the map's width. */
const MAX_EDGE_SHARE = 0.28;
const MAX_SVG_ITEMS = 600;
const MAX_LABEL_CANDIDATES = 200;
/** Places an event's own mark is drawn at, at most (an attack may list many sites). */
const MAX_PICKED = 24;
/** The story's groups are the clusters of the coarsest zoom from here down with at most this many. */
const GROUP_ZOOM = 5;
const MAX_GROUPS = 128;
/** Beyond the view, how far (px) marks are still looked for, so labels and marks at its edge are right. */
const VIEW_MARGIN = 40;
const ARROWS = ['↑', '↗', '→', '↘', '↓', '↙', '←', '↖'];
const DIRECTIONS: MessageKey[] = ['directionN', 'directionNE', 'directionE', 'directionSE', 'directionS', 'directionSW', 'directionW', 'directionNW'];
const LABEL_FONT = "12px system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
const EDGE_FONT = "600 12px system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/** Where the window's events are: the box a fit shows, and the parts of it for edge markers. */
interface Story {
  bounds: Bounds | null;
  parts: StoryPart[];
}

/** A part of the window's places the view may leave out: the core where most events are, or a far group. */
interface StoryPart {
  core: boolean;
  /** Where its edge marker points: its busiest place. */
  anchor: PlaceSummary;
  bounds: Bounds;
  events: number;
  places: number;
  /** The cluster-index items it is made of (at the story's grouping zoom). */
  items: MapItem[];
}

interface EdgeMarker {
  part: StoryPart;
  left: number;
  top: number;
  width: number;
  height: number;
  direction: number;
  /** Arrow, name and count, as the SVG writes it. */
  text: string;
  /** The same in two parts for the button, whose name is cut short first. */
  name: string;
  count: string;
  label: string;
}

interface Tip {
  /** Where the tip points, px in the map; for the keyboard, the place it follows. */
  x: number;
  y: number;
  place: PlaceSummary | null;
  when: string;
  title: string;
  more: string;
}

/** What the SVG draws: marks and clusters at their positions, merged into few elements. */
interface SvgScene {
  width: number;
  height: number;
  camera: Camera;
  projection: GeoProjection;
  basemap: Basemap;
  land: string;
  borders: string;
  places: { item: MapItem & { type: 'place' }; x: number; y: number }[];
  clusters: { item: MapItem & { type: 'cluster' }; x: number; y: number; r: number }[];
}

const measurer = (font: string) => {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text: string): number => {
    let w = cache.get(text);
    if (w === undefined) {
      if (ctx) ctx.font = font;
      w = Math.ceil((ctx?.measureText(text).width ?? text.length * 6.8) + 2);
      if (cache.size > 2000) cache.clear();
      cache.set(text, w);
    }
    return w;
  };
};

/** The WebGL map falls back to SVG when it has not started in this long. */
const START_TIMEOUT_MS = 20_000;

@customElement('cm-map')
export class CmMap extends LitElement {
  static override styles = mapStyles;

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) window: TimeWindow | null = null;
  @property({ attribute: false }) filters: Filters = ALL_FILTERS;
  @property({ attribute: false }) selected: string | null = null;
  @property({ attribute: false }) hovered: string | null = null;
  /** Not `matches`: that would hide Element.matches(). */
  @property({ attribute: false }) searchMatches: ReadonlySet<string> | null = null;
  /** Not `focus`: that would hide HTMLElement.focus(). */
  @property({ attribute: false }) focusPlaces: readonly string[] = [];
  @property() language = 'en';
  @property() theme: 'light' | 'dark' = 'light';
  @property({ type: Boolean }) reducedMotion = false;
  @property({ type: Boolean }) playing = false;
  @property() renderer: 'auto' | 'svg' = 'auto';

  @state() private mode: Mode = 'pending';
  /**
   * Loaded for the SVG fallback only (the WebGL map gets its own planar copy): the coarse one at
   * once, so a print-only copy is ready when printed; the fine one too when the view is close.
   */
  @state() private basemap: Basemap | null = null;
  private fineBasemap: Basemap | null = null;
  /** Where the SVG looks; set by fits, zoom buttons and edge markers. */
  @state() private svgCamera: Camera | null = null;
  @state() private labels: PlacedLabel[] = [];
  @state() private edges: EdgeMarker[] = [];
  @state() private tip: Tip | null = null;

  private readonly size = new SizeController(this);
  private readonly container = createRef<HTMLDivElement>();
  private readonly frame = createRef<HTMLDivElement>();
  private engine: WebGLMap | null = null;
  /** Bumped whenever a map being started should be abandoned (disconnect, fallback). */
  private generation = 0;
  /** What the WebGL map has yet to be told; applied once it has loaded. */
  private dirty = new Set<Dirty>();
  private drawPending = false;
  private lastHover: string | null = null;
  private relayoutFrame = 0;

  private places: PlaceSummary[] = [];
  private index: PlaceIndex | null = null;
  private search: PlaceSearch | null = null;
  private story: Story = { bounds: null, parts: [] };
  /** While playing, the box of the story of the whole period the window travels through. */
  private playBounds: Bounds | null = null;
  private svg: SvgScene | null = null;
  /** The window the current index (and so the story) was built for. */
  private indexWindow: TimeWindow = [0, 0];
  private readonly pace: RebuildClock = { changedAt: -Infinity, builtAt: -Infinity, buildCost: 0 };
  private rebuildTimer = 0;
  private rebuildDue = false;
  private readonly measureLabel = measurer(LABEL_FONT);
  private readonly measureEdge = measurer(EDGE_FONT);
  private readonly coarse = typeof matchMedia === 'function' ? matchMedia('(pointer: coarse)') : null;

  /** The MapLibre map while drawing with WebGL, else null. Read it; change the map through properties. */
  get mapLibre(): MapLibreMap | null {
    return this.mode === 'webgl' ? (this.engine?.map ?? null) : null;
  }

  /** Whether the map draws in the animation frame that began at `frameTime` (WebGL only; see WebGLMap). */
  drawsInFrame(frameTime: number): boolean {
    return !!this.engine?.drawsInFrame(frameTime);
  }

  /** See the element's documentation: read back from what is drawn, each event once, in time order. */
  renderedEventIds(): string[] {
    const drawn = new Set<PlaceSummary>();
    if (this.mode === 'webgl' && this.engine) {
      for (const { index, places, clusters } of this.engine.renderedItems()) {
        for (const n of places) if (index.places[n]) drawn.add(index.places[n]);
        for (const id of clusters) for (const p of index.leaves(id)) drawn.add(p);
      }
    } else if (this.mode === 'svg' && this.svg && this.index) {
      const index = this.index;
      for (const el of this.renderRoot.querySelectorAll<SVGUseElement>('svg.fallback use.place')) drawn.add(index.places[Number(el.dataset.n)]!);
      for (const el of this.renderRoot.querySelectorAll<SVGTextElement>('svg.fallback text.cluster')) for (const p of index.leaves(Number(el.dataset.id))) drawn.add(p);
    } else return [];
    const index = this.index;
    if (index) for (const edge of this.edges) for (const item of edge.part.items) for (const p of index.placesOf(item)) drawn.add(p);
    return PlaceIndex.eventsOf(drawn).map((e) => e.id);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A map removed on disconnect is built again when the element comes back.
    if (this.hasUpdated && this.mode === 'pending') void this.startWebGL();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.rebuildTimer);
    cancelAnimationFrame(this.relayoutFrame);
    this.controlsResized?.disconnect();
    this.controlBoxCache = null;
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
      if (generation !== this.generation || !this.index) return;
      const root = this.renderRoot as ShadowRoot;
      if (!root.adoptedStyleSheets.includes(loaded.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, loaded.sheet];
      const ui = uiLanguage(this.language);
      this.dirty.clear();
      this.engine = new WebGLMap(lib, {
        container: this.container.value!,
        basemap,
        loadDetail: () => loadBasemap('fine'),
        index: this.index,
        formatCount: this.clusterCount(),
        picked: this.pickedMarks(),
        palette: PALETTES[this.theme],
        kinds: this.data?.kinds ?? [],
        dark: this.theme === 'dark',
        bounds: this.fitBounds(),
        locale: {
          'CooperativeGesturesHandler.WindowsHelpText': t(ui, 'mapGestureWindows'),
          'CooperativeGesturesHandler.MacHelpText': t(ui, 'mapGestureMac'),
          'CooperativeGesturesHandler.MobileHelpText': t(ui, 'mapGestureTouch'),
        },
        padding: () => this.fitPadding(),
        onPick: (hit) => this.onHit(hit),
        onHover: (hit, point) => this.onHoverHit(hit, point),
        onMove: () => this.scheduleRelayout(),
        onFail: (reason) => this.fallBack(reason),
      });
      // A map that never loads (its worker refused, as in a sandboxed frame with an opaque origin)
      // must not leave the page loading for ever: after a while the SVG map takes over.
      const started = await Promise.race([this.engine.loaded.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), START_TIMEOUT_MS))]);
      if (generation !== this.generation) return;
      if (!started) throw new Error(`the map did not start within ${START_TIMEOUT_MS / 1000} s`);
      this.mode = 'webgl';
      this.reportDrawn(this.engine);
    } catch (error) {
      if (generation !== this.generation) return;
      const reason = lib && error instanceof lib.GPUInitializationError ? `WebGL is unavailable (${error.message})` : `the map could not start (${String(error)})`;
      this.fallBack(reason);
    }
  }

  private fallBack(reason: string): void {
    if (this.mode === 'svg') return;
    const camera = this.engine?.camera() ?? null;
    this.stop();
    this.useSvg(reason);
    // The reader keeps the view they had.
    if (camera) this.svgCamera = camera;
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

  private ui(): UiLanguage {
    return uiLanguage(this.language);
  }

  private clusterCount(): (n: number) => string {
    const f = new Intl.NumberFormat(this.ui() === 'uk' ? 'uk-UA' : 'en-GB', { notation: 'compact', maximumFractionDigits: 1 });
    return (n) => f.format(n);
  }

  private isDrawn(e: ChronoEvent): boolean {
    return overlaps(e, this.currentWindow()) && passesFilters(e, this.filters);
  }

  private eventById(id: string | null): ChronoEvent | undefined {
    return id === null ? undefined : this.data?.eventById.get(id);
  }

  private positionsOf(e: ChronoEvent): LonLat[] {
    return eventPoints(this.data!, e).map((p) => [p.lon, p.lat]);
  }

  private mapSize(): { width: number; height: number } {
    return this.size.width && this.size.height ? this.size : UNMEASURED;
  }

  override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated) {
      if (this.renderer === 'svg') this.useSvg(null);
    } else if (changed.has('renderer')) this.switchRenderer();
    // A camera that chased every window of a playback would swing round all the time (and
    // redraw the whole map every frame): it shows the whole period once, and events appear in it.
    // Worked out before this update's rebuild, whose story may no longer be the whole period's.
    if (changed.has('playing')) this.playBounds = this.playing ? this.periodBounds() : null;
    const asked = [...INDEX_STATE].some((key) => changed.has(key));
    let rebuild = asked || this.rebuildDue;
    // In a stream of changes (playback, a drag) a costly rebuild waits its turn (map/rebuild-pace.ts).
    // While playing it always runs in a task of its own, not in the frame that moved the timeline.
    const now = performance.now();
    const wait = asked ? rebuildDelay(now, this.pace) : 0;
    if (asked) this.pace.changedAt = now;
    if (rebuild && this.index && !changed.has('data') && !this.rebuildDue && (wait > 0 || this.playing)) {
      clearTimeout(this.rebuildTimer);
      this.rebuildDeferred = true;
      this.rebuildTimer = window.setTimeout(() => {
        this.rebuildDue = true;
        this.requestUpdate();
      }, wait);
      rebuild = false;
    }
    if (rebuild) this.rebuild(changed.has('searchMatches') && !changed.has('window') && !changed.has('filters') && !changed.has('data'));
    if (rebuild || changed.has('language')) this.search = this.data && this.index ? new PlaceSearch(this.data, this.places, this.language) : null;
    const restory = (rebuild && !this.matchesOnly) || changed.has('focusPlaces');
    if (restory) this.story = this.storyOf(this.index);
    const refit = (restory && !this.playing) || (changed.has('playing') && this.playing);
    if (changed.has('data')) this.dirty.add('kinds');
    if (rebuild) this.dirty.add('index');
    if (refit) this.dirty.add('fit');
    if (changed.has('language')) this.dirty.add('counts');
    if (changed.has('theme')) this.dirty.add('palette');
    if (rebuild || changed.has('selected') || changed.has('hovered')) this.dirty.add('picked');
    if (changed.has('selected') && !refit) this.dirty.add('reveal');
    if (this.mode === 'svg') this.svgWillUpdate(changed, refit);
  }

  /** A rebuild waits for its turn: nothing is reported drawn until it is done. */
  private rebuildDeferred = false;
  /** True while the last rebuild changed only the search matches, which moves no place. */
  private matchesOnly = false;

  private rebuild(matchesOnly: boolean): void {
    const started = performance.now();
    clearTimeout(this.rebuildTimer);
    this.rebuildDue = this.rebuildDeferred = false;
    this.matchesOnly = matchesOnly;
    const d = this.data;
    this.indexWindow = this.currentWindow();
    this.places = d ? summarizePlaces(d, tallyPlaces(d, this.indexWindow, this.filters), this.searchMatches) : [];
    this.index = d ? new PlaceIndex(d, this.places) : null;
    this.pace.builtAt = performance.now();
    this.pace.buildCost = this.pace.builtAt - started;
  }

  /** The box fits go to: the whole period's story while playing, else the window's. */
  private fitBounds(): Bounds | null {
    return this.playBounds ?? this.story.bounds;
  }

  /** The story of every event passing the filters, whatever the window. */
  private periodBounds(): Bounds | null {
    const d = this.data;
    if (!d) return null;
    const [from, to] = this.indexWindow;
    if (this.index && from <= d.extent[0] && to >= d.extent[1]) return this.story.bounds;
    return this.storyOf(new PlaceIndex(d, summarizePlaces(d, tallyPlaces(d, d.extent, this.filters), null))).bounds;
  }

  /** Where the story is: the box to fit and the parts the view may leave out, for the current size. */
  private storyOf(index: PlaceIndex | null): Story {
    const d = this.data;
    if (!d || !index) return { bounds: null, parts: [] };
    const world: Bounds = [-180, -85, 180, 85];
    let zoom = GROUP_ZOOM;
    while (zoom > 0 && index.count(zoom) > MAX_GROUPS) zoom--;
    const items = index.items(world, zoom);
    const groups: StoryGroup[] = items.map((item) =>
      item.type === 'place'
        ? { lon: item.lon, lat: item.lat, bounds: [item.lon, item.lat, item.lon, item.lat], weight: item.events }
        : { lon: item.lon, lat: item.lat, bounds: item.bounds, weight: item.events },
    );
    const required: LonLat[] = this.focusPlaces.flatMap((id) => {
      const place = d.placeById.get(id);
      return place ? [placePosition(place)] : [];
    });
    const selected = this.eventById(this.selected);
    if (selected && this.isDrawn(selected)) required.push(...this.positionsOf(selected));
    const view = storyView(groups, required, this.mapSize());
    const part = (members: number[], core: boolean): StoryPart => {
      const chosen = members.map((i) => items[i]!);
      const anchors = chosen.map((item) => (item.type === 'place' ? item.place : item.busiest));
      const anchor = anchors.reduce((a, b) => (b.events.length > a.events.length ? b : a));
      const bounds = members.map((i) => groups[i]!.bounds).reduce((a, b) => unionBounds(a, b));
      return { core, anchor, bounds, events: chosen.reduce((s, item) => s + item.events, 0), places: chosen.reduce((s, item) => s + (item.type === 'place' ? 1 : item.places), 0), items: chosen };
    };
    const far = farParts(groups, view.far, MAX_EDGES).map((members) => part(members, false));
    return { bounds: view.bounds, parts: view.core.length ? [part(view.core, true), ...far] : far };
  }

  override updated(changed: PropertyValues): void {
    // A change whose rebuild waits its turn (each frame of a playback) moves nothing yet: the
    // overlays are laid out again once the map has drawn the rebuild.
    const relevant =
      [...changed.keys()].some((k) => !OVERLAY_STATE.has(k) && !(this.rebuildDeferred && INDEX_STATE.has(k))) || this.drawnSize !== `${this.size.width}x${this.size.height}`;
    this.drawnSize = `${this.size.width}x${this.size.height}`;
    if (this.mode === 'webgl' && this.engine) {
      const applied = this.dirty.size > 0;
      const redraw = this.sync(this.engine);
      // Markers move in the same frame; only a change to the canvas waits for the map's frame that draws it.
      if (redraw) this.reportDrawn(this.engine);
      else if (applied && !this.rebuildDeferred) this.reportMarkersDrawn(this.engine);
      if (relevant) this.scheduleRelayout();
    } else if (this.mode === 'svg' && this.svg && relevant && !this.rebuildDeferred) {
      this.setAttribute('drawn-with', 'svg');
      void this.updateComplete.then(() => this.dispatchEvent(new ViewReadyEvent('map')));
    }
    this.placeOverlays();
  }

  private drawnSize = '';

  private switchRenderer(): void {
    if (this.renderer === 'svg' && this.mode !== 'svg') {
      this.stop();
      this.useSvg(null);
    } else if (this.renderer === 'auto' && this.mode === 'svg') {
      this.mode = 'pending';
      this.svg = null;
      this.svgCamera = null;
      this.dirty.clear();
      void this.startWebGL();
    }
  }

  /** Tells the map what changed; true when the canvas must redraw (not only the markers over it). */
  private sync(engine: WebGLMap): boolean {
    const has = (key: Dirty) => this.dirty.has(key);
    let redraw = [...this.dirty].some((key) => key !== 'picked' && key !== 'reveal');
    const duration = this.reducedMotion ? 0 : EASE_MS;
    if (has('kinds') && this.data) engine.setKinds(this.data.kinds);
    if (has('palette')) engine.setPalette(PALETTES[this.theme], this.theme === 'dark');
    if ((has('index') || has('counts')) && this.index) engine.setIndex(this.index, this.clusterCount());
    const fitTo = this.fitBounds();
    if (has('fit') && fitTo) engine.fit(fitTo, duration);
    if (has('picked')) engine.setPicked(this.pickedMarks());
    if (has('reveal')) {
      const e = this.eventById(this.selected);
      if (e && this.isDrawn(e) && engine.reveal(this.positionsOf(e), duration)) redraw = true;
    }
    this.dirty.clear();
    return redraw;
  }

  /** The picked marks are drawn once the frame they were set in is painted, unless the canvas is redrawing anyway. */
  private reportMarkersDrawn(engine: WebGLMap): void {
    requestAnimationFrame(() => {
      if (engine !== this.engine || this.drawPending) return;
      this.dispatchEvent(new ViewReadyEvent('map'));
    });
  }

  /** One drawn frame covers every change made before it, so one wait at a time is enough. */
  private reportDrawn(engine: WebGLMap): void {
    if (this.drawPending) return;
    this.drawPending = true;
    engine.whenDrawn(() => {
      if (engine !== this.engine) return;
      this.drawPending = false;
      // The index the map drew is about to be replaced: its rebuild reports when drawn.
      if (this.rebuildDeferred) return;
      this.setAttribute('drawn-with', 'webgl');
      this.relayout();
      this.dispatchEvent(new ViewReadyEvent('map'));
    });
  }

  /** The selected and the hovered event's own marks, for every place they are drawn at (a few dozen at most). */
  private pickedMarks(): PickedMark[] {
    const d = this.data;
    const marks: PickedMark[] = [];
    const add = (id: string | null, role: PickedMark['role']) => {
      const e = this.eventById(id);
      if (d && e && this.isDrawn(e)) for (const p of eventPoints(d, e).slice(0, MAX_PICKED)) marks.push({ ...p, role });
    };
    if (this.hovered !== this.selected) add(this.hovered, 'hovered');
    add(this.selected, 'selected');
    return marks;
  }

  // Picks ------------------------------------------------------------------------------------

  private pickAmong(events: readonly ChronoEvent[]): void {
    const next = nextPick(byImportanceKey(this.data!, events), this.selected);
    if (next) this.dispatchEvent(new PickEvent(next.id));
  }

  private onHit(hit: Hit): void {
    if (hit.type === 'places') {
      this.pickAmong(PlaceIndex.eventsOf(hit.places));
      return;
    }
    const zoom = Math.min(hit.index.expansionZoom(hit.id), MAP_MAX_ZOOM);
    const duration = this.reducedMotion ? 0 : EASE_MS;
    if (zoom > Math.floor(this.camera()?.zoom ?? 0)) this.zoomTo(hit.at, zoom, duration);
    else this.pickAmong(PlaceIndex.eventsOf(hit.index.leaves(hit.id)));
  }

  private onHoverHit(hit: Hit | null, point: { x: number; y: number } | null): void {
    if (!hit || !point) {
      this.reportHover(null);
      if (this.tip && !this.tip.place) this.tip = null;
      return;
    }
    const top = hit.type === 'places' ? byImportanceKey(this.data!, PlaceIndex.eventsOf(hit.places))[0]! : hit.top.top;
    const events = hit.type === 'places' ? hit.places.reduce((s, p) => s + p.events.length, 0) : hit.events;
    this.reportHover(top.id);
    this.tip = this.tipFor(top, events, point.x, point.y, null);
  }

  private tipFor(top: ChronoEvent, events: number, x: number, y: number, place: PlaceSummary | null): Tip {
    const ui = this.ui();
    return { x, y, place, when: formatEventWhen(top, ui), title: eventTitle(top, this.data!, ui), more: events > 1 ? t(ui, 'moreEvents', { count: formatCount(events - 1, ui) }) : '' };
  }

  private reportHover(id: string | null): void {
    if (id === this.lastHover) return;
    this.lastHover = id;
    this.dispatchEvent(new HoverEvent(id));
  }

  private readonly onPlacePick = (e: PlacePickEvent): void => {
    const place = this.index?.summaryOf(e.place);
    if (place) this.pickAmong(place.events);
  };

  private readonly onPlaceActive = (e: PlaceActiveEvent): void => {
    const place = e.place === null ? undefined : this.index?.summaryOf(e.place);
    if (!place) {
      if (this.tip?.place) this.tip = null;
      return;
    }
    const { x, y } = this.project(placePosition(place.place));
    this.tip = this.tipFor(place.top, place.events.length, x, y, place);
  };

  // The view -------------------------------------------------------------------------------

  private camera(): Camera | null {
    return this.mode === 'webgl' && this.engine ? this.engine.camera() : this.mode === 'svg' ? (this.svg?.camera ?? null) : null;
  }

  private project(p: LonLat): { x: number; y: number } {
    if (this.mode === 'webgl' && this.engine) return this.engine.project(p);
    const s = this.svg;
    if (!s) return { x: NaN, y: NaN };
    const [x, y] = s.projection([s.camera.center[0] + normalizeLongitude(p[0] - s.camera.center[0]), p[1]]) ?? [NaN, NaN];
    return { x, y };
  }

  private zoomTo(center: LonLat, zoom: number, duration: number): void {
    if (this.mode === 'webgl' && this.engine) this.engine.easeTo(center, zoom, duration);
    else if (this.mode === 'svg') this.svgCamera = { center, zoom: Math.max(0, Math.min(MAP_MAX_ZOOM, zoom)) };
  }

  private fitTo(bounds: Bounds, maxZoom?: number): void {
    const duration = this.reducedMotion ? 0 : EASE_MS;
    if (this.mode === 'webgl' && this.engine) this.engine.fit(bounds, duration, maxZoom);
    else if (this.mode === 'svg') this.svgCamera = cameraForBounds(bounds, this.mapSize().width, this.mapSize().height, maxZoom, this.fitPadding());
  }

  private readonly zoomIn = (): void => this.zoomBy(1);
  private readonly zoomOut = (): void => this.zoomBy(-1);

  private zoomBy(delta: number): void {
    if (this.mode === 'webgl' && this.engine) this.engine.zoomBy(delta, this.reducedMotion ? 0 : EASE_MS);
    else if (this.mode === 'svg' && this.svgCamera) this.zoomTo(this.svgCamera.center, this.svgCamera.zoom + delta, 0);
  }

  private readonly fitAll = (): void => {
    const d = this.data;
    if (!d) return;
    const points = this.places.map((p) => placePosition(p.place));
    for (const id of this.focusPlaces) {
      const place = d.placeById.get(id);
      if (place) points.push(placePosition(place));
    }
    const bounds = boundsOf(points);
    if (bounds) this.fitTo(bounds);
  };

  private onEdge(part: StoryPart): void {
    this.fitTo(part.bounds);
  }

  // Overlays: labels, edge markers, tooltip ------------------------------------------------

  private scheduleRelayout(): void {
    if (this.relayoutFrame) return;
    this.relayoutFrame = requestAnimationFrame(() => {
      this.relayoutFrame = 0;
      this.relayout();
    });
  }

  /** Labels and edge markers for the view as it is now; the keyboard's tooltip follows its place. */
  private relayout(): void {
    const camera = this.camera();
    const index = this.index;
    if (!camera || !index || !this.data) {
      this.labels = [];
      this.edges = [];
      return;
    }
    const { width, height } = this.mapSize();
    const items = this.mode === 'svg' && this.svg ? [...this.svg.places.map((p) => p.item), ...this.svg.clusters.map((c) => c.item)] : index.items(this.viewBounds(camera), camera.zoom);
    this.layOverlays(items, width, height);
    const tip = this.tip;
    if (tip?.place) {
      const { x, y } = this.project(placePosition(tip.place.place));
      if (x !== tip.x || y !== tip.y) this.tip = { ...tip, x, y };
    } else if (tip && this.mode === 'webgl') this.tip = null;
  }

  private viewBounds(camera: Camera): Bounds {
    const { width, height } = this.mapSize();
    return cameraBounds(camera, width, height, VIEW_MARGIN);
  }

  /**
   * The controls' boxes, kept until the map or a control changes size: they sit at fixed places
   * in the frame, and measuring them on every relayout (every frame of a playback) forced a
   * layout of the whole page each time.
   */
  private controlBoxCache: Box[] | null = null;
  private readonly controlsResized = typeof ResizeObserver === 'function' ? new ResizeObserver(() => (this.controlBoxCache = null)) : null;

  /** Boxes over the map that labels must leave free: the controls. */
  private controlBoxes(): Box[] {
    const frame = this.frame.value;
    if (!frame) return [];
    if (this.controlBoxCache) return this.controlBoxCache;
    const origin = frame.getBoundingClientRect();
    const controls = [...frame.querySelectorAll<HTMLElement>('.controls, cm-places, .attribution')];
    const boxes = controls.flatMap((el) => {
      const r = el.getBoundingClientRect();
      return r.width && r.height ? [[r.left - origin.left - 4, r.top - origin.top - 4, r.right - origin.left + 4, r.bottom - origin.top + 4] as Box] : [];
    });
    if (!this.controlsResized) return boxes;
    for (const el of [frame, ...controls]) this.controlsResized.observe(el);
    return (this.controlBoxCache = boxes);
  }

  /** Edge markers, then labels, for the marks drawn: markers keep off the marks, labels off both. */
  private layOverlays(items: readonly MapItem[], width: number, height: number): void {
    const drawn = items.map((item) => ({ item, ...this.project([item.lon, item.lat]) }));
    const marks: Box[] = drawn.map(({ item, x, y }) => {
      const r = item.type === 'place' ? ICON_SIZE / 2 : RING_OUTER * ringScale(item.events);
      return [x - r, y - r, x + r, y + r];
    });
    this.edges = this.layEdges(width, height, marks);
    this.labels = this.layLabels(drawn, marks, width, height);
  }

  private layLabels(drawn: readonly { item: MapItem; x: number; y: number }[], marks: Box[], width: number, height: number): PlacedLabel[] {
    const d = this.data!;
    const ui = this.ui();
    const obstacles: Box[] = this.mode === 'svg' && !this.size.width ? [] : this.controlBoxes();
    for (const e of this.edges) obstacles.push([e.left - 2, e.top - 2, e.left + e.width + 2, e.top + e.height + 2]);
    const candidates: { place: string; x: number; y: number; text: string; count: number; keep?: boolean }[] = [];
    for (const { item, x, y } of drawn) {
      if (item.type === 'place') candidates.push({ place: item.place.place.id, x, y, text: placeLabel(placeName(d, item.place.place, this.language), item.events, (n) => formatCount(n, ui)), count: item.events });
    }
    const capped = candidates.sort((a, b) => b.count - a.count).slice(0, MAX_LABEL_CANDIDATES);
    const selected = this.eventById(this.selected);
    if (selected && this.isDrawn(selected)) {
      for (const id of placesOf(selected)) {
        const summary = this.index!.summaryOf(id);
        if (!summary) continue;
        const { x, y } = this.project(placePosition(summary.place));
        capped.push({ place: id, x, y, text: placeLabel(placeName(d, summary.place, this.language), summary.events.length, (n) => formatCount(n, ui)), count: summary.events.length, keep: true });
      }
    }
    return layoutLabels(capped, { width, height, obstacles, avoid: marks, measure: this.measureLabel, limit: MAX_LABELS });
  }

  private layEdges(width: number, height: number, marks: readonly Box[]): EdgeMarker[] {
    const d = this.data!;
    const ui = this.ui();
    const markerHeight = this.coarse?.matches ? 44 : 30;
    const parts = this.story.parts;
    const texts = parts.map((part) => {
      const name = placeName(d, part.anchor.place, this.language);
      return part.places > 1 ? t(ui, 'placeAndMore', { name, count: formatCount(part.places - 1, ui) }) : name;
    });
    // A long name is cut short on the marker (its full name is its accessible name and title).
    const widest = Math.max(110, width * MAX_EDGE_SHARE);
    const candidates = parts.map((part, i) => {
      const { x, y } = this.project(placePosition(part.anchor.place));
      return { x, y, width: Math.min(widest, this.measureEdge(`${ARROWS[0]} ${texts[i]} · ${formatCount(part.events, ui)}`) + 20), height: markerHeight };
    });
    const top = this.mode === 'svg' && !this.size.width ? 8 : this.controlsBottom();
    return edgePlacements(candidates, width, height, 8, top, marks).map(({ index, left, top, direction }) => {
      const part = parts[index]!;
      const name = texts[index]!;
      return {
        part,
        left,
        top,
        width: candidates[index]!.width,
        height: markerHeight,
        direction,
        text: `${ARROWS[direction]} ${name} · ${formatCount(part.events, ui)}`,
        // On the button the name is cut short before the count, which always shows.
        name: `${ARROWS[direction]} ${name}`,
        count: ` · ${formatCount(part.events, ui)}`,
        label: t(ui, 'edgePlace', { name, events: eventCount(ui, part.events), direction: t(ui, DIRECTIONS[direction]!) }),
      };
    });
  }

  /**
   * Fits leave the fit padding free, and more under the controls over the map (Find a place
   * and the zoom buttons at the top), so no place fitted into view hides under them.
   */
  private fitPadding(): Padding {
    const { width, height } = this.mapSize();
    const pad = fitPadding(width, height);
    const frame = this.frame.value?.getBoundingClientRect();
    const find = this.frame.value?.querySelector('cm-places')?.getBoundingClientRect();
    const column = this.frame.value?.querySelector('.controls')?.getBoundingClientRect();
    if (!frame?.width || !find?.height || !column?.width) return pad;
    const top = Math.max(pad.top, find.bottom - frame.top + ICON_SIZE / 2);
    const right = Math.max(pad.right, frame.right - column.left + ICON_SIZE / 2);
    // In a map too small for that, the plain padding.
    return top + pad.bottom < height / 2 && right + pad.left < width / 2 ? { ...pad, top, right } : pad;
  }

  /** Edge markers along the top stay below the controls there. */
  private controlsBottom(): number {
    const boxes = this.controlBoxes().filter((b) => b[1] < 20);
    return boxes.length ? Math.max(...boxes.map((b) => b[3])) + 4 : 8;
  }

  /** Positions the overlay elements (CSSOM, which the page's CSP allows, unlike style attributes). */
  private placeOverlays(): void {
    const root = this.renderRoot;
    root.querySelectorAll<HTMLElement>('.label').forEach((el, i) => {
      const l = this.labels[i];
      if (!l) return;
      el.style.transform = `translate(${Math.round(l.box[0])}px, ${Math.round(l.box[1])}px)`;
    });
    root.querySelectorAll<HTMLElement>('.edge').forEach((el, i) => {
      const e = this.edges[i];
      if (!e) return;
      el.style.transform = `translate(${Math.round(e.left)}px, ${Math.round(e.top)}px)`;
      el.style.width = `${Math.round(e.width)}px`;
    });
    const tipEl = root.querySelector<HTMLElement>('.tip');
    if (tipEl && this.tip) {
      const { width, height } = this.mapSize();
      const w = tipEl.offsetWidth;
      const h = tipEl.offsetHeight;
      // Above the point if there is room, else below; never past an edge.
      const x = Math.max(4, Math.min(width - w - 4, this.tip.x - w / 2));
      const above = this.tip.y - h - 16;
      const y = above >= 4 ? above : Math.min(height - h - 4, this.tip.y + 16);
      tipEl.style.transform = `translate(${Math.round(x)}px, ${Math.round(Math.max(4, y))}px)`;
    }
  }

  // The SVG fallback ------------------------------------------------------------------------

  private svgWillUpdate(changed: PropertyValues, refit: boolean): void {
    const { basemap, index } = this;
    if (!basemap || !index || !this.size.measured) {
      this.svg = null;
      return;
    }
    const { width, height } = this.mapSize();
    const resized = !this.svg || this.svg.width !== width || this.svg.height !== height;
    // A fitted view is fitted again to a new size; one the reader chose is kept.
    if (refit || !this.svgCamera || (resized && this.svgFitted)) {
      this.svgCamera = cameraForBounds(this.fitBounds(), width, height, undefined, this.fitPadding());
      this.svgFitted = true;
    } else if (changed.has('svgCamera')) this.svgFitted = false;
    if (changed.has('selected') && !refit) {
      const e = this.eventById(this.selected);
      if (e && this.isDrawn(e) && this.svg) {
        const points = this.positionsOf(e);
        const view = cameraBounds(this.svgCamera, width, height);
        if (points[0] && !points.some((p) => boundsContain(view, p))) this.svgCamera = { ...this.svgCamera, center: points[0] };
      }
    }
    const camera = this.svgCamera;
    const previous = this.svg;
    const moved = !previous || previous.camera !== camera || resized || previous.basemap !== basemap;
    const projection = moved ? projectionFor(camera, width, height) : previous.projection;
    if (moved && basemap !== this.fineBasemap && camera.zoom >= DETAIL_ZOOM) {
      void loadBasemap('fine').then((fine) => (this.basemap = this.fineBasemap = fine));
    }
    const paths = moved ? basemapPaths(basemap, projection) : previous;
    const redraw = moved || changed.has('data') || changed.has('window') || changed.has('filters') || changed.has('searchMatches') || previous.places.length + previous.clusters.length === 0 || this.index !== this.svgIndex;
    let places = previous?.places ?? [];
    let clusters = previous?.clusters ?? [];
    if (redraw) {
      this.svgIndex = index;
      const at = (item: MapItem) => {
        const [x, y] = projection([camera.center[0] + normalizeLongitude(item.lon - camera.center[0]), item.lat]) ?? [NaN, NaN];
        return { x, y };
      };
      const items = index
        .items(cameraBounds(camera, width, height, VIEW_MARGIN), zoomForMercatorScale(projection.scale()))
        .sort((a, b) => b.events - a.events)
        .slice(0, MAX_SVG_ITEMS);
      places = [];
      clusters = [];
      for (const item of items) {
        const { x, y } = at(item);
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (item.type === 'place') places.push({ item, x, y });
        else clusters.push({ item, x, y, r: RING_OUTER * ringScale(item.events) });
      }
      // Drawn last on top: the most important place at a shared spot.
      places.sort((a, b) => b.item.place.topKey - a.item.place.topKey);
    }
    this.svg = { width, height, camera, projection, basemap, land: paths.land, borders: paths.borders, places, clusters };
    if (redraw || changed.has('language') || changed.has('selected') || changed.has('svgCamera')) {
      this.layOverlays([...places.map((p) => p.item), ...clusters.map((c) => c.item)], width, height);
    }
  }

  private svgIndex: PlaceIndex | null = null;
  /** The SVG's camera is the story's fit, not one the reader chose. */
  private svgFitted = false;

  /** What the SVG's pointer finds: the same as the WebGL map's. */
  private svgHitAt(x: number, y: number): Hit | null {
    const s = this.svg;
    const index = this.index;
    if (!s || !index) return null;
    const near = (px: number, py: number, r: number) => Math.hypot(px - x, py - y) <= r + 4;
    const picked: PlaceSummary[] = [];
    for (const f of this.pickedMarks()) {
      const { x: px, y: py } = this.project([f.lon, f.lat]);
      const summary = index.summaryOf(f.place);
      if (summary && near(px, py, ICON_SIZE / 2) && !picked.includes(summary)) picked.push(summary);
    }
    const places = [...s.places].reverse().filter((p) => near(p.x, p.y, ICON_SIZE / 2)).map((p) => p.item.place);
    const all = [...picked, ...places.filter((p) => !picked.includes(p))];
    if (all.length) return { type: 'places', places: all };
    const cluster = s.clusters.find((c) => near(c.x, c.y, c.r));
    return cluster ? { type: 'cluster', id: cluster.item.id, at: [cluster.item.lon, cluster.item.lat], index, events: cluster.item.events, top: cluster.item.top } : null;
  }

  private svgPoint(e: MouseEvent): { x: number; y: number } | null {
    const el = e.currentTarget as SVGSVGElement;
    const r = el.getBoundingClientRect();
    const s = this.svg;
    if (!s || !r.width || !r.height) return null;
    return { x: ((e.clientX - r.left) / r.width) * s.width, y: ((e.clientY - r.top) / r.height) * s.height };
  }

  private readonly onSvgClick = (e: MouseEvent): void => {
    const p = this.svgPoint(e);
    const hit = p && this.svgHitAt(p.x, p.y);
    if (hit) this.onHit(hit);
  };

  private readonly onSvgMove = (e: PointerEvent): void => {
    const p = this.svgPoint(e);
    const hit = p ? this.svgHitAt(p.x, p.y) : null;
    const key = hit === null ? null : hit.type === 'cluster' ? `c${hit.id}` : `p${hit.places.map((x) => x.n).join(',')}`;
    if (key === this.svgHoverKey) return;
    this.svgHoverKey = key;
    (e.currentTarget as SVGSVGElement).classList.toggle('pointing', key !== null);
    this.onHoverHit(hit, hit ? p : null);
  };

  private svgHoverKey: string | null = null;

  private readonly onSvgLeave = (): void => {
    this.svgHoverKey = null;
    this.onHoverHit(null, null);
  };

  // Rendering -------------------------------------------------------------------------------

  protected override update(changed: PropertyValues): void {
    guardedUpdate(this, 'map', t(uiLanguage(this.language), 'viewFailed'), () => super.update(changed));
  }

  override render() {
    const ui = this.ui();
    const p = PALETTES[this.theme];
    const interactive = this.mode !== 'svg' || this.size.width > 0;
    return html`
      <div class="frame ${this.theme}" ${ref(this.frame)}>
        <div class="map" ${ref(this.container)} ?hidden=${this.mode === 'svg'}></div>
        ${this.mode === 'svg' && this.svg ? this.renderFallback(this.svg, p) : nothing}
        ${this.mode === 'webgl' ? this.renderLabels() : nothing}
        ${interactive ? this.renderEdges() : nothing}
        ${this.tip
          ? html`<div class="tip" role="tooltip">
              <span class="when">${this.tip.when}</span> <strong>${this.tip.title}</strong>${this.tip.more ? html` <span class="more">${this.tip.more}</span>` : nothing}
            </div>`
          : nothing}
        <cm-places class="find" .search=${this.search} .language=${this.language} @cm-place-pick=${this.onPlacePick} @cm-place-active=${this.onPlaceActive}></cm-places>
        <div class="controls" role="group" aria-label=${t(ui, 'map')}>
          <button type="button" aria-label=${t(ui, 'mapZoomIn')} title=${t(ui, 'mapZoomIn')} @click=${this.zoomIn}>+</button>
          <button type="button" aria-label=${t(ui, 'mapZoomOut')} title=${t(ui, 'mapZoomOut')} @click=${this.zoomOut}>−</button>
          <button type="button" aria-label=${t(ui, 'mapFitAll')} title=${t(ui, 'mapFitAll')} @click=${this.fitAll}>⤢</button>
        </div>
        <p class="attribution">Natural Earth</p>
      </div>
    `;
  }

  private renderLabels() {
    return html`<div class="labels" aria-hidden="true">${repeat(this.labels, (l) => l.place, (l) => html`<span class="label" data-place=${l.place}>${l.text}</span>`)}</div>`;
  }

  private renderEdges() {
    return html`<div class="edges">
      ${repeat(
        this.edges,
        (e) => e.part.anchor.place.id,
        (e) => html`<button type="button" class="edge" aria-label=${e.label} title=${e.label} @click=${() => this.onEdge(e.part)}><span>${e.name}</span><span class="count">${e.count}</span></button>`,
      )}
    </div>`;
  }

  private renderFallback(s: SvgScene, p: Palette) {
    const d = this.data!;
    const dark = this.theme === 'dark';
    const icons = new Set(s.places.map((x) => x.item.place.icon));
    const picked = this.pickedMarks().map((f) => ({ ...this.project([f.lon, f.lat]), ...f }));
    for (const f of picked) icons.add(f.icon);
    const searching = this.searchMatches !== null;
    const dim = (matches: number | null) => searching && !matches;
    // Rings merged into one path per kind and per dimming, so clusters cost no element each.
    const discs = ['', ''];
    const arcs = new Map<string, string>();
    const halos: string[] = [];
    for (const c of s.clusters) {
      const faded = dim(c.item.matches) ? 1 : 0;
      discs[faded] += discPath(c.x, c.y, c.r);
      if (searching && c.item.matches) halos.push(discPath(c.x, c.y, c.r + 4));
      const k = c.r / RING_OUTER;
      for (const [kind, a0, a1] of ringArcs(ringSlots(c.item.kinds))) {
        const key = `${kind}|${faded}`;
        arcs.set(key, (arcs.get(key) ?? '') + sectorPath(c.x, c.y, c.r - RING_WIDTH * k, c.r, a0, a1));
      }
    }
    for (const x of s.places) if (searching && x.item.matches) halos.push(discPath(x.x, x.y, 15));
    return html`<svg
      class="fallback"
      viewBox="0 0 ${s.width} ${s.height}"
      aria-hidden="true"
      @click=${this.onSvgClick}
      @pointermove=${this.onSvgMove}
      @pointerleave=${this.onSvgLeave}
    >
      <defs>${[...icons].map((name) => this.renderIconDef(name, p, dark))}</defs>
      <rect width=${s.width} height=${s.height} fill=${p.water}></rect>
      <path class="land" d=${s.land} fill=${p.land}></path>
      <path class="borders" d=${s.borders} fill="none" stroke=${p.border} stroke-width="0.8"></path>
      ${halos.length ? svg`<path class="halos" d=${halos.join('')} fill=${p.accent} fill-opacity="0.25" stroke=${p.accent} stroke-width="2"></path>` : nothing}
      <g class="clusters">
        ${discs.map((dd, faded) => (dd ? svg`<path d=${dd} fill=${p.paper} stroke=${p.muted} stroke-width="1" opacity=${faded ? 0.3 : 1}></path>` : nothing))}
        ${[...arcs].map(([key, dd]) => {
          const [kind, faded] = key.split('|').map(Number) as [number, number];
          const k = d.kinds[kind];
          return svg`<path d=${dd} fill=${k ? kindColor(k, dark) : p.muted} opacity=${faded ? 0.3 : 1}></path>`;
        })}
        ${s.clusters.map(
          (c) =>
            svg`<text class="cluster" data-id=${c.item.id} x=${c.x} y=${c.y} fill=${p.ink} opacity=${dim(c.item.matches) ? 0.3 : 1}>${this.clusterCount()(c.item.events)}</text>`,
        )}
      </g>
      <g class="places">
        ${s.places.map(
          (x) => svg`<use class="place" data-n=${x.item.id} data-place=${x.item.place.place.id} href="#i-${x.item.place.icon}" x=${x.x} y=${x.y} opacity=${dim(x.item.matches) ? 0.3 : 1}></use>`,
        )}
      </g>
      <g class="picked" pointer-events="none">
        ${picked.map((f) => svg`<use href="#i-${f.icon}" x=${f.x} y=${f.y}></use>`)}
        ${picked.map(
          (f) =>
            svg`<circle cx=${f.x} cy=${f.y} r=${RING_RADIUS} fill="none" stroke=${f.role === 'selected' ? p.accent : p.muted} stroke-width=${f.role === 'selected' ? 3 : 2.5}></circle>`,
        )}
      </g>
      <g class="labels">
        ${this.labels.map((l) => svg`<text data-place=${l.place} x=${l.tx} y=${l.ty} text-anchor=${l.anchor} fill=${p.ink} stroke=${p.paper}>${l.text}</text>`)}
      </g>
      <g class="print-edges">
        ${this.edges.map((e) => svg`<text x=${e.left + 4} y=${e.top + 19} fill=${p.ink} stroke=${p.paper}>${e.text}</text>`)}
      </g>
    </svg>`;
  }

  private renderIconDef(name: string, p: Palette, dark: boolean) {
    const { kind: kindId, style } = iconParts(name);
    const kind = this.data!.kindById.get(kindId);
    if (!kind) return nothing;
    const d = markDrawing(kind, style, p, dark);
    return svg`<g id="i-${name}">
      <path d=${d.path} fill=${d.fill} stroke=${d.stroke} stroke-width=${MARK_STROKE} stroke-dasharray=${d.dash ? d.dash.join(' ') : nothing}></path>
      ${d.strike ? svg`<line x1=${STRIKE.x1} y1=${STRIKE.y1} x2=${STRIKE.x2} y2=${STRIKE.y2} stroke=${d.stroke} stroke-width=${STRIKE.width}></line>` : nothing}
    </g>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-map': CmMap;
  }
}
