import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/cm-map';
import type { CmMap } from '../../src/components/cm-map';
import type { HoverEvent, MapFallbackEvent, PickEvent } from '../../src/components/events';
import type { Dataset } from '../../src/model/dataset';
import { filtersShowing, type TimeWindow } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import type { DatasetRecord } from '../../src/model/schema';
import { formatEventWhen } from '../../src/i18n/format';
import { PALETTES } from '../../src/ui/marks';
import { crowdedPlacesDataset, distinctPlacesDataset, syntheticDataset } from '../../scripts/synthetic';
import { loadBasemap, type Basemap } from '../../src/map/basemap';
import { basemapPaths, projectionFor, type Camera } from '../../src/map/svg-scene';
import { dataset, event, place } from '../fixtures/datasets';

const MARKUP = '<img src=x onerror="window.__injected=1">Bakhmut & <b>Co</b>';
const WINDOW: TimeWindow = [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 22)];
/** Placed events in WINDOW, in time order; `call` has no place, `later` is after the window. */
const IN_WINDOW = ['strike-1', 'strike-2', 'proposal', 'night', 'markup'];
const KHARKIV: [number, number] = [36.2311, 49.9925];
const KYIV: [number, number] = [30.5233, 50.45];
const ANCHORAGE: [number, number] = [-149.80639, 61.25139];
const LVIV: [number, number] = [24.0322, 49.8425];

function valid(record: DatasetRecord): Dataset {
  const result = validateValue(record);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.dataset;
}

function data(): Dataset {
  return valid(
    dataset({
      languages: ['en', 'uk'],
      places: [
        place({ id: 'kyiv', name: 'Kyiv', translations: { uk: { name: 'Київ' } } }),
        place({ id: 'kharkiv', name: 'Kharkiv', lat: KHARKIV[1], lon: KHARKIV[0], translations: { uk: { name: 'Харків' } } }),
        place({ id: 'lviv', name: 'Lviv', lat: 49.8425, lon: 24.0322 }),
        place({ id: 'moscow', name: 'Moscow', lat: 55.752, lon: 37.6175, country: 'RU' }),
        place({ id: 'bakhmut', name: MARKUP, lat: 48.5956, lon: 38.0003 }),
      ],
      events: [
        event({ id: 'strike-1', place: 'kharkiv', start: '2025-08-18' }),
        event({ id: 'strike-2', place: 'kharkiv', start: '2025-08-18T03:00+03:00', precision: 'exact' }),
        event({ id: 'call', kind: 'call', status: 'held', place: undefined, geoPrecision: 'none', start: '2025-08-16' }),
        event({ id: 'proposal', kind: 'proposal', status: 'declined', place: 'moscow', start: '2025-08-19' }),
        event({ id: 'night', place: 'kyiv', start: '2025-08-20', sites: [{ name: 'Kyiv', place: 'kyiv' }, { name: 'Lviv', place: 'lviv' }] }),
        event({ id: 'markup', kind: 'statement', status: 'unverified', statusNote: 'Not confirmed.', place: 'bakhmut', start: '2025-08-21' }),
        event({ id: 'later', place: 'kyiv', start: '2025-10-01' }),
      ],
    }),
  );
}

/** The story's shape: strikes across Ukraine, a letter and then a summit at one spot in Alaska. */
function farData(): Dataset {
  return valid(
    dataset({
      places: [
        place({ id: 'kyiv', name: 'Kyiv' }),
        place({ id: 'kharkiv', name: 'Kharkiv', lat: KHARKIV[1], lon: KHARKIV[0] }),
        place({ id: 'odesa', name: 'Odesa', lat: 46.4857, lon: 30.7434 }),
        place({ id: 'lviv', name: 'Lviv', lat: 49.8425, lon: 24.0322 }),
        place({ id: 'jber', name: 'Anchorage', lat: ANCHORAGE[1], lon: ANCHORAGE[0], country: 'US' }),
      ],
      events: [
        event({ id: 'letter', kind: 'statement', status: 'held', place: 'jber', start: '2025-08-15T09:00-08:00', precision: 'exact', title: 'A letter is handed over' }),
        event({ id: 'summit', kind: 'meeting', status: 'held', place: 'jber', start: '2025-08-15T11:00-08:00', precision: 'exact', title: 'The summit' }),
        ...['kyiv', 'kharkiv', 'odesa', 'lviv', 'kyiv', 'kharkiv'].map((p, i) => event({ id: `strike-${i}`, place: p, start: `2025-08-1${6 + (i % 3)}` })),
      ],
    }),
  );
}

let element: CmMap | undefined;
afterEach(() => {
  element?.remove();
  element = undefined;
});

/** Resolves on the next `cm-view-ready`: everything set before it has been drawn. */
function drawn(el: CmMap): Promise<void> {
  return new Promise((resolve) => el.addEventListener('cm-view-ready', () => resolve(), { once: true }));
}

async function mount(props: Partial<CmMap> = {}, d: Dataset = data(), size = { width: 400, height: 300 }): Promise<CmMap> {
  const el = document.createElement('cm-map');
  // Small enough for the test frame's viewport, so a click anywhere on it needs no scrolling.
  el.style.cssText = `width: ${size.width}px; height: ${size.height}px;`;
  Object.assign(el, { data: d, window: WINDOW }, props);
  element = el;
  const ready = drawn(el);
  document.body.append(el);
  await ready;
  return el;
}

/** Sets properties as the root does and waits until the map has drawn them. */
async function change(el: CmMap, props: Partial<CmMap>): Promise<void> {
  const ready = drawn(el);
  Object.assign(el, props);
  await ready;
}

