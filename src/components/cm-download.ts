/**
 * <cm-download>: the Download button and its menu (the WAI-ARIA menu button pattern): a PNG of
 * the current view, a CSV and a JSON file of the events shown, and the whole dataset as JSON.
 * The files are made in the page (src/export) and saved through `blob:` links; nothing is sent
 * anywhere.
 *
 * Keys: Enter, Space or ↓ on the button open the menu on its first item, ↑ on its last; in the
 * menu ↑ ↓ Home End move, Enter or Space choose, Escape closes and returns to the button, Tab
 * closes and moves on.
 *
 * @property data - the validated dataset
 * @property events - the events of the time window that pass the filters, in time order
 * @property hits - ids of the events the search found, or null without a search: the files hold only those
 * @property window - the time window shown
 * @property selected - id of the selected event, or null
 * @property language - interface language; the files' text follows it where the dataset translates
 * @property theme - colours of the picture
 * @property compact - a glyph instead of the word, for narrow bars
 * @property link - not reactive, read when a file is made: returns the address of the current view
 * @property views - not reactive, read when a file is made: returns the map and timeline elements
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, queryAll, state } from 'lit/decorators.js';
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { TimeWindow } from '../model/select';
import { eventCount, t, type UiLanguage } from '../i18n/messages';
import { saveFile } from '../export/download';
import type { ExportFormat, ExportViews } from '../export/files';
import { downloadStyles } from './cm-download.styles';

const FORMATS: readonly ExportFormat[] = ['png', 'csv', 'json', 'dataset'];

@customElement('cm-download')
export class CmDownload extends LitElement {
  static override styles = downloadStyles;

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) events: readonly ChronoEvent[] = [];
  @property({ attribute: false }) hits: ReadonlySet<string> | null = null;
  @property({ attribute: false }) window: TimeWindow | null = null;
  @property({ attribute: false }) selected: string | null = null;
  @property() language: UiLanguage = 'en';
  @property() theme: 'light' | 'dark' = 'light';
  /** A narrow bar: the button shows a glyph, its name only to screen readers. */
  @property({ type: Boolean, reflect: true }) compact = false;
  // Plain fields: the root hands new functions on every render, which need not re-render the menu.
  link: () => string | null = () => null;
  views: () => ExportViews = () => ({ map: null, timeline: null });

  @state() private open = false;
  @state() private busy = false;
  @state() private message = '';

  @query('.trigger') private trigger!: HTMLButtonElement;
  @queryAll('[role="menuitem"]') private items!: NodeListOf<HTMLButtonElement>;

  /** The events the files hold: those shown, or the search's matches among them. */
  private shown: readonly ChronoEvent[] = [];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('events') || changed.has('hits')) {
      const hits = this.hits;
      this.shown = hits ? this.events.filter((e) => hits.has(e.id)) : this.events;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  override render() {
    const lang = this.language;
    const count = eventCount(lang, this.shown.length);
    const labels: Record<ExportFormat, string> = {
      png: t(lang, 'downloadPng'),
      csv: t(lang, 'downloadCsv', { events: count }),
      json: t(lang, 'downloadJson', { events: count }),
      dataset: t(lang, 'downloadDataset', { events: eventCount(lang, this.data?.events.length ?? 0) }),
    };
    return html`
      <button
        type="button"
        class="trigger"
        id="download-button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="download-menu"
        title=${t(lang, 'downloadLabel')}
        ?disabled=${!this.data}
        @click=${this.onTriggerClick}
        @keydown=${this.onTriggerKey}
      >
        <span class=${this.compact ? 'visually-hidden' : ''}>${t(lang, 'download')}</span>${this.compact ? html`<span class="glyph" aria-hidden="true">⤓</span>` : nothing}<span class="caret" aria-hidden="true">▾</span>
      </button>
      <div class="menu" id="download-menu" role="menu" aria-labelledby="download-button" ?hidden=${!this.open} @keydown=${this.onMenuKey} @focusout=${this.onFocusOut}>
        ${FORMATS.map(
          (format) => html`<button type="button" role="menuitem" tabindex="-1" data-format=${format} aria-disabled=${this.busy ? 'true' : nothing} @click=${() => this.choose(format)}>
            <span class="format">${labels[format].split(':')[0]}</span>${labels[format].slice(labels[format].indexOf(':'))}
          </button>`,
        )}
      </div>
      <div class="visually-hidden" role="status">${this.message}</div>
    `;
  }

  private openMenu(focus: 'first' | 'last'): void {
    this.open = true;
    document.addEventListener('pointerdown', this.onOutside, true);
    void this.updateComplete.then(() => this.focusItem(focus === 'first' ? 0 : this.items.length - 1));
  }

  private closeMenu(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.onOutside, true);
    if (returnFocus) this.trigger.focus();
  }

  private focusItem(i: number): void {
    const items = [...this.items];
    items[(i + items.length) % items.length]?.focus();
  }

  private readonly onTriggerClick = (): void => {
    if (this.open) this.closeMenu(false);
    else this.openMenu('first');
  };

  private readonly onTriggerKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  private readonly onMenuKey = (e: KeyboardEvent): void => {
    const items = [...this.items];
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      this.focusItem(moves[e.key]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.closeMenu(true);
    } else if (e.key === 'Tab') this.closeMenu(false);
  };

  /** Focus leaving the menu (not to the button or another item) closes it. */
  private readonly onFocusOut = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    if (to && !this.renderRoot.contains(to)) this.closeMenu(false);
  };

  private readonly onOutside = (e: PointerEvent): void => {
    if (!e.composedPath().includes(this)) this.closeMenu(false);
  };

  private async choose(format: ExportFormat): Promise<void> {
    if (this.busy || !this.data) return;
    const lang = this.language;
    this.closeMenu(true);
    this.busy = true;
    this.message = t(lang, 'downloadWorking');
    try {
      const { makeFile } = await import('../export/files');
      const { blob, name } = await makeFile({
        format,
        data: this.data,
        events: this.shown,
        window: this.window,
        selected: this.selected,
        language: lang,
        theme: this.theme,
        link: this.link(),
        views: this.views(),
        now: new Date(),
      });
      saveFile(blob, name, this.renderRoot as ShadowRoot);
      this.message = t(lang, 'downloadSaved', { file: name });
    } catch (error) {
      this.message = t(lang, 'downloadFailed', { reason: (error as Error).message });
      console.error(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-download': CmDownload;
  }
}
