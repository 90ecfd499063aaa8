import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../../src/model/categories';
import { drawIcon, drawRing, iconUrl } from '../../src/map/icons';
import { PALETTES } from '../../src/ui/marks';

const paper = PALETTES.light;
const [attack, diplomacy] = [DEFAULT_KINDS[0]!, DEFAULT_KINDS[1]!];

function same(a: ImageData, b: ImageData): boolean {
  return a.width === b.width && a.height === b.height && a.data.every((v, i) => v === b.data[i]);
}

/** Opaque pixels: how much of the box a picture covers. */
function covered(image: ImageData): number {
  let n = 0;
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i]! > 0) n++;
  return n;
}

// The map's icons and cluster rings are drawn one after another on one kept canvas; each must come
// out as if it were drawn alone, whatever was drawn before it.
describe('map icons and rings', () => {
  it('draws a solid mark the same after a dashed, struck-through mark and a ring as before them', () => {
    const first = drawIcon(attack, 'solid', paper, false, 2);
    drawIcon(diplomacy, 'dashed', paper, false, 2);
    drawIcon(attack, 'crossed', paper, false, 3);
    drawRing(DEFAULT_KINDS, [6, 6], paper, false, 2);
    const again = drawIcon(attack, 'solid', paper, false, 2);
    expect(covered(first)).toBeGreaterThan(100);
    expect(same(first, again)).toBe(true);
  });

  it('leaves nothing of the picture before: a dotted mark is the same after a solid mark as after a ring', () => {
    const solid = drawIcon(diplomacy, 'solid', paper, false, 2);
    const afterSolid = drawIcon(diplomacy, 'dotted', paper, false, 2);
    drawRing(DEFAULT_KINDS, [12], paper, false, 2);
    const afterRing = drawIcon(diplomacy, 'dotted', paper, false, 2);
    expect(same(afterSolid, solid)).toBe(false);
    expect(same(afterSolid, afterRing)).toBe(true);
  });

  it('draws each ring at its own size and the same every time', () => {
    const ring = drawRing(DEFAULT_KINDS, [3, 9], paper, false, 2);
    drawIcon(attack, 'solid', paper, false, 2);
    const other = drawRing(DEFAULT_KINDS, [9, 3], paper, false, 2);
    expect(ring.width).toBe(92);
    expect(same(ring, other)).toBe(false);
    expect(same(ring, drawRing(DEFAULT_KINDS, [3, 9], paper, false, 2))).toBe(true);
  });

  it('gives an <img> the same mark as a PNG', async () => {
    const url = iconUrl(attack, 'solid', paper, false, 2);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(img, 0, 0);
    expect(img.width).toBe(48);
    expect(covered(ctx.getImageData(0, 0, 48, 48))).toBe(covered(drawIcon(attack, 'solid', paper, false, 2)));
  });
});
