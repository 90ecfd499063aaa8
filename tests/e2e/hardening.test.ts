/** Issue 14: load failures, a failing view, many instances and bad URL state. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { distinctPlacesDataset } from '../../scripts/synthetic';
import { WORKER_BYTES } from '../../src/load/validate-bytes';
import { gotoApp, holdDataset, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

const errorText = (s: Session) => s.page.locator('chrono-map .error').innerText();
const EVENTS = readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8');

describe('load failures', () => {
  it('says the data is still loading when it takes long, and stays usable', async () => {
    session = await openPage();
    const release = await holdDataset(session);
    await session.page.goto(session.baseUrl);
    await expect.poll(() => session!.page.locator('chrono-map .loading').textContent(), { timeout: 10_000 }).toContain('Still loading the events');
    release();
    await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
  });

  it('fetches no map or handout code while the data is still on its way, and the handout once the timeline has drawn', async () => {
    session = await openPage();
    const release = await holdDataset(session);
    const opened = gotoApp(session);
    // The page sits idle waiting for its dataset: idle-time prefetches must still wait for the marks.
    await expect.poll(() => session!.page.locator('chrono-map .loading').count(), { timeout: 10_000 }).toBe(1);
    await session.page.waitForTimeout(1_500);
    const early = session.requests.filter((u) => /\/assets\/(handout|basemap|d3-geo|svg-scene|cm-map|maplibre)/.test(u));
    expect(early).toEqual([]);
    release();
    expect(await opened).toBe('ready');
    await expect.poll(() => session!.requests.some((u) => /\/assets\/handout-/.test(u)), { timeout: 10_000 }).toBe(true);
  });

  it('offers to try again after a network failure, and the retry reloads only the dataset', async () => {
    session = await openPage();
    let calls = 0;
    await session.page.route('**/data/events.json', (route) => (++calls === 1 ? route.abort('failed') : route.fulfill({ body: EVENTS, contentType: 'application/json' })));
    expect(await gotoApp(session)).toBe('error');
    expect(await errorText(session)).toContain('could not be loaded');
    const documents = session.requests.filter((u) => u === session!.baseUrl).length;
    await session.page.locator('chrono-map .error button.retry').click();
    await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    expect(calls).toBe(2);
    expect(session.requests.filter((u) => u === session!.baseUrl).length).toBe(documents);
  });

  it.each([
    ['a web page', '<!doctype html><html><body>Not found</body></html>', 'The server sent a web page, not the data'],
    ['an empty body', '', 'is empty'],
  ])('explains %s instead of JSON', async (_, body, message) => {
    session = await openPage();
    await session.page.route('**/data/events.json', (route) => route.fulfill({ body, contentType: 'text/html' }));
    expect(await gotoApp(session)).toBe('error');
    expect(await errorText(session)).toContain(message);
    expect(await session.page.locator('chrono-map .error button.retry').count()).toBe(1);
  });

  it('accepts a file with a UTF-8 byte-order mark', async () => {
    session = await openPage();
    await session.page.route('**/data/events.json', (route) => route.fulfill({ body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EVENTS)]), contentType: 'application/json' }));
    expect(await gotoApp(session)).toBe('ready');
  });

  it('validates a large file in a worker and gets all of it back, every event found by its id', async () => {
    const big = JSON.stringify(distinctPlacesDataset(9_000));
    expect(big.length).toBeGreaterThan(WORKER_BYTES);
    session = await openPage();
    const workers: string[] = [];
    session.page.on('worker', (w) => workers.push(w.url()));
    await session.page.route('**/data/events.json', (route) => route.fulfill({ body: big, contentType: 'application/json' }));
    expect(await gotoApp(session)).toBe('ready');
    expect(workers.some((url) => /validate-worker/.test(url))).toBe(true);
    const got = await session.page.evaluate(() => {
      const el = document.querySelector('chrono-map') as HTMLElement & { state: { dataset: { events: { id: string }[]; places: unknown[] } }; select(id: string): void };
      const { events, places } = el.state.dataset;
      const last = events[events.length - 1]!.id;
      el.select(last);
      return { events: events.length, places: places.length, last, selected: (el as unknown as { state: { selected: string | null } }).state.selected };
    });
    expect(got).toEqual({ events: 9_000, places: 9_000, last: got.last, selected: got.last });
    expect(session.errors).toEqual([]);
    expect(session.violations).toEqual([]);
  });
});

