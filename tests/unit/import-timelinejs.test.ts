import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText, type ImportResult } from '../../src/import/index';
import { validateValue } from '../../src/model/validate';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const noteAt = (r: ImportResult, where: string) => r.notes.filter((n) => n.where === where);
const event = (r: ImportResult, title: string) => r.dataset!.events.find((e) => e.title === title)!;

describe('TimelineJS JSON importer', () => {
  const real = importText(fixture('timelinejs-real.json'), { filename: 'talks.json' });

  it('reads a file shaped like the TimelineJS docs into a dataset that validates', () => {
    expect(real.format).toBe('timelinejs');
    expect(validateValue(structuredClone(real.dataset)).ok).toBe(true);
    expect(real.dataset!.title).toBe('Talks on the war in Ukraine, 2025');
    expect(real.dataset!.description).toBe('Meetings and calls between the United States, Russia and Ukraine in 2025.');
    expect(real.dataset!.events.map((e) => e.id)).toEqual(['trump-putin-call-2025-02-12', 'riyadh-us-russia-talks', 'oval-office-clash', 'us-ukraine-minerals-agreement', 'istanbul-talks-round-1', 'alaska-summit-trump-putin']);
    expect(real.dataset!.eras).toEqual([{ title: 'First half of 2025', start: '2025-01', end: '2025-06' }]);
  });

  it('makes one kind and lane per group, in order of first appearance', () => {
    expect(real.dataset!.kinds!.map((k) => [k.id, k.label, k.lane, k.shape])).toEqual([
      ['calls', 'Calls', 'calls', 'circle'],
      ['meetings', 'Meetings', 'meetings', 'diamond'],
      ['agreements', 'Agreements', 'agreements', 'square'],
    ]);
    expect(event(real, 'Trump and Putin meet at a US base in Alaska').kind).toBe('meetings');
  });

  it('keeps links in the text as sources (publisher, title, url), and bare addresses under autolink', () => {
    const call = real.dataset!.events[0]!;
    expect(call.summary).toBe('Trump said he and Putin had agreed in a lengthy phone call that their teams would ‘start negotiations immediately’ on ending the war.\n\nSource: Hindustan Times');
    expect(call.sources).toEqual([{ publisher: 'hindustantimes.com', title: 'Hindustan Times', url: 'https://www.hindustantimes.com/world-news/us-news/trump-speaks-to-putin-says-negotiations-to-end-ukraine-war-start-immediately-101739380764318.html' }]);
    expect(real.dataset!.events[1]!.sources).toEqual([{ publisher: 'japantoday.com', url: 'https://japantoday.com/category/world/top-russian-and-us-officials-are-set-to-hold-talks-on-ukraine-war-without-kyiv' }]);
  });

  it('keeps http(s) media as a link with its plain-text caption and credit', () => {
    expect(event(real, 'Trump and Putin meet at a US base in Alaska').media).toEqual({ url: 'https://en.wikipedia.org/wiki/Joint_Base_Elmendorf-Richardson', caption: 'The venue, Joint Base Elmendorf-Richardson', credit: 'Wikipedia' });
  });

  it('sets precision from the parts given and keeps a display date that says more', () => {
    const [call, , clash, , , alaska] = real.dataset!.events;
    expect([call!.start, call!.precision]).toEqual(['2025-02-12', 'day']);
    expect([alaska!.start, alaska!.precision]).toEqual(['2025-08-15T11:26Z', 'exact']);
    expect(clash!.notes).toEqual(['Date as shown in the original timeline: Friday, 28 February 2025']);
  });

  it('says what it could not carry over, once', () => {
    expect(noteAt(real, 'title.media')[0]!.message).toContain('no cover picture');
    expect(real.notes.find((n) => n.message.startsWith('not carried over'))!.message).toBe('not carried over: 1 media thumbnail, 1 slide background (Chronomap shows media as links and never loads pictures)');
    expect(real.notes.some((n) => n.message.includes('read as UTC'))).toBe(true);
  });

  it('gives clock times the offset of the zone given', () => {
    const r = importText(fixture('timelinejs-real.json'), { timezone: 'America/Anchorage' });
    expect(event(r, 'Trump and Putin meet at a US base in Alaska')).toMatchObject({ start: '2025-08-15T11:26-08:00', timezone: 'America/Anchorage' });
    expect(r.notes.some((n) => n.message.includes('read as UTC'))).toBe(false);
  });
});

