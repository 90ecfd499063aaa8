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

  it('gives NaN for a day that does not exist', () => {
    expect(instantOf('2025-02-29', 'UTC')).toBeNaN();
    expect(instantOf('2024-02-29', 'UTC')).toBe(Date.UTC(2024, 1, 29));
  });
});
