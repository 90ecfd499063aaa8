/**
 * <chrono-map>: the embeddable interactive. It loads and validates a dataset, owns the one
 * application state, and hands slices of it to the timeline, the map, the filters and the
 * details. The URL hash is derived from that state and read back into it.
 *
 * @attr src - dataset URL (default `data/events.json`, relative to the page)
 * @attr event - id of the event to select
 * @attr from - start of the time window (ISO date or date-time)
 * @attr to - end of the time window
 * @attr lang - interface language (`en` or `uk`; else `?lang=` in the URL, else the browser's)
 * @attr theme - `light`, `dark` or `auto` (follows the reader's system; default)
 * @attr url-state - `hash` (default) keeps selection, window, filters, search and story step in the URL hash; `none` leaves the URL alone
 * @attr story - id of a story of the dataset to open
 * @attr step - the story step to open, counted from 1 (default 1)
 * @attr status - reflected: `loading`, `ready` (both views have drawn) or `error`
 *
 * @fires cm-ready - both views have drawn the dataset
 * @fires cm-select - the selection changed; `event.id` is the event id or null
 * @fires cm-window-change - the time window changed; `event.from`, `event.to` are ISO instants
 * @fires cm-error - the dataset could not be shown; `event.message` says why
 * @fires cm-step-change - a story step was opened, or the story closed; `event.story`, `event.step` (from 1; null when closed)
 *
 * @method select(id) - selects an event by id, or clears with null
 * @method setWindow(from, to) - sets the time window (Date, epoch ms or ISO string)
 * @method setData(data) - shows a dataset given as JSON text or a value instead of fetching `src`; resolves once shown or refused
 * @method goToStep(n) - opens step n (from 1) of the open story, or of the `story` attribute's, or of the dataset's first story
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChronoEvent, Dataset } from '../model/dataset';
import { parseInstant, visibleSummary, type Filters, type TimeWindow } from '../model/select';
import { stepView, storyById } from '../model/story';
import { rankMatches } from '../model/search';
import { formatProblem } from '../model/problem';
import type { Validation } from '../model/validate';
import { formatBytes, formatCount } from '../i18n/format';
import { eventCount, problemCount, t, uiLanguage, type UiLanguage } from '../i18n/messages';
import { eventSentence } from '../i18n/sentence';
import { localize } from '../i18n/localize';
import { STEP_INTERVAL_MS } from '../model/playback';
import { LoadFailure, fetchBytes } from '../load/fetch-bytes';
import { validateBytes } from '../load/validate-bytes';
import { initialState, reduce, type Action, type AppState, type LoadError } from '../state/state';
import { formatInstant, fromHash, toHash, type UrlState } from '../state/url';
import { embedUrl } from '../embed/options';
import {
  ChronoErrorEvent,
  ChronoReadyEvent,
  ChronoSelectEvent,
  ChronoStepChangeEvent,
  ChronoWindowChangeEvent,
  type FilterRequestEvent,
  type HoverEvent,
  type PickEvent,
  type PlayRequestEvent,
  type PresentRequestEvent,
  type QueryEvent,
  type StepRequestEvent,
  type ViewErrorEvent,
  ViewReadyEvent,
  type WindowRequestEvent,
} from './events';
import { SearchController, type SearchHits } from './search-controller';
import { SizeController } from './resize-controller';
import { stepForKey } from './cm-story';
import type { CmDetails } from './cm-details';
import { chronoMapStyles } from './chrono-map.styles';
import { kindTokenSheet } from './shared.styles';
import './cm-timeline';
import './cm-details';
import './cm-filters';
import './cm-table';
import './cm-search';
import './cm-story';
import './cm-share';

/** The interactive that keeps its state in the URL hash (see `ownsHash`). */
let hashOwner: ChronoMap | null = null;

/** Below this width (px) the bar's controls take shorter labels, so they fit two rows on a phone. */
const NARROW = 600;

/** After this long, a dataset still loading says so. */
const SLOW_MS = 3_000;

/** A hidden page paints no frames; the timeline and the details follow a selection after this long then (ms). */
const FOLLOW_FALLBACK_MS = 100;

