import { describe, expect, it } from 'vitest';
import { PNG_HEIGHT, PNG_SCALE, PNG_WIDTH, containBox, pngLayout, wrapText, type Box, type PngContent } from '../../src/export/png-layout';

/** Every character as wide as half the font size: enough to test wrapping without a canvas. */
const measure = (text: string, font: string) => text.length * (Number(/(\d+)px/.exec(font)![1]) / 2);

const content = (overrides: Partial<PngContent> = {}): PngContent => ({
  title: 'Talks and strikes: the August 2025 Ukraine diplomacy',
  subtitle: '14 Aug 2025 – 22 Aug 2025 · 28 events',
  selected: { headline: 'Trump and Putin meet at a US base in Alaska', when: 'Fri 15 Aug 2025, 11:26 AKDT', place: 'Joint Base Elmendorf-Richardson, Anchorage', summary: 'Donald Trump and Vladimir Putin met at Joint Base Elmendorf-Richardson. '.repeat(8) },
  attribution: 'Data: Chronomap project',
  made: 'Made 2 Dec 2025 · Basemap: Natural Earth',
  link: 'https://example.org/chronomap/#event=alaska-summit-trump-putin',
  timelineAspect: 6,
  ...overrides,
});

const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.width <= PNG_WIDTH && b.y + b.height <= PNG_HEIGHT;
const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('wrapText', () => {
  it('breaks at spaces so no line is wider than asked', () => {
    const lines = wrapText('one two three four five six', 60, '10px x', measure, 10);
    expect(lines).toEqual(['one two', 'three four', 'five six']);
    for (const line of lines) expect(measure(line, '10px x')).toBeLessThanOrEqual(60);
  });

  it('ends the last allowed line with an ellipsis when words are left over', () => {
    expect(wrapText('one two three four five six', 60, '10px x', measure, 2)).toEqual(['one two', 'three four…']);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('https://example.org/a/very/long/path', 60, '10px x', measure, 1)).toEqual(['https://exa…']);
  });
});

describe('containBox', () => {
  it('fits the source in the box with its shape kept, centred', () => {
    expect(containBox(800, 400, { x: 0, y: 0, width: 400, height: 400 })).toEqual({ x: 0, y: 100, width: 400, height: 200 });
  });
});

describe('pngLayout', () => {
  it('is 1600 × 900 CSS px, drawn at 2× (3200 × 1800 pixels)', () => {
    const layout = pngLayout(content(), measure);
    expect([layout.width * PNG_SCALE, layout.height * PNG_SCALE]).toEqual([3200, 1800]);
  });

  it('keeps the map, the timeline and every text inside the picture and apart from one another', () => {
    const layout = pngLayout(content(), measure);
    expect(inside(layout.map) && inside(layout.timeline)).toBe(true);
    expect(apart(layout.map, layout.timeline)).toBe(true);
    for (const t of layout.texts) {
      const box = { x: t.x, y: t.y, width: Math.max(...t.lines.map((l) => measure(l, t.font))), height: t.lines.length * t.lineHeight };
      expect(inside(box)).toBe(true);
      expect(apart(box, layout.map) && apart(box, layout.timeline)).toBe(true);
    }
  });

  it('shows the title, the headline, the attribution and the link, in type large enough for a slide', () => {
    const layout = pngLayout(content(), measure);
    const all = layout.texts.flatMap((t) => t.lines).join(' ');
    for (const part of ['Talks and strikes', 'Trump and Putin meet', 'Data: Chronomap project', 'https://example.org/chronomap/#event=alaska-summit-trump-putin']) expect(all).toContain(part);
    for (const t of layout.texts) expect(Number(/(\d+)px/.exec(t.font)![1])).toBeGreaterThanOrEqual(20);
  });

  it('gives a timeline of many rows more height, never so much that the map is squeezed', () => {
    const flat = pngLayout(content({ timelineAspect: 12 }), measure);
    const tall = pngLayout(content({ timelineAspect: 3 }), measure);
    expect(tall.timeline.height).toBeGreaterThan(flat.timeline.height);
    expect(tall.map.height).toBeGreaterThanOrEqual(280);
  });

  it('gives the map the whole width when nothing is selected', () => {
    const withSelection = pngLayout(content(), measure);
    const without = pngLayout(content({ selected: null }), measure);
    expect(without.map.width).toBeGreaterThan(withSelection.map.width * 1.5);
    expect(without.texts.flatMap((t) => t.lines).join(' ')).not.toContain('Trump and Putin meet');
  });
});