describe('TimelineJS JSON importer on edge cases', () => {
  const r = importText(fixture('timelinejs-edge.json'));
  const titles = r.dataset!.events.map((e) => e.title);

  it('reads a negative year as TimelineJS labels it: -500 is 500 BCE, astronomical -0499', () => {
    expect(event(r, 'Example: a year BCE')).toMatchObject({ start: '-0499', precision: 'year' });
    expect(event(r, 'Example: year zero').start).toBe('0000');
    expect(noteAt(r, 'events[1].start_date.year')[0]!.message).toBe('year 0 does not exist (1 BCE is followed by 1 CE); it was read as 1 BCE');
  });

  it('treats empty parts as absent and reads zero-padded strings as numbers', () => {
    expect(event(r, 'Example: empty month and day')).toMatchObject({ start: '2025', precision: 'year' });
    expect(event(r, 'Example: zero-padded parts')).toMatchObject({ start: '2025-08-05', end: '2025-08-07', precision: 'day' });
    expect(event(r, 'Example: numbers as strings, with a time')).toMatchObject({ start: '2025-08-05T13:05Z', precision: 'exact' });
  });

  it('outputs no markup and no script text, and keeps only http(s) links', () => {
    const e = event(r, 'Example HTML');
    expect(e.summary).toBe('Before after & more.\n\none\ntwo\n\nbad link a report');
    expect(JSON.stringify(r.dataset)).not.toMatch(/<|alert|color:red/);
    expect(e.sources).toEqual([{ publisher: 'example.org', title: 'a report', url: 'https://example.org/report' }]);
    expect(noteAt(r, 'events[5].text.text')[0]!.message).toBe('the link to "javascript:alert(1)" was not kept: only http(s) links become sources');
  });

  it('renames duplicate and invalid unique_ids, saying so', () => {
    expect(r.dataset!.events.filter((e) => e.id.startsWith('dup')).map((e) => e.id)).toEqual(['dup', 'dup-2']);
    expect(noteAt(r, 'events[7].unique_id')[0]!.message).toBe('the unique_id "dup" is used by an earlier slide; this one is "dup-2"');
    expect(event(r, 'Example: javascript media').id).toBe('has-spaces');
  });

  it('drops a javascript: media link with a warning', () => {
    expect(event(r, 'Example: javascript media').media).toBeUndefined();
    expect(noteAt(r, 'events[8].media.url')[0]).toMatchObject({ level: 'warning', message: expect.stringContaining('not a web address') });
  });

  it('drops a cosmological year and a year that is not a number, as errors', () => {
    expect(titles).not.toContain('Example: a cosmological year');
    expect(noteAt(r, 'events[9].start_date.year')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('-13800000000 is before 271,821 BCE') });
    expect(noteAt(r, 'events[10].start_date.year')[0]).toMatchObject({ level: 'error', message: 'the year "May" is not a number: without a year the slide was dropped' });
  });

  it('keeps the month of a day that is not in it', () => {
    expect(event(r, 'Example: a day not in the month')).toMatchObject({ start: '2025-02', precision: 'month', notes: ['Date as shown in the original timeline: around the end of February'] });
    expect(noteAt(r, 'events[11].start_date.day')[0]!.message).toBe('day 30 is not in that month (1 to 28); only the year and month are kept');
  });

  it('makes a single kind "Event" when no slide has a group', () => {
    expect(r.dataset!.kinds).toEqual([{ id: 'event', label: 'Event', lane: 'events', color: '#1f5fa8', shape: 'circle' }]);
  });

  it('explains files it cannot read', () => {
    expect(importText('{"timeline": {"date": []}}', { format: 'timelinejs' }).notes[0]!.message).toContain('TimelineJS 2 format');
    expect(importText('{"events": [', { format: 'timelinejs' }).notes[0]).toMatchObject({ where: 'line 1, column 13', level: 'error' });
    expect(importText('{"events": 3}', { format: 'timelinejs' })).toMatchObject({ dataset: null, notes: [{ where: 'events', message: 'expected "events", a list of slides' }] });
  });
});

