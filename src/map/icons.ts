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

/**
 * One canvas per picture size, kept in memory, draws every icon and ring in turn. A load draws
 * dozens of them and reads each back as pixels; a new GPU-backed canvas per picture waited on the
 * GPU process while it was busy starting the map (54 rings: 151 ms in software WebGL, 50 ms now).
 * A plain canvas: Safari before 16.4 has no 2D OffscreenCanvas.
 */
const scratch = new Map<number, CanvasRenderingContext2D>();

function scratchContext(size: number): CanvasRenderingContext2D {
  let ctx = scratch.get(size);
  if (!ctx) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    scratch.set(size, ctx);
  }
  // Each picture sets its own colours and widths; the transform and dash would carry over.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.setLineDash([]);
  ctx.clearRect(0, 0, size, size);
  return ctx;
}

/** The mark drawn on the scratch canvas at `pixelRatio` times its CSS size. */
function drawMark(kind: Kind, style: StatusStyle, palette: Palette, dark: boolean, pixelRatio: number): CanvasRenderingContext2D {
  const ctx = scratchContext(Math.ceil(ICON_SIZE * pixelRatio));
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
  return ctx;
}

/** The mark as pixels, `pixelRatio` times the CSS size, for `map.addImage`. */
export function drawIcon(kind: Kind, style: StatusStyle, palette: Palette, dark: boolean, pixelRatio: number): ImageData {
  const ctx = drawMark(kind, style, palette, dark, pixelRatio);
  return ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
}

/** The mark as a PNG data URL (the page's CSP allows `data:` images), for an <img>. */
export function iconUrl(kind: Kind, style: StatusStyle, palette: Palette, dark: boolean, pixelRatio: number): string {
  return drawMark(kind, style, palette, dark, pixelRatio).canvas.toDataURL('image/png');
}

/** The kind id and status style an icon name stands for (kind ids may hold dashes). */
export function iconParts(name: string): { kind: string; style: StatusStyle } {
  const cut = name.lastIndexOf('-');
  return { kind: name.slice(0, cut), style: name.slice(cut + 1) as StatusStyle };
}

/**
 * A cluster is drawn as a ring split by kind, each kind's arc as long as its share of the
 * cluster's events, round a disc with the count. Shares are rounded to twelfths (largest
 * remainder), so a few dozen ring pictures serve every cluster; a kind with any event keeps at
 * least one twelfth while there are twelve kinds or fewer.
 */
export const RING_SLOTS = 12;
/** Outer radius of the largest ring, in CSS px; smaller clusters scale it down (`ringScale`). */
export const RING_OUTER = 22;
export const RING_WIDTH = 5;

export function ringSlots(counts: readonly number[], slots = RING_SLOTS): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return counts.map(() => 0);
  const present = counts.filter((c) => c > 0).length;
  const floor = present <= slots ? 1 : 0;
  const spare = slots - floor * present;
  const exact = counts.map((c) => (c > 0 ? (c / total) * spare : 0));
  const out = exact.map((x, i) => (counts[i]! > 0 ? floor : 0) + Math.floor(x));
  let left = slots - out.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    if (counts[i]! === 0) continue;
    out[i]!++;
    left--;
  }
  return out;
}

/** The image name of a ring: its slots per kind index. */
export function ringName(slots: readonly number[]): string {
  return `ring:${slots.join('.')}`;
}

export function slotsOfRingName(name: string): number[] | null {
  const m = /^ring:([\d.]+)$/.exec(name);
  return m ? m[1]!.split('.').map(Number) : null;
}

/**
 * Rings grow with the events they hold, from an icon's size (24 px) for a few to 35 px from
 * 1,000, about the space clusters keep between them, so neighbouring rings barely overlap;
 * the count still fits the disc inside.
 */
export function ringScale(events: number): number {
  return events < 10 ? 0.55 : events < 100 ? 0.62 : events < 1000 ? 0.7 : 0.8;
}

/** Arcs of a ring as [kind index, start angle, end angle], clockwise from north, in radians. */
export function ringArcs(slots: readonly number[]): [number, number, number][] {
  const step = (2 * Math.PI) / slots.reduce((s, c) => s + c, 0);
  const arcs: [number, number, number][] = [];
  let at = 0;
  slots.forEach((n, kind) => {
    if (n === 0) return;
    arcs.push([kind, at * step, (at + n) * step]);
    at += n;
  });
  return arcs;
}

/** An annulus sector as an SVG path in absolute coordinates, for merging many into one path. */
export function sectorPath(cx: number, cy: number, inner: number, outer: number, a0: number, a1: number): string {
  const full = a1 - a0 >= 2 * Math.PI - 1e-9;
  if (full) {
    // Two half rings: an arc cannot start and end at the same point.
    return sectorPath(cx, cy, inner, outer, a0, a0 + Math.PI) + sectorPath(cx, cy, inner, outer, a0 + Math.PI, a1);
  }
  const at = (r: number, a: number) => `${(cx + r * Math.sin(a)).toFixed(1)} ${(cy - r * Math.cos(a)).toFixed(1)}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M${at(outer, a0)}A${outer} ${outer} 0 ${large} 1 ${at(outer, a1)}L${at(inner, a1)}A${inner} ${inner} 0 ${large} 0 ${at(inner, a0)}Z`;
}

/** A disc as an SVG path in absolute coordinates. */
export function discPath(cx: number, cy: number, r: number): string {
  return `M${(cx - r).toFixed(1)} ${cy.toFixed(1)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
}

/** The ring picture for MapLibre, `pixelRatio` times its CSS size (2 × RING_OUTER + 2 px). */
export function drawRing(kinds: readonly Kind[], slots: readonly number[], palette: Palette, dark: boolean, pixelRatio: number): ImageData {
  const box = 2 * RING_OUTER + 2;
  const size = Math.ceil(box * pixelRatio);
  const ctx = scratchContext(size);
  ctx.scale(pixelRatio, pixelRatio);
  const c = box / 2;
  ctx.beginPath();
  ctx.arc(c, c, RING_OUTER, 0, 2 * Math.PI);
  ctx.fillStyle = palette.paper;
  ctx.fill();
  for (const [kind, a0, a1] of ringArcs(slots)) {
    const k = kinds[kind];
    ctx.fillStyle = k ? kindColor(k, dark) : palette.muted;
    ctx.fill(new Path2D(sectorPath(c, c, RING_OUTER - RING_WIDTH, RING_OUTER, a0, a1)));
  }
  ctx.beginPath();
  ctx.arc(c, c, RING_OUTER, 0, 2 * Math.PI);
  ctx.lineWidth = 1;
  ctx.strokeStyle = palette.muted;
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}
