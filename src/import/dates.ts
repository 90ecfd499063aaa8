/**
 * Dates as other tools write them, made into the schema's `start`/`end` strings: a year, a
 * month, a day, or a date-time with its UTC offset. Parts are checked one by one; a part that
 * is wrong is dropped with the finer ones after it, so a date keeps what is known of it.
 */
import type { Precision } from '../model/schema';
import { MAX_YEAR, MIN_YEAR, utcMs, zoneOffsetMs } from '../model/time';

export interface DateParts {
  /** Astronomical: 0 is 1 BCE, -1 is 2 BCE. */
  year: number;
  month?: number | undefined;
  day?: number | undefined;
  hour?: number | undefined;
  minute?: number | undefined;
  second?: number | undefined;
  millisecond?: number | undefined;
}

export interface When {
  value: string;
  /** What the parts given say: 'year', 'month', 'day', or 'exact' with a clock time. */
  precision: Extract<Precision, 'year' | 'month' | 'day' | 'exact'>;
}

/** `dropped` says what was dropped and why; `part` names the first part dropped. */
export type Composed = { ok: true; when: When; dropped?: string; part?: keyof DateParts } | { ok: false; message: string };

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The schema's year: four digits, a sign before years BCE or past 9999. */
export function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return `${year < 0 ? '-' : '+'}${pad(year, year > -10000 && year < 10000 ? 4 : 6)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** "+03:00" for the offset of `zone` at that wall-clock time; "Z" without a zone. */
function offsetAt(parts: Required<DateParts>, zone: string | undefined): string {
  if (!zone || zone === 'UTC') return 'Z';
  const wall = utcMs(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
  // Twice: the offset at the instant the wall clock shows, found from a first guess.
  const offset = zoneOffsetMs(wall - zoneOffsetMs(wall, zone), zone);
  const minutes = Math.round(offset / 60_000);
  if (minutes === 0) return 'Z';
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * A `start`/`end` string from parts. A year a browser cannot draw fails; a month, day or time
 * that is not one is dropped together with the finer parts (`dropped` says which and why).
 */
export function composeWhen(parts: DateParts, zone?: string): Composed {
  const { year } = parts;
  if (!Number.isInteger(year)) return { ok: false, message: `the year ${String(year)} is not a whole number` };
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, message: `the year ${year} is outside the years a browser can draw (${MIN_YEAR} to ${MAX_YEAR})` };
  }
  const y = formatYear(year);
  const { month, day, hour } = parts;
  if (month === undefined) {
    const extra = day !== undefined || hour !== undefined ? 'a day or time without a month was dropped' : undefined;
    return done({ value: y, precision: 'year' }, extra, day !== undefined ? 'day' : 'hour');
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) return done({ value: y, precision: 'year' }, `month ${month} is not a month from 1 to 12; only the year is kept`, 'month');
  const ym = `${y}-${pad(month)}`;
  if (day === undefined) return done({ value: ym, precision: 'month' }, hour !== undefined ? 'a time without a day was dropped' : undefined, 'hour');
  const days = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > days) return done({ value: ym, precision: 'month' }, `day ${day} is not in that month (1 to ${days}); only the year and month are kept`, 'day');
  const ymd = `${ym}-${pad(day)}`;
  if (hour === undefined) return done({ value: ymd, precision: 'day' });
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  const ms = parts.millisecond ?? 0;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return done({ value: ymd, precision: 'day' }, `hour ${hour} is not an hour from 0 to 23; only the day is kept`, 'hour');
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) return done({ value: ymd, precision: 'day' }, `minute ${minute} is not from 0 to 59; only the day is kept`, 'minute');
  if (!Number.isInteger(second) || second < 0 || second > 59) return done({ value: ymd, precision: 'day' }, `second ${second} is not from 0 to 59; only the day is kept`, 'second');
  const msPart = Number.isInteger(ms) && ms > 0 && ms < 1000 ? `.${pad(ms, 3)}` : '';
  const clock = `${pad(hour)}:${pad(minute)}${second || msPart ? `:${pad(second)}${msPart}` : ''}`;
  const offset = offsetAt({ year, month, day, hour, minute, second, millisecond: ms }, zone);
  return done({ value: `${ymd}T${clock}${offset}`, precision: 'exact' });
}

function done(when: When, dropped?: string, part?: keyof DateParts): Composed {
  return dropped ? { ok: true, when, dropped, ...(part ? { part } : {}) } : { ok: true, when };
}

export type ClockTime = Pick<DateParts, 'hour' | 'minute' | 'second' | 'millisecond'>;

/**
 * A clock time as TimelineJS's sheet reads it: `13:30`, `13:30:15`, `1:30 PM`, `1.30pm`,
 * `1330`. Null when it is none of these.
 */
export function parseClock(text: string): ClockTime | null {
  let t = text.trim();
  const period = /\s*([ap])\.?\s*m\.?\s*$/i.exec(t);
  if (period) t = t.slice(0, period.index).trim();
  const compact = /^(\d{1,2})(\d{2})$/.exec(t);
  const parts = compact ? [compact[1]!, compact[2]!] : t.split(/[:.]/);
  if (parts.length > 4 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  let hour = Number(parts[0]);
  if (period) {
    if (hour < 1 || hour > 12) return null;
    const pm = period[1]!.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const clock: ClockTime = { hour };
  if (parts[1] !== undefined) clock.minute = Number(parts[1]);
  if (parts[2] !== undefined) clock.second = Number(parts[2]);
  if (parts[3] !== undefined) clock.millisecond = Number(parts[3].padEnd(3, '0').slice(0, 3));
  return clock;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m === n || (m.startsWith(n) && (n.length === 3 || n === 'sept')));
  return i < 0 ? undefined : i + 1;
}

export interface LooseDate {
  parts: DateParts;
  /** The offset written with a date-time ("Z", "+03:00"), if any. */
  offset?: string;
}

const ISO = /^([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9}\.?)[\s,-]+(\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const MONTH_YEAR = /^([A-Za-z]{3,9}\.?),?\s+(\d{4})$/;

/**
 * A date written the unambiguous ways: ISO (`2025`, `2025-08`, `2025-08-18`, `2025-08-18 13:15`),
 * `18 August 2025`, `August 18, 2025`, `Aug 2025`. Null otherwise: `08/05/2025` is 8 May in
 * Kyiv and August 5 in Washington, so it is never guessed.
 */
export function parseLooseDate(text: string): LooseDate | null {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) {
    const parts: DateParts = { year: Number(m[1]) };
    if (m[2]) parts.month = Number(m[2]);
    if (m[3]) parts.day = Number(m[3]);
    if (m[4]) {
      parts.hour = Number(m[4]);
      parts.minute = Number(m[5]);
      if (m[6]) parts.second = Number(m[6]);
      if (m[7]) parts.millisecond = Number(m[7].padEnd(3, '0'));
    }
    const zone = m[8]?.toUpperCase();
    const offset = zone === undefined ? undefined : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    return offset ? { parts, offset } : { parts };
  }
  m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? { parts: { year: Number(m[3]), month, day: Number(m[1]) } } : null;
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? { parts: { year: Number(m[3]), month, day: Number(m[2]) } } : null;
  }
  m = MONTH_YEAR.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? { parts: { year: Number(m[2]), month } } : null;
  }
  return null;
}

/**
 * A loose date made into a `start`/`end` string. A written offset is kept as written; else the
 * zone's offset applies (UTC without one).
 */
export function whenFromText(text: string, zone?: string): Composed {
  const loose = parseLooseDate(text);
  if (!loose) return { ok: false, message: `"${text.slice(0, 40)}" is not a date this importer can read; write it like 2025-08-18, 2025-08, 2025 or 2025-08-18 13:15` };
  const composed = composeWhen(loose.parts, zone);
  if (composed.ok && loose.offset && composed.when.precision === 'exact') {
    composed.when.value = composed.when.value.replace(/(Z|[+-]\d\d:\d\d)$/, loose.offset === '+00:00' || loose.offset === '-00:00' ? 'Z' : loose.offset);
  }
  return composed;
}
