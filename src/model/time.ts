/**
 * Instants from the dataset's `start`/`end` strings. A date-time carries its own offset; a bare
 * date means the whole local day in the event's time zone, so it becomes the span from that
 * day's local midnight to the next one.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const midnights = new Map<string, number>();
const daySpans = new Map<string, { startMs: number; endMs: number }>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
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
  const parts: Record<string, number> = {};
  for (const p of wallClockFormatter(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant of local midnight starting `date` (YYYY-MM-DD) in `timeZone`. */
export function localMidnight(date: string, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  let ms = midnights.get(key);
  if (ms === undefined) {
    const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    ms = utc - zoneOffsetMs(utc, timeZone);
    ms = utc - zoneOffsetMs(ms, timeZone);
    midnights.set(key, ms);
  }
  return ms;
}

export function isDateOnly(value: string): boolean {
  return value.length === 10;
}

/** Instant of a `start`/`end` value, or NaN when it names no real moment (e.g. 2025-02-30). */
export function instantOf(value: string, timeZone: string): number {
  if (isDateOnly(value)) {
    const ms = localMidnight(value, timeZone);
    return new Date(Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10))).getUTCDate() === +value.slice(8, 10) ? ms : NaN;
  }
  return Date.parse(value);
}

/**
 * The span an event covers: a bare date covers its whole local day (an `end` date, its whole
 * day too); a date-time is a moment unless an `end` is given.
 */
export function eventSpan(start: string, end: string | undefined, timeZone: string): { startMs: number; endMs: number } {
  if (isDateOnly(start) && (end === undefined || isDateOnly(end))) {
    // Many events share a day; a date-only span is a pure function of three short strings.
    const key = `${timeZone}|${start}|${end ?? ''}`;
    let span = daySpans.get(key);
    if (!span) daySpans.set(key, (span = computeSpan(start, end, timeZone)));
    return span;
  }
  return computeSpan(start, end, timeZone);
}

function computeSpan(start: string, end: string | undefined, timeZone: string): { startMs: number; endMs: number } {
  const startMs = instantOf(start, timeZone);
  let endMs: number;
  if (end === undefined) endMs = isDateOnly(start) ? localMidnight(nextDay(start), timeZone) : startMs;
  else endMs = isDateOnly(end) ? localMidnight(nextDay(end), timeZone) : instantOf(end, timeZone);
  return { startMs, endMs };
}

function nextDay(date: string): string {
  const next = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + DAY_MS);
  return next.toISOString().slice(0, 10);
}
