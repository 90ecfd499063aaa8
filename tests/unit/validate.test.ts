import { describe, expect, it } from 'vitest';
import { formatProblem, validateJson, validateValue, type Validation } from '../../src/model/validate';
import { dataset, event, place } from '../fixtures/datasets';

function messages(result: Validation): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

function problemsFor(mutate: (d: ReturnType<typeof dataset>) => void): string[] {
  const d = dataset();
  mutate(d);
  return messages(validateValue(JSON.parse(JSON.stringify(d))));
}

describe('validateValue', () => {
  it('accepts a valid dataset and returns typed, time-sorted events', () => {
    const d = dataset({ events: [event({ id: 'late', start: '2025-08-19' }), event({ id: 'early', start: '2025-08-18T05:00+03:00', precision: 'exact' })] });
    const result = validateValue(d);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.events.map((e) => e.id)).toEqual(['early', 'late']);
    expect(result.dataset.events[0]!.startMs).toBe(Date.UTC(2025, 7, 18, 2, 0));
    expect(result.dataset.eventById.get('late')!.index).toBe(1);
    expect(result.dataset.placeById.get('kyiv')!.name).toBe('Kyiv');
  });

  it('names the path, the expectation and what was found for a bad date', () => {
    expect(problemsFor((d) => (d.events[0]!.start = '18/08/2025'))).toEqual([
      'events[0].start: expected a date like 2025-08-18, 2025-08, 2025, -0500 or 2025-08-18T13:15-04:00, found "18/08/2025"',
    ]);
  });

  it('rejects a date-time without an offset, and accepts one with an offset', () => {
    expect(problemsFor((d) => (d.events[0]!.start = '2025-08-18T13:15'))).toHaveLength(1);
    expect(problemsFor((d) => (d.events[0]!.start = '2025-08-18T13:15-04:00'))).toEqual([]);
  });

  it('rejects a day that is not in the calendar', () => {
    expect(problemsFor((d) => (d.events[0]!.start = '2025-02-30'))).toEqual(['events[0].start: expected a day that exists in the calendar, found "2025-02-30"']);
  });

  it('reports a repeated event id with both places', () => {
    expect(problemsFor((d) => d.events.push(event()))).toEqual(['events[1].id: expected an id no other event uses (events[0] has it), found "e1"']);
    expect(problemsFor((d) => d.events.push(event({ id: 'e2' }), event(), event({ id: 'e2' }), event()))).toEqual([
      'events[2].id: expected an id no other event uses (events[0] has it), found "e1"',
      'events[3].id: expected an id no other event uses (events[1] has it), found "e2"',
      'events[4].id: expected an id no other event uses (events[0] has it), found "e1"',
    ]);
  });

  it('reports a repeated place id', () => {
    expect(problemsFor((d) => d.places.push(place({ name: 'Kyiv again' })))).toEqual(['places[1].id: expected an id no other place uses (places[0] has it), found "kyiv"']);
  });

  it('reports a place reference that does not resolve', () => {
    expect(problemsFor((d) => (d.events[0]!.place = 'lviv'))).toEqual(['events[0].place: expected the id of a place in this file, found "lviv", which no place has']);
  });

  it('reports site and related references that do not resolve', () => {
    const found = problemsFor((d) => {
      d.events[0]!.sites = [{ name: 'Lviv', place: 'lviv' }];
      d.events[0]!.related = ['nope', 'e1'];
    });
    expect(found).toEqual([
      'events[0].sites[0].place: expected the id of a place in this file, found "lviv", which no place has',
      'events[0].related[0]: expected the id of an event in this file, found "nope", which no event has',
      'events[0].related[1]: expected another event, not the event itself, found "e1"',
    ]);
  });

  it('rejects an end before the start', () => {
    expect(problemsFor((d) => (d.events[0]!.end = '2025-08-17'))).toEqual(['events[0].end: expected an end not before the start (2025-08-18), found "2025-08-17"']);
  });

  it('accepts an end on the same day as a date-only start', () => {
    expect(problemsFor((d) => (d.events[0]!.end = '2025-08-18'))).toEqual([]);
  });

  it('keeps latitude and longitude in range', () => {
    expect(problemsFor((d) => (d.places[0]!.lat = 91))).toEqual(['places[0].lat: expected a latitude from -90 to 90, found 91']);
    expect(problemsFor((d) => (d.places[0]!.lon = -180.5))).toEqual(['places[0].lon: expected a longitude from -180 to 180, found -180.5']);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.org/x', '//example.org', 'https://'])('refuses the source URL %s', (url) => {
    const found = problemsFor((d) => (d.events[0]!.sources[0]!.url = url));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^events\[0\]\.sources\[0\]\.url: expected .*web address/);
  });

  it('accepts http and https URLs', () => {
    expect(problemsFor((d) => (d.events[0]!.sources[0]!.url = 'http://example.org/a?b=c#d'))).toEqual([]);
  });

  it('rejects a time zone that does not exist', () => {
    expect(problemsFor((d) => (d.events[0]!.timezone = 'Europe/Kiev2'))).toEqual([
      'events[0].timezone: expected a time zone name like "Europe/Kyiv" or "America/Anchorage", found "Europe/Kiev2"',
    ]);
    expect(problemsFor((d) => (d.events[0]!.timezone = 'EEST'))).toHaveLength(1);
  });

  it('bounds text lengths', () => {
    expect(problemsFor((d) => (d.events[0]!.title = 'x'.repeat(201)))[0]).toMatch(/^events\[0\]\.title: expected at most 200 characters, found "x{57}"…$/);
    expect(problemsFor((d) => (d.events[0]!.summary = '   '))).toEqual(['events[0].summary: expected a summary, not only spaces, found "   "']);
  });

  it('warns about an event without a source, and a source without a link or date, but loads it', () => {
    const d = dataset({ events: [event({ id: 'a', sources: [] }), event({ id: 'b', sources: [{ publisher: 'ACLED' }] })] });
    const result = validateValue(JSON.parse(JSON.stringify(d)));
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatProblem)).toEqual([
      'events[0].sources: expected at least one source, so readers can check the event, found none',
      'events[1].sources[0].url: expected a link to the source, so readers can check it, found none',
      'events[1].sources[0].date: expected the date the source was published, found none',
    ]);
  });

  it('names a missing required field', () => {
    expect(problemsFor((d) => delete (d.events[0] as Partial<typeof d.events[0]>).title)).toEqual(['events[0].title: this required field is missing']);
  });

  it('flags an unknown field and suggests the likely spelling', () => {
    const found = problemsFor((d) => Object.assign(d.events[0]!, { titel: 'x' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^events\[0\]\.titel: is not a field here \(did you mean "title"\?\); expected one of id, title, summary/);
  });

  it('lists the allowed values of a closed field', () => {
    expect(problemsFor((d) => ((d.events[0] as { kind: string }).kind = 'strike'))).toEqual([
      'events[0].kind: expected one of "meeting", "call", "statement", "proposal", "agreement", "attack" (or declare your own "kinds"), found "strike"',
    ]);
  });

  it('requires geoPrecision "none" exactly when an event has no place', () => {
    expect(problemsFor((d) => delete d.events[0]!.place)).toEqual(['events[0].geoPrecision: expected "none" for an event without a place, found "city"']);
    expect(problemsFor((d) => (d.events[0]!.geoPrecision = 'none'))).toEqual(['events[0].geoPrecision: expected "venue", "city" or "region" for an event with a place, found "none"']);
  });

  it('keeps markup in text as text', () => {
    const result = validateValue(dataset({ events: [event({ title: '<img src=x onerror=alert(1)>' })] }));
    expect(result.ok && result.dataset.events[0]!.title).toBe('<img src=x onerror=alert(1)>');
  });

  it('reports every problem at once, not only the first', () => {
    const found = problemsFor((d) => {
      d.events[0]!.start = 'soon';
      d.places[0]!.lat = 100;
      d.events[0]!.sources[0]!.url = 'javascript:x';
    });
    expect(found).toHaveLength(3);
  });

  it('describes input that is not a dataset at all', () => {
    expect(messages(validateValue([]))).toEqual(['file: expected a dataset (an object in braces), found a list of 0']);
    expect(messages(validateValue(null))).toEqual(['file: expected a dataset (an object in braces), found null']);
  });

  it('caps a flood of problems and counts the rest', () => {
    const events = Array.from({ length: 300 }, (_, i) => event({ id: `e${i}`, start: 'bad' }));
    const result = validateValue(dataset({ events }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(200);
    expect(result.omitted).toBe(100);
  });
});

describe('validateJson', () => {
  it('gives line and column for truncated JSON', () => {
    const text = JSON.stringify(dataset(), null, 2);
    const cut = text.slice(0, 120);
    const lines = cut.split('\n');
    expect(messages(validateJson(cut))).toEqual([`line ${lines.length}, column ${lines.at(-1)!.length + 1}: not valid JSON: ${messages(validateJson(cut))[0]!.split('not valid JSON: ')[1]}`]);
    expect(messages(validateJson(cut))[0]).toMatch(/found the end of the file$/);
  });

  it('points at a trailing comma', () => {
    expect(messages(validateJson('{\n  "a": 1,\n}'))).toEqual(['line 3, column 1: not valid JSON: expected another field after ",", found "}" (remove the last comma)']);
  });

  it('says so for an empty file', () => {
    expect(messages(validateJson('  '))).toEqual(['file: expected a JSON dataset, found an empty file']);
  });

  it('validates well-formed JSON text', () => {
    expect(validateJson(JSON.stringify(dataset())).ok).toBe(true);
  });
});

describe('buildDataset via validateValue', () => {
  it('orders events by start, keeping file order for equal starts, also before 1970', () => {
    const events = [
      event({ id: 'b', start: '2025-08-18' }),
      event({ id: 'old', start: '1962-10-16' }),
      event({ id: 'a', start: '2025-08-18' }),
      event({ id: 'first-exact', start: '2025-08-17T23:59+03:00', precision: 'exact' }),
    ];
    const result = validateValue(dataset({ events }));
    expect(result.ok && result.dataset.events.map((e) => e.id)).toEqual(['old', 'first-exact', 'b', 'a']);
    expect(result.ok && result.dataset.extent).toEqual([Date.UTC(1962, 9, 15, 21), Date.UTC(2025, 7, 18, 21)]);
  });

  it('puts meetings, calls, statements, proposals and agreements in the diplomacy lane', () => {
    const kinds = ['meeting', 'call', 'statement', 'proposal', 'agreement', 'attack'] as const;
    const result = validateValue(dataset({ events: kinds.map((kind, i) => event({ id: `k${i}`, kind })) }));
    expect(result.ok && result.dataset.events.map((e) => e.lane)).toEqual(['diplomacy', 'diplomacy', 'diplomacy', 'diplomacy', 'diplomacy', 'attacks']);
  });
});
