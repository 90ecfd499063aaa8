/**
 * One Chronomap run in a fresh context: navigation to status="ready" (or as far as the app
 * gets), heap and DOM after ready, a window change, a selection, and frame times while the
 * timeline is zoomed (Ctrl+wheel) and panned (drag) by script.
 */
import type { Browser, Page } from 'playwright-core';
import { HeapProbe, countDomNodes, inContext, type HeapSample } from './browser';
import { installChronomapProbe, type OpTiming, type ResourceEntry } from './chronomap-page';
import { type BenchDataset } from './data';

export interface ChronomapRun {
  /**
   * How loading ended: `ready`; `views-drawn` (the map sent cm-view-ready and the timeline showed
   * its marks, but status stayed "loading": `readyAt` is then when both were seen); `error` (the
   * app showed its error); `no-map` (the timeline drew, <cm-map> never came); `map-stuck` (the
   * timeline drew, <cm-map> exists but never reported drawing).
   */
  outcome: 'ready' | 'views-drawn' | 'error' | 'no-map' | 'map-stuck';
  readyAt: number | null;
  firstMarkAt: number | null;
  resources: ResourceEntry[];
  heap: HeapSample | null;
  dom: { nodes: number; elements: number } | null;
  mapCanvas: { width: number; height: number } | null;
  windowChange: OpTiming | null;
  selection: OpTiming | null;
  frames: { zoom: number[]; zoomAfter: number[]; pan: number[]; panAfter: number[] } | null;
  /**
   * What the gestures did: how many times narrower the window got by the zoom, and how far (ms)
   * the pan moved it, as the timeline showed it and as the app committed it.
   */
  gestureEffect: { shownZoom: number; shownPan: number; committedZoom: number; committedPan: number } | null;
  blocked: string[];
  errors: string[];
  notes: string[];
}

/** How long the timeline may stand alone before we conclude that <cm-map> is not in this build. */
const MAP_GRACE_MS = 10_000;
/** How long status may stay "loading" after both views have reported drawing. */
const STATUS_GRACE_MS = 3_000;
const VIEW_LIMIT_MS = 15_000;

/**
 * `mapWaitMs`: how long after the first timeline mark to wait for the map's first drawing
 * before calling it stuck (shorter once a first run at this size has shown that it is).
 */
