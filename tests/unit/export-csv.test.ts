import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvField, eventsCsv, guardFormula } from '../../src/export/csv';
import type { Dataset } from '../../src/model/dataset';
import { ALL_FILTERS, visibleSummary } from '../../src/model/select';
import { validateJson, validateValue } from '../../src/model/validate';
import { readCsvRows } from '../fixtures/csv-read';
import { dataset, event, place } from '../fixtures/datasets';

function build(d: unknown): Dataset {
  const result = validateValue(d);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

function project(): Dataset {
  const result = validateJson(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('data/events.json is invalid');
  return result.dataset;
}

/** The CSV as objects keyed by header, BOM removed. */
function table(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsvRows(text.slice(1));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('guardFormula', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-0500-03']) expect(guardFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const cell of ['-149.80639', '+3', '-0500', '1e-3', 'Kyiv', 'a=b', '']) expect(guardFormula(cell)).toBe(cell);
  });
});

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks and doubles their quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('eventsCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
    const d = build(dataset());
    const text = eventsCsv(d, d.events, 'en');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per event given, in the columns of the CSV template', () => {
    const d = project();
    const shown = visibleSummary(d, [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 22)], { hiddenKinds: ['attack'], hiddenStatuses: [] }).events;
    const rows = table(eventsCsv(d, shown, 'en'));
    expect(rows.map((r) => r.id)).toEqual(shown.map((e) => e.id));
    const alaska = rows.find((r) => r.id === 'alaska-summit-trump-putin')!;
    expect(alaska).toMatchObject({ title: 'Trump and Putin meet at a US base in Alaska', start: '2025-08-15T11:26-08:00', kind: 'meeting', status: 'held', latitude: '61.25139', longitude: '-149.80639', 'geo precision': 'venue' });
    expect(alaska.place).toContain('Anchorage');
  });

  it('gives each source its own group of columns, as many groups as the event with most sources needs', () => {
    const d = build(
      dataset({
        events: [
          event({ id: 'a', sources: [{ publisher: 'One', url: 'https://one.example/a' }, { publisher: 'Two', title: 'T, with a comma', url: 'https://two.example/b', date: '2025-08' }] }),
          event({ id: 'b', sources: [{ publisher: 'Three' }] }),
        ],
      }),
    );
    const text = eventsCsv(d, d.events, 'en');
    const [header] = readCsvRows(text.slice(1));
    expect(header!.filter((h) => /^source( \d)? publisher$/.test(h))).toEqual(['source publisher', 'source 2 publisher']);
    const [a, b] = table(text);
    expect(a).toMatchObject({ 'source publisher': 'One', 'source url': 'https://one.example/a', 'source 2 publisher': 'Two', 'source 2 title': 'T, with a comma', 'source 2 date': '2025-08' });
    expect(b).toMatchObject({ 'source publisher': 'Three', 'source url': '', 'source 2 publisher': '' });
  });

  it('writes Ukrainian text for a Ukrainian reader where the dataset translates it, English where it does not', () => {
    const d = project();
    const e = d.eventById.get('alaska-summit-trump-putin')!;
    const untranslated = build(dataset({ languages: ['en', 'uk'], events: [event({ id: 'x', title: 'Only English' })] }));
    const [row] = table(eventsCsv(d, [e], 'uk'));
    expect(row!.title).toBe(e.translations!.uk!.title);
    expect(row!.title).toMatch(/[а-яіїєґ]/i);
    expect(table(eventsCsv(untranslated, untranslated.events, 'uk'))[0]!.title).toBe('Only English');
  });

  it('guards cells that would run as formulas but keeps negative coordinates as numbers', () => {
    const d = build(
      dataset({
        places: [place({ id: 'west', name: '=cmd|"/c calc"!A1', lat: -33.9, lon: -70.6 })],
        events: [event({ place: 'west', title: '@evil', participants: ['+danger', 'Someone'] })],
      }),
    );
    const [row] = table(eventsCsv(d, d.events, 'en'));
    expect(row).toMatchObject({ title: "'@evil", place: `'=cmd|"/c calc"!A1`, latitude: '-33.9', longitude: '-70.6', participants: "'+danger; Someone" });
  });

  it('puts the areas of an event without a place in the place column, with no coordinates', () => {
    const d = build(dataset({ events: [event({ place: undefined, geoPrecision: 'none', areas: ['Sumy oblast', 'Kharkiv oblast'] })] }));
    expect(table(eventsCsv(d, d.events, 'en'))[0]).toMatchObject({ place: 'Sumy oblast; Kharkiv oblast', latitude: '', 'geo precision': '' });
  });

  it('writes a header alone for an empty list', () => {
    const d = build(dataset());
    expect(readCsvRows(eventsCsv(d, [], 'en').slice(1))).toHaveLength(1);
  });

  it('keeps every event of the project dataset, all filters off', () => {
    const d = project();
    const all = visibleSummary(d, d.extent, ALL_FILTERS).events;
    expect(table(eventsCsv(d, all, 'en'))).toHaveLength(d.events.length);
  });
});
