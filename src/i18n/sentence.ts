/**
 * An event as one sentence for screen readers and tooltips: date, title, kind and status, place,
 * and the first figure with who reported it.
 */
import type { ChronoEvent, Dataset } from '../model/dataset';
import { formatEventWhen } from './format';
import { localize } from './localize';
import { kindName, statusName, t, type UiLanguage } from './messages';

export function eventTitle(e: ChronoEvent, dataset: Dataset, lang: UiLanguage): string {
  return localize(e, 'title', lang, dataset.languages[0] ?? 'en').text;
}

export function placeLabel(e: ChronoEvent, dataset: Dataset, lang: UiLanguage): string {
  const place = e.place ? dataset.placeById.get(e.place) : undefined;
  if (place) return localize(place, 'name', lang, dataset.languages[0] ?? 'en').text;
  return e.areas?.length ? e.areas.join(', ') : t(lang, 'noPlace');
}

export function eventSentence(e: ChronoEvent, dataset: Dataset, lang: UiLanguage): string {
  const base = t(lang, 'sentence', {
    date: formatEventWhen(e, lang),
    title: eventTitle(e, dataset, lang),
    kind: kindName(lang, e.kind),
    status: statusName(lang, e.status),
    place: placeLabel(e, dataset, lang),
  });
  const figure = e.figures[0];
  return figure ? `${base} ${figure.label}: ${figure.value}${figure.unit ? ` ${figure.unit}` : ''} (${figure.reportedBy}).` : base;
}
