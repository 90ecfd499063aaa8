/**
 * Where each timeline mark goes, as pure math: given the events of one lane (time-sorted) and
 * the current x scale, returns marks stacked in rows so that same-day events never hide each
 * other, and groups with a count where even the rows run out. When a lane holds far more events
 * than it has room for, it is drawn as a histogram of counts instead, found by binary search,
 * so a frame costs the number of bins, not the number of events.
 */
import type { ChronoEvent } from '../model/dataset';
import { lowerBound } from '../model/select';
import { isDateOnly } from '../model/time';

export interface XScale {
  (t: number): number;
  invert(px: number): Date | number;
  domain(): (Date | number)[];
  range(): number[];
}

export interface MarkItem {
  type: 'event';
  event: ChronoEvent;
  /** Anchor of the mark, in px. */
  x: number;
  /** Span of the event's time (a day, or start to end), in px. */
  x0: number;
  x1: number;
  row: number;
}

export interface GroupItem {
  type: 'group';
  x0: number;
  x1: number;
  from: number;
  to: number;
  count: number;
  /** `overflow`: events that did not fit the rows; `bin`: a histogram bar. */
  mode: 'overflow' | 'bin';
}

export type LaneItem = MarkItem | GroupItem;

export interface LaneLayoutOptions {
  /** Width a mark needs, in px, including its gap. */
  markWidth: number;
  rows: number;
  /** Width of a histogram bar and of an overflow group, in px. */
  binWidth: number;
  /**
   * Order of events drawn at the same moment (the same day, say): the more important takes the
   * top row, and the less important go into the "+N" group when the rows run out.
   */
  compare?: (a: ChronoEvent, b: ChronoEvent) => number;
}

const DAY = 86_400_000;

/**
 * The instant a mark stands for: its time, or the middle of its first day when only the day
 * (or month, or year) is known; for a date known to within a week, the date itself, the middle
 * of its span.
 */
export function anchorTime(e: ChronoEvent): number {
  if (e.precision === 'week') return (e.startMs + e.endMs) / 2;
  return isDateOnly(e.start) ? (e.startMs + Math.min(e.endMs, e.startMs + DAY)) / 2 : e.startMs;
}

export function layoutLane(events: readonly ChronoEvent[], x: XScale, longestSpan: number, options: LaneLayoutOptions): LaneItem[] {
  const [d0, d1] = x.domain().map(Number) as [number, number];
  const [r0, r1] = x.range() as [number, number];
  const first = lowerBound(events, d0 - longestSpan - DAY);
  const last = lowerBound(events, d1 + 1);
  const capacity = ((r1 - r0) / options.markWidth) * options.rows;
  if (last - first > capacity * 2) return histogram(events, x, options.binWidth, r0, r1);

  const items: LaneItem[] = [];
  const rowEnds = new Array<number>(options.rows).fill(-Infinity);
  let group: GroupItem | null = null;
  const half = options.markWidth / 2;
  const slice = events.slice(first, last);
  const { compare } = options;
  if (compare) slice.sort((a, b) => anchorTime(a) - anchorTime(b) || compare(a, b));
  for (const e of slice) {
    if (e.endMs < d0) continue;
    const px = x(anchorTime(e));
    if (px < r0 - half || px > r1 + half) continue;
    const row = rowEnds.findIndex((end) => end <= px - half);
    if (row >= 0) {
      rowEnds[row] = px + half;
      items.push({ type: 'event', event: e, x: px, x0: x(e.startMs), x1: x(e.endMs), row });
      continue;
    }
    // A group spans its events' whole time, so zooming to it shows them all.
    if (group && px - group.x0 <= options.binWidth) {
      group.count++;
      group.x1 = Math.max(group.x1, px);
      group.from = Math.min(group.from, e.startMs);
      group.to = Math.max(group.to, e.endMs);
    } else {
      group = { type: 'group', x0: px, x1: px, from: e.startMs, to: e.endMs, count: 1, mode: 'overflow' };
      items.push(group);
    }
  }
  return items;
}

function histogram(events: readonly ChronoEvent[], x: XScale, binWidth: number, r0: number, r1: number): GroupItem[] {
  const bins: GroupItem[] = [];
  for (let px = r0; px < r1; px += binWidth) {
    const from = Number(x.invert(px));
    const to = Number(x.invert(Math.min(px + binWidth, r1)));
    const count = lowerBound(events, to) - lowerBound(events, from);
    if (count > 0) bins.push({ type: 'group', x0: px, x1: Math.min(px + binWidth, r1), from, to, count, mode: 'bin' });
  }
  return bins;
}
