/**
 * What readers, teachers and unlucky networks do with the page beyond one load: search and
 * playback at 100,000 events, a long lesson on the shipped story, the element taken out and put
 * back, and a 60 MB file loading while the reader presses keys. Each in a fresh context.
 */
import type { Browser, Page } from 'playwright-core';
import { HeapProbe, countDomNodes, inContext, type HeapSample } from './browser';
import { installChronomapProbe } from './chronomap-page';

type ChronoMapElement = HTMLElement & {
  state: { dataset: { events: { id: string }[]; stories?: { steps: unknown[] }[] } | null; playback: unknown; window: readonly [number, number] | null };
  select(id: string | null): void;
  setWindow(from: number, to: number): void;
  goToStep(n: number): void;
};

const READY_MS = 180_000;

async function openReady(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: READY_MS, polling: 100 });
  await page.waitForTimeout(500);
}

/**
 * In the page, before the app: the delay of every keydown (from the event's own time stamp to
 * its first listener, which is what a blocked main thread makes the reader wait).
 */
function installKeyDelays(): void {
  const delays: number[] = [];
  const w = window as unknown as { __keyDelays: number[]; __keyTimes: number[]; __lastKeyAt: number; __readyAt: number | null };
  w.__keyDelays = delays;
  w.__keyTimes = [];
  w.__readyAt = null;
  window.addEventListener('keydown', (e) => {
    w.__lastKeyAt = performance.now();
    delays.push(w.__lastKeyAt - e.timeStamp);
    w.__keyTimes.push(e.timeStamp);
  }, { capture: true });
  window.addEventListener('cm-ready', () => (w.__readyAt ??= performance.now()), { capture: true });
}

const isPlaying = (page: Page): Promise<boolean> => page.evaluate(() => !!(document.querySelector('chrono-map') as unknown as ChronoMapElement).state.playback);

const keyDelays = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { __keyDelays: number[] }).__keyDelays.splice(0));

export interface ReaderRun {
  /** Each keystroke's input delay while a query is typed. */
  searchKeyDelays: number[];
  /** From the last keystroke until the count of matches is shown and painted. */
  searchShown: number | null;
  /** How many matches the count said. */
  searchCount: string;
  /** rAF intervals while playback runs without reduced motion. */
  playFrames: number[];
  /** Whether the window moved during playback (ms its start advanced). */
  playMoved: number;
}

export const SEARCH_QUERY = 'strike 45';

export async function runReader(browser: Browser, origin: string, pagePath: string): Promise<ReaderRun> {
  return inContext(browser, origin, 300_000, 'reader at 100,000', async ({ context, page }) => {
    await context.addInitScript(installChronomapProbe);
    await context.addInitScript(installKeyDelays);
    await openReady(page, `${origin}/${pagePath}`);

    // Playback animates only without reduced motion.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const play = page.locator('chrono-map cm-timeline .play-button');
    const before = await page.evaluate(() => window.__cm!.windowSpan().committed?.[0] ?? 0);
    await page.evaluate(() => window.__cm!.startFrames());
    await play.click();
    await page.waitForTimeout(8_000);
    const playFrames = await page.evaluate(() => window.__cm!.stopFrames());
    const after = await page.evaluate(() => window.__cm!.windowSpan().committed?.[0] ?? 0);
    if (await isPlaying(page)) await play.click();
    await page.waitForTimeout(500);

    const input = page.locator('chrono-map cm-search input[type="search"]');
    await input.click();
    await keyDelays(page);
    await page.keyboard.type(SEARCH_QUERY, { delay: 120 });
    const shown = await page.evaluate(async (q) => {
      const last = (window as unknown as { __lastKeyAt: number }).__lastKeyAt;
      const search = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-search') as HTMLElement & { query: string; count: number | null };
      const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      for (;;) {
        const t = await frame();
        const text = search.shadowRoot?.querySelector('.count')?.textContent?.trim() ?? '';
        // Shown: the count for the whole query is in the field's label; the next frame has painted it.
        if (search.query === q && search.count !== null && text) return { at: (await frame()) - last, text };
        if (t - last > 30_000) return { at: null, text };
      }
    }, SEARCH_QUERY);
    return { searchKeyDelays: await keyDelays(page), searchShown: shown.at, searchCount: shown.text, playFrames, playMoved: after - before };
  });
}

