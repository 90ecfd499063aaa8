/**
 * The map at scale and for the story, on the built page: where the opening view looks, far
 * places as edge markers (WebGL, SVG and print), the DOM kept small with 10,000 and 100,000
 * places, WebGL contexts released, places reached from the keyboard, targets for fingers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { distinctPlacesDataset } from '../../scripts/synthetic';
import { gotoApp, openPage, type PageOptions, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

const KHARKIV: [number, number] = [36.2311, 49.9925];
const ODESA: [number, number] = [30.7434, 46.4857];
const JBER: [number, number] = [-149.80639, 61.25139];

/** Opens the page with a dataset of its own, served in place of data/events.json. */
async function withDataset(body: string, options: PageOptions = {}): Promise<string> {
  session = await openPage(options);
  await session.page.route('**/data/events.json', (route) => route.fulfill({ status: 200, body, contentType: 'application/json' }));
  return gotoApp(session);
}

/** Runs in the page: every node of the document, shadow trees included, and the map's share. */
function countNodes(): { page: number; map: number } {
  const count = (node: Node): number => {
    let n = 1;
    const shadow = (node as Element).shadowRoot;
    if (shadow) n += count(shadow);
    for (const child of node.childNodes) n += count(child);
    return n;
  };
  return { page: count(document), map: count(document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map')!) };
}

/** Runs in the page: where the WebGL map draws points, in px from its top left. */
function projected(points: [number, number][]): { x: number; y: number }[] {
  const map = (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { mapLibre: { project(p: [number, number]): { x: number; y: number }; getCenter(): { lng: number } } }).mapLibre;
  const centre = map.getCenter().lng;
  return points.map(([lon, lat]) => map.project([centre + ((((lon - centre + 180) % 360) + 360) % 360) - 180, lat]));
}

const edgeTexts = (s: Session) => s.page.locator('cm-map .edge').allTextContents();

async function mapIsStill(s: Session): Promise<void> {
  await s.page.waitForFunction(() => {
    const map = (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { mapLibre: { isMoving(): boolean; loaded(): boolean } }).mapLibre;
    return !map.isMoving() && map.loaded();
  });
}

describe('the map of the story', () => {
  it('opens where most events are, with Kharkiv and Odesa well apart, and Alaska and Washington as edge markers', async () => {
    session = await openPage({ viewport: { width: 1280, height: 900 } });
    expect(await gotoApp(session)).toBe('ready');
    await mapIsStill(session);
    const [kharkiv, odesa] = await session.page.evaluate(projected, [KHARKIV, ODESA]);
    expect(Math.hypot(kharkiv!.x - odesa!.x, kharkiv!.y - odesa!.y)).toBeGreaterThanOrEqual(120);
    const edges = await edgeTexts(session);
    expect(edges).toHaveLength(2);
    expect(edges.some((t) => t.includes('Joint Base Elmendorf-Richardson, Anchorage · 2'))).toBe(true);
    expect(edges.some((t) => t.includes('White House · 4'))).toBe(true);
    // The Alaska marker brings the summit into view, drawn on top of the letter at the same spot.
    await session.page.locator('cm-map .edge', { hasText: 'Anchorage' }).click();
    await mapIsStill(session);
    const icon = await session.page.evaluate((p) => {
      const map = (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { mapLibre: { project(p: [number, number]): { x: number; y: number }; queryRenderedFeatures(p: [number, number], o: object): { properties: { icon: string } }[] } }).mapLibre;
      const { x, y } = map.project(p);
      return map.queryRenderedFeatures([x, y], { layers: ['places'] }).map((f) => f.properties.icon);
    }, JBER);
    expect(icon).toEqual(['meeting-solid']);
    expect(session.errors).toEqual([]);
  });

  it('keeps the edge markers off the places drawn on a phone\'s map, with a finger or a mouse', async () => {
    for (const touch of [true, false]) {
      session = await openPage({ viewport: { width: 390, height: 844 }, touch });
      expect(await gotoApp(session)).toBe('ready');
      await mapIsStill(session);
      const { marks, edges } = await session.page.evaluate(() => {
        const cmMap = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map')!;
        const map = (cmMap as unknown as { mapLibre: { queryRenderedFeatures(o: object): { geometry: { coordinates: [number, number] } }[]; project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).mapLibre;
        const origin = map.getCanvas().getBoundingClientRect();
        const marks = map.queryRenderedFeatures({ layers: ['places', 'clusters'] }).map((f) => map.project(f.geometry.coordinates));
        const edges = [...cmMap.shadowRoot!.querySelectorAll('.edge')].map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent!.trim(), left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
        });
        return { marks, edges };
      });
      expect(edges.map((e) => e.text)).toEqual(expect.arrayContaining([expect.stringContaining('White'), expect.stringContaining('Joint')]));
      expect(marks.length).toBeGreaterThanOrEqual(5);
      // A mark is 24 px across (the rings of clusters more): none may lie under a marker.
      for (const e of edges) for (const m of marks) expect(m.x + 12 <= e.left || m.x - 12 >= e.right || m.y + 12 <= e.top || m.y - 12 >= e.bottom, `${e.text} over the mark at ${Math.round(m.x)},${Math.round(m.y)}`).toBe(true);
      expect(session.errors).toEqual([]);
      await session.browser.close();
      session = undefined;
    }
  });

  it('does the same in the SVG fallback', async () => {
    session = await openPage({ flags: ['--disable-webgl', '--disable-3d-apis'] });
    expect(await gotoApp(session)).toBe('ready');
    expect(await session.page.getAttribute('cm-map', 'drawn-with')).toBe('svg');
    const at = (id: string) =>
      session!.page.locator(`cm-map svg.fallback use.place[data-place="${id}"]`).evaluate((u) => ({ x: Number(u.getAttribute('x')), y: Number(u.getAttribute('y')) }));
    const [kharkiv, odesa] = [await at('kharkiv'), await at('odesa')];
    expect(Math.hypot(kharkiv.x - odesa.x, kharkiv.y - odesa.y)).toBeGreaterThanOrEqual(120);
    expect((await edgeTexts(session)).map((t) => t.replace(/^\S+ /, ''))).toEqual(expect.arrayContaining(['White House · 4', 'Joint Base Elmendorf-Richardson, Anchorage · 2']));
    await session.page.locator('cm-map .edge', { hasText: 'White House' }).click();
    await session.page.locator('cm-map svg.fallback use.place[data-place="white-house"]').waitFor();
    expect(await session.page.locator('cm-map .edge', { hasText: 'White House' }).count()).toBe(0);
  });

  it('keeps the far places on the printed map', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.emulateMedia({ media: 'print' });
    await session.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const places = session.page.locator('cm-handout figure.map g.place');
    await places.first().waitFor({ state: 'attached' });
    const printed = await places.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-place')));
    expect(printed).toEqual(expect.arrayContaining(['jber-anchorage', 'white-house', 'kharkiv']));
  });

  it('finds a place from the keyboard and selects its most important event', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.locator('cm-map cm-places input').focus();
    await session.page.keyboard.type('odes');
    await session.page.locator('cm-map cm-places [role="option"]', { hasText: 'Odesa' }).waitFor();
    await session.page.keyboard.press('Enter');
    await session.page.waitForFunction(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string | null } }).state.selected === 'odesa-fuel-facility-strike');
    await session.page.waitForFunction(() => /^Selected: /.test(document.querySelector('chrono-map')!.shadowRoot!.querySelector('[aria-live]')!.textContent ?? ''));
  });

  it('gives fingers 44 px targets on a phone', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await gotoApp(session);
    const heights = await session.page.evaluate(() => {
      const map = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map')!.shadowRoot!;
      const input = map.querySelector('cm-places')!.shadowRoot!.querySelector('input')!;
      return [input, ...map.querySelectorAll('.controls button, .edge')].map((el) => el.getBoundingClientRect().height);
    });
    expect(heights.length).toBeGreaterThanOrEqual(4);
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
  });
});

