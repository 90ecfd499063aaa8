/**
 * The map as drawn now, for the PNG. The WebGL map is read from its own canvas without
 * `preserveDrawingBuffer` (which would cost every frame): once the map is idle (its tiles and
 * labels drawn), a repaint is asked for and the canvas is copied inside that frame's `render`
 * event, before the browser presents and clears the buffer. The SVG fallback is serialised
 * like the timeline.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { livePicture, type Picture } from './svg-image';

/** What is read of <cm-map>: its public `mapLibre` getter and its shadow root's SVG fallback. */
export interface MapView extends HTMLElement {
  readonly mapLibre: MapLibreMap | null;
}

export async function mapPicture(view: MapView): Promise<Picture | null> {
  const map = view.mapLibre;
  if (map) return webglPicture(map);
  const svg = view.shadowRoot?.querySelector<SVGSVGElement>('svg.fallback');
  return svg ? livePicture(svg) : null;
}

async function webglPicture(map: MapLibreMap): Promise<Picture> {
  if (!map.loaded() || map.isMoving()) await new Promise((resolve) => map.once('idle', resolve));
  const source = map.getCanvas();
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  await new Promise<void>((resolve) => {
    map.once('render', () => {
      copy.getContext('2d')!.drawImage(source, 0, 0);
      resolve();
    });
    map.triggerRepaint();
  });
  // The canvas has device pixels; its CSS size is what the reader sees.
  return { image: copy, width: source.clientWidth || source.width, height: source.clientHeight || source.height };
}
