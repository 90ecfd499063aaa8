import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJson, shownEventsFile, wholeDatasetFile } from '../../src/export/json';
import type { Dataset } from '../../src/model/dataset';
import { visibleSummary } from '../../src/model/select';
import { validateJson, validateValue } from '../../src/model/validate';
import { dataset, event, place } from '../fixtures/datasets';

const raw = readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8');

function project(): Dataset {
  const result = validateJson(raw);
  if (!result.ok) throw new Error('data/events.json is invalid');
  return result.dataset;
}

/** The exported text read back as a file would be. */
function reread(text: string) {
  const result = validateJson(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
  return result;
}

const WINDOW = [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 22)] as const;

describe('shownEventsFile', () => {
  it('is a schema v2 dataset of exactly the events shown, which passes validation', () => {
    const d = project();
    const shown = visibleSummary(d, WINDOW, { hiddenKinds: ['meeting'], hiddenStatuses: [] }).events;
    const file = shownEventsFile(d, shown, WINDOW);
    expect(file.version).toBe(2);
    const back = reread(datasetJson(file));
    expect(back.dataset.events.map((e) => e.id).sort()).toEqual(shown.map((e) => e.id).sort());
    expect(back.warnings).toEqual([]);
  });

  it('holds only the places its events are drawn at, the attribution, and the window as its view', () => {
    const d = validateValue(
      dataset({
        version: 2,
        attribution: 'Data: Example Lab',
        places: [place(), place({ id: 'lviv', name: 'Lviv', lat: 49.84, lon: 24.03 }), place({ id: 'odesa', name: 'Odesa', lat: 46.48, lon: 30.72 })],
        events: [event({ id: 'a', sites: [{ name: 'Port', place: 'odesa' }] }), event({ id: 'b', place: 'lviv', start: '2025-09-01' })],
      }),
    );
    if (!d.ok) throw new Error('fixture');
    const file = shownEventsFile(d.dataset, [d.dataset.eventById.get('a')!], WINDOW);
    expect(file.places.map((p) => p.id)).toEqual(['kyiv', 'odesa']);
    expect(file.attribution).toBe('Data: Example Lab');
    expect(file.view).toEqual({ from: '2025-08-14T00:00:00.000Z', to: '2025-08-22T00:00:00.000Z' });
    expect(reread(datasetJson(file)).dataset.view).toEqual(file.view);
  });

  it('keeps related links only to events in the file, and leaves out the stories', () => {
    const d = project();
    const withLinks = d.events.find((e) => (e.related?.length ?? 0) > 0)!;
    const file = shownEventsFile(d, [withLinks], null);
    expect(file.events[0]!.related).toBeUndefined();
    expect(file.stories).toBeUndefined();
    reread(datasetJson(file));
  });

  it('writes none of the values the app computes, nor empty defaults', () => {
    const d = validateValue(dataset({ events: [event({ summary: undefined, participants: undefined, tags: undefined } as never)] }));
    if (!d.ok) throw new Error('fixture');
    const [e] = shownEventsFile(d.dataset, d.dataset.events, null).events;
    for (const key of ['index', 'startMs', 'endMs', 'lane', 'summary', 'participants', 'tags']) expect(e).not.toHaveProperty(key);
  });

  it("declares the dataset's own kinds and lanes, and no kinds for a dataset using the defaults", () => {
    const own = validateValue(
      dataset({
        version: 2,
        kinds: [{ id: 'protest', label: 'Protest', lane: 'street', color: '#1f5fa8', shape: 'circle' }],
        lanes: [{ id: 'street', label: 'In the street' }],
        events: [event({ kind: 'protest' })],
      }),
    );
    if (!own.ok) throw new Error(JSON.stringify(own.problems));
    const file = shownEventsFile(own.dataset, own.dataset.events, null);
    expect(file.kinds?.map((k) => k.id)).toEqual(['protest']);
    expect(file.lanes).toEqual([{ id: 'street', label: 'In the street' }]);
    reread(datasetJson(file));
    expect(shownEventsFile(project(), [], null).kinds).toBeUndefined();
  });
});

describe('wholeDatasetFile', () => {
  it('round-trips the project dataset: every event, place and story, valid', () => {
    const d = project();
    const original = JSON.parse(raw) as { events: { id: string }[]; places: unknown[]; stories: unknown[] };
    const back = reread(datasetJson(wholeDatasetFile(d)));
    expect(back.dataset.events).toHaveLength(original.events.length);
    expect(back.dataset.places).toHaveLength(original.places.length);
    expect(back.dataset.stories).toEqual(original.stories);
    expect(back.dataset.eventById.get('alaska-summit-trump-putin')!.sources).toEqual(d.eventById.get('alaska-summit-trump-putin')!.sources);
  });
});
