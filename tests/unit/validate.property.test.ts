import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { DatasetSchema } from '../../src/model/schema';
import { compileGuard } from '../../src/model/schema-guard';
import { validateJson, validateValue } from '../../src/model/validate';
import { dataset, event, place } from '../fixtures/datasets';

const ids = fc.constantFrom('a', 'b', 'c', 'kyiv', 'e1');

describe('validator properties', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateValue(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(validateJson(text).ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on datasets with random fields replaced by random JSON', () => {
    const fields = Object.keys(event()) as (keyof ReturnType<typeof event>)[];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const d = dataset();
        (d.events[0] as Record<string, unknown>)[field] = value;
        expect(() => validateValue(d)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('never accepts repeated event ids', () => {
    fc.assert(
      fc.property(fc.array(ids, { minLength: 2, maxLength: 6 }), (eventIds) => {
        fc.pre(new Set(eventIds).size < eventIds.length);
        expect(validateValue(dataset({ events: eventIds.map((id) => event({ id })) })).ok).toBe(false);
      }),
    );
  });

  it('never accepts repeated place ids', () => {
    fc.assert(
      fc.property(fc.array(ids, { minLength: 2, maxLength: 6 }), (placeIds) => {
        fc.pre(new Set(placeIds).size < placeIds.length);
        const places = placeIds.map((id) => place({ id }));
        expect(validateValue(dataset({ places, events: [event({ place: placeIds[0] })] })).ok).toBe(false);
      }),
    );
  });

  it('accepts a reference exactly when it resolves', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ids, { minLength: 1, maxLength: 4 }), ids, fc.constantFrom('a', 'b', 'x1'), (placeIds, ref, relatedRef) => {
        const d = dataset({
          places: placeIds.map((id) => place({ id })),
          events: [event({ id: 'x1', place: ref, related: [relatedRef] }), event({ id: relatedRef === 'x1' ? 'x2' : relatedRef, place: placeIds[0] })],
        });
        const resolves = placeIds.includes(ref) && relatedRef !== 'x1';
        expect(validateValue(d).ok).toBe(resolves);
      }),
    );
  });
});

describe('compileGuard', () => {
  const guard = compileGuard(DatasetSchema);
  it('agrees with valibot on datasets with a random field replaced', () => {
    const eventFields = Object.keys(event()) as string[];
    fc.assert(
      fc.property(fc.constantFrom('event', 'place', 'source', 'top'), fc.constantFrom(...eventFields, 'lat', 'url', 'translations', 'extra'), fc.jsonValue(), (where, field, value) => {
        const d = dataset() as unknown as Record<string, unknown> & { events: Record<string, unknown>[]; places: Record<string, unknown>[] };
        const target = where === 'event' ? d.events[0]! : where === 'place' ? d.places[0]! : where === 'source' ? (d.events[0]!.sources as Record<string, unknown>[])[0]! : d;
        target[field] = value;
        expect(guard(d)).toBe(v.is(DatasetSchema, d));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with valibot on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(guard(value)).toBe(v.is(DatasetSchema, value));
      }),
      { numRuns: 300 },
    );
  });
});
