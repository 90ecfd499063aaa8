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
import { LitElement, type PropertyValues, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { FigureRecord, MediaRecord } from '../model/schema';
import { isDateOnly } from '../model/time';
import { formatCount, formatEventWhen, formatReaderWhen, readerTimeZone } from '../i18n/format';
import { eventsByPlace, neighbours, positionOf } from '../model/select';
import { localize, localizeList, type Localized, type LocalizedList } from '../i18n/localize';
import { precisionName, statusName, t, type UiLanguage } from '../i18n/messages';
import { kindLabel, placeLabel } from '../i18n/sentence';
import { DASHES, kindPath, statusStyle } from '../ui/marks';
import { hostOf, isWebUrl } from '../ui/safe-url';
import { guardedUpdate } from './view-guard';
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

  /** A list field (participants, notes, areas) in the reader's language, marked when it is not. */
  private list(e: ChronoEvent, field: 'participants' | 'areas' | 'notes'): LocalizedList {
    return localizeList(e, field, this.language, this.data?.languages[0] ?? 'en');
  }

  private untranslatedMark(value: { fallback: boolean }) {
    return value.fallback ? html`<span class="untranslated">${t(this.language, 'untranslated')}</span>` : nothing;
  }

  /** Moves the keyboard to the event's title, as after a selection made from the keyboard. */
  focusHeading(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('#details-title');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }

  protected override update(changed: PropertyValues): void {
    guardedUpdate(this, 'details', t(this.language, 'viewFailed'), () => super.update(changed));
  }

  override render() {
    const lang = this.language;
    const d = this.data;
    const e = this.selected ? d?.eventById.get(this.selected) : undefined;
    if (!d || !e) return html`<p class="empty">${t(lang, 'noSelection')}</p>`;
    const style = statusStyle(e.status);
    const kind = d.kindById.get(e.kind);
    const readerWhen = formatReaderWhen(e, lang, this.readerZone);
    const position = positionOf(this.order, e);
    const previous = position > 0 ? this.order[position - 1] : undefined;
    const next = position >= 0 ? this.order[position + 1] : undefined;
    const statusNote = e.statusNote ? this.text('statusNote', e) : null;
    const participants = this.list(e, 'participants');
    const notes = this.list(e, 'notes');
    const areas = this.list(e, 'areas');
    const summary = e.summary ? this.text('summary', e) : null;
    return html`
      <article aria-labelledby="details-title" @keydown=${this.onKeydown}>
        <nav class="stepper" aria-label=${t(lang, 'details')}>
          <button type="button" ?disabled=${!previous} @click=${() => previous && this.pick(previous.id)} aria-label=${t(lang, 'previous')}>←</button>
          <button type="button" ?disabled=${!next} @click=${() => next && this.pick(next.id)} aria-label=${t(lang, 'next')}>→</button>
          <button type="button" class="close" @click=${() => this.pick(null)} aria-label=${t(lang, 'close')}>×</button>
        </nav>
        <p class="kind ${kind ? `k${kind.index}` : ''} status-${style}">
          <svg viewBox="-10 -10 20 20" width="18" height="18" aria-hidden="true">
            <path d=${kindPath(kind ?? { shape: 'circle' }, 90)} stroke-dasharray=${DASHES[style] ?? nothing}></path>
            ${style === 'crossed' ? svg`<line x1="-6" y1="6" x2="6" y2="-6"></line>` : nothing}
          </svg>
          <span>${kindLabel(d, e.kind, lang)}${e.status ? ` · ${statusName(lang, e.status)}` : ''}</span>
        </p>
        ${this.renderText(this.text('title', e), 'h2')}
        ${statusNote ? html`<p class="status-note" lang=${statusNote.lang}>${statusNote.text}</p>${this.untranslatedMark(statusNote)}` : nothing}
        <dl class="facts">
          <dt>${t(lang, 'when')}</dt>
          <dd>
            <span>${formatEventWhen(e, lang)}</span> ${e.timezone !== 'UTC' || !isDateOnly(e.start) ? html`<span class="zone">(${t(lang, 'localTime', { zone: e.timezone })})</span>` : nothing}
            ${readerWhen ? html`<br /><span>${readerWhen}</span> <span class="zone">(${t(lang, 'yourTime', { zone: this.readerZone })})</span>` : nothing}
            <br /><span class="zone">${t(lang, 'precisionLabel')}: ${precisionName(lang, e.precision)}</span>
          </dd>
          <dt>${t(lang, 'where')}</dt>
          <dd>
            ${e.place ? placeLabel(e, d, lang) : areas.items.length ? html`<span lang=${areas.lang}>${areas.items.join(', ')}</span>${this.untranslatedMark(areas)}` : t(lang, 'noPlace')}
            ${e.place && areas.items.length ? html`<br /><span class="zone" lang=${areas.lang}>${t(lang, 'areas', { list: areas.items.join(', ') })}</span>${this.untranslatedMark(areas)}` : nothing}
            ${e.sites?.length ? html`<br /><span class="zone" lang=${d.languages[0] ?? 'en'}>${t(lang, 'sites')}: ${e.sites.map((s) => (s.note ? `${s.name} (${s.note})` : s.name)).join('; ')}</span>${lang !== d.languages[0] ? html`<span class="untranslated">${t(lang, 'untranslated')}</span>` : nothing}` : nothing}
          </dd>
        </dl>
        ${summary ? this.renderText(summary, 'p') : nothing}
        ${e.media ? this.renderMedia(e.media) : nothing}
        ${participants.items.length
          ? html`<h3>${t(lang, 'participants')}</h3>
              ${this.untranslatedMark(participants)}
              <ul class="participants" lang=${participants.lang}>${participants.items.map((p) => html`<li>${p}</li>`)}</ul>`
          : nothing}
        ${this.renderFigures(e.figures)}
        ${e.sources.length ? this.renderSources(e) : nothing}
        ${notes.items.length ? html`<h3>${t(lang, 'notes')}</h3>${this.untranslatedMark(notes)}<ul lang=${notes.lang}>${notes.items.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
        ${e.corrections?.length ? html`<h3>${t(lang, 'corrections')}</h3><ul lang=${d.languages[0] ?? 'en'}>${e.corrections.map((c) => html`<li>${c.date}: ${c.text}</li>`)}</ul>` : nothing}
        ${this.renderLinks(t(lang, 'related'), { events: (e.related ?? []).map((id) => d.eventById.get(id)).filter((r): r is ChronoEvent => !!r), more: 0 })}
        ${e.place ? this.renderLinks(t(lang, 'sameplace'), neighbours(eventsByPlace(d).get(e.place) ?? [], e, SAME_PLACE_LIMIT)) : nothing}
      </article>
    `;
  }

  /** A link to the event's media, with its caption and credit; the media itself is never loaded. */
  private renderMedia(media: MediaRecord) {
    const lang = this.language;
    const caption = media.caption ? localize(media as { caption: string; translations?: MediaRecord['translations'] }, 'caption', lang, this.data?.languages[0] ?? 'en') : null;
    return html`<p class="media">
      ${isWebUrl(media.url)
        ? html`<a href=${media.url} target="_blank" rel="noopener noreferrer">${caption?.text ?? t(lang, 'mediaLink')}<span class="visually-hidden"> ${t(lang, 'newTab')}</span></a>`
        : html`<span>${caption?.text ?? ''}</span>`}
      ${media.credit ? html`<span class="zone"> — ${media.credit}</span>` : nothing}
      <br /><span class="zone">${t(lang, 'mediaNotLoaded', { host: hostOf(media.url) })}</span>
    </p>`;
  }

  private renderSources(e: ChronoEvent) {
    const lang = this.language;
    return html`<h3>${t(lang, 'sources')}</h3>
      <ol class="sources">
        ${e.sources.map(
          (s) => html`<li>
            ${s.url && isWebUrl(s.url)
              ? html`<a href=${s.url} target="_blank" rel="noopener noreferrer" hreflang=${s.language ?? nothing}>${s.title ?? s.publisher}<span class="visually-hidden"> ${t(lang, 'newTab')}</span></a>`
              : html`<span>${s.title ?? s.publisher}</span>${s.url ? html` <span class="zone">${t(lang, 'unlinked')}</span>` : nothing}`}
            <span class="zone">— ${[s.title ? s.publisher : null, s.date].filter(Boolean).join(', ')}${s.language && s.language !== lang ? ` [${s.language}]` : ''}</span>
            ${s.note ? html`<br /><span class="zone">${s.note}</span>` : nothing}
          </li>`,
        )}
      </ol>`;
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

  /** Escape clears the selection, as it does in the timeline (the root returns focus there). */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.pick(null);
  };

  private pick(id: string | null): void {
    this.dispatchEvent(new PickEvent(id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-details': CmDetails;
  }
}
