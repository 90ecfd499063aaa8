import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_FILTERS } from '../../src/model/select';
import { validateJson } from '../../src/model/validate';
import { summarizePlaces, tallyPlaces } from '../../src/map/features';
import { boundsContain, type LonLat } from '../../src/map/fit';
import { edgePlacements, farParts, fitZoom, storyView, unionBounds, type StoryGroup } from '../../src/map/story-view';

const group = (lon: number, lat: number, weight = 1): StoryGroup => ({ lon, lat, bounds: [lon, lat, lon, lat], weight });
const SIZE = { width: 740, height: 460 };

describe('storyView', () => {
  it('fits Ukraine and Moscow in the story’s opening window and leaves Alaska and Washington out', () => {
    const result = validateJson(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'));
    if (!result.ok) throw new Error('data/events.json is invalid');
    const d = result.dataset;
    const places = summarizePlaces(d, tallyPlaces(d, [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 22)], ALL_FILTERS), null);
    const groups = places.map((p) => ({ ...group(p.place.lon, p.place.lat, p.events.length) }));
    // A phone, a laptop, a wide screen.
    for (const size of [{ width: 336, height: 333 }, SIZE, { width: 1100, height: 460 }]) {
      const view = storyView(groups, [], size);
      const far = view.far.map((i) => places[i]!.place.id).sort();
      expect(far).toEqual(['jber-anchorage', 'white-house']);
      for (const i of view.core) expect(boundsContain(view.bounds!, [places[i]!.place.lon, places[i]!.place.lat])).toBe(true);
      expect(view.core.map((i) => places[i]!.place.id)).toContain('moscow');
    }
  });

  it('takes in a far place that must be seen, and what that brings close', () => {
    const ukraine = [group(36.2, 50, 5), group(30.5, 50.4, 5), group(24, 49.8, 3)];
    const anchorage: LonLat = [-149.8, 61.25];
    const washington = group(-77, 38.9, 4);
    const plain = storyView([...ukraine, washington], [], SIZE);
    expect(plain.far).toEqual([3]);
    const withAlaska = storyView([...ukraine, washington], [anchorage], SIZE);
    expect(boundsContain(withAlaska.bounds!, anchorage)).toBe(true);
    expect(boundsContain(withAlaska.bounds!, [36.2, 50])).toBe(true);
    // Once the view spans Alaska to Ukraine, Washington is no longer far.
    expect(withAlaska.far).toEqual([]);
  });

  it('keeps a spread of places whole when no gap separates them', () => {
    const line = Array.from({ length: 30 }, (_, i) => group(-100 + i * 6, 40, 1));
    const view = storyView(line, [], SIZE);
    expect(view.far).toEqual([]);
  });

  it('seeds where most events are, not at the single busiest place', () => {
    const kyivArea = Array.from({ length: 8 }, (_, i) => group(30 + i * 0.3, 50, 1));
    const washington = group(-77, 38.9, 5);
    const view = storyView([...kyivArea, washington], [], SIZE);
    expect(view.far).toEqual([8]);
  });

  it('crosses the antimeridian when that is the short way', () => {
    const view = storyView([group(170, 60, 3), group(-170, 62, 3)], [], SIZE);
    expect(view.far).toEqual([]);
    expect(view.bounds![2] - view.bounds![0]).toBeCloseTo(20);
  });

  it('is empty for nothing', () => {
    expect(storyView([], [], SIZE)).toEqual({ bounds: null, core: [], far: [] });
  });
});

