/**
 * Dates and numbers for people, with Intl in the interface language. An event's date is shown in
 * its own time zone (where it happened); a moment with a clock time is also shown in the reader's.
 */
import type { ChronoEvent } from '../model/dataset';
import { grainOf, instantOf, isDateOnly } from '../model/time';
import type { UiLanguage } from './language';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: UiLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', options)));
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** Years before the Common Era are written with their era ("501 BC"); later ones without. */
function withEra(ms: number, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  return new Date(ms).getUTCFullYear() < 1 ? { ...options, era: 'short' } : options;
}

export function formatDay(ms: number, lang: UiLanguage, timeZone: string): string {
  return formatter(lang, withEra(ms, { ...DAY, timeZone })).format(ms);
}

const shortDays = new Map<string, string>();

/** Short day for axis-like places: "18 Aug 2025". */
export function formatShortDay(ms: number, lang: UiLanguage, timeZone = 'UTC'): string {
  const format = () => formatter(lang, withEra(ms, { day: 'numeric', month: 'short', year: 'numeric', timeZone })).format(ms);
  if (timeZone !== 'UTC') return format();
  // The timeline's bars name their days on every frame of a playback: a UTC day is written once.
  const key = `${lang}|${Math.floor(ms / 86_400_000)}`;
  let text = shortDays.get(key);
  if (text === undefined) {
    if (shortDays.size >= 4_000) shortDays.clear();
    shortDays.set(key, (text = format()));
  }
  return text;
}

/** A UTC instant with the given fields, for axis ticks; formatters are cached like the rest. */
export function formatUtc(ms: number, lang: UiLanguage, options: Intl.DateTimeFormatOptions): string {
  return formatter(lang, withEra(ms, { ...options, timeZone: 'UTC' })).format(ms);
}

export function formatClock(ms: number, lang: UiLanguage, timeZone: string): string {
  const f = formatter(lang, { ...TIME, timeZone, timeZoneName: 'short' });
  return f.format(ms);
}

const APPROX: Record<UiLanguage, string> = { en: 'about ', uk: 'близько ' };
const WEEK: Record<UiLanguage, string> = { en: 'within a week of ', uk: 'протягом тижня близько ' };

/** "Aug 2025", or "Aug – Oct 2025" for a span of months; years alone likewise. */
function formatGrain(e: ChronoEvent, lang: UiLanguage, options: Intl.DateTimeFormatOptions): string {
  const f = (ms: number) => formatter(lang, withEra(ms, { ...options, timeZone: e.timezone })).format(ms);
  const first = f(e.startMs);
  const last = f(e.endMs - 1);
  return first === last ? first : `${first} – ${last}`;
}

/** The event's date (and time, if known) where it happened, as precisely as it is known. */
export function formatEventWhen(e: ChronoEvent, lang: UiLanguage): string {
  if (e.precision === 'year') return formatGrain(e, lang, { year: 'numeric' });
  if (e.precision === 'month') return formatGrain(e, lang, { month: 'short', year: 'numeric' });
  const zone = e.timezone;
  const approx = e.precision === 'approximate' ? APPROX[lang] : '';
  if (e.precision === 'week') return `${WEEK[lang]}${formatDay(instantOf(e.start, zone), lang, zone)}`;
  if (isDateOnly(e.start)) {
    if (grainOf(e.start) === 'month') return `${approx}${formatGrain(e, lang, { month: 'short', year: 'numeric' })}`;
    if (grainOf(e.start) === 'year') return `${approx}${formatGrain(e, lang, { year: 'numeric' })}`;
    const first = formatDay(e.startMs, lang, zone);
    const lastDay = e.end && e.end !== e.start ? formatDay(e.endMs - 1, lang, zone) : '';
    return `${approx}${first}${lastDay ? ` – ${lastDay}` : ''}`;
  }
  const day = formatDay(e.startMs, lang, zone);
  const until = e.end ? `–${formatClock(e.endMs, lang, zone)}` : '';
  return `${day}, ${approx}${formatClock(e.startMs, lang, zone)}${until}`;
}

/** The same moment in the reader's time zone, or null for a date without a clock time. */
export function formatReaderWhen(e: ChronoEvent, lang: UiLanguage, readerZone: string): string | null {
  if (isDateOnly(e.start)) return null;
  const approx = e.precision === 'approximate' ? APPROX[lang] : '';
  return `${formatDay(e.startMs, lang, readerZone)}, ${approx}${formatClock(e.startMs, lang, readerZone)}`;
}

export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const numberFormats: Record<UiLanguage, Intl.NumberFormat> = { en: new Intl.NumberFormat('en-GB'), uk: new Intl.NumberFormat('uk-UA') };

export function formatCount(n: number, lang: UiLanguage): string {
  return numberFormats[lang].format(n);
}

const byteUnits: Record<UiLanguage, [string, string, string]> = { en: ['bytes', 'kB', 'MB'], uk: ['байтів', 'кБ', 'МБ'] };
// Made once: a progress bar formats the bytes received at every chunk, and making an
// Intl.NumberFormat costs far more than using one.
const megabyteFormats: Record<UiLanguage, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
  uk: new Intl.NumberFormat('uk-UA', { maximumFractionDigits: 1 }),
};

/** "12.4 MB", "830 kB": sizes as people read them. */
export function formatBytes(n: number, lang: UiLanguage): string {
  const [b, kb, mb] = byteUnits[lang];
  if (n < 1000) return `${formatCount(n, lang)} ${b}`;
  if (n < 1_000_000) return `${formatCount(Math.round(n / 1000), lang)} ${kb}`;
  return `${megabyteFormats[lang].format(n / 1_000_000)} ${mb}`;
}
