import { describe, expect, it } from 'vitest';
import { boundsContain, boundsOf, mercatorScaleForZoom, normalizeLongitude, zoomForMercatorScale } from '../../src/map/fit';

const ANCHORAGE = [-149.9, 61.2] as const;
const MOSCOW = [37.62, 55.75] as const;
const WASHINGTON = [-77.04, 38.9] as const;
const KYIV = [30.52, 50.45] as const;

describe('boundsOf', () => {
  it('is null without points', () => {
    expect(boundsOf([])).toBeNull();
  });

  it('is a point for one point', () => {
    expect(boundsOf([KYIV])).toEqual([30.52, 50.45, 30.52, 50.45]);
  });

  it('goes the short way round: Moscow and Anchorage across the Pacific', () => {
    const [west, south, east, north] = boundsOf([ANCHORAGE, MOSCOW])!;
    expect(west).toBeCloseTo(37.62);
    expect(east).toBeCloseTo(-149.9 + 360);
    expect([south, north]).toEqual([55.75, 61.2]);
  });

  it('stays on this side of the antimeridian when that is shorter', () => {
    const [west, , east] = boundsOf([ANCHORAGE, WASHINGTON, KYIV, MOSCOW])!;
    expect(west).toBeCloseTo(-149.9);
    expect(east).toBeCloseTo(37.62);
  });
});

describe('boundsContain', () => {
  it('finds a point in whichever copy of the world the box is in', () => {
    const pacific = boundsOf([ANCHORAGE, MOSCOW])!;
    expect(boundsContain(pacific, [160, 58])).toBe(true);
    expect(boundsContain(pacific, [-170, 58])).toBe(true);
    expect(boundsContain(pacific, [0, 58])).toBe(false);
    expect(boundsContain([-400, 40, -320, 60], KYIV)).toBe(true);
  });

  it('checks latitude too', () => {
    expect(boundsContain([20, 40, 40, 50], KYIV)).toBe(false);
  });
});

describe('normalizeLongitude and mercatorScaleForZoom', () => {
  it('wraps longitudes into [-180, 180)', () => {
    expect([normalizeLongitude(190), normalizeLongitude(-190), normalizeLongitude(180), normalizeLongitude(30)]).toEqual([-170, 170, -180, 30]);
  });

  it('matches MapLibre’s 512 px world at zoom 0', () => {
    expect(2 * Math.PI * mercatorScaleForZoom(0)).toBeCloseTo(512);
    expect(mercatorScaleForZoom(7) / mercatorScaleForZoom(6)).toBeCloseTo(2);
    for (const zoom of [0, 2.5, 7]) expect(zoomForMercatorScale(mercatorScaleForZoom(zoom))).toBeCloseTo(zoom);
  });
});
