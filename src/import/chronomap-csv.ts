/**
 * Chronomap's own CSV template (docs/csv-template.md, public/templates/chronomap-template.csv):
 * one row per event, a column per field, sources and figures repeated as "source 2 url",
 * "figure 2 value"… Places are made from place + latitude + longitude and shared by rows that
 * give the same name and coordinates.
 */
import { DEFAULT_KINDS } from '../model/categories';
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  GEO_PRECISIONS,
  LANGUAGE_PATTERN,
  LIMITS,
  PLACE_KINDS,
  PRECISIONS,
  PUBLISHED_PATTERN,
  SHAPES,
  WHEN_PATTERN,
  isTimeZone,
  type DatasetRecord,
  type EventRecord,
  type FigureRecord,
  type KindRecord,
  type LaneRecord,
  type PlaceRecord,
  type Shape,
  type SourceRecord,
} from '../model/schema';
import { grainOf, instantOf } from '../model/time';
import { Columns, headerKey, readCsv } from './csv';
import { parseLooseDate, whenFromText } from './dates';
import { datasetHead, zoneOption } from './dataset-parts';
import { fitText, splitList } from './fields';
import { IdRegistry, isValidId, slugify } from './ids';
import { PALETTE } from './palette';
import { isWebUrl, publisherOf } from './sources';
import { Notes, type ImportOptions, type ImporterOutput } from './types';

const SINGLE = ['id', 'title', 'summary', 'start', 'end', 'precision', 'timezone', 'kind', 'lane', 'status', 'statusnote', 'highlight', 'place', 'latitude', 'longitude', 'placekind', 'country', 'geoprecision', 'participants', 'tags', 'notes', 'mediaurl', 'mediacaption', 'mediacredit'];
const ALIASES: Record<string, string> = { lat: 'latitude', lon: 'longitude', lng: 'longitude', long: 'longitude' };
const SOURCE_COLUMN = /^source(\d*)(publisher|title|url|date|language|note)$/;
const FIGURE_COLUMN = /^figure(\d*)(label|value|unit|reportedby|note)$/;

const key = (k: string) => ALIASES[k] ?? k;
const isKnown = (k: string) => SINGLE.includes(key(k)) || SOURCE_COLUMN.test(k) || FIGURE_COLUMN.test(k);

/** True for a header row of this template: a title and a start. */
export function looksLikeChronomapSheet(header: readonly string[]): boolean {
  const keys = new Set(header.map(headerKey));
  return keys.has('title') && keys.has('start');
}

/** Precisions finer than a start that gives only a year or a month (as the validator checks). */
const NEEDS: Partial<Record<string, 'day' | 'month'>> = { day: 'day', week: 'day', month: 'month' };

