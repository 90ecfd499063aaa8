import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/cm-map';
import type { CmMap } from '../../src/components/cm-map';
import type { HoverEvent, MapFallbackEvent, PickEvent } from '../../src/components/events';
import type { Dataset } from '../../src/model/dataset';
import { filtersShowing, type TimeWindow } from '../../src/model/select';
import { validateValue } from '../../src/model/validate';
import { PALETTES, statusStyle } from '../../src/ui/marks';
import { syntheticDataset } from '../../scripts/synthetic';
import { loadBasemap } from '../../src/map/basemap';
import { placePosition, placesOf } from '../../src/map/features';
import { boundsOf } from '../../src/map/fit';
import { basemapPaths, fallbackProjection } from '../../src/map/svg-scene';
import { dataset, event, place } from '../fixtures/datasets';

const MARKUP = '<img src=x onerror="window.__injected=1">Bakhmut & <b>Co</b>';
const WINDOW: TimeWindow = [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 22)];
/** Placed events in WINDOW, in time order; `call` has no place, `later` is after the window. */
const IN_WINDOW = ['strike-1', 'strike-2', 'proposal', 'night', 'markup'];
const KHARKIV: [number, number] = [36.2311, 49.9925];

function data(): Dataset {
  const result = validateValue(
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
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
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

async function mount(props: Partial<CmMap> = {}, d: Dataset = data()): Promise<CmMap> {
  const el = document.createElement('cm-map');
  // Small enough for the test frame's viewport, so a click anywhere on it needs no scrolling.
  el.style.cssText = 'width: 400px; height: 300px;';
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

function picks(el: CmMap): (string | null)[] {
  const picked: (string | null)[] = [];
  el.addEventListener('cm-pick', (e: PickEvent) => picked.push(e.id));
  return picked;
}

const shadow = (el: CmMap) => el.shadowRoot!;
const canvas = (el: CmMap) => shadow(el).querySelector('canvas')!;
const placeButtons = (el: CmMap) => [...shadow(el).querySelectorAll<HTMLButtonElement>('.places button')];
const button = (el: CmMap, name: string) => placeButtons(el).find((b) => b.textContent!.trim().startsWith(name))!;

const placeAt = (el: CmMap, lon: number, lat: number) => el.data!.places.find((p) => p.lon === lon && p.lat === lat)!.id;

/** Where the map draws a point, in CSS px from the element's top left. */
function screenPosition(el: CmMap, [lon, lat]: [number, number]): { x: number; y: number } {
  if (el.mapLibre) return el.mapLibre.project([lon, lat]);
  const marker = shadow(el).querySelector<SVGGElement>(`.marker[data-key^="${placeAt(el, lon, lat)}|"]`)!;
  const [, x, y] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(marker.getAttribute('transform')!)!.map(Number);
  return { x: x!, y: y! };
}

/** The surface a reader clicks: the WebGL canvas or the SVG fallback, both the element's size. */
const surface = (el: CmMap) => (el.mapLibre ? canvas(el) : shadow(el).querySelector('svg.fallback')!);

/** Feature-state of the WebGL markers an event is drawn in, one per place it has. */
function markerStates(el: CmMap, id: string): Record<string, unknown>[] {
  const map = el.mapLibre!;
  const e = el.data!.eventById.get(id)!;
  const places = [e.place, ...(e.sites ?? []).map((s) => s.place)].filter((p, i, all): p is string => !!p && all.indexOf(p) === i);
  return places.map((placeId) => {
    const marker = map.querySourceFeatures('events').find((f) => f.properties.place === placeId && f.properties.kind === e.kind && f.properties.style === statusStyle(e.status))!;
    return map.getFeatureState({ source: 'events', id: marker.id! });
  });
}

/** Clicks where a place is drawn, as a reader would; the topmost marker there gets it. */
async function clickPlace(el: CmMap, point: [number, number]): Promise<void> {
  await userEvent.click(surface(el), { position: screenPosition(el, point) });
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
      const next = validateValue(dataset({ places: [place({ id: 'odesa', name: 'Odesa', lat: 46.4857, lon: 30.7434 })], events: [event({ id: 'port', place: 'odesa' })] }));
      if (!next.ok) throw new Error('fixture invalid');
      await change(el, { data: next.dataset });
      expect(el.renderedEventIds()).toEqual(['port']);
      expect(placeButtons(el).map((b) => b.textContent!.trim())).toEqual(['Odesa, 1 event']);
    });

    it('picks the earliest event at a crowded spot, then the next one on each click', async () => {
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

    it('labels each place once, with the count where events crowd, in the reader’s language', async () => {
      const el = await mount({ renderer, language: 'uk' });
      expect(placeButtons(el).map((b) => b.textContent!.trim())).toContain('Харків, 2 події');
      const labels = el.mapLibre
        ? el.mapLibre.queryRenderedFeatures({ layers: ['place-labels'] }).map((f) => f.properties.label)
        : [...shadow(el).querySelectorAll('.labels text')].map((t) => t.textContent);
      expect(labels).toContain('Харків · 2');
      expect(labels).toContain('Lviv');
    });

    it('shows markup in a place name as text', async () => {
      const el = await mount({ renderer, window: [Date.UTC(2025, 7, 21), Date.UTC(2025, 7, 21, 12)] });
      expect(placeButtons(el).map((b) => b.textContent!.trim())).toEqual([`${MARKUP}, 1 event`]);
      const labels = el.mapLibre
        ? el.mapLibre.queryRenderedFeatures({ layers: ['place-labels'] }).map((f) => f.properties.label)
        : [...shadow(el).querySelectorAll('.labels text')].map((t) => t.textContent);
      expect(labels).toEqual([MARKUP]);
      expect(shadow(el).querySelector('img, b')).toBeNull();
      expect((window as { __injected?: number }).__injected).toBeUndefined();
    });

    it('fits the view to the events in the window', async () => {
      const el = await mount({ renderer });
      await change(el, { window: [Date.UTC(2025, 7, 17, 21), Date.UTC(2025, 7, 18, 12)] });
      expect(el.renderedEventIds()).toEqual(['strike-1', 'strike-2']);
      const { width, height } = el.getBoundingClientRect();
      const at = screenPosition(el, KHARKIV);
      expect(Math.abs(at.x - width / 2)).toBeLessThan(2);
      expect(Math.abs(at.y - height / 2)).toBeLessThan(2);
    });
  });

  describe('drawn with WebGL', () => {
    it('marks the selected event with feature-state on every point it has, and clears the previous one', async () => {
      const el = await mount();
      await change(el, { selected: 'night' });
      expect(markerStates(el, 'night')).toEqual([{ selected: true }, { selected: true }]);
      await change(el, { selected: 'proposal' });
      expect(markerStates(el, 'night')).toEqual([{ selected: false }, { selected: false }]);
      expect(markerStates(el, 'proposal')).toEqual([{ selected: true }]);
    });

    it('marks a selection and hover set before the map had loaded', async () => {
      const el = await mount({ selected: 'strike-2', hovered: 'proposal' });
      expect(markerStates(el, 'strike-2')).toEqual([{ selected: true }]);
      expect(markerStates(el, 'proposal')).toEqual([{ hovered: true }]);
    });

    it('keeps the selection ringed when a new window rebuilds the markers', async () => {
      const el = await mount({ selected: 'proposal' });
      await change(el, { window: [Date.UTC(2025, 7, 19), Date.UTC(2025, 7, 22)] });
      expect(markerStates(el, 'proposal')).toEqual([{ selected: true }]);
      expect(el.renderedEventIds()).toEqual(['proposal', 'night', 'markup']);
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

    it('reports hover once when the pointer enters a marker and once when it leaves', async () => {
      const el = await mount();
      const hovers: (string | null)[] = [];
      el.addEventListener('cm-hover', (e: HoverEvent) => hovers.push(e.id));
      const { x, y } = el.mapLibre!.project([30.5233, 50.45]);
      await userEvent.hover(canvas(el), { position: { x, y } });
      await userEvent.hover(canvas(el), { position: { x: x + 1, y: y + 1 } });
      await userEvent.hover(canvas(el), { position: { x: 5, y: 5 } });
      await vi.waitFor(() => expect(hovers).toEqual(['night', null]));
      expect(canvas(el).style.cursor).toBe('');
    });

    it('draws the 1:110m basemap when zoomed out and the 1:50m one, fetched when needed, when zoomed in', async () => {
      const el = await mount({ reducedMotion: true });
      const map = el.mapLibre!;
      await vi.waitFor(() => expect(map.getLayer('land-detail')).toBeDefined());
      const landAt = async (zoom: number) => {
        map.jumpTo({ center: [30.52, 50.45], zoom });
        await new Promise((resolve) => {
          map.once('idle', resolve);
          map.triggerRepaint();
        });
        return map.queryRenderedFeatures(map.project([30.52, 50.45]), { layers: ['land', 'land-detail'] }).map((f) => f.layer.id);
      };
      expect(await landAt(5)).toEqual(['land-detail']);
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

    it('draws more icons than MapLibre allows in one layer of one tile', async () => {
      // Markers merge the events of a place, so it takes 40,000 places close together.
      const record = syntheticDataset(40_000);
      record.places = record.events.map((_, i) => place({ id: `q${i}`, name: `Village ${i}`, lat: 50 + (i % 200) / 400, lon: 30 + Math.floor(i / 200) / 400 }));
      record.events.forEach((e, i) => Object.assign(e, { place: `q${i}`, geoPrecision: 'city' }));
      const result = validateValue(record);
      if (!result.ok) throw new Error('synthetic dataset invalid');
      const d = result.dataset;
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      window.addEventListener('error', onError);
      const el = await mount({ window: d.extent }, d);
      window.removeEventListener('error', onError);
      expect(errors).toEqual([]);
      expect(el.getAttribute('drawn-with')).toBe('webgl');
      expect(el.renderedEventIds()).toHaveLength(40_000);
    }, 60_000);
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

    it('switches to SVG when the WebGL context is lost', async () => {
      const el = await mount();
      const fell = new Promise<string>((resolve) => el.addEventListener('cm-map-fallback', (e: MapFallbackEvent) => resolve(e.reason), { once: true }));
      canvas(el).getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
      expect(await fell).toMatch(/lost/);
      await vi.waitFor(() => expect(el.getAttribute('drawn-with')).toBe('svg'));
      expect(el.renderedEventIds()).toEqual(IN_WINDOW);
    });

    it('draws a distant view from the 1:110m basemap, and a close one from the 1:50m once fetched', async () => {
      const el = await mount({ renderer: 'svg', window: [Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 2)] });
      const land = () => shadow(el).querySelector('path.land')!.getAttribute('d')!;
      const [coarse, fine] = await Promise.all([loadBasemap('coarse'), loadBasemap('fine')]);
      expect(land()).toBe(basemapPaths(coarse, fallbackProjection(null, 400, 300)).land);
      await change(el, { window: WINDOW });
      const bounds = boundsOf(IN_WINDOW.flatMap((id) => placesOf(el.data!.eventById.get(id)!)).map((p) => placePosition(el.data!.placeById.get(p)!)));
      await vi.waitFor(() => expect(land()).toBe(basemapPaths(fine, fallbackProjection(bounds, 400, 300)).land));
    });

    it('rings the selected event at every place it has, and the hovered one', async () => {
      const el = await mount({ renderer: 'svg' });
      await change(el, { selected: 'night', hovered: 'proposal' });
      const rings = [...shadow(el).querySelectorAll('.rings circle')].map((c) => c.getAttribute('stroke'));
      expect(rings.sort()).toEqual([PALETTES.light.accent, PALETTES.light.accent, PALETTES.light.muted].sort());
    });

    it('keeps the DOM bounded for a large dataset by merging markers per place, kind and status', async () => {
      const result = validateValue(syntheticDataset(20_000));
      if (!result.ok) throw new Error('synthetic dataset invalid');
      const d = result.dataset;
      const placed = d.events.filter((e) => e.place);
      const el = await mount({ renderer: 'svg', window: d.extent }, d);
      const combinations = new Set(placed.map((e) => `${e.place} ${e.kind} ${statusStyle(e.status)}`));
      expect(shadow(el).querySelectorAll('.marker').length).toBe(combinations.size);
      expect(combinations.size).toBeLessThan(placed.length / 5);
      expect(el.renderedEventIds()).toHaveLength(placed.length);
    });
  });

  describe('for print', () => {
    it('draws the SVG map while hidden, so it is there when the page is printed', async () => {
      const el = document.createElement('cm-map');
      el.style.display = 'none';
      Object.assign(el, { data: data(), window: WINDOW, renderer: 'svg' });
      element = el;
      const ready = drawn(el);
      document.body.append(el);
      await ready;
      expect(el.renderedEventIds()).toEqual(IN_WINDOW);
      expect(shadow(el).querySelector('svg.fallback')!.getAttribute('viewBox')).toBe('0 0 800 460');
    });
  });

  describe('from the keyboard', () => {
    it('offers a button per place, shown when focused, that picks and cycles like a click', async () => {
      const el = await mount({ renderer: 'svg' });
      const list = shadow(el).querySelector('.places')!;
      expect(list.getBoundingClientRect().height).toBeLessThanOrEqual(1);
      expect(placeButtons(el).map((b) => b.textContent!.trim())).toEqual([
        `${MARKUP}, 1 event`,
        'Kharkiv, 2 events',
        'Kyiv, 1 event',
        'Lviv, 1 event',
        'Moscow, 1 event',
      ]);
      const picked = picks(el);
      button(el, 'Kharkiv').focus();
      expect(list.getBoundingClientRect().height).toBeGreaterThan(30);
      await userEvent.keyboard('{Enter}');
      await vi.waitFor(() => expect(picked).toEqual(['strike-1']));
      await change(el, { selected: 'strike-1' });
      await userEvent.keyboard(' ');
      await vi.waitFor(() => expect(picked).toEqual(['strike-1', 'strike-2']));
    });
  });
});
