import { css } from 'lit';
import { buttonStyles, focusRing } from './theme.styles';
import { kindColours, viewErrorStyles, visuallyHidden } from './shared.styles';

export const timelineStyles = [
  focusRing,
  buttonStyles,
  kindColours,
  visuallyHidden,
  viewErrorStyles,
  css`
    :host {
      display: block;
      color: var(--cm-ink);
    }
    .toolbar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      margin-bottom: 4px;
    }
    .hint {
      color: var(--cm-muted);
      font-size: 0.85rem;
    }
    .buttons {
      display: flex;
      gap: 4px;
    }
    .frame {
      width: 100%;
      overflow: hidden;
      position: relative;
    }
    .tooltip {
      position: absolute;
      left: 0;
      top: 0;
      max-width: min(320px, 90%);
      padding: 6px 8px;
      border-radius: 6px;
      background: var(--cm-ink);
      color: var(--cm-paper);
      font-size: 0.8rem;
      line-height: 1.3;
      pointer-events: none;
      z-index: 2;
      box-shadow: 0 2px 6px rgb(0 0 0 / 0.25);
    }
    .tooltip[hidden] {
      display: none;
    }
    .tooltip .when {
      display: block;
      opacity: 0.85;
    }
    .tooltip .what {
      display: block;
      font-weight: 600;
    }
    .label {
      font: 11px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif;
      fill: var(--cm-ink);
      dominant-baseline: auto;
      paint-order: stroke;
      stroke: var(--cm-paper);
      stroke-width: 3px;
      stroke-linejoin: round;
    }
    .mark.selected .label {
      font-weight: 700;
    }
    .era rect {
      fill: var(--cm-ink);
      opacity: 0.05;
    }
    .era-1 rect {
      opacity: 0.09;
    }
    .era text {
      font-size: 11px;
      fill: var(--cm-muted);
      font-style: italic;
    }
    .searching .mark.dim {
      opacity: 0.25;
    }
    .mark.match .ring {
      stroke: var(--cm-accent);
      stroke-width: 2;
      stroke-dasharray: 2 2;
    }
    .mark.match.selected .ring {
      stroke-dasharray: none;
      stroke-width: 3;
    }
    .play {
      display: inline-flex;
      gap: 2px;
      margin-right: 6px;
    }
    .play select {
      font: inherit;
      color: var(--cm-ink);
      background: var(--cm-paper);
      border: 1px solid var(--cm-border);
      border-radius: 6px;
      min-height: 36px;
    }

    svg {
      display: block;
      touch-action: none;
      user-select: none;
      -webkit-user-select: none;
    }
    svg:focus-visible {
      outline: 3px solid var(--cm-accent);
      outline-offset: -3px;
    }
    .lane {
      fill: var(--cm-ink);
      opacity: 0.035;
    }
    .lane-label {
      font-size: 11px;
      font-weight: 600;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      fill: var(--cm-muted);
    }
    .mark {
      cursor: pointer;
    }
    .mark .shape {
      stroke-width: 1.6;
    }
    .mark .hit {
      fill: transparent;
    }
    .mark .ring {
      fill: none;
      stroke: none;
      stroke-width: 2.5;
    }
    .mark.hovered .ring {
      stroke: var(--cm-muted);
    }
    .mark.selected .ring {
      stroke: var(--cm-accent);
      stroke-width: 3;
    }
    svg:focus-visible .mark.active .ring {
      stroke: var(--cm-accent);
      stroke-dasharray: 3 2;
    }
    .mark .shape {
      fill: var(--c);
      stroke: var(--c);
    }
    .status-dashed .shape,
    .status-crossed .shape,
    .status-dotted .shape {
      fill: var(--cm-paper);
    }
    .strike {
      stroke: var(--c);
      stroke-width: 2;
    }
    .span,
    .tick {
      stroke: var(--c);
      stroke-width: 2;
      stroke-linecap: butt;
      opacity: 0.6;
    }
    .precision-approximate .span,
    .precision-week .span,
    .precision-month .span,
    .precision-year .span {
      stroke-dasharray: 2 3;
    }
    .group {
      cursor: zoom-in;
    }
    .group.overflow rect {
      fill: var(--cm-paper);
      stroke: var(--cm-muted);
    }
    .group text {
      font-size: 11px;
      text-anchor: middle;
      fill: var(--cm-ink);
    }
    .group.bin rect {
      fill: var(--cm-muted);
      opacity: 0.6;
    }
    .axis,
    .overview-axis {
      color: var(--cm-muted);
      font-size: 11px;
    }
    .overview-bg {
      fill: var(--cm-ink);
      opacity: 0.05;
    }
    .density rect {
      fill: var(--cm-muted);
    }
    .brush .selection {
      fill: var(--cm-accent);
      fill-opacity: 0.18;
      stroke: var(--cm-accent);
    }
    @media (forced-colors: active) {
      .mark .shape {
        fill: CanvasText;
        stroke: CanvasText;
      }
      .status-dashed .shape,
      .status-crossed .shape,
      .status-dotted .shape {
        fill: Canvas;
      }
      .mark.selected .ring {
        stroke: Highlight;
      }
      .tooltip {
        border: 1px solid CanvasText;
      }
    }
    @media (pointer: coarse) {
      .play select {
        min-height: 44px;
      }
    }
  `,
];
