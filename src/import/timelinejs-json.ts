/**
 * TimelineJS 3's JSON format (timeline.knightlab.com/docs/json-format): `title` (a slide),
 * `events` (slides with `start_date`, `end_date`, `text`, `media`, `group`, `display_date`,
 * `unique_id`, `background`, `autolink`), `eras` and `scale`. TimelineJS has no places, so the
 * events come without any; the map stays empty until places are added.
 */
import type { DatasetRecord } from '../model/schema';
import { datasetHead, zoneOption } from './dataset-parts';
import { isRecord, parseJsonText } from './fields';
import { noteTally, readEras, readTitleSlide, slidesToEvents, type TimelineContext } from './timelinejs-slides';
import { Notes, type ImportOptions, type ImporterOutput } from './types';

export function importTimelineJson(text: string, options: ImportOptions = {}): ImporterOutput {
  const notes = new Notes();
  const fail = (): ImporterOutput => ({ format: 'timelinejs', dataset: null, notes: notes.items, origins: [] });
  const data = parseJsonText(text, notes);
  if (data === undefined) return fail();
  if (!isRecord(data)) {
    notes.error('file', 'expected a TimelineJS timeline: an object with "events"');
    return fail();
  }
  if (isRecord(data.timeline) && data.events === undefined) {
    notes.error('timeline', 'this is the older TimelineJS 2 format ({"timeline": {"date": [...]}}), which this importer does not read; open it in TimelineJS 3 or use its Google Sheet template');
    return fail();
  }
  if (!Array.isArray(data.events)) {
    notes.error('events', 'expected "events", a list of slides');
    return fail();
  }
  const zone = zoneOption(options, notes);
  const ctx: TimelineContext = { notes, zone };
  if (data.scale !== undefined && data.scale !== 'human' && data.scale !== 'cosmological') notes.warn('scale', `the scale "${String(data.scale).slice(0, 30)}" is neither "human" nor "cosmological"; it was ignored`);

  const { title, description } = readTitleSlide(isRecord(data.title) ? data.title : undefined, (f) => (f ? `title.${f}` : 'title'), ctx);
  const slides = data.events.flatMap((slide: unknown, i) => {
    if (isRecord(slide)) return [{ slide, at: (f: string) => (f ? `events[${i}].${f}` : `events[${i}]`) }];
    notes.error(`events[${i}]`, 'expected a slide (an object in braces); it was dropped');
    return [];
  });
  const { events, origins, kinds, lanes, tally } = slidesToEvents(slides, ctx, 'events[].group');
  const eraList = Array.isArray(data.eras) ? data.eras : [];
  const eras = readEras(
    eraList.map((era, i) => ({ slide: isRecord(era) ? era : {}, at: (f: string) => (f ? `eras[${i}].${f}` : `eras[${i}]`) })),
    ctx,
  );
  noteTally(tally, notes);
  if (events.some((e) => e.start.includes('T')) && !zone) {
    notes.warn('file', 'TimelineJS times have no time zone (it shows them in each reader\'s own zone); they were read as UTC. Give the zone they are in (the CLI\'s --timezone) to place them right');
  }
  notes.warn('file', 'TimelineJS has no places: the events are on the timeline only; add places (the CSV template has latitude and longitude columns) to put them on the map');

  const dataset: DatasetRecord = {
    ...datasetHead(title, options, notes, 'Imported timeline'),
    ...(description ? { description } : {}),
    kinds,
    lanes,
    ...(eras.length ? { eras } : {}),
    places: [],
    events,
  };
  return { format: 'timelinejs', dataset, notes: notes.items, origins };
}
