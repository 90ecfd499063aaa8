/**
 * The printed handout: the print DOM (numbers on the maps and the timeline against the list) and
 * the PDF Chromium makes of it, on A4 and Letter, in English and Ukrainian, read back as text.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { gotoApp, openPage, type Session } from './browser';

interface RawEvent {
  id: string;
  title: string;
  place?: string;
  sites?: { place?: string }[];
  translations?: Record<string, { title?: string }>;
}
const dataset = JSON.parse(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8')) as { title: string; translations: Record<string, { title: string }>; events: RawEvent[] };
const byId = new Map(dataset.events.map((e) => [e.id, e]));

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

/** The PDF's text, lines joined, spaces collapsed, and a hyphen broken at a line end rejoined. */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? ' ' : '');
    text += ' ';
  }
  return { pages: doc.numPages, text: normalize(text) };
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').replace(/- /g, '-');
const occurrences = (text: string, part: string) => text.split(normalize(part)).length - 1;

/** Switches to print, waits for the handout, and reads what it shows. */
async function printed(s: Session) {
  await s.page.emulateMedia({ media: 'print' });
  await s.page.waitForFunction(() => !!document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-handout')?.shadowRoot?.querySelector('.handout-map .place'), null, { timeout: 30_000 });
  return s.page.evaluate(() => {
    const root = document.querySelector('chrono-map')!;
    const handout = root.shadowRoot!.querySelector('cm-handout')!.shadowRoot!;
    const { state } = root as unknown as { state: { window: [number, number]; dataset: { events: { id: string; startMs: number; endMs: number }[] } } };
    const numbers = (selector: string, attribute: string) => [...handout.querySelectorAll(selector)].flatMap((el) => el.getAttribute(attribute)!.split(' ').map(Number));
    const header = document.querySelector('.page-header');
    return {
      inWindow: state.dataset.events.filter((e) => e.startMs <= state.window[1] && e.endMs >= state.window[0]).map((e) => e.id),
      list: [...handout.querySelectorAll('li.entry')].map((li) => ({ number: Number(li.getAttribute('data-number')), id: li.getAttribute('data-event')! })),
      onMaps: numbers('.handout-map .place', 'data-numbers'),
      onTimeline: numbers('.handout-timeline .mark', 'data-number'),
      titles: [...handout.querySelectorAll('h2')].map((h) => h.textContent!.trim()),
      pageHeader: header && getComputedStyle(header).display !== 'none' ? header.querySelector('h1')!.textContent!.trim() : null,
      viewsShown: getComputedStyle(root.shadowRoot!.querySelector('.views')!).display !== 'none',
    };
  });
}

const isPlaced = (id: string) => {
  const e = byId.get(id)!;
  return !!e.place || !!e.sites?.some((s) => s.place);
};

describe('the printed handout', () => {
  for (const [lang, formats] of [
    ['en', ['A4', 'Letter']],
    ['uk', ['Letter', 'A4']],
  ] as const) {
    it(`prints one title, every event of the window, and numbers that match (${lang}, ${formats.join(' and ')})`, async () => {
      session = await openPage({ locale: lang === 'uk' ? 'uk-UA' : 'en-GB' });
      expect(await gotoApp(session, `?lang=${lang}#event=alaska-summit-trump-putin`)).toBe('ready');
      const sheet = await printed(session);
      const title = lang === 'en' ? dataset.title : dataset.translations.uk!.title;

      // The list: the selected event first, then every other event of the window, numbered 1…n.
      expect(sheet.list[0]!.id).toBe('alaska-summit-trump-putin');
      expect(new Set(sheet.list.map((e) => e.id))).toEqual(new Set(sheet.inWindow));
      expect(sheet.list.map((e) => e.number)).toEqual(sheet.list.map((_, i) => i + 1));
      // The maps carry the number of every placed event, the timeline of every event, and nothing else.
      expect(new Set(sheet.onMaps)).toEqual(new Set(sheet.list.filter((e) => isPlaced(e.id)).map((e) => e.number)));
      expect(sheet.onTimeline.sort((a, b) => a - b)).toEqual(sheet.list.map((e) => e.number));
      expect(sheet.titles).toEqual([title]);
      expect(sheet.viewsShown).toBe(false);

      for (const format of formats) {
        const { pages, text } = await pdfText(await session.page.pdf({ format }));
        expect(pages).toBeGreaterThan(1);
        // One title: the handout's; the page's own header is not printed (src/page.css).
        expect(occurrences(text, title)).toBe(1);
        if (sheet.pageHeader && sheet.pageHeader !== title) expect(occurrences(text, sheet.pageHeader)).toBe(0);
        for (const { id } of sheet.list) {
          const e = byId.get(id)!;
          expect(occurrences(text, (lang === 'uk' && e.translations?.uk?.title) || e.title), id).toBeGreaterThanOrEqual(1);
        }
        // Sources as publishers with short links, never whole addresses.
        expect(text).toContain('The Moscow Times (themoscowtimes.com/2025/08/13/trump-…)');
        expect(text).not.toContain('https://www.themoscowtimes.com');
      }
    });
  }

  it('prints the open story’s steps in order', async () => {
    session = await openPage();
    await gotoApp(session, '#story=august-2025&step=2');
    await printed(session);
    const steps = await session.page.evaluate(() => [...document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-handout')!.shadowRoot!.querySelectorAll('ol.steps > li strong')].map((s) => s.textContent!.trim()));
    const story = (JSON.parse(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8')) as { stories: { steps: { title: string }[] }[] }).stories[0]!;
    expect(steps).toEqual(story.steps.map((s) => s.title));
  });

  it('leaves the print copy out of the page until it prints', async () => {
    session = await openPage();
    await gotoApp(session);
    expect(await session.page.evaluate(() => document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-handout'))).toBeNull();
  });
});
