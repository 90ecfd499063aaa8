/** Issue 12: the Share control gives a link to the current view and the embed snippets for it. */
import { afterEach, describe, expect, it } from 'vitest';
import { gotoApp, openPage, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.browser.close();
  session = undefined;
});

describe('Share', () => {
  it('offers a link to the current view and snippets whose embed URL opens the same view', async () => {
    session = await openPage();
    await gotoApp(session, '#event=kharkiv-apartment-strike&from=2025-08-17&to=2025-08-20');
    await session.page.locator('cm-share button.toggle').click();
    const texts = await session.page.locator('cm-share textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    expect(texts[0]).toBe(`${session.baseUrl}#event=kharkiv-apartment-strike&from=2025-08-17&to=2025-08-20`);
    const iframe = texts.find((t) => t.includes('<iframe'))!;
    const src = /src="([^"]+)"/.exec(iframe)![1]!.replace(/&amp;/g, '&');
    expect(src).toContain('embed.html?');
    expect(src).toContain('event=kharkiv-apartment-strike');
    await session.page.goto(src);
    await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    const state = await session.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string; window: number[] } }).state);
    expect(state.selected).toBe('kharkiv-apartment-strike');
    expect(state.window).toEqual([Date.UTC(2025, 7, 17), Date.UTC(2025, 7, 20)]);
  });
});