/** Waits until the map is still and its overlays (labels, edge markers) are laid out for it. */
async function settled(el: CmMap): Promise<void> {
  const map = el.mapLibre;
  if (map) {
    await new Promise<void>((resolve) => {
      if (!map.isMoving() && map.loaded()) resolve();
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await el.updateComplete;
}

function picks(el: CmMap): (string | null)[] {
  const picked: (string | null)[] = [];
  el.addEventListener('cm-pick', (e: PickEvent) => picked.push(e.id));
  return picked;
}

const shadow = (el: CmMap) => el.shadowRoot!;
const canvas = (el: CmMap) => shadow(el).querySelector('canvas')!;
const svgOf = (el: CmMap) => shadow(el).querySelector<SVGSVGElement>('svg.fallback')!;
const findBox = (el: CmMap) => shadow(el).querySelector('cm-places')!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
const options = (el: CmMap) => [...shadow(el).querySelector('cm-places')!.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const edgeMarkers = (el: CmMap) => [...shadow(el).querySelectorAll<HTMLButtonElement>('.edge')];
const tip = (el: CmMap) => shadow(el).querySelector<HTMLElement>('.tip');

/** The labels drawn: HTML over the WebGL canvas, text in the SVG. */
function labels(el: CmMap): { place: string; text: string; box: DOMRect }[] {
  const nodes = el.mapLibre ? shadow(el).querySelectorAll<HTMLElement>('.labels .label') : shadow(el).querySelectorAll<SVGTextElement>('svg.fallback .labels text');
  return [...nodes].map((n) => ({ place: n.dataset.place!, text: n.textContent!, box: n.getBoundingClientRect() }));
}

/** The place names offered by "Find a place" for a query (empty: the busiest). */
async function offered(el: CmMap, query = ''): Promise<string[]> {
  const input = findBox(el);
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await shadow(el).querySelector('cm-places')!.updateComplete;
  const names = options(el).map((o) => o.getAttribute('aria-label')!);
  input.blur();
  return names;
}

/** Where the map draws a point, in CSS px from the element's top left. */
function screenPosition(el: CmMap, [lon, lat]: [number, number]): { x: number; y: number } {
  if (el.mapLibre) return el.mapLibre.project([lon, lat]);
  const id = el.data!.places.find((p) => p.lon === lon && p.lat === lat)!.id;
  const use = svgOf(el).querySelector<SVGUseElement>(`use.place[data-place="${id}"]`)!;
  return { x: Number(use.getAttribute('x')), y: Number(use.getAttribute('y')) };
}

/** The surface a reader clicks: the WebGL canvas or the SVG fallback, both the element's size. */
const surface = (el: CmMap) => (el.mapLibre ? canvas(el) : svgOf(el));

/** The icon of the place mark drawn at a point (the topmost one). */
function iconAt(el: CmMap, point: [number, number]): string | null {
  if (el.mapLibre) {
    const f = el.mapLibre.queryRenderedFeatures(el.mapLibre.project(point), { layers: ['places'] })[0];
    return f ? String(f.properties.icon) : null;
  }
  const id = el.data!.places.find((p) => p.lon === point[0] && p.lat === point[1])!.id;
  return svgOf(el).querySelector(`use.place[data-place="${id}"]`)?.getAttribute('href')?.slice(3) ?? null;
}

/** Clicks where a place is drawn, as a reader would; the topmost mark there gets it. */
async function clickPlace(el: CmMap, point: [number, number]): Promise<void> {
  await userEvent.click(surface(el), { position: screenPosition(el, point) });
}

function inside(box: DOMRect, outer: DOMRect): boolean {
  return box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5 && box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5;
}

function overlapping(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/** The picked marks (selected and hovered events' own marks, above any cluster): WebGL markers or SVG rings. */
function pickedMarks(el: CmMap): { place: string; role: string }[] {
  if (el.mapLibre) {
    return [...shadow(el).querySelectorAll<HTMLElement>('.picked-mark')]
      .map((m) => ({ place: m.dataset.place!, role: m.dataset.role! }))
      .sort((a, b) => a.role.localeCompare(b.role) || a.place.localeCompare(b.place));
  }
  return [...svgOf(el).querySelectorAll('.picked circle')].map((c) => ({ place: '', role: c.getAttribute('stroke') === PALETTES.light.accent ? 'selected' : 'hovered' }));
}

/** The centre of the WebGL map's picked mark at a place, in px from the element's top left. */
function pickedMarkAt(el: CmMap, place: string, role = 'selected'): { x: number; y: number } | null {
  const mark = shadow(el).querySelector<HTMLElement>(`.picked-mark[data-place="${place}"][data-role="${role}"]`);
  if (!mark) return null;
  const box = mark.getBoundingClientRect();
  const host = el.getBoundingClientRect();
  return { x: box.left + box.width / 2 - host.left, y: box.top + box.height / 2 - host.top };
}

/** True when a point of the map (px from its top left) is under none of the controls over it. */
function clearOfControls(el: CmMap, { x, y }: { x: number; y: number }): boolean {
  const host = el.getBoundingClientRect();
  return [...shadow(el).querySelectorAll('cm-places, .controls')].every((c) => {
    const r = c.getBoundingClientRect();
    return x < r.left - host.left || x > r.right - host.left || y < r.top - host.top || y > r.bottom - host.top;
  });
}

/** Where the SVG map looks (its camera is internal state; the tests read it to redraw what it should show). */
const svgCameraOf = (el: CmMap) => (el as unknown as { svgCamera: Camera }).svgCamera;

/** The SVG map's projection, from Kharkiv's drawn mark and the SVG's camera, for points with no mark. */
function fallbackProjectionOf(el: CmMap): (p: [number, number]) => { x: number; y: number } {
  const ref = el.data!.places.find((p) => p.id === 'kharkiv')!;
  const at = screenPosition(el, [ref.lon, ref.lat]);
  const camera = svgCameraOf(el);
  const k = (512 * 2 ** camera.zoom) / 360;
  const merc = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;
  return ([lon, lat]) => ({ x: at.x + (lon - ref.lon) * k, y: at.y - (merc(lat) - merc(ref.lat)) * k });
}

/** The number of DOM nodes in an element, its shadow tree included. */
function nodesIn(root: Node): number {
  let n = 1;
  const shadowRoot = (root as Element).shadowRoot;
  if (shadowRoot) n += nodesIn(shadowRoot);
  for (const child of root.childNodes) n += nodesIn(child);
  return n;
}

describe('<cm-map>', () => {
  describe.each(['auto', 'svg'] as const)('with renderer %s', (renderer) => {
    const drawnWith = renderer === 'auto' ? 'webgl' : 'svg';

    it('draws the placed events in the window that pass the filters, each once, in time order', async () => {
      const el = await mount({ renderer });
      expect(el.getAttribute('drawn-with')).toBe(drawnWith);
      expect(el.renderedEventIds()).toEqual(IN_WINDOW);
    });

    it('follows a new window and new filters', async () => {
      const el = await mount({ renderer });
      await change(el, { window: [Date.UTC(2025, 7, 19), Date.UTC(2025, 7, 20, 12)] });
      expect(el.renderedEventIds()).toEqual(['proposal', 'night']);
      await change(el, { filters: filtersShowing(el.data!, ['proposal', 'statement'], undefined) });
      expect(el.renderedEventIds()).toEqual(['proposal']);
      await change(el, { window: WINDOW, filters: filtersShowing(el.data!, undefined, ['unverified', 'declined']) });
      expect(el.renderedEventIds()).toEqual(['proposal', 'markup']);
    });

    it('shows a new dataset in place of the old one', async () => {
      const el = await mount({ renderer });
      const next = valid(dataset({ places: [place({ id: 'odesa', name: 'Odesa', lat: 46.4857, lon: 30.7434 })], events: [event({ id: 'port', place: 'odesa' })] }));
      await change(el, { data: next });
      expect(el.renderedEventIds()).toEqual(['port']);
      expect(await offered(el)).toEqual(['Odesa, 1 event']);
    });

    it('picks the earlier of two equally important events at a shared spot, then the other on each click', async () => {
      const el = await mount({ renderer });
      const picked = picks(el);
      await clickPlace(el, KHARKIV);
      await vi.waitFor(() => expect(picked).toEqual(['strike-1']));
      await change(el, { selected: 'strike-1' });
      await clickPlace(el, KHARKIV);
      await vi.waitFor(() => expect(picked).toEqual(['strike-1', 'strike-2']));
      await change(el, { selected: 'strike-2' });
      await clickPlace(el, KHARKIV);
      await vi.waitFor(() => expect(picked).toEqual(['strike-1', 'strike-2', 'strike-1']));
    });

    it('shows the summit, not the earlier letter, on top where both happened, and picks it first', async () => {
      const el = await mount({ renderer, window: [Date.UTC(2025, 7, 15, 12), Date.UTC(2025, 7, 15, 20)] }, farData());
      expect(el.renderedEventIds()).toEqual(['letter', 'summit']);
      expect(iconAt(el, ANCHORAGE)).toBe('meeting-solid');
      const picked = picks(el);
      await clickPlace(el, ANCHORAGE);
      await vi.waitFor(() => expect(picked).toEqual(['summit']));
      await change(el, { selected: 'summit' });
      await clickPlace(el, ANCHORAGE);
      await vi.waitFor(() => expect(picked).toEqual(['summit', 'letter']));
    });

    it('labels places with the count where events crowd, in the reader’s language', async () => {
      const el = await mount({ renderer, language: 'uk' });
      await settled(el);
      expect(await offered(el, 'харк')).toEqual(['Харків, 2 події']);
      const texts = labels(el).map((l) => l.text);
      expect(texts).toContain('Харків · 2');
      expect(texts).toContain('Lviv');
      expect(new Set(labels(el).map((l) => l.place)).size).toBe(texts.length);
    });

    it('shows markup in a place name as text', async () => {
      // Wide enough for the long name beside its mark: a label never runs off the map.
      const el = await mount({ renderer, window: [Date.UTC(2025, 7, 21), Date.UTC(2025, 7, 21, 12)] }, data(), { width: 700, height: 300 });
      await settled(el);
      expect(await offered(el)).toEqual([`${MARKUP}, 1 event`]);
      expect(labels(el).map((l) => l.text)).toEqual([MARKUP]);
      expect(shadow(el).querySelector('img, b')).toBeNull();
      expect((window as { __injected?: number }).__injected).toBeUndefined();
    });

    it('fits the view to the events in the window', async () => {
      const el = await mount({ renderer });
      await change(el, { window: [Date.UTC(2025, 7, 17, 21), Date.UTC(2025, 7, 18, 12)] });
      await settled(el);
      expect(el.renderedEventIds()).toEqual(['strike-1', 'strike-2']);
      // In the middle of the map, nudged off the controls over its top and right.
      const { width, height } = el.getBoundingClientRect();
      const at = screenPosition(el, KHARKIV);
      expect(Math.abs(at.x - width / 2)).toBeLessThan(16);
      expect(Math.abs(at.y - height / 2)).toBeLessThan(16);
      expect(clearOfControls(el, at)).toBe(true);
    });

    it('shows a far place as an edge marker that brings it into view, and counts its events as drawn', async () => {
      const el = await mount({ renderer, reducedMotion: true, window: [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 20)] }, farData(), { width: 600, height: 400 });
      await settled(el);
      const host = el.getBoundingClientRect();
      const [marker, ...others] = edgeMarkers(el);
      expect(others).toEqual([]);
      expect(marker!.getAttribute('aria-label')).toMatch(/^Anchorage, 2 events, off the map to the (east|west|north-east|north-west)\. Show it on the map\.$/);
      expect(marker!.textContent).toContain('Anchorage · 2');
      expect(inside(marker!.getBoundingClientRect(), host)).toBe(true);
      const kyiv = screenPosition(el, KYIV);
      expect(kyiv.x).toBeGreaterThan(0);
      expect(kyiv.x).toBeLessThan(600);
      expect(el.renderedEventIds()).toHaveLength(8);
      marker!.click();
      await settled(el);
      const alaska = screenPosition(el, ANCHORAGE);
      expect(alaska.x).toBeGreaterThan(0);
      expect(alaska.x).toBeLessThan(600);
      expect(alaska.y).toBeGreaterThan(0);
      expect(alaska.y).toBeLessThan(400);
      expect(iconAt(el, ANCHORAGE)).toBe('meeting-solid');
    });

    it('shows the date and headline of the most important event under the pointer, with how many more, inside the map', async () => {
      const el = await mount({ renderer });
      await settled(el);
      await userEvent.hover(surface(el), { position: screenPosition(el, KHARKIV) });
      await vi.waitFor(() => expect(tip(el)).not.toBeNull());
      const strike = el.data!.eventById.get('strike-1')!;
      expect(tip(el)!.textContent!.replace(/\s+/g, ' ').trim()).toBe(`${formatEventWhen(strike, 'en')} ${strike.title} +1 more`);
      expect(inside(tip(el)!.getBoundingClientRect(), el.getBoundingClientRect())).toBe(true);
      await userEvent.hover(surface(el), { position: { x: 3, y: 295 } });
      await vi.waitFor(() => expect(tip(el)).toBeNull());
    });

    it('gives places holding search matches a halo and dims the others', async () => {
      const el = await mount({ renderer });
      await change(el, { searchMatches: new Set(['proposal']) });
      await settled(el);
      if (el.mapLibre) {
        const halos = el.mapLibre.queryRenderedFeatures({ layers: ['match-halos'] });
        expect(halos).toHaveLength(1);
        const dimmed = el.mapLibre.queryRenderedFeatures({ layers: ['places'] }).filter((f) => f.properties.m === 0);
        expect(dimmed.length).toBe(4);
      } else {
        expect(svgOf(el).querySelector('.halos')).not.toBeNull();
        const opacity = [...svgOf(el).querySelectorAll('use.place')].map((u) => [u.getAttribute('data-place'), u.getAttribute('opacity')]);
        expect(opacity.filter(([, o]) => o === '1').map(([p]) => p)).toEqual(['moscow']);
      }
      expect(el.renderedEventIds()).toEqual(IN_WINDOW);
    });

    it('keeps the places of a story step in view', async () => {
      const el = await mount({ renderer, reducedMotion: true, window: [Date.UTC(2025, 7, 17, 21), Date.UTC(2025, 7, 18, 12)] });
      await change(el, { focusPlaces: ['lviv'] });
      await settled(el);
      // Lviv has no event in this window, yet the fit shows it with Kharkiv, both clear of the controls.
      const kharkiv = screenPosition(el, KHARKIV);
      const lviv = el.mapLibre ? el.mapLibre.project(LVIV) : fallbackProjectionOf(el)(LVIV);
      for (const p of [kharkiv, lviv]) {
        expect(p.x).toBeGreaterThan(0);
        expect(p.x).toBeLessThan(400);
        expect(p.y).toBeGreaterThan(0);
        expect(p.y).toBeLessThan(300);
        expect(clearOfControls(el, p)).toBe(true);
      }
      expect(kharkiv.x - lviv.x).toBeGreaterThan(200);
    });

    it('zooms in and out with its buttons', async () => {
      // Kharkiv's selected mark is drawn even where Kharkiv is inside a cluster.
      const el = await mount({ renderer, reducedMotion: true, selected: 'strike-1' });
      await settled(el);
      const picked = () => svgOf(el).querySelector<SVGUseElement>('.picked use')!;
      const at = () => (el.mapLibre ? el.mapLibre.project(KHARKIV) : { x: Number(picked().getAttribute('x')), y: Number(picked().getAttribute('y')) });
      const [zoomIn, zoomOut] = shadow(el).querySelectorAll<HTMLButtonElement>('.controls button');
      const centre = { x: 200, y: 150 };
      const distance = () => Math.hypot(at().x - centre.x, at().y - centre.y);
      const before = distance();
      zoomIn!.click();
      await settled(el);
      expect(distance() / before).toBeCloseTo(2, 1);
      zoomOut!.click();
      zoomOut!.click();
      await settled(el);
      expect(distance() / before).toBeCloseTo(0.5, 1);
    });
  });

  describe('drawn with WebGL', () => {
    it('draws the selected event’s own mark at every place it has, ringed, and drops the previous one', async () => {
      const el = await mount();
      await change(el, { selected: 'night' });
      expect(pickedMarks(el)).toEqual([
        { place: 'kyiv', role: 'selected' },
        { place: 'lviv', role: 'selected' },
      ]);
      await change(el, { selected: 'proposal' });
      expect(pickedMarks(el)).toEqual([{ place: 'moscow', role: 'selected' }]);
      await settled(el);
      const { x, y } = el.mapLibre!.project([37.6175, 55.752]);
      const mark = pickedMarkAt(el, 'moscow')!;
      expect(Math.hypot(mark.x - x, mark.y - y)).toBeLessThan(1);
    });

    it('marks a selection and hover set before the map had loaded', async () => {
      const el = await mount({ selected: 'strike-2', hovered: 'proposal' });
      expect(pickedMarks(el)).toEqual([
        { place: 'moscow', role: 'hovered' },
        { place: 'kharkiv', role: 'selected' },
      ]);
      expect(shadow(el).querySelector<HTMLElement>('.picked-mark.selected')!.style.backgroundImage).toMatch(/^url\("data:image\/png;base64,/);
    });

    it('keeps the selection ringed when a new window rebuilds the places', async () => {
      const el = await mount({ selected: 'proposal' });
      await change(el, { window: [Date.UTC(2025, 7, 19), Date.UTC(2025, 7, 22)] });
      expect(pickedMarks(el)).toEqual([{ place: 'moscow', role: 'selected' }]);
      expect(el.renderedEventIds()).toEqual(['proposal', 'night', 'markup']);
    });

    it('tells whether it draws in a frame: when a new window’s tiles arrive, in the frame it draws, and not once it is still', async () => {
      const el = await mount();
      await settled(el);
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      expect(el.drawsInFrame(await frame())).toBe(false);
      const map = el.mapLibre!;
      // Heard after the map's own listeners: a place tile has just arrived and will be drawn; a frame is being drawn.
      const seen: boolean[] = [];
      const onTile = (e: { sourceId?: string; tile?: unknown }) => {
        if (e.sourceId === 'places' && e.tile) seen.push(el.drawsInFrame(performance.now()));
      };
      const drawing: boolean[] = [];
      const onRender = () => drawing.push(el.drawsInFrame(document.timeline.currentTime as number));
      // `idle` comes in the frame of the last draw, once nothing more is due: that frame is still drawn.
      let lastFrame: boolean | null = null;
      const onIdle = () => (lastFrame = el.drawsInFrame(document.timeline.currentTime as number));
      map.on('sourcedata', onTile);
      map.on('render', onRender);
      map.on('idle', onIdle);
      const idle = new Promise((resolve) => map.once('idle', resolve));
      await change(el, { window: [Date.UTC(2025, 7, 19), Date.UTC(2025, 7, 22)] });
      await idle;
      map.off('sourcedata', onTile);
      map.off('render', onRender);
      map.off('idle', onIdle);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every(Boolean)).toBe(true);
      expect(drawing.length).toBeGreaterThan(0);
      expect(drawing.every(Boolean)).toBe(true);
      expect(lastFrame).toBe(true);
      await settled(el);
      expect(el.drawsInFrame(await frame())).toBe(false);
    });

    it('reports a new window drawn in the frame that shows it, not MapLibre’s next one, which draws the same picture', async () => {
      const el = await mount({ reducedMotion: true });
      await settled(el);
      const map = el.mapLibre!;
      const canvas = map.getCanvas();
      // Read in the task that drew the frame, before the browser presents (and clears) it.
      let renders = 0;
      const onRender = () => renders++;
      let reported: { picture: string; renders: number } | null = null;
      const onReady = () => (reported ??= { picture: canvas.toDataURL(), renders });
      const idle = new Promise<{ picture: string; renders: number }>((resolve) => map.once('idle', () => resolve({ picture: canvas.toDataURL(), renders })));
      map.on('render', onRender);
      el.addEventListener('cm-view-ready', onReady);
      const before = canvas.toDataURL();
      // Kyiv, Lviv and Bakhmut: Kharkiv's place goes, so the place tiles change.
      await change(el, { window: [Date.UTC(2025, 7, 19, 12), Date.UTC(2025, 7, 22)] });
      const settledFrame = await idle;
      map.off('render', onRender);
      el.removeEventListener('cm-view-ready', onReady);
      expect(reported).not.toBeNull();
      expect(reported!.picture).toBe(settledFrame.picture);
      expect(reported!.picture).not.toBe(before);
      expect(reported!.renders).toBeLessThan(settledFrame.renders);
    });

    it('reports a change that leaves the picture as it is drawn at once, without drawing a frame for it', async () => {
      const el = await mount({ reducedMotion: true });
      await settled(el);
      const map = el.mapLibre!;
      let renders = 0;
      const onRender = () => renders++;
      map.on('render', onRender);
      const view = map.getCenter();
      // Kyiv is in the story already: the story is fitted again, to where the map already is.
      await change(el, { focusPlaces: ['kyiv'] });
      map.off('render', onRender);
      expect(map.getCenter()).toEqual(view);
      expect(renders).toBe(0);
    });

    it('keeps the view when a fit would move it by less than a reader can see, and fits when it would not', async () => {
      const el = await mount({ reducedMotion: true });
      await settled(el);
      const map = el.mapLibre!;
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Show every place of the time window"]')!;
      const centre = () => map.project(map.getCenter());
      let moves = 0;
      map.on('movestart', () => moves++);
      button.click();
      await settled(el);
      const fitted = map.getCenter();
      /** Moves the view `px` to the side, asks for the fit again: whether the view moved, and how far from the fit it ends. */
      const nudgeAndFit = async (px: number) => {
        map.panBy([px, 0], { duration: 0 });
        await settled(el);
        moves = 0;
        button.click();
        await settled(el);
        const at = map.project(fitted);
        return { moves, away: Math.hypot(at.x - centre().x, at.y - centre().y) };
      };
      const small = await nudgeAndFit(3);
      expect(small.moves).toBe(0);
      expect(small.away).toBeCloseTo(3, 0);
      const large = await nudgeAndFit(20);
      expect(large.moves).toBe(1);
      expect(large.away).toBeLessThan(0.5);
    });

    it('shows a new window’s place tiles all at once, so the map draws it once and not half old, half new', async () => {
      // While playing, the camera stays where the reader left it as the window moves.
      const el = await mount({ reducedMotion: true });
      await change(el, { playing: true });
      const map = el.mapLibre!;
      // Four place tiles (zoom 2, the view across the corner they share) hold the window's places.
      map.jumpTo({ center: [0, 0], zoom: 2 });
      await settled(el);
      // Tasks are told apart by a message posted from the first tile event of each.
      let task = 0;
      let marked = false;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        task++;
        marked = false;
      };
      const arrivals: number[] = [];
      const onTile = (e: { sourceId?: string; tile?: unknown }) => {
        if (e.sourceId !== 'places' || !e.tile) return;
        arrivals.push(task);
        if (!marked) channel.port2.postMessage(null);
        marked = true;
      };
      let renders = 0;
      const onRender = () => renders++;
      map.on('sourcedata', onTile);
      map.on('render', onRender);
      await change(el, { window: [Date.UTC(2025, 7, 18), Date.UTC(2025, 7, 20)] });
      map.off('sourcedata', onTile);
      map.off('render', onRender);
      channel.port1.close();
      expect(arrivals.length).toBeGreaterThanOrEqual(2);
      expect(arrivals, `renders ${renders}`).toEqual(arrivals.map(() => arrivals[0]));
      // One draw of the new tiles, one more in which MapLibre places their symbols again.
      expect(renders).toBeLessThanOrEqual(2);
    });

    it('brings a selected event into view without zooming out', async () => {
      const el = await mount({ reducedMotion: true });
      const map = el.mapLibre!;
      map.jumpTo({ center: [-100, 40], zoom: 5 });
      await change(el, { selected: 'strike-1' });
      const { x, y } = map.project(KHARKIV);
      expect(map.getZoom()).toBeCloseTo(5);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(400);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(300);
    });

    it('reports hover once when the pointer enters a mark and once when it leaves', async () => {
      const el = await mount();
      await settled(el);
      const hovers: (string | null)[] = [];
      el.addEventListener('cm-hover', (e: HoverEvent) => hovers.push(e.id));
      const { x, y } = el.mapLibre!.project(KYIV);
      await userEvent.hover(canvas(el), { position: { x, y } });
      await userEvent.hover(canvas(el), { position: { x: x + 1, y: y + 1 } });
      await userEvent.hover(canvas(el), { position: { x: 5, y: 295 } });
      await vi.waitFor(() => expect(hovers).toEqual(['night', null]));
      expect(canvas(el).style.cursor).toBe('');
    });

    it('draws the 1:110m basemap when zoomed out and the 1:50m one, fetched when needed, when zoomed in', async () => {
      const el = await mount({ reducedMotion: true });
      const map = el.mapLibre!;
      const landAt = async (zoom: number) => {
        map.jumpTo({ center: [30.52, 50.45], zoom });
        await settled(el);
        return map.queryRenderedFeatures(map.project([30.52, 50.45]), { layers: ['land', ...(map.getLayer('land-detail') ? ['land-detail'] : [])] }).map((f) => f.layer.id);
      };
      expect(await landAt(3)).toEqual(['land']);
      expect(map.getLayer('land-detail')).toBeUndefined();
      await landAt(6);
      await vi.waitFor(() => expect(map.getLayer('land-detail')).toBeDefined());
      expect(await landAt(6)).toEqual(['land-detail']);
      expect(await landAt(1)).toEqual(['land']);
    });

    it('follows the theme', async () => {
      const el = await mount();
      await change(el, { theme: 'dark' });
      expect(el.mapLibre!.getPaintProperty('water', 'background-color')).toBe(PALETTES.dark.water);
    });

    it('removes the map when taken out of the page and builds a new one when put back', async () => {
      const el = await mount();
      const first = el.mapLibre!;
      el.remove();
      expect(el.mapLibre).toBeNull();
      expect(shadow(el).querySelector('canvas')).toBeNull();
      const ready = drawn(el);
      document.body.append(el);
      await ready;
      expect(el.mapLibre).not.toBeNull();
      expect(el.mapLibre).not.toBe(first);
      expect(el.renderedEventIds()).toEqual(IN_WINDOW);
    });

    it('leaves one live WebGL context after being taken out and put back 30 times', async () => {
      const contexts: WebGL2RenderingContext[] = [];
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        const context = (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
        if (type === 'webgl2' && context && !contexts.includes(context as WebGL2RenderingContext)) contexts.push(context as WebGL2RenderingContext);
        return context;
      } as typeof original;
      try {
        const el = await mount();
        for (let i = 0; i < 30; i++) {
          el.remove();
          const ready = drawn(el);
          document.body.append(el);
          await ready;
        }
        expect(contexts.length).toBeGreaterThanOrEqual(31);
        expect(contexts.filter((c) => !c.isContextLost())).toHaveLength(1);
        expect(el.renderedEventIds()).toEqual(IN_WINDOW);
      } finally {
        HTMLCanvasElement.prototype.getContext = original;
      }
    }, 120_000);

    it('draws the lost WebGL context again when the browser gives it back, keeping selection, window and filters', async () => {
      const el = await mount({ selected: 'night', filters: filtersShowing(data(), ['attack'], undefined) });
      const lose = canvas(el).getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
      const lost = new Promise((resolve) => el.mapLibre!.once('webglcontextlost', resolve));
      lose.loseContext();
      await lost;
      // Chromium gives a context back no sooner than the task after it was lost.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const restored = new Promise((resolve) => el.mapLibre!.once('webglcontextrestored', resolve));
      lose.restoreContext();
      await restored;
      await settled(el);
      expect(el.getAttribute('drawn-with')).toBe('webgl');
      expect(el.renderedEventIds()).toEqual(['strike-1', 'strike-2', 'night']);
      expect(pickedMarks(el).map((m) => m.role)).toEqual(['selected', 'selected']);
    });

    it('holds one view of the whole period while playing, where a window change alone follows the window', async () => {
      // The strikes' days begin at 21:00 UTC the evening before, Kyiv time.
      const alaska: TimeWindow = [Date.UTC(2025, 7, 15, 12), Date.UTC(2025, 7, 15, 20)];
      const strikes: TimeWindow = [Date.UTC(2025, 7, 16), Date.UTC(2025, 7, 19)];
      const el = await mount({ window: alaska, reducedMotion: true }, farData(), { width: 600, height: 400 });
      const map = el.mapLibre!;
      const inView = (p: [number, number]) => {
        const { x, y } = map.project(p);
        return x >= 0 && x <= 600 && y >= 0 && y <= 400;
      };
      const camera = () => ({ ...map.getCenter(), zoom: map.getZoom() });
      await settled(el);
      expect([inView(ANCHORAGE), inView(KHARKIV)]).toEqual([true, false]);
      await change(el, { window: strikes });
      await settled(el);
      expect([inView(ANCHORAGE), inView(KHARKIV)]).toEqual([false, true]);
      await change(el, { window: alaska });
      await settled(el);
      expect([inView(ANCHORAGE), inView(KHARKIV)]).toEqual([true, false]);

      // Playing: the whole period's story (most of its events are in Ukraine), whatever the window.
      await change(el, { playing: true });
      await settled(el);
      const held = camera();
      expect([inView(ANCHORAGE), inView(KHARKIV)]).toEqual([false, true]);
      for (const window of [strikes, alaska]) {
        await change(el, { window });
        await settled(el);
        expect(camera()).toEqual(held);
      }
      // What is drawn and pointed to still follows the window: Alaska's events, by an edge marker.
      expect(el.renderedEventIds()).toEqual(['letter', 'summit']);
      expect([...shadow(el).querySelectorAll('.edge')].map((b) => b.textContent)).toEqual([expect.stringContaining('Anchorage')]);
    });

    describe('at 10,000 places', () => {
      const big = () => valid(distinctPlacesDataset(10_000, 3));

      it('draws clusters holding every event, zooms into one on a click, and keeps a selected event inside one visible and ringed', async () => {
        const d = big();
        const selected = d.events[1234]!;
        const el = await mount({ window: d.extent, reducedMotion: true, selected: selected.id }, d, { width: 600, height: 400 });
        await settled(el);
        const map = el.mapLibre!;
        const clusters = map.queryRenderedFeatures({ layers: ['clusters'] });
        expect(clusters.length).toBeGreaterThan(10);
        expect(new Set(el.renderedEventIds())).toEqual(new Set(d.events.map((e) => e.id)));
        // The selected event's place is inside a cluster, yet its own mark and ring are drawn.
        const at = map.project([d.placeById.get(selected.place!)!.lon, d.placeById.get(selected.place!)!.lat]);
        expect(map.queryRenderedFeatures([at.x, at.y], { layers: ['places'] })).toEqual([]);
        const mark = pickedMarkAt(el, selected.place!)!;
        expect(Math.hypot(mark.x - at.x, mark.y - at.y)).toBeLessThan(1);
        // The map's own DOM stays small: marks and clusters are on the canvas.
        expect(nodesIn(el)).toBeLessThan(300);
        const zoom = map.getZoom();
        // The cluster nearest the middle, away from the controls.
        const { x, y } = clusters
          .map((f) => map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]))
          .sort((a, b) => Math.hypot(a.x - 300, a.y - 200) - Math.hypot(b.x - 300, b.y - 200))[0]!;
        await userEvent.click(canvas(el), { position: { x, y } });
        await vi.waitFor(() => expect(map.getZoom()).toBeGreaterThan(zoom + 0.5));
      }, 60_000);

      it('keeps up with a window that moves every frame, as in playback, and ends drawing the last one', async () => {
        const d = big();
        const el = await mount({ window: d.extent, reducedMotion: true }, d, { width: 600, height: 400 });
        const [first, last] = d.extent;
        const month = 30 * 86_400_000;
        let window: TimeWindow = [first, first + month];
        for (let i = 0; i < 20; i++) {
          window = [first + i * 7 * 86_400_000, first + i * 7 * 86_400_000 + month];
          el.window = window;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        expect(window[1]).toBeLessThan(last);
        const expected = d.events.filter((e) => e.startMs <= window[1] && e.endMs >= window[0]).map((e) => e.id);
        await vi.waitFor(() => expect(el.renderedEventIds()).toEqual(expected), { timeout: 10_000 });
      }, 60_000);
    });
  });

  describe('without WebGL', () => {
    it('falls back to SVG, says why, and draws the same events', async () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return type.startsWith('webgl') ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
      const fallbacks: string[] = [];
      document.addEventListener('cm-map-fallback', (e) => fallbacks.push((e as MapFallbackEvent).reason), { once: true, capture: true });
      try {
        const el = await mount();
        expect(el.getAttribute('drawn-with')).toBe('svg');
        expect(fallbacks).toHaveLength(1);
        expect(fallbacks[0]).toMatch(/WebGL/);
        expect(el.renderedEventIds()).toEqual(IN_WINDOW);
      } finally {
        HTMLCanvasElement.prototype.getContext = original;
      }
    });

    it('switches to SVG when the WebGL context is lost for good, keeping selection, window and filters', async () => {
      const el = await mount({ selected: 'night', filters: filtersShowing(data(), ['attack'], undefined) });
      const fell = new Promise<string>((resolve) => el.addEventListener('cm-map-fallback', (e: MapFallbackEvent) => resolve(e.reason), { once: true }));
      canvas(el).getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
      expect(await fell).toMatch(/lost/);
      await vi.waitFor(() => expect(el.getAttribute('drawn-with')).toBe('svg'));
      await settled(el);
      expect(el.renderedEventIds()).toEqual(['strike-1', 'strike-2', 'night']);
      expect(pickedMarks(el).map((m) => m.role)).toEqual(['selected', 'selected']);
    });

    it('draws a distant view from the 1:110m basemap, and a close one from the 1:50m once fetched', async () => {
      const el = await mount({ renderer: 'svg', window: [Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 2)] });
      const land = () => svgOf(el).querySelector('path.land')!.getAttribute('d')!;
      const drawnWith = (basemap: Basemap) => basemapPaths(basemap, projectionFor(svgCameraOf(el), 400, 300)).land;
      const [coarse, fine] = await Promise.all([loadBasemap('coarse'), loadBasemap('fine')]);
      expect(svgCameraOf(el).zoom).toBeLessThan(1);
      expect(land()).toBe(drawnWith(coarse));
      await change(el, { window: [Date.UTC(2025, 7, 17, 21), Date.UTC(2025, 7, 18, 12)] });
      expect(svgCameraOf(el).zoom).toBe(7);
      await vi.waitFor(() => expect(land()).toBe(drawnWith(fine)));
    });

    it('rings the selected event at every place it has, and the hovered one', async () => {
      const el = await mount({ renderer: 'svg' });
      await change(el, { selected: 'night', hovered: 'proposal' });
      const rings = [...svgOf(el).querySelectorAll('.picked circle')].map((c) => c.getAttribute('stroke'));
      expect(rings.sort()).toEqual([PALETTES.light.accent, PALETTES.light.accent, PALETTES.light.muted].sort());
    });

    it('keeps its DOM bounded for a large dataset: a mark per place or cluster in view, never per event', async () => {
      const d = valid(syntheticDataset(20_000));
      const placed = d.events.filter((e) => e.place);
      const el = await mount({ renderer: 'svg', window: d.extent }, d);
      expect(svgOf(el).querySelectorAll('use.place, text.cluster').length).toBeLessThan(d.places.length);
      expect(nodesIn(el)).toBeLessThan(500);
      expect(el.renderedEventIds()).toHaveLength(placed.length);
    });
  });

  describe('for print', () => {
    it('draws the SVG map while hidden, so it is there when the page is printed', async () => {
      const el = document.createElement('cm-map');
      el.style.display = 'none';
      Object.assign(el, { data: farData(), window: [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 20)], renderer: 'svg' });
      element = el;
      const ready = drawn(el);
      document.body.append(el);
      await ready;
      expect(el.renderedEventIds()).toHaveLength(8);
      expect(svgOf(el).getAttribute('viewBox')).toBe('0 0 800 460');
      // The far place is named in the picture itself, where print shows it.
      expect([...svgOf(el).querySelectorAll('.print-edges text')].map((t) => t.textContent)).toEqual([expect.stringContaining('Anchorage · 2')]);
    });
  });

  describe('labels', () => {
    it.each([
      ['auto', 360],
      ['auto', 800],
      ['svg', 360],
      ['svg', 800],
    ] as const)('never overlap, never leave the map and sit beside their own mark, at three zooms (%s, %i px wide)', async (renderer, width) => {
      const d = valid(crowdedPlacesDataset(3000, 1500, 11));
      const el = await mount({ renderer, window: d.extent, reducedMotion: true }, d, { width, height: 300 });
      const zoomIn = shadow(el).querySelector<HTMLButtonElement>('.controls button')!;
      // One level in from the fit, where some places stand alone, then one level closer each time.
      zoomIn.click();
      for (let step = 0; step < 3; step++) {
        await settled(el);
        const host = el.getBoundingClientRect();
        const placed = labels(el);
        expect(placed.length).toBeGreaterThan(0);
        expect(placed.length).toBeLessThanOrEqual(24);
        for (const [i, a] of placed.entries()) {
          expect(inside(a.box, host)).toBe(true);
          for (const b of placed.slice(i + 1)) expect(overlapping(a.box, b.box)).toBe(false);
          const p = d.placeById.get(a.place)!;
          const mark = el.mapLibre ? el.mapLibre.project([p.lon, p.lat]) : screenPosition(el, [p.lon, p.lat]);
          const x = host.left + mark.x;
          const y = host.top + mark.y;
          const dx = Math.max(a.box.left - x, 0, x - a.box.right);
          const dy = Math.max(a.box.top - y, 0, y - a.box.bottom);
          expect(Math.hypot(dx, dy)).toBeLessThan(20);
        }
        zoomIn.click();
      }
    }, 60_000);
  });

  describe('from the keyboard', () => {
    it('finds a place by name and picks its events like clicks, with a tooltip for the place under the keyboard', async () => {
      const el = await mount({ renderer: 'svg' });
      const picked = picks(el);
      const input = findBox(el);
      expect(input.getAttribute('role')).toBe('combobox');
      expect(input.getAttribute('aria-expanded')).toBe('false');
      input.focus();
      await userEvent.keyboard('khar');
      await vi.waitFor(() => expect(options(el).map((o) => o.getAttribute('aria-label'))).toEqual(['Kharkiv, 2 events']));
      expect(input.getAttribute('aria-expanded')).toBe('true');
      const active = input.getAttribute('aria-activedescendant')!;
      expect(shadow(el).querySelector('cm-places')!.shadowRoot!.getElementById(active)!.getAttribute('aria-selected')).toBe('true');
      await vi.waitFor(() => expect(tip(el)?.textContent).toContain('Drone attack on Kyiv'));
      await userEvent.keyboard('{Enter}');
      await vi.waitFor(() => expect(picked).toEqual(['strike-1']));
      expect(input.getAttribute('aria-expanded')).toBe('false');
      await change(el, { selected: 'strike-1' });
      await userEvent.keyboard('{Enter}');
      await vi.waitFor(() => expect(picked).toEqual(['strike-1', 'strike-2']));
    });

    it('offers at most 50 places, the busiest first, narrowed without regard to accents', async () => {
      const record = crowdedPlacesDataset(4000, 1500, 2);
      record.places[7]!.name = 'Mykolaïv';
      const d = valid(record);
      const el = await mount({ renderer: 'svg', window: d.extent }, d);
      findBox(el).focus();
      await userEvent.keyboard('{ArrowDown}');
      await vi.waitFor(() => expect(options(el)).toHaveLength(50));
      const counts = options(el).map((o) => Number(o.querySelector('.count')!.textContent!.replace(/\D/g, '')));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(shadow(el).querySelector('cm-places')!.shadowRoot!.querySelector('.note')!.textContent).toMatch(/^Showing 50 of [\d,]+ places\. Type to narrow the list\.$/);
      await userEvent.keyboard('mykolaiv');
      await vi.waitFor(() => expect(options(el).map((o) => o.querySelector('span')!.textContent)).toEqual(['Mykolaïv']));
      expect(nodesIn(shadow(el).querySelector('cm-places')!)).toBeLessThan(400);
      await userEvent.keyboard('{Escape}');
      expect(options(el)).toHaveLength(0);
    });
  });
});
