import { css } from 'lit';
import { buttonStyles, focusRing } from './theme.styles';
import { kindColours } from './shared.styles';

export const timelineStyles = [
  focusRing,
  buttonStyles,
  kindColours,
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
    }
  `,
];
