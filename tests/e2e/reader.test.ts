import { afterEach, describe, expect, it } from 'vitest';
import { gotoApp, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

const selected = (s: Session) => s.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string | null } }).state.selected);

/** Presses Tab until the focused element deep in the shadow trees matches, or gives up. */
async function tabTo(s: Session, matches: string, max = 80): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await s.page.keyboard.press('Tab');
    const hit = await s.page.evaluate((selector) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return !!el?.matches(selector);
    }, matches);
    if (hit) return true;
  }
  return false;
}

describe('with only a keyboard', () => {
  it('reaches the timeline, selects, steps to the next event, and picks a place on the map', async () => {
    session = await openPage();
    await gotoApp(session);
    expect(await tabTo(session, 'svg.plot')).toBe(true);
    await session.page.keyboard.press('Home');
    await session.page.keyboard.press('Enter');
    const first = await selected(session);
    expect(first).not.toBeNull();
    await session.page.keyboard.press('Shift+Tab');
    expect(await tabTo(session, 'button[aria-label="Next event"]')).toBe(true);
    await session.page.keyboard.press('Enter');
    expect(await selected(session)).not.toBe(first);
    await session.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // The map's places: one "Find a place" combobox, the busiest places first.
    expect(await tabTo(session, 'input[role="combobox"]')).toBe(true);
    await session.page.keyboard.press('ArrowDown');
    const place = await session.page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const id = el?.getAttribute('aria-activedescendant');
      return id ? (el!.getRootNode() as ShadowRoot).getElementById(id)?.getAttribute('aria-label') : null;
    });
    expect(place).toMatch(/events?$/);
    const before = await selected(session);
    await session.page.keyboard.press('Enter');
    expect(await selected(session)).not.toBe(before);
  });

  it('shows where the focus is', async () => {
    session = await openPage();
    await gotoApp(session);
    expect(await tabTo(session, 'button')).toBe(true);
    const outline = await session.page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const style = getComputedStyle(el!);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).toBe('solid 3px');
  });
});

describe('for screen readers', () => {
  it('announces a selection as a sentence in a live region', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { select(id: string): void }).select('kharkiv-apartment-strike'));
    const live = session.page.locator('chrono-map [aria-live="polite"]');
    await expect.poll(() => live.textContent()).toMatch(/^Selected: Mon, 18 Aug 2025, about 05:00 EEST\. .+\. Attack, reported\. Kharkiv\./);
  });

  it('announces the count when filters change', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.locator('cm-filters button', { hasText: 'Attack' }).click();
    await expect.poll(() => session!.page.locator('chrono-map [aria-live="polite"]').textContent()).toMatch(/^\d+ of 53 events$/);
  });

  it('exposes every event in the window as an option with a sentence', async () => {
    session = await openPage();
    await gotoApp(session);
    const snapshot = await session.page.locator('cm-timeline svg.plot').ariaSnapshot();
    expect(snapshot).toContain('listbox "Events in time order');
    expect(snapshot).toMatch(/option "Fri, 15 Aug 2025, 11:26 GMT-8\. Trump and Putin .+\. Meeting, held\. Joint Base Elmendorf/);
  });
});

describe('on a phone', () => {
  it.each([
    [360, 640],
    [390, 844],
  ])('stacks map, timeline and details at %i×%i with no sideways scroll and 44 px targets', async (width, height) => {
    session = await openPage({ viewport: { width, height }, touch: true });
    await gotoApp(session, '#event=kharkiv-apartment-strike');
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const top = async (selector: string) => (await session!.page.locator(selector).boundingBox())!.y;
    const [map, timeline, details] = [await top('cm-map'), await top('cm-timeline'), await top('cm-details')];
    expect(map).toBeLessThan(timeline);
    expect(timeline).toBeLessThan(details);
    const small = await session.page.evaluate(() => {
      const out: string[] = [];
      const visit = (root: ParentNode) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) visit(el.shadowRoot);
          if (el.matches('button, a[href]')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && (r.width < 44 || r.height < 44) && !el.closest('.places')) out.push(`${el.tagName} ${el.textContent?.trim().slice(0, 20)} ${r.width}×${r.height}`);
          }
        }
      };
      visit(document);
      return out;
    });
    expect(small).toEqual([]);
  });

  it('selects with a tap and pans the timeline with a finger', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await gotoApp(session);
    await session.page.locator('cm-timeline [data-event-id="kharkiv-apartment-strike"] .hit').tap();
    expect(await selected(session)).toBe('kharkiv-apartment-strike');
    const box = (await session.page.locator('cm-timeline svg.plot').boundingBox())!;
    const windowBefore = await session.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { window: number[] } }).state.window);
    const cdp = await session.page.context().newCDPSession(session.page);
    const y = box.y + 60;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: box.x + 300, y }] });
    for (let x = 300; x >= 150; x -= 15) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: box.x + x, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect
      .poll(() => session!.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { window: number[] } }).state.window[0]))
      .toBeGreaterThan(windowBefore[0]!);
  });

  it('zooms the timeline with a two-finger pinch', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await gotoApp(session);
    const span = () => session!.page.evaluate(() => {
      const w = (document.querySelector('chrono-map') as unknown as { state: { window: number[] } }).state.window;
      return w[1]! - w[0]!;
    });
    const before = await span();
    await session.page.locator('cm-timeline svg.plot').scrollIntoViewIfNeeded();
    const box = (await session.page.locator('cm-timeline svg.plot').boundingBox())!;
    const cdp = await session.page.context().newCDPSession(session.page);
    await cdp.send('Input.synthesizePinchGesture', { x: box.x + box.width / 2, y: box.y + 60, scaleFactor: 4, relativeSpeed: 400, gestureSourceType: 'touch' });
    await expect.poll(span).toBeLessThan(before / 2);
  });

  it('works inside an iframe 600 px tall', async () => {
    session = await openPage();
    await session.page.setContent(`<iframe src="${session.baseUrl}" style="width:100%;height:600px;border:0" title="Chronomap"></iframe>`);
    const frame = session.page.frames()[1]!;
    await frame.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    await frame.locator('cm-timeline [data-event-id="alaska-summit-trump-putin"] .hit').click();
    expect(await frame.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string } }).state.selected)).toBe('alaska-summit-trump-putin');
    expect(session.errors).toEqual([]);
  });
});