export function importChronomapCsv(text: string, options: ImportOptions = {}): ImporterOutput {
  const notes = new Notes();
  const fail = (): ImporterOutput => ({ format: 'csv', dataset: null, notes: notes.items, origins: [] });
  const table = readCsv(text, notes, looksLikeChronomapSheet);
  if (!table) return fail();
  const cols = new Columns(table.header, notes);
  const col = (k: string) => (cols.has(k) ? k : (Object.keys(ALIASES).find((a) => ALIASES[a] === k && cols.has(a)) ?? k));
  for (const required of ['title', 'start']) {
    if (!cols.has(required)) {
      notes.error('row 1', table.header.length <= 1 ? `only one column was found ("${(table.header[0] ?? '').slice(0, 60)}"): the file does not seem to be separated by commas` : `the column "${required}" is missing: every event needs a ${required === 'title' ? 'title' : 'start date'}`);
      return fail();
    }
  }
  const unknown = cols.unknown(isKnown);
  if (unknown.length) notes.warn('row 1', `columns this template does not have were ignored: ${unknown.map((u) => `"${u}"`).join(', ')} (see docs/csv-template.md)`);
  const sourceNumbers = numbered(table.header, SOURCE_COLUMN);
  const figureNumbers = numbered(table.header, FIGURE_COLUMN);
  const defaultZone = zoneOption(options, notes);

  const eventIds = new IdRegistry();
  const placeIds = new IdRegistry();
  const places: PlaceRecord[] = [];
  const placeByKey = new Map<string, string>();
  const events: EventRecord[] = [];
  const origins: string[] = [];
  const kindValues: { value: string; lane: string; row: number }[] = [];
  const rowKinds: string[] = [];

  for (const { cells, rowNumber } of table.rows) {
    const get = (k: string) => cols.get(cells, col(k));
    const at = (k: string) => `row ${rowNumber}, column ${cols.name(col(k))}`;
    const title = get('title');
    if (!title) {
      notes.error(`row ${rowNumber}`, 'no title: the row was dropped');
      continue;
    }
    const zoneText = get('timezone');
    let zone = defaultZone;
    if (zoneText) {
      if (isTimeZone(zoneText)) zone = zoneText;
      else notes.warn(at('timezone'), `"${zoneText.slice(0, 40)}" is not a time zone name like "Europe/Kyiv"; ${defaultZone ? defaultZone : 'UTC'} was used`);
    }
    const start = readWhen(get('start'), zone);
    if (!start.ok) {
      notes.error(at('start'), `${get('start') ? start.message : 'no start date'}: the row was dropped`);
      continue;
    }
    const event: EventRecord = { id: '', title: fitText(title, LIMITS.title, at('title'), 'title', notes), start: start.value, kind: '' };
    const summary = get('summary');
    if (summary) event.summary = fitText(summary, LIMITS.summary, at('summary'), 'summary', notes);
    const endText = get('end');
    if (endText) {
      const end = readWhen(endText, zone);
      if (!end.ok) notes.warn(at('end'), `${end.message}; the end was dropped`);
      else if (instantOf(end.value, zone ?? 'UTC') < instantOf(start.value, zone ?? 'UTC')) notes.warn(at('end'), `the end (${end.value}) is before the start (${start.value}); the end was dropped`);
      else event.end = end.value;
    }
    const precision = get('precision').toLowerCase();
    if (precision) {
      const needs = NEEDS[precision];
      const grain = grainOf(start.value);
      if (!(PRECISIONS as readonly string[]).includes(precision)) notes.warn(at('precision'), `"${precision}" is not one of ${PRECISIONS.join(', ')}; it was left out`);
      else if (needs && (grain === 'year' || (needs === 'day' && grain === 'month'))) notes.warn(at('precision'), `"${precision}" is finer than the start ${start.value}, which gives only the ${grain}; it was left out`);
      else event.precision = precision as EventRecord['precision'];
    }
    if (zone) event.timezone = zone;

    const status = get('status').toLowerCase();
    if (status) {
      if ((EVENT_STATUSES as readonly string[]).includes(status)) event.status = status as EventRecord['status'];
      else notes.warn(at('status'), `"${status.slice(0, 30)}" is not one of ${EVENT_STATUSES.join(', ')}; it was left out`);
    }
    const statusNote = get('statusnote');
    if (statusNote) event.statusNote = fitText(statusNote, LIMITS.note, at('statusnote'), 'status note', notes);
    const highlight = get('highlight').toLowerCase();
    if (['true', 'yes', 'y', '1', 'x'].includes(highlight)) event.highlight = true;
    else if (highlight && !['false', 'no', 'n', '0'].includes(highlight)) notes.warn(at('highlight'), `"${highlight.slice(0, 20)}" is not yes or no; the event is not highlighted`);

    const place = readPlace(get, at, notes);
    if (place && 'area' in place) event.areas = [place.area];
    else if (place) {
      const k = `${place.name}|${place.lat}|${place.lon}`;
      let id = placeByKey.get(k);
      if (!id) {
        id = placeIds.claim(slugify(place.name), 'place');
        placeByKey.set(k, id);
        places.push({ id, ...place });
      }
      event.place = id;
      const geo = get('geoprecision').toLowerCase();
      if (geo && geo !== 'none' && (GEO_PRECISIONS as readonly string[]).includes(geo)) event.geoPrecision = geo as EventRecord['geoPrecision'];
      else if (geo) notes.warn(at('geoprecision'), `"${geo.slice(0, 20)}" is not venue, city or region; it was left out`);
    }

    const participants = splitList(get('participants')).map((p) => p.slice(0, LIMITS.shortText));
    if (participants.length) event.participants = participants.slice(0, LIMITS.list);
    const figures = figureNumbers.map((n) => readFigure(n, get, at, notes)).filter((f): f is FigureRecord => f !== null);
    if (figures.length) event.figures = figures;
    const sources = sourceNumbers.map((n) => readSource(n, get, at, notes)).filter((s): s is SourceRecord => s !== null);
    if (sources.length) event.sources = sources;
    const mediaUrl = get('mediaurl');
    if (mediaUrl) {
      if (!isWebUrl(mediaUrl)) notes.warn(at('mediaurl'), `"${mediaUrl.slice(0, 60)}" is not a web address starting with http:// or https://; the media was left out`);
      else {
        const caption = get('mediacaption');
        const credit = get('mediacredit');
        event.media = { url: mediaUrl, ...(caption ? { caption: caption.slice(0, LIMITS.shortText) } : {}), ...(credit ? { credit: credit.slice(0, LIMITS.shortText) } : {}) };
      }
    }
    const tags = splitList(get('tags')).map((t) => (t.length > 60 ? fitText(t, 60, at('tags'), 'tag', notes) : t));
    if (tags.length) event.tags = tags.slice(0, LIMITS.list);
    // Notes are prose and have semicolons: one note per line of the cell.
    const eventNotes = get('notes')
      .split(/\s*\n\s*/)
      .filter(Boolean)
      .map((t) => fitText(t, LIMITS.note, at('notes'), 'note', notes));
    if (eventNotes.length) event.notes = eventNotes;

    const wanted = get('id');
    event.id = eventIds.claim(wanted || slugify(title), 'event');
    if (wanted && event.id !== wanted) notes.warn(at('id'), isValidId(wanted) ? `the id "${wanted}" is used by an earlier row; this event is "${event.id}"` : `"${wanted.slice(0, 60)}" is not a valid id (letters, digits and - _ . : only, no spaces); it became "${event.id}"`);

    const kind = get('kind');
    if (!kind) notes.warn(at('kind'), 'no kind: the event is of the kind "Other"');
    kindValues.push({ value: kind, lane: get('lane'), row: rowNumber });
    rowKinds.push(kind);
    events.push(event);
    origins.push(`row ${rowNumber}`);
  }

  const { kinds, lanes, kindOf } = makeKinds(kindValues, notes, (row) => `row ${row}, column ${cols.name('lane')}`);
  events.forEach((e, i) => (e.kind = kindOf(rowKinds[i]!)));
  const dataset: DatasetRecord = {
    ...datasetHead(undefined, options, notes, 'Imported events'),
    ...(kinds ? { kinds, lanes } : {}),
    places,
    events,
  };
  return { format: 'csv', dataset, notes: notes.items, origins };
}

