/**
 * Instants from the dataset's `start`/`end` strings. A date-time carries its own offset; a bare
 * year, month or date means the whole of it in the event's time zone (local midnight to local
 * midnight). A coarser `precision` widens the span to the week, month or year it names.
 *
 * Years are ISO 8601 astronomical years (`0000` is 1 BCE), and may lie far before the Common
 * Era; anything a JavaScript Date cannot hold comes out as NaN, which the validator reports.
 */
import type { Precision } from './schema';

export const DAY_MS = 86_400_000;

/** How much of a time a `start`/`end` string gives. */
export type Grain = 'year' | 'month' | 'day' | 'moment';

export interface WhenParts {
  year: number;
  /** 1–12; 1 when only the year is given. */
  month: number;
  /** 1–31; 1 when only the year or month is given. */
  day: number;
  grain: Grain;
}

const PARTS = /^([+-]?\d{4,6})(?:-(\d\d)(?:-(\d\d)(T.*)?)?)?$/;

/** The calendar parts of a `start`/`end` string, or null when it is not one. */
export function whenParts(value: string): WhenParts | null {
  const m = PARTS.exec(value);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: m[2] ? Number(m[2]) : 1,
    day: m[3] ? Number(m[3]) : 1,
    grain: m[4] ? 'moment' : m[3] ? 'day' : m[2] ? 'month' : 'year',
  };
}

export function grainOf(value: string): Grain {
  return whenParts(value)?.grain ?? 'moment';
}

/** The precision a string implies by itself: what `precision` defaults to. */
export function precisionOf(value: string): Precision {
  const grain = grainOf(value);
  return grain === 'moment' ? 'exact' : grain;
}

/** True for a value without a clock time (a year, a month or a day). */
export function isDateOnly(value: string): boolean {
  return grainOf(value) !== 'moment';
}

/**
 * UTC epoch milliseconds of a calendar day and time, for any year (Date.UTC reads years 0–99 as
 * 1900–1999); NaN outside what a Date can hold.
 */
export function utcMs(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hours, minutes, seconds, ms);
  return d.getTime();
}

/** The earliest and latest years a Date can hold whole. */
export const MIN_YEAR = -271_820;
export const MAX_YEAR = 275_759;

const formatters = new Map<string, Intl.DateTimeFormat>();
const midnights = new Map<string, number>();

/**
 * Results of a pure function of a few strings, looked up key by key: a file of 100,000 events
 * holds far fewer distinct dates, and building one joined key per event cost more than the
 * lookup saved. Cleared when it grows large, so memory stays bounded.
 */
class StringMemo<T> {
  private readonly root = new Map<string, unknown>();
  private size = 0;

  get(keys: readonly string[]): T | undefined {
    let node: unknown = this.root;
    for (const key of keys) {
      node = (node as Map<string, unknown>).get(key);
      if (node === undefined) return undefined;
    }
    return node as T;
  }

  set(keys: readonly string[], value: T): void {
    if (++this.size > 50_000) {
      this.root.clear();
      this.size = 1;
    }
    let node = this.root;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = node.get(keys[i]!) as Map<string, unknown> | undefined;
      if (!next) node.set(keys[i]!, (next = new Map()));
      node = next;
    }
    node.set(keys[keys.length - 1]!, value);
  }
}

