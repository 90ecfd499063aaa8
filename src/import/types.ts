/**
 * What every importer takes and gives. Importers are pure (no DOM, no network): the CLI and
 * the "Make your own" page both call them, and they never throw: whatever the input, the
 * caller gets notes that say what was dropped or changed, in the source file's own terms.
 */
import type { DatasetRecord } from '../model/schema';

export type ImportFormat = 'timelinejs' | 'timelinejs-csv' | 'storymap' | 'csv' | 'acled' | 'chronomap';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['timelinejs', 'timelinejs-csv', 'storymap', 'csv', 'acled', 'chronomap'];

export interface ImportNote {
  /** Where, in the source file's own terms: "row 12, column End Year", "events[3].media.url", "slides[2].location". */
  where: string;
  /** What happened, in words a journalist can act on: what was dropped or changed and why. */
  message: string;
  /** 'error': nothing usable from that item (it was dropped); 'warning': kept, but changed or partly lost. */
  level: 'error' | 'warning';
}

export interface ImportResult {
  format: ImportFormat;
  dataset: DatasetRecord | null;
  notes: ImportNote[];
}

export interface ImportOptions {
  /** Used for the dataset's title when the file has none (e.g. "Events 2025" from events-2025.csv). */
  filename?: string;
  /** Language code of the file's text ("en", "uk"); becomes the dataset's first language. */
  language?: string;
  /**
   * IANA zone the file's dates and clock times are in (TimelineJS and sheets carry none). Without
   * it they are read as UTC, and a note says so.
   */
  timezone?: string;
  /** For conflict-event files: the attribution line to show instead of ACLED's. */
  attribution?: string;
}

/**
 * What an importer hands to `importText`: the result plus, for each event, where in the file it
 * came from, so that validator problems at `events[12]` can be told as "row 14".
 */
export interface ImporterOutput extends ImportResult {
  origins: string[];
}

/** Collects notes; `where` is in the source file's terms. */
export class Notes {
  readonly items: ImportNote[] = [];
  error(where: string, message: string): void {
    this.items.push({ where, message, level: 'error' });
  }
  warn(where: string, message: string): void {
    this.items.push({ where, message, level: 'warning' });
  }
}
