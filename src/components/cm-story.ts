/**
 * <cm-story>: the step card of a guided story: "Step 3 of 9", the step's title and text,
 * progress, previous and next, "Explore on your own" to leave, and a presenter view for
 * projecting in class. The root owns the story position; this card only asks to move.
 *
 * Keys when the card has focus (what presenter remotes send): ← → and Page Up / Page Down
 * step; Home and End go to the first and last step.
 *
 * @property data - the dataset (for the story's translations' language)
 * @property story - the story open
 * @property step - the step shown, counted from 1
 * @property language - interface language
 * @property presenting - true in the presenter view
 *
 * @fires cm-step-request - previous, next, a key: `event.step` (from 1)
 * @fires cm-story-close - "Explore on your own"
 * @fires cm-present-request - the presenter view button: `event.on`
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Dataset } from '../model/dataset';
import type { StoryRecord } from '../model/schema';
import { localize } from '../i18n/localize';
import { t, type UiLanguage } from '../i18n/messages';
import { paragraphs } from '../ui/plain-text';
import { PresentRequestEvent, StepRequestEvent, StoryCloseEvent } from './events';
import { controlStyles } from './shared.styles';

@customElement('cm-story')
export class CmStory extends LitElement {
  static override styles = [
    ...controlStyles,
    css`
      :host {
        display: block;
        color: var(--cm-ink);
      }
      .card {
        border: 2px solid var(--cm-accent);
        border-radius: 8px;
        padding: 10px 14px 12px;
        background: var(--cm-paper);
      }
      .card:focus-visible {
        outline: 3px solid var(--cm-accent);
        outline-offset: 2px;
      }
      .top {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 8px;
        flex-wrap: wrap;
      }
      .count {
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--cm-muted);
        margin: 0;
      }
      .story-title {
        font-size: 0.85rem;
        color: var(--cm-muted);
        margin: 0;
      }
      h2 {
        font-size: 1.15rem;
        line-height: 1.25;
        margin: 6px 0;
      }
      p {
        margin: 0 0 8px;
        line-height: 1.45;
      }
      a {
        color: var(--cm-link);
      }
      .progress {
        display: flex;
        gap: 3px;
        margin: 8px 0;
      }
      .progress span {
        flex: 1;
        height: 4px;
        border-radius: 2px;
        background: var(--cm-border);
      }
      .progress span.done {
        background: var(--cm-accent);
      }
      .nav {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
        align-items: center;
      }
      .nav .leave {
        margin-left: auto;
      }
      :host([presenting]) h2 {
        font-size: 2rem;
      }
      :host([presenting]) p {
        font-size: 1.4rem;
      }
      :host([presenting]) .count,
      :host([presenting]) .story-title {
        font-size: 1rem;
      }
    `,
  ];

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) story: StoryRecord | null = null;
  @property({ type: Number }) step = 1;
  @property() language: UiLanguage = 'en';
  @property({ type: Boolean, reflect: true }) presenting = false;

  @query('.card') private card!: HTMLElement;

  /** Moves the keyboard to the card, so ← → and a presenter remote step at once. */
  override focus(): void {
    this.card?.focus();
  }

  override render() {
    const { story, data } = this;
    if (!story || !data) return nothing;
    const lang = this.language;
    const primary = data.languages[0] ?? 'en';
    const total = story.steps.length;
    const n = Math.min(Math.max(this.step, 1), total);
    const step = story.steps[n - 1]!;
    const title = localize(step, 'title', lang, primary);
    const text = localize(step, 'text', lang, primary);
    const storyTitle = localize(story, 'title', lang, primary);
    return html`<section class="card" tabindex="-1" aria-roledescription=${t(lang, 'storyCard')} aria-labelledby="step-title" @keydown=${this.onKeydown}>
      <div class="top">
        <p class="count">${t(lang, 'stepOf', { step: n, total })}</p>
        <p class="story-title" lang=${storyTitle.lang}>${storyTitle.text}</p>
      </div>
      <h2 id="step-title" lang=${title.lang}>${title.text}</h2>
      ${title.fallback || text.fallback ? html`<p class="count">${t(lang, 'untranslated')}</p>` : nothing}
      <div lang=${text.lang}>
        ${paragraphs(text.text).map(
          (para) => html`<p>${para.map((part) => (part.href ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>` : part.text))}</p>`,
        )}
      </div>
      <div class="progress" aria-hidden="true">${story.steps.map((_, i) => html`<span class=${i < n ? 'done' : ''}></span>`)}</div>
      <div class="nav">
        <button type="button" ?disabled=${n <= 1} @click=${() => this.request(n - 1)}>← ${t(lang, 'stepPrevious')}</button>
        <button type="button" ?disabled=${n >= total} @click=${() => this.request(n + 1)}>${t(lang, 'stepNext')} →</button>
        <button type="button" aria-pressed=${this.presenting ? 'true' : 'false'} @click=${() => this.dispatchEvent(new PresentRequestEvent(!this.presenting))}>
          ${t(lang, 'presenter')}
        </button>
        <button type="button" class="leave" @click=${() => this.dispatchEvent(new StoryCloseEvent())}>${t(lang, 'exploreOwn')}</button>
      </div>
    </section>`;
  }

  private request(step: number): void {
    const total = this.story?.steps.length ?? 0;
    if (step >= 1 && step <= total) this.dispatchEvent(new StepRequestEvent(step));
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const n = this.step;
    const total = this.story?.steps.length ?? 0;
    const to = stepForKey(event.key, n, total);
    if (to === null) return;
    event.preventDefault();
    this.request(to);
  };
}

/** The step a key moves to from step `n` of `total`, or null for a key that does not step. */
export function stepForKey(key: string, n: number, total: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return Math.min(n + 1, total);
    case 'ArrowLeft':
    case 'PageUp':
      return Math.max(n - 1, 1);
    case 'Home':
      return 1;
    case 'End':
      return total;
    default:
      return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cm-story': CmStory;
  }
}