describe('TimelineJS sheet CSV importer', () => {
  const r = importText(fixture('timelinejs-sheet.csv'));

  it('finds the columns by name and reads the title row and eras', () => {
    expect(r.format).toBe('timelinejs-csv');
    expect(r.dataset!.title).toBe('Example sheet');
    expect(r.dataset!.description).toBe('Illustrative rows for tests; not real events.');
    expect(r.dataset!.eras).toEqual([{ title: 'Example era', start: '2025', end: '2026' }]);
    expect(noteAt(r, 'row 1')[0]!.message).toBe('columns that are not in TimelineJS\'s template were ignored: "Notes"');
  });

  it('reads AM/PM times, multi-line quoted cells, and drops script text', () => {
    expect(event(r, 'Example: an afternoon time')).toMatchObject({ start: '2025-08-18T13:30Z', precision: 'exact', summary: 'A cell with\ntwo lines and a script', media: { url: 'https://example.org/photo.jpg', caption: 'Example caption', credit: 'Example credit' } });
    expect(event(r, 'Example: just after midnight')).toMatchObject({ start: '2025-08-19T00:15Z', end: '2025-08-19T02:00Z' });
  });

  it('reads BCE years and thousands separators as TimelineJS does', () => {
    expect(event(r, 'Example: a year BCE')).toMatchObject({ start: '-0499' });
    expect(event(r, 'Example: a year BCE').notes).toBeUndefined();
    expect(event(r, 'Example: a year with a thousands separator').start).toBe('1500');
  });

  it('counts rows as a spreadsheet shows them and names the column', () => {
    expect(noteAt(r, 'row 7, column Month')[0]!.message).toBe('month 13 is not a month from 1 to 12; only the year is kept');
    expect(noteAt(r, 'row 8, column Year')[0]).toMatchObject({ level: 'error', message: 'no start date: at least a year is needed; the slide was dropped' });
    expect(noteAt(r, 'row 10, column Time')[0]!.message).toBe('hour 25 is not an hour from 0 to 23; only the day is kept');
    expect(noteAt(r, 'row 10, column Media')[0]!.message).toContain('"javascript:alert(1)" was not kept');
  });

  it('reads a file separated by semicolons, with a warning', () => {
    const s = importText(fixture('timelinejs-semicolon.csv'));
    expect(s.dataset!.events[0]).toMatchObject({ title: 'Example: semicolons', start: '2025-08-18' });
    expect(noteAt(s, 'row 1')[0]!.message).toBe('the columns are separated by semicolons, not commas; the file was read with semicolons');
  });

  it('refuses a sheet without a Year column, saying why', () => {
    const s = importText(fixture('timelinejs-no-year.csv'), { format: 'timelinejs-csv' });
    expect(s.dataset).toBeNull();
    expect(s.notes).toEqual([{ where: 'row 1', level: 'error', message: 'the column "Year" is missing: TimelineJS\'s template needs Year (and Month, Day…) for every event' }]);
  });

  it('says when a semicolon file is read as one column', () => {
    const s = importText('Year;Headline\n2025;x\n', { format: 'timelinejs-csv' });
    expect(s.dataset).not.toBeNull();
    const one = importText('Jahr;Titel\n2025;x\n', { format: 'timelinejs-csv' });
    expect(one.notes[0]).toMatchObject({ where: 'row 1', level: 'error', message: expect.stringContaining('only one column was found') });
  });
});
