import { css, unsafeCSS } from 'lit';
import { DEFAULT_KINDS, type Kind } from '../model/categories';
import { LIMITS } from '../model/vocabulary';
import { kindColor } from '../ui/marks';
import { buttonStyles, focusRing } from './theme.styles';

/**
 * `--c`, the colour of a kind, on any element with a `k<index>` class. <chrono-map> sets the
 * `--cm-k<index>` tokens for its dataset's kinds and theme (see kindTokenSheet); an element
 * used on its own falls back to the default kinds' light colours.
 */
export const kindColours = unsafeCSS(
  Array.from({ length: LIMITS.kinds }, (_, i) => `.k${i} { --c: var(--cm-k${i}, ${DEFAULT_KINDS[i]?.color ?? 'currentColor'}); }`).join('\n'),
);

/** The `--cm-k<index>` declarations for these kinds in one theme. */
export function kindTokens(kinds: readonly Kind[], dark: boolean): string {
  return kinds.map((k) => `--cm-k${k.index}: ${kindColor(k, dark)};`).join(' ');
}

/** Constructed (not inline) so a strict `style-src 'self'` allows it. */
export function kindTokenSheet(kinds: readonly Kind[]): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`.root.light { ${kindTokens(kinds, false)} } .root.dark { ${kindTokens(kinds, true)} }`);
  return sheet;
}

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
`;

/** Text for screen readers only. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The message a view shows in its place when it cannot draw (see view-guard.ts). */
export const viewErrorStyles = css`
  .view-error {
    border: 2px solid var(--cm-danger);
    border-radius: 6px;
    padding: 8px 10px;
    margin: 0;
  }
`;

/** What every element with buttons and kind glyphs starts from: focus ring, buttons, glyphs. */
export const controlStyles = [focusRing, buttonStyles, glyphStyles, visuallyHidden, viewErrorStyles];
