/**
 * Which part of the world to show. Longitudes are taken round the circle: the smallest span
 * holding every point may cross the antimeridian (Anchorage and Moscow are closer over the
 * Pacific than over the Atlantic), in which case `east` is above 180.
 */

/** [west, south, east, north] in degrees; `west` in [-180, 180), `east` >= `west`, up to west + 360. */
export type Bounds = readonly [west: number, south: number, east: number, north: number];

export type LonLat = readonly [lon: number, lat: number];

/** A box in px on the screen: left, top, right, bottom. */
export type Box = readonly [number, number, number, number];

/** The view is never fitted closer than this MapLibre zoom, so one city still shows its region. */
export const FIT_MAX_ZOOM = 7;
export const FIT_PADDING = 40;

/** Space a fit leaves free at each side, in px (more where controls sit over the map). */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The fit padding for a map of this size: FIT_PADDING, less in a small map so the points still get most of it. */
export function fitPadding(width: number, height: number): Padding {
  const pad = Math.max(0, Math.min(FIT_PADDING, width / 4, height / 4));
  return { top: pad, right: pad, bottom: pad, left: pad };
}

/** A longitude in [-180, 180). */
export function normalizeLongitude(lon: number): number {
  return lon >= -180 && lon < 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** The smallest box holding every point, or null when there are none. */
export function boundsOf(points: Iterable<LonLat>): Bounds | null {
  const lons: number[] = [];
  let south = Infinity;
  let north = -Infinity;
  for (const [lon, lat] of points) {
    lons.push(normalizeLongitude(lon));
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  if (lons.length === 0) return null;
  lons.sort((a, b) => a - b);
  // The span is the circle minus its widest empty gap; the gap across ±180 is the first candidate.
  let west = lons[0]!;
  let east = lons[lons.length - 1]!;
  let gap = west + 360 - east;
  for (let i = 1; i < lons.length; i++) {
    const g = lons[i]! - lons[i - 1]!;
    if (g > gap) {
      gap = g;
      west = lons[i]!;
      east = lons[i - 1]! + 360;
    }
  }
  return [west, south, east, north];
}

/** True when the point lies in the box, whichever copy of the world the box's longitudes are in. */
export function boundsContain([west, south, east, north]: Bounds, [lon, lat]: LonLat): boolean {
  if (lat < south || lat > north) return false;
  for (const shift of [-720, -360, 0, 360, 720]) {
    const x = lon + shift;
    if (x >= west && x <= east) return true;
  }
  return false;
}

/** MapLibre's world is 512 px wide at zoom 0; d3's Mercator is 2π × scale wide. */
export function mercatorScaleForZoom(zoom: number): number {
  return (512 * 2 ** zoom) / (2 * Math.PI);
}

/** The MapLibre zoom a d3 Mercator scale corresponds to. */
export function zoomForMercatorScale(scale: number): number {
  return Math.log2((scale * 2 * Math.PI) / 512);
}
