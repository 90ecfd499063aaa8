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

/** Longest wait for the map to settle and draw a frame; a map that never does is left out. */
const FRAME_TIMEOUT_MS = 8000;

/** The map as drawn now, or null when it is hidden (the table is shown) or cannot draw. */
export async function mapPicture(view: MapView): Promise<Picture | null> {
  const map = view.mapLibre;
  if (map) return map.getCanvas().clientWidth > 0 ? webglPicture(map) : null;
  const svg = view.shadowRoot?.querySelector<SVGSVGElement>('svg.fallback');
  return svg && svg.getBoundingClientRect().width > 0 ? livePicture(svg) : null;
}

async function webglPicture(map: MapLibreMap): Promise<Picture | null> {
  const source = map.getCanvas();
  const copy = document.createElement('canvas');
  const frame = async () => {
    if (!map.loaded() || map.isMoving()) await new Promise((resolve) => map.once('idle', resolve));
    await new Promise<void>((resolve) => {
      map.once('render', () => {
        copy.width = source.width;
        copy.height = source.height;
        copy.getContext('2d')!.drawImage(source, 0, 0);
        resolve();
      });
      map.triggerRepaint();
    });
    return true;
  };
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), FRAME_TIMEOUT_MS));
  if (!(await Promise.race([frame(), timeout]))) return null;
  // The canvas has device pixels; its CSS size is what the reader sees.
  return { image: copy, width: source.clientWidth, height: source.clientHeight };
}
