import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText, type ImportResult } from '../../src/import/index';
import { validateJson, validateValue } from '../../src/model/validate';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const noteAt = (r: ImportResult, where: string) => r.notes.filter((n) => n.where === where);

describe('Chronomap CSV template importer', () => {
  const r = importText(fixture('chronomap.csv'), { filename: 'summit.csv' });
  const d = r.dataset!;
  const byId = (id: string) => d.events.find((e) => e.id === id)!;

  it('reads a full row into an event with its place, source, figure, tags and media', () => {
    expect(r.format).toBe('csv');
    expect(validateValue(structuredClone(d)).ok).toBe(true);
    expect(byId('alaska-summit-trump-putin')).toEqual({
      id: 'alaska-summit-trump-putin',
      title: 'Trump and Putin meet at a US base in Alaska',
      summary: "Their first in-person meeting of Trump's second term.\nA second line.",
      start: '2025-08-15T11:26-08:00',
      precision: 'exact',
      timezone: 'America/Anchorage',
      kind: 'meeting',
      status: 'held',
      highlight: true,
      place: 'joint-base-elmendorf-richardson-anchorage',
      participants: ['Donald Trump', 'Vladimir Putin'],
      figures: [{ label: 'Talks duration', value: 'about 2½ hours', reportedBy: 'AP' }],
      sources: [{ publisher: 'The Moscow Times', title: 'Trump-Putin Summit to Take Place on U.S. Military Base', url: 'https://www.themoscowtimes.com/2025/08/13/trump-putin-summit-to-take-place-on-us-military-base-a90202', date: '2025-08-13', language: 'en' }],
      media: { url: 'https://en.wikipedia.org/wiki/Joint_Base_Elmendorf-Richardson', caption: 'The venue', credit: 'Wikipedia' },
      tags: ['core', 'summit'],
    });
  });

  it('merges rows at the same place name and coordinates into one place', () => {
    expect(d.places).toEqual([{ id: 'joint-base-elmendorf-richardson-anchorage', name: 'Joint Base Elmendorf-Richardson, Anchorage', lat: 61.25139, lon: -149.80639, kind: 'venue', country: 'US' }]);
    expect(byId('example-2').place).toBe('joint-base-elmendorf-richardson-anchorage');
  });

  it('writes no kinds list when every kind is a default one', () => {
    expect(d.kinds).toBeUndefined();
    expect(d.lanes).toBeUndefined();
  });

  it('converts a local date-time with the row zone, and written source dates', () => {
    expect(byId('example-2')).toMatchObject({ start: '2025-08-16T10:00-08:00' });
    expect(byId('example-2').sources).toEqual([{ publisher: 'Example publisher', date: '2025-08-16' }, { publisher: 'example.org', url: 'https://example.org/b' }]);
    expect(noteAt(r, 'row 3, column source url')[0]!.message).toBe('"javascript:alert(1)" is not a web address starting with http:// or https://; the link was left out');
    expect(noteAt(r, 'row 3, column source 2 publisher')[0]!.message).toBe('no publisher: "example.org" was taken from the link');
  });

  it('drops a latitude of 91, keeping the name as an area', () => {
    expect(byId('example-3')).toMatchObject({ areas: ['Nowhere'] });
    expect(byId('example-3').place).toBeUndefined();
    expect(noteAt(r, 'row 4, column latitude')[0]).toEqual({ where: 'row 4, column latitude', level: 'error', message: '91 is not a latitude (from -90 to 90); the event has no place ("Nowhere" is kept as an area name)' });
  });

  it('leaves out bad values one by one, saying which', () => {
    expect(byId('example-3')).not.toHaveProperty('end');
    expect(byId('example-3')).not.toHaveProperty('status');
    expect(byId('example-3')).not.toHaveProperty('timezone');
    expect(noteAt(r, 'row 4, column end')[0]!.message).toBe('the end (2025-08-16) is before the start (2025-08-17); the end was dropped');
    expect(noteAt(r, 'row 4, column timezone')[0]!.message).toBe('"Mars/Olympus" is not a time zone name like "Europe/Kyiv"; UTC was used');
    expect(noteAt(r, 'row 5, column precision')[0]!.message).toBe('"day" is finer than the start 2025-08, which gives only the month; it was left out');
    expect(noteAt(r, 'row 1')[0]!.message).toBe('columns this template does not have were ignored: "colour" (see docs/csv-template.md)');
  });

  it('renames a duplicate id and drops a row whose date it cannot read', () => {
    expect(d.events.map((e) => e.id)).toEqual(['alaska-summit-trump-putin', 'example-2', 'example-3', 'alaska-summit-trump-putin-2']);
    expect(noteAt(r, 'row 5, column id')[0]!.message).toBe('the id "alaska-summit-trump-putin" is used by an earlier row; this event is "alaska-summit-trump-putin-2"');
    expect(noteAt(r, 'row 6, column start')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('"18/08/2025" is not a date') });
  });

  it('makes a kinds list when some kind is its own, keeping the default look of the others', () => {
    const c = importText(fixture('chronomap-custom-kinds.csv'));
    expect(c.dataset!.kinds!.map((k) => [k.id, k.label, k.lane])).toEqual([
      ['concert', 'Concert', 'culture'],
      ['attack', 'Attack', 'attacks'],
      ['other', 'Other', 'events'],
    ]);
    expect(c.dataset!.lanes).toEqual([
      { id: 'culture', label: 'Culture' },
      { id: 'attacks', label: 'Attacks' },
      { id: 'events', label: 'Events' },
    ]);
    expect(c.dataset!.kinds![1]).toMatchObject({ color: '#b3261e', shape: 'triangle' });
    expect(noteAt(c, 'row 4, column kind')[0]!.message).toBe('no kind: the event is of the kind "Other"');
  });

  it('ships a template whose example rows import cleanly', () => {
    const t = importText(readFileSync(new URL('../../public/templates/chronomap-template.csv', import.meta.url), 'utf8'), { filename: 'chronomap-template.csv' });
    expect(t.notes.filter((n) => n.level === 'error')).toEqual([]);
    expect(t.dataset!.events).toHaveLength(2);
    expect(validateJson(JSON.stringify(t.dataset)).ok).toBe(true);
  });

  it('refuses a file without a title or start column', () => {
    expect(importText('name,date\nA,2025\n', { format: 'csv' }).notes[0]!.message).toBe('the column "title" is missing: every event needs a title');
  });
});
