import { css } from 'lit';
import { darkTokens, lightTokens } from './theme.styles';
import { controlStyles } from './shared.styles';

export const chronoMapStyles = [
  ...controlStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif;
      font-size: 16px;
    }
    .root.light {
      ${lightTokens}
    }
    .root.dark {
      ${darkTokens}
    }
    .root {
      color: var(--cm-ink);
      background: var(--cm-paper);
      padding: 12px;
      border-radius: 8px;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 10px;
      margin-bottom: 6px;
    }
    .modes {
      display: flex;
      gap: 4px;
    }
    cm-search {
      flex: 1 1 14em;
      min-width: 0;
    }
    .story-button[aria-pressed='true'] {
      background: var(--cm-accent);
      border-color: var(--cm-accent);
      color: var(--cm-paper);
    }
    /* On wide screens the filters and legend are shown as they are; on narrow ones they fold into one control. */
    .filters-toggle {
      display: none;
    }
    @container (max-width: 599px) {
      .filters-toggle {
        display: inline-block;
      }
      cm-filters:not(.open) {
        display: none;
      }
    }
    [hidden] {
      display: none !important;
    }
    .views.table {
      grid-template-areas: 'table' 'details';
    }
    @container (min-width: 900px) {
      .views.table {
        grid-template-areas: 'table details';
      }
    }
    .table-panel {
      grid-area: table;
      min-width: 0;
    }
    .views {
      display: grid;
      gap: 12px;
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'map' 'timeline' 'details';
      margin-top: 8px;
    }
    .views.with-story {
      grid-template-areas: 'map' 'story' 'timeline' 'details';
    }
    .story-panel {
      grid-area: story;
      min-width: 0;
    }
    @container (min-width: 900px) {
      .views {
        grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr);
        grid-template-areas: 'map details' 'timeline timeline';
      }
      .views.with-story {
        grid-template-rows: auto 1fr auto;
        grid-template-areas: 'map story' 'map details' 'timeline timeline';
      }
      .details-panel {
        max-height: 460px;
        overflow: auto;
      }
      .views.with-story .details-panel {
        max-height: 240px;
      }
    }
    .root.presenting {
      font-size: 1.25rem;
      min-height: 100vh;
      box-sizing: border-box;
    }
    .root.presenting .bar,
    .root.presenting cm-filters,
    .root.presenting .about {
      display: none;
    }
    .root.presenting cm-map {
      height: 62vh;
    }
    .data-attribution {
      margin: 8px 0 0;
      font-size: 0.85rem;
      color: var(--cm-ink);
    }
    .warnings code {
      font-size: 0.8rem;
    }
    .map-panel {
      grid-area: map;
      min-width: 0;
    }
    cm-map {
      height: clamp(280px, 52vh, 460px);
      border-radius: 6px;
      overflow: hidden;
    }
    .timeline-panel {
      grid-area: timeline;
      min-width: 0;
    }
    .details-panel {
      grid-area: details;
      min-width: 0;
      border-top: 1px solid var(--cm-border);
      padding-top: 8px;
    }
    @container (min-width: 900px) {
      .details-panel {
        border-top: none;
        border-left: 1px solid var(--cm-border);
        padding: 0 0 0 12px;
      }
    }
    .note {
      color: var(--cm-muted);
      font-size: 0.85rem;
      margin: 4px 0 0;
    }
    .loading {
      color: var(--cm-muted);
    }
    .loading progress {
      width: min(100%, 24em);
    }
    .error {
      border: 2px solid var(--cm-danger);
      border-radius: 8px;
      padding: 12px 16px;
    }
    .error h2 {
      margin: 0 0 6px;
      font-size: 1.15rem;
    }
    .error code {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .about {
      margin-top: 12px;
      font-size: 0.85rem;
      color: var(--cm-muted);
    }
    .about summary {
      cursor: pointer;
      color: var(--cm-ink);
    }
    .updated {
      margin: 6px 0 0;
    }
    /* Printing shows <cm-handout> alone: it has its own title, attribution and licence. */
    @media print {
      .root {
        padding: 0;
      }
      .bar,
      cm-filters,
      .views,
      .attribution,
      .about {
        display: none !important;
      }
    }
  `,
];
