/**
 * TimelineJS slides, from its JSON or from its Google Sheet, made into Chronomap events. Both
 * readers hand over the same slide objects (as TimelineJS's own ConfigFactory makes them from a
 * sheet) with a function that says where a field came from in the file.
 *
 * Years: TimelineJS builds a JavaScript Date from the year it is given and labels a negative
 * year by its absolute value with "BCE" (Language.formatDate: `yyyy` is `Math.abs(y)` and the
 * era suffix is added), so year -500 is shown as "500 BCE". In the schema's astronomical years
 * that is -0499, which Chronomap shows as "500 BC": the same file shows the same year. Year 0,
 * which TimelineJS shows as "0", does not exist in BCE/CE counting; it is read as 1 BCE (0000).
 */
import { LIMITS, type EraRecord, type EventRecord, type KindRecord, type LaneRecord, type MediaRecord, type SourceRecord } from '../model/schema';
import { MAX_YEAR, MIN_YEAR, instantOf, whenParts } from '../model/time';
import { composeWhen, type DateParts, type When } from './dates';
import { asText, fitText, isRecord } from './fields';
import { bareUrls, htmlToText } from './html-text';
import { IdRegistry, isValidId, slugify } from './ids';
import { kindsForGroups, singleKind } from './palette';
import { isWebUrl, sourceFromLink } from './sources';
import type { Notes } from './types';

/** Says where a field of a slide (`start_date.year`, `text.headline`, `media.url`; '' for the slide) is in the file. */
export type Locate = (field: string) => string;

export interface SlideInput {
  slide: Record<string, unknown>;
  at: Locate;
}

export interface TimelineContext {
  notes: Notes;
  zone?: string | undefined;
  /** Sheet cells are typed text: their line breaks always count. In JSON, only in text without markup. */
  cellText?: boolean;
}

const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const;

/**
 * A date part as TimelineJS accepts it: a whole number, or a string of digits ("05", " 12 ",
 * "1,500"); '' is absent. A string for what is wrong otherwise.
 */
function readPart(value: unknown, name: string): number | undefined | { wrong: string } {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? value : { wrong: `the ${name} ${value} is not a whole number` };
  if (typeof value === 'string') {
    const t = value.replace(/[\s,]+/g, '');
    if (t === '') return undefined;
    return /^-?\d+$/.test(t) ? Number(t) : { wrong: `the ${name} "${value.slice(0, 40)}" is not a number` };
  }
  return { wrong: `the ${name} should be a number, not ${Array.isArray(value) ? 'a list' : typeof value}` };
}

/**
 * A TimelineJS date object as a `start`/`end` string. Null (with an error note) when it has no
 * usable year; a wrong finer part is dropped with a warning.
 */
export function readTimelineDate(date: unknown, field: 'start_date' | 'end_date', at: Locate, ctx: TimelineContext): When | null {
  const { notes } = ctx;
  if (!isRecord(date)) {
    notes.error(at(field), date === undefined ? `no ${field === 'start_date' ? 'start' : 'end'} date: at least a year is needed; the ${field === 'start_date' ? 'slide was dropped' : 'end was dropped'}` : `the ${field} should be an object like {"year": 2025, "month": 8}`);
    return null;
  }
  const parts: Partial<Record<(typeof DATE_PARTS)[number], number>> = {};
  for (const name of DATE_PARTS) {
    const value = readPart(date[name], name);
    if (typeof value === 'object') {
      if (name === 'year') return notesError(notes, at(`${field}.year`), `${value.wrong}: without a year the ${field === 'start_date' ? 'slide was dropped' : 'end was dropped'}`);
      notes.warn(at(`${field}.${name}`), `${value.wrong}; it was dropped, with any finer part`);
      break;
    }
    if (value !== undefined) parts[name] = value;
  }
  if (parts.year === undefined) return notesError(notes, at(`${field}.year`), `the ${field} has no year`);
  const year = parts.year < 0 ? parts.year + 1 : parts.year;
  if (parts.year === 0) notes.warn(at(`${field}.year`), 'year 0 does not exist (1 BCE is followed by 1 CE); it was read as 1 BCE');
  if (year < MIN_YEAR || year > MAX_YEAR) {
    const limit = year < MIN_YEAR ? `before ${(1 - MIN_YEAR).toLocaleString('en-US')} BCE, the earliest` : `after ${MAX_YEAR.toLocaleString('en-US')}, the latest`;
    return notesError(notes, at(`${field}.year`), `the year ${parts.year} is ${limit} year a browser can draw (TimelineJS's "cosmological" scale has no counterpart here); the slide was dropped`);
  }
  const composed = composeWhen({ ...(parts as DateParts), year }, ctx.zone);
  if (!composed.ok) return notesError(notes, at(`${field}.year`), composed.message);
  if (composed.dropped) notes.warn(at(composed.part ? `${field}.${composed.part}` : field), composed.dropped);
  return composed.when;
}

