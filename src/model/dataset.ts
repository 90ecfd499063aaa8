/**
 * The typed dataset the app works with: the validated records with their defaults filled in,
 * plus what every view needs and should not recompute (instants, lane, numeric index, lookups,
 * the kinds and lanes to draw with). Events are sorted by time, and an event's `index` is its
 * position in that order; the map uses it as a stable feature id.
 */
import { resolveCategories, type Kind, type Lane } from './categories';
import type { DatasetRecord, EraRecord, EventRecord, FigureRecord, GEO_PRECISIONS, PlaceRecord, Precision, SourceRecord, StoryRecord } from './schema';
import { EVENT_STATUSES } from './vocabulary';
import { endInstantOf, eventSpan, instantOf, precisionOf } from './time';

/** Up to 2^21 events: a span of up to 2^32 seconds (136 years) times this still fits a double exactly. */
const INDEX_SPAN = 2 ** 21;

/** An event with every default of schema v2 applied, so views never check for absence. */
export interface ChronoEvent extends Omit<EventRecord, 'summary' | 'precision' | 'timezone' | 'geoPrecision' | 'participants' | 'figures' | 'sources' | 'tags'> {
  summary: string;
  precision: Precision;
  timezone: string;
  geoPrecision: (typeof GEO_PRECISIONS)[number];
  participants: string[];
  figures: FigureRecord[];
  sources: SourceRecord[];
  tags: string[];
  index: number;
  startMs: number;
  endMs: number;
  /** Id of the lane the event's kind is drawn in. */
  lane: string;
}

export interface Era extends EraRecord {
  startMs: number;
  endMs: number;
}

export interface Dataset extends Omit<DatasetRecord, 'events' | 'places' | 'languages' | 'kinds' | 'lanes' | 'eras' | 'stories'> {
  languages: string[];
  events: ChronoEvent[];
  places: PlaceRecord[];
  kinds: Kind[];
  lanes: Lane[];
  eras: Era[];
  stories: StoryRecord[];
  eventById: ReadonlyMap<string, ChronoEvent>;
  placeById: ReadonlyMap<string, PlaceRecord>;
  kindById: ReadonlyMap<string, Kind>;
  /** Statuses some event has, in the schema's order: the filters offer only these. */
  statuses: string[];
  /** First start and last end over all events; [0, 0] when there are none. */
  extent: readonly [number, number];
}

/** The events and places of a record by id, as the validator's check for unique ids found them. */
export interface RecordsById {
  events: ReadonlyMap<string, EventRecord>;
  places: ReadonlyMap<string, PlaceRecord>;
}

/**
 * Builds the app's dataset from records that have passed validation. The records are fresh
 * objects from the validator, so they are extended in place: copying 100,000 events would
 * cost more than validating them. `byId`, when given, maps these very records by id and
 * becomes the dataset's lookups instead of building them again.
 */
export function buildDataset(record: DatasetRecord, byId?: RecordsById): Dataset {
  const { kinds, lanes } = resolveCategories(record.kinds, record.lanes);
  const kindById = new Map(kinds.map((k) => [k.id, k]));
  const records = record.events as unknown as ChronoEvent[];
  const n = records.length;
  // Sort keys pack whole seconds and the file position into one float: a typed-array sort
  // without a comparator is far faster than comparing 100,000 objects, and ties keep file order.
  const keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  const seenStatuses = new Set<string>();
  for (let i = 0; i < n; i++) {
    const e = records[i]!;
    e.timezone ??= 'UTC';
    e.precision ??= precisionOf(e.start);
    e.geoPrecision ??= e.place ? 'city' : 'none';
    e.summary ??= '';
    e.participants ??= [];
    e.figures ??= [];
    e.sources ??= [];
    e.tags ??= [];
    const span = eventSpan(e.start, e.end, e.timezone, e.precision);
    e.startMs = span.startMs;
    e.endMs = span.endMs;
    e.lane = kindById.get(e.kind)?.lane ?? lanes[0]!.id;
    if (e.status) seenStatuses.add(e.status);
    if (e.startMs < min) min = e.startMs;
    if (e.endMs > max) max = e.endMs;
  }
  const firstSecond = Math.floor(min / 1000);
  // Spans longer than 136 years (history timelines) no longer fit the packed key: sort directly.
  const packed = n === 0 || (max - min) / 1000 < 2 ** 32;
  let order: number[];
  if (packed) {
    for (let i = 0; i < n; i++) keys[i] = (Math.floor(records[i]!.startMs / 1000) - firstSecond) * INDEX_SPAN + i;
    keys.sort();
    order = Array.from(keys, (k) => k % INDEX_SPAN);
  } else {
    order = Array.from({ length: n }, (_, i) => i).sort((a, b) => records[a]!.startMs - records[b]!.startMs || a - b);
  }
  const timed: ChronoEvent[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = records[order[i]!]!;
    e.index = i;
    timed[i] = e;
  }
  const eventById = (byId?.events as ReadonlyMap<string, ChronoEvent> | undefined) ?? new Map(timed.map((e) => [e.id, e]));
  const eras = (record.eras ?? []).map((era) => ({ ...era, startMs: instantOf(era.start, 'UTC'), endMs: endInstantOf(era.end, 'UTC') }));
  return {
    ...record,
    languages: record.languages ?? ['en'],
    events: timed,
    kinds,
    lanes,
    kindById,
    eras,
    stories: record.stories ?? [],
    statuses: EVENT_STATUSES.filter((s) => seenStatuses.has(s)),
    eventById,
    placeById: byId?.places ?? new Map(record.places.map((p) => [p.id, p])),
    extent: timed.length ? [min, max] : [0, 0],
  };
}
