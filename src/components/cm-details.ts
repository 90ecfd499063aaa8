/**
 * <cm-details>: everything known about the selected event: what, when (where it happened and
 * in the reader's time), where, status and precision, who took part, figures with who reported
 * each (conflicting figures side by side), sources, notes, and links to neighbouring events.
 *
 * @property data - the validated dataset
 * @property selected - id of the selected event
 * @property order - the events previous/next move through (those in the window that pass the filters)
 * @property language - interface language
 * @property readerZone - the reader's IANA time zone
 *
 * @fires cm-pick - previous/next, a related event, or clearing the selection
 */
import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { FigureRecord } from '../model/schema';
import { formatCount, formatEventWhen, formatReaderWhen, readerTimeZone } from '../i18n/format';
import { eventsByPlace, neighbours, positionOf } from '../model/select';
import { localize, type Localized } from '../i18n/localize';
import { kindName, precisionName, statusName, t, type UiLanguage } from '../i18n/messages';
import { placeLabel } from '../i18n/sentence';
import { DASHES, STATUS_STYLES, kindPath } from '../ui/marks';
import { isWebUrl } from '../ui/safe-url';
import { PickEvent } from './events';
import { detailsStyles } from './cm-details.styles';

/** Events at the same place listed under the details; the nearest in time, then a count. */
const SAME_PLACE_LIMIT = 10;

