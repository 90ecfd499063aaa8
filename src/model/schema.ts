/**
 * Schema v1 of a Chronomap dataset, defined once. The validator, the app's types and the
 * generated `data/schema.json` all come from here.
 *
 * Messages are written for a journalist fixing a file by hand: they say what was expected;
 * the validator adds where and what was found.
 */
import * as v from 'valibot';

export const SCHEMA_VERSION = 1;

export const EVENT_KINDS = ['meeting', 'call', 'statement', 'proposal', 'agreement', 'attack'] as const;
export const EVENT_STATUSES = ['held', 'proposed', 'declined', 'cancelled', 'reported', 'unverified'] as const;
export const PRECISIONS = ['exact', 'day', 'approximate'] as const;
export const GEO_PRECISIONS = ['venue', 'city', 'region', 'none'] as const;
export const PLACE_KINDS = ['city', 'venue', 'region', 'country', 'other'] as const;

/** Kinds drawn in the diplomacy lane; every other kind is an attack. */
export const DIPLOMACY_KINDS: readonly EventKind[] = ['meeting', 'call', 'statement', 'proposal', 'agreement'];

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const LIMITS = {
  id: 120,
  title: 200,
  summary: 2000,
  shortText: 300,
  note: 1000,
  list: 200,
  url: 2048,
} as const;

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
/** `2025-08-18` or `2025-08-18T13:15-04:00` (seconds optional, offset or Z required). */
export const START_PATTERN =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;
/** Publication dates may be partial: `2025`, `2025-08`, `2025-08-18`, or a date-time. */
export const PUBLISHED_PATTERN =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?)?)?$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

const START_EXPECTED = 'a date like 2025-08-18 or 2025-08-18T13:15-04:00';

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

function text(max: number, what = 'text') {
  return v.pipe(
    v.string(`expected ${what}`),
    v.nonEmpty(`expected ${what}, not an empty string`),
    v.regex(/\S/, `expected ${what}, not only spaces`),
    v.maxLength(max, `expected at most ${max} characters`),
  );
}

function list<T extends v.GenericSchema>(item: T, what: string) {
  return v.pipe(v.array(item, `expected a list of ${what}`), v.maxLength(LIMITS.list, `expected at most ${LIMITS.list} ${what}`));
}

function choice<const T extends readonly string[]>(options: T) {
  return v.picklist(options, `expected one of ${options.map((o) => `"${o}"`).join(', ')}`);
}

function record<T extends v.ObjectEntries>(entries: T, what: string) {
  return v.strictObject(entries, `expected ${what} (an object in braces)`);
}

const id = v.pipe(
  v.string('expected an id (text)'),
  v.regex(ID_PATTERN, 'expected an id of letters, digits and - _ . : (no spaces)'),
  v.maxLength(LIMITS.id, `expected an id of at most ${LIMITS.id} characters`),
);

const language = v.pipe(v.string('expected a language code like "en" or "uk"'), v.regex(LANGUAGE_PATTERN, 'expected a language code like "en" or "uk"'));

const url = v.pipe(
  v.string('expected a web address starting with http:// or https://'),
  v.maxLength(LIMITS.url, `expected a web address of at most ${LIMITS.url} characters`),
  v.regex(URL_PATTERN, 'expected a web address starting with http:// or https://'),
  v.check((s) => URL.canParse(s), 'expected a complete web address starting with http:// or https://'),
);

const timezone = v.pipe(
  v.string('expected a time zone name like "Europe/Kyiv"'),
  v.check(isTimeZone, 'expected a time zone name like "Europe/Kyiv" or "America/Anchorage"'),
);

const instant = v.pipe(v.string(`expected ${START_EXPECTED}`), v.regex(START_PATTERN, `expected ${START_EXPECTED}`));

export const TranslationSchema = record(
  {
    title: v.optional(text(LIMITS.title, 'a translated title')),
    summary: v.optional(text(LIMITS.summary, 'a translated summary')),
    name: v.optional(text(LIMITS.shortText, 'a translated name')),
    description: v.optional(text(LIMITS.summary, 'a translated description')),
    methodology: v.optional(text(LIMITS.summary * 2, 'a translated methodology note')),
    statusNote: v.optional(text(LIMITS.note, 'a translated status note')),
  },
  'a translation',
);

const translations = v.record(language, TranslationSchema, 'expected translations keyed by language code, like {"uk": {...}}');

