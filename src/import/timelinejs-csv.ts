/**
 * TimelineJS's Google Sheet template saved as CSV (File → Download → Comma-separated values).
 * Columns are found by name, in any order and case: Year, Month, Day, Time, End Year, End
 * Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption,
 * Media Thumbnail, Alt Text, Type, Group (the older sheet's "Tag"), Background, and the oldest
 * sheet's Start Date / End Date. A row of Type "title" gives the dataset's title and
 * description; rows of Type "era" become eras.
 */
import type { DatasetRecord } from '../model/schema';
import { Columns, headerKey, readCsv } from './csv';
import { parseClock, parseLooseDate, type DateParts } from './dates';
import { datasetHead, zoneOption } from './dataset-parts';
import { noteTally, readEras, readTitleSlide, slidesToEvents, type Locate, type SlideInput, type TimelineContext } from './timelinejs-slides';
import { Notes, type ImportOptions, type ImporterOutput } from './types';

const KNOWN = new Set(
  ['Year', 'Month', 'Day', 'Time', 'End Year', 'End Month', 'End Day', 'End Time', 'Display Date', 'Headline', 'Text', 'Media', 'Media Credit', 'Media Caption', 'Media Thumbnail', 'Alt Text', 'Type', 'Group', 'Tag', 'Background', 'Start Date', 'End Date'].map(headerKey),
);

/** True for a header row of the TimelineJS template. */
export function looksLikeTimelineSheet(header: readonly string[]): boolean {
  const keys = new Set(header.map(headerKey));
  return (keys.has('year') || keys.has('startdate')) && (keys.has('headline') || keys.has('text'));
}

/** Which column a slide field came from. */
function columnOf(field: string, cols: Columns, v1: boolean): string {
  const [date, part] = field.split('.');
  if (date === 'start_date' || date === 'end_date') {
    const end = date === 'end_date';
    if (v1) return end ? 'enddate' : 'startdate';
    if (part === 'month' || part === 'day') return `${end ? 'end' : ''}${part}`;
    if (part === 'hour' || part === 'minute' || part === 'second' || part === 'millisecond') return end ? 'endtime' : 'time';
    return end ? 'endyear' : 'year';
  }
  const map: Record<string, string> = {
    'text.headline': 'headline',
    'text.text': 'text',
    'media.url': 'media',
    'media.caption': 'mediacaption',
    'media.credit': 'mediacredit',
    media: 'media',
    group: cols.has('group') ? 'group' : 'tag',
    display_date: 'displaydate',
  };
  return map[field] ?? '';
}

/** The oldest sheet's "Start Date" as TimelineJS reads it: ISO, a bare year, or month/day/year (US order). */
function v1Date(text: string): DateParts | null {
  const loose = parseLooseDate(text);
  if (loose) return loose.parts;
  const us = /^(\d{1,2})\/(\d{1,2})\/(-?\d{1,6})(?:\s+(.+))?$/.exec(text.trim());
  if (!us) return null;
  const parts: DateParts = { year: Number(us[3]), month: Number(us[1]), day: Number(us[2]) };
  const clock = us[4] ? parseClock(us[4]) : null;
  return clock ? { ...parts, ...clock } : parts;
}

