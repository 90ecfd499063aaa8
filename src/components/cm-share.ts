/**
 * <cm-share>: a Share button that opens a small panel to copy a link to the current view, an
 * iframe to embed it, and the div-and-script embed that fits its height. The snippets come from
 * src/embed/snippets.ts (http(s) only, attributes escaped); the root gives the URLs. Copying uses
 * the Clipboard API and, where it is missing or refused, selects the text for Ctrl+C.
 * The panel exists only while open; Escape or Close shuts it and focus returns to the button.
 *
 * @property link - the page URL of the current view
 * @property embedUrl - embed.html's URL for the current view
 * @property embedTitle - the embedded frame's accessible name (the dataset's title)
 * @property language - interface language
 * @property compact - a glyph instead of the word, for narrow bars
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t, type MessageKey, type UiLanguage } from '../i18n/messages';
import { iframeSnippet, isHttpUrl, scriptSnippet } from '../embed/snippets';
import { controlStyles } from './shared.styles';

interface ShareItem {
  key: 'link' | 'iframe' | 'script';
  label: MessageKey;
  text: string;
}

@customElement('cm-share')
export class CmShare extends LitElement {
  static override styles = [
    ...controlStyles,
    css`
      :host {
        display: block;
        color: var(--cm-ink);
      }
      .panel {
        margin-top: 6px;
        padding: 10px 12px;
        max-width: 40rem;
        border: 1px solid var(--cm-border);
        border-radius: 8px;
        background: var(--cm-paper);
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 8px;
      }
      .item {
        margin-bottom: 10px;
      }
      label {
        display: block;
        font-size: 0.85rem;
        margin-bottom: 4px;
      }
      .row {
        display: flex;
        gap: 6px;
        align-items: flex-start;
      }
      textarea {
        flex: 1;
        min-width: 0;
        resize: vertical;
        font: 0.8rem/1.4 ui-monospace, 'DejaVu Sans Mono', monospace;
        color: var(--cm-ink);
        background: var(--cm-paper);
        border: 1px solid var(--cm-border);
        border-radius: 4px;
        padding: 4px 6px;
      }
      .status {
        font-size: 0.85rem;
        color: var(--cm-muted);
        min-height: 1.2em;
        margin: 0 0 6px;
      }
    `,
  ];

  @property() link = '';
  @property({ attribute: false }) embedUrl = '';
  @property({ attribute: false }) embedTitle = '';
  /** A narrow bar: the button shows a glyph, its name only to screen readers. */
  @property({ type: Boolean, reflect: true }) compact = false;
  @property() language: UiLanguage = 'en';

  @state() private open = false;
  @state() private status = '';

  private get items(): ShareItem[] {
    const items: ShareItem[] = [];
    if (isHttpUrl(this.link)) items.push({ key: 'link', label: 'shareLink', text: this.link });
    const iframe = iframeSnippet(this.embedUrl, { title: this.embedTitle });
    const script = scriptSnippet(this.embedUrl, { title: this.embedTitle });
    if (iframe) items.push({ key: 'iframe', label: 'shareIframe', text: iframe });
    if (script) items.push({ key: 'script', label: 'shareScript', text: script });
    return items;
  }

  private toggle(): void {
    this.open = !this.open;
    this.status = '';
    if (this.open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.panel .copy')?.focus());
  }

  private close(): void {
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus());
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.close();
  };

  private async copy(item: ShareItem): Promise<void> {
    try {
      await navigator.clipboard.writeText(item.text);
      this.status = t(this.language, 'copied');
    } catch {
      const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#share-${item.key}`);
      field?.focus();
      field?.select();
      this.status = t(this.language, 'copySelected');
    }
  }

  override render() {
    const lang = this.language;
    return html`
      <button type="button" class="toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${this.open ? 'share-panel' : nothing} title=${t(lang, 'share')} @click=${this.toggle}>
        <span class=${this.compact ? 'visually-hidden' : ''}>${t(lang, 'share')}</span>${this.compact ? html`<span aria-hidden="true">⤴</span>` : nothing}
      </button>
      ${this.open
        ? html`<div id="share-panel" class="panel" role="dialog" aria-labelledby="share-heading" @keydown=${this.onKeydown}>
            <h2 id="share-heading">${t(lang, 'sharePanel')}</h2>
            ${this.items.map(
              (item) => html`<div class="item">
                <label for="share-${item.key}">${t(lang, item.label)}</label>
                <div class="row">
                  <textarea id="share-${item.key}" readonly rows=${item.key === 'link' ? 1 : 3} .value=${item.text}></textarea>
                  <button type="button" class="copy" aria-label="${t(lang, 'copy')}: ${t(lang, item.label)}" @click=${() => this.copy(item)}>${t(lang, 'copy')}</button>
                </div>
              </div>`,
            )}
            <p class="status" role="status">${this.status}</p>
            <button type="button" @click=${this.close}>${t(lang, 'closeShare')}</button>
          </div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-share': CmShare;
  }
}
