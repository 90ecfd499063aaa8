import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventsCsv } from '../../src/export/csv';
import { importText } from '../../src/import';
import { validateJson } from '../../src/model/validate';

describe('a CSV export', () => {
  it('imports again through the CSV template importer, with every event, place and source', () => {
    const result = validateJson(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'));
    if (!result.ok) throw new Error('dataset invalid');
    const d = result.dataset;
    const csv = eventsCsv(d, d.events, 'en');
    const back = importText(csv, { filename: 'export.csv' });
    expect(back.format).toBe('csv');
    expect(back.notes.filter((n) => n.level === 'error')).toEqual([]);
    const events = back.dataset!.events;
    expect(events.map((e) => e.id).sort()).toEqual(d.events.map((e) => e.id).sort());
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const e of d.events) {
      const again = byId.get(e.id)!;
      expect(again.title, e.id).toBe(e.title);
      expect(again.start, e.id).toBe(e.start);
      expect((again.sources ?? []).map((s) => s.url), e.id).toEqual(e.sources.map((s) => s.url));
    }
  });
});