describe('a failing view', () => {
  it('shows a message in the view that failed and leaves the others usable', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.evaluate(() => {
      const details = customElements.get('cm-details') as unknown as { prototype: { render(): unknown } };
      details.prototype.render = () => {
        throw new Error('drawing the details failed');
      };
    });
    await session.page.locator('cm-timeline [data-event-id="kharkiv-apartment-strike"] .hit').click();
    await expect.poll(() => session!.page.locator('cm-details .view-error').textContent()).toContain('could not be drawn');
    expect(await session.page.locator('cm-timeline [data-event-id]').count()).toBeGreaterThan(10);
    await session.page.locator('cm-timeline [data-event-id="alaska-summit-trump-putin"] .hit').click();
    expect(await session.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string } }).state.selected)).toBe('alaska-summit-trump-putin');
  });
});

describe('many instances on one page', () => {
  it('keeps two interactives independent; only the first owns the hash', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.evaluate(() => {
      const second = document.createElement('chrono-map');
      second.id = 'second';
      second.setAttribute('src', 'data/events.json');
      document.querySelector('main')!.append(second);
    });
    await session.page.waitForFunction(() => document.querySelector('#second')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    const select = (which: string, id: string) => session!.page.evaluate(([w, i]) => (document.querySelector(w!) as unknown as { select(id: string): void }).select(i!), [which, id]);
    const selected = (which: string) => session!.page.evaluate((w) => (document.querySelector(w) as unknown as { state: { selected: string | null } }).state.selected, which);
    await select('#second', 'kharkiv-apartment-strike');
    expect(await selected('#second')).toBe('kharkiv-apartment-strike');
    expect(await selected('chrono-map:not(#second)')).toBeNull();
    expect(session.page.url()).not.toContain('kharkiv');
    await select('chrono-map:not(#second)', 'alaska-summit-trump-putin');
    await expect.poll(() => session!.page.url()).toContain('event=alaska-summit-trump-putin');
    expect(await selected('#second')).toBe('kharkiv-apartment-strike');
    const live = await session.page.evaluate(() => [...document.querySelectorAll('chrono-map')].map((m) => m.shadowRoot!.querySelector('[aria-live]')!.textContent));
    expect(live[0]).toContain('Trump and Putin');
    expect(live[1]).toContain('Kharkiv');
  });
});

describe('bad URL state', () => {
  it('ignores unknown ids, impossible dates, unknown kinds and a 100 kB hash, and restores the rest', async () => {
    session = await openPage();
    const junk = `#event=nope&from=2025-02-30&to=2025-13-01&kinds=attack,nonsense&status=held,x&story=none&step=-3&q=${'x'.repeat(100_000)}`;
    expect(await gotoApp(session, junk)).toBe('ready');
    const state = await session.page.evaluate(() => {
      const s = (document.querySelector('chrono-map') as unknown as { state: { selected: string | null; story: unknown; query: string; filters: { hiddenKinds: string[] } } }).state;
      return { selected: s.selected, story: s.story, query: s.query.length, hidden: s.filters.hiddenKinds };
    });
    expect(state).toEqual({ selected: null, story: null, query: 200, hidden: ['meeting', 'call', 'statement', 'proposal', 'agreement'] });
    expect(session.errors).toEqual([]);
    await gotoApp(session, '#event=kharkiv-apartment-strike');
    await session.page.locator('cm-timeline [data-event-id="alaska-summit-trump-putin"] .hit').click();
    await session.page.goBack();
    await expect.poll(() => session!.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string } }).state.selected)).toBe('kharkiv-apartment-strike');
    await session.page.goForward();
    await expect.poll(() => session!.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string } }).state.selected)).toBe('alaska-summit-trump-putin');
  });
});
