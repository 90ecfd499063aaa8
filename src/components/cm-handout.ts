/**
 * <cm-handout>: what prints. One title; the map fitted to where the events are, drawn as SVG
 * from the shipped basemap with numbered places; the timeline of the window with the same
 * numbers; the key to kinds and statuses; the open story's steps in order; the numbered list
 * (the selected event first) with dates, places, short summaries, figures with who reported
 * them, and sources as publishers with short links; the attribution and the licence.
 *
 * <chrono-map> renders it only while printing, so the page holds no copy of the list otherwise.
 * Paper is always light; the SVG carries its colours as attributes, as print needs no CSS vars.
 *
 * @property data - the validated dataset
 * @property events - the events of the window that pass the filters, in time order
 * @property window - the time window
 * @property selected - id of the selected event: listed first
 * @property story - the open story and step, or null
 * @property language - interface language
 * @property link - not reactive: returns the address of the view printed
 */
import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { EventStatus } from '../model/schema';
import type { TimeWindow } from '../model/select';
import { storyById } from '../model/story';
import type { StoryPosition } from '../state/url';
import { formatEventWhen, formatShortDay, formatUtc } from '../i18n/format';
import { localize } from '../i18n/localize';
import { eventCount, statusName, t, type MessageKey, type UiLanguage } from '../i18n/messages';
import { eventTitle, kindLabel, laneLabel, placeLabel } from '../i18n/sentence';
import type { Basemap } from '../map/basemap';
import { MARK_STROKE, STRIKE, markDrawing } from '../map/icons';
import { PALETTES, STATUS_STYLES, type StatusStyle } from '../ui/marks';
import type { HandoutEntry, HandoutMap, HandoutTimeline } from '../export/handout';
import { shortLink } from '../export/short-link';
import { handoutStyles } from './cm-handout.styles';

const MAP_SIZE = { width: 720, height: 400, detailHeight: 360 };
const TIMELINE_WIDTH = 720;
/** Summaries of the events besides the selected one are cut to this, at a word. */
const SUMMARY_CHARS = 280;
const P = PALETTES.light;

type Layout = typeof import('../export/handout');
type Drawing = { layout: Layout; loadBasemap: typeof import('../map/basemap').loadBasemap; coarse: Basemap };

let drawing: Promise<Drawing> | undefined;
let prefetching = false;

function loadDrawing(): Promise<Drawing> {
  drawing ??= Promise.all([import('../export/handout'), import('../map/basemap')]).then(async ([layout, { loadBasemap }]) => ({ layout, loadBasemap, coarse: await loadBasemap('coarse') }));
  drawing.catch(() => (drawing = undefined));
  return drawing;
}

/**
 * Loads the handout's layout code and basemap (d3-geo, topojson: the map view's code) when the
 * page is next idle. Called once the timeline has painted, not at import: a page waiting for its
 * dataset is idle too, and these bytes must not come before the first marks. Printing comes
 * later and finds them loaded, so the handout is complete in the print's first layout.
 */
export function prefetchHandout(): void {
  if (prefetching) return;
  prefetching = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadDrawing(), { timeout: 5000 });
  else setTimeout(() => void loadDrawing(), 3000);
}

interface Sheet {
  entries: HandoutEntry[];
  omitted: number;
  selected: ChronoEvent | null;
  overview: HandoutMap;
  detail: HandoutMap | null;
  timeline: HandoutTimeline | null;
  ticks: Intl.DateTimeFormatOptions;
}

const STYLE_NAMES: Record<StatusStyle, MessageKey> = { solid: 'styleSolid', dashed: 'styleDashed', crossed: 'styleCrossed', dotted: 'styleDotted' };

