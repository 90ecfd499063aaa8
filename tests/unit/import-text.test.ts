import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, importText } from '../../src/import/index';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

describe('detectFormat', () => {
  it('tells each format from its content', () => {
    expect(detectFormat(fixture('timelinejs-real.json'))).toBe('timelinejs');
    expect(detectFormat(fixture('timelinejs-sheet.csv'))).toBe('timelinejs-csv');
    expect(detectFormat(fixture('timelinejs-semicolon.csv'))).toBe('timelinejs-csv');
    expect(detectFormat(fixture('storymap.json'))).toBe('storymap');
    expect(detectFormat(fixture('chronomap.csv'))).toBe('csv');
    expect(detectFormat(fixture('acled.csv'))).toBe('acled');
    expect(detectFormat(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'))).toBe('chronomap');
  });

  it('returns null for what it cannot tell', () => {
    expect(detectFormat('hello world')).toBeNull();
    expect(detectFormat('')).toBeNull();
  });
});

describe('importText', () => {
  it('passes our own dataset straight through the validator', () => {
    const r = importText(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'));
    expect(r.format).toBe('chronomap');
    expect(r.dataset!.events.length).toBeGreaterThan(40);
    expect(r.notes.filter((n) => n.level === 'error')).toEqual([]);
  });

  it('gives validator problems of our own JSON with their paths, and no dataset', () => {
    const r = importText(JSON.stringify({ version: 2, title: 'T', places: [], events: [{ id: 'a', title: 'A', start: '2025-13', kind: 'meeting' }] }));
    expect(r.dataset).toBeNull();
    expect(r.notes[0]).toMatchObject({ where: 'events[0].start', level: 'error' });
  });

  it('drops an imported event the validator rejects, naming its row', () => {
    // The offset +25:00 reads as a date to the importer but is no offset the schema accepts.
    const r = importText('title,start\nGood,2025-08-18\nBad,2025-08-18T10:00+25:00\n', { format: 'csv' });
    expect(r.dataset!.events.map((e) => e.title)).toEqual(['Good']);
    expect(r.notes[0]).toMatchObject({ where: 'row 3 (events[1].start)', level: 'error', message: expect.stringContaining('the event was dropped') });
  });

  it('returns the records as imported, not the validator\'s extended events', () => {
    const e = importText('title,start,kind\nA,2025-08-18,meeting\n').dataset!.events[0]!;
    expect(e).toEqual({ id: 'a', title: 'A', start: '2025-08-18', kind: 'meeting' });
  });

  it('says when the format cannot be told', () => {
    expect(importText('just some words')).toMatchObject({ dataset: null, notes: [{ level: 'error', message: expect.stringContaining('the format could not be told') }] });
  });

  it('lists errors before warnings', () => {
    const levels = importText(fixture('chronomap.csv')).notes.map((n) => n.level);
    expect(levels.indexOf('warning')).toBeGreaterThan(levels.lastIndexOf('error'));
  });
});
