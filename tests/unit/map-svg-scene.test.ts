import { describe, expect, it } from 'vitest';
import { FIT_MAX_ZOOM, boundsOf, mercatorScaleForZoom, type Box } from '../../src/map/fit';
import { cameraBounds, cameraForBounds, fallbackProjection, layoutLabels, projectionFor } from '../../src/map/svg-scene';

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

describe('cameraForBounds and cameraBounds', () => {
  it('shows what it was fitted to, and a zoom level closer shows half as much', () => {
    const camera = cameraForBounds([30, 49, 37, 51], 600, 400);
    const [west, south, east, north] = cameraBounds(camera, 600, 400);
    expect(west).toBeLessThan(30);
    expect(east).toBeGreaterThan(37);
    expect(south).toBeLessThan(49);
    expect(north).toBeGreaterThan(51);
    const closer = cameraBounds({ ...camera, zoom: camera.zoom + 1 }, 600, 400);
    expect(closer[2] - closer[0]).toBeCloseTo((east - west) / 2);
  });

  it('projects the camera’s centre to the middle of the map', () => {
    const p = projectionFor({ center: [-150, 61], zoom: 5 }, 500, 300);
    const [x, y] = p([-150, 61])!;
    expect(x).toBeCloseTo(250);
    expect(y).toBeCloseTo(150);
  });
});

describe('layoutLabels', () => {
  const measure = (t: string) => t.length * 7;
  const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

  it('drops a label that would overlap a busier one, and keeps every label wholly inside the map', () => {
    const labels = layoutLabels(
      [
        { place: 'a', x: 100, y: 100, text: 'Kharkiv · 4', count: 4 },
        { place: 'b', x: 150, y: 102, text: 'Chuhuiv', count: 1 },
        { place: 'c', x: 590, y: 300, text: 'Edge town', count: 1 },
      ],
      { width: 600, height: 400, measure },
    );
    expect(labels.map((l) => l.place).sort()).toEqual(['a', 'b', 'c']);
    const [a, b] = [labels.find((l) => l.place === 'a')!, labels.find((l) => l.place === 'b')!];
    expect(overlap(a.box, b.box)).toBe(false);
    expect(labels.find((l) => l.place === 'c')!.anchor).toBe('end');
    for (const l of labels) expect(l.box[0] >= 0 && l.box[2] <= 600 && l.box[1] >= 0 && l.box[3] <= 400).toBe(true);
  });

  it('never cuts a name short: one that fits beside its mark nowhere is left out', () => {
    const long = 'Joint Base Elmendorf-Richardson, Anchorage · 2';
    expect(layoutLabels([{ place: 'a', x: 150, y: 100, text: long, count: 2 }], { width: 300, height: 200, measure })).toEqual([]);
    const [above] = layoutLabels([{ place: 'a', x: 300, y: 100, text: long, count: 2 }], { width: 600, height: 200, measure, obstacles: [[310, 92, 600, 108]] });
    expect(above?.anchor).toBe('middle');
  });

  it('labels the kept place first, and covers no control', () => {
    const controls: Box = [0, 0, 250, 50];
    const labels = layoutLabels(
      [
        { place: 'busy', x: 60, y: 60, text: 'Busy', count: 40 },
        { place: 'selected', x: 60, y: 70, text: 'Selected', count: 1, keep: true },
        { place: 'under', x: 30, y: 30, text: 'Under', count: 9 },
      ],
      { width: 400, height: 300, measure, obstacles: [controls] },
    );
    expect(labels[0]!.place).toBe('selected');
    for (const l of labels) expect(overlap(l.box, controls)).toBe(false);
    expect(labels.map((l) => l.place)).not.toContain('under');
  });

  it('prefers a side clear of other marks, and stops at the limit', () => {
    const [label] = layoutLabels([{ place: 'a', x: 100, y: 100, text: 'Town', count: 1 }], { width: 400, height: 300, measure, avoid: [[115, 90, 140, 110]] });
    expect(label!.anchor).toBe('end');
    const many = Array.from({ length: 40 }, (_, i) => ({ place: `p${i}`, x: 50 + (i % 4) * 90, y: 20 + Math.floor(i / 4) * 28, text: 'Village', count: i }));
    expect(layoutLabels(many, { width: 400, height: 300, measure, limit: 5 })).toHaveLength(5);
  });
});
