/** `npm run bench`'s data shapes are what they claim to be, and each passes the validator. */
import { describe, expect, it } from 'vitest';
import { SHAPES, makeDataset } from '../../bench/harness/data';

const shape = (name: string) => SHAPES.find((s) => s.name === name)!;
const share = (values: readonly number[], pred: (v: number) => boolean) => values.filter(pred).length / values.length;

describe('benchmark data shapes', () => {
  it.each(SHAPES.map((s) => s.name))('%s validates and has placed events in its window', (name) => {
    const d = makeDataset(2_000, shape(name));
    expect(d.dataset.events).toHaveLength(2_000);
    expect(d.dataset.events.some((e) => e.place && e.startMs >= d.window[0] && e.startMs < d.window[1])).toBe(true);
  });

  it('distinct puts every event at its own place, over more than one continent', () => {
    const d = makeDataset(2_000, shape('distinct'));
    expect(new Set(d.dataset.events.map((e) => e.place)).size).toBe(2_000);
    expect(d.bbox[2] - d.bbox[0]).toBeGreaterThan(300);
  });

  it('crowded spreads events over up to 5,000 places, a few of them crowded', () => {
    const d = makeDataset(10_000, shape('crowded'));
    const counts = new Map<string, number>();
    for (const e of d.dataset.events) counts.set(e.place!, (counts.get(e.place!) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(d.dataset.places).toHaveLength(5_000);
    expect(sorted[0]).toBeGreaterThan(500);
    expect(share(sorted, (n) => n <= 2)).toBeGreaterThan(0.5);
  });

  it('long-span runs from before the Common Era to 2025 with year and month dates', () => {
    const d = makeDataset(5_000, shape('long-span'));
    const years = d.dataset.events.map((e) => new Date(e.startMs).getUTCFullYear());
    expect(Math.min(...years)).toBeLessThan(-400);
    expect(Math.max(...years)).toBeGreaterThan(2000);
    expect(share(d.dataset.events.map((e) => (e.precision === 'year' ? 1 : 0)), (v) => v === 1)).toBeGreaterThan(0.5);
  });

  it('bursts puts most events into three fortnights', () => {
    const d = makeDataset(5_000, shape('bursts'));
    const days = d.dataset.events.map((e) => Math.floor(e.startMs / 86_400_000));
    const perDay = new Map<number, number>();
    for (const day of days) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const busiest = [...perDay.values()].sort((a, b) => b - a).slice(0, 42).reduce((a, b) => a + b, 0);
    expect(busiest / days.length).toBeGreaterThan(0.75);
  });
});
