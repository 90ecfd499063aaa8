import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { gotoApp, openPage, type Session } from './browser';

const dataset = JSON.parse(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8')) as {
  events: { id: string; title: string; kind: string; start: string; place?: string; sources: { url: string }[] }[];
};

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

/** Runs in the page: shadow-DOM queries hidden behind intent-named helpers. */
const inPage = {
  timelineIds: () => {
    const timeline = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline')!;
    return [...timeline.shadowRoot!.querySelectorAll('[data-event-id]')].map((m) => m.getAttribute('data-event-id')!);
  },
  mapIds: () => (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { renderedEventIds(): string[] }).renderedEventIds(),
  state: () => {
    const s = (document.querySelector('chrono-map') as unknown as { state: { selected: string | null; window: [number, number] } }).state;
    return { selected: s.selected, window: s.window };
  },
  detailsTitle: () => document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-details')!.shadowRoot!.querySelector('h2')?.textContent ?? null,
};

async function waitForMapIds(s: Session, expected: string[]): Promise<void> {
  await s.page.waitForFunction((ids) => {
    const map = document.querySelector('chrono-map')?.shadowRoot?.querySelector('cm-map') as unknown as { renderedEventIds?(): string[] } | null;
    const got = map?.renderedEventIds?.() ?? [];
    return got.length === ids.length && ids.every((id) => got.includes(id));
  }, expected, { timeout: 30_000 });
}

/** Events of 14–22 Aug 2025 UTC, the window the dataset opens with. */
function defaultWindowEvents() {
  const from = Date.UTC(2025, 7, 14);
  const to = Date.UTC(2025, 7, 22);
  return dataset.events.filter((e) => {
    const day = Date.parse(e.start.length === 10 ? `${e.start}T12:00Z` : e.start);
    return day >= from - 86_400_000 && day <= to + 86_400_000;
  });
}

