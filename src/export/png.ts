/**
 * Draws the PNG of the current view on a canvas, following `pngLayout`: text with `fillText`,
 * the map and the timeline as pictures of what is on screen. Runs under the page's CSP (only
 * `blob:` images, no markup parsed) and asks nothing of any host.
 */
import type { Palette } from '../ui/marks';
import { PNG_SCALE, containBox, pngLayout, type Box, type PngContent } from './png-layout';
import type { Picture } from './svg-image';

export interface PngPictures {
  map: Picture | null;
  timeline: Picture | null;
}

export async function renderPng(content: PngContent, pictures: PngPictures, palette: Palette): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const measure = (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layout = pngLayout(content, measure);
  canvas.width = layout.width * PNG_SCALE;
  canvas.height = layout.height * PNG_SCALE;
  ctx.scale(PNG_SCALE, PNG_SCALE);
  ctx.fillStyle = palette.paper;
  ctx.fillRect(0, 0, layout.width, layout.height);

  ctx.fillStyle = palette.water;
  ctx.fillRect(layout.map.x, layout.map.y, layout.map.width, layout.map.height);
  if (pictures.map) draw(ctx, pictures.map, layout.map);
  if (pictures.timeline) draw(ctx, pictures.timeline, layout.timeline);
  ctx.strokeStyle = palette.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(layout.map.x + 0.5, layout.map.y + 0.5, layout.map.width - 1, layout.map.height - 1);

  ctx.textBaseline = 'top';
  for (const text of layout.texts) {
    ctx.font = text.font;
    ctx.fillStyle = palette[text.ink];
    ctx.textAlign = text.align;
    text.lines.forEach((line, i) => ctx.fillText(line, text.x, text.y + i * text.lineHeight));
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))), 'image/png'));
}

function draw(ctx: CanvasRenderingContext2D, picture: Picture, box: Box): void {
  const at = containBox(picture.width, picture.height, box);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(picture.image, at.x, at.y, at.width, at.height);
}