export const PlaceSchema = record(
  {
    id,
    name: text(LIMITS.shortText, 'a place name'),
    lat: v.pipe(v.number('expected a latitude (a number from -90 to 90)'), v.minValue(-90, 'expected a latitude from -90 to 90'), v.maxValue(90, 'expected a latitude from -90 to 90')),
    lon: v.pipe(v.number('expected a longitude (a number from -180 to 180)'), v.minValue(-180, 'expected a longitude from -180 to 180'), v.maxValue(180, 'expected a longitude from -180 to 180')),
    kind: choice(PLACE_KINDS),
    country: v.optional(v.pipe(v.string('expected a two-letter country code like "UA"'), v.regex(/^[A-Z]{2}$/, 'expected a two-letter country code like "UA"'))),
    coordinatesNote: v.optional(text(LIMITS.note, 'a note on where the coordinates come from')),
    translations: v.optional(translations),
  },
  'a place',
);

export const FigureSchema = record(
  {
    label: text(LIMITS.shortText, 'a label'),
    value: v.union([v.number(), text(LIMITS.shortText)], 'expected a number or a short text'),
    unit: v.optional(text(60, 'a unit')),
    reportedBy: text(LIMITS.shortText, 'who reported the figure'),
    note: v.optional(text(LIMITS.note, 'a note')),
  },
  'a figure',
);

export const SourceSchema = record(
  {
    publisher: text(LIMITS.shortText, 'a publisher'),
    title: text(LIMITS.shortText, 'a title'),
    url,
    date: v.pipe(v.string('expected a publication date like 2025-08-18'), v.regex(PUBLISHED_PATTERN, 'expected a publication date like 2025-08-18 (2025-08 or 2025 if only that is known)')),
    language,
    note: v.optional(text(LIMITS.note, 'a note')),
  },
  'a source',
);

export const SiteSchema = record(
  {
    name: text(LIMITS.shortText, 'a site name'),
    place: v.optional(id),
    note: v.optional(text(LIMITS.note, 'a note')),
  },
  'a site',
);

export const CorrectionSchema = record(
  {
    date: v.pipe(v.string('expected a date like 2025-08-18'), v.regex(DATE_PATTERN, 'expected a date like 2025-08-18')),
    text: text(LIMITS.note, 'what was corrected'),
  },
  'a correction',
);

export const EventSchema = record(
  {
    id,
    title: text(LIMITS.title, 'a title'),
    summary: text(LIMITS.summary, 'a summary'),
    start: instant,
    end: v.optional(instant),
    precision: choice(PRECISIONS),
    timezone,
    kind: choice(EVENT_KINDS),
    status: choice(EVENT_STATUSES),
    statusNote: v.optional(text(LIMITS.note, 'why the event has this status')),
    place: v.optional(id),
    geoPrecision: choice(GEO_PRECISIONS),
    areas: v.optional(list(text(LIMITS.shortText, 'an area name'), 'areas')),
    sites: v.optional(list(SiteSchema, 'sites')),
    participants: list(text(LIMITS.shortText, 'a participant'), 'participants'),
    figures: list(FigureSchema, 'figures'),
    sources: v.pipe(list(SourceSchema, 'sources'), v.minLength(1, 'expected at least one source')),
    tags: list(text(60, 'a tag'), 'tags'),
    related: v.optional(list(id, 'related event ids')),
    notes: v.optional(list(text(LIMITS.note, 'a note'), 'notes')),
    corrections: v.optional(list(CorrectionSchema, 'corrections')),
    translations: v.optional(translations),
  },
  'an event',
);

export const DatasetSchema = record(
  {
    $schema: v.optional(v.string()),
    version: v.literal(SCHEMA_VERSION, `expected the schema version ${SCHEMA_VERSION}`),
    title: text(LIMITS.title, 'a title'),
    description: text(LIMITS.summary, 'a description'),
    updated: v.pipe(v.string('expected a date like 2025-08-18'), v.regex(DATE_PATTERN, 'expected a date like 2025-08-18')),
    credits: text(LIMITS.summary, 'credits'),
    license: text(LIMITS.shortText, 'a licence'),
    methodology: v.optional(text(LIMITS.summary * 2, 'a note on how the dataset was built')),
    view: v.optional(
      record({ from: instant, to: instant }, 'the time window to open with, like {"from": "2025-08-14", "to": "2025-08-22"}'),
    ),
    languages: v.pipe(v.array(language, 'expected a list of language codes, like ["en", "uk"]'), v.minLength(1, 'expected at least one language')),
    translations: v.optional(translations),
    places: v.array(PlaceSchema, 'expected a list of places'),
    events: v.array(EventSchema, 'expected a list of events'),
  },
  'a dataset',
);

export type DatasetRecord = v.InferOutput<typeof DatasetSchema>;
export type PlaceRecord = v.InferOutput<typeof PlaceSchema>;
export type EventRecord = v.InferOutput<typeof EventSchema>;
export type FigureRecord = v.InferOutput<typeof FigureSchema>;
export type SourceRecord = v.InferOutput<typeof SourceSchema>;
export type Translation = v.InferOutput<typeof TranslationSchema>;
