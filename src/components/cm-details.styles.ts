import { css } from 'lit';
import { controlStyles } from './shared.styles';

export const detailsStyles = [
  ...controlStyles,
  css`
    :host {
      display: block;
      color: var(--cm-ink);
      line-height: 1.45;
      overflow-wrap: anywhere;
    }
    .empty {
      color: var(--cm-muted);
      margin: 0;
    }
    .stepper {
      display: flex;
      gap: 4px;
      float: right;
      margin-left: 8px;
    }
    .kind {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0 0 4px;
      font-size: 0.85rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--cm-muted);
    }
    h2 {
      font-size: 1.2rem;
      line-height: 1.25;
      margin: 0 0 6px;
    }
    h3 {
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: var(--cm-muted);
      margin: 14px 0 4px;
    }
    p {
      margin: 6px 0;
    }
    .status-note {
      font-style: italic;
      color: var(--cm-muted);
    }
    .untranslated {
      display: inline-block;
      font-size: 0.75rem;
      color: var(--cm-muted);
      border: 1px dashed var(--cm-border);
      border-radius: 4px;
      padding: 0 4px;
    }
    dl {
      margin: 8px 0;
    }
    .facts {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 10px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .zone {
      color: var(--cm-muted);
      font-size: 0.85rem;
    }
    ul,
    ol {
      margin: 0;
      padding-left: 1.2em;
    }
    .figures dd {
      margin: 0 0 8px;
    }
    .figures dd.conflict ul {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      list-style: none;
      padding: 0;
    }
    .figures dd.conflict li {
      border-left: 3px solid var(--cm-border);
      padding-left: 6px;
    }
    a {
      color: var(--cm-link);
    }
    .links {
      list-style: none;
      padding: 0;
    }
    button.link {
      border: none;
      background: none;
      color: var(--cm-link);
      text-decoration: underline;
      text-align: left;
      padding: 2px 0;
      min-height: 0;
      min-width: 0;
    }
    @media (pointer: coarse) {
      button.link {
        min-height: 44px;
      }
      .sources a {
        display: inline-block;
        min-height: 44px;
        padding: 2px 0;
      }
    }
  `,
];