/** The numbers of a repeated group in the header ('' for the first, then "2", "3"…), in order. */
function numbered(header: readonly string[], pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const h of header) {
    const m = pattern.exec(headerKey(h));
    if (m) found.add(m[1] === '1' ? '' : m[1]!);
  }
  return [...found].sort((a, b) => Number(a || 1) - Number(b || 1));
}

type WhenRead = { ok: true; value: string } | { ok: false; message: string };

/** Our own strings as they are; other unambiguous dates converted (clock times get the zone's offset). */
function readWhen(text: string, zone: string | undefined): WhenRead {
  if (!text) return { ok: false, message: 'empty' };
  if (WHEN_PATTERN.test(text)) return { ok: true, value: text };
  const composed = whenFromText(text, zone);
  if (!composed.ok) return composed;
  if (composed.dropped) return { ok: false, message: `"${text.slice(0, 40)}": ${composed.dropped}` };
  return { ok: true, value: composed.when.value };
}

function number(text: string): number | undefined {
  const t = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : undefined;
}

function readPlace(get: (k: string) => string, at: (k: string) => string, notes: Notes): Omit<PlaceRecord, 'id'> | { area: string } | undefined {
  const name = get('place');
  const latText = get('latitude');
  const lonText = get('longitude');
  if (!latText && !lonText) {
    if (name) notes.warn(at('place'), `"${name.slice(0, 60)}" has no latitude and longitude: it is kept as an area name, not put on the map`);
    return name ? { area: name.slice(0, LIMITS.shortText) } : undefined;
  }
  const lat = number(latText);
  const lon = number(lonText);
  const dropped = (k: string, message: string) => {
    notes.error(at(k), `${message}; the event has no place${name ? ` ("${name.slice(0, 60)}" is kept as an area name)` : ''}`);
    return name ? { area: name.slice(0, LIMITS.shortText) } : undefined;
  };
  if (lat === undefined) return dropped('latitude', latText ? `"${latText.slice(0, 20)}" is not a number` : 'no latitude');
  if (lon === undefined) return dropped('longitude', lonText ? `"${lonText.slice(0, 20)}" is not a number` : 'no longitude');
  if (lat < -90 || lat > 90) return dropped('latitude', `${lat} is not a latitude (from -90 to 90)`);
  if (lon < -180 || lon > 180) return dropped('longitude', `${lon} is not a longitude (from -180 to 180)`);
  if (!name) notes.warn(at('place'), 'coordinates without a place name: the place is named by its coordinates');
  const place: Omit<PlaceRecord, 'id'> = { name: (name || `${lat}, ${lon}`).slice(0, LIMITS.shortText), lat, lon };
  const kind = get('placekind').toLowerCase();
  if (kind) {
    if ((PLACE_KINDS as readonly string[]).includes(kind)) place.kind = kind as PlaceRecord['kind'];
    else notes.warn(at('placekind'), `"${kind.slice(0, 20)}" is not one of ${PLACE_KINDS.join(', ')}; it was left out`);
  }
  const country = get('country').toUpperCase();
  if (country) {
    if (/^[A-Z]{2}$/.test(country)) place.country = country;
    else notes.warn(at('country'), `"${country.slice(0, 20)}" is not a two-letter country code like UA; it was left out`);
  }
  return place;
}

