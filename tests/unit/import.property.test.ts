import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText, type ImportFormat, type ImportResult } from '../../src/import/index';
import { validateValue } from '../../src/model/validate';

const SETTINGS = { numRuns: 300, seed: 20261202 };
const FORMATS: ImportFormat[] = ['timelinejs', 'timelinejs-csv', 'storymap', 'csv', 'acled', 'chronomap'];

/** The contract: never a throw; a dataset only when it validates, else notes saying why. */
function holds(result: ImportResult): void {
  if (result.dataset) expect(validateValue(structuredClone(result.dataset)).ok).toBe(true);
  else expect(result.notes.some((n) => n.level === 'error')).toBe(true);
}

const part = fc.oneof(fc.integer({ min: -300000, max: 300000 }), fc.string({ maxLength: 6 }), fc.constantFrom('', '05', ' 12 ', '1,500', '-500', 'May'), fc.constant(null));
const date = fc.record({ year: part, month: part, day: part, hour: part, minute: part }, { requiredKeys: [] });
const html = fc.oneof(fc.string(), fc.constantFrom('<p>a</p><script>x()</script>', '<a href="javascript:alert(1)">x</a>', '<a href="https://example.org">y</a>', 'https://example.org/z', '&amp;&lt;'));
const slide = fc.record(
  {
    start_date: fc.oneof(date, fc.jsonValue()),
    end_date: fc.oneof(date, fc.jsonValue()),
    text: fc.record({ headline: html, text: html }, { requiredKeys: [] }),
    media: fc.record({ url: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)')), caption: html, credit: html }, { requiredKeys: [] }),
    group: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('A', 'B', 'C')),
    unique_id: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('x', 'x', 'y')),
    display_date: fc.string(),
    date: fc.oneof(fc.string(), fc.constantFrom('2025-08-15', 'Jan 2006', '')),
    location: fc.record({ lat: fc.oneof(fc.double(), fc.string(), fc.integer({ min: -100, max: 100 })), lon: fc.oneof(fc.double(), fc.integer({ min: -200, max: 200 })), name: fc.string({ maxLength: 8 }) }, { requiredKeys: [] }),
    type: fc.constantFrom('overview', 'title', 'era', ''),
  },
  { requiredKeys: [] },
);
const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.record({ title: slide, events: fc.array(fc.oneof(slide, fc.jsonValue()), { maxLength: 8 }), eras: fc.array(slide, { maxLength: 3 }), scale: fc.constantFrom('human', 'cosmological', 'x') }, { requiredKeys: [] }),
  fc.record({ storymap: fc.record({ slides: fc.array(fc.oneof(slide, fc.jsonValue()), { maxLength: 8 }), map_as_image: fc.boolean() }, { requiredKeys: [] }) }),
  fc.record({ version: fc.constantFrom(1, 2, 3), title: fc.string(), places: fc.jsonValue(), events: fc.array(fc.jsonValue(), { maxLength: 3 }) }, { requiredKeys: [] }),
);

const HEADERS: Record<string, string[]> = {
  'timelinejs-csv': ['Year', 'Month', 'Day', 'Time', 'End Year', 'End Month', 'End Day', 'End Time', 'Headline', 'Text', 'Media', 'Type', 'Group', 'Display Date'],
  csv: ['id', 'title', 'start', 'end', 'precision', 'timezone', 'kind', 'lane', 'status', 'place', 'latitude', 'longitude', 'source publisher', 'source url', 'source date', 'figure label', 'figure value', 'figure reported by', 'highlight', 'tags'],
  acled: ['event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities', 'tags'],
};
const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '2025', '-500', '2025-08-18', '16 May 2025', '1:30 PM', '91', 'Battles', 'meeting', 'era', 'title', 'x', 'x', 'Europe/Kyiv', 'javascript:alert(1)', 'https://example.org', '"a\nb"', '<script>x</script>'));
const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const table = (headers: string[]) =>
  fc
    .tuple(fc.array(fc.array(cell, { minLength: 0, maxLength: headers.length + 2 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
    .map(([rows, newline]) => [headers.join(','), ...rows.map((r) => r.map(quote).join(','))].join(newline));

describe('importer properties', () => {
  for (const format of FORMATS) {
    it(`${format}: arbitrary text never throws and gives a valid dataset or errors`, () => {
      fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => holds(importText(text, { format }))), SETTINGS);
    });

    it(`${format}: arbitrary JSON-ish objects never throw and give a valid dataset or errors`, () => {
      fc.assert(fc.property(jsonish, (value) => holds(importText(JSON.stringify(value) ?? 'null', { format }))), SETTINGS);
    });
  }

  for (const [format, headers] of Object.entries(HEADERS)) {
    it(`${format}: arbitrary rows under its own header never throw and give a valid dataset or errors`, () => {
      fc.assert(fc.property(table(headers), (text) => holds(importText(text, { format: format as ImportFormat }))), SETTINGS);
    });
  }

  it('detection and import together never throw on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => holds(importText(text))), SETTINGS);
  });
});