describe('the page', () => {
  it('becomes ready with no console errors and no request to another host', async () => {
    session = await openPage();
    expect(await gotoApp(session)).toBe('ready');
    await session.page.waitForTimeout(500);
    expect(session.errors).toEqual([]);
    const origin = new URL(session.baseUrl).origin;
    const foreign = session.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });

  it('paints the timeline before it asks for the map code', async () => {
    session = await openPage();
    const marksWhenMapRequested: number[] = [];
    await session.page.route(/maplibre-gl-[^/]*\.js$/, async (route) => {
      marksWhenMapRequested.push(await session!.page.evaluate(inPage.timelineIds).then((ids) => ids.length));
      await route.continue();
    });
    expect(await gotoApp(session)).toBe('ready');
    expect(marksWhenMapRequested.length).toBeGreaterThan(0);
    expect(Math.min(...marksWhenMapRequested)).toBeGreaterThan(0);
  });

  it('opens on the light 1:110m basemap and fetches the 1:50m one only when the map zooms in on Ukraine', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.waitForTimeout(500);
    const atlases = () => session!.requests.filter((url) => /countries-(50|110)m/.test(url)).map((url) => /countries-(50|110)m/.exec(url)![0]);
    expect(atlases()).toEqual(['countries-110m']);
    await gotoApp(session, '#from=2025-08-18&to=2025-08-19&kinds=attack');
    await session.page.waitForFunction(() => !!(document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { mapLibre: { getLayer(id: string): unknown } }).mapLibre.getLayer('land-detail'));
    expect(atlases()).toEqual(['countries-110m', 'countries-50m']);
  });

  it('draws every event of the opening window on the timeline and every placed one on the map', async () => {
    session = await openPage();
    await gotoApp(session);
    const expected = defaultWindowEvents();
    const timelineIds = await session.page.evaluate(inPage.timelineIds);
    expect(new Set(timelineIds)).toEqual(new Set(expected.map((e) => e.id)));
    await waitForMapIds(session, expected.filter((e) => e.place).map((e) => e.id));
  });

  it('selects an event clicked on the timeline on the map and in the details', async () => {
    session = await openPage();
    await gotoApp(session);
    const target = dataset.events.find((e) => e.id === 'white-house-multilateral-european-leaders')!;
    await session.page.locator(`cm-timeline [data-event-id="${target.id}"] .hit`).click();
    expect(await session.page.evaluate(inPage.state)).toMatchObject({ selected: target.id });
    await session.page.waitForFunction((title) => document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-details')!.shadowRoot!.querySelector('h2')?.textContent === title, target.title);
    const mapSelected = await session.page.evaluate(() => (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { selected: string | null }).selected);
    expect(mapSelected).toBe(target.id);
    expect(session.page.url()).toContain(`event=${target.id}`);
  });

  it('shows a new selection on the map in a frame of its own, then on the timeline and in the details; updateComplete waits for all three', async () => {
    session = await openPage();
    await gotoApp(session);
    const target = dataset.events.find((e) => e.id === 'white-house-multilateral-european-leaders')!;
    const seen = await session.page.evaluate(async (id) => {
      const el = document.querySelector('chrono-map') as unknown as HTMLElement & { select(id: string): void; updateComplete: Promise<boolean> };
      const given = () => ['cm-map', 'cm-timeline', 'cm-details'].map((tag) => (el.shadowRoot!.querySelector(tag) as unknown as { selected: string | null }).selected === id);
      el.select(id);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const firstFrame = given();
      await el.updateComplete;
      return { firstFrame, complete: given(), title: el.shadowRoot!.querySelector('cm-details')!.shadowRoot!.querySelector('h2')?.textContent };
    }, target.id);
    expect(seen).toEqual({ firstFrame: [true, false, false], complete: [true, true, true], title: target.title });
  });

  it('brings the timeline and the details up to a selection in a page that paints no frames (a hidden tab)', async () => {
    session = await openPage();
    await gotoApp(session);
    const target = dataset.events.find((e) => e.id === 'white-house-multilateral-european-leaders')!;
    const title = await session.page.evaluate(async (id) => {
      window.requestAnimationFrame = () => 0;
      const el = document.querySelector('chrono-map') as unknown as HTMLElement & { select(id: string): void; updateComplete: Promise<boolean> };
      el.select(id);
      await el.updateComplete;
      return el.shadowRoot!.querySelector('cm-details')!.shadowRoot!.querySelector('h2')?.textContent;
    }, target.id);
    expect(title).toBe(target.title);
  });

  it('moves through events with the arrow keys and selects with Enter, clears with Escape', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.locator('cm-timeline svg.plot').focus();
    await session.page.keyboard.press('Home');
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('Enter');
    const { selected } = await session.page.evaluate(inPage.state);
    const inTimeOrder = await session.page.evaluate(() => {
      const marks = new Set(
        [...document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline')!.shadowRoot!.querySelectorAll('[data-event-id]')].map((m) => m.getAttribute('data-event-id')),
      );
      const { events } = (document.querySelector('chrono-map') as unknown as { state: { dataset: { events: { id: string }[] } } }).state.dataset;
      return events.map((e) => e.id).filter((id) => marks.has(id));
    });
    expect(selected).toBe(inTimeOrder[1]);
    expect(await session.page.evaluate(inPage.detailsTitle)).toBe(dataset.events.find((e) => e.id === selected)!.title);
    await session.page.keyboard.press('Escape');
    expect((await session.page.evaluate(inPage.state)).selected).toBeNull();
  });

  it('restores selection, window and filters from a link, and Back returns to the previous selection', async () => {
    session = await openPage();
    await gotoApp(session, '#event=alaska-summit-trump-putin&from=2025-08-15&to=2025-08-16&kinds=meeting,attack&status=held,reported');
    expect(await session.page.evaluate(inPage.state)).toEqual({ selected: 'alaska-summit-trump-putin', window: [Date.UTC(2025, 7, 15), Date.UTC(2025, 7, 16)] });
    expect(await session.page.evaluate(inPage.detailsTitle)).toBe(dataset.events.find((e) => e.id === 'alaska-summit-trump-putin')!.title);
    const pressed = await session.page.locator('cm-filters button[aria-pressed="true"]').allTextContents();
    expect(pressed.map((s) => s.trim())).toEqual(['Meeting', 'Attack', 'held', 'reported']);
    await session.page.locator('cm-timeline [data-event-id="sumy-central-market-drone-strike"] .hit').click();
    expect((await session.page.evaluate(inPage.state)).selected).toBe('sumy-central-market-drone-strike');
    await session.page.goBack();
    await session.page.waitForFunction(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string } }).state.selected === 'alaska-summit-trump-putin');
  });

  it('filters both views by kind and says how many events are shown', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.locator('cm-filters button', { hasText: 'Attack' }).click();
    const expected = defaultWindowEvents().filter((e) => e.kind !== 'attack');
    expect(new Set(await session.page.evaluate(inPage.timelineIds))).toEqual(new Set(expected.map((e) => e.id)));
    await waitForMapIds(session, expected.filter((e) => e.place).map((e) => e.id));
    expect(await session.page.locator('cm-filters .count').textContent()).toBe(`${expected.length} of ${dataset.events.length} events`);
    expect(session.page.url()).toContain('kinds=meeting,call,statement,proposal,agreement');
  });
});

