/**
 * The typed dataset the app works with: the validated records plus what every view needs and
 * should not recompute (instants, lane, numeric index, lookups). Events are sorted by time, and
 * an event's `index` is its position in that order; the map uses it as a stable feature id.
 */
import { DIPLOMACY_KINDS, type DatasetRecord, type EventRecord, type PlaceRecord } from './schema';
import { eventSpan } from './time';

export type Lane = 'diplomacy' | 'attacks';

/** Up to 2^21 events: a span of up to 2^32 seconds (136 years) times this still fits a double exactly. */
const INDEX_SPAN = 2 ** 21;

export interface ChronoEvent extends EventRecord {
  index: number;
  startMs: number;
  endMs: number;
  lane: Lane;
}

export interface Dataset extends Omit<DatasetRecord, 'events' | 'places'> {
  events: ChronoEvent[];
  places: PlaceRecord[];
  eventById: ReadonlyMap<string, ChronoEvent>;
  placeById: ReadonlyMap<string, PlaceRecord>;
  /** First start and last end over all events; [0, 0] when there are none. */
  extent: readonly [number, number];
}

export function laneOf(kind: EventRecord['kind']): Lane {
  return DIPLOMACY_KINDS.includes(kind) ? 'diplomacy' : 'attacks';
}

/**
 * Builds the app's dataset from records that have passed validation. The records are fresh
 * objects from the validator, so they are extended in place: copying 100,000 events would
 * cost more than validating them.
 */
export function buildDataset(record: DatasetRecord): Dataset {
  const records = record.events as ChronoEvent[];
  const n = records.length;
  // Sort keys pack whole seconds and the file position into one float: a typed-array sort
  // without a comparator is far faster than comparing 100,000 objects, and ties keep file order.
  const keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const e = records[i]!;
    const span = eventSpan(e.start, e.end, e.timezone);
    e.startMs = span.startMs;
    e.endMs = span.endMs;
    e.lane = laneOf(e.kind);
    if (e.startMs < min) min = e.startMs;
    if (e.endMs > max) max = e.endMs;
  }
  const firstSecond = Math.floor(min / 1000);
  for (let i = 0; i < n; i++) keys[i] = (Math.floor(records[i]!.startMs / 1000) - firstSecond) * INDEX_SPAN + i;
  keys.sort();
  const timed: ChronoEvent[] = new Array(n);
  const eventById = new Map<string, ChronoEvent>();
  for (let i = 0; i < n; i++) {
    const e = records[keys[i]! % INDEX_SPAN]!;
    e.index = i;
    timed[i] = e;
    eventById.set(e.id, e);
  }
  return {
    ...record,
    events: timed,
    eventById,
    placeById: new Map(record.places.map((p) => [p.id, p])),
    extent: timed.length ? [min, max] : [0, 0],
  };
}
