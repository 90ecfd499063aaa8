/**
 * <cm-places>: "Find a place", the map's one route to its places for the keyboard, screen
 * readers and fingers: a combobox with a listbox popup (WAI-ARIA 1.2, list autocomplete with
 * automatic selection). Its DOM does not grow with the data: the popup exists only while open
 * and holds at most `limit` options, the busiest places first, narrowed by what is typed
 * (accent- and case-insensitive).
 *
 * Keys: typing filters and opens; ↓ ↑ move through the options (wrapping), Alt+↓ opens, Alt+↑
 * and Escape close, Escape on a closed list clears it; Enter picks the active option, and
 * Enter again (the list closed, the place still named) picks the same place again, which the
 * map answers with its next event.
 *
 * @property search - the window's places (null before there are any)
 * @property language - interface language
 * @property limit - most options shown at once
 *
 * @fires cm-place-pick - a place was picked; `event.place` is its id
 * @fires cm-place-active - the option under the keyboard changed; `event.place` is its id, or null when none
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatCount } from '../i18n/format';
import { eventCount, t, uiLanguage } from '../i18n/messages';
import type { PlaceMatches, PlaceOption, PlaceSearch } from '../map/place-search';
import { controlStyles } from './shared.styles';

export class PlacePickEvent extends Event {
  static readonly type = 'cm-place-pick';
  constructor(readonly place: string) {
    super(PlacePickEvent.type, { bubbles: true, composed: false });
  }
}

export class PlaceActiveEvent extends Event {
  static readonly type = 'cm-place-active';
  constructor(readonly place: string | null) {
    super(PlaceActiveEvent.type, { bubbles: true, composed: false });
  }
}

@customElement('cm-places')
export class CmPlaces extends LitElement {
  static override styles = [
    ...controlStyles,
    css`
      :host {
        display: block;
        position: relative;
        font-size: 0.85rem;
      }
      input {
        box-sizing: border-box;
        width: 100%;
        min-height: 36px;
        padding: 0 10px;
        font: inherit;
        color: var(--cm-ink);
        background: var(--cm-paper);
        border: 1px solid var(--cm-border);
        border-radius: 6px;
      }
      input::placeholder {
        color: var(--cm-muted);
        opacity: 1;
      }
      .popup[hidden] {
        display: none;
      }
      .popup {
        position: absolute;
        left: 0;
        top: calc(100% + 4px);
        width: max(100%, 16rem);
        max-width: calc(100cqw - 16px);
        background: var(--cm-paper);
        border: 1px solid var(--cm-border);
        border-radius: 6px;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
        overflow: hidden;
      }
      [role='listbox'] {
        list-style: none;
        margin: 0;
        padding: 2px 0;
        max-height: min(18rem, calc(100cqh - 110px));
        overflow-y: auto;
      }
      [role='option'] {
        display: flex;
        gap: 8px;
        justify-content: space-between;
        align-items: center;
        min-height: 32px;
        padding: 0 10px;
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        background: var(--cm-ink);
        color: var(--cm-paper);
      }
      [role='option'] .count {
        flex: none;
        opacity: 0.8;
      }
      .note {
        margin: 0;
        padding: 6px 10px;
        color: var(--cm-muted);
        border-top: 1px solid var(--cm-border);
      }
      @media (pointer: coarse) {
        input,
        [role='option'] {
          min-height: 44px;
        }
      }
    `,
  ];

  @property({ attribute: false }) search: PlaceSearch | null = null;
  @property() language = 'en';
  @property({ type: Number }) limit = 50;

  @state() private open = false;
  @state() private text = '';
  @state() private active = -1;
  @query('input') private input!: HTMLInputElement;

  private found: PlaceMatches = { options: [], total: 0 };
  /** The place picked last and the text it left in the box, for Enter to pick it again. */
  private picked: { id: string; text: string } | null = null;

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('search')) {
      this.picked = null;
      this.active = -1;
    }
    if (this.open && (changed.has('search') || changed.has('text') || changed.has('open') || changed.has('limit'))) {
      this.found = this.search ? this.search.search(this.text, this.limit) : { options: [], total: 0 };
      if (this.active >= this.found.options.length) this.active = this.found.options.length - 1;
    }
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('active') || changed.has('open')) {
      const option = this.open && this.active >= 0 ? this.found.options[this.active] : undefined;
      this.renderRoot.querySelector(`#o${this.active}`)?.scrollIntoView({ block: 'nearest' });
      this.dispatchEvent(new PlaceActiveEvent(option?.id ?? null));
    }
  }

  private pick(option: PlaceOption): void {
    this.text = option.name;
    this.input.value = option.name;
    this.picked = { id: option.id, text: option.name };
    this.open = false;
    this.dispatchEvent(new PlacePickEvent(option.id));
  }

  private move(by: number): void {
    const n = this.found.options.length;
    if (n === 0) return;
    this.active = this.active < 0 ? (by > 0 ? 0 : n - 1) : (this.active + by + n) % n;
  }

  private readonly onInput = (e: Event): void => {
    this.text = (e.target as HTMLInputElement).value;
    this.open = true;
    // Automatic selection: the first match is active, so Enter takes it.
    this.active = 0;
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (e.altKey) {
        this.open = e.key === 'ArrowDown';
        return;
      }
      if (!this.open) {
        this.open = true;
        this.active = e.key === 'ArrowDown' ? 0 : -1;
        if (e.key === 'ArrowUp') void this.updateComplete.then(() => this.move(-1));
        return;
      }
      this.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      const option = this.open ? this.found.options[this.active] : undefined;
      if (option) {
        e.preventDefault();
        this.pick(option);
      } else if (!this.open && this.picked && this.picked.text === this.text) {
        e.preventDefault();
        this.dispatchEvent(new PlacePickEvent(this.picked.id));
      }
    } else if (e.key === 'Escape') {
      if (this.open) {
        e.preventDefault();
        e.stopPropagation();
        this.open = false;
      } else if (this.text) {
        e.preventDefault();
        e.stopPropagation();
        this.text = '';
        this.input.value = '';
      }
    }
  };

  private readonly onBlur = (): void => {
    this.open = false;
  };

  private readonly onClick = (): void => {
    if (!this.open) {
      this.open = true;
      this.active = -1;
    }
  };

  /** Keeps the focus in the box while an option is clicked or tapped. */
  private readonly onOptionDown = (e: PointerEvent): void => e.preventDefault();

  private onOptionClick(i: number): void {
    const option = this.found.options[i];
    if (option) this.pick(option);
  }

  override render() {
    const ui = uiLanguage(this.language);
    const { options, total } = this.found;
    const open = this.open && !!this.search;
    return html`
      <input
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-label=${t(ui, 'findPlace')}
        placeholder=${t(ui, 'findPlace')}
        aria-controls="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-activedescendant=${open && this.active >= 0 ? `o${this.active}` : nothing}
        .value=${this.text}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
        @blur=${this.onBlur}
        @click=${this.onClick}
      />
      <div class="popup" ?hidden=${!open}>
        <ul id="list" role="listbox" aria-label=${t(ui, 'mapPlaces')}>
          ${open
            ? options.map(
                (o, i) =>
                  html`<li
                    id="o${i}"
                    role="option"
                    aria-selected=${i === this.active ? 'true' : 'false'}
                    aria-label=${t(ui, 'placeButton', { name: o.name, events: eventCount(ui, o.events) })}
                    @pointerdown=${this.onOptionDown}
                    @click=${() => this.onOptionClick(i)}
                  >
                    <span>${o.name}</span><span class="count">${formatCount(o.events, ui)}</span>
                  </li>`,
              )
            : nothing}
        </ul>
        ${!open
          ? nothing
          : options.length === 0
            ? html`<p class="note" role="status">${t(ui, 'noPlaceFound')}</p>`
            : total > options.length
              ? html`<p class="note">${t(ui, 'placesShown', { shown: formatCount(options.length, ui), total: formatCount(total, ui) })}</p>`
              : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-places': CmPlaces;
  }
  interface HTMLElementEventMap {
    'cm-place-pick': PlacePickEvent;
    'cm-place-active': PlaceActiveEvent;
  }
}
