/**
 * The events shown, as a CSV spreadsheet: one row per event, with the columns of Chronomap's CSV
 * template (`id, title, summary, start, …, source publisher, …, source 2 publisher, …`), so a
 * file saved from the interactive can be edited and imported again.
 *
 * - Text is in the reader's language where the dataset translates it, else in its first language.
 * - Sources are one group of columns each (`source …`, `source 2 …`, as many groups as the event
 *   with the most sources needs), figures likewise (`figure …`, `figure 2 …`).
 * - Lists in one cell: participants, tags and area names are joined with "; ", notes with line
 *   breaks (a note is prose and has semicolons of its own).
 * - RFC 4180: comma-separated, CRLF between rows, a cell with a comma, a quote or a line break is
 *   quoted and its quotes doubled. A UTF-8 byte-order mark comes first, so Excel reads Cyrillic
 *   as such rather than as Windows-1252.
 * - Formula injection: a spreadsheet runs a cell that starts with = + - or @ (or a tab or a
 *   carriage return) as a formula, so such a text cell gets a leading apostrophe (`'=HYPERLINK…`),
 *   which spreadsheets show as text. Plain numbers (a longitude of -149.8, a year of -0500) are
 *   left as they are: a number cannot be a formula, and an apostrophe would make it text.
 */
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { FigureRecord, SourceRecord } from '../model/schema';
import { localize, localizeList } from '../i18n/localize';

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe to open in a spreadsheet (see the module note). */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field. */
export function csvField(value: string): string {
  const safe = guardFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as a CSV file: BOM, CRLF line ends (and after the last row, as RFC 4180 allows). */
export function csvText(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const EVENT_COLUMNS = ['id', 'title', 'summary', 'start', 'end', 'precision', 'timezone', 'kind', 'lane', 'status', 'status note', 'highlight', 'place', 'latitude', 'longitude', 'place kind', 'country', 'geo precision', 'participants'] as const;
const SOURCE_FIELDS = ['publisher', 'title', 'url', 'date', 'language', 'note'] as const;
const FIGURE_FIELDS = ['label', 'value', 'unit', 'reported by', 'note'] as const;
const TAIL_COLUMNS = ['tags', 'notes', 'media url', 'media caption', 'media credit'] as const;

/** `source publisher` for the first group, `source 2 publisher` for the second… */
const groupColumns = (group: string, fields: readonly string[], n: number) => fields.map((f) => (n === 1 ? `${group} ${f}` : `${group} ${n} ${f}`));

function sourceCells(s: SourceRecord | undefined): string[] {
  return s ? [s.publisher, s.title ?? '', s.url ?? '', s.date ?? '', s.language ?? '', s.note ?? ''] : SOURCE_FIELDS.map(() => '');
}

function figureCells(f: FigureRecord | undefined): string[] {
  return f ? [f.label, String(f.value), f.unit ?? '', f.reportedBy, f.note ?? ''] : FIGURE_FIELDS.map(() => '');
}

/** The CSV of `events` (the ones the reader sees, in the order given), text in `lang` where translated. */
export function eventsCsv(dataset: Dataset, events: readonly ChronoEvent[], lang: string): string {
  const primary = dataset.languages[0] ?? 'en';
  // A loop, not Math.max(...list): 100,000 arguments would overflow the stack.
  const sourceGroups = events.reduce((n, e) => Math.max(n, e.sources.length), 1);
  const figureGroups = events.reduce((n, e) => Math.max(n, e.figures.length), 1);
  // Kinds of the dataset's own are written with their lane; the default kinds need none.
  const ownKinds = dataset.kinds.some((k) => k.label !== null);
  const header = [
    ...EVENT_COLUMNS,
    ...Array.from({ length: sourceGroups }, (_, i) => groupColumns('source', SOURCE_FIELDS, i + 1)).flat(),
    ...Array.from({ length: figureGroups }, (_, i) => groupColumns('figure', FIGURE_FIELDS, i + 1)).flat(),
    ...TAIL_COLUMNS,
  ];
  const rows = events.map((e) => {
    const text = (field: 'title' | 'summary' | 'statusNote') => localize(e, field, lang, primary).text;
    const list = (field: 'participants' | 'areas' | 'notes') => localizeList(e, field, lang, primary).items;
    const place = e.place ? dataset.placeById.get(e.place) : undefined;
    const media = e.media ? localize(e.media, 'caption', lang, primary).text : '';
    return [
      e.id,
      text('title'),
      text('summary'),
      e.start,
      e.end ?? '',
      e.precision,
      e.timezone,
      e.kind,
      ownKinds ? e.lane : '',
      e.status ?? '',
      text('statusNote'),
      e.highlight ? 'yes' : '',
      // Without a place, the areas stand in the place column with no coordinates, as the template reads them.
      place ? localize(place, 'name', lang, primary).text : list('areas').join('; '),
      place ? String(place.lat) : '',
      place ? String(place.lon) : '',
      place?.kind ?? '',
      place?.country ?? '',
      place ? e.geoPrecision : '',
      list('participants').join('; '),
      ...Array.from({ length: sourceGroups }, (_, i) => sourceCells(e.sources[i])).flat(),
      ...Array.from({ length: figureGroups }, (_, i) => figureCells(e.figures[i])).flat(),
      e.tags.join('; '),
      list('notes').join('\n'),
      e.media?.url ?? '',
      media,
      e.media?.credit ?? '',
    ];
  });
  return csvText([header, ...rows]);
}
