/** Issue 12: the guided story, the presenter view and playback through time. */
import { afterEach, describe, expect, it } from 'vitest';
import { gotoApp, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

const stateOf = () => {
  const s = (document.querySelector('chrono-map') as unknown as {
    state: { selected: string | null; window: [number, number]; story: { id: string; step: number } | null; playback: { speed: number } | null; dataset: { extent: [number, number] } };
  }).state;
  return { selected: s.selected, window: s.window, story: s.story, playing: s.playback !== null, end: s.dataset.extent[1] };
};
const timelineView = () => (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline') as unknown as { view: [number, number] }).view;

describe('the story', () => {
  it('opens at step 1 from the Story button, moves both views there, and writes the step in the URL', async () => {
    session = await openPage();
    await gotoApp(session);
    await session.page.locator('chrono-map .story-button').click();
    await expect.poll(() => session!.page.url()).toContain('#story=august-2025&step=1');
    const s = await session.page.evaluate(stateOf);
    expect(s.story).toEqual({ id: 'august-2025', step: 1 });
    expect(s.selected).toBe('alaska-summit-trump-putin');
    expect(s.window).toEqual([Date.UTC(2025, 7, 14), Date.UTC(2025, 7, 17)]);
    expect(await session.page.locator('cm-story .count').first().textContent()).toBe('Step 1 of 9');
    await session.page.waitForFunction(() => {
      const map = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-map') as unknown as { selected: string | null };
      return map.selected === 'alaska-summit-trump-putin';
    });
    expect(await session.page.locator('cm-details h2').textContent()).toBe('Trump and Putin meet at a US base in Alaska');
  });

  it('steps with the arrow keys and Page Up / Page Down when the card has focus, and fires cm-step-change', async () => {
    session = await openPage();
    await session.page.addInitScript(() => {
      (window as unknown as { steps: unknown[] }).steps = [];
      document.addEventListener('cm-step-change', (e) => (window as unknown as { steps: unknown[] }).steps.push([(e as unknown as { story: string }).story, (e as unknown as { step: number }).step]));
    });
    await gotoApp(session);
    await session.page.locator('chrono-map .story-button').click();
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('PageDown');
    await session.page.keyboard.press('PageDown');
    await session.page.keyboard.press('PageUp');
    const s = await session.page.evaluate(stateOf);
    expect(s.story).toEqual({ id: 'august-2025', step: 3 });
    expect(s.selected).toBe('white-house-multilateral-european-leaders');
    expect(await session.page.evaluate(() => (window as unknown as { steps: unknown[] }).steps)).toEqual([
      ['august-2025', 1],
      ['august-2025', 2],
      ['august-2025', 3],
      ['august-2025', 4],
      ['august-2025', 3],
    ]);
    await session.page.goBack();
    await expect.poll(async () => (await session!.page.evaluate(stateOf)).story?.step).toBe(4);
  });

  it('opens the step a link names, and goToStep and the step attribute move it', async () => {
    session = await openPage();
    await gotoApp(session, '#story=august-2025&step=4');
    expect((await session.page.evaluate(stateOf)).selected).toBe('putin-moscow-venue-proposal-refused');
    await session.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { goToStep(n: number): void }).goToStep(6));
    expect((await session.page.evaluate(stateOf)).selected).toBe('trump-fox-no-us-troops');
    await session.page.evaluate(() => document.querySelector('chrono-map')!.setAttribute('step', '9'));
    await expect.poll(async () => (await session!.page.evaluate(stateOf)).selected).toBe('ukraine-children-return-precondition');
    await session.page.locator('cm-story button', { hasText: 'Explore on your own' }).click();
    expect((await session.page.evaluate(stateOf)).story).toBeNull();
    await expect.poll(() => session!.page.url()).not.toContain('story=');
  });

  it('eases both views to a step unless the reader prefers reduced motion', async () => {
    session = await openPage({ reducedMotion: 'no-preference' });
    await gotoApp(session, '#story=august-2025&step=1');
    await session.page.waitForTimeout(800);
    const start = await session.page.evaluate(timelineView);
    // Every frame's view, recorded in the page: on a loaded machine a probe from outside can arrive after the ease.
    await session.page.evaluate(() => {
      const timeline = document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline') as unknown as { view: [number, number] };
      const views: [number, number][] = [];
      (window as unknown as { __views: typeof views }).__views = views;
      const tick = () => {
        views.push([timeline.view[0], timeline.view[1]]);
        if (views.length < 600) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await session.page.locator('cm-story button', { hasText: 'Next' }).click();
    const target = (await session.page.evaluate(stateOf)).window;
    await expect.poll(() => session!.page.evaluate(timelineView)).toEqual(target);
    const views = await session.page.evaluate(() => (window as unknown as { __views: [number, number][] }).__views);
    const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];
    expect(same(start, target)).toBe(false);
    expect(views.some((v) => !same(v, start) && !same(v, target))).toBe(true);
    await session.browser.close();

    session = await openPage({ reducedMotion: 'reduce' });
    await gotoApp(session, '#story=august-2025&step=1');
    await session.page.locator('cm-story button', { hasText: 'Next' }).click();
    const [now, wanted] = await session.page.evaluate(() => [
      (document.querySelector('chrono-map')!.shadowRoot!.querySelector('cm-timeline') as unknown as { view: [number, number] }).view,
      (document.querySelector('chrono-map') as unknown as { state: { window: [number, number] } }).state.window,
    ]);
    expect(now).toEqual(wanted);
  });

  it('docks the card below the map on a phone, never over it', async () => {
    session = await openPage({ viewport: { width: 390, height: 844 }, touch: true });
    await gotoApp(session, '#story=august-2025&step=2');
    const map = await session.page.locator('chrono-map cm-map').boundingBox();
    const card = await session.page.locator('chrono-map cm-story').boundingBox();
    expect(card!.y).toBeGreaterThanOrEqual(map!.y + map!.height);
  });

  it('has a presenter view with larger type, stepped from the keyboard alone', async () => {
    session = await openPage();
    await gotoApp(session, '#story=august-2025&step=1');
    const before = await session.page.locator('cm-story h2').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    await session.page.locator('cm-story button', { hasText: 'Presenter view' }).click();
    await expect.poll(() => session!.page.locator('chrono-map .root').getAttribute('class')).toContain('presenting');
    const after = await session.page.locator('cm-story h2').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    expect(after).toBeGreaterThan(before * 1.4);
    await session.page.keyboard.press('PageDown');
    await session.page.keyboard.press(' ');
    expect((await session.page.evaluate(stateOf)).story?.step).toBe(3);
    await session.page.keyboard.press('Escape');
    await expect.poll(() => session!.page.locator('chrono-map .root').getAttribute('class')).not.toContain('presenting');
  });
});

describe('playback', () => {
  it('moves the window through the period and stops at its end', async () => {
    session = await openPage({ reducedMotion: 'no-preference' });
    await gotoApp(session);
    const start = (await session.page.evaluate(stateOf)).window;
    await session.page.locator('cm-timeline .play select').selectOption('4');
    await session.page.locator('cm-timeline .play-button').click();
    await expect.poll(async () => (await session!.page.evaluate(stateOf)).window[0], { timeout: 10_000 }).toBeGreaterThan(start[0]);
    await expect.poll(async () => (await session!.page.evaluate(stateOf)).playing, { timeout: 30_000 }).toBe(false);
    const end = await session.page.evaluate(stateOf);
    expect(end.window[1]).toBe(end.end);
    expect(end.window[1] - end.window[0]).toBeCloseTo(start[1] - start[0], -3);
  });

  it('stops when the reader touches anything', async () => {
    session = await openPage({ reducedMotion: 'no-preference' });
    await gotoApp(session);
    await session.page.locator('cm-timeline .play-button').click();
    expect((await session.page.evaluate(stateOf)).playing).toBe(true);
    await session.page.locator('cm-details').click();
    expect((await session.page.evaluate(stateOf)).playing).toBe(false);
  });

  it('steps a day at a time with reduced motion', async () => {
    session = await openPage({ reducedMotion: 'reduce' });
    await gotoApp(session);
    const start = (await session.page.evaluate(stateOf)).window;
    await session.page.locator('cm-timeline .play-button').click();
    await expect.poll(async () => (await session!.page.evaluate(stateOf)).window[0], { timeout: 5_000 }).not.toBe(start[0]);
    const moved = (await session.page.evaluate(stateOf)).window;
    expect(moved[0] - start[0]).toBe(86_400_000);
  });
});
