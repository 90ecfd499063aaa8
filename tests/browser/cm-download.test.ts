import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/cm-download';
import type { CmDownload } from '../../src/components/cm-download';
import type { MapView } from '../../src/export/map-image';
import { validateValue } from '../../src/model/validate';
import { readCsvRows } from '../fixtures/csv-read';
import { dataset, event, place } from '../fixtures/datasets';

function data() {
  const result = validateValue(
    dataset({
      places: [place(), place({ id: 'lviv', name: 'Lviv', lat: 49.84, lon: 24.03 })],
      events: [
        event({ id: 'a', title: 'Strike on Kyiv', start: '2025-08-18' }),
        event({ id: 'b', title: 'Talks in Lviv', start: '2025-08-19', place: 'lviv', kind: 'meeting', status: 'held' }),
        event({ id: 'c', title: 'Another strike', start: '2025-08-20' }),
      ],
    }),
  );
  if (!result.ok) throw new Error('fixture invalid');
  return result.dataset;
}

/** A stand-in view: a shadow root whose stylesheet, not attributes, paints its SVG. */
function view(svgClass: string, fill: string): HTMLElement {
  const host = document.createElement('div');
  host.style.setProperty('width', '400px');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`.${svgClass} rect { fill: ${fill}; }`);
  root.adoptedStyleSheets = [sheet];
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', svgClass);
  svg.setAttribute('width', '400');
  svg.setAttribute('height', '200');
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '400');
  rect.setAttribute('height', '200');
  svg.append(rect);
  root.append(svg);
  document.body.append(host);
  return host;
}

let element: CmDownload | undefined;
const saved: { name: string; blob: Promise<Blob> }[] = [];

beforeEach(() => {
  saved.length = 0;
  // The browser would save the file; the test reads the blob behind the link instead.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: fetch(this.href).then((r) => r.blob()) });
  });
});

afterEach(() => {
  element?.remove();
  vi.restoreAllMocks();
  document.querySelectorAll('body > div').forEach((d) => d.remove());
});

async function mount(overrides: Partial<CmDownload> = {}): Promise<CmDownload> {
  const d = data();
  element = Object.assign(document.createElement('cm-download'), { data: d, events: d.events, window: [Date.UTC(2025, 7, 17), Date.UTC(2025, 7, 21)], ...overrides });
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const trigger = (el: CmDownload) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.trigger')!;
const items = (el: CmDownload) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
const focused = (el: CmDownload) => el.shadowRoot!.activeElement;
const menuOpen = (el: CmDownload) => trigger(el).getAttribute('aria-expanded') === 'true' && !el.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!.hidden;

async function choose(el: CmDownload, format: string): Promise<{ name: string; blob: Blob }> {
  trigger(el).click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-format="${format}"]`)!.click();
  await vi.waitUntil(() => saved.length > 0, { timeout: 10_000 });
  return { name: saved[0]!.name, blob: await saved[0]!.blob };
}

describe('<cm-download>', () => {
  it('is a menu button whose menu names each format', async () => {
    const el = await mount();
    expect(trigger(el).getAttribute('aria-haspopup')).toBe('menu');
    expect(menuOpen(el)).toBe(false);
    expect(items(el).map((i) => i.textContent!.trim().split(':')[0])).toEqual(['PNG', 'CSV', 'JSON', 'JSON']);
    expect(items(el)[1]!.textContent).toContain('3 events');
  });

  it('opens from the keyboard on the first item, moves with the arrows, and Escape returns to the button', async () => {
    const el = await mount();
    trigger(el).focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(menuOpen(el)).toBe(true);
    await vi.waitUntil(() => focused(el) === items(el)[0]);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(focused(el)).toBe(items(el)[2]);
    await userEvent.keyboard('{End}');
    expect(focused(el)).toBe(items(el)[3]);
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(el)).toBe(items(el)[0]);
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(menuOpen(el)).toBe(false);
    expect(focused(el)).toBe(trigger(el));
  });

  it('opens on the last item with ArrowUp, and closes when the pointer goes down elsewhere', async () => {
    const el = await mount();
    trigger(el).focus();
    await userEvent.keyboard('{ArrowUp}');
    await vi.waitUntil(() => focused(el) === items(el)[3]);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(menuOpen(el)).toBe(false);
  });

  it('saves a CSV of the events shown, only the search matches when there is a search', async () => {
    const el = await mount({ hits: new Set(['a', 'c']) });
    const { name, blob } = await choose(el, 'csv');
    expect(name).toMatch(/^test-dataset-events-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readCsvRows((await blob.text()).replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['a', 'c']);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).toContain(name);
  });

  it('saves the events shown as a dataset that opens on the window shown', async () => {
    const el = await mount();
    const { blob } = await choose(el, 'json');
    const back = validateValue(JSON.parse(await blob.text()));
    expect(back.ok && back.dataset.events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(JSON.parse(await blob.text()).view).toEqual({ from: '2025-08-17T00:00:00.000Z', to: '2025-08-21T00:00:00.000Z' });
  });

  it('draws a 3200 × 1800 PNG with the map and the timeline painted as their stylesheets paint them', async () => {
    const map = view('fallback', 'rgb(200, 0, 0)') as unknown as MapView;
    Object.defineProperty(map, 'mapLibre', { value: null });
    const timeline = view('plot', 'rgb(0, 0, 200)');
    const el = await mount({ selected: 'b' });
    el.views = () => ({ map, timeline });
    const { name, blob } = await choose(el, 'png');
    expect(name).toMatch(/^test-dataset-\d{4}-\d{2}-\d{2}\.png$/);
    expect(blob.type).toBe('image/png');
    const bitmap = await createImageBitmap(blob);
    expect([bitmap.width, bitmap.height]).toEqual([3200, 1800]);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const colours = new Set<string>();
    const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    for (let i = 0; i < pixels.length; i += 4 * 97) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
    expect(colours.has('200,0,0')).toBe(true);
    expect(colours.has('0,0,200')).toBe(true);
  });
});
