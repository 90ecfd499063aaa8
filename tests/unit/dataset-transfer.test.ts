import { describe, expect, it } from 'vitest';
import { TransferAssembly, transferMessages, type TransferMessage } from '../../src/load/dataset-transfer';
import { validateJson, validateValue, type Validation } from '../../src/model/validate';
import { distinctPlacesDataset } from '../../scripts/synthetic';

/** What the page gets: each message cloned as postMessage clones it, put back together. */
function acrossThreads(validation: Validation, slice?: number): { result: Validation | null; messages: TransferMessage[]; doneAfter: number } {
  const messages = [...transferMessages(validation, slice)].map((m) => structuredClone(m));
  const assembly = new TransferAssembly();
  let result: Validation | null = null;
  let doneAfter = -1;
  messages.forEach((m, i) => {
    const r = assembly.add(m);
    if (r && !result) [result, doneAfter] = [r, i];
  });
  return { result, messages, doneAfter };
}

describe('a validated dataset sent from the worker in parts', () => {
  const validation = validateValue(distinctPlacesDataset(10_001));
  if (!validation.ok) throw new Error('synthetic dataset invalid');
  const original = validation.dataset;

  it('arrives whole, in order, with lookups that point at the events and places it holds', () => {
    const { result, messages, doneAfter } = acrossThreads(validation, 4_000);
    // A head, three slices of events and three of places; complete only with the last.
    expect(messages.map((m) => m.type)).toEqual(['head', 'events', 'events', 'events', 'places', 'places', 'places']);
    expect(doneAfter).toBe(messages.length - 1);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    const d = result.dataset;
    expect(d.events.map((e) => e.id)).toEqual(original.events.map((e) => e.id));
    expect(d.events[5_000]).toEqual(original.events[5_000]);
    expect(d.places).toEqual(original.places);
    expect(d.extent).toEqual(original.extent);
    expect(d.statuses).toEqual(original.statuses);
    expect(d.kinds).toEqual(original.kinds);
    expect(d.eventById.size).toBe(10_001);
    for (const e of [d.events[0]!, d.events[7_777]!, d.events[10_000]!]) expect(d.eventById.get(e.id)).toBe(e);
    expect(d.placeById.get(d.places[9_999]!.id)).toBe(d.places[9_999]);
    expect(d.kindById.get(d.kinds[0]!.id)).toBe(d.kinds[0]);
  });

  it('sends no message larger than a slice', () => {
    const { messages } = acrossThreads(validation, 4_000);
    for (const m of messages) {
      if (m.type === 'events') expect(m.events.length).toBeLessThanOrEqual(4_000);
      if (m.type === 'places') expect(m.places.length).toBeLessThanOrEqual(4_000);
    }
  });

  it('is complete at once for a dataset without events or places', () => {
    const empty = validateJson(JSON.stringify({ version: 1, title: 'Empty', places: [], events: [] }));
    expect(empty.ok).toBe(true);
    const { result, messages } = acrossThreads(empty);
    expect(messages.map((m) => m.type)).toEqual(['head']);
    expect(result).toEqual(empty);
  });

  it('passes a refused file on with its problems, in one message', () => {
    const refused = validateJson('{"version": 1, "events": 3}');
    expect(refused.ok).toBe(false);
    const { result, messages } = acrossThreads(refused);
    expect(messages).toHaveLength(1);
    expect(result).toEqual(refused);
  });
});
