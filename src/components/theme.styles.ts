/**
 * Design tokens as CSS custom properties, set on <chrono-map> and inherited through every
 * shadow root below it. Colours come from src/ui/marks.ts so the map and the timeline agree.
 */
import { css, unsafeCSS } from 'lit';
import { PALETTES, type Palette } from '../ui/marks';

function tokens(p: Palette) {
  return Object.entries(p)
    .map(([name, value]) => `--cm-${name}: ${value};`)
    .join('\n');
}

export const lightTokens = unsafeCSS(tokens(PALETTES.light));
export const darkTokens = unsafeCSS(tokens(PALETTES.dark));

export const focusRing = css`
  :focus-visible {
    outline: 3px solid var(--cm-accent);
    outline-offset: 2px;
  }
`;

export const buttonStyles = css`
  button {
    font: inherit;
    color: var(--cm-ink);
    background: var(--cm-paper);
    border: 1px solid var(--cm-border);
    border-radius: 6px;
    min-width: 36px;
    min-height: 36px;
    padding: 0 10px;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--cm-ink);
  }
  button[aria-pressed='true'] {
    background: var(--cm-ink);
    color: var(--cm-paper);
  }
  @media (pointer: coarse) {
    button {
      min-width: 44px;
      min-height: 44px;
    }
  }
`;
