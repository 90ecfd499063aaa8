/** Issue 9: what a reader sees and can do in the first minute, on a desktop and on a phone. */
import { afterEach, describe, expect, it } from 'vitest';
import { gotoApp, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

type Box = { x: number; y: number; width: number; height: number; text: string };

/** The headlines written on the timeline, with their boxes on screen. */
function timelineLabels(): Box[] {
  const timeline = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline')!.shadowRoot!;
  return [...timeline.querySelectorAll<SVGTextElement>('text.label')].map((t) => {
    const r = t.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, text: t.textContent ?? '' };
  });
}

function overlapping(boxes: Box[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) pairs.push([a.text, b.text]);
    }
  return pairs;
}

const stateOf = () => {
  const s = (document.querySelector('chrono-map') as unknown as { state: { selected: string | null; window: [number, number]; query: string } }).state;
  return { selected: s.selected, window: s.window, query: s.query };
};

describe('words on the timeline', () => {
  it.each([1280, 390])('writes headlines beside their marks without overlap at three zoom levels, %i px wide', async (width) => {
    session = await openPage({ viewport: { width, height: 900 }, touch: width < 600 });
    await gotoApp(session);
    const plus = session.page.locator('cm-timeline button[aria-label="Zoom in"]');
    for (let zoom = 0; zoom < 3; zoom++) {
      await session.page.waitForTimeout(300);
      const labels = await session.page.evaluate(timelineLabels);
      expect(labels.length, `labels at zoom step ${zoom}`).toBeGreaterThan(width < 600 ? 1 : 6);
      expect(overlapping(labels)).toEqual([]);
      const frame = await session.page.locator('cm-timeline .frame').boundingBox();
      for (const l of labels) expect(l.x + l.width).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
      await plus.click();
    }
  });

  it('names the story\'s key events at first sight, without a click', async () => {
    session = await openPage();
    await gotoApp(session);
    const texts = (await session.page.evaluate(timelineLabels)).map((l) => l.text);
    expect(texts.some((t) => t.startsWith('Trump and Zelensky meet European leaders'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Putin suggests Moscow'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Trump and Putin'))).toBe(true);
  });

  it('shows a tooltip with date and headline on hover and on keyboard focus', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.locator('cm-timeline [data-event-id="kharkiv-apartment-strike"] .hit').hover();
    const tooltip = session.page.locator('cm-timeline .tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain('Drone strike on a five-storey apartment block in Kharkiv');
    expect(await tooltip.textContent()).toContain('18 Aug 2025');
    await session.page.mouse.move(2, 2);
    await session.page.keyboard.press('Tab');
    await session.page.locator('cm-timeline svg.plot').focus();
    await session.page.keyboard.press('Home');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const first = await session.page.evaluate(() => {
      const t = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline')!;
      return t.shadowRoot!.querySelector('svg.plot')!.getAttribute('aria-activedescendant');
    });
    expect(first).toMatch(/^mark-\d+$/);
    const box = await tooltip.boundingBox();
    const frame = await session.page.locator('cm-timeline .frame').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(frame!.x - 0.5);
    expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
  });
});

describe('the important event on top, on the timeline', () => {
  it('gives the top row of a crowded day to the selected event', async () => {
    session = await openPage();
    await gotoApp(session, '#event=donetsk-region-shelling-2025-08-18');
    const rows = await session.page.evaluate(() => {
      const t = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline')!.shadowRoot!;
      const y = (id: string) => t.querySelector(`[data-event-id="${id}"]`)?.getBoundingClientRect().y ?? NaN;
      return { selected: y('donetsk-region-shelling-2025-08-18'), others: ['kharkiv-apartment-strike', 'zaporizhzhia-missile-strike', 'odesa-fuel-facility-strike'].map(y) };
    });
    for (const other of rows.others) if (!Number.isNaN(other)) expect(rows.selected).toBeLessThanOrEqual(other);
  });
});

describe('details where the eye is', () => {
  it('brings the details into view after a table click on a phone', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await gotoApp(session);
    await session.page.locator('chrono-map .modes button', { hasText: 'Table' }).click();
    const row = session.page.locator('cm-table tr[data-event-id="okhtyrka-drone-strike"] button.title');
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await session.page.waitForTimeout(600);
    const box = await session.page.locator('cm-details h2').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  });

  it('moves focus to the details\' heading after a selection from the keyboard, and Escape brings it back', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.locator('cm-timeline svg.plot').focus();
    await session.page.keyboard.press('Home');
    await session.page.keyboard.press('Enter');
    const focused = () =>
      session!.page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.id || el?.tagName.toLowerCase() || '';
      });
    await expect.poll(focused).toBe('details-title');
    await session.page.keyboard.press('Escape');
    expect((await session.page.evaluate(stateOf)).selected).toBeNull();
    expect(await focused()).toBe('svg');
  });
});