describe('farParts', () => {
  it('makes one part of the places round one far city, and never more parts than asked, losing none', () => {
    const groups = [group(-77, 38.9, 5), group(-76.5, 39.2, 2), group(-150, 61, 3), group(139.7, 35.7, 1), group(-46.6, -23.5, 1)];
    expect(farParts(groups, [0, 1, 2, 3, 4], 6)).toEqual([[0, 1], [2], [3], [4]]);
    const capped = farParts(groups, [0, 1, 2, 3, 4], 2);
    expect(capped).toHaveLength(2);
    expect(capped.flat().sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('fitZoom and unionBounds', () => {
  it('halves the zoom scale for a box twice as wide, and never passes the fit cap', () => {
    expect(fitZoom([20, 40, 30, 40.001], 740, 460) - fitZoom([20, 40, 40, 40.001], 740, 460)).toBeCloseTo(1);
    expect(fitZoom([30, 50, 30, 50], 740, 460)).toBe(7);
  });

  it('joins boxes the short way round', () => {
    const [west, , east] = unionBounds([170, 50, 175, 55], [-175, 50, -170, 55]);
    expect(west).toBe(170);
    expect(east).toBe(190);
  });
});

describe('edgePlacements', () => {
  const marker = (x: number, y: number) => ({ x, y, width: 120, height: 30 });

  it('puts a marker on the edge towards its place, inside the map, and none for a place in view', () => {
    const placed = edgePlacements([marker(-500, 200), marker(300, 200), marker(1400, -300)], 600, 400);
    expect(placed.map((p) => p.index)).toEqual([0, 2]);
    const [west, northEast] = placed;
    expect(west!.left).toBeCloseTo(8);
    expect(west!.direction).toBe(6);
    expect(northEast!.direction).toBe(1);
    for (const p of placed) {
      expect(p.left).toBeGreaterThanOrEqual(8);
      expect(p.top).toBeGreaterThanOrEqual(8);
      expect(p.left + 120).toBeLessThanOrEqual(592);
      expect(p.top + 30).toBeLessThanOrEqual(392);
    }
  });

  it('moves markers that would overlap apart along their edge', () => {
    const placed = edgePlacements([marker(-500, 200), marker(-500, 205), marker(-500, 195)], 600, 400, 8, 50);
    const tops = placed.map((p) => p.top).sort((a, b) => a - b);
    for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!).toBeGreaterThanOrEqual(30);
    for (const p of placed) expect(p.top).toBeGreaterThanOrEqual(50);
  });

  it('slides a marker along its edge off a mark it would cover, to the nearest clear spot', () => {
    const [alone] = edgePlacements([marker(-500, 200)], 600, 400);
    // A mark 24 px wide under the marker's lower half, near the west edge (Lviv under "← White House" on a phone).
    const mark = [40, alone!.top + 18, 64, alone!.top + 42] as const;
    const [moved] = edgePlacements([marker(-500, 200)], 600, 400, 8, 8, [mark, [300, 0, 324, 400]]);
    expect(moved!.direction).toBe(alone!.direction);
    expect(moved!.left).toBe(alone!.left);
    // Above the mark: the nearest clear spot, 2 px off it.
    expect(moved!.top).toBe(mark[1] - 30 - 2);
    expect(moved!.top + 30 <= mark[1] || moved!.top >= mark[3]).toBe(true);
  });

  it('keeps a marker where it is when marks leave its edge no room, or lie off its strip', () => {
    const [alone] = edgePlacements([marker(-500, 200)], 600, 400);
    const column = Array.from({ length: 20 }, (_, i) => [10, i * 20, 40, i * 20 + 24] as const);
    expect(edgePlacements([marker(-500, 200)], 600, 400, 8, 8, column)[0]!.top).toBe(alone!.top);
    expect(edgePlacements([marker(-500, 200)], 600, 400, 8, 8, [[200, 180, 224, 204]])[0]!.top).toBe(alone!.top);
  });

  it('does not slide a marker onto another marker', () => {
    const two = [marker(-500, 200), marker(-500, 160)];
    const before = edgePlacements(two, 600, 400);
    const lower = before.find((p) => p.index === 0)!;
    const after = edgePlacements(two, 600, 400, 8, 8, [[20, lower.top + 10, 44, lower.top + 34]]);
    const [a, b] = [after.find((p) => p.index === 0)!, after.find((p) => p.index === 1)!];
    expect(a.top + 30 <= b.top || b.top + 30 <= a.top).toBe(true);
    expect(a.top >= lower.top + 34 || a.top + 30 <= lower.top + 10).toBe(true);
  });
});