/** Clicks the map where a place is drawn, projecting with the map the page drew. */
async function clickMapAt(s: Session, lonLat: [number, number]): Promise<void> {
  const point = await s.page.evaluate((ll) => {
    const map = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { mapLibre: { project(ll: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } };
    const p = map.mapLibre.project(ll);
    const box = map.mapLibre.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, lonLat);
  await s.page.mouse.click(point.x, point.y);
}

describe('the map', () => {
  it('selects on the timeline the event clicked on the map, and the next one at that place on a second click', async () => {
    session = await openPage();
    await gotoApp(session);
    // Alaska is far from where most events are: its edge marker brings it into view.
    await session.page.locator('cm-map .edge', { hasText: 'Anchorage' }).click();
    await session.page.waitForFunction(() => {
      const map = (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { mapLibre: { project(p: [number, number]): { x: number }; getContainer(): HTMLElement; isMoving(): boolean; loaded(): boolean } }).mapLibre;
      const { x } = map.project([-149.80639, 61.25139]);
      return !map.isMoving() && map.loaded() && x > 0 && x < map.getContainer().clientWidth;
    });
    await clickMapAt(session, [-149.80639, 61.25139]);
    await session.page.waitForFunction(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string | null } }).state.selected !== null);
    const first = (await session.page.evaluate(inPage.state)).selected;
    // The summit outranks the letter handed over there (src/model/importance.ts).
    expect(first).toBe('alaska-summit-trump-putin');
    expect(await session.page.locator(`cm-timeline [data-event-id="${first}"]`).getAttribute('aria-selected')).toBe('true');
    await clickMapAt(session, [-149.80639, 61.25139]);
    await session.page.waitForFunction((was) => (document.querySelector('chrono-map') as unknown as { state: { selected: string | null } }).state.selected !== was, first);
    expect((await session.page.evaluate(inPage.state)).selected).toBe('melania-trump-letter-to-putin');
  });

  it('opens a link to the Alaska summit with Anchorage and every strike site of the window in view', async () => {
    session = await openPage();
    await gotoApp(session, '#event=alaska-summit-trump-putin');
    await waitForMapIds(session, defaultWindowEvents().filter((e) => e.place).map((e) => e.id));
    const inView = await session.page.evaluate((points) => {
      const map = (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { mapLibre: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } }).mapLibre;
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      return points.map((p) => {
        const { x, y } = map.project(p);
        return x >= 0 && x <= w && y >= 0 && y <= h;
      });
    }, [[-149.80639, 61.25139], [36.2311, 49.9925], [-77.0365, 38.8977]] as [number, number][]);
    expect(inView).toEqual([true, true, true]);
  });
});

describe('the page without WebGL', () => {
  it('draws the same map in SVG, with the same events, and stays usable', async () => {
    session = await openPage({ flags: ['--disable-webgl', '--disable-3d-apis'] });
    expect(await gotoApp(session)).toBe('ready');
    expect(await session.page.getAttribute('cm-map', 'drawn-with')).toBe('svg');
    await waitForMapIds(session, defaultWindowEvents().filter((e) => e.place).map((e) => e.id));
    await session.page.locator('cm-timeline [data-event-id="kharkiv-apartment-strike"] .hit').click();
    expect((await session.page.evaluate(inPage.state)).selected).toBe('kharkiv-apartment-strike');
  });
});

