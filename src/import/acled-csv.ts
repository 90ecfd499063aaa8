/**
 * Conflict events in ACLED's column layout (event_id_cnty, event_date, event_type,
 * sub_event_type, actor1…, location, latitude, longitude, geo_precision, source, notes,
 * fatalities…), as ACLED's export tool writes them.
 *
 * Event types become kinds, in the lanes of ACLED's codebook: violent events (battles,
 * explosions/remote violence, violence against civilians) are political violence; protests and
 * riots are demonstrations; strategic developments are non-violent actions. ACLED's terms
 * require its attribution on every use, so the dataset carries it.
 */
import { LIMITS, SHAPES, type DatasetRecord, type EventRecord, type FigureRecord, type KindRecord, type LaneRecord, type PlaceRecord, type Shape, type SourceRecord } from '../model/schema';
import { Columns, headerKey, readCsv } from './csv';
import { daysInMonth, formatYear, parseLooseDate } from './dates';
import { datasetHead } from './dataset-parts';
import { fitText, splitList } from './fields';
import { IdRegistry, isValidId, slugify } from './ids';
import { PALETTE } from './palette';
import { Notes, type ImportOptions, type ImporterOutput } from './types';

export const ACLED_ATTRIBUTION = 'Armed Conflict Location & Event Data Project (ACLED); www.acleddata.com';
export const ACLED_LICENSE = "ACLED's terms of use and attribution policy apply (see www.acleddata.com)";

const LANES: LaneRecord[] = [
  { id: 'political-violence', label: 'Political violence' },
  { id: 'demonstrations', label: 'Demonstrations' },
  { id: 'strategic-developments', label: 'Strategic developments' },
  { id: 'other', label: 'Other' },
];

/** ACLED's six event types, keyed by their lower-case names. */
const EVENT_TYPES: Record<string, KindRecord> = {
  battles: { id: 'battles', label: 'Battles', lane: 'political-violence', color: '#b3261e', shape: 'cross' },
  'explosions/remote violence': { id: 'explosions-remote-violence', label: 'Explosions/Remote violence', lane: 'political-violence', color: '#8a5a00', shape: 'star' },
  'violence against civilians': { id: 'violence-against-civilians', label: 'Violence against civilians', lane: 'political-violence', color: '#a0306e', shape: 'triangle' },
  protests: { id: 'protests', label: 'Protests', lane: 'demonstrations', color: '#1f5fa8', shape: 'circle' },
  riots: { id: 'riots', label: 'Riots', lane: 'demonstrations', color: '#5b4a9e', shape: 'diamond' },
  'strategic developments': { id: 'strategic-developments', label: 'Strategic developments', lane: 'strategic-developments', color: '#2e6b2e', shape: 'square' },
};

const TIME_PRECISION: Record<string, EventRecord['precision']> = { '1': 'day', '2': 'week', '3': 'month' };
const GEO_PRECISION: Record<string, EventRecord['geoPrecision']> = { '1': 'venue', '2': 'city', '3': 'region' };

