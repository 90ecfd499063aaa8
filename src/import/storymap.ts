/**
 * StoryMapJS (storymap.knightlab.com) JSON: `storymap.slides[]`, each with `text` {headline,
 * text}, `location` {lat, lon, name, zoom, line}, `media` {url, caption, credit}; the first
 * slide of type "overview" introduces the story.
 *
 * A story map is a sequence of stops, not a chronology: its slides have no dates (the slide
 * object has a `date` field, which StoryMapJS never shows and its editor leaves empty). So:
 * every slide becomes a step of the dataset's one story (`stories[0]`), in order; a slide with
 * a location gives a place (slides at the same name and coordinates share one); and only a
 * slide whose `date` reads as a date also becomes an event, which its step then selects.
 */
import { LIMITS, type DatasetRecord, type EventRecord, type MediaRecord, type PlaceRecord, type StepRecord } from '../model/schema';
import { whenFromText } from './dates';
import { datasetHead, zoneOption } from './dataset-parts';
import { asText, fitText, isRecord, parseJsonText } from './fields';
import { htmlToText } from './html-text';
import { IdRegistry, slugify } from './ids';
import { singleKind } from './palette';
import { isWebUrl, sourceFromLink } from './sources';
import { Notes, type ImportOptions, type ImporterOutput } from './types';

