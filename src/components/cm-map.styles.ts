import { css } from 'lit';
import { buttonStyles, darkTokens, focusRing, lightTokens } from './theme.styles';
import { viewErrorStyles } from './shared.styles';

export const mapStyles = [
  focusRing,
  buttonStyles,
  viewErrorStyles,
  css`
    :host {
      display: block;
      position: relative;
      min-height: 280px;
      color: var(--cm-ink);
      font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif;
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
      /* The places list sizes its popup to the map (cqw, cqh). */
      container-type: size;
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
    }
    .fallback.pointing {
      cursor: pointer;
    }
    [hidden] {
      display: none !important;
    }
    .fallback .labels text,
    .fallback .print-edges text {
      font-size: 12px;
      font-family: inherit;
      stroke-width: 3px;
      stroke-linejoin: round;
      paint-order: stroke;
    }
    .fallback text.cluster {
      font-size: 11px;
      font-family: inherit;
      text-anchor: middle;
      dominant-baseline: central;
    }
    .fallback .print-edges {
      display: none;
    }
    /* Labels and edge markers are laid out in code (src/map/svg-scene.ts, story-view.ts) and placed by transform. */
    .labels,
    .edges {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    .label {
      position: absolute;
      left: 0;
      top: 0;
      font-size: 12px;
      line-height: 15px;
      white-space: nowrap;
      color: var(--cm-ink);
      text-shadow:
        0 0 2px var(--cm-paper),
        0 0 2px var(--cm-paper),
        0 0 3px var(--cm-paper);
    }
    .edge {
      position: absolute;
      left: 0;
      top: 0;
      pointer-events: auto;
      min-height: 30px;
      padding: 0 8px;
      font-size: 12px;
      font-weight: 600;
      white-space: nowrap;
      background: color-mix(in srgb, var(--cm-paper) 92%, transparent);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
      box-sizing: border-box;
    }
    .edge {
      display: flex;
      align-items: center;
    }
    .edge span {
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
    }
    .edge span.count {
      flex: none;
      white-space: pre;
    }
    .tip {
      position: absolute;
      left: 0;
      top: 0;
      max-width: min(22rem, calc(100% - 8px));
      box-sizing: border-box;
      padding: 4px 8px;
      font-size: 0.8rem;
      line-height: 1.3;
      color: var(--cm-ink);
      background: var(--cm-paper);
      border: 1px solid var(--cm-border);
      border-radius: 4px;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
      pointer-events: none;
    }
    .tip .when,
    .tip .more {
      color: var(--cm-muted);
    }
    .find {
      position: absolute;
      left: 8px;
      top: 8px;
      width: min(15rem, calc(100% - 72px));
    }
    .controls {
      position: absolute;
      right: 8px;
      top: 8px;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .controls button {
      padding: 0;
      font-size: 1.1rem;
      line-height: 1;
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
    /* The selected and hovered events' own marks over the WebGL map (MapLibre markers); the pointer goes through. */
    .picked-mark {
      width: 24px;
      height: 24px;
      pointer-events: none;
      background-size: 24px 24px;
    }
    .picked-mark::after {
      content: '';
      position: absolute;
      inset: 0;
      border-radius: 50%;
      border: 2.5px solid var(--cm-muted);
    }
    .picked-mark.selected {
      z-index: 1;
    }
    .picked-mark.selected::after {
      inset: -0.5px;
      border: 3px solid var(--cm-accent);
    }
    .maplibregl-canvas:focus-visible {
      outline: 3px solid var(--cm-accent);
      outline-offset: -3px;
    }
    @media (pointer: coarse) {
      .edge {
        min-height: 44px;
      }
    }
    @media print {
      .find,
      .controls,
      .edges,
      .tip {
        display: none;
      }
      .fallback .print-edges {
        display: inline;
      }
    }
  `,
];