function readSource(n: string, get: (k: string) => string, at: (k: string) => string, notes: Notes): SourceRecord | null {
  const c = (field: string) => `source${n}${field}`;
  let publisher = get(c('publisher'));
  let url: string | undefined = get(c('url'));
  const title = get(c('title'));
  const date = get(c('date'));
  const language = get(c('language')).toLowerCase();
  const note = get(c('note'));
  if (!publisher && !url && !title && !date) return null;
  if (url && !isWebUrl(url)) {
    notes.warn(at(c('url')), `"${url.slice(0, 60)}" is not a web address starting with http:// or https://; the link was left out`);
    url = undefined;
  }
  if (!publisher) {
    if (!url) {
      notes.warn(at(c('publisher')), 'a source without a publisher or a link was left out');
      return null;
    }
    publisher = publisherOf(url);
    notes.warn(at(c('publisher')), `no publisher: "${publisher}" was taken from the link`);
  }
  const source: SourceRecord = { publisher: publisher.slice(0, LIMITS.shortText) };
  if (title) source.title = title.slice(0, LIMITS.shortText);
  if (url) source.url = url;
  if (date) {
    const published = publishedDate(date);
    if (published) source.date = published;
    else notes.warn(at(c('date')), `"${date.slice(0, 40)}" is not a publication date like 2025-08-18 (or 2025-08, 2025); it was left out`);
  }
  if (language) {
    if (LANGUAGE_PATTERN.test(language)) source.language = language;
    else notes.warn(at(c('language')), `"${language.slice(0, 20)}" is not a language code like en or uk; it was left out`);
  }
  if (note) source.note = note.slice(0, LIMITS.note);
  return source;
}

function publishedDate(text: string): string | undefined {
  if (PUBLISHED_PATTERN.test(text)) return text;
  const loose = parseLooseDate(text);
  if (!loose || loose.parts.year < 1000 || loose.parts.year > 9999 || loose.parts.hour !== undefined) return undefined;
  const { year, month, day } = loose.parts;
  const value = [String(year), month && String(month).padStart(2, '0'), month && day && String(day).padStart(2, '0')].filter(Boolean).join('-');
  return PUBLISHED_PATTERN.test(value) ? value : undefined;
}

function readFigure(n: string, get: (k: string) => string, at: (k: string) => string, notes: Notes): FigureRecord | null {
  const c = (field: string) => `figure${n}${field}`;
  const label = get(c('label'));
  const value = get(c('value'));
  const reportedBy = get(c('reportedby'));
  if (!label && !value && !reportedBy) return null;
  const missing = [!label && 'label', !value && 'value', !reportedBy && 'who reported it'].filter(Boolean);
  if (missing.length) {
    notes.warn(at(c(!label ? 'label' : !value ? 'value' : 'reportedby')), `a figure needs a label, a value and who reported it; this one has no ${missing.join(' and no ')}, so it was left out`);
    return null;
  }
  const unit = get(c('unit'));
  const note = get(c('note'));
  const numeric = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
  return {
    label: label.slice(0, LIMITS.shortText),
    value: numeric ?? value.slice(0, LIMITS.shortText),
    ...(unit ? { unit: unit.slice(0, 60) } : {}),
    reportedBy: reportedBy.slice(0, LIMITS.shortText),
    ...(note ? { note: note.slice(0, LIMITS.note) } : {}),
  };
}

