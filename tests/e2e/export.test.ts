/**
 * The Download menu on the built page: each file is made, saved and read back. PNG: its size
 * and what it shows, with the WebGL map and with the SVG one; CSV and JSON: exactly the events
 * shown (window, filters and search), and a JSON that validates.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { validateJson } from '../../src/model/validate';
import { readCsvRows } from '../fixtures/csv-read';
import { gotoApp, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

/** Chooses a format from the Download menu with the mouse and reads the file saved. */
async function download(s: Session, format: 'png' | 'csv' | 'json' | 'dataset'): Promise<{ name: string; bytes: Buffer }> {
  await s.page.locator('cm-download button.trigger').click();
  const [file] = await Promise.all([s.page.waitForEvent('download', { timeout: 45_000 }), s.page.locator(`cm-download [data-format="${format}"]`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Ids of the rows of the table view (the events shown); with a search, only those it marks as matches. */
async function shownIds(s: Session): Promise<string[]> {
  await s.page.locator('chrono-map .modes button', { hasText: 'Table' }).click();
  return s.page.evaluate(() => {
    const rows = [...document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-table')!.shadowRoot!.querySelectorAll('tr[data-event-id]')];
    const searching = rows.some((r) => r.classList.contains('match'));
    return rows.filter((r) => !searching || r.classList.contains('match')).map((r) => r.getAttribute('data-event-id')!);
  });
}

/** Distinct colours and how many pixels are near `rgb` in a CSS-px box of the 2× picture. */
function region(png: PNG, box: { x: number; y: number; width: number; height: number }, rgb: [number, number, number]) {
  const colours = new Set<number>();
  let near = 0;
  for (let y = box.y * 2; y < (box.y + box.height) * 2; y += 2) {
    for (let x = box.x * 2; x < (box.x + box.width) * 2; x += 2) {
      const i = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (Math.abs(r - rgb[0]) + Math.abs(g - rgb[1]) + Math.abs(b - rgb[2]) < 40) near++;
    }
  }
  return { colours: colours.size, near };
}

/** Attack red and meeting blue, the default kinds' light colours. */
const ATTACK: [number, number, number] = [0xb3, 0x26, 0x1e];
const MEETING: [number, number, number] = [0x1f, 0x5f, 0xa8];

async function checkPicture(s: Session, renderer: 'webgl' | 'svg'): Promise<void> {
  await s.page.waitForFunction((r) => document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map')?.getAttribute('drawn-with') === r, renderer, { timeout: 30_000 });
  const { name, bytes } = await download(s, 'png');
  expect(name).toMatch(/^talks-and-strikes-the-august-2025-ukraine-diplomacy-\d{4}-\d{2}-\d{2}\.png$/);
  const png = PNG.sync.read(bytes);
  expect([png.width, png.height]).toEqual([3200, 1800]);
  // The map (left, under the title and beside the selected event) shows land, water and the attacks' red marks.
  const map = region(png, { x: 48, y: 200, width: 860, height: 260 }, ATTACK);
  expect(map.colours).toBeGreaterThan(30);
  expect(map.near).toBeGreaterThan(10);
  // The timeline (across, above the foot) shows the meetings' blue marks.
  const timeline = region(png, { x: 48, y: 560, width: 1504, height: 200 }, MEETING);
  expect(timeline.near).toBeGreaterThan(5);
}

describe('the Download menu', () => {
  it('saves a 3200 × 1800 PNG of the view with the WebGL map, the timeline, and no request to another host', async () => {
    session = await openPage();
    expect(await gotoApp(session, '#event=alaska-summit-trump-putin')).toBe('ready');
    await checkPicture(session, 'webgl');
    const origin = new URL(session.baseUrl).origin;
    expect(session.requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url))).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('saves the PNG with the SVG map where WebGL is off', async () => {
    session = await openPage({ flags: ['--disable-webgl', '--disable-3d-apis'] });
    expect(await gotoApp(session, '#event=alaska-summit-trump-putin')).toBe('ready');
    await checkPicture(session, 'svg');
  });

  it('saves a CSV of exactly the events shown: the window, the filters and the search', async () => {
    session = await openPage();
    await gotoApp(session, '#from=2025-08-14&to=2025-08-20&kinds=attack,meeting&q=drone');
    await session.page.waitForFunction(() => /^CSV: the \d+ events? shown/.test(document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-download')!.shadowRoot!.querySelector('[data-format="csv"]')!.textContent!.trim()));
    const expected = await shownIds(session);
    expect(expected.length).toBeGreaterThan(1);
    const { name, bytes } = await download(session, 'csv');
    expect(name).toMatch(/-events-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsvRows(bytes.toString('utf8').slice(1));
    expect(header!.slice(0, 4)).toEqual(['id', 'title', 'summary', 'start']);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(expected));
    expect(rows).toHaveLength(expected.length);
  });

  it('writes the CSV in Ukrainian for a Ukrainian reader', async () => {
    session = await openPage({ locale: 'uk-UA' });
    await gotoApp(session, '?lang=uk#from=2025-08-15&to=2025-08-16&kinds=meeting');
    const [, first] = readCsvRows((await download(session, 'csv')).bytes.toString('utf8').slice(1));
    expect(first![1]).toMatch(/[А-Яа-яІіЇїЄєҐґ]/);
  });

  it('saves the events shown as a valid schema v2 dataset, and the whole dataset', async () => {
    session = await openPage();
    await gotoApp(session, '#from=2025-08-14&to=2025-08-22&kinds=attack');
    const expected = await shownIds(session);
    const shown = validateJson((await download(session, 'json')).bytes.toString('utf8'));
    expect(shown.ok).toBe(true);
    if (!shown.ok) return;
    expect(new Set(shown.dataset.events.map((e) => e.id))).toEqual(new Set(expected));
    expect(shown.dataset.view).toEqual({ from: '2025-08-14T00:00:00.000Z', to: '2025-08-22T00:00:00.000Z' });
    const whole = validateJson((await download(session, 'dataset')).bytes.toString('utf8'));
    const original = JSON.parse(await readFile(new URL('../../data/events.json', import.meta.url), 'utf8')) as { events: unknown[] };
    expect(whole.ok && whole.dataset.events.length).toBe(original.events.length);
  });

  it('is reached and used from the keyboard alone', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.locator('cm-download button.trigger').focus();
    await session.page.keyboard.press('Enter');
    await session.page.keyboard.press('ArrowDown');
    const [file] = await Promise.all([session.page.waitForEvent('download'), session.page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('has 44 px targets on a touch screen', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await gotoApp(session);
    await session.page.locator('cm-download button.trigger').tap();
    for (const box of await session.page.locator('cm-download [role="menuitem"]').evaluateAll((items) => items.map((i) => i.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
  });
});
