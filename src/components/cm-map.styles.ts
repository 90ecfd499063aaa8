import { css } from 'lit';
import { buttonStyles, darkTokens, focusRing, lightTokens } from './theme.styles';

export const mapStyles = [
  focusRing,
  buttonStyles,
  css`
    :host {
      display: block;
      position: relative;
      min-height: 280px;
      color: var(--cm-ink);
    }
    .frame.light {
      ${lightTokens}
    }
    .frame.dark {
      ${darkTokens}
    }
    .frame {
      position: absolute;
      inset: 0;
      overflow: hidden;
      background: var(--cm-water);
      color: var(--cm-ink);
    }
    /* Outranks MapLibre's own .maplibregl-map { position: relative }, adopted after these styles. */
    .frame .map,
    .frame .fallback {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    .fallback {
      display: block;
      font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif;
    }
    [hidden] {
      display: none !important;
    }
    .marker {
      cursor: pointer;
    }
    .fallback text {
      font-size: 12px;
      font-family: inherit;
      stroke-width: 3px;
      stroke-linejoin: round;
      paint-order: stroke;
    }
    .attribution {
      position: absolute;
      right: 0;
      bottom: 0;
      margin: 0;
      padding: 1px 5px;
      font-size: 11px;
      color: var(--cm-muted);
      background: color-mix(in srgb, var(--cm-paper) 75%, transparent);
      border-top-left-radius: 4px;
    }
    /* Keyboard route to the markers: hidden until a button in it has focus, then a strip along the bottom. */
    .places {
      position: absolute;
      left: 0;
      right: 0;
      bottom: 0;
      display: flex;
      gap: 6px;
      padding: 6px;
      overflow-x: auto;
      background: color-mix(in srgb, var(--cm-paper) 92%, transparent);
      border-top: 1px solid var(--cm-border);
    }
    .places:not(:focus-within) {
      width: 1px;
      height: 1px;
      padding: 0;
      border: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .places button {
      flex: none;
      white-space: nowrap;
      font-size: 0.85rem;
      min-height: 32px;
    }
    .places button.current {
      border: 2px solid var(--cm-accent);
    }
    .maplibregl-canvas:focus-visible {
      outline: 3px solid var(--cm-accent);
      outline-offset: -3px;
    }
    @media print {
      .places {
        display: none;
      }
    }
  `,
];
