/**
 * In-page probe for Chronomap, installed with `addInitScript` before the app's code runs (so it
 * must stay self-contained: Playwright sends its source text). It records when the first
 * timeline mark exists and when `cm-ready` fires, and times `setWindow` and `select` until both
 * views have drawn, using only the element's public API and the views' `cm-view-ready` events.
 */

export interface OpTiming {
  /** ms from the call until both views have drawn; null if a view never said so. */
  total: number | null;
  map: number | null;
  timeline: number | null;
}

export interface ResourceEntry {
  url: string;
  /** `performance.now()` when the request started, and when its response ended. */
  start: number;
  end: number;
}

export interface ChronomapProbe {
  /** `cm-ready` fired; `readyLaidOutAt`: after forcing style and layout in that handler. */
  readyAt: number | null;
  readyLaidOutAt: number | null;
  /** First frame in which <cm-timeline> holds a mark (an event, a group or a histogram bar). */
  firstMarkAt: number | null;
  /**
   * Both views have drawn, seen from outside: the map has sent its first `cm-view-ready` (heard
   * on chrono-map's shadow root) and the timeline has sent its own or shows a mark; style and
   * layout are forced then. What status="ready" stands for, for when the status never flips.
   */
  bothDrawnAt: number | null;
  setWindow(from: number, to: number, limitMs: number): Promise<OpTiming>;
  select(id: string | null, limitMs: number): Promise<OpTiming>;
  startFrames(): void;
  stopFrames(): number[];
  resources(): ResourceEntry[];
  mapCanvas(): { width: number; height: number } | null;
  /** The window the app holds (its public `state`), and the one the timeline shows (ahead of it during a gesture). */
  windowSpan(): { committed: [number, number] | null; shown: [number, number] | null };
}

declare global {
  interface Window {
    __cm?: ChronomapProbe;
  }
}

type ChronoMapElement = HTMLElement & { setWindow(from: number, to: number): void; select(id: string | null): void; updateComplete: Promise<boolean> };

export function installChronomapProbe(): void {
  const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const host = (): ChronoMapElement => {
    const el = document.querySelector('chrono-map');
    if (!el?.shadowRoot) throw new Error('no <chrono-map> with a shadow root');
    return el as ChronoMapElement;
  };
  /** Resolves with the time a view reports `cm-view-ready`, or null after `limitMs`. */
  const viewReady = (root: ShadowRoot, view: 'map' | 'timeline', limitMs: number): Promise<number | null> =>
    new Promise((resolve) => {
      const on = (e: Event): void => {
        if ((e as Event & { view?: string }).view !== view) return;
        clearTimeout(timer);
        root.removeEventListener('cm-view-ready', on);
        resolve(performance.now());
      };
      const timer = setTimeout(() => {
        root.removeEventListener('cm-view-ready', on);
        resolve(null);
      }, limitMs);
      root.addEventListener('cm-view-ready', on);
    });
  const timing = (t0: number, map: number | null, timeline: number | null): OpTiming => ({
    map: map === null ? null : map - t0,
    timeline: timeline === null ? null : timeline - t0,
    total: map === null || timeline === null ? null : Math.max(map, timeline) - t0,
  });

  let stamps: number[] = [];
  /** Each recording has its own loop; a stale loop from the previous one stops itself. */
  let recording = 0;
  let generation = 0;

  const probe: ChronomapProbe = {
    readyAt: null,
    readyLaidOutAt: null,
    firstMarkAt: null,
    bothDrawnAt: null,
    async setWindow(from, to, limitMs) {
      const el = host();
      const root = el.shadowRoot!;
      const map = viewReady(root, 'map', limitMs);
      // The timeline reports from inside a frame callback; its drawing is painted by the next frame.
      const timeline = viewReady(root, 'timeline', limitMs).then((t) => (t === null ? null : frame()));
      const t0 = performance.now();
      el.setWindow(from, to);
      const [m, t] = await Promise.all([map, timeline]);
      return timing(t0, m, t);
    },
    async select(id, limitMs) {
      const el = host();
      const root = el.shadowRoot!;
      const map = viewReady(root, 'map', limitMs);
      const t0 = performance.now();
      el.select(id);
      // The timeline sends no cm-view-ready for a selection: the first frame callback in which it
      // has the selection and no update pending is the frame that paints it. The map's markers
      // count the same way (its cm-view-ready comes in the frame callback of the frame that paints
      // them), so the two are compared like for like. (It takes the selection a frame after the
      // map, so `el.updateComplete`, which also waits for the details panel, would be late.)
      const timeline = root.querySelector('cm-timeline') as (Element & { selected: string | null; isUpdatePending: boolean }) | null;
      const t = await new Promise<number>((resolve) => {
        const check = (): void => {
          if (!timeline || (timeline.selected === id && !timeline.isUpdatePending)) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      await el.updateComplete;
      return timing(t0, await map, t);
    },
    startFrames() {
      const mine = ++generation;
      const own: number[] = [];
      stamps = own;
      recording = mine;
      const loop = (t: number): void => {
        if (recording !== mine) return;
        own.push(t);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },
    stopFrames() {
      recording = 0;
      return stamps;
    },
    windowSpan() {
      const el = document.querySelector('chrono-map') as (Element & { state?: { window: readonly [number, number] | null } }) | null;
      const w = el?.state?.window;
      // `view` is the timeline's own (TypeScript-private) state; read only as a check that a gesture moved it.
      const v = (el?.shadowRoot?.querySelector('cm-timeline') as (Element & { view?: unknown }) | null)?.view;
      const shown = Array.isArray(v) && v.length === 2 ? ([Number(v[0]), Number(v[1])] as [number, number]) : null;
      return { committed: w ? [w[0], w[1]] : null, shown };
    },
    resources() {
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd }));
    },
    mapCanvas() {
      const map = document.querySelector('chrono-map')?.shadowRoot?.querySelector('cm-map');
      const canvas = map?.shadowRoot?.querySelector('canvas') ?? map?.querySelector('canvas');
      return canvas ? { width: canvas.clientWidth, height: canvas.clientHeight } : null;
    },
  };
  window.__cm = probe;

  document.addEventListener(
    'cm-ready',
    () => {
      probe.readyAt = performance.now();
      document.documentElement.getBoundingClientRect();
      probe.readyLaidOutAt = performance.now();
    },
    { capture: true, once: true },
  );
  const drawn = new Set<string>();
  let listening = false;
  const checkBoth = (): void => {
    if (probe.bothDrawnAt === null && drawn.has('map') && (drawn.has('timeline') || probe.firstMarkAt !== null)) {
      document.documentElement.getBoundingClientRect();
      probe.bothDrawnAt = performance.now();
    }
  };
  const onViewReady = (e: Event): void => {
    drawn.add(String((e as Event & { view?: string }).view));
    checkBoth();
  };
  const poll = (): void => {
    const root = document.querySelector('chrono-map')?.shadowRoot;
    if (root && !listening) {
      root.addEventListener('cm-view-ready', onViewReady);
      listening = true;
    }
    const timeline = root?.querySelector('cm-timeline');
    if (timeline?.shadowRoot?.querySelector('g.lane-marks > g')) {
      probe.firstMarkAt = performance.now();
      checkBoth();
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}