@customElement('cm-handout')
export class CmHandout extends LitElement {
  static override styles = handoutStyles;

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) events: readonly ChronoEvent[] = [];
  @property({ attribute: false }) window: TimeWindow | null = null;
  @property({ attribute: false }) selected: string | null = null;
  @property({ attribute: false }) story: StoryPosition | null = null;
  @property() language: UiLanguage = 'en';
  link: () => string | null = () => null;

  /** Loaded long before anyone prints (see loadDrawing), so it arrives in a microtask. */
  @state() private drawing: Drawing | null = null;
  /** The 1:50m basemap, asked for when a map is close enough to need it; in a microtask if the map view has it. */
  @state() private fine: Basemap | null = null;
  private sheet: Sheet | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void loadDrawing().then((d) => (this.drawing = d));
  }

  override willUpdate(): void {
    const d = this.data;
    const drawing = this.drawing;
    if (!d || !drawing) {
      this.sheet = null;
      return;
    }
    const { layout } = drawing;
    const selected = this.selected ? (d.eventById.get(this.selected) ?? null) : null;
    const { entries, omitted } = layout.handoutEntries(this.events, selected);
    const w = this.window ?? d.extent;
    const maps = layout.handoutMaps(d, entries, { coarse: drawing.coarse, fine: this.fine }, MAP_SIZE, this.language);
    this.sheet = { entries, omitted, selected, ...maps, timeline: entries.length ? layout.handoutTimeline(d, entries, w, TIMELINE_WIDTH) : null, ticks: layout.tickOptions(w) };
  }

  override updated(): void {
    const s = this.sheet;
    const close = s && [s.overview, s.detail].some((m) => m?.close);
    if (close && !this.fine && this.drawing) void this.drawing.loadBasemap('fine').then((fine) => (this.fine = fine), () => undefined);
  }

  override render() {
    const d = this.data;
    const sheet = this.sheet;
    if (!d || !sheet) return nothing;
    const { entries, omitted, selected } = sheet;
    const lang = this.language;
    const w = this.window ?? d.extent;
    const inWindow = this.events.length;
    return html`
      <article lang=${lang}>
        <h2 class="title">${d.translations?.[lang]?.title ?? d.title}</h2>
        <p class="window">${t(lang, 'handoutEvents', { from: formatShortDay(w[0], lang), to: formatShortDay(w[1], lang), events: eventCount(lang, inWindow) })}</p>
        ${this.renderMap(sheet.overview, 'overview')} ${sheet.detail ? this.renderMap(sheet.detail, 'detail') : nothing}
        ${sheet.timeline ? this.renderTimeline(d, sheet.timeline, sheet.ticks) : nothing}
        <p class="note">${t(lang, 'handoutNumbers')}</p>
        ${this.renderKey(d, entries)}
        ${this.renderStory(d, entries)}
        <ol class="events">
          ${entries.map((entry) => this.renderEntry(d, entry, entry.event === selected))}
        </ol>
        ${omitted ? html`<p class="note">${t(lang, 'andMore', { count: omitted })}</p>` : nothing}
        ${this.renderFooter(d)}
      </article>
    `;
  }

  private renderMap(map: HandoutMap, which: 'overview' | 'detail') {
    const { width, height, frame } = map;
    const lang = this.language;
    const labelled = map.places.filter((p) => p.box);
    return html`<figure class="map">
      <svg class="handout-map ${which}" viewBox="0 0 ${width} ${height}" role="img" aria-label=${t(lang, which === 'detail' ? 'handoutDetailMap' : 'map')}>
        <rect width=${width} height=${height} fill=${P.water}></rect>
        <path class="land" d=${map.land} fill=${P.land}></path>
        <path d=${map.borders} fill="none" stroke=${P.border} stroke-width="0.6"></path>
        ${frame
          ? svg`<rect class="frame" x=${frame.x} y=${frame.y} width=${frame.width} height=${frame.height} fill="none" stroke=${P.accent} stroke-width="1.5" stroke-dasharray="4 2"></rect>
              <text x=${frame.x + frame.width / 2} y=${frame.y - 4} text-anchor="middle" font-size="10" font-weight="700" fill=${P.accent}>${t(lang, 'handoutDetail')}</text>`
          : nothing}
        ${map.places.map((p) => svg`<circle cx=${p.x} cy=${p.y} r="4" fill=${P.ink} stroke=${P.paper} stroke-width="1.2"></circle>`)}
        ${labelled.map(
          ({ box, lines, numbers, place }) => svg`<g class="place" data-place=${place} data-numbers=${numbers.join(' ')}>
            <rect x=${box!.x} y=${box!.y} width=${box!.width} height=${box!.height} rx="2" fill=${P.paper} stroke=${P.ink} stroke-width="0.6"></rect>
            ${lines.map((line, i) => svg`<text x=${box!.x + 3} y=${box!.y + 12 + i * 13} font-size="11" font-weight="700" fill=${P.ink}>${line}</text>`)}
          </g>`,
        )}
      </svg>
      <figcaption>${labelled.map((p) => `${p.lines.join(', ')}: ${p.name}`).join(' · ')}</figcaption>
    </figure>`;
  }

  private renderTimeline(d: Dataset, tl: HandoutTimeline, tick: Intl.DateTimeFormatOptions) {
    const lang = this.language;
    return html`<figure class="timeline">
      <svg class="handout-timeline" viewBox="0 0 ${tl.width} ${tl.height}" role="img" aria-label=${t(lang, 'timeline')}>
        ${tl.lanes.map(
          (lane, i) => svg`<rect x="0" y=${lane.y} width=${tl.width} height=${lane.height} fill=${i % 2 ? P.paper : P.land} opacity="0.6"></rect>
            <text x="4" y=${lane.y + 12} font-size="10" font-weight="700" fill=${P.muted}>${laneLabel(d, lane.id, lang)}</text>`,
        )}
        ${tl.marks.map((m) => {
          const kind = d.kindById.get(m.kind);
          const drawing = kind ? markDrawing(kind, m.style, P, false) : null;
          return svg`<g class="mark" data-number=${m.number} transform="translate(${m.x} ${m.y})">
            ${drawing ? this.renderDrawing(drawing, 0.8) : nothing}
            <text y="-9" text-anchor="middle" font-size="10" font-weight="700" fill=${P.ink}>${m.number}</text>
          </g>`;
        })}
        <line x1="0" x2=${tl.width} y1=${tl.axisY} y2=${tl.axisY} stroke=${P.muted} stroke-width="0.6"></line>
        ${tl.ticks.map((k) => svg`<line x1=${k.x} x2=${k.x} y1=${tl.axisY} y2=${tl.axisY + 4} stroke=${P.muted}></line>
          <text x=${k.x} y=${tl.axisY + 15} text-anchor="middle" font-size="9" fill=${P.muted}>${formatUtc(k.ms, lang, tick)}</text>`)}
      </svg>
    </figure>`;
  }

  private renderDrawing(drawing: ReturnType<typeof markDrawing>, scale: number) {
    return svg`<g transform="scale(${scale})">
      <path d=${drawing.path} fill=${drawing.fill} stroke=${drawing.stroke} stroke-width=${MARK_STROKE} stroke-dasharray=${drawing.dash ? drawing.dash.join(' ') : nothing}></path>
      ${drawing.strike ? svg`<line x1=${STRIKE.x1} y1=${STRIKE.y1} x2=${STRIKE.x2} y2=${STRIKE.y2} stroke=${drawing.stroke} stroke-width=${STRIKE.width}></line>` : nothing}
    </g>`;
  }

  /** Kinds and statuses of the events listed, each with its mark. */
  private renderKey(d: Dataset, entries: readonly HandoutEntry[]) {
    const lang = this.language;
    const kinds = d.kinds.filter((k) => entries.some((e) => e.event.kind === k.id));
    const statuses = d.statuses.filter((s) => entries.some((e) => e.event.status === s)) as EventStatus[];
    if (!kinds.length) return nothing;
    const glyph = (drawing: ReturnType<typeof markDrawing>) => html`<svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">${this.renderDrawing(drawing, 0.7)}</svg>`;
    const neutral = { ...kinds[0]!, color: P.ink, colorDark: P.ink };
    return html`<h3>${t(lang, 'handoutKey')}</h3>
      <ul class="key">
        ${kinds.map((k) => html`<li>${glyph(markDrawing(k, 'solid', P, false))}${kindLabel(d, k.id, lang)}</li>`)}
        ${statuses.map((s) => html`<li>${glyph(markDrawing(neutral, STATUS_STYLES[s], P, false))}${statusName(lang, s)} (${t(lang, STYLE_NAMES[STATUS_STYLES[s]])})</li>`)}
      </ul>`;
  }

  /** The open story's steps in order, each with the number of the event it shows. */
  private renderStory(d: Dataset, entries: readonly HandoutEntry[]) {
    const story = this.story ? storyById(d, this.story.id) : undefined;
    if (!story) return nothing;
    const lang = this.language;
    const primary = d.languages[0] ?? 'en';
    const numberOf = new Map(entries.map((e) => [e.event.id, e.number]));
    return html`<h3>${t(lang, 'storyOpen', { title: localize(story, 'title', lang, primary).text })}</h3>
      <ol class="steps">
        ${story.steps.map((step) => {
          const n = step.event ? numberOf.get(step.event) : undefined;
          return html`<li>
            <strong>${localize(step, 'title', lang, primary).text}</strong>${n ? ` (${t(lang, 'handoutStepEvent', { number: n })})` : ''}
            <p>${localize(step, 'text', lang, primary).text}</p>
          </li>`;
        })}
      </ol>`;
  }

  private renderEntry(d: Dataset, { number, event: e }: HandoutEntry, isSelected: boolean) {
    const lang = this.language;
    const summary = localize(e, 'summary', lang, d.languages[0] ?? 'en').text;
    const onMap = e.place !== undefined || !!e.sites?.some((s) => s.place);
    return html`<li class="entry" data-number=${number} data-event=${e.id}>
      <span class="n">${number}</span>
      <div>
        ${isSelected ? html`<span class="badge">${t(lang, 'handoutSelected')}</span>` : nothing}
        <span class="when">${formatEventWhen(e, lang)}</span> — <span class="what">${eventTitle(e, d, lang)}</span>
        (${placeLabel(e, d, lang)}${onMap ? '' : `; ${t(lang, 'handoutNotOnMap')}`})
        ${summary ? html`<p>${isSelected ? summary : cutAtWord(summary, SUMMARY_CHARS)}</p>` : nothing}
        ${e.figures.length
          ? html`<p class="figures">${t(lang, 'figures')}: ${e.figures.map((f) => `${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ''} (${t(lang, 'reportedBy', { who: f.reportedBy })})`).join('; ')}</p>`
          : nothing}
        ${e.sources.length
          ? html`<p class="sources">
              ${t(lang, 'sources')}:
              ${e.sources.map((s, i) => html`${i ? ' · ' : ''}${s.url ? html`<a href=${s.url}>${s.publisher} (${shortLink(s.url)})</a>` : s.publisher}`)}
            </p>`
          : nothing}
      </div>
    </li>`;
  }

  private renderFooter(d: Dataset) {
    const lang = this.language;
    const attribution = d.translations?.[lang]?.attribution ?? d.attribution;
    const link = this.link();
    const date = new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', { dateStyle: 'long' }).format(new Date());
    return html`<footer>
      ${attribution ? html`<p class="attribution">${attribution}</p>` : nothing}
      ${d.license ? html`<p>${t(lang, 'license', { license: d.license })}</p>` : nothing}
      ${d.credits ? html`<p>${t(lang, 'credits')}: ${d.credits}</p>` : nothing}
      <p class="link">${link && /^https?:/.test(link) ? t(lang, 'handoutPrinted', { date, link }) : t(lang, 'handoutPrintedOffline', { date })} · ${t(lang, 'exportBasemap')}</p>
    </footer>`;
  }
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max).replace(/[,;:.\s]+$/, '')}…`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-handout': CmHandout;
  }
}
