/** The top of an imported dataset: title, language, time zone, the same for every format. */
import { LANGUAGE_PATTERN, LIMITS, SCHEMA_VERSION, isTimeZone } from '../model/schema';
import type { ImportOptions, Notes } from './types';

/** "events-2025_v2.csv" → "Events 2025 v2"; undefined for no name. */
export function titleFromFilename(filename: string | undefined): string | undefined {
  const base = filename?.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
  if (!base) return undefined;
  return (base[0]!.toUpperCase() + base.slice(1)).slice(0, LIMITS.title);
}

/**
 * `version`, `title` (the file's own, else one from the file name, with a warning) and
 * `languages` from the options.
 */
export function datasetHead(title: string | undefined, options: ImportOptions, notes: Notes, fallback: string): { version: typeof SCHEMA_VERSION; title: string; languages?: string[] } {
  let t = title;
  if (!t) {
    t = titleFromFilename(options.filename) ?? fallback;
    notes.warn('file', `the file gives no title; the dataset is called "${t}" (change "title" in the output)`);
  }
  const head: { version: typeof SCHEMA_VERSION; title: string; languages?: string[] } = { version: SCHEMA_VERSION, title: t };
  if (options.language !== undefined) {
    if (LANGUAGE_PATTERN.test(options.language)) head.languages = [options.language];
    else notes.warn('options', `"${options.language}" is not a language code like "en" or "uk"; the language was left out (English is assumed)`);
  }
  return head;
}

/** The options' time zone when it is one; a warning and none otherwise. */
export function zoneOption(options: ImportOptions, notes: Notes): string | undefined {
  if (options.timezone === undefined) return undefined;
  if (isTimeZone(options.timezone)) return options.timezone;
  notes.warn('options', `"${options.timezone}" is not a time zone name like "Europe/Kyiv"; times were read as UTC`);
  return undefined;
}
