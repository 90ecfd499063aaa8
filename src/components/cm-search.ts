/**
 * <cm-search>: a search field for the events. Typing asks the root to search (it owns the
 * query and finds the matches, which every view highlights); Enter asks for the next match to
 * be selected; Escape clears. The count of matches is shown beside the field.
 *
 * @property query - the words searched for
 * @property count - how many events match, or null while a search is running or none is made
 * @property language - interface language
 *
 * @fires cm-query - the reader typed; `event.query`
 * @fires cm-query-submit - Enter: select the next match
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { formatCount } from '../i18n/format';
import { t, type UiLanguage } from '../i18n/messages';
import { MAX_QUERY } from '../state/url';
import { QueryEvent, QuerySubmitEvent } from './events';
import { controlStyles } from './shared.styles';

@customElement('cm-search')
export class CmSearch extends LitElement {
  static override styles = [
    ...controlStyles,
    css`
      :host {
        display: block;
      }
      .field {
        display: flex;
        align-items: center;
        gap: 8px;
        flex-wrap: wrap;
      }
      input {
        font: inherit;
        color: var(--cm-ink);
        background: var(--cm-paper);
        border: 1px solid var(--cm-border);
        border-radius: 6px;
        min-height: 36px;
        padding: 0 8px;
        width: min(18em, 100%);
        box-sizing: border-box;
      }
      input:focus-visible {
        outline: 3px solid var(--cm-accent);
        outline-offset: 1px;
      }
      .count {
        color: var(--cm-muted);
        font-size: 0.85rem;
      }
      @media (pointer: coarse) {
        input {
          min-height: 44px;
        }
      }
    `,
  ];

  @property() query = '';
  @property({ attribute: false }) count: number | null = null;
  @property() language: UiLanguage = 'en';

  @query('input') private input!: HTMLInputElement;

  /** Puts the keyboard in the field (the `/` key of the root does this). */
  override focus(): void {
    this.input?.focus();
  }

  override render() {
    const lang = this.language;
    return html`<div class="field" role="search">
      <input
        type="search"
        .value=${this.query}
        maxlength=${MAX_QUERY}
        placeholder=${t(lang, 'searchPlaceholder')}
        aria-label=${t(lang, 'searchLabel')}
        aria-describedby="count"
        enterkeyhint="search"
        @input=${this.onInput}
        @keydown=${this.onKeydown}
      />
      <span class="count" id="count">${this.query && this.count !== null ? this.countText(this.count) : nothing}</span>
    </div>`;
  }

  private countText(n: number): string {
    const lang = this.language;
    return n === 0 ? t(lang, 'searchNone') : t(lang, n === 1 ? 'searchOne' : 'searchMany', { count: formatCount(n, lang) });
  }

  private readonly onInput = (): void => {
    this.dispatchEvent(new QueryEvent(this.input.value));
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.dispatchEvent(new QuerySubmitEvent());
    } else if (event.key === 'Escape' && this.input.value) {
      event.preventDefault();
      event.stopPropagation();
      this.input.value = '';
      this.dispatchEvent(new QueryEvent(''));
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-search': CmSearch;
  }
}
