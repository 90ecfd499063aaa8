import { describe, expect, it } from 'vitest';
import { contrast, darkVariant, MIN_CONTRAST, PAPER } from '../../src/model/categories';
import { eventSpan, instantOf, utcMs } from '../../src/model/time';
import { formatProblem, validateJson, validateValue, type Validation } from '../../src/model/validate';
import { dataset, event, place, type FixtureDataset } from '../fixtures/datasets';

function check(mutate: (d: FixtureDataset) => void): Validation {
  const d = dataset();
  mutate(d);
  return validateValue(JSON.parse(JSON.stringify(d)));
}
const errors = (r: Validation) => (r.ok ? [] : r.problems.map(formatProblem));
const warnings = (r: Validation) => r.warnings.map(formatProblem);

const KINDS = [
  { id: 'battle', label: 'Battles', lane: 'violence', color: '#b3261e', shape: 'triangle' },
  { id: 'protest', label: 'Protests', lane: 'demonstrations', color: '#1f5fa8', shape: 'circle' },
] as const;

describe('schema v2 dates', () => {
  it('draws a year, a month and a day as the whole of it', () => {
    expect(eventSpan('1969', undefined, 'UTC')).toEqual({ startMs: Date.UTC(1969, 0, 1), endMs: Date.UTC(1970, 0, 1) });
    expect(eventSpan('1969-07', undefined, 'UTC')).toEqual({ startMs: Date.UTC(1969, 6, 1), endMs: Date.UTC(1969, 7, 1) });
    expect(eventSpan('1939', '1945', 'UTC')).toEqual({ startMs: Date.UTC(1939, 0, 1), endMs: Date.UTC(1946, 0, 1) });
  });

  it('widens a span to the week, month or year its precision names', () => {
    expect(eventSpan('2025-05-16', undefined, 'UTC', 'week')).toEqual({ startMs: Date.UTC(2025, 4, 13), endMs: Date.UTC(2025, 4, 20) });
    expect(eventSpan('2025-05-16', undefined, 'UTC', 'month')).toEqual({ startMs: Date.UTC(2025, 4, 1), endMs: Date.UTC(2025, 5, 1) });
    expect(eventSpan('2025-05-16', undefined, 'UTC', 'year')).toEqual({ startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2026, 0, 1) });
  });

  it('reads years before the Common Era and two-digit years as written', () => {
    const bce = utcMs(-500, 1, 1);
    expect(new Date(bce).getUTCFullYear()).toBe(-500);
    expect(instantOf('-0500', 'UTC')).toBe(bce);
    expect(new Date(instantOf('0050-03-15', 'UTC')).getUTCFullYear()).toBe(50);
    expect(instantOf('-9999-12-31', 'Europe/Rome')).toBeLessThan(instantOf('-9999-12-31', 'UTC'));
  });

  it('accepts BCE, year-only and month-only events, inferring their precision', () => {
    const r = check((d) => {
      d.events = [event({ id: 'a', start: '-0500', precision: undefined }), event({ id: 'b', start: '1969-07' }), event({ id: 'c', start: '+012000', precision: 'year' })];
      delete d.events[1]!.precision;
    });
    expect(errors(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.dataset.events.map((e) => [e.id, e.precision])).toEqual([
      ['a', 'year'],
      ['b', 'month'],
      ['c', 'year'],
    ]);
  });

  it('says clearly when a year is beyond what a browser can draw', () => {
    expect(errors(check((d) => (d.events[0]!.start = '-300000')))).toEqual(['events[0].start: expected a year from -271820 to 275759, the years a browser can draw, found "-300000"']);
  });

  it('refuses a precision finer than the date gives', () => {
    expect(errors(check((d) => Object.assign(d.events[0]!, { start: '2025-08', precision: 'day' })))).toEqual([
      'events[0].precision: expected a precision no finer than the start ("2025-08" gives only the month), such as "month", found "day"',
    ]);
  });

  it('keeps a v1 file valid and with the same meaning', () => {
    const r = check(() => undefined);
    expect(r.ok && r.dataset.events[0]!.startMs).toBe(Date.UTC(2025, 7, 17, 21));
  });

  it('accepts a file with a byte-order mark', () => {
    expect(validateJson(`\ufeff${JSON.stringify(dataset())}`).ok).toBe(true);
  });
});