/** Resolves once the next frame has been painted: a task queued from a frame callback runs after it. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, FOLLOW_FALLBACK_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

import './cm-download';

@customElement('chrono-map')
export class ChronoMap extends LitElement {
  static override styles = chronoMapStyles;

  @property() src = 'data/events.json';
  @property({ attribute: 'event' }) eventId: string | null = null;
  @property() from: string | null = null;
  @property() to: string | null = null;
  @property() override lang = '';
  @property() theme: 'light' | 'dark' | 'auto' = 'auto';
  @property({ attribute: 'url-state' }) urlState: 'hash' | 'none' = 'hash';
  @property() story: string | null = null;
  @property({ type: Number }) step: number | null = null;
  @property({ reflect: true }) status: AppState['status'] = 'loading';

  @state() private app: AppState = initialState;
  @state() private systemDark = false;
  @state() private reducedMotion = false;
  @state() private mapFallback = false;
  @state() private announcement = '';
  /** True while printing: the print-only map and list exist only then, to keep the DOM small. */
  @state() private printing = false;
  /** The graphic (timeline and map) or the table of the same events. */
  @state() private mode: 'graphic' | 'table' = 'graphic';
  /** On narrow screens the filters and legend fold into one control; this opens them. */
  @state() private filtersOpen = false;
  /** The presenter view: full screen, larger type, stepped from the keyboard or a remote. */
  @state() private presenting = false;
  /**
   * The selection as the timeline and the details panel show it. Beside the map they follow a
   * new selection one after the other, each in the frame after the last (`followSelection`), so
   * the frame that rings the picked marks on the map waits for neither's update (10–30 ms at
   * 10,000 events), and the timeline's waits not for the details'.
   */
  @state() private timelineSelected: string | null = null;
  @state() private detailsSelected: string | null = null;
  /** Resolves when the timeline and the details show the selection; part of `updateComplete`. */
  private following: Promise<void> | null = null;

  private readonly search = new SearchController(this, (hits) => this.announceHits(hits));
  /** The element's width: a narrow bar (a phone, a narrow column) gets shorter labels. */
  private readonly size = new SizeController(this);
  /** How the reader last acted: a selection made from the keyboard moves focus to the details. */
  private lastInput: 'keyboard' | 'pointer' = 'pointer';
  /** Where the last selection came from; only the reader's own and links bring the details into view. */
  private selectionSource: 'view' | 'link' | 'other' = 'other';

  /** Which views have drawn since the dataset arrived; `ready` needs both. */
  private drawn = new Set<'timeline' | 'map'>();
  private loadToken = 0;
  private darkQuery?: MediaQueryList;
  private printQuery?: MediaQueryList;
  private motionQuery?: MediaQueryList;

  /** Selects an event by id, or clears the selection with null. */
  select(id: string | null): void {
    this.dispatch({ type: 'select', id });
  }

  /**
   * Opens step `n` (counted from 1) of the story that is open, else of the `story` attribute's,
   * else of the dataset's first story. Steps past either end go to the first or the last.
   */
  goToStep(n: number): void {
    const id = this.app.story?.id ?? this.story ?? this.app.dataset?.stories[0]?.id ?? null;
    if (id && Number.isFinite(Number(n))) this.dispatch({ type: 'story', id, step: Number(n) });
  }

  /** Sets the time window; accepts Dates, epoch milliseconds or ISO strings. */
  setWindow(from: Date | number | string, to: Date | number | string): void {
    const ms = (v: Date | number | string) => (typeof v === 'string' ? parseInstant(v) : Number(v));
    this.dispatch({ type: 'window', window: [ms(from), ms(to)] });
  }

  /** The state, for tests and embedders that want to read it; never mutate it. */
  get state(): Readonly<AppState> {
    return this.app;
  }

  get language(): UiLanguage {
    const fromUrl = new URLSearchParams(location.search).get('lang');
    return uiLanguage(this.lang || fromUrl || navigator.language);
  }

  private get narrow(): boolean {
    return this.size.width > 0 && this.size.width < NARROW;
  }

  private get dark(): boolean {
    return this.theme === 'dark' || (this.theme !== 'light' && this.systemDark);
  }

  /**
   * With several interactives on one page, only the first with `url-state="hash"` keeps its state
   * in the URL; the others behave as `url-state="none"`, so they never fight over the hash.
   */
  private get ownsHash(): boolean {
    if (this.urlState !== 'hash' || !this.isConnected) return false;
    if (!hashOwner?.isConnected || hashOwner.urlState !== 'hash') hashOwner = this;
    return hashOwner === this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
    this.systemDark = this.darkQuery.matches;
    this.reducedMotion = this.motionQuery.matches;
    this.printQuery = matchMedia('print');
    this.printQuery.addEventListener('change', this.onMediaChange);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onMediaChange);
    this.darkQuery.addEventListener('change', this.onMediaChange);
    this.motionQuery.addEventListener('change', this.onMediaChange);
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('popstate', this.onHashChange);
    // The views' requests are not composed: they stop at this shadow root, so listen there.
    for (const [type, listener, capture] of this.viewListeners) this.renderRoot.addEventListener(type, listener, capture);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
  }

  /** Requests from the views, and the reader's input (captured: it pauses playback, tells the modality). */
  private readonly viewListeners: [string, EventListener, boolean][] = [
    ['cm-pick', ((e: PickEvent) => this.onPick(e)) as EventListener, false],
    ['cm-hover', ((e: HoverEvent) => this.onHover(e)) as EventListener, false],
    ['cm-window-request', ((e: WindowRequestEvent) => this.onWindowRequest(e)) as EventListener, false],
    ['cm-filter-request', ((e: FilterRequestEvent) => this.onFilterRequest(e)) as EventListener, false],
    ['cm-view-ready', ((e: ViewReadyEvent) => this.onViewReady(e)) as EventListener, false],
    // A view that cannot draw shows its own message; the page still becomes ready for the rest.
    ['cm-view-error', ((e: ViewErrorEvent) => (e.view === 'timeline' || e.view === 'map') && this.onViewReady(new ViewReadyEvent(e.view))) as EventListener, false],
    ['cm-map-fallback', (() => (this.mapFallback = true)) as EventListener, false],
    ['cm-play-request', ((e: PlayRequestEvent) => this.dispatch(e.speed === null ? { type: 'pause' } : { type: 'play', speed: e.speed })) as EventListener, false],
    ['cm-query', ((e: QueryEvent) => this.dispatch({ type: 'query', query: e.query })) as EventListener, false],
    ['cm-query-submit', (() => this.selectNextHit()) as EventListener, false],
    ['cm-step-request', ((e: StepRequestEvent) => this.dispatch({ type: 'step', step: e.step })) as EventListener, false],
    ['cm-story-close', (() => this.closeStory()) as EventListener, false],
    ['cm-present-request', ((e: PresentRequestEvent) => this.present(e.on)) as EventListener, false],
    ['keydown', ((e: KeyboardEvent) => this.onInput(e)) as EventListener, true],
    ['pointerdown', ((e: PointerEvent) => this.onInput(e)) as EventListener, true],
    ['wheel', ((e: WheelEvent) => this.onInput(e)) as EventListener, true],
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printQuery?.removeEventListener('change', this.onMediaChange);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onMediaChange);
    this.darkQuery?.removeEventListener('change', this.onMediaChange);
    this.motionQuery?.removeEventListener('change', this.onMediaChange);
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('popstate', this.onHashChange);
    for (const [type, listener, capture] of this.viewListeners) this.renderRoot.removeEventListener(type, listener, capture);
    if (hashOwner === this) hashOwner = null;
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    cancelAnimationFrame(this.clock);
    clearTimeout(this.clock);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) void this.load();
    else if (this.app.dataset && (changed.has('eventId') || changed.has('from') || changed.has('to'))) this.applyAttributes();
    else if (this.app.dataset && (changed.has('story') || changed.has('step'))) this.applyStoryAttributes(changed.has('story') && !this.story);
    this.search.update(this.app.dataset, this.language, this.app.query);
    // With no map drawn to go first (the table view, a map still starting) there is nothing to
    // wait for; a selection from the keyboard moves the focus to the details, which must not lag.
    const keyboard = this.selectionSource === 'view' && this.lastInput === 'keyboard';
    if (this.mode === 'table' || !this.drawn.has('map') || keyboard) this.timelineSelected = this.detailsSelected = this.app.selected;
  }

  private previousSelected: string | null = null;

  override updated(): void {
    const selected = this.app.selected;
    if (selected !== this.previousSelected) {
      this.previousSelected = selected;
      if (selected && (this.selectionSource === 'view' || this.selectionSource === 'link')) void this.revealDetails(this.selectionSource === 'view' && this.lastInput === 'keyboard');
    }
    this.selectionSource = 'other';
    if (this.timelineSelected !== selected || this.detailsSelected !== selected) this.followSelection();
  }

  /** This element's own render, without the views' catching up: what moving the focus inside it waits for. */
  private get rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  /** `updateComplete` includes the details' and the timeline's catching up with the selection. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.following) {
      await this.following;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** Hands the selection to the timeline once the map's frame is painted, then to the details after the timeline's. */
  private followSelection(): void {
    if (this.following) return;
    this.following = (async () => {
      await afterPaint();
      this.timelineSelected = this.app.selected;
      await afterPaint();
      this.detailsSelected = this.app.selected;
      this.following = null;
    })();
  }

  /**
   * Brings the details of a new selection into view, scrolling only as far as needed (in an
   * iframe, its own scroll), and moves the keyboard there when the selection came from it.
   */
  private async revealDetails(focus: boolean): Promise<void> {
    await this.updateComplete;
    const details = this.renderRoot.querySelector<CmDetails>('cm-details');
    if (!details) return;
    await details.updateComplete;
    const box = details.getBoundingClientRect();
    const visible = box.top >= 0 && box.top < innerHeight - 80;
    if (!visible) details.scrollIntoView({ block: 'nearest', behavior: this.reducedMotion ? 'auto' : 'smooth' });
    if (focus) {
      this.focusOrigin = deepActiveElement();
      details.focusHeading();
    }
  }

  /** Where the keyboard was when a selection moved it to the details; Escape there returns it. */
  private focusOrigin: HTMLElement | null = null;

  private async load(): Promise<void> {
    const token = ++this.loadToken;
    this.drawn.clear();
    this.fetching?.abort();
    const fetching = (this.fetching = new AbortController());
    this.dispatch({ type: 'load' });
    const src = this.src;
    this.progress = { received: 0, total: null, slow: false };
    const slow = setTimeout(() => token === this.loadToken && this.progress && (this.progress = { ...this.progress, slow: true }), SLOW_MS);
    try {
      const bytes = src.startsWith('#') ? new TextEncoder().encode(this.inlineDataset(src.slice(1))) : await fetchBytes(src, {
        signal: fetching.signal,
        onProgress: (received, total) => {
          if (token === this.loadToken) this.progress = { received, total, slow: this.progress?.slow ?? false };
        },
      });
      if (token !== this.loadToken) return;
      const result = await validateBytes(bytes);
      if (token === this.loadToken) this.show(result, src);
    } catch (error) {
      if (token === this.loadToken) this.fail({ message: this.loadMessage(src, error), problems: [], omitted: 0, retry: true });
    } finally {
      clearTimeout(slow);
      if (token === this.loadToken) this.progress = null;
    }
  }

  /** What went wrong with a fetch, in words: an HTTP error, a stall, a cut, a web page, nothing. */
  private loadMessage(src: string, error: unknown): string {
    const lang = this.language;
    if (!(error instanceof LoadFailure)) return t(lang, 'errorMissing', { src, reason: String(error) });
    const size = (n: number) => formatBytes(n, lang);
    switch (error.kind) {
      case 'http':
        return t(lang, 'errorMissing', { src, reason: `HTTP ${error.status}` });
      case 'stalled':
        return t(lang, 'errorStalled', { src, received: size(error.received) });
      case 'dropped':
        return t(lang, 'errorDropped', { src, received: size(error.received), total: error.total ? size(error.total) : '?' });
      case 'page':
        return t(lang, 'errorPage', { src });
      case 'empty':
        return t(lang, 'errorEmpty', { src });
      default:
        return t(lang, 'errorMissing', { src, reason: t(lang, 'errorNetwork') });
    }
  }

  /** Bytes received while a dataset loads, and whether it is taking long; null when not loading. */
  @state() private progress: { received: number; total: number | null; slow: boolean } | null = null;
  private fetching: AbortController | null = null;

  /**
   * Shows a dataset given in the page rather than fetched: its JSON text or a parsed value
   * (copied first: the validator takes the value over). The "Make your own" page previews with it.
   */
  async setData(data: string | object): Promise<void> {
    const token = ++this.loadToken;
    this.drawn.clear();
    this.dispatch({ type: 'load' });
    // Copied now: the caller may change its object while the validator's code loads.
    const value = typeof data === 'string' ? data : structuredClone(data);
    const src = t(this.language, 'givenData');
    let validator: typeof import('../model/validate');
    try {
      validator = await import('../model/validate');
    } catch (error) {
      if (token === this.loadToken) this.fail({ message: this.loadMessage(src, error), problems: [], omitted: 0 });
      return;
    }
    if (token !== this.loadToken) return;
    this.show(typeof value === 'string' ? validator.validateJson(value) : validator.validateValue(value), src);
  }

  private show(result: Validation, src: string): void {
    if (!result.ok) {
      const count = result.problems.length + result.omitted;
      this.fail({ message: t(this.language, 'errorInvalid', { src, problems: problemCount(this.language, count) }), problems: result.problems, omitted: result.omitted });
      return;
    }
    const dataset = result.dataset;
    const hash = this.ownsHash ? fromHash(location.hash, dataset) : null;
    this.selectionSource = 'link';
    const story = storyById(dataset, this.story);
    this.adoptKindColours(dataset);
    this.dispatch({
      type: 'loaded',
      dataset,
      warnings: result.warnings,
      window: hash?.window ?? this.attributeWindow(),
      selected: hash?.selected ?? this.eventId,
      filters: hash?.filters,
      query: hash?.query,
      story: hash?.story ?? (story ? { id: story.id, step: this.step ?? 1 } : null),
    });
  }

  /**
   * `src="#id"` names a `<script type="application/json" id="id">` of the page that holds the
   * dataset: the offline file carries its data so, since a page opened from disk cannot fetch.
   */
  private inlineDataset(id: string): string {
    const script = this.ownerDocument.getElementById(id);
    if (!(script instanceof HTMLScriptElement) || script.type !== 'application/json') throw new Error(`the page has no JSON script element with the id "${id}"`);
    return script.textContent ?? '';
  }

  private kindSheet: CSSStyleSheet | null = null;

  /** The dataset's kind colours as tokens for both themes, in a constructed sheet (CSP-safe). */
  private adoptKindColours(dataset: Dataset): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = kindTokenSheet(dataset.kinds);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== this.kindSheet), sheet];
    this.kindSheet = sheet;
  }

  /** `story` opens a story (removing it closes it); `step` moves the story open, or the `story` attribute's. */
  private applyStoryAttributes(removedStory = false): void {
    const id = this.story ?? (removedStory ? null : this.app.story?.id) ?? null;
    if (id) this.dispatch({ type: 'story', id, step: this.step ?? 1 });
    else if (this.app.story) this.dispatch({ type: 'story', id: null });
  }

  private attributeWindow(): TimeWindow | null {
    if (!this.from || !this.to) return null;
    const w: TimeWindow = [parseInstant(this.from), parseInstant(this.to)];
    return Number.isFinite(w[0]) && Number.isFinite(w[1]) ? w : null;
  }

  private applyAttributes(): void {
    const w = this.attributeWindow();
    if (w) this.dispatch({ type: 'window', window: w });
    this.dispatch({ type: 'select', id: this.eventId });
  }

  private fail(error: LoadError): void {
    this.dispatch({ type: 'failed', error });
    const detail = error.problems.length ? ` ${error.problems.slice(0, 3).map(formatProblem).join('; ')}` : '';
    this.dispatchEvent(new ChronoErrorEvent(`${error.message}${detail}`));
  }

  /** The one place state changes; public events and the URL follow from the difference. */
  private dispatch(action: Action): void {
    const before = this.app;
    const after = reduce(before, action);
    if (after === before) return;
    this.app = after;
    this.status = after.status;
    if (after.status === 'ready' && before.status !== 'ready') this.dispatchEvent(new ChronoReadyEvent());
    if (after.dataset && before.dataset === after.dataset) {
      if (after.story?.id !== before.story?.id || after.story?.step !== before.story?.step) {
        this.dispatchEvent(new ChronoStepChangeEvent(after.story?.id ?? before.story?.id ?? null, after.story?.step ?? null));
        this.announceStep(after);
      }
      if (after.selected !== before.selected) {
        this.dispatchEvent(new ChronoSelectEvent(after.selected));
        this.announceSelection(after);
      }
      if (after.window && after.window !== before.window) {
        this.dispatchEvent(new ChronoWindowChangeEvent(new Date(after.window[0]).toISOString(), new Date(after.window[1]).toISOString()));
      }
    }
    if (after.dataset && action.type !== 'hover' && action.type !== 'drawn' && action.type !== 'tick') this.writeUrl(before, after);
    if (after.playback && !before.playback) this.startClock();
  }

  /** The hash for a state: in a story, only what differs from the step itself. */
  private hashOf(s: AppState): string {
    const d = s.dataset!;
    const story = s.story ? storyById(d, s.story.id) : undefined;
    const base = story && s.story ? stepView(d, story, s.story.step, s.window) : undefined;
    return toHash(s, d, base);
  }

  private writeUrl(before: AppState, after: AppState): void {
    if (!this.ownsHash || after.playback) return;
    const hash = this.hashOf(after);
    if (hash === location.hash || (hash === '' && location.hash === '')) return;
    const url = `${location.pathname}${location.search}${hash || ''}`;
    // A new selection or story step is a step the reader can go back from; window moves only replace.
    if (before.dataset && (after.selected !== before.selected || after.story?.step !== before.story?.step)) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private readonly onHashChange = (): void => {
    if (!this.ownsHash || !this.app.dataset) return;
    if (location.hash === this.hashOf(this.app) || (location.hash === '' && this.hashOf(this.app) === '')) return;
    const read: UrlState = fromHash(location.hash, this.app.dataset);
    this.selectionSource = 'link';
    this.dispatch({ type: 'restore', ...read, window: read.window ?? this.app.window });
  };

  private clock = 0;

  /**
   * The playback clock: a tick per animation frame, or one step every STEP_INTERVAL_MS with
   * reduced motion. It stops itself once the state stops playing.
   */
  private startClock(): void {
    cancelAnimationFrame(this.clock);
    clearTimeout(this.clock);
    if (this.reducedMotion) {
      const step = () => {
        if (!this.app.playback || !this.isConnected) return;
        this.dispatch({ type: 'tick', elapsed: STEP_INTERVAL_MS, stepped: true });
        this.clock = window.setTimeout(step, STEP_INTERVAL_MS);
      };
      this.clock = window.setTimeout(step, STEP_INTERVAL_MS);
      return;
    }
    let last = performance.now();
    let held = 0;
    const frame = (now: number) => {
      if (!this.app.playback || !this.isConnected) return;
      // Where drawing the map is slow (software WebGL), a frame that also moves the timeline is
      // twice as long: the tick waits a frame or two for the map, and the next one catches up.
      if (held < 2 && this.renderRoot.querySelector('cm-map')?.drawsInFrame?.(now)) {
        held++;
        this.clock = requestAnimationFrame(frame);
        return;
      }
      held = 0;
      // A tab in the background gets no frames; a long gap is not a jump to the end.
      this.dispatch({ type: 'tick', elapsed: Math.min(now - last, 100), stepped: false });
      last = now;
      this.clock = requestAnimationFrame(frame);
    };
    this.clock = requestAnimationFrame(frame);
  }

  private readonly onMediaChange = (): void => {
    this.systemDark = this.darkQuery?.matches ?? false;
    this.reducedMotion = this.motionQuery?.matches ?? false;
    this.printing = this.printQuery?.matches ?? false;
  };

  private readonly onBeforePrint = (): void => {
    this.printing = true;
  };

  private onPick(e: PickEvent): void {
    this.selectionSource = 'view';
    this.dispatch({ type: 'select', id: e.id });
    if (e.id === null && this.focusOrigin?.isConnected) this.focusOrigin.focus();
    if (e.id === null) this.focusOrigin = null;
  }

  private onHover(e: HoverEvent): void {
    this.dispatch({ type: 'hover', id: e.id });
  }

  private onWindowRequest(e: WindowRequestEvent): void {
    this.dispatch({ type: 'window', window: [e.from, e.to] });
  }

  /** The reader's own input: it stops playback (but for the play controls), and in the presenter view keys step. */
  private onInput(e: Event): void {
    if (e.type === 'keydown') this.lastInput = 'keyboard';
    else if (e.type === 'pointerdown') this.lastInput = 'pointer';
    const path = e.composedPath();
    const onPlayControl = path.some((n) => n instanceof Element && n.classList.contains('play'));
    if (this.app.playback && !onPlayControl && !(e.type === 'keydown' && ['Shift', 'Control', 'Alt', 'Meta', 'Tab'].includes((e as KeyboardEvent).key))) this.dispatch({ type: 'pause' });
    if (this.presenting && e.type === 'keydown' && this.app.story) {
      const key = (e as KeyboardEvent).key;
      if (key === 'Escape') return this.present(false);
      const story = this.app.dataset ? storyById(this.app.dataset, this.app.story.id) : undefined;
      const to = story ? stepForKey(key === ' ' ? 'PageDown' : key, this.app.story.step, story.steps.length) : null;
      if (to !== null) {
        e.preventDefault();
        e.stopPropagation();
        this.dispatch({ type: 'step', step: to });
      }
    }
  }

  /**
   * Enter in the search field: the best match first (most of the words in its title), then the
   * next after the selection in that order, brought into the window; while a search is running,
   * once it has finished.
   */
  private selectNextHit(): void {
    // Enter right after typing in a large dataset: the matches of what was typed, not of the last pause.
    if (this.search.pending) {
      void this.search.settled().then(() => this.selectNextHit());
      return;
    }
    const hits = this.search.hits;
    const d = this.app.dataset;
    if (!hits?.events.length || !d) return;
    const order = rankMatches(hits.events, hits.query, this.language);
    const at = order.findIndex((e) => e.id === this.app.selected);
    const next = order[(at + 1) % order.length]!;
    const w = this.app.window;
    if (w && (next.endMs < w[0] || next.startMs > w[1])) {
      const half = (w[1] - w[0]) / 2;
      const middle = (next.startMs + next.endMs) / 2;
      this.dispatch({ type: 'window', window: [middle - half, middle + half] });
    }
    this.dispatch({ type: 'select', id: next.id });
  }

  private announceHits(hits: SearchHits | null): void {
    if (!hits) return;
    const lang = this.language;
    const n = hits.events.length;
    this.announcement = n === 0 ? t(lang, 'searchNone') : t(lang, n === 1 ? 'searchOne' : 'searchMany', { count: formatCount(n, lang) });
  }

  private openStory(): void {
    const d = this.app.dataset;
    const story = d?.stories[0];
    if (!story) return;
    this.dispatch({ type: 'story', id: story.id, step: 1 });
    void this.rendered.then(() => this.renderRoot.querySelector<HTMLElement>('cm-story')?.focus());
  }

  private closeStory(): void {
    this.present(false);
    this.dispatch({ type: 'story', id: null });
    this.announcement = t(this.language, 'storyClosed');
  }

  /** The presenter view: the whole element full screen (where the browser allows it), larger type. */
  private present(on: boolean): void {
    if (on === this.presenting) return;
    this.presenting = on;
    if (on) {
      this.requestFullscreen?.().catch(() => undefined);
      void this.rendered.then(() => this.renderRoot.querySelector<HTMLElement>('cm-story')?.focus());
    } else if (document.fullscreenElement === this) void document.exitFullscreen().catch(() => undefined);
  }

  /** Leaving full screen (Escape, the browser's own control) leaves the presenter view too. */
  private readonly onFullscreenChange = (): void => {
    if (document.fullscreenElement === this) this.wasFullscreen = true;
    else if (this.wasFullscreen) {
      this.wasFullscreen = false;
      this.presenting = false;
    }
  };

  private wasFullscreen = false;

  private onFilterRequest(e: FilterRequestEvent): void {
    this.dispatch({ type: 'filters', filters: e.filters });
    const d = this.app.dataset;
    if (d && this.app.window) {
      const lang = this.language;
      this.announcement = t(lang, 'countOf', { shown: formatCount(this.visible(d, this.app.window, this.app.filters).events.length, lang), total: formatCount(d.events.length, lang) });
    }
  }

  private onViewReady(e: ViewReadyEvent): void {
    // The map's code (MapLibre, the basemap: most of the bytes) and the print handout's are
    // fetched only once the timeline has painted, so readers see the events first. MapLibre and
    // the basemap are asked for beside the map's element, not once it has rendered.
    if (e.view === 'timeline') {
      void import('./cm-map');
      void import('../map/maplibre').then((m) => m.loadMapLibre()).catch(() => undefined);
      void import('../map/basemap').then((m) => m.loadBasemap('coarse')).catch(() => undefined);
      void import('./cm-handout').then((m) => m.prefetchHandout()).catch(() => undefined);
    }
    this.drawn.add(e.view);
    if (this.drawn.size === 2) this.dispatch({ type: 'drawn' });
  }

  private announceStep(s: AppState): void {
    const story = s.story && s.dataset ? storyById(s.dataset, s.story.id) : undefined;
    const step = story?.steps[s.story!.step - 1];
    if (!story || !step || !s.dataset) return;
    const lang = this.language;
    const title = localize(step, 'title', lang, s.dataset.languages[0] ?? 'en').text;
    this.announcement = t(lang, 'stepAnnounce', { step: s.story!.step, total: story.steps.length, title });
  }

  private announceSelection(s: AppState): void {
    // A story step says what it shows in its own announcement.
    if (s.story) return;
    const lang = this.language;
    const e = s.selected ? s.dataset?.eventById.get(s.selected) : undefined;
    this.announcement = e && s.dataset ? t(lang, 'selectedAnnounce', { sentence: eventSentence(e, s.dataset, lang) }) : t(lang, 'cleared');
  }

  override render() {
    const lang = this.language;
    const { status, dataset, error } = this.app;
    return html`
      <div class="root ${this.dark ? 'dark' : 'light'} ${this.presenting ? 'presenting' : ''}" lang=${lang}>
        ${error ? this.renderError(error) : nothing}
        ${dataset ? this.renderViews(dataset, lang) : status === 'loading' ? this.renderLoading(lang) : nothing}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  /** "Loading…", with a bar from the bytes received, and "still loading" when it takes long. */
  private renderLoading(lang: UiLanguage) {
    const p = this.progress;
    const amount = p && p.received ? (p.total ? t(lang, 'loadedOf', { received: formatBytes(p.received, lang), total: formatBytes(p.total, lang) }) : formatBytes(p.received, lang)) : '';
    return html`<div class="loading" role="status">
      <p>${p?.slow ? t(lang, 'stillLoading') : t(lang, 'loading')} ${amount}</p>
      ${p && (p.slow || p.received) ? html`<progress max=${p.total ?? nothing} value=${p.total ? p.received : nothing} aria-label=${t(lang, 'loading')}></progress>` : nothing}
    </div>`;
  }

  private renderError(error: LoadError) {
    const lang = this.language;
    return html`<section class="error" role="alert">
      <h2>${t(lang, 'errorTitle')}</h2>
      <p>${error.message}</p>
      ${error.retry ? html`<p><button type="button" class="retry" @click=${() => void this.load()}>${t(lang, 'retry')}</button></p>` : nothing}
      ${error.problems.length
        ? html`<ul>
            ${error.problems.map((p) => html`<li><code>${formatProblem(p)}</code></li>`)}
          </ul>`
        : nothing}
      ${error.omitted ? html`<p>${t(lang, 'andMore', { count: error.omitted })}</p>` : nothing}
    </section>`;
  }

  private visibleMemo: { dataset: Dataset; window: TimeWindow; filters: Filters; events: ChronoEvent[]; unplaced: number } | null = null;

  /**
   * The events in the window that pass the filters, kept while those stay the same: a selection
   * or a hover re-renders the page, and the list (100,000 events at most) need not be rebuilt, nor
   * the views that take it be handed a new array.
   */
  private visible(dataset: Dataset, window: TimeWindow, filters: Filters): { events: ChronoEvent[]; unplaced: number } {
    const memo = this.visibleMemo;
    if (memo && memo.dataset === dataset && memo.window === window && memo.filters === filters) return memo;
    this.visibleMemo = { dataset, window, filters, ...visibleSummary(dataset, window, filters) };
    return this.visibleMemo;
  }

  private renderViews(dataset: Dataset, lang: UiLanguage) {
    const { window, filters, selected, hovered, story: position } = this.app;
    const { events: visible, unplaced } = window ? this.visible(dataset, window, filters) : { events: [], unplaced: 0 };
    const hits = this.search.hits?.ids ?? null;
    const story = position ? storyById(dataset, position.id) : undefined;
    const hidden = filters.hiddenKinds.length + filters.hiddenStatuses.length;
    /** The address of this view, for the exports and the handout. */
    const link = () => (this.urlState === 'hash' ? `${location.origin}${location.pathname}${location.search}${this.hashOf(this.app)}` : location.href);
    return html`
      <div class="bar">
        ${dataset.stories.length
          ? html`<button
              type="button"
              class="story-button"
              aria-pressed=${story ? 'true' : 'false'}
              title=${t(lang, 'storyOpen', { title: localize(dataset.stories[0]!, 'title', lang, dataset.languages[0] ?? 'en').text })}
              @click=${() => (story ? this.closeStory() : this.openStory())}
            >
              ${t(lang, 'storyButton')}
            </button>`
          : nothing}
        <cm-search .query=${this.app.query} .count=${this.search.pending ? null : (this.search.hits?.events.length ?? null)} language=${lang}></cm-search>
        <button type="button" class="filters-toggle" aria-expanded=${this.filtersOpen ? 'true' : 'false'} aria-controls="filters" @click=${() => (this.filtersOpen = !this.filtersOpen)}>
          ${hidden ? t(lang, 'filtersHidden', { count: formatCount(hidden, lang) }) : t(lang, 'filters')}
        </button>
        <div class="modes" role="group" aria-label=${t(lang, 'viewMode')}>
          <button type="button" aria-pressed=${this.mode === 'graphic' ? 'true' : 'false'} @click=${() => (this.mode = 'graphic')}>${t(lang, this.narrow ? 'graphicShort' : 'graphic')}</button>
          <button type="button" aria-pressed=${this.mode === 'table' ? 'true' : 'false'} @click=${() => (this.mode = 'table')}>${t(lang, 'table')}</button>
        </div>
        <cm-share ?compact=${this.narrow} .link=${this.shareLink()} .embedUrl=${this.shareEmbedUrl(lang)} .embedTitle=${localize(dataset, 'title', lang, dataset.languages[0] ?? 'en').text} language=${lang}></cm-share>
        <cm-download
          ?compact=${this.narrow}
          .data=${dataset}
          .events=${visible}
          .hits=${hits}
          .window=${window}
          .selected=${selected}
          .link=${link}
          .views=${() => ({ map: this.renderRoot.querySelector('cm-map'), timeline: this.renderRoot.querySelector('cm-timeline') })}
          language=${lang}
          theme=${this.dark ? 'dark' : 'light'}
        ></cm-download>
      </div>
      <cm-filters id="filters" class=${this.filtersOpen ? 'open' : ''} .data=${dataset} .filters=${filters} .shown=${visible.length} .total=${dataset.events.length} language=${lang}></cm-filters>
      <div class="views ${this.mode} ${story ? 'with-story' : ''}">
        <section class="map-panel" aria-label=${t(lang, 'map')} ?hidden=${this.mode === 'table'}>
          <cm-map
            .data=${dataset}
            .window=${window}
            .filters=${filters}
            .selected=${selected}
            .hovered=${hovered}
            .searchMatches=${hits}
            .focusPlaces=${this.app.focus}
            .language=${lang}
            .theme=${this.dark ? 'dark' : 'light'}
            .reducedMotion=${this.reducedMotion}
            .playing=${this.app.playback !== null}
          ></cm-map>
          ${this.mapFallback ? html`<p class="note">${t(lang, 'mapFallback')}</p>` : nothing}
          ${unplaced ? html`<p class="note">${t(lang, 'unplaced', { events: eventCount(lang, unplaced) })}</p>` : nothing}
        </section>
        ${story && position
          ? html`<section class="story-panel" aria-label=${t(lang, 'storyOpen', { title: localize(story, 'title', lang, dataset.languages[0] ?? 'en').text })}>
              <cm-story .data=${dataset} .story=${story} .step=${position.step} language=${lang} ?presenting=${this.presenting}></cm-story>
            </section>`
          : nothing}
        <section class="details-panel" aria-label=${t(lang, 'details')}>
          <cm-details .data=${dataset} .selected=${this.detailsSelected} .order=${visible} language=${lang}></cm-details>
        </section>
        <section class="timeline-panel" aria-label=${t(lang, 'timeline')} ?hidden=${this.mode === 'table'}>
          <cm-timeline
            .data=${dataset}
            .window=${window}
            .filters=${filters}
            .selected=${this.timelineSelected}
            .hovered=${hovered}
            .hits=${hits}
            .playing=${this.app.playback?.speed ?? null}
            language=${lang}
            ?reducedMotion=${this.reducedMotion}
          ></cm-timeline>
        </section>
        ${this.mode === 'table'
          ? html`<section class="table-panel" aria-label=${t(lang, 'table')}>
              <cm-table .data=${dataset} .events=${visible} .selected=${selected} .hits=${hits} language=${lang}></cm-table>
            </section>`
          : nothing}
      </div>
      ${this.printing
        ? html`<cm-handout .data=${dataset} .events=${visible} .window=${window} .selected=${selected} .story=${position} .link=${link} language=${lang}></cm-handout>`
        : nothing}
      ${this.renderAttribution(dataset, lang)}
      <footer class="about">
        <details>
          <summary>${t(lang, 'about')}</summary>
          ${dataset.methodology ? html`<p>${dataset.translations?.[lang]?.methodology ?? dataset.methodology}</p>` : nothing}
          ${dataset.credits ? html`<p>${t(lang, 'credits')}: ${dataset.credits}</p>` : nothing}
          ${dataset.license ? html`<p>${t(lang, 'license', { license: dataset.license })}</p>` : nothing}
          ${this.renderWarnings(lang)}
        </details>
        ${dataset.updated
          ? html`<p class="updated">${t(lang, 'updated', { date: new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(parseInstant(dataset.updated)) })}</p>`
          : nothing}
      </footer>
    `;
  }

  /** A link to this page showing the current view (selection, window, filters, search, story step). */
  private shareLink(): string {
    return `${location.origin}${location.pathname}${location.search}${this.app.dataset ? this.hashOf(this.app) : ''}`;
  }

  /** The embed page's address for the current view, next to the element's own script. */
  private shareEmbedUrl(lang: UiLanguage): string {
    const { selected, window: w, story } = this.app;
    return embedUrl(new URL('embed.html', siteRoot()).href, {
      src: new URL(this.src, location.href).href,
      event: selected ?? undefined,
      from: w ? formatInstant(w[0]) : undefined,
      to: w ? formatInstant(w[1]) : undefined,
      lang,
      story: story?.id,
      step: story ? String(story.step) : undefined,
    });
  }

  /** The dataset's attribution line: shown in every view, the print copy and every export. */
  private renderAttribution(dataset: Dataset, lang: UiLanguage) {
    if (!dataset.attribution) return nothing;
    return html`<p class="data-attribution" lang=${dataset.translations?.[lang]?.attribution ? lang : (dataset.languages[0] ?? 'en')}>${dataset.translations?.[lang]?.attribution ?? dataset.attribution}</p>`;
  }

  /** Warnings never block the data; they are listed apart from errors, for the people who made it. */
  private renderWarnings(lang: UiLanguage) {
    const { warnings } = this.app;
    if (!warnings.length) return nothing;
    return html`<details class="warnings">
      <summary>${t(lang, 'warningsTitle', { count: formatCount(warnings.length, lang) })}</summary>
      <ul>
        ${warnings.map((w) => html`<li><code>${formatProblem(w)}</code></li>`)}
      </ul>
    </details>`;
  }
}

/**
 * Where the built site's root is: the element's code lies in `assets/` (or `src/` in
 * development) below it, or beside `chronomap.js` at it; embed.html sits there.
 */
function siteRoot(): URL {
  const here = new URL(import.meta.url);
  const at = here.pathname.search(/\/(assets|src)\//);
  return new URL(at >= 0 ? here.pathname.slice(0, at + 1) : './', here);
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement || el instanceof SVGElement ? (el as HTMLElement) : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'chrono-map': ChronoMap;
  }
}
