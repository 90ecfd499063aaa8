/**
 * One run of the bare MapLibre page (bench/bare-maplibre) in a fresh context: first `idle`,
 * heap after GC (page and worker), a window change by `setFilter` and by global state (their
 * order alternates between runs), and a feature-state selection.
 */
import type { Browser } from 'playwright-core';
import type { BareMapBench } from '../api';
import { HeapProbe, countDomNodes, inContext, type HeapSample } from './browser';
import { type BenchDataset } from './data';

export interface BareRun {
  firstIdle: number;
  heap: HeapSample;
  dom: { nodes: number; elements: number };
  setFilter: number;
  globalState: number;
  featureState: number;
  blocked: string[];
  errors: string[];
}

export async function runBare(browser: Browser, origin: string, data: BenchDataset, query: string, run: number): Promise<BareRun> {
  return inContext(browser, origin, 180_000, `bare MapLibre ${data.size}`, async ({ context, page, blocked, errors }) => {
    const heapProbe = await HeapProbe.attach(context, page);
    await page.goto(`${origin}/pages/bare-maplibre/?${query}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const b = window.__bench as BareMapBench | undefined;
      return !!b && (b.firstIdle !== null || b.error !== null);
    }, null, { timeout: 120_000, polling: 50 });
    const { firstIdle, error } = await page.evaluate(() => {
      const b = window.__bench as BareMapBench;
      return { firstIdle: b.firstIdle, error: b.error };
    });
    if (firstIdle === null) throw new Error(`bare MapLibre page: ${error}`);
    await page.waitForTimeout(300);
    const heap = await heapProbe.measure();
    const dom = await page.evaluate(countDomNodes);
    const [from, to] = data.window;
    let setFilter = 0;
    let globalState = 0;
    const byFilter = async () => (setFilter = await page.evaluate(([a, b]) => (window.__bench as BareMapBench).setFilterWindow(a, b), [from, to] as const));
    const byState = async () => (globalState = await page.evaluate(([a, b]) => (window.__bench as BareMapBench).globalStateWindow(a, b), [from, to] as const));
    const reset = () => page.evaluate(() => (window.__bench as BareMapBench).resetWindow());
    // Alternate the order so neither method always runs on a warmer page.
    for (const step of run % 2 === 0 ? [byFilter, reset, byState] : [byState, reset, byFilter]) {
      await step();
      await page.waitForTimeout(200);
    }
    const featureState = await page.evaluate((id) => (window.__bench as BareMapBench).selectFeature(id), data.pick.index);
    return { firstIdle, heap, dom, setFilter, globalState, featureState, blocked, errors };
  });
}
