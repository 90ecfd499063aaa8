/**
 * A live SVG of the page (the timeline, the SVG map) as an image to draw on a canvas. Its look
 * comes from the stylesheets of its shadow root, which an image does not see, so each element's
 * computed paint and type are written onto a copy as presentation attributes, hidden elements
 * are left out, and the copy is loaded from a `blob:` URL: allowed by `img-src blob:`, and no
 * markup is ever parsed into the page.
 */

/** What an SVG element's look depends on, here; inherited values are written on every element. */
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/**
 * The SVG as standalone markup, with its computed look inlined; `width` × `height` CSS px of its
 * top left (a height less than the SVG's crops its bottom off).
 */
export function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll<SVGElement>('*')];
  const copies = [copy, ...copy.querySelectorAll<SVGElement>('*')];
  const hidden: Element[] = [];
  live.forEach((el, i) => {
    const target = copies[i]!;
    const style = getComputedStyle(el);
    if (style.display === 'none') return hidden.push(target);
    for (const name of PAINT) {
      const value = style.getPropertyValue(name);
      if (value) target.setAttribute(name, value);
    }
  });
  for (const el of hidden) el.remove();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  for (const name of ['class', 'tabindex', 'role', 'aria-label', 'aria-activedescendant']) copy.removeAttribute(name);
  return new XMLSerializer().serializeToString(copy);
}

export interface Picture {
  image: CanvasImageSource;
  width: number;
  height: number;
}

/** Loads markup of an SVG as an image, through a `blob:` URL that is released once decoded. */
export async function svgPicture(markup: string, width: number, height: number): Promise<Picture> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    return { image, width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The SVG element as drawn now, as an image of its on-screen size, or of its part above `cropAt` (CSS px from its top). */
export function livePicture(svg: SVGSVGElement, cropAt?: number): Promise<Picture> {
  const { width, height: full } = svg.getBoundingClientRect();
  const height = cropAt !== undefined && cropAt > 0 ? Math.min(full, cropAt) : full;
  return svgPicture(standaloneSvg(svg, width, height), width, height);
}