export async function runChronomap(browser: Browser, origin: string, data: BenchDataset, pagePath: string, mapWaitMs = 60_000): Promise<ChronomapRun> {
  return inContext(browser, origin, 240_000, `Chronomap ${data.size}`, async ({ context, page, blocked, errors }) => {
    await context.addInitScript(installChronomapProbe);
    const heapProbe = await HeapProbe.attach(context, page);
    const notes: string[] = [];
    await page.goto(`${origin}/${pagePath}`, { waitUntil: 'commit' });
    const outcome = (await (
      await page.waitForFunction(
        ([mapGrace, statusGrace, mapWait]) => {
          const status = document.querySelector('chrono-map')?.getAttribute('status');
          const p = window.__cm;
          if (!p) return false;
          const now = performance.now();
          if (status === 'ready' && p.readyLaidOutAt !== null) return 'ready';
          if (status === 'error') return 'error';
          if (p.bothDrawnAt !== null && now - p.bothDrawnAt > statusGrace) return 'views-drawn';
          if (p.firstMarkAt !== null && now - p.firstMarkAt > mapGrace && !customElements.get('cm-map')) return 'no-map';
          if (p.firstMarkAt !== null && now - p.firstMarkAt > mapWait) return 'map-stuck';
          return false;
        },
        [MAP_GRACE_MS, STATUS_GRACE_MS, mapWaitMs] as const,
        { timeout: 180_000, polling: 50 },
      )
    ).jsonValue()) as ChronomapRun['outcome'];
    const probe = await page.evaluate(() => ({ readyAt: window.__cm!.readyLaidOutAt ?? window.__cm!.bothDrawnAt, firstMarkAt: window.__cm!.firstMarkAt, mapCanvas: window.__cm!.mapCanvas() }));
    const run: ChronomapRun = { outcome, ...probe, resources: [], heap: null, dom: null, windowChange: null, selection: null, frames: null, gestureEffect: null, blocked, errors, notes };
    if (outcome === 'error') {
      notes.push(`the app reported an error: ${await page.evaluate(() => document.querySelector('chrono-map')?.shadowRoot?.querySelector('.error')?.textContent?.trim().slice(0, 300) ?? '')}`);
      return run;
    }
    // Without a map there is nothing to wait for on that side: time the timeline alone.
    const limit = outcome === 'no-map' || outcome === 'map-stuck' ? 1500 : VIEW_LIMIT_MS;
    if (outcome === 'no-map') notes.push('<cm-map> is not defined in this build: map timings are missing.');
    if (outcome === 'map-stuck') notes.push(`<cm-map> never reported drawing (no cm-view-ready within ${Math.round(mapWaitMs / 1000)} s of the first timeline mark): map timings are missing; the rest was measured with the map in that state.`);
    if (outcome === 'views-drawn') notes.push('Status stayed "loading" although both views had drawn: "ready" is timed to when the map\'s first cm-view-ready and the timeline\'s first mark had both been seen.');
    await page.waitForTimeout(300);
    run.resources = await page.evaluate(() => window.__cm!.resources());
    run.heap = await heapProbe.measure();
    run.dom = await page.evaluate(countDomNodes);

    run.windowChange = await page.evaluate(([from, to, limit]) => window.__cm!.setWindow(from, to, limit), [data.window[0], data.window[1], limit] as const);
    await page.waitForTimeout(300);
    run.selection = await page.evaluate(([id, limit]) => window.__cm!.select(id, limit), [data.pick.id, limit] as const);
    await page.waitForTimeout(300);
    // Back to the whole period, as a reader would start a gesture from the opening view.
    await page.evaluate(([from, to, limit]) => window.__cm!.setWindow(from, to, limit), [data.dataset.extent[0], data.dataset.extent[1], limit] as const);
    await page.evaluate((limit) => window.__cm!.select(null, limit), limit);
    const g = await gestures(page);
    run.frames = g.frames;
    run.gestureEffect = g.effect;
    return run;
  });
}

/** Ctrl+wheel zoom in, then a drag pan, over the timeline's plot; rAF timestamps during and after each. */
async function gestures(page: Page): Promise<{ frames: NonNullable<ChronomapRun['frames']>; effect: ChronomapRun['gestureEffect'] }> {
  const plot = page.locator('chrono-map cm-timeline svg.plot');
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  if (!box) throw new Error('the timeline plot has no box');
  // Inside the lanes, left of centre so a leftward drag stays on the plot.
  const x = box.x + box.width * 0.6;
  const y = box.y + box.height * 0.3;
  await page.mouse.move(x, y);
  await page.waitForTimeout(400);
  const span = () => page.evaluate(() => window.__cm!.windowSpan());
  const w0 = await span();
  const record = () => page.evaluate(() => window.__cm!.startFrames());
  const stop = () => page.evaluate(() => window.__cm!.stopFrames());

  await record();
  await page.keyboard.down('Control');
  // d3-zoom scales by 2^(-deltaY × 0.002 × 10) with Ctrl: 40 steps of 5 zoom in 16×.
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, -5);
    await page.waitForTimeout(16);
  }
  await page.keyboard.up('Control');
  const zoom = await stop();
  // The gesture ends 150 ms after the last wheel; the window is then committed to the map.
  await record();
  await page.waitForTimeout(1500);
  const zoomAfter = await stop();
  const w1 = await span();

  await record();
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(x - i * 8, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const pan = await stop();
  await record();
  await page.waitForTimeout(1500);
  const panAfter = await stop();
  const w2 = await span();
  const zoomOf = (a: [number, number] | null, b: [number, number] | null) => (a && b ? (a[1] - a[0]) / (b[1] - b[0]) : NaN);
  const panOf = (a: [number, number] | null, b: [number, number] | null) => (a && b ? b[0] - a[0] : NaN);
  const effect = {
    shownZoom: zoomOf(w0.shown, w1.shown),
    shownPan: panOf(w1.shown, w2.shown),
    committedZoom: zoomOf(w0.committed, w1.committed),
    committedPan: panOf(w1.committed, w2.committed),
  };
  return { frames: { zoom, zoomAfter, pan, panAfter }, effect };
}
