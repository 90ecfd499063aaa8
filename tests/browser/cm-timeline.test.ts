import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/components/cm-timeline';
import type { CmTimeline } from '../../src/components/cm-timeline';
import { PickEvent, WindowRequestEvent } from '../../src/components/events';
import type { Dataset } from '../../src/model/dataset';
import { validateValue } from '../../src/model/validate';
import { darkTokens } from '../../src/components/theme.styles';
import { kindTokens } from '../../src/components/shared.styles';
import { DEFAULT_KINDS } from '../../src/model/categories';
import { dataset, event } from '../fixtures/datasets';

function data(): Dataset {
  const result = validateValue(
    dataset({
      events: [
        event({ id: 'summit', kind: 'meeting', status: 'held', start: '2025-08-15T11:26-08:00', precision: 'exact', timezone: 'America/Anchorage' }),
        event({ id: 'strike-1', start: '2025-08-18' }),
        event({ id: 'strike-2', start: '2025-08-18' }),
        event({ id: 'proposal', kind: 'proposal', status: 'declined', start: '2025-08-19' }),
        event({ id: 'later', start: '2025-10-01' }),
      ],
    }),
  );
  if (!result.ok) throw new Error('fixture invalid');
  return result.dataset;
}

let element: CmTimeline | undefined;
afterEach(() => element?.remove());

async function mount(): Promise<CmTimeline> {
  element = document.createElement('cm-timeline');
  element.style.cssText = `width: 800px; display: block; ${darkTokens.cssText.replace(/\n/g, ' ')} ${kindTokens(DEFAULT_KINDS, true)}`;
  element.data = data();
  element.window = [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 21)];
  document.body.append(element);
  const el = element;
  // Its first draw waits for layout; on a loaded CI machine that took longer than waitFor's 1 s default.
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-event-id]')).not.toBeNull(), { timeout: 5_000 });
  return el;
}

const marks = (el: CmTimeline) => [...el.shadowRoot!.querySelectorAll<SVGGElement>('[data-event-id]')];