describe('the public surface of <chrono-map>', () => {
  it('fires cm-ready, cm-select and cm-window-change, and obeys select() and setWindow()', async () => {
    session = await openPage();
    await session.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      document.addEventListener('cm-ready', () => seen.push('ready'));
      document.addEventListener('cm-select', (e) => seen.push(`select ${(e as unknown as { id: string }).id}`));
      document.addEventListener('cm-window-change', (e) => seen.push(`window ${(e as unknown as { from: string }).from} ${(e as unknown as { to: string }).to}`));
    });
    await gotoApp(session);
    await session.page.evaluate(() => {
      const el = document.querySelector('chrono-map') as unknown as { select(id: string | null): void; setWindow(a: string, b: Date): void };
      el.select('izmail-port-strike');
      el.setWindow('2025-08-19', new Date(Date.UTC(2025, 7, 21)));
      el.select(null);
    });
    expect(await session.page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
      'ready',
      'select izmail-port-strike',
      'window 2025-08-19T00:00:00.000Z 2025-08-21T00:00:00.000Z',
      'select null',
    ]);
  });

  it('opens on the event and window named by its attributes', async () => {
    session = await openPage();
    await session.page.goto(session.baseUrl);
    await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    const before = session.page.url();
    await session.page.evaluate(() => {
      document.querySelector('chrono-map')!.remove();
      const el = document.createElement('chrono-map');
      el.setAttribute('url-state', 'none');
      el.setAttribute('event', 'okhtyrka-drone-strike');
      el.setAttribute('from', '2025-08-19');
      el.setAttribute('to', '2025-08-21');
      document.querySelector('main')!.append(el);
    });
    await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    expect(await session.page.evaluate(inPage.state)).toEqual({ selected: 'okhtyrka-drone-strike', window: [Date.UTC(2025, 7, 19), Date.UTC(2025, 7, 21)] });
    expect(session.page.url()).toBe(before);
  });

  it('fires cm-error with the reason when the dataset is broken', async () => {
    session = await openPage();
    await session.page.route('**/data/events.json', (route) => route.fulfill({ status: 200, body: '{"version": 3}', contentType: 'application/json' }));
    await session.page.addInitScript(() => document.addEventListener('cm-error', (e) => ((window as unknown as { error: string }).error = (e as unknown as { message: string }).message)));
    expect(await gotoApp(session)).toBe('error');
    expect(await session.page.evaluate(() => (window as unknown as { error: string }).error)).toMatch(/^The dataset at data\/events\.json has \d+ problems\. Fix them and reload: version: expected the schema version 1 or 2, found 3/);
  });
});

describe('the page with a bad dataset', () => {
  async function withDataset(body: string, status = 200) {
    session = await openPage();
    await session.page.route('**/data/events.json', (route) => route.fulfill({ status, body, contentType: 'application/json' }));
    return gotoApp(session);
  }

  it('lists the validator problems for an invalid file', async () => {
    const broken = JSON.parse(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'));
    broken.events[3].start = '18/08/2025';
    broken.events[5].id = broken.events[4].id;
    expect(await withDataset(JSON.stringify(broken))).toBe('error');
    const text = await session!.page.locator('chrono-map .error').innerText();
    expect(text).toContain('events[3].start: expected a date like 2025-08-18, 2025-08, 2025, -0500 or 2025-08-18T13:15-04:00, found "18/08/2025"');
    expect(text).toContain('events[5].id: expected an id no other event uses (events[4] has it)');
  });

  it('gives the line and column of broken JSON', async () => {
    expect(await withDataset('{\n  "version": 1,\n  "title": ')).toBe('error');
    expect(await session!.page.locator('chrono-map .error').innerText()).toContain('line 3, column 12: not valid JSON');
  });

  it('says the file is missing', async () => {
    expect(await withDataset('not found', 404)).toBe('error');
    expect(await session!.page.locator('chrono-map .error').innerText()).toMatch(/could not be loaded from data\/events\.json \(HTTP 404/);
  });

  it('refuses a file with a javascript: link, naming the field', async () => {
    const hostile = JSON.parse(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'));
    hostile.events[0].sources[0].url = 'javascript:alert(1)';
    expect(await withDataset(JSON.stringify(hostile))).toBe('error');
    expect(await session!.page.locator('chrono-map .error').innerText()).toContain('events[0].sources[0].url: expected a web address starting with http:// or https://, found "javascript:alert(1)"');
    expect(await session!.page.locator('chrono-map a').count()).toBe(0);
  });

  it('shows markup in a title as text and runs nothing', async () => {
    const hostile = JSON.parse(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8'));
    const target = hostile.events.find((e: { id: string }) => e.id === 'alaska-summit-trump-putin');
    target.title = '<img src=x onerror="window.__pwned=1">Summit';
    expect(await withDataset(JSON.stringify(hostile))).toBe('ready');
    await session!.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { select(id: string): void }).select('alaska-summit-trump-putin'));
    await session!.page.waitForFunction(() => !!document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-details')!.shadowRoot!.querySelector('h2'));
    expect(await session!.page.evaluate(inPage.detailsTitle)).toBe('<img src=x onerror="window.__pwned=1">Summit');
    expect(await session!.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await session!.page.locator('chrono-map img').count()).toBe(0);
  });
});
