/**
 * Schema v2 of a Chronomap dataset, defined once. The validator, the app's types and the
 * generated `data/schema.json` all come from here. v2 is a superset of v1: every v1 file is
 * valid and means the same; fields v1 required and other tools' data lacks (summaries,
 * statuses, time zones, source links…) became optional with the v1 meaning as their default.
 *
 * Messages are written for a journalist fixing a file by hand: they say what was expected;
 * the validator adds where and what was found.
 */
import * as v from 'valibot';
import { LIMITS, ID_PATTERN, WHEN_PATTERN, PUBLISHED_PATTERN, DATE_PATTERN, LANGUAGE_PATTERN, URL_PATTERN, COLOR_PATTERN, WHEN_EXPECTED, EVENT_STATUSES, PRECISIONS, GEO_PRECISIONS, PLACE_KINDS, SHAPES, SCHEMA_VERSIONS, isTimeZone } from './vocabulary';

export * from './vocabulary';

function text(max: number, what = 'text') {
  return v.pipe(
    v.string(`expected ${what}`),
    v.nonEmpty(`expected ${what}, not an empty string`),
    v.regex(/\S/, `expected ${what}, not only spaces`),
    v.maxLength(max, `expected at most ${max} characters`),
  );
}

function list<T extends v.GenericSchema>(item: T, what: string, max: number = LIMITS.list) {
  return v.pipe(v.array(item, `expected a list of ${what}`), v.maxLength(max, `expected at most ${max} ${what}`));
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

const when = v.pipe(v.string(`expected ${WHEN_EXPECTED}`), v.regex(WHEN_PATTERN, `expected ${WHEN_EXPECTED}`));

const color = v.pipe(v.string('expected a colour like "#1f5fa8"'), v.regex(COLOR_PATTERN, 'expected a colour like "#1f5fa8" (# and six hex digits)'));

const textList = (what: string) => list(text(LIMITS.shortText, what), `${what}s`);

export const TranslationSchema = record(
  {
    title: v.optional(text(LIMITS.title, 'a translated title')),
    summary: v.optional(text(LIMITS.summary, 'a translated summary')),
    name: v.optional(text(LIMITS.shortText, 'a translated name')),
    label: v.optional(text(LIMITS.shortText, 'a translated label')),
    description: v.optional(text(LIMITS.summary, 'a translated description')),
    methodology: v.optional(text(LIMITS.summary * 2, 'a translated methodology note')),
    attribution: v.optional(text(LIMITS.shortText, 'a translated attribution')),
    statusNote: v.optional(text(LIMITS.note, 'a translated status note')),
    text: v.optional(text(LIMITS.summary, 'a translated text')),
    caption: v.optional(text(LIMITS.shortText, 'a translated caption')),
    participants: v.optional(textList('translated participant')),
    areas: v.optional(textList('translated area name')),
    notes: v.optional(list(text(LIMITS.note, 'a translated note'), 'notes')),
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
    kind: v.optional(choice(PLACE_KINDS)),
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

/**
 * A source needs a publisher. A link and a publication date are expected and their absence is
 * a warning, not an error: imported files (a conflict-event export names its sources without
 * links or dates) would otherwise force an importer to invent them.
 */
export const SourceSchema = record(
  {
    publisher: text(LIMITS.shortText, 'a publisher'),
    title: v.optional(text(LIMITS.shortText, 'a title')),
    url: v.optional(url),
    date: v.optional(v.pipe(v.string('expected a publication date like 2025-08-18'), v.regex(PUBLISHED_PATTERN, 'expected a publication date like 2025-08-18 (2025-08 or 2025 if only that is known)'))),
    language: v.optional(language),
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

/** A picture, video or page about the event: shown as a link, never loaded. */
export const MediaSchema = record(
  {
    url,
    caption: v.optional(text(LIMITS.shortText, 'a caption')),
    credit: v.optional(text(LIMITS.shortText, 'a credit')),
    translations: v.optional(translations),
  },
  'a media link',
);

export const EventSchema = record(
  {
    id,
    title: text(LIMITS.title, 'a title'),
    summary: v.optional(text(LIMITS.summary, 'a summary')),
    start: when,
    end: v.optional(when),
    /** Default: what `start` says (a year, a month, a day, or an exact time). */
    precision: v.optional(choice(PRECISIONS)),
    /** Default: UTC. */
    timezone: v.optional(timezone),
    kind: id,
    status: v.optional(choice(EVENT_STATUSES)),
    statusNote: v.optional(text(LIMITS.note, 'why the event has this status')),
    highlight: v.optional(v.boolean('expected true or false')),
    place: v.optional(id),
    /** Default: "city" for an event with a place, "none" without. */
    geoPrecision: v.optional(choice(GEO_PRECISIONS)),
    areas: v.optional(textList('area name')),
    sites: v.optional(list(SiteSchema, 'sites')),
    participants: v.optional(textList('participant')),
    figures: v.optional(list(FigureSchema, 'figures')),
    sources: v.optional(list(SourceSchema, 'sources')),
    media: v.optional(MediaSchema),
    tags: v.optional(list(text(60, 'a tag'), 'tags')),
    related: v.optional(list(id, 'related event ids')),
    notes: v.optional(list(text(LIMITS.note, 'a note'), 'notes')),
    corrections: v.optional(list(CorrectionSchema, 'corrections')),
    translations: v.optional(translations),
  },
  'an event',
);

export const KindSchema = record(
  {
    id,
    label: text(LIMITS.shortText, 'a label'),
    lane: id,
    color,
    /** For the dark theme; derived from `color` when absent. */
    colorDark: v.optional(color),
    shape: choice(SHAPES),
    translations: v.optional(translations),
  },
  'a kind of event',
);

export const LaneSchema = record({ id, label: text(LIMITS.shortText, 'a label'), translations: v.optional(translations) }, 'a lane');

export const EraSchema = record(
  {
    title: text(LIMITS.title, 'a title'),
    start: when,
    end: when,
    translations: v.optional(translations),
  },
  'an era',
);

const timeWindow = record({ from: when, to: when }, 'a time window like {"from": "2025-08-14", "to": "2025-08-22"}');

export const StepSchema = record(
  {
    title: text(LIMITS.title, 'a title'),
    /** Plain text; a blank line starts a paragraph; http(s) addresses become links. */
    text: text(LIMITS.summary, 'the text of the step'),
    event: v.optional(id),
    view: v.optional(timeWindow),
    /** Kinds and statuses shown at this step; all when absent. */
    kinds: v.optional(list(id, 'kind ids', LIMITS.kinds)),
    statuses: v.optional(list(choice(EVENT_STATUSES), 'statuses')),
    /** Places the map must show at this step. */
    places: v.optional(list(id, 'place ids')),
    translations: v.optional(translations),
  },
  'a story step',
);

export const StorySchema = record(
  {
    id,
    title: text(LIMITS.title, 'a title'),
    description: v.optional(text(LIMITS.summary, 'a description')),
    steps: v.pipe(list(StepSchema, 'steps', LIMITS.steps), v.minLength(1, 'expected at least one step')),
    translations: v.optional(translations),
  },
  'a story',
);

export const DatasetSchema = record(
  {
    $schema: v.optional(v.string()),
    version: v.picklist(SCHEMA_VERSIONS, 'expected the schema version 1 or 2'),
    title: text(LIMITS.title, 'a title'),
    description: v.optional(text(LIMITS.summary, 'a description')),
    updated: v.optional(v.pipe(v.string('expected a date like 2025-08-18'), v.regex(DATE_PATTERN, 'expected a date like 2025-08-18'))),
    credits: v.optional(text(LIMITS.summary, 'credits')),
    license: v.optional(text(LIMITS.shortText, 'a licence')),
    /** A line every view, export and print copy shows (conflict-data licences require one). */
    attribution: v.optional(text(LIMITS.shortText, 'an attribution line')),
    methodology: v.optional(text(LIMITS.summary * 2, 'a note on how the dataset was built')),
    view: v.optional(timeWindow),
    /** Default: ["en"]. The first is the language of the plain text fields. */
    languages: v.optional(v.pipe(v.array(language, 'expected a list of language codes, like ["en", "uk"]'), v.minLength(1, 'expected at least one language'))),
    translations: v.optional(translations),
    kinds: v.optional(v.pipe(list(KindSchema, 'kinds', LIMITS.kinds), v.minLength(1, 'expected at least one kind'))),
    lanes: v.optional(v.pipe(list(LaneSchema, 'lanes', LIMITS.lanes), v.minLength(1, 'expected at least one lane'))),
    eras: v.optional(list(EraSchema, 'eras', LIMITS.eras)),
    stories: v.optional(list(StorySchema, 'stories', LIMITS.stories)),
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
export type MediaRecord = v.InferOutput<typeof MediaSchema>;
export type KindRecord = v.InferOutput<typeof KindSchema>;
export type LaneRecord = v.InferOutput<typeof LaneSchema>;
export type EraRecord = v.InferOutput<typeof EraSchema>;
export type StoryRecord = v.InferOutput<typeof StorySchema>;
export type StepRecord = v.InferOutput<typeof StepSchema>;
export type Translation = v.InferOutput<typeof TranslationSchema>;