export function importTimelineCsv(text: string, options: ImportOptions = {}): ImporterOutput {
  const notes = new Notes();
  const fail = (): ImporterOutput => ({ format: 'timelinejs-csv', dataset: null, notes: notes.items, origins: [] });
  const table = readCsv(text, notes, looksLikeTimelineSheet);
  if (!table) return fail();
  const cols = new Columns(table.header, notes);
  const v1 = cols.has('startdate') && !cols.has('year');
  if (!cols.has('year') && !v1) {
    notes.error('row 1', table.header.length <= 1 ? `only one column was found ("${(table.header[0] ?? '').slice(0, 60)}"): the file does not seem to be separated by commas` : 'the column "Year" is missing: TimelineJS\'s template needs Year (and Month, Day…) for every event');
    return fail();
  }
  if (!cols.has('headline') && !cols.has('text')) {
    notes.error('row 1', 'the columns "Headline" and "Text" are both missing: there is nothing to show for the events');
    return fail();
  }
  if (!cols.has('headline')) notes.warn('row 1', 'the column "Headline" is missing: titles were taken from the Text column');
  if (!cols.has('text')) notes.warn('row 1', 'the column "Text" is missing: the events have titles only');
  const unknown = cols.unknown((k) => KNOWN.has(k));
  if (unknown.length) notes.warn('row 1', `columns that are not in TimelineJS's template were ignored: ${unknown.map((u) => `"${u}"`).join(', ')}`);

  const zone = zoneOption(options, notes);
  const ctx: TimelineContext = { notes, zone, cellText: true };
  let title: SlideInput | undefined;
  const events: SlideInput[] = [];
  const eras: SlideInput[] = [];
  for (const { cells, rowNumber } of table.rows) {
    const at: Locate = (field) => {
      const key = columnOf(field, cols, v1);
      return key && cols.has(key) ? `row ${rowNumber}, column ${cols.name(key)}` : `row ${rowNumber}`;
    };
    const get = (key: string) => cols.get(cells, key);
    const slide: Record<string, unknown> = {
      text: { headline: get('headline'), text: get('text') },
      media: { url: get('media'), caption: get('mediacaption'), credit: get('mediacredit'), thumbnail: get('mediathumbnail'), alt: get('alttext') },
      display_date: get('displaydate'),
      group: get('group') || get('tag'),
      background: get('background'),
    };
    const dates = v1 ? readV1Dates(get, at, notes) : readDates(get, at, notes);
    Object.assign(slide, dates);
    const type = get('type').toLowerCase();
    if (type === 'title' && !title) title = { slide, at };
    else if (type === 'era') eras.push({ slide, at });
    else {
      if (type === 'title') notes.warn(`row ${rowNumber}, column ${cols.name('type')}`, 'a second "title" row: it was read as an event');
      else if (type && type !== 'event') notes.warn(`row ${rowNumber}, column ${cols.name('type')}`, `the type "${type.slice(0, 30)}" is not "title" or "era"; the row was read as an event`);
      events.push({ slide, at });
    }
  }
  const head = title ? readTitleSlide(title.slide, title.at, ctx) : {};
  const converted = slidesToEvents(events, ctx, `column ${cols.has('group') ? cols.name('group') : cols.has('tag') ? cols.name('tag') : 'Group'}`);
  const eraRecords = readEras(eras, ctx);
  noteTally(converted.tally, notes);
  if (converted.events.some((e) => e.start.includes('T')) && !zone) {
    notes.warn('file', "the sheet's times have no time zone (TimelineJS shows them in each reader's own zone); they were read as UTC. Give the zone they are in (the CLI's --timezone) to place them right");
  }
  notes.warn('file', 'TimelineJS has no places: the events are on the timeline only; add places (the CSV template has latitude and longitude columns) to put them on the map');
  const dataset: DatasetRecord = {
    ...datasetHead(head.title, options, notes, 'Imported timeline'),
    ...(head.description ? { description: head.description } : {}),
    kinds: converted.kinds,
    lanes: converted.lanes,
    ...(eraRecords.length ? { eras: eraRecords } : {}),
    places: [],
    events: converted.events,
  };
  return { format: 'timelinejs-csv', dataset, notes: notes.items, origins: converted.origins };
}

/** Year, Month, Day and Time (and their End columns) as TimelineJS date objects. */
function readDates(get: (key: string) => string, at: Locate, notes: Notes): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, prefix] of [['start_date', ''], ['end_date', 'end']] as const) {
    const year = get(`${prefix}year`);
    const time = get(`${prefix}time`);
    if (!year) {
      if (time) notes.warn(at(`${field}.hour`), 'a time without a year was ignored');
      continue;
    }
    const date: Record<string, unknown> = { year, month: get(`${prefix}month`), day: get(`${prefix}day`) };
    if (time) {
      const clock = parseClock(time);
      if (clock) Object.assign(date, clock);
      else notes.warn(at(`${field}.hour`), `"${time.slice(0, 30)}" is not a time like 13:30 or 1:30 PM; only the day is kept`);
    }
    out[field] = date;
  }
  return out;
}

function readV1Dates(get: (key: string) => string, at: Locate, notes: Notes): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, key] of [['start_date', 'startdate'], ['end_date', 'enddate']] as const) {
    const value = get(key);
    if (!value) continue;
    const parts = v1Date(value);
    if (parts) out[field] = parts;
    else notes.warn(at(field), `"${value.slice(0, 40)}" is not a date TimelineJS reads (like 2025-08-18 or 8/18/2025)`);
  }
  return out;
}