describe('preferences', () => {
  it('follows a dark system theme, and the theme attribute overrides it', async () => {
    session = await openPage({ colorScheme: 'dark' });
    await gotoApp(session);
    expect(await session.page.locator('chrono-map .root').getAttribute('class')).toContain('dark');
    await session.page.evaluate(() => document.querySelector('chrono-map')!.setAttribute('theme', 'light'));
    await expect.poll(() => session!.page.locator('chrono-map .root').getAttribute('class')).toContain('light');
  });

  it('jumps instead of flying when the reader prefers reduced motion, and eases otherwise', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      session = await openPage({ reducedMotion });
      await gotoApp(session);
      const moving = await session.page.evaluate(async () => {
        const root = document.querySelector('chrono-map') as unknown as { setWindow(a: string, b: string): void; shadowRoot: ShadowRoot };
        root.setWindow('2025-09-01', '2025-09-10');
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const map = root.shadowRoot.querySelector('cm-map') as unknown as { mapLibre: { isMoving(): boolean } };
        return map.mapLibre.isMoving();
      });
      expect(moving, reducedMotion).toBe(reducedMotion === 'no-preference');
      await session.browser.close();
      session = undefined;
    }
  });

  it('stays usable in forced colours (Windows high contrast)', async () => {
    session = await openPage({ forcedColors: 'active' });
    expect(await gotoApp(session)).toBe('ready');
    const fill = await session.page.evaluate(() => {
      const mark = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline')!.shadowRoot!.querySelector('[data-event-id="kharkiv-apartment-strike"] .shape')!;
      return getComputedStyle(mark).fill;
    });
    expect(fill).not.toBe('none');
    await session.page.locator('cm-timeline [data-event-id="kharkiv-apartment-strike"] .hit').click();
    expect(await selected(session)).toBe('kharkiv-apartment-strike');
  });
});

describe('in Ukrainian', () => {
  it.each([
    ['the URL', '?lang=uk', {}],
    ['the browser language', '', { locale: 'uk-UA' }],
  ])('is chosen by %s', async (_, path, options) => {
    session = await openPage(options);
    await gotoApp(session, `${path}#event=alaska-summit-trump-putin`);
    expect(await session.page.locator('cm-filters legend').first().textContent()).toBe('Тип');
    expect(await session.page.locator('cm-details h2').textContent()).toBe('Трамп і Путін зустрічаються на військовій базі США на Алясці');
    expect(await session.page.locator('h1').textContent()).toContain('Переговори й удари');
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  it('is chosen by the lang attribute and formats dates with Intl', async () => {
    session = await openPage();
    await gotoApp(session, '#event=kharkiv-apartment-strike');
    await session.page.evaluate(() => document.querySelector('chrono-map')!.setAttribute('lang', 'uk'));
    await expect.poll(() => session!.page.locator('cm-details dd').first().textContent()).toContain('пн, 18 серп. 2025 р.');
  });

  it('does not overflow a phone with longer strings', async () => {
    session = await openPage({ viewport: { width: 360, height: 640 }, locale: 'uk-UA', touch: true });
    await gotoApp(session, '?lang=uk#event=white-house-multilateral-european-leaders');
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