function notesError(notes: Notes, where: string, message: string): null {
  notes.error(where, message);
  return null;
}

/** Plain text of an HTML field, its http(s) links, and a warning for links that are not web addresses. */
function plain(html: unknown, where: string, ctx: TimelineContext, links: Map<string, string>, autolink: boolean): string | undefined {
  const { notes } = ctx;
  let raw = asText(html);
  if (raw === undefined) return undefined;
  // Text typed as it is to be read: its line breaks are the writer's.
  if (ctx.cellText || !/<[a-z!/]/i.test(raw)) raw = raw.replace(/\r?\n/g, '<br>');
  const { text, links: found, rejected } = htmlToText(raw);
  for (const l of found) if (!links.has(l.url)) links.set(l.url, l.text);
  if (autolink) for (const url of bareUrls(text)) if (!links.has(url)) links.set(url, '');
  for (const href of rejected.slice(0, 3)) notes.warn(where, `the link to "${href.slice(0, 60)}" was not kept: only http(s) links become sources`);
  return text || undefined;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** True when a display date only restates the date (ISO, "August 18, 2025", "18 Aug 2025", "500 BCE"). */
function restatesDate(display: string, when: string): boolean {
  const p = whenParts(when);
  if (!p) return false;
  const words = display.toLowerCase().replace(/[.,]/g, ' ').split(/[\s/]+/).flatMap((w) => (/^\d+-\d+(-\d+)?$/.test(w) ? w.split('-') : [w])).filter(Boolean);
  const allowed = new Set([String(p.year), String(p.year).padStart(4, '0'), 'bce', 'bc', 'ce', 'ad']);
  if (p.year <= 0) allowed.add(String(1 - p.year));
  if (p.grain !== 'year') {
    const name = MONTH_NAMES[p.month - 1]!;
    for (const form of [String(p.month), String(p.month).padStart(2, '0'), name, name.slice(0, 3), name.slice(0, 4)]) allowed.add(form);
  }
  if (p.grain === 'day' || p.grain === 'moment') for (const form of [String(p.day), String(p.day).padStart(2, '0'), `${p.day}st`, `${p.day}nd`, `${p.day}rd`, `${p.day}th`]) allowed.add(form);
  return words.length > 0 && words.every((w) => allowed.has(w));
}

interface Converted {
  event: EventRecord;
  group: string | undefined;
  origin: string;
}

export interface SlideTally {
  thumbnails: number;
  backgrounds: number;
  altTexts: number;
}

/** One slide as an event, or null (with notes) when it has no usable start date. */
function slideToEvent(input: SlideInput, ids: IdRegistry, ctx: TimelineContext, tally: SlideTally): Converted | null {
  const { slide, at } = input;
  const { notes } = ctx;
  const start = readTimelineDate(slide.start_date, 'start_date', at, ctx);
  if (!start) return null;
  const event: Partial<EventRecord> & { start: string } = { start: start.value, precision: start.precision };
  if (slide.end_date !== undefined && slide.end_date !== null && !(isRecord(slide.end_date) && asText(slide.end_date.year) === undefined)) {
    const end = readTimelineDate(slide.end_date, 'end_date', at, ctx);
    const zone = ctx.zone ?? 'UTC';
    if (end && instantOf(end.value, zone) < instantOf(start.value, zone)) notes.warn(at('end_date'), `the end (${end.value}) is before the start (${start.value}); the end was dropped`);
    else if (end && end.value !== start.value) event.end = end.value;
  }
  if (ctx.zone) event.timezone = ctx.zone;

  const autolink = slide.autolink !== false;
  const links = new Map<string, string>();
  const text = isRecord(slide.text) ? slide.text : {};
  const media = isRecord(slide.media) ? slide.media : {};
  const headline = plain(text.headline, at('text.headline'), ctx, links, false);
  const body = plain(text.text, at('text.text'), ctx, links, autolink);
  const caption = plain(media.caption, at('media.caption'), ctx, links, false);
  const credit = plain(media.credit, at('media.credit'), ctx, links, false);

  let title = headline;
  if (!title) {
    title = body?.split('\n')[0] ?? caption ?? asText(slide.display_date);
    notes.warn(at('text.headline'), title ? 'no headline: the title was taken from the text' : 'no headline and no text: the title says only the date');
    title ??= `Untitled event (${start.value})`;
  }
  event.title = fitText(title.replace(/\s*\n\s*/g, ' '), LIMITS.title, at('text.headline'), 'headline', notes);
  if (body && body !== title) event.summary = fitText(body, LIMITS.summary, at('text.text'), 'text', notes);

  const url = asText(media.url);
  if (url) {
    if (isWebUrl(url)) {
      const m: MediaRecord = { url };
      if (caption) m.caption = fitText(caption, LIMITS.shortText, at('media.caption'), 'caption', notes);
      if (credit) m.credit = fitText(credit, LIMITS.shortText, at('media.credit'), 'credit', notes);
      event.media = m;
    } else if (url.startsWith('<')) {
      notes.warn(at('media.url'), 'the media is embedded HTML (such as a post or an iframe): it was not kept; give the address of the page or picture instead');
    } else {
      notes.warn(at('media.url'), `the media "${url.slice(0, 60)}" was not kept: it is not a web address starting with http:// or https://`);
    }
  }
  if (asText(media.thumbnail)) tally.thumbnails++;
  if (asText(media.alt)) tally.altTexts++;
  if (slide.background !== undefined && slide.background !== '' && !(isRecord(slide.background) && Object.keys(slide.background).length === 0)) tally.backgrounds++;

  const sources: SourceRecord[] = [...links].slice(0, LIMITS.list).map(([u, t]) => sourceFromLink({ url: u, text: t }));
  if (sources.length) event.sources = sources;

  const display = asText(slide.display_date) ?? (isRecord(slide.start_date) ? asText(slide.start_date.display_date) : undefined);
  if (display && !restatesDate(display, start.value)) {
    event.notes = [fitText(`Date as shown in the original timeline: ${display}`, LIMITS.note, at('display_date'), 'display date', notes)];
  }

  const uid = asText(slide.unique_id);
  const id = ids.claim(uid ?? slugify(event.title), 'event');
  if (uid !== undefined && id !== uid) {
    notes.warn(at('unique_id'), isValidId(uid) ? `the unique_id "${uid}" is used by an earlier slide; this one is "${id}"` : `the unique_id "${uid.slice(0, 60)}" is not a valid id (letters, digits and - _ . : only); it became "${id}"`);
  }
  const { title: t, summary, start: s0, end, precision, timezone, ...rest } = event;
  const ordered: EventRecord = { id, title: t!, ...(summary ? { summary } : {}), start: s0, ...(end ? { end } : {}), precision: precision!, ...(timezone ? { timezone } : {}), kind: '', ...rest };
  const group = asText(slide.group);
  return { event: ordered, group: group?.slice(0, LIMITS.shortText), origin: at('') };
}

export interface TimelineEvents {
  events: EventRecord[];
  origins: string[];
  kinds: KindRecord[];
  lanes: LaneRecord[];
  tally: SlideTally;
}

/** The events of all slides, with kinds made from their groups (see `kindsForGroups`). */
export function slidesToEvents(slides: readonly SlideInput[], ctx: TimelineContext, groupsAt: string): TimelineEvents {
  const ids = new IdRegistry();
  const tally: SlideTally = { thumbnails: 0, backgrounds: 0, altTexts: 0 };
  const converted = slides.map((s) => slideToEvent(s, ids, ctx, tally)).filter((c): c is Converted => c !== null);
  const groups = [...new Set(converted.map((c) => c.group).filter((g): g is string => g !== undefined))];
  let kinds: KindRecord[];
  let lanes: LaneRecord[];
  let kindOf = new Map<string, string>();
  let merged = new Set<string>();
  if (groups.length === 0) {
    ({ kinds, lanes } = singleKind());
  } else {
    const ungrouped = converted.some((c) => c.group === undefined);
    const labels = ungrouped ? [...groups, 'Other'] : groups;
    ({ kinds, lanes, kindOf, merged } = kindsForGroups(labels, ctx.notes, groupsAt));
    if (ungrouped) ctx.notes.warn(groupsAt, 'some slides have a group and some do not: those without one are in the kind "Other"');
  }
  const fallback = kinds.at(-1)!.id;
  const events = converted.map(({ event, group }) => {
    event.kind = group === undefined ? (kindOf.get('Other') ?? kinds[0]!.id) : (kindOf.get(group) ?? fallback);
    if (group !== undefined && merged.has(group)) event.tags = [group.slice(0, 60)];
    return event;
  });
  return { events, origins: converted.map((c) => c.origin), kinds, lanes, tally };
}

/** Eras: a title and a span; an era without both dates is dropped. */
export function readEras(eras: readonly SlideInput[], ctx: TimelineContext): EraRecord[] {
  const out: EraRecord[] = [];
  eras.forEach(({ slide, at }, i) => {
    const missing = !isRecord(slide.start_date) ? 'start_date' : !isRecord(slide.end_date) ? 'end_date' : null;
    if (missing) {
      ctx.notes.error(at(missing), `an era needs a start and an end date; this one has no ${missing === 'start_date' ? 'start' : 'end'}, so it was dropped`);
      return;
    }
    const start = readTimelineDate(slide.start_date, 'start_date', at, ctx);
    const end = start && readTimelineDate(slide.end_date, 'end_date', at, ctx);
    if (!start || !end) return;
    if (instantOf(end.value, 'UTC') < instantOf(start.value, 'UTC')) {
      ctx.notes.error(at('end_date'), `the era ends (${end.value}) before it starts (${start.value}); it was dropped`);
      return;
    }
    const text = isRecord(slide.text) ? slide.text : {};
    const headline = plain(text.headline, at('text.headline'), ctx, new Map(), false);
    if (!headline) ctx.notes.warn(at('text.headline'), `the era has no headline; it is called "Era ${i + 1}"`);
    out.push({ title: fitText(headline ?? `Era ${i + 1}`, LIMITS.title, at('text.headline'), 'headline', ctx.notes), start: start.value, end: end.value });
  });
  return out.slice(0, LIMITS.eras);
}

/** The title slide's headline and text: the dataset's title and description. */
export function readTitleSlide(slide: Record<string, unknown> | undefined, at: Locate, ctx: TimelineContext): { title?: string; description?: string } {
  if (!slide) return {};
  const text = isRecord(slide.text) ? slide.text : {};
  const ignored = new Map<string, string>();
  const title = plain(text.headline, at('text.headline'), ctx, ignored, false);
  const description = plain(text.text, at('text.text'), ctx, ignored, false);
  if (isRecord(slide.media) && asText(slide.media.url)) ctx.notes.warn(at('media'), "the title slide's media was not kept: a Chronomap dataset has no cover picture");
  return {
    ...(title ? { title: fitText(title.replace(/\s*\n\s*/g, ' '), LIMITS.title, at('text.headline'), 'headline', ctx.notes) } : {}),
    ...(description ? { description: fitText(description, LIMITS.summary, at('text.text'), 'text', ctx.notes) } : {}),
  };
}

/** One note for what no slide can carry over, instead of one per slide. */
export function noteTally(tally: SlideTally, notes: Notes): void {
  const lost = [
    tally.thumbnails && `${tally.thumbnails} media thumbnail${tally.thumbnails === 1 ? '' : 's'}`,
    tally.altTexts && `${tally.altTexts} media alt text${tally.altTexts === 1 ? '' : 's'}`,
    tally.backgrounds && `${tally.backgrounds} slide background${tally.backgrounds === 1 ? '' : 's'}`,
  ].filter(Boolean);
  if (lost.length) notes.warn('file', `not carried over: ${lost.join(', ')} (Chronomap shows media as links and never loads pictures)`);
}
