/**
 * <cm-table>: the events in the window as a table, sortable by date, kind and place: an equal
 * alternative to the graphic for screen-reader and keyboard users, and for reading in class.
 * Long lists are shown a page at a time so the DOM stays small with 100,000 events.
 *
 * @property data - the validated dataset
 * @property events - the events to list (in the window, passing the filters), in time order
 * @property selected - id of the selected event
 * @property language - interface language
 *
 * @fires cm-pick - the reader chose a row's event
 */
import { LitElement, type PropertyValues, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChronoEvent, Dataset } from '../model/dataset';
import { formatCount, formatEventWhen } from '../i18n/format';
import { statusName, t, type UiLanguage } from '../i18n/messages';
import { kindLabel, placeLabel } from '../i18n/sentence';
import { localize } from '../i18n/localize';
import { guardedUpdate } from './view-guard';
import { PickEvent } from './events';
import { controlStyles } from './shared.styles';

type SortKey = 'date' | 'kind' | 'place';
const PAGE = 100;

@customElement('cm-table')
export class CmTable extends LitElement {
  static override styles = [
    ...controlStyles,
    css`
      :host {
        display: block;
        color: var(--cm-ink);
        overflow-x: auto;
        container-type: inline-size;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      caption {
        text-align: left;
        color: var(--cm-muted);
        padding: 4px 0;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 6px 8px;
        border-bottom: 1px solid var(--cm-border);
      }
      th button {
        font-weight: 600;
        border: none;
        background: none;
        padding: 0;
        min-height: 0;
        min-width: 0;
      }
      tr[aria-selected='true'] {
        background: color-mix(in srgb, var(--cm-accent) 14%, transparent);
      }
      td button.title {
        border: none;
        background: none;
        text-align: left;
        padding: 0;
        min-height: 0;
        min-width: 0;
        text-decoration: underline;
        color: var(--cm-ink);
      }
      tr.match td:first-child {
        box-shadow: inset 4px 0 0 var(--cm-accent);
      }
      .untranslated {
        font-size: 0.75rem;
        color: var(--cm-muted);
        border: 1px solid var(--cm-border);
        border-radius: 3px;
        padding: 0 3px;
        margin-left: 4px;
      }
      @media (pointer: coarse) {
        td button.title,
        th button {
          min-height: 44px;
        }
      }
      /* A phone shows every column: each event becomes a card, each cell a labelled line. */
      @container (max-width: 560px) {
        table,
        tbody,
        tr,
        td {
          display: block;
        }
        thead tr {
          display: flex;
          flex-wrap: wrap;
          gap: 4px 12px;
        }
        thead th:not(:has(button)) {
          display: none;
        }
        tbody tr {
          border: 1px solid var(--cm-border);
          border-radius: 6px;
          margin: 6px 0;
          padding: 4px 0;
        }
        td {
          border: none;
          padding: 3px 10px;
        }
        td[data-label]::before {
          content: attr(data-label) ': ';
          font-weight: 600;
          color: var(--cm-muted);
        }
      }
    `,
  ];

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) events: readonly ChronoEvent[] = [];
  @property({ attribute: false }) selected: string | null = null;
  /** Ids of the events the search found, highlighted; null without a search. */
  @property({ attribute: false }) hits: ReadonlySet<string> | null = null;
  @property() language: UiLanguage = 'en';

  @state() private sortKey: SortKey = 'date';
  @state() private shown = PAGE;

  private sorted(): readonly ChronoEvent[] {
    if (this.sortKey === 'date' || !this.data) return this.events;
    const d = this.data;
    const key = this.sortKey === 'kind' ? (e: ChronoEvent) => kindLabel(d, e.kind, this.language) : (e: ChronoEvent) => placeLabel(e, d, this.language);
    const collator = new Intl.Collator(this.language);
    return [...this.events].sort((a, b) => collator.compare(key(a), key(b)) || a.index - b.index);
  }

  protected override update(changed: PropertyValues): void {
    guardedUpdate(this, 'table', t(this.language, 'viewFailed'), () => super.update(changed));
  }

  override render() {
    const lang = this.language;
    if (!this.data) return nothing;
    const rows = this.sorted().slice(0, this.shown);
    const header = (key: SortKey, label: string) => html`<th scope="col" aria-sort=${this.sortKey === key ? 'ascending' : 'none'}>
      <button type="button" @click=${() => (this.sortKey = key)}>${label}${this.sortKey === key ? ' ▲' : ''}</button>
    </th>`;
    return html`<table>
        <caption>
          ${t(lang, 'countInWindow', { count: formatCount(this.events.length, lang) })}
        </caption>
        <thead>
          <tr>
            ${header('date', t(lang, 'when'))}
            <th scope="col">${t(lang, 'details')}</th>
            ${header('kind', t(lang, 'kindLabel'))}
            <th scope="col">${t(lang, 'statusLabel')}</th>
            ${header('place', t(lang, 'where'))}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (e) => e.id,
            (e) => {
              const title = localize(e, 'title', lang, this.data!.languages[0] ?? 'en');
              return html`<tr aria-selected=${e.id === this.selected ? 'true' : 'false'} class=${this.hits?.has(e.id) ? 'match' : ''} data-event-id=${e.id}>
                <td data-label=${t(lang, 'when')}>${formatEventWhen(e, lang)}</td>
                <td>
                  <button type="button" class="title" lang=${title.lang} @click=${() => this.dispatchEvent(new PickEvent(e.id))}>${title.text}</button>
                  ${title.fallback ? html`<span class="untranslated" title=${t(lang, 'untranslated')}>${title.lang.toUpperCase()}<span class="visually-hidden"> ${t(lang, 'untranslated')}</span></span>` : nothing}
                </td>
                <td data-label=${t(lang, 'kindLabel')}>${kindLabel(this.data!, e.kind, lang)}</td>
                <td data-label=${t(lang, 'statusLabel')}>${e.status ? statusName(lang, e.status) : '—'}</td>
                <td data-label=${t(lang, 'where')}>${placeLabel(e, this.data!, lang)}</td>
              </tr>`;
            },
          )}
        </tbody>
      </table>
      ${this.events.length > this.shown ? html`<button type="button" @click=${() => (this.shown += PAGE)}>+${formatCount(Math.min(PAGE, this.events.length - this.shown), lang)}</button>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-table': CmTable;
  }
}