describe('<cm-timeline>', () => {
  it('draws one mark per event in the window, each with its id', async () => {
    const el = await mount();
    expect(marks(el).map((m) => m.dataset.eventId).sort()).toEqual(['proposal', 'strike-1', 'strike-2', 'summit']);
  });

  it('separates diplomacy from attacks in two lanes', async () => {
    const el = await mount();
    const lane = (id: string) => el.shadowRoot!.querySelector(`[data-event-id="${id}"]`)!.closest('[data-lane]')!.getAttribute('data-lane');
    expect([lane('summit'), lane('proposal'), lane('strike-1')]).toEqual(['diplomacy', 'diplomacy', 'attacks']);
  });

  it('stacks two strikes of the same day instead of drawing one over the other', async () => {
    const el = await mount();
    const [a, b] = ['strike-1', 'strike-2'].map((id) => el.shadowRoot!.querySelector(`[data-event-id="${id}"]`)!.getBoundingClientRect());
    expect(Math.abs(a!.x - b!.x)).toBeLessThan(1);
    expect(Math.abs(a!.y - b!.y)).toBeGreaterThanOrEqual(16);
  });

  it('draws a declined proposal open and struck through, and a held meeting filled', async () => {
    const el = await mount();
    const fill = (id: string) => getComputedStyle(el.shadowRoot!.querySelector(`[data-event-id="${id}"] .shape`)!).fill;
    expect(el.shadowRoot!.querySelector('[data-event-id="proposal"] .strike')).not.toBeNull();
    expect(fill('proposal')).toBe('rgb(22, 22, 26)');
    expect(fill('summit')).toBe('rgb(127, 178, 240)');
    expect(el.shadowRoot!.querySelector('[data-event-id="summit"] .strike')).toBeNull();
  });

  it('marks an exact time differently from a day', async () => {
    const el = await mount();
    expect(el.shadowRoot!.querySelector('[data-event-id="summit"]')!.classList).toContain('precision-exact');
    expect(el.shadowRoot!.querySelector('[data-event-id="summit"] .tick')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('[data-event-id="strike-1"] .span')).not.toBeNull();
  });

  it('asks to select the event clicked', async () => {
    const el = await mount();
    const picked = new Promise<string | null>((resolve) => el.addEventListener('cm-pick', (e: PickEvent) => resolve(e.id), { once: true }));
    el.shadowRoot!.querySelector<SVGElement>('[data-event-id="strike-2"] .hit')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(await picked).toBe('strike-2');
  });

  it('moves with the arrow keys in time order and selects with Enter', async () => {
    const el = await mount();
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg.plot')!;
    svg.focus();
    const picked: (string | null)[] = [];
    el.addEventListener('cm-pick', (e: PickEvent) => picked.push(e.id));
    const press = async (key: string) => {
      svg.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await el.updateComplete;
    };
    for (const key of ['Home', 'ArrowRight', 'Enter', 'End', 'Enter']) await press(key);
    expect(svg.getAttribute('aria-activedescendant')).toBe(el.shadowRoot!.querySelector('[data-event-id="proposal"]')!.id);
    await press('Escape');
    expect(picked).toEqual(['strike-1', 'proposal', null]);
  });

  it('asks for a narrower window when zoomed in with the button, and the whole period on reset', async () => {
    const el = await mount();
    const requests: [number, number][] = [];
    el.addEventListener('cm-window-request', (e: WindowRequestEvent) => requests.push([e.from, e.to]));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Show the whole period"]')!.click();
    const [zoomed, whole] = requests;
    expect(zoomed![1] - zoomed![0]).toBeCloseTo((Date.UTC(2025, 7, 21) - Date.UTC(2025, 7, 14)) / 2, -3);
    expect(whole![0]).toBeLessThan(Date.UTC(2025, 7, 15, 19));
    expect(whole![1]).toBeGreaterThan(Date.UTC(2025, 9, 1));
  });

  it('draws a new window once, as in each frame of a playback, not a second time for its own zoom catching up', async () => {
    const el = await mount();
    el.playing = 1;
    await el.updateComplete;
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await frames();
    const render = vi.spyOn(el, 'render');
    for (let day = 1; day <= 3; day++) {
      // A slide by an amount the zoom's own arithmetic does not give back exactly.
      el.window = [Date.UTC(2025, 7, 14) + day * 3_600_000.3, Date.UTC(2025, 7, 21) + day * 3_600_000.3];
      await el.updateComplete;
      await frames();
    }
    expect(render).toHaveBeenCalledTimes(3);
    render.mockRestore();
  });

  it('commits a Ctrl+wheel zoom once, after the wheel has been quiet for a while', async () => {
    const el = await mount();
    const requests: [number, number][] = [];
    el.addEventListener('cm-window-request', (e: WindowRequestEvent) => requests.push([e.from, e.to]));
    const plot = el.shadowRoot!.querySelector('svg.plot')!;
    const box = plot.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 2, clientY: box.top + 60 };
    for (let i = 0; i < 6; i++) {
      plot.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true }));
      // Gaps longer than d3's own 150 ms gesture end: each step is a gesture of its own for d3.
      await new Promise((r) => setTimeout(r, i % 2 ? 40 : 200));
    }
    expect(requests).toEqual([]);
    await vi.waitFor(() => expect(requests).toHaveLength(1), { timeout: 2000 });
    expect(requests[0]![1] - requests[0]![0]).toBeLessThan((Date.UTC(2025, 7, 21) - Date.UTC(2025, 7, 14)) / 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(requests).toHaveLength(1);
  });

  it('does not report marks sliding under the pointer during a drag as hovers', async () => {
    const el = await mount();
    const hovers: (string | null)[] = [];
    el.addEventListener('cm-hover', (e) => hovers.push((e as unknown as { id: string | null }).id));
    const plot = el.shadowRoot!.querySelector('svg.plot')!;
    const box = plot.getBoundingClientRect();
    const mark = el.shadowRoot!.querySelector('[data-event-id="strike-1"]')!;
    plot.dispatchEvent(new MouseEvent('mousedown', { clientX: box.left + 100, clientY: box.top + 60, bubbles: true, view: window }));
    window.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + 140, clientY: box.top + 60, bubbles: true, view: window }));
    mark.dispatchEvent(new PointerEvent('pointerenter'));
    window.dispatchEvent(new MouseEvent('mouseup', { clientX: box.left + 140, clientY: box.top + 60, bubbles: true, view: window }));
    expect(hovers).toEqual([]);
    mark.dispatchEvent(new PointerEvent('pointerenter'));
    expect(hovers).toEqual(['strike-1']);
  });

  it('gives each mark a sentence for screen readers', async () => {
    const el = await mount();
    const label = el.shadowRoot!.querySelector('[data-event-id="summit"]')!.getAttribute('aria-label');
    expect(label).toBe('Fri, 15 Aug 2025, 11:26 GMT-8. Drone attack on Kyiv. Meeting, held. Kyiv. Killed: 2 (City administration).');
  });
});

describe('<cm-timeline> selecting in a crowded stretch', () => {
  /** Thirty strikes on one day: a few rows of marks, the rest in a "+N" group. */
  async function mountCrowded(): Promise<CmTimeline> {
    const result = validateValue(dataset({ events: Array.from({ length: 30 }, (_, i) => event({ id: `s-${i}`, start: '2025-08-18' })) }));
    if (!result.ok) throw new Error('fixture invalid');
    element = document.createElement('cm-timeline');
    element.style.cssText = 'width: 800px; display: block;';
    element.data = result.dataset;
    element.window = [Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 21)];
    document.body.append(element);
    const el = element;
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-event-id]')).not.toBeNull(), { timeout: 5_000 });
    return el;
  }
  const positions = (el: CmTimeline) => new Map(marks(el).map((m) => [m.dataset.eventId!, `${Math.round(m.getBoundingClientRect().x)},${Math.round(m.getBoundingClientRect().y)}`]));

  it('leaves every mark where it was when the reader selects one of them, so nothing moves under the pointer', async () => {
    const el = await mountCrowded();
    const before = positions(el);
    expect(before.size).toBeGreaterThan(2);
    expect(before.size).toBeLessThan(30);
    // The lowest mark: selecting it used to lay the lane out again with it in the first row.
    const lowest = [...before].sort((a, b) => Number(b[1].split(',')[1]) - Number(a[1].split(',')[1]))[0]![0];
    el.selected = lowest;
    await el.updateComplete;
    expect(positions(el)).toEqual(before);
    expect(el.shadowRoot!.querySelector(`[data-event-id="${lowest}"]`)!.classList).toContain('selected');
  });

  it('draws a selected event that was inside a "+N" group as a mark of its own', async () => {
    const el = await mountCrowded();
    const hidden = Array.from({ length: 30 }, (_, i) => `s-${i}`).find((id) => !positions(el).has(id))!;
    el.selected = hidden;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(`[data-event-id="${hidden}"]`)?.classList).toContain('selected');
  });
});