describe('the map at scale', () => {
  it.each([10_000, 100_000])('keeps the whole page under 6,500 DOM nodes with %i events at as many places', async (n) => {
    expect(await withDataset(JSON.stringify(distinctPlacesDataset(n, 5)))).toBe('ready');
    const nodes = await session!.page.evaluate(countNodes);
    expect(nodes.page).toBeLessThanOrEqual(6500);
    expect(nodes.map).toBeLessThan(300);
    // Everything placed is drawn, in clusters.
    const drawn = await session!.page.evaluate(() => (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { renderedEventIds(): string[] }).renderedEventIds().length);
    expect(drawn).toBe(n);
    expect(session!.errors).toEqual([]);
  }, 240_000);

  it('keeps one live WebGL context when the map is taken out and put back 30 times', async () => {
    session = await openPage();
    const warnings: string[] = [];
    session.page.on('console', (m) => {
      if (/too many active webgl contexts/i.test(m.text())) warnings.push(m.text());
    });
    await session.page.addInitScript(() => {
      const contexts: WebGL2RenderingContext[] = [];
      (window as unknown as { contexts: WebGL2RenderingContext[] }).contexts = contexts;
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        const context = (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
        if (type === 'webgl2' && context && !contexts.includes(context as WebGL2RenderingContext)) contexts.push(context as WebGL2RenderingContext);
        return context;
      } as typeof original;
    });
    await gotoApp(session);
    for (let i = 0; i < 30; i++) {
      await session.page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const map = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map')!;
            const parent = map.parentElement!;
            map.remove();
            map.addEventListener('cm-view-ready', () => resolve(), { once: true });
            parent.prepend(map);
          }),
      );
    }
    const live = await session.page.evaluate(() => (window as unknown as { contexts: WebGL2RenderingContext[] }).contexts.filter((c) => !c.isContextLost()).length);
    expect(live).toBe(1);
    expect(warnings).toEqual([]);
    expect(await session.page.getAttribute('cm-map', 'drawn-with')).toBe('webgl');
  }, 180_000);
});