@customElement('cm-details')
export class CmDetails extends LitElement {
  static override styles = detailsStyles;

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) selected: string | null = null;
  @property({ attribute: false }) order: readonly ChronoEvent[] = [];
  @property() language: UiLanguage = 'en';
  @property() readerZone = readerTimeZone();

  private text(field: 'title' | 'summary' | 'statusNote', e: ChronoEvent): Localized {
    return localize(e, field, this.language, this.data?.languages[0] ?? 'en');
  }

  /** Text shown in its own language, with a note where a translation is missing. */
  private renderText(value: Localized, tag: 'h2' | 'p') {
    const untranslated = value.fallback ? html`<span class="untranslated">${t(this.language, 'untranslated')}</span>` : nothing;
    return tag === 'h2'
      ? html`<h2 lang=${value.lang} id="details-title">${value.text}</h2>${untranslated}`
      : html`<p lang=${value.lang}>${value.text}</p>${untranslated}`;
  }

  override render() {
    const lang = this.language;
    const e = this.selected ? this.data?.eventById.get(this.selected) : undefined;
    if (!this.data || !e) return html`<p class="empty">${t(lang, 'noSelection')}</p>`;
    const style = STATUS_STYLES[e.status];
    const readerWhen = formatReaderWhen(e, lang, this.readerZone);
    const position = positionOf(this.order, e);
    const previous = position > 0 ? this.order[position - 1] : undefined;
    const next = position >= 0 ? this.order[position + 1] : undefined;
    const statusNote = e.statusNote ? this.text('statusNote', e) : null;
    return html`
      <article aria-labelledby="details-title">
        <nav class="stepper" aria-label=${t(lang, 'details')}>
          <button type="button" ?disabled=${!previous} @click=${() => previous && this.pick(previous.id)} aria-label=${t(lang, 'previous')}>←</button>
          <button type="button" ?disabled=${!next} @click=${() => next && this.pick(next.id)} aria-label=${t(lang, 'next')}>→</button>
          <button type="button" class="close" @click=${() => this.pick(null)} aria-label=${t(lang, 'close')}>×</button>
        </nav>
        <p class="kind kind-${e.kind} status-${style}">
          <svg viewBox="-10 -10 20 20" width="18" height="18" aria-hidden="true">
            <path d=${kindPath(e.kind, 90)} stroke-dasharray=${DASHES[style] ?? nothing}></path>
            ${style === 'crossed' ? svg`<line x1="-6" y1="6" x2="6" y2="-6"></line>` : nothing}
          </svg>
          <span>${kindName(lang, e.kind)} · ${statusName(lang, e.status)}</span>
        </p>
        ${this.renderText(this.text('title', e), 'h2')}
        ${statusNote ? html`<p class="status-note" lang=${statusNote.lang}>${statusNote.text}</p>` : nothing}
        <dl class="facts">
          <dt>${t(lang, 'when')}</dt>
          <dd>
            <span>${formatEventWhen(e, lang)}</span> <span class="zone">(${t(lang, 'localTime', { zone: e.timezone })})</span>
            ${readerWhen ? html`<br /><span>${readerWhen}</span> <span class="zone">(${t(lang, 'yourTime', { zone: this.readerZone })})</span>` : nothing}
            <br /><span class="zone">${t(lang, 'precisionLabel')}: ${precisionName(lang, e.precision)}</span>
          </dd>
          <dt>${t(lang, 'where')}</dt>
          <dd>
            ${placeLabel(e, this.data, lang)}
            ${e.place && e.areas?.length ? html`<br /><span class="zone">${t(lang, 'areas', { list: e.areas.join(', ') })}</span>` : nothing}
            ${e.sites?.length ? html`<br /><span class="zone">${t(lang, 'sites')}: ${e.sites.map((s) => (s.note ? `${s.name} (${s.note})` : s.name)).join('; ')}</span>` : nothing}
          </dd>
        </dl>
        ${this.renderText(this.text('summary', e), 'p')}
        ${e.participants.length
          ? html`<h3>${t(lang, 'participants')}</h3>
              <ul class="participants">${e.participants.map((p) => html`<li>${p}</li>`)}</ul>`
          : nothing}
        ${this.renderFigures(e.figures)}
        <h3>${t(lang, 'sources')}</h3>
        <ol class="sources">
          ${e.sources.map(
            (s) => html`<li>
              ${isWebUrl(s.url)
                ? html`<a href=${s.url} target="_blank" rel="noopener noreferrer" hreflang=${s.language}>${s.title}<span class="visually-hidden"> ${t(lang, 'newTab')}</span></a>`
                : html`<span>${s.title}</span> <span class="zone">${t(lang, 'unlinked')}</span>`}
              <span class="zone">— ${s.publisher}, ${s.date}${s.language !== lang ? ` [${s.language}]` : ''}</span>
              ${s.note ? html`<br /><span class="zone">${s.note}</span>` : nothing}
            </li>`,
          )}
        </ol>
        ${e.notes?.length ? html`<h3>${t(lang, 'notes')}</h3><ul>${e.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
        ${e.corrections?.length ? html`<h3>${t(lang, 'corrections')}</h3><ul>${e.corrections.map((c) => html`<li>${c.date}: ${c.text}</li>`)}</ul>` : nothing}
        ${this.renderLinks(t(lang, 'related'), { events: (e.related ?? []).map((id) => this.data!.eventById.get(id)).filter((r): r is ChronoEvent => !!r), more: 0 })}
        ${e.place ? this.renderLinks(t(lang, 'sameplace'), neighbours(eventsByPlace(this.data).get(e.place) ?? [], e, SAME_PLACE_LIMIT)) : nothing}
      </article>
    `;
  }

  /** Figures with the same label from different reporters are shown together, as sources differ. */
  private renderFigures(figures: readonly FigureRecord[]) {
    if (!figures.length) return nothing;
    const byLabel = new Map<string, FigureRecord[]>();
    for (const f of figures) byLabel.set(f.label, [...(byLabel.get(f.label) ?? []), f]);
    const lang = this.language;
    return html`<h3>${t(lang, 'figures')}</h3>
      <dl class="figures">
        ${[...byLabel].map(
          ([label, list]) => {
            const differ = new Set(list.map((f) => `${f.value} ${f.unit ?? ''}`)).size > 1;
            return html`<dt>${label}</dt>
            <dd class=${differ ? 'conflict' : ''}>
              ${differ ? html`<span class="zone">${t(lang, 'conflicting')}</span>` : nothing}
              <ul>
                ${list.map(
                  (f) => html`<li>
                    <strong>${f.value}${f.unit ? ` ${f.unit}` : ''}</strong>
                    <span class="zone">${t(lang, 'reportedBy', { who: f.reportedBy })}</span>
                    ${f.note ? html`<br /><span class="zone">${f.note}</span>` : nothing}
                  </li>`,
                )}
              </ul>
            </dd>`;
          },
        )}
      </dl>`;
  }

  private renderLinks(heading: string, { events, more }: { events: readonly ChronoEvent[]; more: number }) {
    if (!events.length) return nothing;
    return html`<h3>${heading}</h3>
      <ul class="links">
        ${events.map((o) => html`<li><button type="button" class="link" @click=${() => this.pick(o.id)}>${formatEventWhen(o, this.language)}: ${this.text('title', o).text}</button></li>`)}
      </ul>
      ${more ? html`<p class="more">${t(this.language, 'andMore', { count: formatCount(more, this.language) })}</p>` : nothing}`;
  }

  private pick(id: string | null): void {
    this.dispatchEvent(new PickEvent(id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-details': CmDetails;
  }
}
