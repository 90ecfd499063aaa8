import { scaleUtc } from 'd3';
import { describe, expect, it } from 'vitest';
import type { ChronoEvent } from '../../src/model/dataset';
import { validateValue } from '../../src/model/validate';
import { anchorTime, layoutLane, type GroupItem, type MarkItem } from '../../src/timeline/layout';
import { dataset, event } from '../fixtures/datasets';

function events(...starts: string[]): ChronoEvent[] {
  const result = validateValue(dataset({ events: starts.map((start, i) => event({ id: `e${i}`, start, precision: start.length > 10 ? 'exact' : 'day' })) }));
  if (!result.ok) throw new Error('fixture invalid');
  return result.dataset.events;
}

const options = { markWidth: 20, rows: 3, binWidth: 28 };
const week = scaleUtc().domain([Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 21)]).range([0, 700]);

describe('layoutLane', () => {
  it('stacks events of the same day in rows instead of overlapping them', () => {
    const items = layoutLane(events('2025-08-18', '2025-08-18', '2025-08-18'), week, 86_400_000, options) as MarkItem[];
    expect(items.map((i) => i.row)).toEqual([0, 1, 2]);
    expect(new Set(items.map((i) => Math.round(i.x))).size).toBe(1);
  });

  it('groups what does not fit the rows, with a count', () => {
    const items = layoutLane(events('2025-08-18', '2025-08-18', '2025-08-18', '2025-08-18', '2025-08-18'), week, 86_400_000, options);
    expect(items.filter((i) => i.type === 'event')).toHaveLength(3);
    expect(items.filter((i): i is GroupItem => i.type === 'group').map((g) => g.count)).toEqual([2]);
  });

  it('draws at most maxMarks marks, the rest counted in groups', () => {
    const items = layoutLane(events('2025-08-15', '2025-08-16', '2025-08-17', '2025-08-18', '2025-08-19'), week, 86_400_000, { ...options, maxMarks: 2 });
    expect(items.filter((i) => i.type === 'event')).toHaveLength(2);
    expect(items.filter((i): i is GroupItem => i.type === 'group').reduce((n, g) => n + g.count, 0)).toBe(3);
  });

  it('keeps events of different days in the first row when they do not touch', () => {
    const items = layoutLane(events('2025-08-15', '2025-08-16', '2025-08-17'), week, 86_400_000, options) as MarkItem[];
    expect(items.map((i) => i.row)).toEqual([0, 0, 0]);
  });

  it('places an exact time at its instant and a bare day at the middle of that local day', () => {
    const [exact, day] = events('2025-08-18T05:00+03:00', '2025-08-19');
    expect(anchorTime(exact!)).toBe(Date.UTC(2025, 7, 18, 2));
    expect(anchorTime(day!)).toBe(Date.UTC(2025, 7, 19, 9));
  });

  it('gives the top row to the more important of events on the same day, and groups the rest', () => {
    const same = events('2025-08-18', '2025-08-18', '2025-08-18', '2025-08-18');
    const key = same[2]!;
    const items = layoutLane(same, week, 86_400_000, { ...options, compare: (a, b) => Number(b === key) - Number(a === key) });
    expect((items[0] as MarkItem).event).toBe(key);
    expect((items[0] as MarkItem).row).toBe(0);
  });

  it('spans a "+N" group over its events\' whole time, so zooming to it shows them', () => {
    const items = layoutLane(events('2025-08-18', '2025-08-18', '2025-08-18', '2025-08-18'), week, 86_400_000, options);
    const group = items.find((i): i is GroupItem => i.type === 'group')!;
    expect(group.count).toBe(1);
    expect(group.to - group.from).toBeGreaterThanOrEqual(86_400_000 - 3_600_000);
  });

  it('leaves out events outside the view', () => {
    expect(layoutLane(events('2025-07-01', '2025-08-18', '2025-09-01'), week, 86_400_000, options)).toHaveLength(1);
  });

  it('draws a histogram of counts when a lane holds far more events than it has room for', () => {
    const many = events(...Array.from({ length: 400 }, (_, i) => `2025-08-${15 + (i % 6)}`));
    const items = layoutLane(many, week, 86_400_000, options);
    expect(items.every((i) => i.type === 'group' && i.mode === 'bin')).toBe(true);
    expect(items.reduce((n, i) => n + (i as GroupItem).count, 0)).toBe(400);
    expect(items.length).toBeLessThanOrEqual(Math.ceil(700 / 28));
  });
});
