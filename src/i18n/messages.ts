/**
 * Every interface string, in English and Ukrainian. Keys are typed from the English table, so a
 * missing Ukrainian string is a type error. `{name}` marks a parameter.
 */
import type { DefaultKind, EventStatus, Precision } from '../model/schema';
import { formatCount } from './format';

const en = {
  loading: 'Loading the events…',
  errorTitle: 'The events could not be shown',
  errorMissing: 'The dataset could not be loaded from {src} ({reason}).',
  errorInvalid: 'The dataset at {src} has {problems}. Fix them and reload:',
  andMore: '… and {count} more.',
  timeline: 'Timeline',
  timelineLabel: 'Events in time order. Use the arrow keys to move between events, Enter to select, Escape to clear.',
  map: 'Map',
  laneDiplomacy: 'Diplomacy',
  laneAttacks: 'Attacks',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Show the whole period',
  groupOpen: '{count} events between {from} and {to}. Press to zoom in.',
  filters: 'Filters',
  kinds: 'Kind',
  statuses: 'Status',
  countOf: '{shown} of {total} events',
  countInWindow: '{count} in the time window',
  showAll: 'Show all',
  details: 'Details',
  noSelection: 'Select an event on the timeline or the map to read what happened, who took part and who reported it.',
  previous: 'Previous event',
  next: 'Next event',
  close: 'Clear selection',
  when: 'When',
  localTime: 'local time, {zone}',
  yourTime: 'your time, {zone}',
  where: 'Where',
  noPlace: 'No single place',
  areas: 'Areas: {list}',
  participants: 'Participants',
  figures: 'Figures as reported',
  reportedBy: 'reported by {who}',
  conflicting: 'Sources differ:',
  sources: 'Sources',
  notes: 'Notes',
  corrections: 'Corrections',
  related: 'Related events',
  sameplace: 'Also at this place',
  sites: 'Sites',
  precisionLabel: 'Precision',
  statusLabel: 'Status',
  kindLabel: 'Kind',
  untranslated: 'Not yet translated; shown in English.',
  legendPrecision: 'Bar under a mark: how precisely its time is known',
  about: 'About the data',
  updated: 'Data updated {date}',
  credits: 'Credits',
  license: 'Licence: {license}',
  warningsTitle: 'Warnings about this data ({count})',
  unplaced: '{events} in this window have no single place and are not on the map.',
  mapFallback: 'Simplified map: this browser cannot draw the interactive map (WebGL is unavailable).',
  mapPlaces: 'Places on the map',
  placeButton: '{name}, {events}',
  mapGestureWindows: 'Use Ctrl + scroll to zoom the map',
  mapGestureMac: 'Use ⌘ + scroll to zoom the map',
  mapGestureTouch: 'Use two fingers to move the map',
  findPlace: 'Find a place',
  placesShown: 'Showing {shown} of {total} places. Type to narrow the list.',
  noPlaceFound: 'No place in this time window matches.',
  mapZoomIn: 'Zoom the map in',
  mapZoomOut: 'Zoom the map out',
  mapFitAll: 'Show every place of the time window',
  edgePlace: '{name}, {events}, off the map to the {direction}. Show it on the map.',
  placeAndMore: '{name} and {count} more',
  moreEvents: '+{count} more',
  directionN: 'north',
  directionNE: 'north-east',
  directionE: 'east',
  directionSE: 'south-east',
  directionS: 'south',
  directionSW: 'south-west',
  directionW: 'west',
  directionNW: 'north-west',
  newTab: '(opens in a new tab)',
  unlinked: '(link not shown: not a web address)',
  mediaLink: 'Picture or video',
  mediaNotLoaded: 'Opens {host} in a new tab; nothing from there is loaded here.',
  sentence: '{date}. {title}. {kind}, {status}. {place}.',
  sentenceNoStatus: '{date}. {title}. {kind}. {place}.',
  selectedAnnounce: 'Selected: {sentence}',
  cleared: 'Selection cleared.',
  table: 'Table',
  graphic: 'Timeline and map',
} as const;

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const uk: Messages = {
  loading: 'Завантаження подій…',
  errorTitle: 'Події не вдалося показати',
  errorMissing: 'Не вдалося завантажити набір даних з {src} ({reason}).',
  errorInvalid: 'У наборі даних {src} є проблеми ({problems}). Виправте їх і перезавантажте:',
  andMore: '… і ще {count}.',
  timeline: 'Хронологія',
  timelineLabel: 'Події в часовому порядку. Стрілки — перехід між подіями, Enter — вибрати, Escape — скасувати вибір.',
  map: 'Мапа',
  laneDiplomacy: 'Дипломатія',
  laneAttacks: 'Атаки',
  zoomIn: 'Збільшити',
  zoomOut: 'Зменшити',
  zoomReset: 'Показати весь період',
  groupOpen: 'Подій: {count}, з {from} по {to}. Натисніть, щоб збільшити.',
  filters: 'Фільтри',
  kinds: 'Тип',
  statuses: 'Статус',
  countOf: '{shown} з {total} подій',
  countInWindow: 'у часовому вікні: {count}',
  showAll: 'Показати всі',
  details: 'Подробиці',
  noSelection: 'Виберіть подію на хронології чи мапі, щоб прочитати, що сталося, хто брав участь і хто про це повідомив.',
  previous: 'Попередня подія',
  next: 'Наступна подія',
  close: 'Скасувати вибір',
  when: 'Коли',
  localTime: 'місцевий час, {zone}',
  yourTime: 'ваш час, {zone}',
  where: 'Де',
  noPlace: 'Немає єдиного місця',
  areas: 'Райони: {list}',
  participants: 'Учасники',
  figures: 'Дані за повідомленнями',
  reportedBy: 'за даними: {who}',
  conflicting: 'Джерела розходяться:',
  sources: 'Джерела',
  notes: 'Примітки',
  corrections: 'Виправлення',
  related: 'Пов’язані події',
  sameplace: 'Також у цьому місці',
  sites: 'Об’єкти',
  precisionLabel: 'Точність',
  statusLabel: 'Статус',
  kindLabel: 'Тип',
  untranslated: 'Ще не перекладено; показано англійською.',
  legendPrecision: 'Смуга під позначкою: наскільки точно відомий час',
  about: 'Про дані',
  updated: 'Дані оновлено {date}',
  credits: 'Автори',
  license: 'Ліцензія: {license}',
  warningsTitle: 'Попередження щодо цих даних ({count})',
  unplaced: 'У цьому вікні {events} без єдиного місця, їх немає на мапі.',
  mapFallback: 'Спрощена мапа: цей браузер не може показати інтерактивну мапу (WebGL недоступний).',
  mapPlaces: 'Місця на мапі',
  placeButton: '{name}, {events}',
  mapGestureWindows: 'Щоб змінити масштаб мапи, прокручуйте з Ctrl',
  mapGestureMac: 'Щоб змінити масштаб мапи, прокручуйте з ⌘',
  mapGestureTouch: 'Щоб рухати мапу, використовуйте два пальці',
  findPlace: 'Знайти місце',
  placesShown: 'Показано {shown} з {total} місць. Введіть назву, щоб звузити список.',
  noPlaceFound: 'У цьому часовому вікні такого місця немає.',
  mapZoomIn: 'Збільшити мапу',
  mapZoomOut: 'Зменшити мапу',
  mapFitAll: 'Показати всі місця часового вікна',
  edgePlace: '{name}, {events}: {direction}, поза межами мапи. Показати на мапі.',
  placeAndMore: '{name} та ще {count}',
  moreEvents: 'і ще {count}',
  directionN: 'на північ',
  directionNE: 'на північний схід',
  directionE: 'на схід',
  directionSE: 'на південний схід',
  directionS: 'на південь',
  directionSW: 'на південний захід',
  directionW: 'на захід',
  directionNW: 'на північний захід',
  newTab: '(відкриється в новій вкладці)',
  unlinked: '(посилання не показано: це не веб-адреса)',
  mediaLink: 'Зображення або відео',
  mediaNotLoaded: 'Відкриває {host} у новій вкладці; звідти тут нічого не завантажується.',
  sentence: '{date}. {title}. {kind}, {status}. {place}.',
  sentenceNoStatus: '{date}. {title}. {kind}. {place}.',
  selectedAnnounce: 'Вибрано: {sentence}',
  cleared: 'Вибір скасовано.',
  table: 'Таблиця',
  graphic: 'Хронологія і мапа',
};

