/**
 * Event marks on the map, drawn exactly as the timeline draws them (src/ui/marks.ts and the
 * timeline's CSS): the kind's shape and colour, filled when the event happened, open with a
 * dashed outline when proposed, open and struck through when declined or cancelled, open with a
 * dotted outline when unverified. The WebGL map rasterises them onto a canvas; the SVG fallback
 * uses the same description as paths.
 */
import type { Kind } from '../model/categories';
import { DASHES, kindColor, kindPath, type Palette, type StatusStyle } from '../ui/marks';

export const STATUS_STYLE_LIST: readonly StatusStyle[] = ['solid', 'dashed', 'crossed', 'dotted'];

/** Icon box in CSS px: the largest shape (the star, radius ~10) plus its outline fits. */
export const ICON_SIZE = 24;
export const MARK_STROKE = 1.6;
/** The strike of a declined or cancelled mark, as in the timeline. */
export const STRIKE = { x1: -7, y1: 7, x2: 7, y2: -7, width: 2 } as const;
/** Ring radius for the selected and hovered mark, as in the timeline. */
export const RING_RADIUS = 11;

export interface MarkDrawing {
  path: string;
  fill: string;
  stroke: string;
  /** Dash pattern in px, or null for a solid outline. */
  dash: number[] | null;
  strike: boolean;
}

export function markDrawing(kind: Kind, style: StatusStyle, palette: Palette, dark: boolean): MarkDrawing {
  const colour = kindColor(kind, dark);
  const dash = DASHES[style];
  return {
    path: kindPath(kind),
    fill: style === 'solid' ? colour : palette.paper,
    stroke: colour,
    dash: dash ? dash.split(' ').map(Number) : null,
    strike: style === 'crossed',
  };
}

export function iconName(kind: string, style: StatusStyle): string {
  return `${kind}-${style}`;
}

/** Every kind × status style, so any event the dataset may hold has its icon. */
export function allIcons(kinds: readonly Kind[]): { kind: Kind; style: StatusStyle; name: string }[] {
  return kinds.flatMap((kind) => STATUS_STYLE_LIST.map((style) => ({ kind, style, name: iconName(kind.id, style) })));
}

/** The mark as pixels, `pixelRatio` times the CSS size, for `map.addImage`. */
export function drawIcon(kind: Kind, style: StatusStyle, palette: Palette, dark: boolean, pixelRatio: number): ImageData {
  const size = Math.ceil(ICON_SIZE * pixelRatio);
  // A plain canvas: Safari before 16.4 has no 2D OffscreenCanvas.
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const d = markDrawing(kind, style, palette, dark);
  ctx.scale(pixelRatio, pixelRatio);
  ctx.translate(ICON_SIZE / 2, ICON_SIZE / 2);
  const shape = new Path2D(d.path);
  ctx.fillStyle = d.fill;
  ctx.fill(shape);
  ctx.lineWidth = MARK_STROKE;
  ctx.strokeStyle = d.stroke;
  ctx.setLineDash(d.dash ?? []);
  ctx.stroke(shape);
  if (d.strike) {
    ctx.setLineDash([]);
    ctx.lineWidth = STRIKE.width;
    ctx.beginPath();
    ctx.moveTo(STRIKE.x1, STRIKE.y1);
    ctx.lineTo(STRIKE.x2, STRIKE.y2);
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, size, size);
}
