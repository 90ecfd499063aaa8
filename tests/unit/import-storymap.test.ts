import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText, type ImportResult } from '../../src/import/index';
import { validateValue } from '../../src/model/validate';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const noteAt = (r: ImportResult, where: string) => r.notes.filter((n) => n.where === where);

describe('StoryMapJS importer', () => {
  const r = importText(fixture('storymap.json'));
  const d = r.dataset!;

  it('takes the overview slide as the title and description', () => {
    expect(r.format).toBe('storymap');
    expect(validateValue(structuredClone(d)).ok).toBe(true);
    expect(d.title).toBe('Where the 2025 talks took place');
    expect(d.description).toBe('Illustrative stops for tests.');
    expect(d.attribution).toBe('Example attribution');
  });

  it('makes every other slide a step of one story, in order', () => {
    expect(d.stories).toHaveLength(1);
    expect(d.stories![0]!.steps.map((s) => s.title)).toEqual(['Riyadh', 'Trump and Putin meet at a US base in Alaska', 'Riyadh again', 'A slide with a latitude of 91', 'A slide with no location']);
  });

  it('keeps links in the step text as addresses, and never script text', () => {
    const step = d.stories![0]!.steps[0]!;
    expect(step.text).toBe('US and Russian officials met here on 18 February 2025. Report (https://japantoday.com/category/world/top-russian-and-us-officials-are-set-to-hold-talks-on-ukraine-war-without-kyiv)');
    expect(JSON.stringify(d)).not.toMatch(/<|alert\(/);
  });

  it('merges slides at the same name and coordinates into one place', () => {
    expect(d.places).toEqual([
      { id: 'riyadh-diriyah-palace', name: 'Riyadh (Diriyah Palace)', lat: 24.7136, lon: 46.6753 },
      { id: 'joint-base-elmendorf-richardson-anchorage', name: 'Joint Base Elmendorf-Richardson, Anchorage', lat: 61.25139, lon: -149.80639 },
    ]);
    const steps = d.stories![0]!.steps;
    expect(steps[0]!.places).toEqual(['riyadh-diriyah-palace']);
    expect(steps[2]!.places).toEqual(['riyadh-diriyah-palace']);
  });

  it('makes an event only of a slide with a date, selected by its step', () => {
    expect(d.events).toEqual([
      {
        id: 'trump-and-putin-meet-at-a-us-base-in-alaska',
        title: 'Trump and Putin meet at a US base in Alaska',
        start: '2025-08-15',
        precision: 'day',
        kind: 'event',
        summary: "Their first in-person meeting of Trump's second term.",
        place: 'joint-base-elmendorf-richardson-anchorage',
        media: { url: 'https://en.wikipedia.org/wiki/Joint_Base_Elmendorf-Richardson', caption: 'The venue', credit: 'Wikipedia' },
      },
    ]);
    expect(d.stories![0]!.steps[1]!.event).toBe('trump-and-putin-meet-at-a-us-base-in-alaska');
    expect(noteAt(r, 'slides[4].date')[0]!.message).toContain('"sometime" is not a date');
  });

  it('keeps the media of an undated slide as a line of its step', () => {
    expect(d.stories![0]!.steps[2]!.text).toBe('Riyadh again\n\nMedia: https://en.wikipedia.org/wiki/Riyadh (Riyadh), Wikipedia');
  });

  it('drops a latitude of 91 and a javascript: media link, saying where', () => {
    expect(noteAt(r, 'slides[4].location.lat')[0]).toEqual({ where: 'slides[4].location.lat', level: 'error', message: '91 is not a latitude (from -90 to 90); the slide has no place' });
    expect(d.stories![0]!.steps[3]!.places).toBeUndefined();
    expect(noteAt(r, 'slides[1].media.url')[0]!.message).toContain('"javascript:alert(1)" was not kept');
  });

  it('says plainly when no slide has a date', () => {
    const undated = importText(JSON.stringify({ storymap: { slides: [{ text: { headline: 'A', text: 'a' }, location: { lat: 1, lon: 2, name: 'P' } }] } }));
    expect(undated.dataset!.events).toEqual([]);
    expect(undated.dataset!.stories![0]!.steps).toEqual([{ title: 'A', text: 'a', places: ['p'] }]);
    expect(noteAt(undated, 'storymap.slides')[0]!.message).toContain('no slide has a date, so there is nothing for the timeline');
  });

  it('makes no places of a story map drawn on a picture', () => {
    const picture = importText(JSON.stringify({ storymap: { map_as_image: true, slides: [{ text: { headline: 'A' }, location: { lat: 1, lon: 2 } }] } }));
    expect(picture.dataset!.places).toEqual([]);
    expect(picture.notes[0]).toMatchObject({ where: 'storymap.map_type', level: 'error' });
  });
});
