/**
 * <cm-timeline>: the events on a D3 time axis, in two lanes (diplomacy above, attacks below),
 * with zoom and pan, a range brush over the whole period, and keyboard navigation.
 *
 * Lit renders the marks; D3 computes the scales and fills only the axis and brush groups.
 * The zoomed view is previewed locally during a gesture and committed on its end as a
 * `cm-window-request`, so the map and the URL change once per gesture, not once per frame.
 *
 * @property data - the validated dataset (named so because HTMLElement already has `dataset`)
 * @property window - the time window [fromMs, toMs] the root holds
 * @property filters - kinds and statuses let through
 * @property selected - id of the selected event
 * @property hovered - id of the event under the pointer in any view
 * @property language - interface language
 * @property reducedMotion - no animated zooms
 * @property hits - ids of the events the reader's search found, or null without a search
 * @property playing - the playback speed while playing through time, else null
 *
 * @fires cm-pick - the reader selects an event (or clears with Escape)
 * @fires cm-play-request - the reader pressed play (a speed) or pause (null)
 * @fires cm-hover - the pointer enters or leaves an event
 * @fires cm-window-request - a zoom, pan or brush gesture ended on a new window
 * @fires cm-view-ready - the last change has been drawn
 *
 * @csspart plot - the SVG
 */