export interface LongSessionRun {
  /** Right after the first load, before the warm-up. */
  fresh: { heap: HeapSample; dom: number };
  start: { heap: HeapSample; dom: number };
  end: { heap: HeapSample; dom: number };
  done: { selections: number; windows: number; languages: number; storySteps: number; playbackSeconds: number };
}

/**
 * A lesson: `selections` selections, a window change every third, a language switch every
 * fifteenth, the whole story stepped through, then `playbackSeconds` of playback (restarted
 * whenever it reaches the end). Heap and DOM after GC before and after, once a warm-up has
 * filled the caches that a first visit fills and later ones reuse: every event selected once
 * (the map's tiles round each place, the finer basemap), the second language's formatters, the
 * story, and 20 s of playback (the code V8 compiles for it). Also measured right after the load,
 * so the doc shows what the warm-up itself added.
 */
export async function runLongSession(browser: Browser, origin: string, pagePath: string, playbackSeconds: number): Promise<LongSessionRun> {
  return inContext(browser, origin, 600_000 + playbackSeconds * 1000, 'long session', async ({ context, page }) => {
    const heapProbe = await HeapProbe.attach(context, page);
    await openReady(page, `${origin}/${pagePath}`);
    const lesson = (selections: number) =>
      page.evaluate(async (n) => {
        const el = document.querySelector('chrono-map') as unknown as ChronoMapElement;
        const ids = el.state.dataset!.events.map((e) => e.id);
        const steps = el.state.dataset!.stories?.[0]?.steps.length ?? 0;
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
        const done = { selections: 0, windows: 0, languages: 0, storySteps: 0 };
        for (let i = 0; i < n; i++) {
          el.select(ids[i % ids.length]!);
          done.selections++;
          await frame();
          if (i % 3 === 0) {
            const d = Date.UTC(2025, 1 + (i % 10), 1);
            el.setWindow(d, d + 20 * 86_400_000);
            done.windows++;
            await frame();
          }
          if (i % 15 === 0) {
            el.setAttribute('lang', done.languages % 2 === 0 ? 'uk' : 'en');
            done.languages++;
            await frame();
          }
        }
        for (let s = 1; s <= steps; s++) {
          el.goToStep(s);
          done.storySteps++;
          await frame();
          await frame();
        }
        el.removeAttribute('lang');
        el.select(null);
        await frame();
        return done;
      }, selections);
    const measure = async () => ({ heap: await heapProbe.measure(), dom: (await page.evaluate(countDomNodes)).nodes });
    const play = page.locator('chrono-map cm-timeline .play-button');
    const playFor = async (seconds: number) => {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      const until = Date.now() + seconds * 1000;
      while (Date.now() < until) {
        if (!(await isPlaying(page))) await play.click();
        await page.waitForTimeout(Math.min(2_000, Math.max(0, until - Date.now())));
      }
      if (await isPlaying(page)) await play.click();
    };
    // Playback moves the window: every measure is taken at the window the page opened with.
    const window = await page.evaluate(() => (document.querySelector('chrono-map') as unknown as ChronoMapElement).state.window);
    const measureAtStart = async () => {
      await page.evaluate((w) => {
        const el = document.querySelector('chrono-map') as unknown as ChronoMapElement;
        el.select(null);
        if (w) el.setWindow(w[0], w[1]);
      }, window);
      await page.waitForTimeout(800);
      return measure();
    };
    const fresh = await measure();
    const events = await page.evaluate(() => (document.querySelector('chrono-map') as unknown as ChronoMapElement).state.dataset!.events.length);
    await lesson(Math.max(30, events));
    await playFor(20);
    const start = await measureAtStart();
    const done = await lesson(300);
    await playFor(playbackSeconds);
    return { fresh, start, end: await measureAtStart(), done: { ...done, playbackSeconds } };
  });
}

export interface ContextsRun {
  cycles: number;
  /** WebGL contexts made over the run, and those not lost at the end. */
  made: number;
  live: number;
  /** Console lines about too many active WebGL contexts. */
  warnings: number;
}

