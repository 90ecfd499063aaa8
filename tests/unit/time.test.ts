import { describe, expect, it } from 'vitest';
import { eventSpan, instantOf, localMidnight, zoneOffsetMs } from '../../src/model/time';

const HOUR = 3_600_000;

describe('time', () => {
  it('knows summer offsets of the zones in the story', () => {
    const t = Date.UTC(2025, 7, 15, 20);
    expect(zoneOffsetMs(t, 'America/Anchorage')).toBe(-8 * HOUR);
    expect(zoneOffsetMs(t, 'Europe/Kyiv')).toBe(3 * HOUR);
    expect(zoneOffsetMs(t, 'America/New_York')).toBe(-4 * HOUR);
  });

  it('places a bare date at local midnight of its own zone', () => {
    expect(localMidnight('2025-08-18', 'Europe/Kyiv')).toBe(Date.UTC(2025, 7, 17, 21));
    expect(localMidnight('2025-08-15', 'America/Anchorage')).toBe(Date.UTC(2025, 7, 15, 8));
  });

  it('spans a bare date over its whole local day, across a DST change', () => {
    expect(eventSpan('2025-08-18', undefined, 'Europe/Kyiv')).toEqual({ startMs: Date.UTC(2025, 7, 17, 21), endMs: Date.UTC(2025, 7, 18, 21) });
    const dstDay = eventSpan('2025-03-30', undefined, 'Europe/Kyiv');
    expect(dstDay.endMs - dstDay.startMs).toBe(23 * HOUR);
  });

  it('treats a date-time as a moment unless an end is given', () => {
    expect(eventSpan('2025-08-15T11:26-08:00', undefined, 'America/Anchorage')).toEqual({ startMs: Date.UTC(2025, 7, 15, 19, 26), endMs: Date.UTC(2025, 7, 15, 19, 26) });
    expect(eventSpan('2025-12-14', '2025-12-15', 'Europe/Berlin').endMs).toBe(Date.UTC(2025, 11, 15, 23));
  });

  it('remembers instants and spans per zone, precision and end, and stays right past its memory\'s bound', () => {
    const utc = Date.UTC(2025, 7, 15);
    expect(instantOf('2025-08-15', 'UTC')).toBe(utc);
    expect(instantOf('2025-08-15', 'Europe/Kyiv')).toBe(utc - 3 * HOUR);
    expect(instantOf('2025-08-15', 'America/Anchorage')).toBe(utc + 8 * HOUR);
    expect(instantOf('2025-08-15', 'UTC')).toBe(utc);
    expect(eventSpan('2025-08-15', undefined, 'UTC', 'day')).toEqual({ startMs: utc, endMs: utc + 24 * HOUR });
    expect(eventSpan('2025-08-15', undefined, 'UTC', 'month')).toEqual({ startMs: Date.UTC(2025, 7, 1), endMs: Date.UTC(2025, 8, 1) });
    expect(eventSpan('2025-08-15', '2025-08-17', 'UTC', 'day')).toEqual({ startMs: utc, endMs: utc + 3 * 24 * HOUR });
    // More distinct minutes than the memory keeps: it starts again rather than grow or go wrong.
    for (let m = 0; m < 60_000; m++) instantOf(`2025-08-15T${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}Z`, `Etc/GMT+${m % 12}`);
    expect(instantOf('2025-08-15T10:30Z', 'UTC')).toBe(utc + 10.5 * HOUR);
    expect(instantOf('2025-08-15', 'Europe/Kyiv')).toBe(utc - 3 * HOUR);
  });

  it('gives NaN for a day that does not exist', () => {
    expect(instantOf('2025-02-29', 'UTC')).toBeNaN();
    expect(instantOf('2024-02-29', 'UTC')).toBe(Date.UTC(2024, 1, 29));
  });
});