const instants = new StringMemo<number>();
const spans = new StringMemo<{ startMs: number; endMs: number }>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (east positive). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC' || !Number.isFinite(ms)) return 0;
  const parts: Record<string, number> = {};
  let bce = false;
  for (const p of wallClockFormatter(timeZone).formatToParts(ms)) {
    if (p.type === 'era') bce = p.value.startsWith('B');
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = bce ? 1 - parts.year! : parts.year!;
  const wall = utcMs(year, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant of local midnight starting a calendar day in `timeZone`; NaN if no Date holds it. */
export function localMidnightOf(year: number, month: number, day: number, timeZone: string): number {
  const utc = utcMs(year, month, day);
  if (timeZone === 'UTC' || Number.isNaN(utc)) return utc;
  const key = `${timeZone}|${year}|${month}|${day}`;
  let ms = midnights.get(key);
  if (ms === undefined) {
    ms = utc - zoneOffsetMs(utc, timeZone);
    ms = utc - zoneOffsetMs(ms, timeZone);
    midnights.set(key, ms);
  }
  return ms;
}

/** The instant of local midnight starting `date` (YYYY-MM-DD) in `timeZone`. */
export function localMidnight(date: string, timeZone: string): number {
  const p = whenParts(date);
  return p ? localMidnightOf(p.year, p.month, p.day, timeZone) : NaN;
}

/** True when the parts name a day that exists (not 2025-02-30). */
function dayExists({ year, month, day }: WhenParts): boolean {
  const d = new Date(utcMs(year, month, day));
  return d.getUTCDate() === day && d.getUTCMonth() === month - 1;
}

function parseMoment(value: string): number {
  const m = /^([+-]?\d{4,6})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?(Z|([+-])(\d\d):(\d\d))$/.exec(value);
  if (!m) return NaN;
  const local = utcMs(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, m[7] ? +m[7].padEnd(3, '0') : 0);
  const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (+m[10]! * 60 + +m[11]!) * 60_000;
  return local - offset;
}

/**
 * The first instant a value names: a date-time itself, else local midnight of its first day.
 * NaN when it names no real moment (2025-02-30) or one no Date can hold.
 */
export function instantOf(value: string, timeZone: string): number {
  const keys = [timeZone, value];
  let ms = instants.get(keys);
  if (ms === undefined) {
    const p = whenParts(value);
    ms = !p || !dayExists(p) ? NaN : p.grain === 'moment' ? parseMoment(value) : localMidnightOf(p.year, p.month, p.day, timeZone);
    instants.set(keys, ms);
  }
  return ms;
}

/** The instant a value's time ends: a date-time itself, else local midnight after its last day. */
export function endInstantOf(value: string, timeZone: string): number {
  const p = whenParts(value);
  if (!p || !dayExists(p)) return NaN;
  switch (p.grain) {
    case 'moment':
      return parseMoment(value);
    case 'day':
      return localMidnightOf(p.year, p.month, p.day + 1, timeZone);
    case 'month':
      return localMidnightOf(p.year, p.month + 1, 1, timeZone);
    case 'year':
      return localMidnightOf(p.year + 1, 1, 1, timeZone);
  }
}

/**
 * The span an event covers. A year, month or day covers all of it (an `end` too); a date-time
 * is a moment unless an `end` is given. `week`, `month` and `year` precision widen the span to
 * the week around the date, or the whole month or year it falls in, so an uncertain time is
 * drawn as the stretch it could lie in.
 */
export function eventSpan(start: string, end: string | undefined, timeZone: string, precision?: Precision): { startMs: number; endMs: number } {
  // Many events share a day; a span is a pure function of four short strings.
  const keys = [timeZone, precision ?? '', end ?? '', start];
  let span = spans.get(keys);
  if (!span) {
    span = computeSpan(start, end, timeZone, precision);
    spans.set(keys, span);
  }
  return span;
}

function computeSpan(start: string, end: string | undefined, timeZone: string, precision: Precision | undefined): { startMs: number; endMs: number } {
  const first = whenParts(start);
  const last = end === undefined ? first : whenParts(end);
  if (first && last && (precision === 'year' || precision === 'month' || precision === 'week')) {
    if (precision === 'year') return { startMs: localMidnightOf(first.year, 1, 1, timeZone), endMs: localMidnightOf(last.year + 1, 1, 1, timeZone) };
    if (precision === 'month') return { startMs: localMidnightOf(first.year, first.month, 1, timeZone), endMs: localMidnightOf(last.year, last.month + 1, 1, timeZone) };
    return { startMs: localMidnightOf(first.year, first.month, first.day - 3, timeZone), endMs: localMidnightOf(last.year, last.month, last.day + 4, timeZone) };
  }
  const startMs = instantOf(start, timeZone);
  const endMs = end === undefined ? endInstantOf(start, timeZone) : endInstantOf(end, timeZone);
  return { startMs, endMs };
}

