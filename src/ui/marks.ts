/**
 * How kinds and statuses look, shared by the timeline, the map and the legend, so a mark means
 * the same everywhere. Kind is told by shape and colour; status by fill and outline, never by
 * colour alone.
 */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import type { EventKind, EventStatus } from '../model/schema';

export const KIND_SHAPES: Record<EventKind, SymbolType> = {
  meeting: symbolCircle,
  call: symbolDiamond,
  statement: symbolSquare,
  proposal: symbolWye,
  agreement: symbolStar,
  attack: symbolTriangle,
};

/** SVG path of a kind's shape, centred on 0,0, with the given area in px². */
export function kindPath(kind: EventKind, area = 110): string {
  return symbol(KIND_SHAPES[kind], area)() ?? '';
}

export type Palette = Record<EventKind | 'ink' | 'muted' | 'paper' | 'land' | 'water' | 'border' | 'accent', string>;

/** Colours with AA contrast against their paper in each theme. */
export const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    meeting: '#1f5fa8',
    call: '#00707a',
    statement: '#5b4a9e',
    proposal: '#8a5a00',
    agreement: '#2e6b2e',
    attack: '#b3261e',
    ink: '#1b1b1f',
    muted: '#52525b',
    paper: '#ffffff',
    land: '#ece9e2',
    water: '#d5e3ef',
    border: '#a8a39a',
    accent: '#b45309',
  },
  dark: {
    meeting: '#7fb2f0',
    call: '#5fd0d8',
    statement: '#b7a6f2',
    proposal: '#e3b25b',
    agreement: '#8fd18f',
    attack: '#ff8a80',
    ink: '#ececf1',
    muted: '#b4b4bd',
    paper: '#16161a',
    land: '#2c2c31',
    water: '#1c2430',
    border: '#55555e',
    accent: '#fbbf24',
  },
};

export type StatusStyle = 'solid' | 'dashed' | 'crossed' | 'dotted';

/**
 * held/reported are drawn filled; proposed open with a dashed outline; declined and cancelled
 * open and struck through; unverified open with a dotted outline.
 */
export const STATUS_STYLES: Record<EventStatus, StatusStyle> = {
  held: 'solid',
  reported: 'solid',
  proposed: 'dashed',
  declined: 'crossed',
  cancelled: 'crossed',
  unverified: 'dotted',
};

export const DASHES: Record<StatusStyle, string | null> = {
  solid: null,
  dashed: '3 2',
  crossed: null,
  dotted: '1 2',
};
