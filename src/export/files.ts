/**
 * The files the Download menu makes, from the state the root hands down: loaded only when the
 * reader first asks for one, so none of this code delays the first paint.
 */
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { TimeWindow } from '../model/select';
import { formatEventWhen, formatShortDay } from '../i18n/format';
import { localize } from '../i18n/localize';
import { eventCount, t, type UiLanguage } from '../i18n/messages';
import { eventTitle, placeLabel } from '../i18n/sentence';
import { PALETTES } from '../ui/marks';
import { eventsCsv } from './csv';
import { exportFileName } from './file-name';
import { datasetJson, shownEventsFile, wholeDatasetFile } from './json';
import { mapPicture, type MapView } from './map-image';
import { renderPng } from './png';
import type { PngContent } from './png-layout';
import { livePicture, type Picture } from './svg-image';

export type ExportFormat = 'png' | 'csv' | 'json' | 'dataset';

export interface ExportViews {
  map: MapView | null;
  timeline: HTMLElement | null;
}

export interface ExportRequest {
  format: ExportFormat;
  data: Dataset;
  /** The events shown: window, filters and search applied. */
  events: readonly ChronoEvent[];
  window: TimeWindow | null;
  selected: string | null;
  language: UiLanguage;
  theme: 'light' | 'dark';
  /** The address of the view; printed on the picture only when it is a web address. */
  link: string | null;
  views: ExportViews;
  now: Date;
}

/** The file for a request, named after the dataset, what it holds and the day. */
export async function makeFile(r: ExportRequest): Promise<{ blob: Blob; name: string }> {
  const title = r.data.title;
  switch (r.format) {
    case 'csv':
      return { blob: new Blob([eventsCsv(r.data, r.events, r.language)], { type: 'text/csv;charset=utf-8' }), name: exportFileName(title, 'events', r.now, 'csv') };
    case 'json':
      return { blob: jsonBlob(datasetJson(shownEventsFile(r.data, r.events, r.window))), name: exportFileName(title, 'events', r.now, 'json') };
    case 'dataset':
      return { blob: jsonBlob(datasetJson(wholeDatasetFile(r.data))), name: exportFileName(title, 'dataset', r.now, 'json') };
    case 'png': {
      const [map, timeline] = await Promise.all([r.views.map ? mapPicture(r.views.map) : null, timelinePicture(r.views.timeline)]);
      const content = { ...pngContent(r), timelineAspect: timeline ? timeline.width / timeline.height : null };
      return { blob: await renderPng(content, { map, timeline }, PALETTES[r.theme]), name: exportFileName(title, null, r.now, 'png') };
    }
  }
}

function jsonBlob(text: string): Blob {
  return new Blob([text], { type: 'application/json' });
}

/**
 * The timeline's lanes and axis, unless it is hidden (the table is shown instead); the overview
 * strip under them, a control for choosing the window, is cropped off.
 */
function timelinePicture(timeline: HTMLElement | null): Promise<Picture> | null {
  const svg = timeline?.shadowRoot?.querySelector<SVGSVGElement>('svg.plot');
  if (!svg || svg.getBoundingClientRect().width === 0) return null;
  const strip = svg.querySelector('g.overview');
  return livePicture(svg, strip ? strip.getBoundingClientRect().top - svg.getBoundingClientRect().top : undefined);
}

function pngContent(r: ExportRequest): Omit<PngContent, 'timelineAspect'> {
  const { data, language: lang } = r;
  const e = r.selected ? data.eventById.get(r.selected) : undefined;
  const w = r.window ?? data.extent;
  return {
    title: data.translations?.[lang]?.title ?? data.title,
    subtitle: t(lang, 'windowSummary', { from: formatShortDay(w[0], lang), to: formatShortDay(w[1], lang), events: eventCount(lang, r.events.length) }),
    selected: e ? { headline: eventTitle(e, data, lang), when: formatEventWhen(e, lang), place: placeLabel(e, data, lang), summary: localize(e, 'summary', lang, data.languages[0] ?? 'en').text } : null,
    attribution: data.translations?.[lang]?.attribution ?? data.attribution ?? null,
    made: `${t(lang, 'exportMade', { date: new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', { dateStyle: 'long' }).format(r.now) })} · ${t(lang, 'exportBasemap')}`,
    link: r.link && /^https?:/.test(r.link) ? r.link : null,
  };
}
