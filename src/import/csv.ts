/**
 * CSV files as spreadsheets save them, read with PapaParse (no `eval`, unlike d3's csvParse, so
 * it runs under the page's CSP). Rows are numbered as a spreadsheet shows them: the header is
 * row 1, and a cell with line breaks in it does not add rows.
 */
import Papa from 'papaparse';
import { Notes } from './types';

export interface CsvTable {
  /** Header cells as written (trimmed). */
  header: string[];
  /** Data rows, blank ones left out; `rowNumber` is the spreadsheet's row number. */
  rows: { cells: string[]; rowNumber: number }[];
  delimiter: string;
}

/** "End Year", "end_year" and "END YEAR" name the same column. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const DELIMITERS: { char: string; name: string }[] = [
  { char: ';', name: 'semicolons' },
  { char: '\t', name: 'tabs' },
  { char: '|', name: 'vertical bars' },
];

function parse(text: string, delimiter: string): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false, dynamicTyping: false });
}

/**
 * The table in `text`. A file separated by semicolons or tabs (Excel in much of Europe saves
 * CSV with semicolons) is read with that separator, and a warning says so; `looksLike` tells
 * which header names the caller expects, to choose between separators.
 */
export function readCsv(text: string, notes: Notes, looksLike: (header: string[]) => boolean = (h) => h.length > 1): CsvTable | null {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    notes.error('file', 'the file is empty');
    return null;
  }
  let delimiter = ',';
  let result = parse(text, delimiter);
  const firstRow = (r: Papa.ParseResult<string[]>) => (r.data[0] ?? []).map((c) => c.trim());
  if (!looksLike(firstRow(result))) {
    const newline = text.indexOf('\n');
    const firstLine = newline < 0 ? text : text.slice(0, newline);
    for (const d of DELIMITERS) {
      if (!firstLine.includes(d.char)) continue;
      const other = parse(text, d.char);
      if (looksLike(firstRow(other))) {
        notes.warn('row 1', `the columns are separated by ${d.name}, not commas; the file was read with ${d.name}`);
        result = other;
        delimiter = d.char;
        break;
      }
    }
  }
  for (const e of result.errors.slice(0, 20)) {
    // Papa counts data rows from 0, the header being row 0.
    const where = e.row === undefined ? 'file' : `row ${e.row + 1}`;
    if (e.code === 'MissingQuotes') notes.warn(where, 'a quoted cell is never closed: everything after its opening quote was read into it; close the quote (")');
    else if (e.code === 'InvalidQuotes') notes.warn(where, 'a quote (") inside a cell is not doubled (""); the cell was read as written');
  }
  const [head, ...body] = result.data;
  const header = (head ?? []).map((c) => c.trim());
  const rows: CsvTable['rows'] = [];
  body.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ cells, rowNumber: i + 2 });
  });
  return { header, rows, delimiter };
}

/**
 * The columns of a table by name (see `headerKey`). A column named twice is read from its first
 * place, with a warning.
 */
export class Columns {
  private readonly index = new Map<string, number>();

  constructor(
    private readonly header: string[],
    notes: Notes,
  ) {
    header.forEach((h, i) => {
      const key = headerKey(h);
      if (!key) return;
      if (this.index.has(key)) notes.warn(`row 1, column ${h}`, `the column "${h}" appears twice; only the first one is read`);
      else this.index.set(key, i);
    });
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** The column's position, or -1: for loops over many rows. */
  indexOf(key: string): number {
    return this.index.get(key) ?? -1;
  }

  /** The trimmed cell of column `key` in a row; empty when the column or the cell is missing. */
  get(cells: readonly string[], key: string): string {
    const i = this.index.get(key);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  }

  /** The column's name as the file writes it, for notes. */
  name(key: string): string {
    const i = this.index.get(key);
    return i === undefined ? key : this.header[i]!;
  }

  /** Headers as written whose key `known` does not accept. */
  unknown(known: (key: string) => boolean): string[] {
    return this.header.filter((h) => headerKey(h) !== '' && !known(headerKey(h)));
  }
}
