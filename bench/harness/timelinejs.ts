/**
 * One run of TimelineJS 3 (bench/timelinejs, loading the npm package's own dist files) in a
 * fresh context: time to its `loaded` and `ready` events, heap after GC, DOM nodes, and
 * `goToNext()` until the next slide is shown.
 */
import type { Browser } from 'playwright-core';
import type { TimelineJsBench } from '../api';
import { HeapProbe, countDomNodes, inContext, type HeapSample } from './browser';

export interface TimelineJsRun {
  /** `ready` and `loaded` both fired (the later of the two), style and layout forced. */
  readyAt: number;
  heap: HeapSample;
  dom: { nodes: number; elements: number };
  nextFrame: number;
  nextShown: number;
  blocked: string[];
  errors: string[];
}

export async function runTimelineJs(browser: Browser, origin: string, size: number, limitMs: number): Promise<TimelineJsRun> {
  return inContext(browser, origin, limitMs, `TimelineJS ${size}`, async ({ context, page, blocked, errors }) => {
    const heapProbe = await HeapProbe.attach(context, page);
    await page.goto(`${origin}/pages/timelinejs/?data=../data/tl-${size}.json&lib=../../tljs/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const b = window.__bench as TimelineJsBench | undefined;
      return !!b && (b.laidOutAt !== null || b.error !== null);
    }, null, { timeout: limitMs, polling: 100 });
    const probe = await page.evaluate(() => {
      const b = window.__bench as TimelineJsBench;
      return { laidOutAt: b.laidOutAt, error: b.error };
    });
    if (probe.error || probe.laidOutAt === null) throw new Error(`TimelineJS ${size}: ${probe.error ?? 'no ready event'}`);
    await page.waitForTimeout(1200);
    const heap = await heapProbe.measure();
    const dom = await page.evaluate(countDomNodes);
    const next = await page.evaluate(() => (window.__bench as TimelineJsBench).next());
    return { readyAt: probe.laidOutAt, heap, dom, nextFrame: next.frame, nextShown: next.shown, blocked, errors };
  });
}