describe('a phone\'s first screen', () => {
  it('holds the map and the start of the timeline, with the filters folded into one control', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await gotoApp(session);
    const map = await session.page.locator('chrono-map cm-map').boundingBox();
    const timeline = await session.page.locator('chrono-map cm-timeline').boundingBox();
    expect(map!.y + map!.height).toBeLessThanOrEqual(844);
    expect(timeline!.y).toBeLessThan(844);
    expect(await session.page.locator('cm-filters').isVisible()).toBe(false);
    const toggle = session.page.locator('chrono-map .filters-toggle');
    await toggle.click();
    expect(await session.page.locator('cm-filters').isVisible()).toBe(true);
    await session.page.locator('cm-filters button', { hasText: 'Attack' }).click();
    expect((await toggle.textContent())!.trim()).toBe('Filters (1 hidden)');
  });

  it('shows every column of the table, each event as a card', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await gotoApp(session);
    await session.page.locator('chrono-map .modes button', { hasText: 'Table' }).click();
    const cells = await session.page.locator('cm-table tr[data-event-id="kharkiv-apartment-strike"] td').evaluateAll((tds) =>
      tds.map((td) => {
        const r = td.getBoundingClientRect();
        return { visible: r.width > 0 && r.right <= innerWidth + 0.5, text: `${td.getAttribute('data-label') ?? ''}: ${(td as HTMLElement).innerText}` };
      }),
    );
    expect(cells).toHaveLength(5);
    expect(cells.every((c) => c.visible)).toBe(true);
    expect(cells.map((c) => c.text).join(' | ')).toMatch(/Status: reported \| Where: Kharkiv/);
  });
});

describe('search', () => {
  it('finds events, says how many, highlights them, puts q in the link, and Enter selects the first', async () => {
    session = await openPage();
    await gotoApp(session);
    const field = session.page.locator('cm-search input');
    await field.fill('Kharkiv');
    await expect.poll(() => session!.page.locator('cm-search .count').textContent()).toMatch(/^\d+ events match$/);
    await expect.poll(() => session!.page.url()).toContain('q=Kharkiv');
    const matches = await session.page.locator('cm-timeline .mark.match').count();
    expect(matches).toBeGreaterThan(0);
    expect(await session.page.locator('cm-timeline .mark.dim').count()).toBeGreaterThan(0);
    await field.press('Enter');
    const { selected } = await session.page.evaluate(stateOf);
    expect(selected).not.toBeNull();
    expect(await session.page.locator(`cm-timeline [data-event-id="${selected}"]`).getAttribute('class')).toContain('match');
  });

  it('searches in Ukrainian too, ignoring case, and restores a search from a link', async () => {
    session = await openPage({ locale: 'uk-UA' });
    await gotoApp(session, '?lang=uk#q=%D1%85%D0%B0%D1%80%D0%BA%D1%96%D0%B2');
    expect((await session.page.evaluate(stateOf)).query).toBe('харків');
    await expect.poll(() => session!.page.locator('cm-search .count').textContent()).toMatch(/^Знайдено (1 подію|подій: \d+)$/);
    expect(await session.page.locator('cm-search input').inputValue()).toBe('харків');
    await session.page.locator('cm-search input').fill('ХАРКІВ');
    await expect.poll(() => session!.page.url()).toContain('q=%D0%A5%D0%90%D0%A0%D0%9A%D0%86%D0%92');
    expect(await session.page.locator('cm-timeline .mark.match').count()).toBeGreaterThan(0);
  });
});

describe('translations, honestly', () => {
  it('marks participants, notes and areas shown in English in the Ukrainian interface', async () => {
    session = await openPage({ locale: 'uk-UA' });
    await gotoApp(session, '?lang=uk#event=overnight-attack-2025-08-15-16');
    const details = session.page.locator('cm-details');
    const marks = await details.locator('.untranslated').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.includes('Ще не перекладено'))).toBe(true);
    expect(await details.locator('ul.participants, [lang="en"]').count()).toBeGreaterThan(0);
  });
});
