import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchemaText } from '../../scripts/json-schema';
import { formatProblem, validateJson } from '../../src/model/validate';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const factSheet = new URL('../../../shared/facts/facts.json', import.meta.url);

describe('data/schema.json', () => {
  it('is the JSON Schema generated from src/model/schema.ts (run `npm run schema` after changing it)', () => {
    expect(read('data/schema.json')).toBe(datasetJsonSchemaText());
  });
});

describe('data/events.json', () => {
  const result = validateJson(read('data/events.json'));

  it('passes the validator', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('holds the 27 core events of 15–21 August 2025 and 26 events of context', () => {
    if (!result.ok) throw new Error('invalid dataset');
    const tags = result.dataset.events.map((e) => e.tags);
    expect(tags.filter((t) => t.includes('core'))).toHaveLength(27);
    expect(tags.filter((t) => t.includes('context'))).toHaveLength(26);
  });

  it('has a Ukrainian title and summary for every event of 15–21 August 2025, and Ukrainian place names', () => {
    if (!result.ok) throw new Error('invalid dataset');
    const missing = result.dataset.events
      .filter((e) => e.tags.includes('core') && !(e.translations?.uk?.title && e.translations.uk.summary))
      .map((e) => e.id);
    expect(missing).toEqual([]);
    expect(result.dataset.places.filter((p) => !p.translations?.uk?.name).map((p) => p.id)).toEqual([]);
  });

  it('places the summit at Joint Base Elmendorf–Richardson and the 18 August meetings at the White House', () => {
    if (!result.ok) throw new Error('invalid dataset');
    const { eventById, placeById } = result.dataset;
    const at = (id: string) => placeById.get(eventById.get(id)?.place ?? '');
    expect(at('alaska-summit-trump-putin')).toMatchObject({ lat: 61.25139, lon: -149.80639 });
    expect(at('white-house-multilateral-european-leaders')).toMatchObject({ lat: 38.8977, lon: -77.0365 });
    expect(eventById.get('alaska-summit-trump-putin')!.start).toBe('2025-08-15T11:26-08:00');
  });

  it.skipIf(!existsSync(factSheet))('keeps every event, coordinate and source of the fact sheet', () => {
    if (!result.ok) throw new Error('invalid dataset');
    const facts = JSON.parse(readFileSync(factSheet, 'utf8')) as {
      events: { id: string; date: string; coords: { lat: number | null; lon: number | null } | null; sources: { url: string }[] }[];
    };
    const { eventById, placeById } = result.dataset;
    for (const fact of facts.events) {
      const e = eventById.get(fact.id);
      expect(e, fact.id).toBeDefined();
      expect(e!.start.slice(0, 10), fact.id).toBe(fact.date);
      const urls = e!.sources.map((s) => s.url);
      for (const s of fact.sources) expect(urls, fact.id).toContain(s.url);
      const p = e!.place ? placeById.get(e!.place) : undefined;
      if (fact.coords?.lat == null) expect(p, `${fact.id} has no single place`).toBeUndefined();
      else expect(p && [p.lat, p.lon], fact.id).toEqual([fact.coords.lat, fact.coords.lon]);
    }
  });
});
