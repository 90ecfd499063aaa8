/**
 * <cm-filters>: toggles for each kind and status that double as the legend (each shows the
 * mark it filters), the count of events shown, and a key to the precision bars.
 *
 * @property data - the dataset: its kinds, and the statuses its events have
 * @property filters - kinds and statuses hidden
 * @property shown - number of events in the window that pass the filters
 * @property total - number of events in the dataset
 * @property language - interface language
 *
 * @fires cm-filter-request - the reader toggled a kind or status, or showed all
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Kind } from '../model/categories';
import type { Dataset } from '../model/dataset';
import type { EventStatus } from '../model/schema';
import { ALL_FILTERS, isAllFilters, type Filters } from '../model/select';
import { formatCount } from '../i18n/format';
import { precisionName, statusName, t, type UiLanguage } from '../i18n/messages';
import { kindLabel } from '../i18n/sentence';
import { DASHES, STATUS_STYLES, kindPath, type StatusStyle } from '../ui/marks';
import { FilterRequestEvent } from './events';
import { controlStyles } from './shared.styles';

/** Status chips show their fill and outline on a neutral circle. */
const STATUS_SHAPE = { shape: 'circle' } as const;

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

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) filters: Filters = ALL_FILTERS;
  @property({ type: Number }) shown = 0;
  @property({ type: Number }) total = 0;
  @property() language: UiLanguage = 'en';

  override render() {
    const lang = this.language;
    const d = this.data;
    return html`
      ${d && d.kinds.length > 1
        ? html`<fieldset>
            <legend>${t(lang, 'kinds')}</legend>
            ${d.kinds.map((kind) => this.chip(kindLabel(d, kind.id, lang), !this.filters.hiddenKinds.includes(kind.id), () => this.toggleKind(kind.id), kind, 'solid'))}
          </fieldset>`
        : nothing}
      ${d && d.statuses.length > 1
        ? html`<fieldset>
            <legend>${t(lang, 'statuses')}</legend>
            ${d.statuses.map((status) =>
              this.chip(statusName(lang, status as EventStatus), !this.filters.hiddenStatuses.includes(status), () => this.toggleStatus(status), null, STATUS_STYLES[status as EventStatus]),
            )}
          </fieldset>`
        : nothing}
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

  /** A toggle that shows the mark it filters: a kind's shape and colour, or a status's fill on a neutral circle. */
  private chip(label: string, pressed: boolean, toggle: () => void, kind: Kind | null, style: StatusStyle) {
    return html`<button type="button" class="chip ${kind ? `k${kind.index}` : ''} status-${style}" aria-pressed=${pressed ? 'true' : 'false'} @click=${toggle}>
      <svg viewBox="-10 -10 20 20" width="16" height="16" aria-hidden="true">
        <path d=${kindPath(kind ?? STATUS_SHAPE, 90)} stroke-dasharray=${DASHES[style] ?? nothing}></path>
        ${style === 'crossed' ? svg`<line x1="-6" y1="6" x2="6" y2="-6"></line>` : nothing}
      </svg>
      ${label}
    </button>`;
  }

  private toggleKind(kind: string): void {
    const hidden = this.filters.hiddenKinds;
    this.request({ ...this.filters, hiddenKinds: hidden.includes(kind) ? hidden.filter((k) => k !== kind) : [...hidden, kind] });
  }

  private toggleStatus(status: string): void {
    const hidden = this.filters.hiddenStatuses;
    this.request({ ...this.filters, hiddenStatuses: hidden.includes(status) ? hidden.filter((s) => s !== status) : [...hidden, status] });
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
