import { describe, expect, it } from 'vitest';
import { MIN_REBUILD_SPACING_MS, REBUILD_SPACING, rebuildDelay } from '../../src/map/rebuild-pace';

describe('rebuildDelay', () => {
  it('rebuilds at once after a quiet spell, however costly the last rebuild was', () => {
    // The opening build of 100,000 places took 700 ms and ended 1.5 s ago; nothing changed since.
    expect(rebuildDelay(10_000, { changedAt: 8_000, builtAt: 8_500, buildCost: 700 })).toBe(0);
    expect(rebuildDelay(10_000, { changedAt: -Infinity, builtAt: -Infinity, buildCost: 0 })).toBe(0);
  });

  it('spaces the rebuilds of a stream of changes by a multiple of what one costs', () => {
    // A change every frame, the last rebuild (100 ms) ended 50 ms ago.
    expect(rebuildDelay(1_000, { changedAt: 984, builtAt: 950, buildCost: 100 })).toBe(950 + REBUILD_SPACING * 100 - 1_000);
  });

  it('spaces cheap rebuilds of a stream by a floor of its own', () => {
    expect(rebuildDelay(1_000, { changedAt: 984, builtAt: 950, buildCost: 1 })).toBe(950 + MIN_REBUILD_SPACING_MS - 1_000);
  });

  it('does not wait in a stream once the spacing has passed', () => {
    expect(rebuildDelay(2_000, { changedAt: 1_984, builtAt: 1_000, buildCost: 40 })).toBe(0);
  });
});