/** In the page, before the app: every WebGL context any canvas hands out. */
function installContextLog(): void {
  const contexts: (WebGLRenderingContext | WebGL2RenderingContext)[] = [];
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const context = (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    if ((type === 'webgl2' || type === 'webgl') && context && !contexts.includes(context as WebGL2RenderingContext)) contexts.push(context as WebGL2RenderingContext);
    return context;
  } as typeof original;
  (window as unknown as { __contexts: typeof contexts }).__contexts = contexts;
}

/** `<chrono-map>` removed and put back `cycles` times, each time until its map has drawn again. */
export async function runContexts(browser: Browser, origin: string, pagePath: string, cycles: number): Promise<ContextsRun> {
  return inContext(browser, origin, 300_000, 'WebGL contexts', async ({ context, page }) => {
    let warnings = 0;
    page.on('console', (m) => {
      if (/too many active webgl contexts/i.test(m.text())) warnings++;
    });
    await context.addInitScript(installContextLog);
    await openReady(page, `${origin}/${pagePath}`);
    for (let i = 0; i < cycles; i++) {
      await page.evaluate(async () => {
        const el = document.querySelector('chrono-map')!;
        const parent = el.parentNode!;
        const next = el.nextSibling;
        const drawn = new Promise<void>((resolve) => el.shadowRoot!.addEventListener('cm-view-ready', (e) => (e.composedPath()[0] as Element).localName === 'cm-map' && resolve()));
        el.remove();
        await new Promise((r) => requestAnimationFrame(r));
        parent.insertBefore(el, next);
        await Promise.race([drawn, new Promise((r) => setTimeout(r, 20_000))]);
      });
    }
    await page.waitForTimeout(500);
    const { made, live } = await page.evaluate(() => {
      const contexts = (window as unknown as { __contexts: WebGL2RenderingContext[] }).__contexts;
      return { made: contexts.length, live: contexts.filter((c) => !c.isContextLost()).length };
    });
    return { cycles, made, live, warnings };
  });
}

/** In the page: when the validated dataset reached the element (first frame it is there). */
function installDataWatch(): void {
  const w = window as unknown as { __dataAt: number | null };
  w.__dataAt = null;
  const look = (): void => {
    const el = document.querySelector('chrono-map') as (Element & { state?: { dataset: unknown } }) | null;
    if (el?.state?.dataset) w.__dataAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

export interface BigLoadRun {
  bytes: number;
  readyAt: number | null;
  /** Input delay of each key pressed every 100 ms from navigation until ready. */
  keyDelays: number[];
  /** Those of keys pressed before the dataset was in (fetched, parsed, validated, handed over). */
  loadingKeyDelays: number[];
  /** Highest value the progress bar showed, as a share of its max; null if none was seen. */
  progressSeen: number | null;
}

/** The 60 MB file: the reader presses a key every 100 ms while it loads, parses and validates. */
export async function runBigLoad(browser: Browser, origin: string, pagePath: string, bytes: number): Promise<BigLoadRun> {
  return inContext(browser, origin, 300_000, '60 MB load', async ({ context, page }) => {
    await context.addInitScript(installKeyDelays);
    await context.addInitScript(installDataWatch);
    await page.goto(`${origin}/${pagePath}`, { waitUntil: 'domcontentloaded' });
    let progressSeen: number | null = null;
    const started = Date.now();
    for (;;) {
      const s = await page.evaluate(() => {
        const el = document.querySelector('chrono-map');
        const p = el?.shadowRoot?.querySelector('progress');
        return { status: el?.getAttribute('status') ?? null, progress: p && p.max ? p.value / p.max : p ? 0 : null };
      });
      if (s.progress !== null) progressSeen = Math.max(progressSeen ?? 0, s.progress);
      if (s.status === 'ready' || s.status === 'error' || Date.now() - started > READY_MS) break;
      await page.keyboard.press('Shift');
      await page.waitForTimeout(100);
    }
    const { readyAt, dataAt, times } = await page.evaluate(() => {
      const w = window as unknown as { __readyAt: number | null; __dataAt: number | null; __keyTimes: number[] };
      return { readyAt: w.__readyAt, dataAt: w.__dataAt, times: w.__keyTimes.slice() };
    });
    const delays = await keyDelays(page);
    return { bytes, readyAt, keyDelays: delays, loadingKeyDelays: delays.filter((_, i) => dataAt === null || (times[i] ?? Infinity) < dataAt), progressSeen };
  });
}