const USED = ['eventidcnty', 'eventdate', 'year', 'timeprecision', 'disordertype', 'eventtype', 'subeventtype', 'actor1', 'assocactor1', 'actor2', 'assocactor2', 'civiliantargeting', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geoprecision', 'source', 'sourcescale', 'notes', 'fatalities', 'tags'] as const;
/** Columns of the layout this importer reads but does not carry over (named once in a note). */
const NOT_CARRIED = ['inter1', 'inter2', 'interaction', 'iso', 'region', 'country', 'timestamp'];

/** True for a header row in ACLED's layout. */
export function looksLikeAcled(header: readonly string[]): boolean {
  const keys = new Set(header.map(headerKey));
  return keys.has('eventidcnty') || (keys.has('eventtype') && keys.has('subeventtype') && keys.has('eventdate'));
}

type Col = (typeof USED)[number];

export function importAcledCsv(text: string, options: ImportOptions = {}): ImporterOutput {
  const notes = new Notes();
  const fail = (): ImporterOutput => ({ format: 'acled', dataset: null, notes: notes.items, origins: [] });
  const table = readCsv(text, notes, looksLikeAcled);
  if (!table) return fail();
  const cols = new Columns(table.header, notes);
  for (const required of ['eventdate', 'eventtype'] as const) {
    if (!cols.has(required)) {
      notes.error('row 1', table.header.length <= 1 ? `only one column was found ("${(table.header[0] ?? '').slice(0, 60)}"): the file does not seem to be separated by commas` : `the column "${required === 'eventdate' ? 'event_date' : 'event_type'}" is missing: it is needed for every event`);
      return fail();
    }
  }
  const index = Object.fromEntries(USED.map((k) => [k, cols.indexOf(k)])) as Record<Col, number>;
  const known = new Set<string>([...USED, ...NOT_CARRIED]);
  const unknown = cols.unknown((k) => known.has(k));
  if (unknown.length) notes.warn('row 1', `columns that are not in ACLED's layout were ignored: ${unknown.map((u) => `"${u}"`).join(', ')}`);
  const ignored = NOT_CARRIED.filter((k) => cols.has(k)).map((k) => cols.name(k));
  if (ignored.length) notes.warn('row 1', `not carried over: ${ignored.join(', ')}${cols.has('timestamp') ? ` (${cols.name('timestamp')} is when the row was uploaded, not when the event happened)` : ''}`);
  const at = (row: number, k: Col) => `row ${row}, column ${cols.name(k)}`;

  const eventIds = new IdRegistry();
  const placeIds = new IdRegistry();
  const places: PlaceRecord[] = [];
  const placeByKey = new Map<string, string>();
  const kinds = new Map<string, KindRecord>();
  const events: EventRecord[] = [];
  const origins: string[] = [];

  for (const { cells, rowNumber: row } of table.rows) {
    const get = (k: Col): string => {
      const i = index[k];
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const dateText = get('eventdate');
    const start = readDate(dateText);
    if (!start) {
      notes.error(at(row, 'eventdate'), `${dateText ? `"${dateText.slice(0, 30)}" is not a date like 2025-05-16 or 16 May 2025` : 'no date'}: the row was dropped`);
      continue;
    }
    const year = get('year');
    if (year && year !== start.slice(0, 4)) notes.warn(at(row, 'year'), `the year ${year} differs from the event date ${start}; the event date was used`);

    const type = get('eventtype') || 'Other';
    if (!get('eventtype')) notes.warn(at(row, 'eventtype'), 'no event type: the event is of the kind "Other"');
    const kind = kindFor(type, get('disordertype'), kinds, notes, at(row, 'eventtype'));
    const sub = get('subeventtype');
    const location = get('location');
    const what = sub || type;
    const event: EventRecord = { id: '', title: fitText(location ? `${what} in ${location}` : what, LIMITS.title, at(row, 'subeventtype'), 'title', notes), start, kind: kind.id };
    const summary = get('notes');
    if (summary) event.summary = fitText(summary, LIMITS.summary, at(row, 'notes'), 'notes', notes);
    const tp = get('timeprecision');
    if (tp) {
      const precision = TIME_PRECISION[tp];
      if (precision) event.precision = precision;
      else notes.warn(at(row, 'timeprecision'), `"${tp.slice(0, 10)}" is not 1, 2 or 3; the date is read as exact to the day`);
    }

    const lat = get('latitude');
    const lon = get('longitude');
    const areas = [get('admin1'), get('admin2'), get('admin3')].filter(Boolean);
    if (location || lat || lon) {
      const place = readPlace(location, lat, lon, notes, row, at);
      if (place) {
        const key = `${place.name}|${place.lat}|${place.lon}`;
        let id = placeByKey.get(key);
        if (!id) {
          id = placeIds.claim(slugify(place.name), 'place');
          placeByKey.set(key, id);
          places.push({ id, ...place });
        }
        event.place = id;
        const geo = GEO_PRECISION[get('geoprecision')];
        if (geo) event.geoPrecision = geo;
      } else if (location) {
        areas.push(location);
      }
    }
    if (areas.length) event.areas = [...new Set(areas)].map((a) => a.slice(0, LIMITS.shortText));

    const participants = new Set<string>();
    for (const k of ['actor1', 'assocactor1', 'actor2', 'assocactor2'] as const) for (const p of splitList(get(k))) participants.add(p.slice(0, LIMITS.shortText));
    if (participants.size) event.participants = [...participants].slice(0, LIMITS.list);

    const sourceText = get('source');
    const scale = get('sourcescale');
    const sources: SourceRecord[] = splitList(sourceText)
      .slice(0, LIMITS.list)
      .map((publisher) => ({ publisher: publisher.slice(0, LIMITS.shortText), ...(scale ? { note: `Source scale (ACLED): ${scale}`.slice(0, LIMITS.note) } : {}) }));
    if (sources.length) event.sources = sources;
    const fatalities = get('fatalities');
    if (fatalities) {
      if (/^\d+$/.test(fatalities)) {
        const figure: FigureRecord = { label: 'Fatalities', value: Number(fatalities), reportedBy: (sourceText || 'ACLED').slice(0, LIMITS.shortText) };
        event.figures = [figure];
      } else {
        notes.warn(at(row, 'fatalities'), `"${fatalities.slice(0, 20)}" is not a whole number; the fatalities were left out`);
      }
    }
    const tags = new Set<string>();
    if (sub) tags.add(sub);
    const disorder = get('disordertype');
    if (disorder) tags.add(disorder);
    const civilians = get('civiliantargeting');
    if (civilians) tags.add(civilians);
    for (const t of splitList(get('tags'))) tags.add(t);
    if (tags.size) event.tags = [...tags].map((t) => (t.length > 60 ? fitText(t, 60, at(row, 'tags'), 'tag', notes) : t)).slice(0, LIMITS.list);

    const wanted = get('eventidcnty');
    event.id = eventIds.claim(wanted || `row-${row}`, 'event');
    if (wanted && event.id !== wanted) {
      notes.warn(at(row, 'eventidcnty'), isValidId(wanted) ? `the id "${wanted}" is used by an earlier row; this event is "${event.id}"` : `"${wanted.slice(0, 40)}" is not a valid id (letters, digits and - _ . : only); it became "${event.id}"`);
    }
    events.push(event);
    origins.push(`row ${row}`);
  }

  const kindList = [...kinds.values()];
  const laneIds = new Set(kindList.map((k) => k.lane));
  const dataset: DatasetRecord = {
    ...datasetHead(undefined, options, notes, 'Conflict events'),
    license: ACLED_LICENSE,
    attribution: (options.attribution?.trim() || ACLED_ATTRIBUTION).slice(0, LIMITS.shortText),
    ...(kindList.length ? { kinds: kindList, lanes: LANES.filter((l) => laneIds.has(l.id)) } : {}),
    places,
    events,
  };
  return { format: 'acled', dataset, notes: notes.items, origins };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-05-16` or `16 May 2025` as a day; null for anything else, or a day not in the calendar. */
function readDate(text: string): string | null {
  const iso = ISO_DAY.exec(text);
  const parts = iso ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : parseLooseDate(text)?.parts;
  if (!parts || parts.month === undefined || parts.day === undefined || parts.hour !== undefined) return null;
  const { year, month, day } = parts;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${formatYear(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function readPlace(name: string, latText: string, lonText: string, notes: Notes, row: number, at: (row: number, k: Col) => string): Omit<PlaceRecord, 'id'> | null {
  const lat = latText === '' ? NaN : Number(latText);
  const lon = lonText === '' ? NaN : Number(lonText);
  const keep = name ? ` ("${name.slice(0, 40)}" is kept as an area name)` : '';
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    notes.error(at(row, 'latitude'), `${latText ? `${latText.slice(0, 20)} is not a latitude (from -90 to 90)` : 'no latitude'}; the event has no place${keep}`);
    return null;
  }
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    notes.error(at(row, 'longitude'), `${lonText ? `${lonText.slice(0, 20)} is not a longitude (from -180 to 180)` : 'no longitude'}; the event has no place${keep}`);
    return null;
  }
  return { name: (name || `${lat}, ${lon}`).slice(0, LIMITS.shortText), lat, lon };
}

/** The kind of an event type: ACLED's own six, or a new one (with a warning the first time). */
function kindFor(type: string, disorder: string, kinds: Map<string, KindRecord>, notes: Notes, where: string): KindRecord {
  const key = type.toLowerCase();
  let kind = kinds.get(key);
  if (kind) return kind;
  const known = EVENT_TYPES[key];
  if (known) {
    kind = { ...known };
  } else if (kinds.size >= LIMITS.kinds - 1) {
    kind = [...kinds.values()].find((k) => k.id === 'other-types') ?? { id: 'other-types', label: 'Other types', lane: 'other', color: '#4f5b66', shape: 'wye' };
    notes.warn(where, `more than ${LIMITS.kinds} event types: "${type.slice(0, 40)}" was put in the kind "Other types"`);
  } else {
    const lane = LANES.find((l) => l.label.toLowerCase() === disorder.toLowerCase())?.id ?? 'other';
    const taken = [...kinds.values()];
    const usedShapes = new Set(taken.filter((k) => k.lane === lane).map((k) => k.shape));
    const shape: Shape = usedShapes.has('wye') ? (SHAPES.find((s) => !usedShapes.has(s)) ?? 'wye') : 'wye';
    const usedColors = new Set([...taken.map((k) => k.color), ...Object.values(EVENT_TYPES).map((k) => k.color)]);
    const ids = new Set(taken.map((k) => k.id));
    const base = slugify(type) || 'other';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    kind = { id, label: type.slice(0, LIMITS.shortText), lane, color: PALETTE.find((c) => !usedColors.has(c)) ?? PALETTE[taken.length % PALETTE.length]!, shape };
    if (key !== 'other') notes.warn(where, `"${type.slice(0, 40)}" is not one of ACLED's event types (${Object.values(EVENT_TYPES).map((k) => k.label).join(', ')}); it became a kind of its own, in the lane "${LANES.find((l) => l.id === lane)!.label}"`);
  }
  kinds.set(key, kind);
  return kind;
}
