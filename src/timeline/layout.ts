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
  /** At most this many event marks; the rest join the "+N" groups (the most important are kept). */
  maxMarks?: number;
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

  // The more important events take rows first, so at a crowded stretch the selected and the
  // key events are drawn and the others go into "+N" groups; without an order, time order.
  const half = options.markWidth / 2;
  const slice: { e: ChronoEvent; px: number }[] = [];
  for (let i = first; i < last; i++) {
    const e = events[i]!;
    if (e.endMs < d0) continue;
    const px = x(anchorTime(e));
    if (px >= r0 - half && px <= r1 + half) slice.push({ e, px });
  }
  const { compare } = options;
  const order = compare ? [...slice].sort((a, b) => compare(a.e, b.e)) : slice;
  const taken: number[][] = Array.from({ length: options.rows }, () => []);
  const marks: MarkItem[] = [];
  const left: { e: ChronoEvent; px: number }[] = [];
  const maxMarks = options.maxMarks ?? Infinity;
  for (const item of order) {
    const row = marks.length < maxMarks ? taken.findIndex((xs) => xs.every((other) => Math.abs(other - item.px) >= options.markWidth)) : -1;
    if (row < 0) {
      left.push(item);
      continue;
    }
    taken[row]!.push(item.px);
    marks.push({ type: 'event', event: item.e, x: item.px, x0: x(item.e.startMs), x1: x(item.e.endMs), row });
  }
  // What did not fit becomes groups with a count, each spanning its events' whole time, so
  // zooming to it shows them all.
  left.sort((a, b) => a.px - b.px || a.e.index - b.e.index);
  const groups: GroupItem[] = [];
  let group: GroupItem | null = null;
  for (const { e, px } of left) {
    if (group && px - group.x0 <= options.binWidth) {
      group.count++;
      group.x1 = Math.max(group.x1, px);
      group.from = Math.min(group.from, e.startMs);
      group.to = Math.max(group.to, e.endMs);
    } else {
      group = { type: 'group', x0: px, x1: px, from: e.startMs, to: e.endMs, count: 1, mode: 'overflow' };
      groups.push(group);
    }
  }
  marks.sort((a, b) => a.x - b.x || a.row - b.row);
  return [...marks, ...groups];
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