describe('<cm-timeline> on touch screens', () => {
  it('picks the nearest mark for a tap up to 22 px away, and nothing further', async () => {
    const el = await mount();
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg.plot')!;
    const mark = el.shadowRoot!.querySelector('[data-event-id="summit"] .shape')!.getBoundingClientRect();
    const [cx, cy] = [mark.x + mark.width / 2, mark.y + mark.height / 2];
    const picked: (string | null)[] = [];
    el.addEventListener('cm-pick', (e: PickEvent) => picked.push(e.id));
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: cx + 20, clientY: cy - 5 }));
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: cx + 40, clientY: cy - 30 }));
    expect(picked).toEqual(['summit']);
  });
});

describe('<cm-timeline> gliding through many frames', () => {
  // Playback moves the window a little every frame; the axis, its labels, the overview and the
  // histogram's bars take shortcuts then (nodes kept, labels kept). After the glide everything
  // must read exactly as in a timeline opened at the last window.
  function many(): Dataset {
    const events = Array.from({ length: 3_000 }, (_, i) =>
      event({ id: `e${i}`, kind: i % 4 === 0 ? 'meeting' : 'attack', start: new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 330) * 86_400_000).toISOString().slice(0, 10) }),
    );
    const result = validateValue(dataset({ events }));
    if (!result.ok) throw new Error('fixture invalid');
    return result.dataset;
  }

  async function open(d: Dataset, window: [number, number]): Promise<CmTimeline> {
    const el = document.createElement('cm-timeline');
    el.style.cssText = 'width: 800px; display: block;';
    el.data = d;
    el.window = window;
    el.playing = 1;
    document.body.append(el);
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('g.axis .tick')).not.toBeNull(), { timeout: 5_000 });
    return el;
  }

  const drawing = (el: CmTimeline) => {
    const root = el.shadowRoot!;
    const ticks = (selector: string) =>
      [...root.querySelectorAll<SVGGElement>(`${selector} .tick`)].map((t) => `${t.textContent}@${t.getAttribute('transform')}${t.getAttribute('display') ? ' hidden' : ''}`);
    const bins = [...root.querySelectorAll<SVGGElement>('.bin')].map((b) => {
      const rect = b.querySelector('rect')!;
      return `${b.getAttribute('aria-label')}|${b.dataset.count}|${rect.getAttribute('x')}|${rect.getAttribute('y')}|${rect.getAttribute('height')}|${b.querySelector('text')?.textContent ?? ''}`;
    });
    const brush = root.querySelector('.brush .selection');
    return { axis: ticks('g.axis'), overview: ticks('g.overview-axis'), bins, brush: `${brush?.getAttribute('x')}|${brush?.getAttribute('width')}` };
  };

  it('draws the same axis, overview, bars and brush after a glide as when opened at its end', async () => {
    const d = many();
    const day = 86_400_000;
    const start: [number, number] = [Date.UTC(2025, 0, 10), Date.UTC(2025, 2, 10)];
    const gliding = await open(d, start);
    const before = drawing(gliding);
    for (let i = 1; i <= 40; i++) {
      gliding.window = [start[0] + i * 1.7 * day, start[1] + i * 1.7 * day];
      await gliding.updateComplete;
    }
    const end = gliding.window!;
    const after = drawing(gliding);
    const fresh = await open(d, [end[0], end[1]]);
    try {
      expect(after).toEqual(drawing(fresh));
      // The glide did move things: ticks, bars and the brush all changed on the way.
      expect(after.axis).not.toEqual(before.axis);
      expect(after.bins).not.toEqual(before.bins);
      expect(after.brush).not.toEqual(before.brush);
      expect(after.axis.length).toBeGreaterThan(3);
      // A new language and a window reaching past the period redraw the labels and the overview.
      const past: [number, number] = [Date.UTC(2025, 8, 1), Date.UTC(2026, 1, 1)];
      for (const el of [gliding, fresh]) {
        el.language = 'uk';
        el.window = past;
        await el.updateComplete;
      }
      const reopened = await open(d, past);
      reopened.language = 'uk';
      await reopened.updateComplete;
      try {
        expect(drawing(gliding)).toEqual(drawing(reopened));
        expect(drawing(gliding).overview).not.toEqual(after.overview);
      } finally {
        reopened.remove();
      }
    } finally {
      gliding.remove();
      fresh.remove();
    }
  });
});