describe('schema v2 kinds and lanes', () => {
  it('draws a dataset with its own kinds in its own lanes', () => {
    const r = check((d) => {
      d.kinds = KINDS.map((k) => ({ ...k }));
      d.lanes = [{ id: 'violence', label: 'Political violence' }, { id: 'demonstrations', label: 'Demonstrations' }];
      d.events = [event({ id: 'a', kind: 'battle' }), event({ id: 'b', kind: 'protest' })];
    });
    expect(errors(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.dataset.events.map((e) => e.lane)).toEqual(['violence', 'demonstrations']);
    expect(r.dataset.kindById.get('protest')!.colorDark).not.toBe('#1f5fa8');
  });

  it('makes lanes named only by kinds, in order of first use', () => {
    const r = check((d) => {
      d.kinds = KINDS.map((k) => ({ ...k }));
      d.events = [event({ kind: 'protest' })];
    });
    expect(r.ok && r.dataset.lanes.map((l) => l.id)).toEqual(['violence', 'demonstrations']);
  });

  it('refuses a kind the dataset does not declare, and a lane no lane list has', () => {
    const found = errors(
      check((d) => {
        d.kinds = KINDS.map((k) => ({ ...k }));
        d.lanes = [{ id: 'violence', label: 'Violence' }];
        d.events[0]!.kind = 'riot';
      }),
    );
    expect(found.sort()).toEqual([
      'events[0].kind: expected the id of one of the dataset\'s "kinds", found "riot"',
      'kinds[1].lane: expected the id of one of the dataset\'s "lanes", found "demonstrations", which no lane has',
    ]);
  });

  it('refuses a colour without AA contrast for graphics, and suggests one that has it', () => {
    const found = errors(check((d) => ((d.kinds = [{ ...KINDS[0], color: '#ffd9d9' }]), (d.events[0]!.kind = 'battle'))));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^kinds\[0\]\.color: expected a colour with a contrast of at least 3:1 against the white paper \(AA for graphics\), such as #[0-9a-f]{6}, found "#ffd9d9" \(1\.\d\d:1\)$/);
    const suggested = /such as (#[0-9a-f]{6})/.exec(found[0]!)![1]!;
    expect(contrast(suggested, PAPER.light)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('derives dark-theme colours that keep their contrast', () => {
    for (const c of ['#1f5fa8', '#000000', '#5b4a9e', '#b3261e']) expect(contrast(darkVariant(c), PAPER.dark)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('warns when two kinds share a shape, as they then differ only by colour', () => {
    const r = check((d) => ((d.kinds = [{ ...KINDS[0] }, { ...KINDS[1], shape: 'triangle' }]), (d.events[0]!.kind = 'battle')));
    expect(r.ok).toBe(true);
    expect(warnings(r)).toEqual(['kinds[1].shape: expected a shape no other kind has, so kinds differ without colour (kinds[0] is a triangle too), found "triangle"']);
  });

  it('refuses lanes without kinds', () => {
    expect(errors(check((d) => (d.lanes = [{ id: 'x', label: 'X' }])))[0]).toMatch(/^lanes: expected "kinds" too/);
  });
});

describe('schema v2 attribution, eras, media and stories', () => {
  it('accepts attribution, eras, media and a story', () => {
    const r = check((d) => {
      d.attribution = 'Data: ACLED, www.acleddata.com';
      d.eras = [{ title: 'Summer', start: '2025-06', end: '2025-08' }];
      d.events[0]!.media = { url: 'https://example.org/photo.jpg', caption: 'The site', credit: 'AP' };
      d.stories = [{ id: 's', title: 'Story', steps: [{ title: 'Step', text: 'Text.', event: 'e1', places: ['kyiv'], view: { from: '2025-08-17', to: '2025-08-19' } }] }];
    });
    expect(errors(r)).toEqual([]);
    expect(r.ok && r.dataset.eras[0]).toMatchObject({ startMs: Date.UTC(2025, 5, 1), endMs: Date.UTC(2025, 8, 1) });
  });

  it('refuses media that is not a web address, an era ending before it starts, and story steps that point nowhere', () => {
    const found = errors(
      check((d) => {
        d.places.push(place({ id: 'lviv', name: 'Lviv' }));
        d.eras = [{ title: 'Backwards', start: '2025-08', end: '2025-06' }];
        d.events[0]!.media = { url: 'javascript:alert(1)' };
        d.stories = [{ id: 's', title: 'Story', steps: [{ title: 'Step', text: 'Text.', event: 'nope', places: ['mars'] }] }];
      }),
    );
    expect(found).toEqual([
      'events[0].media.url: expected a web address starting with http:// or https://, found "javascript:alert(1)"',
      'eras[0].end: expected an end after the start (2025-08), found "2025-06"',
      'stories[0].steps[0].event: expected the id of an event in this file, found "nope", which no event has',
      'stories[0].steps[0].places[0]: expected the id of a place in this file, found "mars", which no place has',
    ]);
  });
});
