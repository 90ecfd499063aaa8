import { css } from 'lit';
import { buttonStyles, focusRing } from './theme.styles';

/** `--c`, the colour of a kind, on any element with a `kind-…` class. */
export const kindColours = css`
  .kind-meeting { --c: var(--cm-meeting); }
  .kind-call { --c: var(--cm-call); }
  .kind-statement { --c: var(--cm-statement); }
  .kind-proposal { --c: var(--cm-proposal); }
  .kind-agreement { --c: var(--cm-agreement); }
  .kind-attack { --c: var(--cm-attack); }
`;

/** Marks colour by kind and fill by status, for small SVG glyphs outside the timeline. */
export const glyphStyles = css`
  ${kindColours}
  svg path {
    fill: var(--c, var(--cm-ink));
    stroke: var(--c, var(--cm-ink));
    stroke-width: 1.6;
  }
  .status-dashed svg path,
  .status-crossed svg path,
  .status-dotted svg path {
    fill: var(--cm-paper);
  }
  svg line {
    stroke: var(--c, var(--cm-ink));
    stroke-width: 2;
  }
  svg {
    flex: none;
    overflow: visible;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** What every element with buttons and kind glyphs starts from: focus ring, buttons, glyphs. */
export const controlStyles = [focusRing, buttonStyles, glyphStyles];
