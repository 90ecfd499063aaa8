/**
 * Playback: the time window slides through the dataset's period, so events enter on the
 * timeline and appear on the map as their time comes. Pure: the root's clock sends ticks, the
 * reducer asks here where the window goes next.
 */
import type { TimeWindow } from './select';

export const PLAY_SPEEDS = [0.5, 1, 2, 4] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

/** At speed 1 the window crosses the whole period in this long. */
export const PLAY_DURATION_MS = 20_000;
/** With reduced motion the window jumps one unit this often instead of gliding. */
export const STEP_INTERVAL_MS = 1_500;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A unit a reader counts in for a window of this length: an hour, a day, a week, a month, a year. */
export function stepUnit(windowLength: number): number {
  if (windowLength <= 2 * DAY) return HOUR;
  if (windowLength <= 45 * DAY) return DAY;
  if (windowLength <= 400 * DAY) return 7 * DAY;
  if (windowLength <= 20 * 365 * DAY) return 30 * DAY;
  return 365 * DAY;
}

/**
 * The window to start from: the current one, or its length from the period's start when it
 * already touches the end. A window as long as the period becomes a tenth of it, so it can move.
 */
export function playStart(window: TimeWindow, extent: readonly [number, number]): TimeWindow {
  const [first, last] = extent;
  const period = Math.max(last - first, HOUR);
  const length = Math.min(window[1] - window[0], period / 10 > HOUR ? period / 10 : period);
  const fits = window[1] - window[0] <= period / 2;
  if (fits && window[1] < last) return window;
  return [first, first + (fits ? window[1] - window[0] : length)];
}

/**
 * Where the window is after `elapsed` ms at `speed`, or after one step with reduced motion;
 * `done` once its end reaches the period's end (the last window ends exactly there).
 */
export function advance(window: TimeWindow, extent: readonly [number, number], speed: number, elapsed: number, stepped: boolean): { window: TimeWindow; done: boolean } {
  const [first, last] = extent;
  const length = window[1] - window[0];
  const shift = stepped ? stepUnit(length) : ((last - first) * speed * elapsed) / PLAY_DURATION_MS;
  const end = Math.min(window[1] + Math.max(shift, 0), last);
  return { window: [end - length, end], done: end >= last };
}
