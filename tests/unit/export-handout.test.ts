import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { compactNumbers, crowdedGroup, handoutEntries, handoutMaps, handoutTimeline, numberLines, placeLabels } from '../../src/export/handout';
import { buildBasemap } from '../../src/map/basemap';
import type { Dataset } from '../../src/model/dataset';
import { ALL_FILTERS, visibleSummary } from '../../src/model/select';
import { validateJson } from '../../src/model/validate';

const basemap = buildBasemap(JSON.parse(readFileSync(new URL('../../node_modules/world-atlas/countries-110m.json', import.meta.url), 'utf8')) as Topology);

function project(): Dataset {
  const result = validateJson(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('data/events.json is invalid');
  return result.dataset;
}

const WINDOW = [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 22)] as const;

/** "1–3, 7" back to [1, 2, 3, 7]. */
const expand = (text: string) => text.split(/,\s*/).flatMap((part) => {
  const [a, b] = part.split('–').map(Number) as [number, number | undefined];
  return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
});

describe('handoutEntries', () => {
  const d = project();
  const shown = visibleSummary(d, WINDOW, ALL_FILTERS).events;

  it('numbers the events from 1 in time order', () => {
    const { entries } = handoutEntries(shown, null);
    expect(entries.map((e) => e.event)).toEqual(shown);
    expect(entries.map((e) => e.number)).toEqual(shown.map((_, i) => i + 1));
  });

  it('puts the selected event first, once, even when it lies outside the window', () => {
    const inside = shown[5]!;
    expect(handoutEntries(shown, inside).entries.map((e) => e.event)).toEqual([inside, ...shown.filter((e) => e !== inside)]);
    const outside = d.events.find((e) => !shown.includes(e))!;
    const { entries } = handoutEntries(shown, outside);
    expect(entries[0]!.event).toBe(outside);
    expect(entries).toHaveLength(shown.length + 1);
  });

  it('stops at the limit and says how many were left out', () => {
    expect(handoutEntries(shown, null, 10)).toMatchObject({ omitted: shown.length - 10 });
  });
});

describe('compactNumbers', () => {
  it('writes runs of three or more as ranges', () => {
    expect(compactNumbers([7, 1, 2, 3, 9, 10])).toBe('1–3, 7, 9, 10');
    expect(compactNumbers([4])).toBe('4');
  });

  it('breaks long lists into short lines at commas', () => {
    const lines = numberLines(compactNumbers([1, 3, 5, 7, 9, 11, 13, 15, 17]));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(16);
    expect(expand(lines.join(', '))).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17]);
  });
});

describe('handoutMaps', () => {
  const d = project();
  const { entries } = handoutEntries(visibleSummary(d, WINDOW, ALL_FILTERS).events, null);
  const size = { width: 700, height: 400, detailHeight: 360 };
  const { overview, detail } = handoutMaps(d, entries, { coarse: basemap, fine: null }, size, 'en');
  const labelled = (map: NonNullable<typeof detail>) => map.places.filter((p) => p.box);

  it('labels every place of the entries once, on the overview or the detail map, with exactly its entries\' numbers', () => {
    const placed = entries.filter((e) => e.event.place || e.event.sites?.some((s) => s.place));
    const labels = [...labelled(overview), ...(detail ? labelled(detail) : [])];
    expect(new Set(labels.flatMap((p) => expand(p.lines.join(', '))))).toEqual(new Set(placed.map((e) => e.number)));
    expect(new Set(labels.map((p) => p.place)).size).toBe(labels.length);
    for (const p of labels) expect(expand(p.lines.join(', '))).toEqual(p.numbers);
  });

  it('draws Ukraine, crowded beside Alaska and Washington, on a detail map framed on the overview', () => {
    expect(detail).not.toBeNull();
    expect(detail!.places.map((p) => p.place)).toContain('kharkiv');
    expect(overview.places.find((p) => p.place === 'kharkiv')!.box).toBeNull();
    expect(overview.places.find((p) => p.place === 'white-house')!.box).not.toBeNull();
    const f = overview.frame!;
    for (const p of overview.places.filter((q) => !q.box)) {
      expect(p.x).toBeGreaterThanOrEqual(f.x);
      expect(p.x).toBeLessThanOrEqual(f.x + f.width);
    }
  });

  it('needs no detail map when the places are few or far apart', () => {
    const alaska = entries.filter((e) => e.event.place === 'jber-anchorage' || e.event.place === 'white-house');
    expect(handoutMaps(d, alaska, { coarse: basemap, fine: null }, size, 'en').detail).toBeNull();
  });

  it('fits the places into the frame', () => {
    for (const map of [overview, detail!]) {
      for (const p of map.places) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(700);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(map.height);
      }
      expect(map.land.length).toBeGreaterThan(1000);
    }
  });
});

describe('crowdedGroup', () => {
  it('finds the largest chain of nearby points, and none below four', () => {
    const near = [0, 1, 2, 3].map((i) => ({ x: 100 + i * 20, y: 100 }));
    expect(crowdedGroup([{ x: 0, y: 0 }, ...near, { x: 400, y: 300 }])).toEqual([1, 2, 3, 4]);
    expect(crowdedGroup(near.slice(0, 3))).toBeNull();
  });
});

describe('placeLabels', () => {
  it('moves a label to another side rather than over its neighbour', () => {
    const [a, b] = placeLabels(
      [
        { x: 100, y: 100, lines: ['1, 2'] },
        { x: 140, y: 100, lines: ['3'] },
      ],
      400,
      300,
    );
    const clear = a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x || a!.y + a!.height <= b!.y || b!.y + b!.height <= a!.y;
    expect(clear).toBe(true);
  });

  it('keeps a label inside the frame at its edge', () => {
    const [box] = placeLabels([{ x: 395, y: 150, lines: ['12, 13'] }], 400, 300);
    expect(box!.x + box!.width).toBeLessThanOrEqual(400);
  });
});

describe('handoutTimeline', () => {
  const d = project();
  const { entries } = handoutEntries(visibleSummary(d, WINDOW, ALL_FILTERS).events, null);
  const timeline = handoutTimeline(d, entries, WINDOW, 700);

  it('draws one mark per entry, with its number, in the lane of its kind', () => {
    expect(timeline.marks.map((m) => m.number).sort((a, b) => a - b)).toEqual(entries.map((e) => e.number));
    expect(timeline.lanes.map((l) => l.id)).toEqual(['diplomacy', 'attacks']);
    for (const m of timeline.marks) {
      const lane = timeline.lanes.find((l) => l.id === entries[m.number - 1]!.event.lane)!;
      expect(m.y).toBeGreaterThan(lane.y);
      expect(m.y).toBeLessThan(lane.y + lane.height);
    }
  });

  it('keeps numbers in one row apart, so none hides another', () => {
    const rows = new Map<number, number[]>();
    for (const m of timeline.marks) rows.set(m.y, [...(rows.get(m.y) ?? []), m.x]);
    for (const xs of rows.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(18);
    }
  });

  it('puts marks in time order from left to right within the window', () => {
    for (const m of timeline.marks) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(700);
    }
    const first = timeline.marks.find((m) => m.number === 1)!;
    const last = timeline.marks.find((m) => m.number === entries.length)!;
    expect(first.x).toBeLessThan(last.x);
  });
});
