/**
 * How kinds and statuses look, shared by the timeline, the map and the legend, so a mark means
 * the same everywhere. Kind is told by shape and colour (the dataset's, see
 * src/model/categories.ts); status by fill and outline, never by colour alone.
 */
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import type { Kind } from '../model/categories';
import type { EventStatus, Shape } from '../model/schema';

export const SHAPE_SYMBOLS: Record<Shape, SymbolType> = {
  circle: symbolCircle,
  diamond: symbolDiamond,
  square: symbolSquare,
  wye: symbolWye,
  star: symbolStar,
  triangle: symbolTriangle,
  cross: symbolCross,
};

const paths = new Map<string, string>();

/** SVG path of a shape, centred on 0,0, with the given area in px². */
export function shapePath(shape: Shape, area = 110): string {
  const key = `${shape}|${area}`;
  let d = paths.get(key);
  if (d === undefined) paths.set(key, (d = symbol(SHAPE_SYMBOLS[shape], area)() ?? ''));
  return d;
}

export function kindPath(kind: Pick<Kind, 'shape'>, area = 110): string {
  return shapePath(kind.shape, area);
}

export function kindColor(kind: Pick<Kind, 'color' | 'colorDark'>, dark: boolean): string {
  return dark ? kind.colorDark : kind.color;
}

/** `link` colours links; `danger` frames error messages. */
export type Palette = Record<'ink' | 'muted' | 'paper' | 'land' | 'water' | 'border' | 'accent' | 'link' | 'danger', string>;

/** Colours with AA contrast against their paper in each theme. */
export const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    ink: '#1b1b1f',
    muted: '#52525b',
    paper: '#ffffff',
    land: '#ece9e2',
    water: '#d5e3ef',
    border: '#a8a39a',
    accent: '#b45309',
    link: '#1f5fa8',
    danger: '#b3261e',
  },
  dark: {
    ink: '#ececf1',
    muted: '#b4b4bd',
    paper: '#16161a',
    land: '#2c2c31',
    water: '#1c2430',
    border: '#55555e',
    accent: '#fbbf24',
    link: '#7fb2f0',
    danger: '#ff8a80',
  },
};

export type StatusStyle = 'solid' | 'dashed' | 'crossed' | 'dotted';

/**
 * held/reported (and events without a status) are drawn filled; proposed open with a dashed
 * outline; declined and cancelled open and struck through; unverified open with a dotted outline.
 */
export const STATUS_STYLES: Record<EventStatus, StatusStyle> = {
  held: 'solid',
  reported: 'solid',
  proposed: 'dashed',
  declined: 'crossed',
  cancelled: 'crossed',
  unverified: 'dotted',
};

export function statusStyle(status: EventStatus | undefined): StatusStyle {
  return status ? STATUS_STYLES[status] : 'solid';
}

export const DASHES: Record<StatusStyle, string | null> = {
  solid: null,
  dashed: '3 2',
  crossed: null,
  dotted: '1 2',
};
