/** Small statistics over repeated runs: median, min, max, and percentiles of frame times. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many runs produced a value. */
  n: number;
}

/** Median, min and max of the values that exist; null when none does. */
export function summarize(values: readonly (number | null | undefined)[]): Summary | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  return { median: percentile(xs, 50), min: xs[0]!, max: xs[xs.length - 1]!, n: xs.length };
}

/** Percentile of sorted values, by linear interpolation between closest ranks. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** Frame-to-frame intervals of a list of rAF timestamps. */
export function frameDeltas(stamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < stamps.length; i++) out.push(stamps[i]! - stamps[i - 1]!);
  return out;
}

/**
 * p50, p95 and longest rAF interval, and `over`: the share (%) of intervals longer than one
 * 60 Hz vsync (> 20 ms), i.e. frames that were late. Intervals come in whole vsyncs (16.7,
 * 33.3 ms…), so a p95 of 33.3 ms means more than 5% of frames were late.
 */
export function framePercentiles(stamps: readonly number[]): { p50: number; p95: number; max: number; over: number; frames: number } | null {
  const d = frameDeltas(stamps).sort((a, b) => a - b);
  if (d.length < 3) return null;
  return { p50: percentile(d, 50), p95: percentile(d, 95), max: d[d.length - 1]!, over: (100 * d.filter((x) => x > 20).length) / d.length, frames: d.length };
}
