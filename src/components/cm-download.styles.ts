import { css } from 'lit';
import { controlStyles } from './shared.styles';

export const downloadStyles = [
  ...controlStyles,
  css`
    :host {
      display: inline-block;
      position: relative;
    }
    .menu {
      position: absolute;
      right: 0;
      top: calc(100% + 4px);
      z-index: 5;
      min-width: 16em;
      max-width: min(24em, 90vw);
      margin: 0;
      padding: 4px;
      background: var(--cm-paper);
      color: var(--cm-ink);
      border: 1px solid var(--cm-border);
      border-radius: 8px;
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
    }
    .menu[hidden] {
      display: none;
    }
    [role='menuitem'] {
      display: block;
      width: 100%;
      text-align: start;
      border: none;
      border-radius: 4px;
      padding: 6px 10px;
      line-height: 1.3;
    }
    [role='menuitem']:hover,
    [role='menuitem']:focus-visible {
      background: var(--cm-ink);
      color: var(--cm-paper);
    }
    [role='menuitem'][aria-disabled='true'] {
      color: var(--cm-muted);
      cursor: progress;
    }
    .format {
      font-weight: 700;
    }
    .caret {
      margin-inline-start: 4px;
      font-size: 0.75em;
    }
    /* The menu is for the screen; the handout is what prints. */
    @media print {
      :host {
        display: none;
      }
    }
  `,
];
