/**
 * Dataset text in the reader's language, and an event as one sentence for screen readers and
 * tooltips: date, title, kind and status, place, and the first figure with who reported it.
 */
import type { ChronoEvent, Dataset } from '../model/dataset';
import { formatEventWhen } from './format';
import { localize } from './localize';
import { kindName, statusName, t, type UiLanguage } from './messages';

const primary = (dataset: Dataset) => dataset.languages[0] ?? 'en';

export function eventTitle(e: ChronoEvent, dataset: Dataset, lang: UiLanguage): string {
  return localize(e, 'title', lang, primary(dataset)).text;
}

/** A kind's name: the dataset's label (translated if it can be), or the interface's for the default kinds. */
export function kindLabel(dataset: Dataset, kindId: string, lang: UiLanguage): string {
  const kind = dataset.kindById.get(kindId);
  if (!kind || kind.label === null) return kindName(lang, kindId) ?? kindId;
  return localize(kind as { label: string; translations?: typeof kind.translations }, 'label', lang, primary(dataset)).text;
}

export function laneLabel(dataset: Dataset, laneId: string, lang: UiLanguage): string {
  const lane = dataset.lanes.find((l) => l.id === laneId);
  if (!lane || lane.label === null) return t(lang, laneId === 'attacks' ? 'laneAttacks' : 'laneDiplomacy');
  return localize(lane as { label: string; translations?: typeof lane.translations }, 'label', lang, primary(dataset)).text;
}

export function placeLabel(e: ChronoEvent, dataset: Dataset, lang: UiLanguage): string {
  const place = e.place ? dataset.placeById.get(e.place) : undefined;
  if (place) return localize(place, 'name', lang, primary(dataset)).text;
  return e.areas?.length ? e.areas.join(', ') : t(lang, 'noPlace');
}

export function eventSentence(e: ChronoEvent, dataset: Dataset, lang: UiLanguage): string {
  const kind = kindLabel(dataset, e.kind, lang);
  const base = t(lang, e.status ? 'sentence' : 'sentenceNoStatus', {
    date: formatEventWhen(e, lang),
    title: eventTitle(e, dataset, lang),
    kind,
    status: e.status ? statusName(lang, e.status) : '',
    place: placeLabel(e, dataset, lang),
  });
  const figure = e.figures[0];
  return figure ? `${base} ${figure.label}: ${figure.value}${figure.unit ? ` ${figure.unit}` : ''} (${figure.reportedBy}).` : base;
}
