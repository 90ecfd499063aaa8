/**
 * <cm-filters>: toggles for each kind and status that double as the legend (each shows the
 * mark it filters), the count of events shown, and a key to the precision bars.
 *
 * @property filters - kinds and statuses let through
 * @property shown - number of events in the window that pass the filters
 * @property total - number of events in the dataset
 * @property language - interface language
 *
 * @fires cm-filter-request - the reader toggled a kind or status, or showed all
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '../model/schema';
import { ALL_FILTERS, isAllFilters, type Filters } from '../model/select';
import { formatCount } from '../i18n/format';
import { kindName, precisionName, statusName, t, type UiLanguage } from '../i18n/messages';
import { DASHES, STATUS_STYLES, kindPath, type StatusStyle } from '../ui/marks';
import { FilterRequestEvent } from './events';
import { controlStyles } from './shared.styles';

/** One status chip per look: held and reported share "solid", declined and cancelled "crossed". */
const STATUS_SHAPE_KIND: EventKind = 'meeting';

@customElement('cm-filters')
export class CmFilters extends LitElement {
  static override styles = [
    ...controlStyles,
    css`
      :host {
        display: block;
        color: var(--cm-ink);
        font-size: 0.9rem;
      }
      fieldset {
        border: none;
        margin: 0 0 6px;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px;
      }
      legend {
        float: left;
        font-weight: 600;
        margin-right: 6px;
        padding: 0;
        min-width: 3.5em;
      }
      button.chip {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        border-radius: 999px;
        padding: 0 10px 0 8px;
        min-height: 32px;
      }
      button.chip[aria-pressed='false'] {
        text-decoration: line-through;
        border-style: dashed;
        background: var(--cm-paper);
        color: var(--cm-muted);
      }
      button.chip[aria-pressed='true'] {
        background: var(--cm-paper);
        color: var(--cm-ink);
        border-color: var(--cm-ink);
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 14px;
      }
      .count {
        font-weight: 600;
      }
      .precision {
        display: inline-flex;
        gap: 10px;
        color: var(--cm-muted);
        font-size: 0.8rem;
      }
      .precision span {
        display: inline-flex;
        align-items: center;
        gap: 4px;
      }
      .precision svg line {
        stroke: var(--cm-muted);
        stroke-width: 3;
        stroke-linecap: round;
      }
      @media (pointer: coarse) {
        button.chip {
          min-height: 44px;
        }
      }
    `,
  ];

  @property({ attribute: false }) filters: Filters = ALL_FILTERS;
  @property({ type: Number }) shown = 0;
  @property({ type: Number }) total = 0;
  @property() language: UiLanguage = 'en';

  override render() {
    const lang = this.language;
    return html`
      <fieldset>
        <legend>${t(lang, 'kinds')}</legend>
        ${EVENT_KINDS.map((kind) => this.chip(kindName(lang, kind), this.filters.kinds.includes(kind), () => this.toggleKind(kind), kind, 'solid'))}
      </fieldset>
      <fieldset>
        <legend>${t(lang, 'statuses')}</legend>
        ${EVENT_STATUSES.map((status) =>
          this.chip(statusName(lang, status), this.filters.statuses.includes(status), () => this.toggleStatus(status), STATUS_SHAPE_KIND, STATUS_STYLES[status], true),
        )}
      </fieldset>
      <div class="summary">
        <span class="count" role="status">${t(lang, 'countOf', { shown: formatCount(this.shown, lang), total: formatCount(this.total, lang) })}</span>
        ${isAllFilters(this.filters) ? nothing : html`<button type="button" @click=${() => this.request(ALL_FILTERS)}>${t(lang, 'showAll')}</button>`}
        <span class="precision" aria-label=${t(lang, 'legendPrecision')}>
          <span><svg width="14" height="8" aria-hidden="true"><line x1="7" x2="7" y1="2" y2="6"></line></svg>${precisionName(lang, 'exact')}</span>
          <span><svg width="22" height="8" aria-hidden="true"><line x1="2" x2="20" y1="4" y2="4"></line></svg>${precisionName(lang, 'day')}</span>
          <span><svg width="22" height="8" aria-hidden="true"><line x1="2" x2="20" y1="4" y2="4" stroke-dasharray="2 3"></line></svg>${precisionName(lang, 'approximate')}</span>
        </span>
      </div>
    `;
  }

  private chip(label: string, pressed: boolean, toggle: () => void, kind: EventKind, style: StatusStyle, neutral = false) {
    return html`<button type="button" class="chip ${neutral ? '' : `kind-${kind}`} status-${style}" aria-pressed=${pressed ? 'true' : 'false'} @click=${toggle}>
      <svg viewBox="-10 -10 20 20" width="16" height="16" aria-hidden="true">
        <path d=${kindPath(kind, 90)} stroke-dasharray=${DASHES[style] ?? nothing}></path>
        ${style === 'crossed' ? svg`<line x1="-6" y1="6" x2="6" y2="-6"></line>` : nothing}
      </svg>
      ${label}
    </button>`;
  }

  private toggleKind(kind: EventKind): void {
    const kinds = this.filters.kinds.includes(kind) ? this.filters.kinds.filter((k) => k !== kind) : EVENT_KINDS.filter((k) => k === kind || this.filters.kinds.includes(k));
    this.request({ ...this.filters, kinds });
  }

  private toggleStatus(status: EventStatus): void {
    const statuses = this.filters.statuses.includes(status)
      ? this.filters.statuses.filter((s) => s !== status)
      : EVENT_STATUSES.filter((s) => s === status || this.filters.statuses.includes(s));
    this.request({ ...this.filters, statuses });
  }

  private request(filters: Filters): void {
    this.dispatchEvent(new FilterRequestEvent(filters));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-filters': CmFilters;
  }
}
