/** Issue 14: a projector left on for a lesson must not grow. A shortened run of `npm run bench`'s long session. */
import { afterEach, describe, expect, it } from 'vitest';
import { gotoApp, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

/** Selections, window changes, language switches and story steps, as a class would make them. */
async function lesson(s: Session, selections: number): Promise<void> {
  await s.page.evaluate(async (n) => {
    const el = document.querySelector('chrono-map') as unknown as {
      state: { dataset: { events: { id: string }[] } };
      select(id: string | null): void;
      setWindow(a: number, b: number): void;
      goToStep(n: number): void;
      setAttribute(k: string, v: string): void;
      removeAttribute(k: string): void;
    };
    const ids = el.state.dataset.events.map((e) => e.id);
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < n; i++) {
      el.select(ids[i % ids.length]!);
      await frame();
      if (i % 3 === 0) {
        const d = Date.UTC(2025, 1 + (i % 10), 1);
        el.setWindow(d, d + 20 * 86_400_000);
        await frame();
      }
      if (i % 15 === 0) {
        el.setAttribute('lang', i % 30 === 0 ? 'uk' : 'en');
        await frame();
      }
      if (i % 10 === 0) {
        el.goToStep((i / 10) % 9 + 1);
        await frame();
      }
    }
    el.removeAttribute('lang');
    el.select(null);
    await frame();
  }, selections);
  await s.page.waitForTimeout(800);
}

describe('a long session', () => {
  it('leaves the DOM node count where it was and the heap within 10 %', async () => {
    session = await openPage();
    await gotoApp(session);
    const cdp = await session.page.context().newCDPSession(session.page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { nodes } = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return { nodes, heap: usedSize };
    };
    // The first lesson fills the caches (map tiles, formatters, the 1:50m basemap); growth is what comes after.
    await lesson(session, 30);
    const start = await measure();
    await lesson(session, 60);
    await lesson(session, 60);
    const end = await measure();
    expect(end.nodes - start.nodes).toBeLessThanOrEqual(40);
    expect(end.heap / start.heap).toBeLessThan(1.1);
  });
});
