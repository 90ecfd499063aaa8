/**
 * The words and limits of the dataset schema, without the schema itself: what the page needs
 * at run time (kinds, statuses, limits, the date pattern) while the validator that needs
 * valibot and ./schema.ts stays out of the page's first script. ./schema.ts re-exports all of it.
 */
export const SCHEMA_VERSION = 2;
export const SCHEMA_VERSIONS = [1, 2] as const;

/** The story kinds and lanes a dataset gets when it declares none of its own. */
export const EVENT_KINDS = ['meeting', 'call', 'statement', 'proposal', 'agreement', 'attack'] as const;
export const EVENT_STATUSES = ['held', 'proposed', 'declined', 'cancelled', 'reported', 'unverified'] as const;
export const PRECISIONS = ['exact', 'day', 'approximate', 'week', 'month', 'year'] as const;
export const GEO_PRECISIONS = ['venue', 'city', 'region', 'none'] as const;
export const PLACE_KINDS = ['city', 'venue', 'region', 'country', 'other'] as const;
/** d3's filled symbols: each is told from the others without colour. */
export const SHAPES = ['circle', 'diamond', 'square', 'wye', 'star', 'triangle', 'cross'] as const;

export type DefaultKind = (typeof EVENT_KINDS)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type Precision = (typeof PRECISIONS)[number];
export type Shape = (typeof SHAPES)[number];

export const LIMITS = {
  id: 120,
  title: 200,
  summary: 2000,
  shortText: 300,
  note: 1000,
  list: 200,
  url: 2048,
  kinds: 24,
  lanes: 8,
  eras: 200,
  stories: 50,
  steps: 100,
} as const;

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
/**
 * When something happened: a year (`2025`, `-0500`, `+012000`), a month (`2025-08`), a day
 * (`2025-08-18`) or a date-time with its UTC offset (`2025-08-18T13:15-04:00`, seconds and
 * milliseconds optional). Years are ISO 8601 astronomical years: `0000` is 1 BCE, `-0500` is
 * 501 BCE; more than four digits need a sign.
 */
export const WHEN_PATTERN =
  /^([+-]\d{4,6}|\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?)?)?$/;
/** Publication dates: a year, a month, a day or a date-time, of the Common Era. */
export const PUBLISHED_PATTERN =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?)?)?$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export const WHEN_EXPECTED = 'a date like 2025-08-18, 2025-08, 2025, -0500 or 2025-08-18T13:15-04:00';

const zoneCache = new Map<string, boolean>();
/** True for an IANA time zone name the browser or Node knows. Cached: datasets repeat a few zones. */
export function isTimeZone(name: string): boolean {
  let known = zoneCache.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = name.includes('/') || name === 'UTC';
    } catch {
      known = false;
    }
    zoneCache.set(name, known);
  }
  return known;
}
