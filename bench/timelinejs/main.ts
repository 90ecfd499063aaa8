/**
 * TimelineJS 3 as its embedders use it: its own `timeline.js` and `timeline.css`, loaded as
 * shipped (copied next to this page as `tljs/`), reading a TimelineJS JSON file by URL.
 * Its `script_path` points at the local copy, so its locale file and font CSS are local; the
 * web fonts that CSS asks for are blocked by the benchmark.
 *
 * Query: `data` (TimelineJS JSON URL), `lib` (URL of the copied `dist/`, default `../tljs/`).
 */
import type { TimelineJsBench } from '../api';

interface TimelineJs {
  on(event: string, handler: (data: unknown) => void): void;
  goToNext(): void;
  _storyslider: { slide_spacing: number; current_id: string; _findSlideIndex(id: string): number; _el: { slider_container: HTMLElement } };
}
declare global {
  interface Window {
    TL?: { Timeline: new (container: HTMLElement | string, data: string | object, options?: object) => TimelineJs };
  }
}

const params = new URLSearchParams(location.search);
const dataUrl = params.get('data') ?? '';
const lib = new URL(params.get('lib') ?? '../tljs/', location.href).href;

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

const bench: TimelineJsBench = {
  loadedAt: null,
  readyAt: null,
  laidOutAt: null,
  error: null,
  next: () => Promise.reject(new Error('TimelineJS is not ready')),
};
window.__bench = bench;

function load(tag: 'script' | 'link', url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = document.createElement(tag);
    if (el instanceof HTMLScriptElement) el.src = url;
    else if (el instanceof HTMLLinkElement) Object.assign(el, { rel: 'stylesheet', href: url });
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(el);
  });
}

async function start(): Promise<void> {
  await Promise.all([load('link', `${lib}css/timeline.css`), load('script', `${lib}js/timeline.js`)]);
  if (!window.TL) throw new Error('timeline.js did not define TL');
  const timeline = new window.TL.Timeline(document.getElementById('timeline')!, dataUrl, { script_path: `${lib}js/`, hash_bookmark: false });
  const settled = () => {
    if (bench.loadedAt !== null && bench.readyAt !== null && bench.laidOutAt === null) {
      document.documentElement.getBoundingClientRect();
      bench.laidOutAt = performance.now();
    }
  };
  timeline.on('loaded', () => {
    bench.loadedAt = performance.now();
    settled();
  });
  timeline.on('ready', () => {
    bench.readyAt = performance.now();
    settled();
  });
  bench.next = async () => {
    const slider = timeline._storyslider;
    const t0 = performance.now();
    timeline.goToNext();
    // As for Chronomap's selection: the frame that paints the change, then the next one.
    await frame();
    const framed = (await frame()) - t0;
    const target = `${-(slider.slide_spacing * slider._findSlideIndex(slider.current_id))}px`;
    const container = slider._el.slider_container;
    const deadline = t0 + 10_000;
    while (container.style.left !== target && performance.now() < deadline) await frame();
    if (container.style.left !== target) throw new Error(`the slider did not reach ${target}`);
    return { frame: framed, shown: (await frame()) - t0 };
  };
}

start().catch((e: unknown) => {
  bench.error = String((e as Error)?.message ?? e);
});