const DEFAULT_LANE_LABELS: Record<string, string> = { diplomacy: 'Diplomacy', attacks: 'Attacks' };

/**
 * No kinds list when every kind is one of the six story kinds (the app's defaults then apply);
 * otherwise a list in order of first use: story kinds keep their look and lane, others get a
 * palette colour, a shape not yet used in their lane, and the lane their "lane" cell names
 * (else "Events").
 */
function makeKinds(values: { value: string; lane: string; row: number }[], notes: Notes, laneAt: (row: number) => string): { kinds?: KindRecord[]; lanes?: LaneRecord[]; kindOf: (value: string) => string } {
  const isDefault = (v: string) => (EVENT_KINDS as readonly string[]).includes(v.toLowerCase());
  if (values.every((v) => v.value && isDefault(v.value))) return { kindOf: (v) => v.toLowerCase() };
  const kinds: KindRecord[] = [];
  const lanes: LaneRecord[] = [];
  const byValue = new Map<string, string>();
  const kindIds = new IdRegistry();
  const laneIds = new Map<string, string>();
  const laneOf = (label: string, row: number): string => {
    const wanted = label || 'Events';
    let id = laneIds.get(wanted.toLowerCase());
    if (id) return id;
    if (lanes.length === LIMITS.lanes) {
      notes.warn(laneAt(row), `more than ${LIMITS.lanes} lanes: "${wanted.slice(0, 40)}" was put in the lane "${lanes[0]!.label}"`);
      return lanes[0]!.id;
    }
    id = DEFAULT_LANE_LABELS[wanted.toLowerCase()] ? wanted.toLowerCase() : slugify(wanted) || 'events';
    if (lanes.some((l) => l.id === id)) id = `${id}-${lanes.length + 1}`;
    laneIds.set(wanted.toLowerCase(), id);
    lanes.push({ id, label: (DEFAULT_LANE_LABELS[id] ?? wanted).slice(0, LIMITS.shortText) });
    return id;
  };
  let custom = 0;
  for (const { value, lane, row } of values) {
    const label = value || 'Other';
    const k = label.toLowerCase();
    if (byValue.has(k)) continue;
    if (kinds.length >= LIMITS.kinds - 1 && k !== 'other') {
      if (!byValue.has('other')) {
        notes.warn(`row ${row}`, `more than ${LIMITS.kinds} kinds: "${label.slice(0, 40)}" and the new kinds after it are of the kind "Other"`);
        const id = kindIds.claim('other', 'kind');
        kinds.push(customKind(id, 'Other', laneOf('', row), custom++, kinds));
        byValue.set('other', id);
      }
      byValue.set(k, byValue.get('other')!);
      continue;
    }
    const style = DEFAULT_KINDS.find((d) => d.id === k);
    if (style && !lane) {
      const laneId = laneOf(DEFAULT_LANE_LABELS[style.lane]!, row);
      kindIds.claim(style.id, 'kind');
      kinds.push({ id: style.id, label: label[0]!.toUpperCase() + label.slice(1), lane: laneId, color: style.color, colorDark: style.colorDark, shape: style.shape });
      byValue.set(k, style.id);
    } else {
      const id = kindIds.claim(slugify(label), 'kind');
      kinds.push(customKind(id, label, laneOf(lane, row), custom++, kinds));
      byValue.set(k, id);
    }
  }
  return { kinds, lanes, kindOf: (v) => byValue.get((v || 'Other').toLowerCase()) ?? 'other' };
}

function customKind(id: string, label: string, lane: string, n: number, existing: readonly KindRecord[]): KindRecord {
  const used = new Set(existing.filter((k) => k.lane === lane).map((k) => k.shape));
  const shape: Shape = SHAPES.find((s) => !used.has(s)) ?? SHAPES[n % SHAPES.length]!;
  const usedColors = new Set(existing.map((k) => k.color));
  const color = PALETTE.find((c) => !usedColors.has(c)) ?? PALETTE[n % PALETTE.length]!;
  return { id, label: label.slice(0, LIMITS.shortText), lane, color, shape };
}