const KIND_NAMES: Record<string, Record<DefaultKind, string>> = {
  en: { meeting: 'Meeting', call: 'Call', statement: 'Statement', proposal: 'Proposal', agreement: 'Agreement', attack: 'Attack' },
  uk: { meeting: 'Зустріч', call: 'Розмова', statement: 'Заява', proposal: 'Пропозиція', agreement: 'Угода', attack: 'Атака' },
};

const STATUS_NAMES: Record<string, Record<EventStatus, string>> = {
  en: { held: 'held', proposed: 'proposed', declined: 'declined', cancelled: 'cancelled', reported: 'reported', unverified: 'unverified' },
  uk: { held: 'відбулася', proposed: 'запропоновано', declined: 'відхилено', cancelled: 'скасовано', reported: 'за повідомленнями', unverified: 'не підтверджено' },
};

const PRECISION_NAMES: Record<string, Record<Precision, string>> = {
  en: { exact: 'exact time', day: 'day known, time not given', approximate: 'approximate', week: 'within a week', month: 'month known', year: 'year known' },
  uk: { exact: 'точний час', day: 'відомий день, час не вказано', approximate: 'приблизно', week: 'з точністю до тижня', month: 'відомий місяць', year: 'відомий рік' },
};

const TABLES: Record<string, Messages> = { en, uk };

