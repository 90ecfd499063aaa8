import { describe, expect, it } from 'vitest';
import { contrast, PAPER, MIN_CONTRAST } from '../../src/model/categories';
import { composeWhen, parseClock, parseLooseDate, whenFromText } from '../../src/import/dates';
import { bareUrls, htmlToText } from '../../src/import/html-text';
import { IdRegistry, slugify } from '../../src/import/ids';
import { PALETTE, kindsForGroups } from '../../src/import/palette';
import { publisherOf } from '../../src/import/sources';
import { Notes } from '../../src/import/types';

describe('htmlToText', () => {
  it('drops markup, script and style contents, and decodes entities', () => {
    const { text } = htmlToText('<p>One &amp; <b>two</b></p><script>alert("x")</script><style>p{}</style><p>Three&nbsp;four</p>');
    expect(text).toBe('One & two\n\nThree four');
    expect(text).not.toMatch(/[<>]|alert/);
  });

  it('turns block tags into line breaks', () => {
    expect(htmlToText('a<br>b<ul><li>c</li><li>d</li></ul>e').text).toBe('a\nb\n\nc\nd\n\ne');
  });

  it('collects http(s) links once and rejects the others', () => {
    const r = htmlToText('<a href="https://example.org/a">A</a> <a href="https://example.org/a">again</a> <a href="javascript:alert(1)">x</a> <a href="/relative">y</a>');
    expect(r.links).toEqual([{ url: 'https://example.org/a', text: 'A' }]);
    expect(r.rejected).toEqual(['javascript:alert(1)', '/relative']);
  });

  it('can keep each link address in the text', () => {
    expect(htmlToText('See <a href="https://example.org/a">the report</a>.', { inlineLinks: true }).text).toBe('See the report (https://example.org/a).');
  });

  it('finds web addresses written in plain text', () => {
    expect(bareUrls('Read https://example.org/a, then http://example.com/b.')).toEqual(['https://example.org/a', 'http://example.com/b']);
  });
});

describe('dates', () => {
  it('writes BCE and far years with the signs the schema expects', () => {
    expect(composeWhen({ year: -499 })).toMatchObject({ ok: true, when: { value: '-0499', precision: 'year' } });
    expect(composeWhen({ year: 12000 })).toMatchObject({ ok: true, when: { value: '+012000' } });
    expect(composeWhen({ year: -300000 })).toMatchObject({ ok: false });
  });

  it('keeps the coarser parts when a finer one is wrong', () => {
    expect(composeWhen({ year: 2025, month: 2, day: 30 })).toMatchObject({ ok: true, when: { value: '2025-02', precision: 'month' }, part: 'day' });
    expect(composeWhen({ year: 2025, month: 13, day: 1 })).toMatchObject({ ok: true, when: { value: '2025', precision: 'year' }, part: 'month' });
  });

  it("gives clock times the zone's offset on that day", () => {
    expect(composeWhen({ year: 2025, month: 8, day: 18, hour: 13, minute: 15 }, 'Europe/Kyiv')).toMatchObject({ when: { value: '2025-08-18T13:15+03:00', precision: 'exact' } });
    expect(composeWhen({ year: 2025, month: 1, day: 18, hour: 13, minute: 15 }, 'Europe/Kyiv')).toMatchObject({ when: { value: '2025-01-18T13:15+02:00' } });
    expect(composeWhen({ year: 2025, month: 8, day: 18, hour: 13 })).toMatchObject({ when: { value: '2025-08-18T13:00Z' } });
  });

  it('reads clock times with AM/PM as TimelineJS does', () => {
    expect(parseClock('1:30 PM')).toEqual({ hour: 13, minute: 30 });
    expect(parseClock('12:15 am')).toEqual({ hour: 0, minute: 15 });
    expect(parseClock('12 p.m.')).toEqual({ hour: 12 });
    expect(parseClock('13:30:15')).toEqual({ hour: 13, minute: 30, second: 15 });
    expect(parseClock('1330')).toEqual({ hour: 13, minute: 30 });
    expect(parseClock('13 PM')).toBeNull();
    expect(parseClock('noon')).toBeNull();
  });

  it('reads unambiguous written dates and never guesses day/month order', () => {
    expect(parseLooseDate('16 May 2025')?.parts).toEqual({ year: 2025, month: 5, day: 16 });
    expect(parseLooseDate('August 18, 2025')?.parts).toEqual({ year: 2025, month: 8, day: 18 });
    expect(parseLooseDate('Jan 2006')?.parts).toEqual({ year: 2006, month: 1 });
    expect(parseLooseDate('08/05/2025')).toBeNull();
    expect(whenFromText('2025-08-18 13:15', 'Europe/Kyiv')).toMatchObject({ when: { value: '2025-08-18T13:15+03:00' } });
    expect(whenFromText('2025-08-18T13:15-04:00', 'Europe/Kyiv')).toMatchObject({ when: { value: '2025-08-18T13:15-04:00' } });
  });
});

describe('ids', () => {
  it('slugs titles without accents or symbols', () => {
    expect(slugify('Zaporizhzhia: Ударі & “more”, café')).toBe('zaporizhzhia-more-cafe');
  });

  it('keeps a valid free id and numbers a taken one', () => {
    const ids = new IdRegistry();
    expect(ids.claim('XYZ1', 'x')).toBe('XYZ1');
    expect(ids.claim('XYZ1', 'x')).toBe('XYZ1-2');
    expect(ids.claim('has spaces', 'x')).toBe('has-spaces');
    expect(ids.claim('', 'Fallback title')).toBe('fallback-title');
  });
});

describe('kinds for groups', () => {
  it('has only colours with AA contrast against the paper', () => {
    for (const c of PALETTE) expect(contrast(c, PAPER.light)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('gives each of up to 8 groups its own lane and says when a shape repeats', () => {
    const notes = new Notes();
    const labels = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const { kinds, lanes } = kindsForGroups(labels, notes, 'groups');
    expect(lanes.map((l) => l.label)).toEqual(labels);
    expect(kinds[7]!.shape).toBe(kinds[0]!.shape);
    expect(kinds[7]!.lane).not.toBe(kinds[0]!.lane);
    expect(notes.items[0]!.message).toContain('"H" has the shape of "A"');
  });

  it('puts more groups in lanes of seven distinct shapes, and past 24 merges the rest', () => {
    const notes = new Notes();
    const labels = Array.from({ length: 30 }, (_, i) => `Group ${i + 1}`);
    const { kinds, lanes, kindOf, merged } = kindsForGroups(labels, notes, 'groups');
    expect(kinds).toHaveLength(24);
    expect(lanes.length).toBeLessThanOrEqual(8);
    for (const lane of lanes) {
      const shapes = kinds.filter((k) => k.lane === lane.id).map((k) => k.shape);
      expect(new Set(shapes).size).toBe(shapes.length);
    }
    expect(merged.has('Group 30')).toBe(true);
    expect(kindOf.get('Group 30')).toBe(kinds.at(-1)!.id);
  });
});

describe('publisherOf', () => {
  it('names well-known hosts and falls back to the host', () => {
    expect(publisherOf('https://www.bbc.co.uk/news/x')).toBe('BBC');
    expect(publisherOf('https://en.wikipedia.org/wiki/X')).toBe('Wikipedia');
    expect(publisherOf('https://www.themoscowtimes.com/a')).toBe('themoscowtimes.com');
  });
});