import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { axisBottom, brushX, easeCubicInOut, scaleUtc, select, utcDay, utcHour, utcMonth, utcYear, zoom, zoomIdentity, type BrushBehavior, type D3ZoomEvent, type ScaleTime, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { ChronoEvent, Dataset } from '../model/dataset';
import { ALL_FILTERS, isAllFilters, longestSpan, passesFilters, type Filters, type TimeWindow } from '../model/select';
import { eventSentence, eventTitle, laneLabel } from '../i18n/sentence';
import { formatEventWhen, formatShortDay, formatUtc } from '../i18n/format';
import { localize } from '../i18n/localize';
import { compareImportance } from '../model/importance';
import { PLAY_SPEEDS, type PlaySpeed } from '../model/playback';
import { fit, placeFirst, placeLabels, type PlacedLabel } from '../timeline/labels';
import { t, type UiLanguage } from '../i18n/messages';
import { DASHES, kindPath, statusStyle } from '../ui/marks';
import { layoutLane, type GroupItem, type LaneItem, type MarkItem } from '../timeline/layout';
import { guardedUpdate } from './view-guard';
import { HoverEvent, PickEvent, PlayRequestEvent, ViewReadyEvent, WindowRequestEvent } from './events';
import { SizeController } from './resize-controller';
import { timelineStyles } from './cm-timeline.styles';

const ROW = 24;
const GROUP_ROW = 22;
const LANE_GAP = 10;
const TOP = 18;
const AXIS = 26;
const OVERVIEW = 34;
/** Quiet time after the last wheel step before a wheel zoom is committed to the other views. */
const WHEEL_COMMIT_MS = 350;
const MARK_WIDTH = 20;
const BIN_WIDTH = 28;
/**
 * Event marks over all lanes: about 13 DOM nodes each, so the timeline stays within the page's
 * budget of 6,500 nodes however wide the screen and however many events fit.
 */
const MAX_MARKS = 320;
const MIN_SPAN = 2 * 3_600_000;
const TAP_RADIUS = 22;
/** Length of an eased move to a new window (a story step, a button), unless motion is reduced. */
const EASE_MS = 450;
/** The labels' font, as in the styles, for measuring headlines. */
const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

@customElement('cm-timeline')
export class CmTimeline extends LitElement {
  static override styles = timelineStyles;

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) window: TimeWindow | null = null;
  @property({ attribute: false }) filters: Filters = ALL_FILTERS;
  @property({ attribute: false }) selected: string | null = null;
  @property({ attribute: false }) hovered: string | null = null;
  @property() language: UiLanguage = 'en';
  @property({ type: Boolean }) reducedMotion = false;
  @property({ attribute: false }) hits: ReadonlySet<string> | null = null;
  @property({ attribute: false }) playing: PlaySpeed | null = null;

  /** The domain on screen: follows `window`, and runs ahead of it during a gesture. */
  @state() private view: TimeWindow | null = null;
  /** The event the keyboard cursor is on. */
  @state() private active: string | null = null;
  /** The event whose tooltip shows: under the pointer, or under the keyboard cursor. */
  @state() private tip: string | null = null;
  /** The speed the play button starts at. */
  @state() private speed: PlaySpeed = 1;

  @query('svg.plot') private plot!: SVGSVGElement;
  @query('g.axis') private axisGroup!: SVGGElement;
  @query('g.overview-axis') private overviewAxisGroup!: SVGGElement;
  @query('g.brush') private brushGroup!: SVGGElement;
  @query('.tooltip') private tooltip!: HTMLDivElement;

  private readonly size = new SizeController(this, () => this.renderRoot.querySelector('.frame'));
  /** Lane ids in drawing order, and the events that pass the filters in each. */
  private laneIds: string[] = [];
  private lanes = new Map<string, ChronoEvent[]>();
  /** Time-ordered events that pass the filters, for keyboard order. */
  private passing: ChronoEvent[] = [];
  private base: ScaleTime<number, number> = scaleUtc();
  private zoomer?: ZoomBehavior<SVGSVGElement, unknown>;
  private brusher?: BrushBehavior<unknown>;
  /** A zoom or pan gesture is under way: marks sliding under the pointer are not hovers. */
  private gesturing = false;
  private wheelCommit = 0;
  private rows = 4;

  /** Items from the last layout, by lane; kept for hit-testing keyboard moves. */
  private items = new Map<string, LaneItem[]>();

  /** A change is waiting to be drawn and reported with `cm-view-ready`. */
  private unreported = false;
  /** Headlines placed in the last render, by event id. */
  private labels = new Map<string, PlacedLabel>();
  private tween = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') || changed.has('window') || changed.has('filters')) this.unreported = true;
    if (changed.has('data') || changed.has('filters')) {
      const all = isAllFilters(this.filters);
      const passing = this.data ? (all ? this.data.events : this.data.events.filter((e) => passesFilters(e, this.filters))) : [];
      this.passing = passing;
      this.laneIds = this.data ? this.data.lanes.map((l) => l.id) : [];
      this.lanes = new Map(this.laneIds.map((id) => [id, []]));
      for (const e of passing) this.lanes.get(e.lane)?.push(e);
    }
    if (changed.has('window') && this.window) this.moveTo(this.window);
    // Fewer rows per lane when a dataset has many lanes, so the timeline keeps a readable height.
    const lanes = this.laneIds.length;
    this.rows = lanes > 4 ? 2 : lanes > 2 ? 3 : this.size.width && this.size.width < 560 ? 4 : 5;
    this.base = this.baseScale();
  }

  private get height(): number {
    return TOP + Math.max(1, this.laneIds.length) * (this.rows * ROW + GROUP_ROW + LANE_GAP / 2) + LANE_GAP / 2 + AXIS + OVERVIEW;
  }

  private laneTop(lane: string): number {
    return TOP + this.laneIds.indexOf(lane) * (this.rows * ROW + GROUP_ROW + LANE_GAP / 2);
  }

  /** Whole period (plus a margin, and the window if it reaches outside) mapped to the width. */
  private baseScale(): ScaleTime<number, number> {
    const [first, last] = this.data?.extent ?? [0, 1];
    const span = Math.max(last - first, 86_400_000);
    let d0 = first - span * 0.03;
    let d1 = last + span * 0.03;
    if (this.window) {
      d0 = Math.min(d0, this.window[0]);
      d1 = Math.max(d1, this.window[1]);
    }
    return scaleUtc().domain([d0, d1]).range([0, Math.max(this.size.width, 1)]);
  }

  private viewScale(): ScaleTime<number, number> {
    const [d0, d1] = this.view ?? (this.base.domain().map(Number) as [number, number]);
    return scaleUtc().domain([d0, d1]).range(this.base.range());
  }

  private transformFor([from, to]: TimeWindow): ZoomTransform {
    const x0 = this.base(from);
    const x1 = this.base(to);
    const k = this.size.width / Math.max(x1 - x0, 1e-6);
    return zoomIdentity.scale(k).translate(-x0, 0);
  }

  protected override update(changed: PropertyValues): void {
    guardedUpdate(this, 'timeline', t(this.language, 'viewFailed'), () => super.update(changed));
  }

  override render() {
    const lang = this.language;
    const width = this.size.width;
    const x = this.viewScale();
    const layout = width > 0 && this.data ? this.layoutAll(x) : null;
    const tip = this.tip ? this.data?.eventById.get(this.tip) : undefined;
    return html`
      <div class="toolbar">
        <span class="hint">${this.view ? `${formatShortDay(this.view[0], lang)} – ${formatShortDay(this.view[1], lang)} · UTC` : ''}</span>
        <span class="buttons">
          <span class="play" role="group" aria-label=${t(lang, 'playback')}>
            <button type="button" class="play-button" aria-pressed=${this.playing ? 'true' : 'false'} @click=${this.togglePlay} title=${t(lang, this.playing ? 'pause' : 'play')}>
              ${this.playing ? '❚❚' : '▶'}<span class="visually-hidden">${t(lang, this.playing ? 'pause' : 'play')}</span>
            </button>
            <select aria-label=${t(lang, 'playSpeed')} @change=${this.onSpeed}>
              ${PLAY_SPEEDS.map((speed) => html`<option value=${speed} ?selected=${speed === (this.playing ?? this.speed)}>${speed}×</option>`)}
            </select>
          </span>
          <button type="button" @click=${() => this.zoomBy(2)} aria-label=${t(lang, 'zoomIn')} title=${t(lang, 'zoomIn')}>+</button>
          <button type="button" @click=${() => this.zoomBy(0.5)} aria-label=${t(lang, 'zoomOut')} title=${t(lang, 'zoomOut')}>−</button>
          <button type="button" @click=${this.resetZoom} aria-label=${t(lang, 'zoomReset')} title=${t(lang, 'zoomReset')}>⤢</button>
        </span>
      </div>
      <div class="frame">
        <svg
          class="plot ${this.hits ? 'searching' : ''}"
          part="plot"
          width=${width}
          height=${this.height}
          viewBox="0 0 ${width} ${this.height}"
          role="listbox"
          tabindex="0"
          aria-label=${t(lang, 'timelineLabel')}
          aria-activedescendant=${this.active && this.data?.eventById.has(this.active) ? `mark-${this.data.eventById.get(this.active)!.index}` : nothing}
          @keydown=${this.onKeydown}
          @focus=${this.onFocus}
          @blur=${this.onBlur}
          @click=${this.onPlotClick}
        >
          <g aria-hidden="true">${this.laneIds.map((lane) => this.renderLaneFrame(lane))}${this.renderEras(x)}</g>
          <g class="marks">${layout ? this.laneIds.map((lane) => this.renderLane(lane, layout.get(lane) ?? [])) : nothing}</g>
          <g class="axis" aria-hidden="true" transform="translate(0 ${this.height - AXIS - OVERVIEW})"></g>
          <g class="overview" aria-hidden="true" transform="translate(0 ${this.height - OVERVIEW + 4})">
            <rect class="overview-bg" width=${width} height=${OVERVIEW - 16}></rect>
            ${this.renderDensity(width)}
            <g class="overview-axis" transform="translate(0 ${OVERVIEW - 16})"></g>
            <g class="brush"></g>
          </g>
        </svg>
        <div class="tooltip" role="tooltip" ?hidden=${!tip} aria-hidden="true">
          ${tip && this.data ? html`<span class="when">${formatEventWhen(tip, lang)}</span><span class="what">${eventTitle(tip, this.data, lang)}</span>` : nothing}
        </div>
      </div>
    `;
  }

  /** What the last layout was made from; a render with the same (a hover, a tooltip, a selection) keeps it. */
  private laidOut: { lanes: Map<string, ChronoEvent[]>; view: string; language: string; selected: string | null } | null = null;
  /** Each lane's longest span, kept while the lanes stay the same. */
  private spans = new WeakMap<ChronoEvent[], number>();

  /**
   * Marks, groups and headlines of every lane. A new selection that is already drawn as a mark
   * leaves the marks where they are (nothing moves under the reader's pointer) and only gives it
   * its headline if it lacks one; one that is not drawn is laid out again first in its lane.
   */
  private layoutAll(x: ScaleTime<number, number>): Map<string, LaneItem[]> {
    const d = this.data!;
    const view = `${x.domain().map(Number).join()}|${x.range().join()}|${this.rows}`;
    const last = this.laidOut;
    this.laidOut = { lanes: this.lanes, view, language: this.language, selected: this.selected };
    const kept = last?.lanes === this.lanes && last.view === view;
    if (kept && last.selected === this.selected && last.language === this.language) return this.items;
    const compare = (a: ChronoEvent, b: ChronoEvent) => compareImportance(d, this.selected, a, b);
    const options = { markWidth: MARK_WIDTH, rows: this.rows, binWidth: BIN_WIDTH, compare, maxMarks: Math.floor(MAX_MARKS / Math.max(1, this.lanes.size)) };
    const layoutOf = (events: ChronoEvent[]) => {
      let span = this.spans.get(events);
      if (span === undefined) this.spans.set(events, (span = longestSpan(events)));
      return layoutLane(events, x, span, options);
    };
    if (!kept) {
      this.items = new Map([...this.lanes].map(([lane, events]) => [lane, layoutOf(events)]));
      this.placeHeadlines();
      return this.items;
    }
    const selected = this.selected ? d.eventById.get(this.selected) : undefined;
    const events = selected ? this.lanes.get(selected.lane) : undefined;
    const items = selected ? this.items.get(selected.lane) : undefined;
    // A lane drawn as a histogram has no marks: a selection changes nothing in it.
    const relaid = !!selected && !!events && !!items && !this.isMark(selected) && !items.some((i) => i.type === 'group' && i.mode === 'bin');
    if (relaid) this.items.set(selected.lane, layoutOf(events));
    const label = selected ? this.labels.get(selected.id) : undefined;
    // Marks laid out again may have changed rows: their headlines are placed afresh.
    if (relaid || last.language !== this.language) this.placeHeadlines();
    else if (selected && (!label || label.shortened) && this.isMark(selected)) this.labelFirst(selected);
    return this.items;
  }

  /** Gives a newly selected mark its headline, moving no other (see `placeFirst`). */
  private labelFirst(e: ChronoEvent): void {
    const lane = this.items.get(e.lane) ?? [];
    const item = lane.find((i): i is MarkItem => i.type === 'event' && i.event === e);
    if (!item) return;
    // Only the marks in its own row can be in the way of its headline.
    const obstacles = lane.flatMap((i) => (i.type === 'event' && i.row === item.row ? [{ lane: e.lane, row: i.row, x: i.x }] : []));
    const candidate = { id: e.id, lane: e.lane, row: item.row, x: item.x, text: eventTitle(e, this.data!, this.language) };
    const placed = placeFirst(candidate, obstacles, [...this.labels.values()], { width: this.size.width, markHalf: MARK_WIDTH / 2, measure: measureLabel });
    this.labels = new Map(placed.map((l) => [l.id, l]));
  }

  private isMark(e: ChronoEvent): boolean {
    return this.items.get(e.lane)?.some((i) => i.type === 'event' && i.event === e) ?? false;
  }

  /**
   * Headlines beside the marks where they fit: the selected event first, then the dataset's key
   * events, then the rest in time order, so the story's main events are read at a glance.
   */
  private placeHeadlines(): void {
    const d = this.data!;
    const marks = [...this.items].flatMap(([lane, items]) => items.filter((i): i is MarkItem => i.type === 'event').map((item) => ({ lane, item })));
    const rank = (e: ChronoEvent) => (e.id === this.selected ? 0 : e.highlight ? 1 : 2);
    const candidates = marks
      .map(({ lane, item }) => ({ id: item.event.id, lane, row: item.row, x: item.x, text: eventTitle(item.event, d, this.language), event: item.event }))
      .sort((a, b) => rank(a.event) - rank(b.event) || a.event.index - b.event.index);
    const placed = placeLabels(candidates, candidates, { width: this.size.width, markHalf: MARK_WIDTH / 2, measure: measureLabel });
    this.labels = new Map(placed.map((l) => [l.id, l]));
  }

  /** Named periods as bands behind the lanes, their titles at the top where they fit. */
  private renderEras(x: ScaleTime<number, number>) {
    const d = this.data;
    if (!d?.eras.length) return nothing;
    const width = this.size.width;
    const top = TOP - 14;
    const bottom = this.height - AXIS - OVERVIEW;
    return svg`<g class="eras">${d.eras.map((era, i) => {
      const x0 = Math.max(x(era.startMs), 0);
      const x1 = Math.min(x(era.endMs), width);
      if (x1 <= x0) return nothing;
      const title = localize(era, 'title', this.language, d.languages[0] ?? 'en');
      return svg`<g class="era era-${i % 2}">
        <rect x=${x0} y=${top} width=${x1 - x0} height=${bottom - top}></rect>
        ${x1 - x0 > 40 ? svg`<text x=${x0 + 4} y=${bottom - 4} lang=${title.lang}>${fitText(title.text, x1 - x0 - 8)}</text>` : nothing}
      </g>`;
    })}</g>`;
  }

  private renderLaneFrame(lane: string) {
    const top = this.laneTop(lane);
    return svg`
      <rect class="lane lane-${lane}" x="0" y=${top - 14} width=${this.size.width} height=${this.rows * ROW + GROUP_ROW + 8}></rect>
      <text class="lane-label" x="6" y=${top - 3}>${this.data ? laneLabel(this.data, lane, this.language) : ''}</text>
    `;
  }

  private renderLane(lane: string, items: LaneItem[]) {
    const top = this.laneTop(lane);
    const bins = items.filter((i): i is GroupItem => i.type === 'group' && i.mode === 'bin');
    const maxBin = bins.reduce((m, b) => Math.max(m, b.count), 1);
    return svg`<g class="lane-marks" data-lane=${lane}>${repeat(
      items,
      // A histogram's bars stay at their pixels while the window slides under them (playback,
      // a drag): keyed by place, each bar keeps its nodes and only its height and count change.
      (item) => (item.type === 'event' ? item.event.id : item.mode === 'bin' ? `b-${Math.round(item.x0)}` : `g-${item.from}`),
      (item) => (item.type === 'event' ? this.renderMark(item, top) : this.renderGroup(item, top, maxBin)),
    )}</g>`;
  }

  /** Marks' sentences for screen readers, by language: every render (a hover, a selection) needs them again. */
  private sentences = new WeakMap<ChronoEvent, { language: string; text: string }>();

  private sentenceOf(e: ChronoEvent): string {
    let sentence = this.sentences.get(e);
    if (sentence?.language !== this.language) this.sentences.set(e, (sentence = { language: this.language, text: eventSentence(e, this.data!, this.language) }));
    return sentence.text;
  }

  private renderMark(item: MarkItem, top: number) {
    const e = item.event;
    const style = statusStyle(e.status);
    const kind = this.data!.kindById.get(e.kind);
    const y = top + item.row * ROW + ROW / 2;
    // Spans stop short of each other so consecutive days read as separate days.
    const spanStart = Math.max(item.x0, -10) - item.x + 1.5;
    const spanEnd = Math.min(item.x1, this.size.width + 10) - item.x - 1.5;
    const showSpan = spanEnd - spanStart >= 4;
    const classes = ['mark', kind ? `k${kind.index}` : '', `status-${style}`, `precision-${e.precision}`];
    if (e.id === this.selected) classes.push('selected');
    if (e.id === this.hovered) classes.push('hovered');
    if (e.id === this.active) classes.push('active');
    if (this.hits) classes.push(this.hits.has(e.id) ? 'match' : 'dim');
    const label = this.labels.get(e.id);
    return svg`<g
      class=${classes.join(' ')}
      id=${`mark-${e.index}`}
      data-event-id=${e.id}
      role="option"
      aria-selected=${e.id === this.selected ? 'true' : 'false'}
      aria-label=${this.sentenceOf(e)}
      transform="translate(${item.x} ${y})"
      @click=${() => this.pick(e.id)}
      @pointerenter=${() => this.gesturing || this.hoverMark(e.id)}
      @pointerleave=${() => this.hoverMark(null)}
    >${
      // No whitespace between the children: a mark is drawn hundreds of times, and each space would be a DOM node.
      showSpan ? svg`<line class="span" x1=${spanStart} x2=${spanEnd} y1="9" y2="9"></line>` : e.precision === 'exact' ? svg`<line class="tick" x1="0" x2="0" y1="7" y2="11"></line>` : nothing
    }<circle class="ring" r="11"></circle><path class="shape" d=${kindPath(kind ?? { shape: 'circle' })} stroke-dasharray=${DASHES[style] ?? nothing}></path>${
      style === 'crossed' ? svg`<line class="strike" x1="-7" y1="7" x2="7" y2="-7"></line>` : nothing
    }<circle class="hit" r="12"></circle>${
      label ? svg`<text class="label" x=${label.x - item.x} y="4" lang=${localize(e, 'title', this.language, this.data!.languages[0] ?? 'en').lang}>${label.text}</text>` : nothing
    }</g>`;
  }

  private renderGroup(item: GroupItem, top: number, maxBin: number) {
    const label = t(this.language, 'groupOpen', { count: item.count, from: formatShortDay(item.from, this.language), to: formatShortDay(item.to, this.language) });
    if (item.mode === 'bin') {
      const full = this.rows * ROW + GROUP_ROW - 6;
      const h = Math.max(3, Math.sqrt(item.count / maxBin) * full);
      return svg`<g class="group bin" role="option" aria-selected="false" aria-label=${label} data-count=${item.count} @click=${() => this.zoomTo(item.from, item.to)}>
        <rect x=${item.x0 + 1} y=${top + full - h} width=${Math.max(item.x1 - item.x0 - 2, 2)} height=${h} rx="2"></rect>
        ${item.x1 - item.x0 >= 24 ? svg`<text x=${(item.x0 + item.x1) / 2} y=${top + full - h - 3}>${item.count}</text>` : nothing}
      </g>`;
    }
    const y = top + this.rows * ROW + 2;
    const cx = (item.x0 + item.x1) / 2;
    const w = Math.max(26, item.x1 - item.x0 + 20);
    return svg`<g class="group overflow" role="option" aria-selected="false" aria-label=${label} data-count=${item.count} transform="translate(${cx} ${y})" @click=${() => this.zoomTo(item.from, item.to)}>
      <rect x=${-w / 2} y="0" width=${w} height="17" rx="8.5"></rect>
      <text x="0" y="12.5">+${item.count}</text>
    </g>`;
  }

  private density: { key: string; passing: readonly ChronoEvent[]; counts: number[] } | null = null;

  /** Counts per bucket over the whole period; recomputed only when events, width or period change, not on every zoom frame. */
  private densityCounts(buckets: number, d0: number, d1: number): number[] {
    const key = `${buckets}|${d0}|${d1}`;
    if (this.density?.key === key && this.density.passing === this.passing) return this.density.counts;
    const counts = new Array<number>(buckets).fill(0);
    const step = (d1 - d0) / buckets;
    for (const e of this.passing) {
      const b = Math.floor((e.startMs - d0) / step);
      if (b >= 0 && b < buckets) counts[b]!++;
    }
    this.density = { key, passing: this.passing, counts };
    return counts;
  }

  /** The whole period's density under the brush, as a thin area per day bucket. */
  private renderDensity(width: number) {
    if (!this.data || width === 0) return nothing;
    const buckets = Math.min(240, Math.max(1, Math.floor(width / 3)));
    const [d0, d1] = this.base.domain().map(Number) as [number, number];
    const counts = this.densityCounts(buckets, d0, d1);
    const max = Math.max(1, ...counts);
    const h = OVERVIEW - 16;
    const bw = width / buckets;
    return svg`<g class="density">${counts.map((c, i) => (c ? svg`<rect x=${i * bw} y=${h - Math.max(1.5, (Math.sqrt(c / max) * h))} width=${Math.max(bw - 0.5, 1)} height=${Math.max(1.5, Math.sqrt(c / max) * h)}></rect>` : nothing))}</g>`;
  }

  override firstUpdated(): void {
    this.zoomer = zoom<SVGSVGElement, unknown>()
      .filter((event: Event) => {
        // An embedded interactive must not trap page scrolling: the wheel zooms with Ctrl/⌘ (and
        // trackpad pinch, which arrives as a Ctrl-wheel); plain wheels scroll the page.
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if ((event.target as Element).closest?.('.overview')) return false;
        return !(event as MouseEvent).button;
      })
      .on('start', this.onZoomStart)
      .on('zoom', this.onZoom)
      .on('end', this.onZoomEnd);
    select(this.plot).call(this.zoomer).on('dblclick.zoom', null);
    this.plot.addEventListener('wheel', this.onWheelPan, { passive: false });
    this.brusher = brushX<unknown>().on('brush', this.onBrush).on('end', this.onBrushEnd);
  }

  override updated(): void {
    const width = this.size.width;
    // After a failed draw the plot is not there; the message is, and the rest goes on.
    if (!this.plot?.isConnected) return;
    if (!this.zoomer || !this.brusher || width === 0) return;
    const height = this.height;
    this.zoomer
      .extent([[0, 0], [width, height]])
      .translateExtent([[0, 0], [width, height]])
      .scaleExtent([1, Math.max(1, (Number(this.base.domain()[1]) - Number(this.base.domain()[0])) / MIN_SPAN)]);
    if (this.view) {
      const wanted = this.transformFor(this.view);
      const current = (this.plot as unknown as { __zoom?: ZoomTransform }).__zoom;
      if (!current || Math.abs(current.k - wanted.k) > 1e-9 || Math.abs(current.x - wanted.x) > 0.5) {
        // Moving the zoom from code fires its events again, without a sourceEvent: ignored below.
        select(this.plot).call(this.zoomer.transform, wanted);
      }
    }
    this.drawAxes();
    const brushSel = select(this.brushGroup);
    // The brush's overlay is set up again only when its size changes, not on every frame of a glide.
    if (this.keyChanged(this.brushGroup, String(width))) {
      this.brusher.extent([[0, 0], [width, OVERVIEW - 16]]);
      brushSel.call(this.brusher);
    }
    if (this.view) brushSel.call(this.brusher.move, [this.base(this.view[0]), this.base(this.view[1])]);
    this.placeTooltip();
    // While an eased move runs, the change is drawn only once it arrives.
    if (this.unreported && this.data && !this.tween) {
      this.unreported = false;
      requestAnimationFrame(() => this.dispatchEvent(new ViewReadyEvent('timeline')));
    }
  }

  /** The tooltip beside its mark, kept inside the frame; positioned through CSSOM (CSP allows it). */
  private placeTooltip(): void {
    const tip = this.tooltip;
    if (!tip || !this.tip) return;
    const mark = this.renderRoot.querySelector<SVGGElement>(`[data-event-id="${CSS.escape(this.tip)}"]`);
    if (!mark) {
      tip.hidden = true;
      return;
    }
    const frame = (this.renderRoot.querySelector('.frame') as HTMLElement).getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2 - frame.left - tip.offsetWidth / 2, 0), Math.max(frame.width - tip.offsetWidth, 0));
    const below = box.top - frame.top < tip.offsetHeight + 8;
    const y = below ? box.bottom - frame.top + 6 : box.top - frame.top - tip.offsetHeight - 6;
    tip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  /**
   * Follows a new window: at once during a gesture, playback or with reduced motion, else eased,
   * so a story step or a button press is seen as a move, not a jump.
   */
  private moveTo(target: TimeWindow): void {
    cancelAnimationFrame(this.tween);
    this.tween = 0;
    const from = this.view;
    if (!from || this.reducedMotion || this.playing || this.gesturing || !this.size.width || (from[0] === target[0] && from[1] === target[1])) {
      this.view = target;
      return;
    }
    const start = performance.now();
    const step = (now: number) => {
      const k = easeCubicInOut(Math.min(1, (now - start) / EASE_MS));
      this.view = [from[0] + (target[0] - from[0]) * k, from[1] + (target[1] - from[1]) * k];
      this.tween = k < 1 ? requestAnimationFrame(step) : 0;
    };
    this.tween = requestAnimationFrame(step);
  }

  private hoverMark(id: string | null): void {
    this.tip = id ?? (this.focused ? this.active : null);
    this.dispatchEvent(new HoverEvent(id));
  }

  private readonly togglePlay = (): void => {
    this.dispatchEvent(new PlayRequestEvent(this.playing ? null : this.speed));
  };

  private readonly onSpeed = (event: Event): void => {
    const speed = Number((event.target as HTMLSelectElement).value) as PlaySpeed;
    this.speed = speed;
    if (this.playing) this.dispatchEvent(new PlayRequestEvent(speed));
  };

  /** What each D3-filled group was last drawn for; a group drawn after a failed draw is a new element. */
  private readonly drawnFor = new WeakMap<Element, string>();

  private keyChanged(group: Element, key: string): boolean {
    if (this.drawnFor.get(group) === key) return false;
    this.drawnFor.set(group, key);
    return true;
  }

  private drawAxes(): void {
    const x = this.viewScale();
    const width = this.size.width;
    const format = (d: Date | { valueOf(): number }) => this.tickFormat(Number(d));
    // Labels that would be cut at either edge are hidden rather than clipped.
    const inside = (scale: (d: Date) => number) => (d: Date) => (scale(d) < 18 || scale(d) > width - 18 ? 'none' : null);
    const ticks = x.ticks(Math.max(2, Math.floor(width / 90)));
    if (!this.keyChanged(this.axisGroup, `${width}|${ticks.map(Number).join('|')}|${this.language}`)) {
      // The same ticks as the last frame (a glide, a playback): they only move. d3's axis would
      // also write every label again, and each write costs the page a layout.
      const offset = devicePixelRatio > 1 ? 0 : 0.5;
      select(this.axisGroup)
        .selectAll<SVGGElement, Date>('.tick')
        .attr('transform', (d) => `translate(${x(d) + offset},0)`)
        .attr('display', inside(x));
    } else {
      select(this.axisGroup)
        .call(axisBottom(x).tickValues(ticks).tickFormat(format).tickSizeOuter(0))
        .selectAll<SVGGElement, Date>('.tick')
        .attr('display', inside(x));
    }
    // The overview's axis shows the whole period: it changes with the width, the period and the
    // language, not with each frame of a zoom or a playback.
    if (!this.keyChanged(this.overviewAxisGroup, `${width}|${this.base.domain().map(Number).join('|')}|${this.language}`)) return;
    select(this.overviewAxisGroup)
      .call(axisBottom(this.base).ticks(Math.max(2, Math.floor(width / 110))).tickFormat(format).tickSize(3).tickSizeOuter(0))
      .selectAll<SVGGElement, Date>('.tick')
      .attr('display', inside(this.base));
  }

  /** Ticks say only what changes at their step: hours, days, months or years. */
  private tickFormat(ms: number): string {
    const d = new Date(ms);
    const fmt = (o: Intl.DateTimeFormatOptions) => formatUtc(ms, this.language, o);
    if (+utcHour.floor(d) < ms || +utcDay.floor(d) < ms) return fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    if (+utcMonth.floor(d) < ms) return fmt({ day: 'numeric', month: 'short' });
    if (+utcYear.floor(d) < ms) return fmt({ month: 'short' });
    return fmt({ year: 'numeric' });
  }

  private readonly onZoom = (event: D3ZoomEvent<SVGSVGElement, unknown>): void => {
    // A zoom moved from code (updated() keeping d3 in step with the view) is that view already;
    // read back through the scale it differs in the last bits and would draw every frame twice.
    if (!event.sourceEvent) return;
    const domain = event.transform.rescaleX(this.base).domain().map(Number) as [number, number];
    if (!this.view || domain[0] !== this.view[0] || domain[1] !== this.view[1]) this.view = domain;
  };

  private readonly onZoomStart = (event: D3ZoomEvent<SVGSVGElement, unknown>): void => {
    if (!event.sourceEvent) return;
    this.gesturing = true;
    clearTimeout(this.wheelCommit);
  };

  private readonly onZoomEnd = (event: D3ZoomEvent<SVGSVGElement, unknown>): void => {
    this.gesturing = false;
    if (!event.sourceEvent || !this.view) return;
    // d3 ends a wheel gesture 150 ms after the last wheel event; one slow frame is enough for
    // the next wheel event to start a new gesture, so wheel gestures are committed only after a
    // longer quiet time, else the map would redraw several times during one zoom.
    if ((event.sourceEvent as Event).type === 'wheel') this.wheelCommit = window.setTimeout(() => this.view && this.requestWindow(this.view), WHEEL_COMMIT_MS);
    else this.requestWindow(this.view);
  };

  /** Horizontal wheel (trackpads, Shift+wheel) pans; the page keeps vertical scrolling. */
  private readonly onWheelPan = (event: WheelEvent): void => {
    if (event.ctrlKey || event.metaKey) return;
    const dx = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.shiftKey ? event.deltaY : 0;
    if (!dx || !this.view) return;
    event.preventDefault();
    const x = this.viewScale();
    const shift = Number(x.invert(dx)) - Number(x.invert(0));
    this.requestWindow([this.view[0] + shift, this.view[1] + shift]);
  };

  private readonly onBrush = (event: { selection: [number, number] | null; sourceEvent?: Event }): void => {
    if (!event.sourceEvent || !event.selection) return;
    this.view = [Number(this.base.invert(event.selection[0])), Number(this.base.invert(event.selection[1]))];
  };

  private readonly onBrushEnd = (event: { selection: [number, number] | null; sourceEvent?: Event }): void => {
    if (!event.sourceEvent) return;
    if (event.selection) {
      this.requestWindow([Number(this.base.invert(event.selection[0])), Number(this.base.invert(event.selection[1]))]);
    } else if (this.view) {
      // A click on the overview without a drag moves the window there, keeping its length.
      const [px] = (event.sourceEvent as MouseEvent).offsetX !== undefined ? [(event.sourceEvent as MouseEvent).offsetX] : [0];
      const centre = Number(this.base.invert(px));
      const half = (this.view[1] - this.view[0]) / 2;
      this.requestWindow([centre - half, centre + half]);
    }
  };

  private requestWindow([from, to]: TimeWindow): void {
    this.dispatchEvent(new WindowRequestEvent(from, to));
  }

  /** Zoom about the centre of the view; committed at once, as a button press is a whole gesture. */
  private zoomBy(factor: number): void {
    if (!this.view) return;
    const centre = (this.view[0] + this.view[1]) / 2;
    const half = (this.view[1] - this.view[0]) / 2 / factor;
    const [d0, d1] = this.base.domain().map(Number) as [number, number];
    const from = Math.max(d0, centre - Math.max(half, MIN_SPAN / 2));
    const to = Math.min(d1, centre + Math.max(half, MIN_SPAN / 2));
    this.requestWindow([from, to]);
  }

  private readonly resetZoom = (): void => {
    const [first, last] = this.data?.extent ?? [0, 0];
    if (last > first) this.requestWindow([first - (last - first) * 0.02, last + (last - first) * 0.02]);
  };

  private zoomTo(from: number, to: number): void {
    const pad = Math.max((to - from) * 0.15, MIN_SPAN / 2);
    this.requestWindow([from - pad, to + pad]);
  }

  private pick(id: string | null): void {
    this.active = id;
    this.dispatchEvent(new PickEvent(id));
  }

  /**
   * A tap that misses every mark picks the nearest one within 22 px, so each mark has a 44 px
   * target on touch screens without spreading the rows apart.
   */
  private readonly onPlotClick = (event: MouseEvent): void => {
    if ((event.target as Element).closest('.mark, .group, .overview')) return;
    const box = this.plot.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    let best: MarkItem | undefined;
    let bestDistance = TAP_RADIUS;
    for (const [lane, items] of this.items) {
      const top = this.laneTop(lane);
      for (const item of items) {
        if (item.type !== 'event') continue;
        const d = Math.hypot(item.x - px, top + item.row * ROW + ROW / 2 - py);
        if (d <= bestDistance) {
          best = item;
          bestDistance = d;
        }
      }
    }
    if (best) this.pick(best.event.id);
  };

  /** True while the plot has keyboard focus: the keyboard cursor's event then has the tooltip. */
  private focused = false;

  private readonly onFocus = (): void => {
    this.focused = true;
    if (!this.active) {
      const inView = this.keyboardOrder();
      this.active = this.selected && inView.some((e) => e.id === this.selected) ? this.selected : (inView[0]?.id ?? null);
    }
    if (this.plot.matches(':focus-visible')) this.tip = this.active;
  };

  private readonly onBlur = (): void => {
    this.focused = false;
    this.tip = null;
  };

  /** Events the keyboard moves through: those drawn as marks in the view, in time order. */
  private keyboardOrder(): ChronoEvent[] {
    const marks = [...this.items.values()].flat().filter((i): i is MarkItem => i.type === 'event').map((i) => i.event);
    return marks.sort((a, b) => a.index - b.index);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const order = this.keyboardOrder();
    if (order.length === 0) return;
    const at = order.findIndex((e) => e.id === this.active);
    let next: ChronoEvent | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = order[Math.min(order.length - 1, at + 1)];
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = order[Math.max(0, at < 0 ? 0 : at - 1)];
        break;
      case 'Home':
        next = order[0];
        break;
      case 'End':
        next = order[order.length - 1];
        break;
      case 'Enter':
      case ' ':
        if (this.active) this.pick(this.active);
        event.preventDefault();
        return;
      case 'Escape':
        this.pick(null);
        event.preventDefault();
        return;
      case '+':
      case '=':
        this.zoomBy(2);
        return;
      case '-':
        this.zoomBy(0.5);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) {
      this.active = next.id;
      this.tip = next.id;
      this.dispatchEvent(new HoverEvent(next.id));
    }
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.plot?.removeEventListener('wheel', this.onWheelPan);
    clearTimeout(this.wheelCommit);
    cancelAnimationFrame(this.tween);
    this.tween = 0;
  }
}

let measureContext: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** Width of a headline in the labels' font; measured once per text. */
function measureLabel(text: string): number {
  let w = widths.get(text);
  if (w === undefined) {
    measureContext ??= document.createElement('canvas').getContext('2d');
    if (measureContext) measureContext.font = LABEL_FONT;
    w = measureContext ? measureContext.measureText(text).width : text.length * 6.2;
    if (widths.size > 20_000) widths.clear();
    widths.set(text, w);
  }
  return w;
}

/** The text, shortened with an ellipsis, to fit `room` px in the labels' font. */
function fitText(text: string, room: number): string {
  return fit(text, room, measureLabel)?.text ?? '';
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-timeline': CmTimeline;
  }
}
