import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset';
import type { FixtureEvent } from '../fixtures/datasets';
import { ALL_FILTERS } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { placeMarkers, tallyPlaces } from '../../src/map/features';
import { FIT_MAX_ZOOM, boundsOf, mercatorScaleForZoom } from '../../src/map/fit';
import { fallbackProjection, layoutLabels, svgMarkers } from '../../src/map/svg-scene';
import { dataset, event, place } from '../fixtures/datasets';

const WINDOW = [Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)] as const;

function data(events: FixtureEvent[]): Dataset {
  const result = validateValue(
    dataset({
      places: [place({ id: 'kyiv' }), place({ id: 'kharkiv', name: 'Kharkiv', lat: 49.9925, lon: 36.2311 }), place({ id: 'anchorage', name: 'Anchorage', lat: 61.2, lon: -149.9 })],
      events,
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

describe('fallbackProjection', () => {
  it('fits the box inside the padding', () => {
    const p = fallbackProjection([30, 49, 37, 51], 600, 400);
    const [x0, y0] = p([30, 51])!;
    const [x1, y1] = p([37, 49])!;
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(39.9);
    expect(x1).toBeLessThanOrEqual(560.1);
    expect(y1).toBeLessThanOrEqual(360.1);
    expect(Math.max(x1 - x0 - 520, y1 - y0 - 320)).toBeCloseTo(0);
  });

  it('never zooms closer than the WebGL map would, and centres a single place', () => {
    const p = fallbackProjection([30.52, 50.45, 30.52, 50.45], 600, 400);
    expect(p.scale()).toBeCloseTo(mercatorScaleForZoom(FIT_MAX_ZOOM));
    const [x, y] = p([30.52, 50.45])!;
    expect(x).toBeCloseTo(300);
    expect(y).toBeCloseTo(200);
  });

  it('keeps a box across the antimeridian whole', () => {
    const box = boundsOf([[-149.9, 61.2], [158.65, 53]])!;
    const p = fallbackProjection(box, 600, 400);
    const [xa] = p([-149.9, 61.2])!;
    const [xk] = p([158.65, 53])!;
    expect(xk).toBeLessThan(xa);
    expect(xa - xk).toBeGreaterThan(400);
  });
});

describe('svgMarkers', () => {
  it('puts each marker at its place, in the same order, and drops none inside the world', () => {
    const d = data([event({ id: 'b', start: '2025-08-19' }), event({ id: 'a', start: '2025-08-18', place: 'kharkiv' }), event({ id: 'c', start: '2025-08-20', place: 'anchorage' })]);
    const projection = fallbackProjection(null, 600, 400);
    const markers = svgMarkers(d, placeMarkers(tallyPlaces(d, WINDOW, ALL_FILTERS)), projection);
    expect(markers.map((m) => m.events.map((e) => e.id))).toEqual([['a'], ['b'], ['c']]);
    const [x, y] = projection([36.2311, 49.9925])!;
    expect([markers[0]!.x, markers[0]!.y]).toEqual([x, y]);
  });
});

describe('layoutLabels', () => {
  it('drops a label that would overlap a busier one, and keeps labels inside the map', () => {
    const labels = layoutLabels(
      [
        { place: 'a', x: 100, y: 100, text: 'Kharkiv · 4', count: 4 },
        { place: 'b', x: 150, y: 102, text: 'Chuhuiv', count: 1 },
        { place: 'c', x: 590, y: 300, text: 'Edge town', count: 1 },
      ],
      600,
      400,
    );
    expect(labels.map((l) => l.place).sort()).toEqual(['a', 'c']);
    expect(labels.find((l) => l.place === 'c')!.anchor).toBe('end');
  });

  it('keeps a name too long for either side, on the side where more of it shows', () => {
    const [label] = layoutLabels([{ place: 'a', x: 120, y: 100, text: 'Joint Base Elmendorf-Richardson, Anchorage · 2', count: 2 }], 300, 200);
    expect(label?.anchor).toBe('start');
  });
});