function coordinate(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function importStoryMap(text: string, options: ImportOptions = {}): ImporterOutput {
  const notes = new Notes();
  const fail = (): ImporterOutput => ({ format: 'storymap', dataset: null, notes: notes.items, origins: [] });
  const data = parseJsonText(text, notes);
  if (data === undefined) return fail();
  const map = isRecord(data) && isRecord(data.storymap) ? data.storymap : isRecord(data) && Array.isArray(data.slides) ? data : null;
  if (!map || !Array.isArray(map.slides)) {
    notes.error('storymap.slides', 'expected a StoryMapJS file: {"storymap": {"slides": [...]}}');
    return fail();
  }
  const zone = zoneOption(options, notes);
  const slides: unknown[] = map.slides;
  const onPicture = map.map_as_image === true || (typeof map.map_type === 'string' && map.map_type.startsWith('zoomify'));
  if (onPicture) notes.error('storymap.map_type', 'this story map is drawn on a picture (a "gigapixel" map): its positions are points on that picture, not places on Earth, so no places were made');

  const placeIds = new IdRegistry();
  const eventIds = new IdRegistry();
  const places: PlaceRecord[] = [];
  const placeByKey = new Map<string, string>();
  const events: EventRecord[] = [];
  const origins: string[] = [];
  const steps: StepRecord[] = [];
  let overview: { title?: string; description?: string } | undefined;
  let lines = 0;

  slides.forEach((slide, i) => {
    const at = (f: string) => (f ? `slides[${i}].${f}` : `slides[${i}]`);
    if (!isRecord(slide)) {
      notes.error(at(''), 'expected a slide (an object in braces); it was dropped');
      return;
    }
    const t = isRecord(slide.text) ? slide.text : {};
    const headline = htmlToText(asText(t.headline) ?? '').text.replace(/\s*\n\s*/g, ' ');
    const body = htmlToText(asText(t.text) ?? '');
    if (slide.type === 'overview' && !overview) {
      overview = {
        ...(headline ? { title: fitText(headline, LIMITS.title, at('text.headline'), 'headline', notes) } : {}),
        ...(body.text ? { description: fitText(body.text, LIMITS.summary, at('text.text'), 'text', notes) } : {}),
      };
      return;
    }
    for (const href of body.rejected.slice(0, 3)) notes.warn(at('text.text'), `the link to "${href.slice(0, 60)}" was not kept: only http(s) links are`);
    const title = fitText(headline || body.text.split('\n')[0] || `Slide ${i}`, LIMITS.title, at('text.headline'), 'headline', notes);
    if (!headline) notes.warn(at('text.headline'), body.text ? 'no headline: the title was taken from the text' : `no headline and no text: the step is called "${title}"`);

    const place = onPicture ? undefined : readPlace(slide.location, title, at, notes);
    let placeId: string | undefined;
    if (place) {
      const key = `${place.name}|${place.lat.toFixed(6)}|${place.lon.toFixed(6)}`;
      placeId = placeByKey.get(key);
      if (!placeId) {
        placeId = placeIds.claim(slugify(place.name), 'place');
        placeByKey.set(key, placeId);
        places.push({ id: placeId, ...place });
      }
    }
    if (isRecord(slide.location) && slide.location.line === true) lines++;

    const media = readMedia(slide.media, at, notes);
    let eventId: string | undefined;
    const date = asText(slide.date);
    if (date) {
      const when = whenFromText(date, zone);
      if (!when.ok) notes.warn(at('date'), `${when.message}; the slide is a step of the story but not an event on the timeline`);
      else {
        if (when.dropped) notes.warn(at('date'), when.dropped);
        eventId = eventIds.claim(asText(slide.uniqueid) ?? slugify(title), 'slide');
        const event: EventRecord = { id: eventId, title, start: when.when.value, precision: when.when.precision, kind: 'event' };
        if (body.text && body.text !== title) event.summary = fitText(body.text, LIMITS.summary, at('text.text'), 'text', notes);
        if (zone) event.timezone = zone;
        if (placeId) event.place = placeId;
        if (body.links.length) event.sources = body.links.slice(0, LIMITS.list).map(sourceFromLink);
        if (media) event.media = media;
        events.push(event);
        origins.push(at(''));
      }
    }

    if (steps.length === LIMITS.steps) {
      notes.error(at(''), `a story can have at most ${LIMITS.steps} steps: this slide and the ones after it are not steps${eventId ? ' (it is still an event)' : ''}`);
      return;
    }
    // Step text is shown as is, and its web addresses become links: keep each link's address.
    let stepText = htmlToText(asText(t.text) ?? '', { inlineLinks: true }).text || title;
    if (media && !eventId) stepText += `\n\nMedia: ${media.url}${media.caption ? ` (${media.caption})` : ''}${media.credit ? `, ${media.credit}` : ''}`;
    const step: StepRecord = { title, text: fitText(stepText, LIMITS.summary, at('text.text'), 'text', notes) };
    if (eventId) step.event = eventId;
    if (placeId) step.places = [placeId];
    steps.push(step);
  });

  if (lines) notes.warn('storymap.slides', 'the lines StoryMapJS draws from one slide\'s place to the next are not drawn; the places are');
  if (events.length === 0 && steps.length) {
    notes.warn('storymap.slides', `no slide has a date, so there is nothing for the timeline (StoryMapJS slides have none unless a "date" like "2025-08-15" is added to them): the ${steps.length} slides became the steps of a story${places.length ? ` with ${places.length} places` : ''}`);
  }
  if (steps.length === 0) notes.error('storymap.slides', 'the story map has no slides besides its overview');

  const head = datasetHead(overview?.title, options, notes, 'Imported story map');
  const attribution = asText(map.attribution);
  const dataset: DatasetRecord = {
    ...head,
    ...(overview?.description ? { description: overview.description } : {}),
    ...(attribution ? { attribution: fitText(htmlToText(attribution).text, LIMITS.shortText, 'storymap.attribution', 'attribution', notes) } : {}),
    ...singleKind(),
    ...(steps.length ? { stories: [{ id: slugify(head.title) || 'story', title: head.title, ...(overview?.description ? { description: overview.description } : {}), steps }] } : {}),
    places,
    events,
  };
  return { format: 'storymap', dataset, notes: notes.items, origins };
}

function readPlace(location: unknown, title: string, at: (f: string) => string, notes: Notes): Omit<PlaceRecord, 'id'> | undefined {
  if (!isRecord(location)) return undefined;
  const lat = coordinate(location.lat);
  const lon = coordinate(location.lon);
  if (lat === undefined && lon === undefined) return undefined;
  if (lat === undefined || lon === undefined) {
    notes.warn(at('location'), `the location has ${lat === undefined ? 'no latitude' : 'no longitude'}; the slide has no place`);
    return undefined;
  }
  if (lat < -90 || lat > 90) {
    notes.error(at('location.lat'), `${lat} is not a latitude (from -90 to 90); the slide has no place`);
    return undefined;
  }
  if (lon < -180 || lon > 180) {
    notes.error(at('location.lon'), `${lon} is not a longitude (from -180 to 180); the slide has no place`);
    return undefined;
  }
  const name = htmlToText(asText(location.name) ?? '').text || title;
  return { name: name.slice(0, LIMITS.shortText), lat, lon };
}

function readMedia(media: unknown, at: (f: string) => string, notes: Notes): MediaRecord | undefined {
  if (!isRecord(media)) return undefined;
  const url = asText(media.url);
  if (!url) return undefined;
  if (!isWebUrl(url)) {
    notes.warn(at('media.url'), url.startsWith('<') ? 'the media is embedded HTML: it was not kept; give the address of the page or picture instead' : `the media "${url.slice(0, 60)}" was not kept: it is not a web address starting with http:// or https://`);
    return undefined;
  }
  const caption = htmlToText(asText(media.caption) ?? '').text;
  const credit = htmlToText(asText(media.credit) ?? '').text;
  return {
    url,
    ...(caption ? { caption: fitText(caption, LIMITS.shortText, at('media.caption'), 'caption', notes) } : {}),
    ...(credit ? { credit: fitText(credit, LIMITS.shortText, at('media.credit'), 'credit', notes) } : {}),
  };
}
