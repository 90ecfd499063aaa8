import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACLED_ATTRIBUTION } from '../../src/import/acled-csv';
import { importText, type ImportResult } from '../../src/import/index';
import { validateValue } from '../../src/model/validate';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const noteAt = (r: ImportResult, where: string) => r.notes.filter((n) => n.where === where);

describe('ACLED-style CSV importer', () => {
  const r = importText(fixture('acled.csv'), { filename: 'conflict.csv' });
  const d = r.dataset!;

  it('makes an event of a row: title from sub-event type and location, summary from notes', () => {
    expect(r.format).toBe('acled');
    expect(validateValue(structuredClone(d)).ok).toBe(true);
    expect(d.events[0]).toEqual({
      id: 'XYZ1',
      title: 'Armed clash in Example Town',
      summary: 'Synthetic row for tests: an armed clash, not a real event.',
      start: '2025-05-16',
      precision: 'day',
      kind: 'battles',
      place: 'example-town',
      geoPrecision: 'venue',
      areas: ['North Province', 'River District'],
      participants: ['Example Force A', 'Example Force B'],
      sources: [
        { publisher: 'Example Daily', note: 'Source scale (ACLED): National' },
        { publisher: 'Example Radio', note: 'Source scale (ACLED): National' },
      ],
      figures: [{ label: 'Fatalities', value: 3, reportedBy: 'Example Daily; Example Radio' }],
      tags: ['Armed clash', 'Political violence'],
    });
  });

  it('reads both date forms and the time and geo precision codes', () => {
    expect(d.events.map((e) => [e.start, e.precision, e.geoPrecision])).toEqual([
      ['2025-05-16', 'day', 'venue'],
      ['2025-05-16', 'week', 'city'],
      ['2025-05-17', 'month', 'region'],
      ['2025-05-18', 'day', undefined],
      ['2025-05-19', 'day', 'venue'],
    ]);
  });

  it("puts event types in ACLED's lanes, and an unknown type in a kind of its own", () => {
    expect(d.kinds!.map((k) => [k.id, k.lane])).toEqual([
      ['battles', 'political-violence'],
      ['explosions-remote-violence', 'political-violence'],
      ['protests', 'demonstrations'],
      ['cyber-attack', 'political-violence'],
      ['strategic-developments', 'strategic-developments'],
    ]);
    expect(d.lanes!.map((l) => l.id)).toEqual(['political-violence', 'demonstrations', 'strategic-developments']);
    expect(new Set(d.kinds!.map((k) => k.shape)).size).toBe(5);
    expect(noteAt(r, 'row 5, column event_type')[0]).toMatchObject({ level: 'warning', message: expect.stringContaining('"Cyber attack" is not one of ACLED\'s event types') });
  });

  it('merges rows at the same location and coordinates, and drops latitude 91', () => {
    expect(d.places.map((p) => p.id)).toEqual(['example-town', 'example-city']);
    expect(d.events[3]).toMatchObject({ areas: ['South Province', 'Example City'] });
    expect(d.events[3]!.place).toBeUndefined();
    expect(noteAt(r, 'row 5, column latitude')[0]!.message).toBe('91.0000 is not a latitude (from -90 to 90); the event has no place ("Example City" is kept as an area name)');
  });

  it('takes participants from the actors, splitting associated actors', () => {
    expect(d.events[2]!.participants).toEqual(['Protesters (Exampleland)', 'Example Union', 'Example Students']);
    expect(d.events[2]!.tags).toEqual(['Peaceful protest', 'Demonstrations', 'crowd size=no report']);
  });

  it("carries ACLED's attribution and terms unless another attribution is given", () => {
    expect(d.attribution).toBe(ACLED_ATTRIBUTION);
    expect(d.license).toContain("ACLED's terms of use");
    expect(importText(fixture('acled.csv'), { attribution: 'Example Monitor' }).dataset!.attribution).toBe('Example Monitor');
  });

  it('says once what it ignores, and notes bad rows in spreadsheet terms', () => {
    expect(noteAt(r, 'row 1')[0]!.message).toBe('not carried over: inter1, inter2, interaction, iso, region, country, timestamp (timestamp is when the row was uploaded, not when the event happened)');
    expect(noteAt(r, 'row 6, column event_id_cnty')[0]!.message).toBe('the id "XYZ1" is used by an earlier row; this event is "XYZ1-2"');
    expect(noteAt(r, 'row 6, column year')[0]!.message).toBe('the year 2024 differs from the event date 2025-05-19; the event date was used');
    expect(noteAt(r, 'row 7, column event_date')[0]).toMatchObject({ level: 'error', message: '"19/05/2025" is not a date like 2025-05-16 or 16 May 2025: the row was dropped' });
  });

  it('counts the sources without links once they repeat, instead of listing each', () => {
    const repeated = r.notes.filter((n) => n.message.startsWith('expected a link to the source'));
    expect(repeated.length).toBeLessThanOrEqual(4);
    expect(repeated.at(-1)!.message).toMatch(/the same on \d+ more/);
  });
});