export const UI_LANGUAGES = ['en', 'uk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The interface language for a requested tag: its primary subtag if we have it, else English. */
export function uiLanguage(tag: string | null | undefined): UiLanguage {
  const primary = (tag ?? '').toLowerCase().split('-')[0];
  return (UI_LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as UiLanguage) : 'en';
}

export function t(lang: UiLanguage, key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLES[lang]![key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The interface's name of one of the six default kinds, or undefined for another id. */
export const kindName = (lang: UiLanguage, kind: string): string | undefined => KIND_NAMES[lang]![kind as DefaultKind];
export const statusName = (lang: UiLanguage, status: EventStatus) => STATUS_NAMES[lang]![status];
export const precisionName = (lang: UiLanguage, p: Precision) => PRECISION_NAMES[lang]![p];

const PLURALS: Record<UiLanguage, { events: Partial<Record<Intl.LDMLPluralRule, string>>; problems: Partial<Record<Intl.LDMLPluralRule, string>> }> = {
  en: { events: { one: '{n} event', other: '{n} events' }, problems: { one: '{n} problem', other: '{n} problems' } },
  uk: {
    events: { one: '{n} подія', few: '{n} події', many: '{n} подій', other: '{n} події' },
    problems: { one: '{n} проблема', few: '{n} проблеми', many: '{n} проблем', other: '{n} проблеми' },
  },
};

/** Created once: the map's place buttons ask for a plural per place on every render. */
const pluralRules: Record<UiLanguage, Intl.PluralRules> = { en: new Intl.PluralRules('en'), uk: new Intl.PluralRules('uk') };

function counted(lang: UiLanguage, what: 'events' | 'problems', n: number): string {
  const forms = PLURALS[lang][what];
  const form = forms[pluralRules[lang].select(n)] ?? forms.other!;
  return form.replace('{n}', formatCount(n, lang));
}

/** "1 event", "4 events"; "1 подія", "3 події", "5 подій". */
export const eventCount = (lang: UiLanguage, n: number) => counted(lang, 'events', n);
export const problemCount = (lang: UiLanguage, n: number) => counted(lang, 'problems', n);
