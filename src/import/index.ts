/**
 * Bring your own data: `importText` tells the format, runs its importer, then the app's own
 * validator, so the caller gets a dataset that loads, or null with the reasons, and every
 * note in the source file's terms. Pure: used by `npm run import` and by the browser.
 */
import type { DatasetRecord } from '../model/schema';
import { formatProblem, validateValue, type Problem } from '../model/validate';
import { importAcledCsv, looksLikeAcled } from './acled-csv';
import { importChronomapCsv, looksLikeChronomapSheet } from './chronomap-csv';
import { headerKey } from './csv';
import { isRecord, parseJsonText } from './fields';
import { importStoryMap } from './storymap';
import { importTimelineCsv, looksLikeTimelineSheet } from './timelinejs-csv';
import { importTimelineJson } from './timelinejs-json';
import { Notes, type ImportFormat, type ImportNote, type ImportOptions, type ImportResult, type ImporterOutput } from './types';

export type { ImportFormat, ImportNote, ImportOptions, ImportResult } from './types';
export { IMPORT_FORMATS } from './types';
export { importAcledCsv, importChronomapCsv, importStoryMap, importTimelineCsv, importTimelineJson };

/** The header row of a CSV text, split on its likeliest separator. */
function csvHeader(text: string): string[] {
  const first = text.slice(0, 4096).split(/\r?\n/)[0] ?? '';
  const separator = [',', ';', '\t'].map((d) => ({ d, n: first.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  return first.split(separator).map((h) => h.replace(/^"|"$/g, '').trim());
}

/** The format of a file, from its content (and its name when the content does not tell); null when unknown. */
export function detectFormat(text: string, filename?: string): ImportFormat | null {
  if (typeof text !== 'string') return null;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart()[0];
  if (start === '{' || start === '[') {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return filename?.toLowerCase().endsWith('.csv') ? null : 'chronomap';
    }
    if (!isRecord(data)) return 'chronomap';
    if (isRecord(data.storymap) || (Array.isArray(data.slides) && !('events' in data))) return 'storymap';
    if ('version' in data || 'places' in data) return 'chronomap';
    if (Array.isArray(data.events) || isRecord(data.timeline)) return 'timelinejs';
    return 'chronomap';
  }
  const header = csvHeader(body);
  if (looksLikeAcled(header)) return 'acled';
  if (looksLikeTimelineSheet(header)) return 'timelinejs-csv';
  if (looksLikeChronomapSheet(header)) return 'csv';
  const keys = new Set(header.map(headerKey));
  if (keys.has('headline') || keys.has('year')) return 'timelinejs-csv';
  if (keys.has('title') || keys.has('start')) return 'csv';
  if (filename?.toLowerCase().endsWith('.json')) return 'chronomap';
  return null;
}

const IMPORTERS: Record<Exclude<ImportFormat, 'chronomap'>, (text: string, options: ImportOptions) => ImporterOutput> = {
  timelinejs: importTimelineJson,
  'timelinejs-csv': importTimelineCsv,
  storymap: importStoryMap,
  csv: importChronomapCsv,
  acled: importAcledCsv,
};

/** Our own JSON: read as it is, so the validator alone speaks. */
function importChronomapJson(text: string): ImporterOutput {
  const notes = new Notes();
  const data = parseJsonText(text, notes);
  if (data !== undefined && !isRecord(data)) notes.error('file', 'expected a Chronomap dataset: an object with "version", "title", "places" and "events"');
  return { format: 'chronomap', dataset: isRecord(data) ? (data as DatasetRecord) : null, notes: notes.items, origins: [] };
}

export function importText(text: string, options: ImportOptions & { format?: ImportFormat } = {}): ImportResult {
  const { format: given, ...rest } = options;
  const format = given ?? detectFormat(text, options.filename);
  if (format === null) {
    return {
      format: 'csv',
      dataset: null,
      notes: [{ where: 'file', level: 'error', message: 'the format could not be told: expected TimelineJS JSON or its sheet as CSV, StoryMapJS JSON, the Chronomap CSV template, ACLED-style CSV, or a Chronomap dataset' }],
    };
  }
  let output: ImporterOutput;
  try {
    output = format === 'chronomap' ? importChronomapJson(typeof text === 'string' ? text : '') : IMPORTERS[format](typeof text === 'string' ? text : '', rest);
  } catch (error) {
    // Importers do not throw; if one ever does, the reader still gets a message, not a crash.
    return { format, dataset: null, notes: [{ where: 'file', level: 'error', message: `the importer stopped on this file (${String(error).slice(0, 160)}); please report it` }] };
  }
  return validated(output);
}

const ROW_FROM_PATH = /^events\[(\d+)\]/;

/** Validator problems as notes: at the event's place in the file, its dataset path after it. */
function toNote(p: Problem, level: ImportNote['level'], origins: readonly string[], dropped: boolean): ImportNote {
  const m = ROW_FROM_PATH.exec(p.path);
  const origin = m ? origins[Number(m[1])] : undefined;
  const message = formatProblem({ ...p, path: '' }).replace(/^file: /, '');
  return { where: origin && !p.path.startsWith(origin) ? `${origin} (${p.path})` : p.path || 'file', level, message: dropped ? `${message}; the event was dropped` : message };
}

/** Warnings repeated on many events are listed a few times, then counted. */
function groupWarnings(notes: ImportNote[], problems: Problem[], origins: readonly string[], omitted: number): void {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = `${p.path.replace(/\[\d+\]/g, '[]')}|${p.expected}`;
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    for (const p of list.slice(0, 3)) notes.push(toNote(p, 'warning', origins, false));
    if (list.length > 3) notes.push({ where: list[0]!.path.replace(/\[\d+\]/g, '[…]'), level: 'warning', message: `${list[0]!.expected}: the same on ${list.length - 3} more${omitted ? ' (and more not counted)' : ''}` });
  }
  if (omitted) notes.push({ where: 'file', level: 'warning', message: `${omitted} more warnings from the validator were not listed` });
}

/**
 * What `validateValue` may take over: it extends the event objects in place (times, defaults),
 * and nothing else of a dataset. Copying 100,000 events one level deep costs a fraction of
 * a deep copy.
 */
function forValidator(dataset: DatasetRecord): DatasetRecord {
  return { ...dataset, events: Array.isArray(dataset.events) ? dataset.events.map((e) => (e && typeof e === 'object' ? { ...e } : e)) : dataset.events };
}

function validated(output: ImporterOutput): ImportResult {
  const { format, notes, origins } = output;
  let dataset = output.dataset;
  if (!dataset) return { format, dataset: null, notes };
  let check = validateValue(forValidator(dataset));
  if (!check.ok) {
    // Problems inside events drop those events; anything else leaves nothing usable.
    const bad = new Set<number>();
    const elsewhere = check.problems.filter((p) => {
      const m = ROW_FROM_PATH.exec(p.path);
      if (m) bad.add(Number(m[1]));
      return !m;
    });
    const repairable = format !== 'chronomap' && elsewhere.length === 0 && check.omitted === 0;
    for (const p of check.problems) notes.push(toNote(p, 'error', origins, repairable));
    if (!repairable) {
      if (check.omitted) notes.push({ where: 'file', level: 'error', message: `${check.omitted} more problems were not listed` });
      return { format, dataset: null, notes };
    }
    const droppedIds = new Set(dataset.events.filter((_, i) => bad.has(i)).map((e) => e.id));
    dataset = {
      ...dataset,
      events: dataset.events.filter((_, i) => !bad.has(i)),
      ...(dataset.stories ? { stories: dataset.stories.map((s) => ({ ...s, steps: s.steps.map(({ event, ...step }) => (event && droppedIds.has(event) ? step : { ...step, ...(event ? { event } : {}) })) })) } : {}),
    };
    const keptOrigins = origins.filter((_, i) => !bad.has(i));
    check = validateValue(forValidator(dataset));
    if (!check.ok) {
      for (const p of check.problems) notes.push(toNote(p, 'error', keptOrigins, false));
      return { format, dataset: null, notes };
    }
    groupWarnings(notes, check.warnings, keptOrigins, check.omittedWarnings);
    return { format, dataset, notes: sorted(notes) };
  }
  groupWarnings(notes, check.warnings, origins, check.omittedWarnings);
  return { format, dataset, notes: sorted(notes) };
}

/** Errors first, each level in the order found. */
function sorted(notes: ImportNote[]): ImportNote[] {
  return [...notes.filter((n) => n.level === 'error'), ...notes.filter((n) => n.level === 'warning')];
}
